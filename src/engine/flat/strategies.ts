// The covered built-in strategies on the flat state: what each orders in phase 2 (`operate`), does
// in phase 4 (`diplomacy`) and answers in phase 5 (`respond`), dispatched by strategy code. Each
// mirrors its definition in src/strategies/builtins (reactive.ts: hawk, tit-for-tat, deterrer;
// diplomatic.ts: pragmatist; contractor.ts; simple.ts: passive), reading what its view would show:
// the tables at the round's start, its own files and operations, and the lists at the phase's start.
// The other built-ins are dispatched from here to strategies-simple.ts (dove, random,
// generous-tit-for-tat, grim-trigger) and diplomatic.ts (cautious, de-escalator, spoiler,
// norm-entrepreneur, and pragmatist's counter-offers).

import { betaTrust } from './rules.js';
import {
  C_RATE, CONTRACTOR, D_COST, D_RETALIATE_AT, DEGRADATION, DETERRER, DISRUPTION, ECONOMIC, ESPIONAGE, H_ACCUSE_AT, H_DISRUPT_BELOW, H_HALF, H_RETALIATE_AT, H_SANCTION_AT,
  H_WEIGHT, HAWK, P_THRESHOLD, PARAM_SLOTS, PASSIVE, PRAGMATIST, STATE, T_HALF, T_HOTLINE, T_NO_THEFT, T_RELIEF, T_THRESHOLD, T_WEIGHT, TIT_FOR_TAT,
} from './setup.js';
import type { FlatTerm } from './setup.js';
import { ACCEPT, COOPERATE, DENY, IGNORE, PROPOSAL, REJECT, S_STRATEGY } from './state.js';
import { ASSISTANCE, FORUM_VOTE } from './state.js';
import { CAUTIOUS, DE_ESCALATOR, DOVE, GENEROUS_TFT, GRIM, NORM_ENTREPRENEUR, RANDOM, SPOILER } from './setup.js';
import { cautiousDiplomacy, cooperative, deEscalatorDiplomacy, deEscalatorRespond, normEntrepreneurDiplomacy, pragmatistRespond, spoilerDiplomacy, spoilerOperate, spoilerRespond } from './diplomatic.js';
import type { FlatIncident, FlatRequest, FlatRun } from './state.js';
import { diplomacySimple, operateSimple, respondSimple } from './strategies-simple.js';

/** A pragmatist's offer (pragmatist's diplomacy): no commercial theft and a hotline, against sanctions relief. */
const PRAGMATIST_OFFER: readonly FlatTerm[] = Object.freeze([
  { kind: T_NO_THEFT, norms: [] },
  { kind: T_HOTLINE, norms: [] },
  { kind: T_RELIEF, norms: [] },
]);

/**
 * Phase 2: actor i's operations, appended to `planned` as (target, kind, commercial) triples in the
 * order its strategy gives them (the caller applies the round's cap, as the engine's operations
 * phase does, rejecting the rest).
 */
