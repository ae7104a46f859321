import type { Strategy } from '../../engine/contract.js';
import type { DiplomacyAction, OperateAction } from '../../model/action.js';
import type { Commitment } from '../../model/agreement.js';
import { GGE15_NORM_IDS } from '../../model/norms.js';
import { defineStrategy } from '../define.js';
import { branded } from './brand.js';
import { accusedLastRound, attributedIn, canOperate, cooperativeResponse, detectedIn, exposure, isGuilty, promisedRelief, readParams, rivals, sanctionedBy, sanctioning, TENSION_DEFAULTS, TENSION_RANGES, unlinkedStates } from './helpers.js';

const ALL_NORMS: Commitment = Object.freeze({ kind: 'norms', norms: GGE15_NORM_IDS });

/**
 * A norm entrepreneur: adopts every GGE norm and keeps them (it never operates), tables the norms
 * some members still lack in every forum in session, offers talks on the whole GGE package and a
 * hotline to one unlinked state a round, raises only well-founded incidents privately, and says yes
 * to talks, votes and requests.
 *
 * @example
 * ```ts
 * simulate({ actors: [{ id: 'NL', strategy: 'norm-entrepreneur' }, { id: 'RU', strategy: 'hawk' }] }, { seed: 1, rounds: 12 });
 * ```
 */
export function normEntrepreneur(params?: Readonly<Record<string, unknown>>): Strategy {
  const p = readParams('norm-entrepreneur', params, { threshold: 0.9 }, { threshold: [0, 1] });
  return branded(defineStrategy({
    name: 'norm-entrepreneur',
    params: p,
    meta: { stochastic: false, retaliatory: false, forgiving: true, attributionSensitive: true, aggressive: false, normEntrepreneur: true, description: 'Adopts and keeps the GGE norms, pushes them in forums and talks.' },
    diplomacy(view) {
      const out: DiplomacyAction[] = [];
      const mine = view.norms(view.self);
      for (const norm of GGE15_NORM_IDS) if (!mine.includes(norm)) out.push({ type: 'adopt-norm', norm });
      for (const f of view.forums) {
        if (!f.inSession || !f.members.includes(view.self)) continue;
        const missing = GGE15_NORM_IDS.filter((n) => f.members.some((m) => !view.norms(m).includes(n)));
        const onAgenda = f.agenda.some((pkg) => pkg.length === missing.length && pkg.every((n) => missing.includes(n)));
        if (missing.length > 0 && !onAgenda) out.push({ type: 'table-package', forum: f.id, norms: missing });
      }
      const partner = unlinkedStates(view)[0];
      if (partner !== undefined) out.push({ type: 'propose-talks', target: partner, terms: [ALL_NORMS, { kind: 'hotline' }] });
      for (const inc of detectedIn(view, view.round)) {
        if (inc.suspect === null || inc.confidence < p.threshold) continue;
        out.push(view.hasHotline(inc.suspect) ? { type: 'hotline-query', target: inc.suspect, incident: inc.id } : { type: 'accuse', target: inc.suspect, incident: inc.id, public: false });
      }
      return out;
    },
    respond: (request, view) => cooperativeResponse(request, view),
  }), 'norm-entrepreneur', p);
}

/**
 * A pragmatist trades commitments for sanctions relief: whoever sanctions it gets an offer of
 * talks (no commercial theft and a hotline, against relief), and any offer from a sanctioning
 * state without relief is countered with relief added. Meanwhile it spies (never for commercial
 * gain) on each rival whose chance of catching it is below `spyBelowExposure`, in id order and up
 * to `operations.maxPerRound` a round, raises incidents from
 * `threshold` privately or over a hotline, and denies only what it did.
 *
 * @example
 * ```ts
 * const p = pragmatist({ spyBelowExposure: 0.2 });
 * ```
 */
