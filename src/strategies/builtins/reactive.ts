import type { ActorView, Strategy } from '../../engine/contract.js';
import type { Rng } from '../../engine/rng.js';
import type { DiplomacyAction, OperateAction } from '../../model/action.js';
import type { OperationKind } from '../../model/operation.js';
import { defineStrategy } from '../define.js';
import { branded } from './brand.js';
import { attributedIn, attributionsIn, canOperate, cooperativeResponse, exposure, leastTrusted, readParams, rivals, sanctioning, TENSION_DEFAULTS, TENSION_RANGES, tensionFactor, underTension } from './helpers.js';

/**
 * Aggressive and punitive: spies on the rivals it trusts least every round and disrupts the least
 * trusted one when trust is low; accuses publicly from low confidence (`accuseAt`, 0.3), formally
 * and with economic sanctions from `sanctionAt` (0.6), strikes back from `retaliateAt` (0.8);
 * denies everything, turns down talks and objects to every package in forums.
 *
 * Tension makes it quicker on the trigger: against a suspect it feels tension x towards, each of
 * the three thresholds is multiplied by 1 − `tensionWeight` · x/(x + `tensionHalf`) (defaults 0.3
 * and 1, chosen from the tension the bundled scenarios reach: see `underTension` and
 * `TENSION_DEFAULTS` in helpers.ts). At tension 1 it accuses from 0.255, sanctions from 0.51 and
 * strikes from 0.68; `tensionWeight: 0` ignores tension.
 *
 * @example
 * ```ts
 * const h = hawk({ accuseAt: 0.4, tensionWeight: 0.5 });
 * ```
 */
export function hawk(params?: Readonly<Record<string, unknown>>): Strategy {
  const p = readParams(
    'hawk',
    params,
    { accuseAt: 0.3, sanctionAt: 0.6, retaliateAt: 0.8, disruptBelowTrust: 0.35, ...TENSION_DEFAULTS },
    { accuseAt: [0, 1], sanctionAt: [0, 1], retaliateAt: [0, 1], disruptBelowTrust: [0, 1], ...TENSION_RANGES },
  );
  return branded(defineStrategy({
    name: 'hawk',
    params: p,
    meta: { stochastic: false, retaliatory: true, forgiving: false, attributionSensitive: true, aggressive: true, description: 'Spies on rivals, accuses publicly, sanctions and retaliates, on weaker evidence as tension rises; denies everything.' },
    operate(view) {
      const max = view.mechanisms.operations.maxPerRound;
      // Only the first `max` targets are used (the disruption takes the first).
      const targets = leastTrusted(view, Math.max(1, max));
      const out: OperateAction[] = [];
      const first = targets[0];
      if (first !== undefined && canOperate(view, 'disruption') && view.trust(first) < p.disruptBelowTrust) {
        out.push({ type: 'operate', target: first, kind: 'disruption' });
      }
      if (canOperate(view, 'espionage')) for (const t of targets) if (out.length < max) out.push({ type: 'operate', target: t, kind: 'espionage' });
      return out;
    },
    diplomacy(view) {
      const out: DiplomacyAction[] = [];
      for (const { suspect, incident, confidence } of attributedIn(view, view.round, p.accuseAt, p)) {
        // One factor for both thresholds (attributedIn applied it to accuseAt already).
        const factor = tensionFactor(view, suspect, p);
        const sanctionAt = p.sanctionAt * factor;
        out.push({ type: 'accuse', target: suspect, incident: incident.id, public: true, formal: confidence >= sanctionAt });
        if (confidence >= sanctionAt && view.me.kind === 'state' && !sanctioning(view, suspect, 'economic')) {
          out.push({ type: 'sanction', target: suspect, measure: 'economic' });
        }
        if (confidence >= p.retaliateAt * factor && view.me.capabilities.offense > 0) {
          out.push({ type: 'retaliate', target: suspect, kind: 'disruption', incident: incident.id });
        }
      }
      return out;
    },
    // Denies everything, refuses help, turns down talks and objects to every package.
    respond: (request) => ({ type: request.kind === 'proposal' || request.kind === 'forum-vote' ? 'reject' : 'deny' }),
  }), 'hawk', p);
}

