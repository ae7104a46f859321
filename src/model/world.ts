import type { Request } from './action.js';
import type { Actor } from './actor.js';
import type { Agreement, Dialogue, Forum, Sanction, SanctionThreat, Talks } from './agreement.js';
import type { SimEvent } from './event.js';
import type { ActorId, NormId } from './ids.js';
import type { Incident } from './incident.js';
import type { Inject } from './inject.js';
import type { Mechanisms } from './mechanisms.js';
import type { Operation } from './operation.js';

/**
 * Directed dyad numbers in flat typed arrays indexed `i·n + j` (i, j: positions in
 * `world.actors`). Entry i→j is i's trust in j, i's tension towards j, i's acts towards j.
 * Arrays are replaced whole by the phase that changes them, never written in place (DESIGN §8).
 *
 * @example
 * ```ts
 * const index = actorIndex(run.world);
 * const { n, tension } = run.world.dyads;
 * tension[index.get('US')! * n + index.get('CN')!]; // US's tension towards CN
 * ```
 */
export interface DyadTable {
  readonly n: number;
  /** Beta-reputation evidence of i about j: positive (r) and negative (s). */
  readonly trustR: Float64Array;
  readonly trustS: Float64Array;
  /** Richardson tension of i towards j. */
  readonly tension: Float64Array;
  /** Escalation score of i's acts towards j, counting every act (the truth). */
  readonly escalationTrue: Float64Array;
  /** Escalation score of i's acts towards j as j perceived them. */
  readonly escalationPerceived: Float64Array;
  /** Current and peak ladder rung of i's conduct towards j (0–7, 7 absorbing). */
  readonly rung: Uint8Array;
  readonly peakRung: Uint8Array;
}

/**
 * State of one seeded random stream (alea), plain JSON so snapshots are exact.
 *
 * @example
 * ```ts
 * const streams: Readonly<Record<string, RngState>> = run.world.rng;
 * Object.values(streams)[0]; // { c: …, s0: …, s1: …, s2: … }
 * ```
 */
export interface RngState {
  readonly c: number;
  readonly s0: number;
  readonly s1: number;
  readonly s2: number;
}

/**
 * The whole simulated world at the end of a round. Immutable: phases produce a new world.
 * Hidden truth (operations, proxy sponsors, the operation behind an incident) lives here, so a
 * world is never handed to a strategy; strategies get an `ActorView`.
 *
 * @example
 * ```ts
 * const world: World = createWorld({ actors: [{ id: 'US' }, { id: 'CN' }] }, { seed: 42 });
 * world.round; // 0
 * simulate(world, { rounds: 4 }).world.round; // 4
 * ```
 */
export interface World {
  readonly version: 1;
  /** Master seed; every random stream is derived from it and a (who, why) key. */
  readonly seed: string;
  /** Rounds completed so far; the next round to play has this number. */
  readonly round: number;
  /** Sorted by id: the canonical order of every loop. */
  readonly actors: readonly Actor[];
  readonly mechanisms: Mechanisms;
  readonly dyads: DyadTable;
  /** Accumulated welfare per actor (aligned with `actors`). */
  readonly welfare: Float64Array;
  /** Norms each actor has adopted, sorted. */
  readonly norms: Readonly<Record<ActorId, readonly NormId[]>>;
  /** Recent operations (hidden truth), kept while their incidents may still be investigated. */
  readonly operations: readonly Operation[];
  /** Incidents still under investigation or detected recently. */
  readonly incidents: readonly Incident[];
  /** Requests waiting for an answer in the responses phase. */
  readonly requests: readonly Request[];
  readonly agreements: readonly Agreement[];
  readonly sanctions: readonly Sanction[];
  readonly threats: readonly SanctionThreat[];
  /** Bilateral talks under way. */
  readonly talks: readonly Talks[];
  /** Scheduled dialogue series created by agreements. */
  readonly dialogues: readonly Dialogue[];
  readonly forums: readonly Forum[];
  /** Packages tabled in forums this round (cleared at the end of the round). */
  readonly tabled: readonly { readonly forum: string; readonly by: string; readonly norms: readonly string[] }[];
  /** Scripted events not yet applied. */
  readonly injects: readonly Inject[];
  /** Events of the last round that someone may see: what views show as news. */
  readonly recent: readonly SimEvent[];
  /** State of every random stream drawn from so far, by key. */
  readonly rng: Readonly<Record<string, RngState>>;
}