export function pragmatist(params?: Readonly<Record<string, unknown>>): Strategy {
  const p = readParams('pragmatist', params, { spyBelowExposure: 0.3, threshold: 0.7 }, { spyBelowExposure: [0, 1], threshold: [0, 1] });
  return branded(defineStrategy({
    name: 'pragmatist',
    params: p,
    meta: { stochastic: false, retaliatory: false, forgiving: true, attributionSensitive: true, aggressive: true, description: 'Trades commitments for sanctions relief; spies where it will not be caught.' },
    operate(view) {
      if (!canOperate(view, 'espionage')) return [];
      // Each rival below the bound, in rival (id) order, up to the round's cap.
      const out: OperateAction[] = [];
      for (const target of rivals(view)) {
        if (out.length >= view.mechanisms.operations.maxPerRound) break;
        if (exposure(view, target, 'espionage') < p.spyBelowExposure) out.push({ type: 'operate', target, kind: 'espionage' });
      }
      return out;
    },
    diplomacy(view) {
      const out: DiplomacyAction[] = [];
      for (const by of sanctionedBy(view)) {
        if (view.talks.some((t) => t.parties.includes(by))) continue;
        out.push({ type: 'propose-talks', target: by, terms: [{ kind: 'no-commercial-theft' }, { kind: 'hotline' }, { kind: 'sanctions-relief' }] });
      }
      for (const { suspect, incident } of attributedIn(view, view.round, p.threshold)) {
        out.push(view.hasHotline(suspect) ? { type: 'hotline-query', target: suspect, incident: incident.id } : { type: 'accuse', target: suspect, incident: incident.id, public: false });
      }
      return out;
    },
    respond(request, view) {
      if (request.kind === 'proposal' && sanctionedBy(view).includes(request.from) && !request.terms.some((t) => t.kind === 'sanctions-relief')) {
        return { type: 'counter', terms: [...request.terms, { kind: 'sanctions-relief' }] };
      }
      return cooperativeResponse(request, view);
    },
  }), 'pragmatist', p);
}

/**
 * A spoiler signs anything — it offers talks on no commercial theft and a hotline to one unlinked
 * state a round and accepts every offer and package — then steals commercial secrets from anyone,
 * partners included, whenever its chance of being caught is below `cheatBelow`. It denies
 * everything.
 *
 * @example
 * ```ts
 * const s = spoiler({ cheatBelow: 0.25 });
 * ```
 */
export function spoiler(params?: Readonly<Record<string, unknown>>): Strategy {
  const p = readParams('spoiler', params, { cheatBelow: 0.35 }, { cheatBelow: [0, 1] });
  return branded(defineStrategy({
    name: 'spoiler',
    params: p,
    meta: { stochastic: false, retaliatory: false, forgiving: true, attributionSensitive: false, aggressive: true, description: 'Signs commitments, then cheats when it expects not to be caught.' },
    operate(view) {
      if (!canOperate(view, 'espionage')) return [];
      const out: OperateAction[] = [];
      for (const target of rivals(view)) {
        if (out.length >= view.mechanisms.operations.maxPerRound) break;
        if (exposure(view, target, 'espionage') < p.cheatBelow) out.push({ type: 'operate', target, kind: 'espionage', commercial: true });
      }
      return out;
    },
    diplomacy(view) {
      const partner = unlinkedStates(view)[0];
      return partner === undefined ? [] : [{ type: 'propose-talks', target: partner, terms: [{ kind: 'no-commercial-theft' }, { kind: 'hotline' }] }];
    },
    respond: (request) => ({ type: request.kind === 'proposal' || request.kind === 'forum-vote' ? 'accept' : 'deny' }),
  }), 'spoiler', p);
}

/**
 * Grim trigger: cooperative until it attributes a hostile act to someone with confidence ≥
 * `threshold` (or perceives a broken commitment), then punishes that actor for ever — a formal
 * accusation and economic sanctions it never lifts, espionage and disruption every round, talks
 * refused and dialogues suspended. Its memory is public: the sanctions it keeps in force (a
 * non-state grim trigger, which cannot sanction, starts striking in the round after the betrayal
 * and remembers through its strikes: it keeps operating against whoever it operated against
 * before — it never operates otherwise). Distrust alone, e.g. a low initial trust, is no betrayal.
 *
 * Tension makes it quicker to feel betrayed: against a suspect it feels tension x towards, the
 * threshold is multiplied by 1 − `tensionWeight` · x/(x + `tensionHalf`) (defaults 0.3 and 1,
 * chosen from the tension the bundled scenarios reach: see `underTension` and `TENSION_DEFAULTS`
 * in helpers.ts), e.g. 0.7 becomes 0.595 at tension 1; `tensionWeight: 0` ignores tension.
 *
 * @example
 * ```ts
 * const g = grimTrigger({ threshold: 0.8 });
 * ```
 */