function reciprocal(name: string, generous: boolean, params: Readonly<Record<string, unknown>> | undefined): Strategy {
  const p = readParams(name, params, { threshold: 0.6, generosity: generous ? 0.3 : 0, ...TENSION_DEFAULTS }, { threshold: [0, 1], generosity: [0, 1], ...TENSION_RANGES });
  if (!generous && p.generosity !== 0) throw new Error(`strategy '${name}': parameter 'generosity' must be 0 (use 'generous-tit-for-tat')`);
  const mirror = (kind: OperationKind): OperationKind => (kind === 'degradation' ? 'disruption' : kind);
  return branded(defineStrategy({
    name,
    params: p,
    meta: {
      stochastic: generous,
      retaliatory: true,
      forgiving: true,
      attributionSensitive: true,
      aggressive: false,
      description: generous
        ? 'Tit-for-tat that lets a share of perceived attacks go unanswered (a smaller share as tension rises).'
        : 'Never strikes first; answers each attack it attributes (above a confidence threshold that tension lowers) in kind, once.',
    },
    operate(view: ActorView, rng: Rng) {
      const out: OperateAction[] = [];
      // Each attributed incident of the previous round is answered in kind (a spy operation and a
      // disruption by the same suspect get one answer each), by suspect then incident id.
      for (const { suspect, incident } of attributionsIn(view, view.round - 1, p.threshold, p)) {
        // One draw per attributed incident, as without tension and whether or not the round's cap
        // leaves room: only the probability it is compared to moves.
        if (generous && rng.chance(underTension(view, suspect, p.generosity, p))) continue;
        const kind = mirror(incident.kind);
        if (canOperate(view, kind) && out.length < view.mechanisms.operations.maxPerRound) out.push({ type: 'operate', target: suspect, kind });
      }
      return out;
    },
    diplomacy(view: ActorView) {
      // One message per suspect a round (about its strongest incident), however many it attributes.
      return attributedIn(view, view.round, p.threshold, p).map(({ suspect, incident }): DiplomacyAction =>
        view.hasHotline(suspect) ? { type: 'hotline-query', target: suspect, incident: incident.id } : { type: 'accuse', target: suspect, incident: incident.id, public: false },
      );
    },
    respond: (request, view) => cooperativeResponse(request, view),
  }), name, p);
}

/**
 * Tit-for-tat on perceived attribution: never operates first; each incident of the previous round
 * attributed to X with confidence ≥ `threshold` (0.6) it answers once, against X and in kind (a
 * degradation with a disruption): an espionage and a disruption by X in the same round get an
 * espionage and a disruption back. The answers go by suspect, then incident id, up to
 * `operations.maxPerRound` a round. It raises incidents in the round it detects them, one message
 * per suspect (about its strongest incident): privately, or over the hotline.
 *
 * Tension lowers the threshold: against a suspect it feels tension x towards, it acts from
 * `threshold` × (1 − `tensionWeight` · x/(x + `tensionHalf`)) (defaults 0.3 and 1, chosen from the
 * tension the bundled scenarios reach: see `underTension` and `TENSION_DEFAULTS` in helpers.ts),
 * e.g. from 0.51 at tension 1; `tensionWeight: 0` ignores tension.
 *
 * @example
 * ```ts
 * const t = titForTat({ threshold: 0.7 });
 * ```
 */
export function titForTat(params?: Readonly<Record<string, unknown>>): Strategy {
  return reciprocal('tit-for-tat', false, params);
}

/**
 * Generous tit-for-tat: as {@link titForTat}, but each retaliation is skipped with probability
 * `generosity` (default 0.3), which breaks echo cycles started by misattribution. Tension lowers
 * the threshold as for {@link titForTat} and the forgiveness the same way: against a suspect it
 * feels tension x towards, it forgives with probability `generosity` × (1 − `tensionWeight` ·
 * x/(x + `tensionHalf`)), e.g. 0.255 at tension 1. It draws once per attributed incident it could
 * answer (whether or not the round's cap leaves room), whatever the tension, so its stream is used
 * as often as with `tensionWeight: 0`.
 *
 * @example
 * ```ts
 * const g = generousTitForTat({ generosity: 0.5 });
 * ```
 */
