import type { Strategy } from '../../engine/contract.js';
import type { DiplomacyAction, Response } from '../../model/action.js';
import { RESPONSES_BY_KIND } from '../../model/action.js';
import { GGE15_NORM_IDS } from '../../model/norms.js';
import { defineStrategy } from '../define.js';
import { branded } from './brand.js';
import { cooperativeResponse, detectedIn, isGuilty, readParams, rivals } from './helpers.js';

/**
 * Does nothing and answers nothing: the null model.
 *
 * @example
 * ```ts
 * simulate({ actors: [{ id: 'A', strategy: passive() }, { id: 'B', strategy: 'passive' }] }, { seed: 1, rounds: 3 });
 * ```
 */
export function passive(params?: Readonly<Record<string, unknown>>): Strategy {
  const p = readParams('passive', params, {}, {});
  return branded(defineStrategy({
    name: 'passive',
    params: p,
    meta: { stochastic: false, retaliatory: false, forgiving: true, attributionSensitive: false, aggressive: false, description: 'Never acts; leaves requests unanswered.' },
  }), 'passive', p);
}

/**
 * Never operates or retaliates; adopts every GGE norm, raises only well-founded incidents
 * (confidence ≥ `threshold`) privately or over the hotline, lifts its sanctions and cooperates
 * with every request.
 *
 * @example
 * ```ts
 * const d = dove({ threshold: 0.95 });
 * ```
 */
export function dove(params?: Readonly<Record<string, unknown>>): Strategy {
  const p = readParams('dove', params, { threshold: 0.9 }, { threshold: [0, 1] });
  return branded(defineStrategy({
    name: 'dove',
    params: p,
    meta: { stochastic: false, retaliatory: false, forgiving: true, attributionSensitive: true, aggressive: false, normEntrepreneur: true, description: 'Never operates; adopts norms; raises incidents privately; cooperates.' },
    diplomacy(view) {
      const out: DiplomacyAction[] = [];
      const mine = view.norms(view.self);
      for (const norm of GGE15_NORM_IDS) if (!mine.includes(norm)) out.push({ type: 'adopt-norm', norm });
      for (const s of view.sanctions) if (s.by === view.self && !out.some((a) => a.type === 'lift-sanction' && a.target === s.target)) out.push({ type: 'lift-sanction', target: s.target });
      for (const inc of detectedIn(view, view.round)) {
        if (inc.suspect === null || inc.confidence < p.threshold) continue;
        out.push(view.hasHotline(inc.suspect) ? { type: 'hotline-query', target: inc.suspect, incident: inc.id } : { type: 'accuse', target: inc.suspect, incident: inc.id, public: false });
      }
      return out;
    },
    respond(request, view) {
      if (request.kind === 'accusation' || request.kind === 'hotline-query') return isGuilty(view, request) ? { type: 'acknowledge' } : { type: 'cooperate' };
      return cooperativeResponse(request, view);
    },
  }), 'dove', p);
}

/**
 * A uniform random baseline: each round it operates against each rival (not its own sponsor or proxies) with probability
 * `rate` (random kind), accuses the suspect of a new incident with probability `rate` (public or
 * private at random), sometimes adopts a random norm, and answers requests at random (never with a counter-offer). Never
 * sanctions or retaliates.
 *
 * @example
 * ```ts
 * const r = random({ rate: 0.1 });
 * ```
 */
export function random(params?: Readonly<Record<string, unknown>>): Strategy {
  const p = readParams('random', params, { rate: 0.2 }, { rate: [0, 1] });
  const kinds = ['espionage', 'disruption', 'degradation'] as const;

  return branded(defineStrategy({
    name: 'random',
    params: p,
    meta: { stochastic: true, retaliatory: false, forgiving: true, attributionSensitive: false, aggressive: true, description: 'Acts at random at a fixed rate: a baseline.' },
    operate(view, rng) {
      const out = [];
      for (const target of rivals(view)) {
        if (!rng.chance(p.rate)) continue;
        const kind = kinds[rng.int(kinds.length)] ?? 'espionage';
        const cap = kind === 'espionage' ? view.me.capabilities.espionage : view.me.capabilities.offense;
        if (cap > 0 && out.length < view.mechanisms.operations.maxPerRound) out.push({ type: 'operate' as const, target, kind });
      }
      return out;
    },
    diplomacy(view, rng) {
      const out: DiplomacyAction[] = [];
      for (const inc of detectedIn(view, view.round)) {
        if (inc.suspect !== null && rng.chance(p.rate)) out.push({ type: 'accuse', target: inc.suspect, incident: inc.id, public: rng.chance(0.5) });
      }
      if (rng.chance(p.rate / 4)) {
        const norm = rng.pick(GGE15_NORM_IDS.filter((n) => !view.norms(view.self).includes(n)));
        if (norm) out.push({ type: 'adopt-norm', norm });
      }
      return out;
    },
    respond(request, _view, rng) {
      const answers = RESPONSES_BY_KIND[request.kind].filter((a) => a !== 'counter');
      return { type: answers[rng.int(answers.length)] ?? 'ignore' } as Response;
    },
  }), 'random', p);
}