export function grimTrigger(params?: Readonly<Record<string, unknown>>): Strategy {
  const p = readParams('grim-trigger', params, { threshold: 0.7, ...TENSION_DEFAULTS }, { threshold: [0, 1], ...TENSION_RANGES });
  const punished = (view: Parameters<Strategy['operate']>[0]): string[] => {
    const set = new Set<string>(view.sanctions.filter((s) => s.by === view.self).map((s) => s.target));
    if (view.me.kind !== 'state') for (const op of view.operations) if (op.round < view.round) set.add(op.target);
    return [...set].sort();
  };
  const offenders = (view: Parameters<Strategy['operate']>[0], round = view.round): { suspect: string; incident: string | null }[] => {
    const out = attributedIn(view, round, p.threshold, p).map((x) => ({ suspect: x.suspect, incident: x.incident.id as string | null }));
    for (const e of view.events) {
      if (e.type === 'violation.perceived' && e.by === view.self && e.round === view.round - 1 && !out.some((o) => o.suspect === e.against)) out.push({ suspect: e.against, incident: null });
    }
    return out;
  };
  return branded(defineStrategy({
    name: 'grim-trigger',
    params: p,
    meta: { stochastic: false, retaliatory: true, forgiving: false, attributionSensitive: true, aggressive: false, description: 'Cooperates until betrayed (an attack attributed above a threshold that tension lowers, or a broken commitment), then punishes for ever.' },
    operate(view) {
      const out: OperateAction[] = [];
      const targets = new Set(punished(view));
      if (view.me.kind !== 'state') for (const { suspect } of offenders(view, view.round - 1)) targets.add(suspect);
      for (const target of [...targets].sort()) {
        for (const kind of ['disruption', 'espionage'] as const) {
          if (canOperate(view, kind) && out.length < view.mechanisms.operations.maxPerRound) out.push({ type: 'operate', target, kind });
        }
      }
      return out;
    },
    diplomacy(view) {
      const out: DiplomacyAction[] = [];
      const already = new Set(punished(view));
      for (const { suspect, incident } of offenders(view)) {
        if (already.has(suspect)) continue;
        if (incident !== null) out.push({ type: 'accuse', target: suspect, incident, public: true, formal: true });
        if (view.me.kind === 'state') out.push({ type: 'sanction', target: suspect, measure: 'economic' });
        if (view.dialogues.some((d) => d.parties.includes(suspect) && !d.suspended)) out.push({ type: 'suspend-dialogue', target: suspect });
      }
      return out;
    },
    respond(request, view) {
      if (request.kind === 'proposal' && punished(view).includes(request.from)) return { type: 'reject' };
      return cooperativeResponse(request, view);
    },
  }), 'grim-trigger', p);
}

/**
 * Cautious: acts only on attributions at or above the confidence that GGE norm (b) — weigh all
 * the evidence before attributing — asks for (`threshold`, default 0.9). It judges each incident
 * against it twice: in the round it detects it, and again a round later, once the answer to what
 * it asked and one more round of investigation are in. A file at `threshold` or above it acts on
 * once, at the first of the two: it accuses the suspect publicly, and from `sanctionAt` (states)
 * it sanctions, unless an agreement in force with the suspect promises sanctions relief (it keeps
 * its word: the accusation stands alone). A file below it in the round of detection it asks about, once: it queries the
 * suspect over the hotline, or asks the most capable trusted third party for forensic assistance.
 * It never accuses over the same incident twice. A file that reaches `threshold` only later is
 * left alone: a strategy keeps no state between calls, and its view shows its own accusations of
 * the previous round only, so later it could not tell a file it has raised from one it has not.
 * It never operates or retaliates, so a world of cautious actors never goes beyond sanctions (L4).
 * It adopts norm (b), and cooperates.
 *
 * @example
 * ```ts
 * const c = cautious({ threshold: 0.95 });
 * ```
 */