export function operate(r: FlatRun, i: number, planned: number[]): void {
  const s = r.s;
  const n = r.n;
  const p = i * PARAM_SLOTS;
  const max = r.m.operations.maxPerRound;
  switch (s.strat[i]) {
    case DETERRER: {
      if (!((s.esp[i] as number) > 0)) return;
      const rv = s.rivals[i] as Int32Array;
      const m = r.m;
      const cost = s.params[p + D_COST] as number;
      const margins = r.margins;
      const picks = r.picks;
      const tension = r.cur.tension;
      let c = 0;
      for (let k = 0; k < rv.length; k++) {
        const t = rv[k] as number;
        const success = Math.min(1, (s.esp[i] as number) * (1 - m.operations.defenseWeight * (s.def[t] as number)));
        const benefit = m.welfare.intelligenceGain * success;
        const retaliation = cost * (s.off[t] as number) * (1 + Math.max(0, tension[t * n + i] as number) / 10);
        const margin = benefit - (s.exposure[i * n + t] as number) * retaliation;
        if (!(margin > 0)) continue;
        // By margin (descending), then id: the engine's sort, as an insertion.
        let b = c - 1;
        while (b >= 0 && ((margins[b] as number) < margin || ((margins[b] as number) === margin && (picks[b] as number) > t))) {
          margins[b + 1] = margins[b] as number;
          picks[b + 1] = picks[b] as number;
          b--;
        }
        margins[b + 1] = margin;
        picks[b + 1] = t;
        c++;
      }
      for (let k = 0; k < c && k < max; k++) planned.push(picks[k] as number, ESPIONAGE, 0);
      return;
    }
    case PRAGMATIST: {
      if (!((s.esp[i] as number) > 0)) return;
      const targets = s.spyTargets[i] as Int32Array;
      for (let k = 0; k < targets.length && k < max; k++) planned.push(targets[k] as number, ESPIONAGE, 0);
      return;
    }
    case CONTRACTOR: {
      if ((s.esp[i] as number) <= 0) return;
      const rv = s.rivals[i] as Int32Array;
      const rate = s.params[p + C_RATE] as number;
      let count = 0;
      for (let k = 0; k < rv.length; k++) {
        const t = rv[k] as number;
        if (s.kind[t] !== STATE) continue;
        // One draw per target whatever happens, so a target added later never shifts the others.
        const steal = r.rng(i, S_STRATEGY)() < rate;
        if (steal && count < max) {
          count++;
          planned.push(t, ESPIONAGE, 1);
        }
      }
      return;
    }
    case HAWK: {
      const count = leastTrusted(r, i, Math.max(1, max));
      const picks = r.picks;
      const tr = r.cur.trustR;
      const ts = r.cur.trustS;
      let out = 0;
      if (count > 0 && (s.off[i] as number) > 0) {
        const first = picks[0] as number;
        if (betaTrust(tr[i * n + first] as number, ts[i * n + first] as number) < (s.params[p + H_DISRUPT_BELOW] as number)) {
          planned.push(first, DISRUPTION, 0);
          out++;
        }
      }
      if ((s.esp[i] as number) > 0) {
        for (let k = 0; k < count; k++) {
          if (out < max) {
            planned.push(picks[k] as number, ESPIONAGE, 0);
            out++;
          }
        }
      }
      return;
    }
    case TIT_FOR_TAT: {
      // Each file of the previous round attributed at the threshold (lowered by tension), answered
      // in kind (attributionsIn, then reciprocal's operate).
      const found = attributionsOf(r, i, r.round - 1, s.params[p + T_THRESHOLD] as number, s.params[p + T_WEIGHT] as number, s.params[p + T_HALF] as number);
      let out = 0;
      for (let k = 0; k < found.length; k++) {
        const { s: sus, inc } = found[k] as Attributed;
        const kind = inc.kind === DEGRADATION ? DISRUPTION : inc.kind;
        const capable = ((kind === ESPIONAGE ? s.esp[i] : s.off[i]) as number) > 0;
        if (capable && out < max) {
          planned.push(sus, kind, 0);
          out++;
        }
      }
      return;
    }
    case DOVE:
    case RANDOM:
    case GENEROUS_TFT:
    case GRIM:
      operateSimple(r, i, planned);
      return;
    case SPOILER:
      spoilerOperate(r, i, planned);
      return;
    default:
      return;
  }
}

/** An attribution of one file (see {@link attributionsOf}). */
export interface Attributed {
  s: number;
  inc: FlatIncident;
}
/** Scratch of {@link attributionsOf}, reused across calls. */
const attributedScratch: Attributed[] = [];

/**
 * attributionsIn(view, round, threshold, tension) of helpers.ts for viewer v: every file of
 * `round` attributed at the threshold lowered by tension, by suspect then file id. The list is
 * scratch, valid until the next call.
 */
export function attributionsOf(r: FlatRun, v: number, round: number, threshold: number, weight: number, half: number): readonly Attributed[] {
  const found = attributedScratch;
  found.length = 0;
  const list = r.incidents[v] as FlatIncident[];
  for (let k = 0; k < list.length; k++) {
    const inc = list[k] as FlatIncident;
    if (inc.round !== round) continue;
    const sus = suspectOf(r, v, inc, threshold, weight, half);
    if (sus >= 0) found.push({ s: sus, inc });
  }
  if (found.length > 1) found.sort((a, b) => a.s - b.s || byFileId(a.inc.k, b.inc.k));
  return found;
}

/** Files of one victim and round compared by id (`inc:<victim>:<round>:<k>`): k as text, so 10 comes before 2. */
function byFileId(a: number, b: number): number {
  if (a === b) return 0;
  if (a < 10 && b < 10) return a - b;
  const x = String(a);
  const y = String(b);
  return x < y ? -1 : 1;
}