export function generousTitForTat(params?: Readonly<Record<string, unknown>>): Strategy {
  return reciprocal('generous-tit-for-tat', true, params);
}

/**
 * A deterrer after Baliga, Bueno de Mesquita & Wolitzky (2020). It spies on a rival only when the
 * private benefit exceeds the expected *extra* retaliation the operation brings: benefit = gain ×
 * P(success) against cost = P(the rival detects and names it) × expected retaliation; retaliation
 * that would follow false alarms anyway is not counted, so only exposure deters. It retaliates
 * (publicly, with a disruptive strike) when its confidence reaches `retaliateAt`, and raises
 * weaker attributions (≥ 0.5) privately. Where a hotline exists it queries the suspect first and
 * decides a round later, on the confidence left after the answer and one more investigation signal.
 *
 * @example
 * ```ts
 * const d = deterrer({ retaliateAt: 0.8, retaliationCost: 3 });
 * ```
 */
export function deterrer(params?: Readonly<Record<string, unknown>>): Strategy {
  const p = readParams('deterrer', params, { retaliateAt: 0.7, retaliationCost: 1 }, { retaliateAt: [0, 1], retaliationCost: [0, 1000] });
  return branded(defineStrategy({
    name: 'deterrer',
    params: p,
    meta: { stochastic: false, retaliatory: true, forgiving: true, attributionSensitive: true, aggressive: true, description: 'Attacks when benefit exceeds expected extra retaliation; retaliates above a confidence threshold.' },
    operate(view) {
      if (!canOperate(view, 'espionage')) return [];
      const m = view.mechanisms;
      const scored = rivals(view)
        .map((target) => {
          const t = view.actor(target);
          const success = Math.min(1, view.me.capabilities.espionage * (1 - m.operations.defenseWeight * (t?.capabilities.defense ?? 0)));
          const benefit = m.welfare.intelligenceGain * success;
          // Retaliation is likelier from a tense, offensively capable rival.
          const retaliation = p.retaliationCost * (t?.capabilities.offense ?? 0) * (1 + Math.max(0, view.tension(target, view.self)) / 10);
          return { target, margin: benefit - exposure(view, target, 'espionage') * retaliation };
        })
        .filter((x) => x.margin > 0)
        .sort((a, b) => b.margin - a.margin || (a.target < b.target ? -1 : 1));
      return scored.slice(0, m.operations.maxPerRound).map(({ target }): OperateAction => ({ type: 'operate', target, kind: 'espionage' }));
    },
    diplomacy(view) {
      const out: DiplomacyAction[] = [];
      // Over a hotline it asks first and decides a round later, on what the answer and one more
      // round of investigation left; without one it must decide at once.
      for (const { suspect, incident } of attributedIn(view, view.round, 0.5)) {
        if (view.hasHotline(suspect)) out.push({ type: 'hotline-query', target: suspect, incident: incident.id });
      }
      const decide = [
        ...attributedIn(view, view.round, 0.5).filter((x) => !view.hasHotline(x.suspect)),
        ...attributedIn(view, view.round - 1, 0.5).filter((x) => view.hasHotline(x.suspect)),
      ];
      for (const { suspect, incident, confidence } of decide) {
        if (confidence >= p.retaliateAt) {
          out.push({ type: 'accuse', target: suspect, incident: incident.id, public: true });
          if (view.me.capabilities.offense > 0) out.push({ type: 'retaliate', target: suspect, kind: 'disruption', incident: incident.id });
        } else if (!view.hasHotline(suspect)) {
          out.push({ type: 'accuse', target: suspect, incident: incident.id, public: false });
        }
      }
      return out;
    },
    respond: (request, view) => (request.kind === 'accusation' || request.kind === 'hotline-query' ? { type: 'deny' } : cooperativeResponse(request, view)),
  }), 'deterrer', p);
}