export function cautious(params?: Readonly<Record<string, unknown>>): Strategy {
  const p = readParams('cautious', params, { threshold: 0.9, sanctionAt: 0.97 }, { threshold: [0, 1], sanctionAt: [0, 1] });
  return branded(defineStrategy({
    name: 'cautious',
    params: p,
    meta: { stochastic: false, retaliatory: true, forgiving: true, attributionSensitive: true, aggressive: false, description: 'Acts only from the confidence GGE norm (b) asks for, on a file at detection or a round later, once; never strikes.' },
    diplomacy(view) {
      const out: DiplomacyAction[] = [];
      if (!view.norms(view.self).includes('gge15.b')) out.push({ type: 'adopt-norm', norm: 'gge15.b' });
      // Last round's files (after the answers to what it asked, and one more signal), then this
      // round's; a file of last round it accused then is done.
      for (const inc of [...detectedIn(view, view.round - 1), ...detectedIn(view, view.round)]) {
        const suspect = inc.suspect;
        if (suspect === null || suspect === view.self) continue;
        const fresh = inc.round === view.round;
        if (inc.confidence >= p.threshold) {
          if (!fresh && accusedLastRound(view, inc.id)) continue;
          out.push({ type: 'accuse', target: suspect, incident: inc.id, public: true });
          // One sanction per suspect, even when two of its files reach `sanctionAt` in one round.
          // Not a party it promised relief: that sanction breaks its own agreement (the audit
          // records a violation), which a strategy that weighs every word should not do.
          if (inc.confidence >= p.sanctionAt && view.me.kind === 'state' && !sanctioning(view, suspect, 'economic') && !promisedRelief(view, suspect) && !out.some((a) => a.type === 'sanction' && a.target === suspect)) {
            out.push({ type: 'sanction', target: suspect, measure: 'economic' });
          }
        } else if (!fresh) {
          // Below the bar a round later: left alone (it asked once, in the round of detection).
        } else if (view.hasHotline(suspect)) {
          out.push({ type: 'hotline-query', target: suspect, incident: inc.id });
        } else {
          const helper = view.actors
            .filter((a) => a.id !== view.self && a.id !== suspect && view.trust(a.id) >= 0.5)
            .sort((a, b) => b.capabilities.attribution - a.capabilities.attribution || (a.id < b.id ? -1 : 1))[0];
          if (helper) out.push({ type: 'request-assistance', target: helper.id, incident: inc.id });
        }
      }
      return out;
    },
    respond: (request, view) => cooperativeResponse(request, view),
  }), 'cautious', p);
}

/**
 * A de-escalator answers incidents with talk first: a hotline query where there is a hotline, an
 * offer of talks on a hotline and information sharing where there is none; only a suspect named
 * with confidence ≥ `accuseAt` in two or more files is confronted, privately. It lifts its
 * sanctions, resumes suspended dialogues, shares what it finds with its information-sharing
 * partners, and says yes to talks, votes and requests.
 *
 * @example
 * ```ts
 * const d = deEscalator({ accuseAt: 0.9 });
 * ```
 */
export function deEscalator(params?: Readonly<Record<string, unknown>>): Strategy {
  const p = readParams('de-escalator', params, { accuseAt: 0.8, minConfidence: 0.3 }, { accuseAt: [0, 1], minConfidence: [0, 1] });
  return branded(defineStrategy({
    name: 'de-escalator',
    params: p,
    meta: { stochastic: false, retaliatory: false, forgiving: true, attributionSensitive: true, aggressive: false, description: 'Answers incidents with hotline calls and talks first.' },
    diplomacy(view) {
      const out: DiplomacyAction[] = [];
      for (const s of view.sanctions) if (s.by === view.self && !out.some((a) => a.type === 'lift-sanction' && a.target === s.target)) out.push({ type: 'lift-sanction', target: s.target });
      for (const d of view.dialogues) {
        const other = d.parties.find((x) => x !== view.self);
        if (d.suspended && other !== undefined && !out.some((a) => a.type === 'resume-dialogue' && a.target === other)) out.push({ type: 'resume-dialogue', target: other });
      }
      const offered = new Set<string>();
      for (const inc of detectedIn(view, view.round)) {
        const suspect = inc.suspect;
        if (suspect === null || inc.confidence < p.minConfidence) continue;
        if (view.hasHotline(suspect)) out.push({ type: 'hotline-query', target: suspect, incident: inc.id });
        else if (!view.talks.some((t) => t.parties.includes(suspect)) && !offered.has(suspect)) {
          offered.add(suspect);
          out.push({ type: 'propose-talks', target: suspect, terms: [{ kind: 'hotline' }, { kind: 'information-sharing' }] });
        }
        const files = view.incidents.filter((i) => i.suspect === suspect && i.confidence >= p.accuseAt).length;
        if (files >= 2 && inc.confidence >= p.accuseAt) out.push({ type: 'accuse', target: suspect, incident: inc.id, public: false });
        for (const ag of view.agreements) {
          if (!ag.terms.some((t) => t.kind === 'information-sharing')) continue;
          for (const partner of ag.parties) if (partner !== view.self && partner !== suspect) out.push({ type: 'share-information', target: partner, incident: inc.id });
        }
      }
      return out;
    },
    respond: (request, view) => (request.kind === 'accusation' || request.kind === 'hotline-query' ? (isGuilty(view, request) ? { type: 'acknowledge' } : { type: 'cooperate' }) : cooperativeResponse(request, view)),
  }), 'de-escalator', p);
}