/** attributedSuspect of helpers.ts with a tension-lowered threshold: the file's suspect, or -1. */
function suspectOf(r: FlatRun, v: number, inc: FlatIncident, threshold: number, weight: number, half: number): number {
  const n = r.n;
  let s: number;
  let conf: number;
  if (inc.revealed >= 0) {
    s = inc.revealed;
    conf = 1;
  } else {
    s = -1;
    let best = 0;
    for (let x = 0; x < n; x++) {
      const q = inc.post[x] as number;
      if (q > best) {
        best = q;
        s = x;
      }
    }
    conf = best;
  }
  if (s < 0 || s === v) return -1;
  const x = Math.max(0, r.cur.tension[v * n + s] as number);
  return conf < threshold * (1 - weight * (x / (x + half))) ? -1 : s;
}

/**
 * leastTrusted(view, k) of helpers.ts: the k rivals actor i trusts least, least first, ties by id,
 * into `r.picks`. Returns how many.
 */
function leastTrusted(r: FlatRun, i: number, k: number): number {
  const n = r.n;
  const rv = r.s.rivals[i] as Int32Array;
  const picks = r.picks;
  const trusts = r.trusts;
  const tr = r.cur.trustR;
  const ts = r.cur.trustS;
  let len = 0;
  for (let x = 0; x < rv.length; x++) {
    const id = rv[x] as number;
    const t = betaTrust(tr[i * n + id] as number, ts[i * n + id] as number);
    let at = len;
    while (at > 0) {
      const u = trusts[at - 1] as number;
      if (u < t || (u === t && (picks[at - 1] as number) < id)) break;
      at--;
    }
    if (at >= k) continue;
    if (len === k) len--;
    for (let b = len; b > at; b--) {
      picks[b] = picks[b - 1] as number;
      trusts[b] = trusts[b - 1] as number;
    }
    picks[at] = id;
    trusts[at] = t;
    len++;
  }
  return len;
}

/**
 * Phase 4: actor i's diplomacy, applied at once. `sanctionsAtStart` and `talksAtStart` are the
 * lengths of the lists when the phase began: a strategy decides on the phase's world, and these
 * lists are only appended to during the phase (but for a lift, which replaces the sanctions list:
 * `r.sanctionsOpen` is the list whose first entries are the phase-open ones).
 */
