// The flat round path for unobserved runs (issue 7): a mutable round loop on flat typed arrays that
// plays the built-in strategies deterrer, pragmatist, contractor, hawk, tit-for-tat and passive
// (strategies.ts), dove, random, generous-tit-for-tat and grim-trigger (strategies-simple.ts), and
// cautious, de-escalator, spoiler and norm-entrepreneur (diplomatic.ts): all twelve built-ins, in
// any mix and with any parameters, under the world's mechanisms, and reaches the general engine's
// outcome bit for bit (tests/engine/flat). No log, no views, no user code: a world it does not cover
// is refused up front by prepareFlat, never mid-run.
//
// Covered: actors of every kind (state, proxy, criminal) with sponsors; merged mechanism overrides;
// initial dyads, norms and agreements; injects note, operation, reveal, agreement, sanction and
// threat, capability and mechanisms (each run then plays on its own copy of the setup); every
// commitment kind (hotline, no-commercial-theft, assistance, information-sharing, norms,
// sanctions-relief, next-round); forums (sessions, agendas, consensus or threshold votes answered
// by every covered strategy, adoptions) and requests for assistance (answers, the helper's signal,
// the audit of unanswered ones), share-information, lift-sanction, adopt-norm, acknowledgements,
// walk-outs, dialogues suspended and resumed, packages tabled in forums, counter-offers (answered
// in a further pass of phase 5 within talks.maxExchangesPerRound, else next round). Never met in a
// covered world, so not played: `withdraw` (no built-in withdraws, no inject does) and talks of
// three or more (an offer of talks names one target). Gaps (the reason names the first one met): a
// world not at round 0; refs not aligned with the actors; operations, incidents, requests,
// sanctions, threats or talks already in the initial world; actors not sorted by id; an actor with
// no built-in ref or a strategy not covered; a parameter a strategy does not take or out of its
// range; an unknown actor kind or sponsor; norms of an unknown actor; an unknown party or commitment
// kind; an operation, reveal, sanction, threat or capability inject of an unknown form.

import { setupOf } from './setup.js';
import type { FlatSetup } from './setup.js';
import { play } from './play.js';
import type { World } from '../../model/world.js';
import type { BuiltinRef, FlatOutcome } from './types.js';

export type { FlatSetup } from './setup.js';
export type { BuiltinRef, FlatOutcome } from './types.js';

/**
 * Why a world is not covered by the flat path (a short English reason naming the first uncovered
 * thing), or its setup: the world's arrays and codes, independent of the seed and never written by
 * a run, so one setup serves every run of a scenario. `world` is an initial world from
 * `createWorld`; `refs[i]` is actor i's built-in strategy (undefined if it plays none).
 *
 * @example
 * ```ts
 * const setup = prepareFlat(world, refs);
 * if (!('gap' in setup)) playFlat(setup, world.seed, 37).metrics.length; // 37
 * ```
 */
export function prepareFlat(world: World, refs: readonly (BuiltinRef | undefined)[]): FlatSetup | { readonly gap: string } {
  return setupOf(world, refs);
}

/**
 * Play `rounds` rounds from the setup's world with master seed `seed` (the world's normalised seed
 * string). Allocates its own state: the setup is only read.
 *
 * @example
 * ```ts
 * const out = playFlat(setup, '1', 12);
 * out.metrics[11]?.peakRung;
 * ```
 */
export function playFlat(setup: FlatSetup, seed: string, rounds: number): FlatOutcome {
  return play(setup, seed, rounds);
}