export function diplomacy(r: FlatRun, i: number, sanctionsAtStart: number, talksAtStart: number): void {
  const s = r.s;
  const n = r.n;
  const p = i * PARAM_SLOTS;
  switch (s.strat[i]) {
    case DETERRER: {
      const a = r.bufA;
      const b = r.bufB;
      r.attributed(i, r.round, 0.5, -1, 1, a);
      for (let k = 0; k < a.count; k++) if (r.hotline[i * n + (a.sus[k] as number)] === 1) r.hotlineQuery(i, a.sus[k] as number, a.inc[k] as FlatIncident);
      r.attributed(i, r.round - 1, 0.5, -1, 1, b);
      const at = s.params[p + D_RETALIATE_AT] as number;
      // This round's files without a hotline, then last round's with one.
      for (let pass = 0; pass < 2; pass++) {
        const buf = pass === 0 ? a : b;
        for (let k = 0; k < buf.count; k++) {
          const sus = buf.sus[k] as number;
          const hot = r.hotline[i * n + sus] === 1;
          if (hot !== (pass === 1)) continue;
          const inc = buf.inc[k] as FlatIncident;
          if ((buf.conf[k] as number) >= at) {
            r.accuse(i, sus, inc, true, false);
            if ((s.off[i] as number) > 0) r.retaliate(i, sus);
          } else if (!hot) r.accuse(i, sus, inc, false, false);
        }
      }
      return;
    }
    case PRAGMATIST: {
      // sanctionedBy: who sanctions it, by id, once each; talks under way with it (the phase's start).
      for (let by = 0; by < n; by++) {
        let sanctioning = false;
        for (let k = 0; k < sanctionsAtStart && !sanctioning; k++) {
          const x = r.sanctionsOpen[k];
          if (x !== undefined && x.target === i && x.by === by) sanctioning = true;
        }
        if (!sanctioning) continue;
        let linked = false;
        for (let k = 0; k < talksAtStart && !linked; k++) {
          const t = r.talks[k];
          if (t !== undefined && (t.a === i || t.b === i) && (t.a === by || t.b === by)) linked = true;
        }
        if (!linked) r.proposeTalks(i, by, PRAGMATIST_OFFER);
      }
      raise(r, i, s.params[p + P_THRESHOLD] as number, -1, 1);
      return;
    }
    case HAWK: {
      const a = r.bufA;
      const weight = s.params[p + H_WEIGHT] as number;
      const half = s.params[p + H_HALF] as number;
      r.attributed(i, r.round, s.params[p + H_ACCUSE_AT] as number, weight, half, a);
      for (let k = 0; k < a.count; k++) {
        const sus = a.sus[k] as number;
        const conf = a.conf[k] as number;
        // One factor for both thresholds (tensionFactor).
        const x = Math.max(0, r.cur.tension[i * n + sus] as number);
        const factor = 1 - weight * (x / (x + half));
        const sanctionAt = (s.params[p + H_SANCTION_AT] as number) * factor;
        r.accuse(i, sus, a.inc[k] as FlatIncident, true, conf >= sanctionAt);
        if (conf >= sanctionAt && s.kind[i] === STATE && !r.sanctioning(i, sus, ECONOMIC)) r.imposeSanction(i, sus, ECONOMIC);
        if (conf >= (s.params[p + H_RETALIATE_AT] as number) * factor && (s.off[i] as number) > 0) r.retaliate(i, sus);
      }
      return;
    }
    case TIT_FOR_TAT:
      raise(r, i, s.params[p + T_THRESHOLD] as number, s.params[p + T_WEIGHT] as number, s.params[p + T_HALF] as number);
      return;
    case CAUTIOUS:
      cautiousDiplomacy(r, i);
      return;
    case DE_ESCALATOR:
      deEscalatorDiplomacy(r, i, sanctionsAtStart, talksAtStart);
      return;
    case DOVE:
    case RANDOM:
    case GENEROUS_TFT:
    case GRIM:
      diplomacySimple(r, i, sanctionsAtStart);
      return;
    case SPOILER:
      spoilerDiplomacy(r, i, talksAtStart);
      return;
    case NORM_ENTREPRENEUR:
      normEntrepreneurDiplomacy(r, i, talksAtStart);
      return;
    default:
      return;
  }
}

/** One message per suspect of this round's files (its strongest): over the hotline if there is one, else a private accusation. */
export function raise(r: FlatRun, i: number, threshold: number, weight: number, half: number): void {
  const a = r.bufA;
  r.attributed(i, r.round, threshold, weight, half, a);
  for (let k = 0; k < a.count; k++) {
    const sus = a.sus[k] as number;
    if (r.hotline[i * r.n + sus] === 1) r.hotlineQuery(i, sus, a.inc[k] as FlatIncident);
    else r.accuse(i, sus, a.inc[k] as FlatIncident, false, false);
  }
}

/**
 * Phase 5: the addressee's answer to a request, decided on the world at the pass's start (the
 * world the previous pass left, for a counter-offer asked in a further pass).
 */
export function respond(r: FlatRun, req: FlatRequest): number {
  const me = req.to;
  switch (r.s.strat[me]) {
    case PASSIVE:
      return IGNORE;
    case CONTRACTOR:
      return req.kind === PROPOSAL || req.kind === ASSISTANCE || req.kind === FORUM_VOTE ? IGNORE : DENY;
    case HAWK:
      return req.kind === PROPOSAL || req.kind === FORUM_VOTE ? REJECT : DENY;
    case DETERRER:
      return req.kind === PROPOSAL || req.kind === FORUM_VOTE ? ACCEPT : req.kind === ASSISTANCE ? COOPERATE : DENY;
    case DE_ESCALATOR:
      return deEscalatorRespond(r, req);
    case PRAGMATIST:
      return pragmatistRespond(r, req);
    case SPOILER:
      return spoilerRespond(req);
    case DOVE:
    case RANDOM:
    case GENEROUS_TFT:
    case GRIM:
      return respondSimple(r, req);
    default:
      // tit-for-tat, cautious and norm-entrepreneur: cooperativeResponse.
      return cooperative(r, req);
  }
}
