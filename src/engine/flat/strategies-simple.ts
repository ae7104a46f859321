// The simple and reactive built-ins on the flat state: dove and random (src/strategies/builtins/
// simple.ts), generous-tit-for-tat (reactive.ts, `reciprocal` with generous = true) and
// grim-trigger (diplomatic.ts). Dispatched from strategies.ts by code (DOVE, RANDOM, GENEROUS_TFT,
// GRIM); each reads what its view would show, as the six strategies of strategies.ts do, and draws
// from its `strategy` stream exactly what the engine's Rng calls draw (chance: one number; int: one;
// pick: one, none on an empty list).

import { topSuspect } from './rules.js';
import {
  DEGRADATION, DISRUPTION, DOVE, DV_THRESHOLD, ECONOMIC, ESPIONAGE, G_GENEROSITY, GENEROUS_TFT, GR_HALF, GR_THRESHOLD, GR_WEIGHT, GRIM, PARAM_SLOTS, R_RATE, RANDOM, STATE,
  T_HALF, T_THRESHOLD, T_WEIGHT,
} from './setup.js';
import { ACCEPT, ACCUSATION, ACKNOWLEDGE, ASSISTANCE, COOPERATE, DENY, FORUM_VOTE, HOTLINE, IGNORE, PROPOSAL, REJECT, S_STRATEGY, WALK_OUT } from './state.js';
import type { FlatIncident, FlatOp, FlatRequest, FlatRun } from './state.js';
import { attributionsOf, raise } from './strategies.js';
import type { Attributed } from './strategies.js';
import { adoptEveryNorm, cooperative, liftOwnSanctions, raiseFiles } from './diplomatic.js';

/** random's answers by draw (RESPONSES_BY_KIND without 'counter', in its order). */
const RANDOM_ANSWERS_TO_REQUEST = [DENY, COOPERATE, ACKNOWLEDGE, IGNORE] as const;
const RANDOM_ANSWERS_TO_PROPOSAL = [ACCEPT, REJECT, WALK_OUT, IGNORE] as const;
const RANDOM_ANSWERS_TO_ASSISTANCE = [COOPERATE, DENY, IGNORE] as const;
const RANDOM_ANSWERS_TO_VOTE = [ACCEPT, REJECT, IGNORE] as const;

/** Phase 2 for the simple/reactive built-ins: orders appended to `planned` as (target, kind, commercial). */
export function operateSimple(r: FlatRun, i: number, planned: number[]): void {
  const s = r.s;
  const p = i * PARAM_SLOTS;
  const max = r.m.operations.maxPerRound;
  switch (s.strat[i]) {
    case RANDOM: {
      const rate = s.params[p + R_RATE] as number;
      const rv = s.rivals[i] as Int32Array;
      const rng = r.rng(i, S_STRATEGY);
      let count = 0;
      for (let k = 0; k < rv.length; k++) {
        if (!(rng() < rate)) continue;
        const kind = Math.floor(rng() * 3);
        const cap = (kind === ESPIONAGE ? s.esp[i] : s.off[i]) as number;
        if (cap > 0 && count < max) {
          planned.push(rv[k] as number, kind, 0);
          count++;
        }
      }
      return;
    }
    case GENEROUS_TFT: {
      // As tit-for-tat (attributionsIn of last round), each attribution forgiven at a chance its
      // tension lowers.
      const weight = s.params[p + T_WEIGHT] as number;
      const half = s.params[p + T_HALF] as number;
      const generosity = s.params[p + G_GENEROSITY] as number;
      const found = attributionsOf(r, i, r.round - 1, s.params[p + T_THRESHOLD] as number, weight, half);
      if (found.length === 0) return;
      const rng = r.rng(i, S_STRATEGY);
      const n = r.n;
      let count = 0;
      for (let k = 0; k < found.length; k++) {
        const { s: sus, inc } = found[k] as Attributed;
        // One draw per attribution, whether or not the cap or the capability allows an answer.
        const x = Math.max(0, r.cur.tension[i * n + sus] as number);
        if (rng() < generosity * (1 - weight * (x / (x + half)))) continue;
        const kind = inc.kind === DEGRADATION ? DISRUPTION : inc.kind;
        if (((kind === ESPIONAGE ? s.esp[i] : s.off[i]) as number) > 0 && count < max) {
          planned.push(sus, kind, 0);
          count++;
        }
      }
      return;
    }
    case GRIM: {
      // Its punished (sanctions in force it imposed; a non-state's retained operations of earlier
      // rounds) and, for a non-state, last round's offenders as they stand now: disruption then
      // espionage against each, by index, up to the cap.
      const mark = punished(r, i);
      if (s.kind[i] !== STATE) {
        const a = r.bufA;
        offendersOf(r, i, r.round - 1, a);
        for (let k = 0; k < a.count; k++) mark[a.sus[k] as number] = 1;
        const last = r.lastPerceived;
        for (let k = 0; k < last.length; k += 2) if (last[k] === i) mark[last[k + 1] as number] = 1;
      }
      let count = 0;
      for (let t = 0; t < r.n; t++) {
        if (mark[t] === 0) continue;
        mark[t] = 0;
        if ((s.off[i] as number) > 0 && count < max) {
          planned.push(t, DISRUPTION, 0);
          count++;
        }
        if ((s.esp[i] as number) > 0 && count < max) {
          planned.push(t, ESPIONAGE, 0);
          count++;
        }
      }
      return;
    }
    default:
      return;
  }
}

/** Phase 4 for the simple/reactive built-ins, applied at once (as `diplomacy` in strategies.ts). */
export function diplomacySimple(r: FlatRun, i: number, sanctionsAtStart: number): void {
  const s = r.s;
  const n = r.n;
  const p = i * PARAM_SLOTS;
  switch (s.strat[i]) {
    case DOVE:
      adoptEveryNorm(r, i);
      liftOwnSanctions(r, i, sanctionsAtStart);
      raiseFiles(r, i, s.params[p + DV_THRESHOLD] as number);
      return;
    case RANDOM: {
      const rate = s.params[p + R_RATE] as number;
      const rng = r.rng(i, S_STRATEGY);
      const list = r.incidents[i] as FlatIncident[];
      // This round's files: none is revealed yet (reveals come in phase 1), and accusing adds none.
      for (let k = 0; k < list.length; k++) {
        const inc = list[k] as FlatIncident;
        if (inc.round !== r.round || inc.revealed >= 0) continue;
        const sus = topSuspect(inc.post, n);
        if (sus >= 0 && rng() < rate) r.accuse(i, sus, inc, rng() < 0.5, false);
      }
      if (rng() < rate / 4) {
        const width = s.normIds.length;
        let missing = 0;
        for (let k = 0; k < s.gge.length; k++) if (r.norms[i * width + (s.gge[k] as number)] !== 1) missing++;
        if (missing > 0) {
          let pick = Math.floor(rng() * missing);
          for (let k = 0; k < s.gge.length; k++) {
            const norm = s.gge[k] as number;
            if (r.norms[i * width + norm] === 1) continue;
            if (pick-- === 0) {
              r.adoptNorm(i, norm);
              break;
            }
          }
        }
      }
      return;
    }
    case GENEROUS_TFT:
      // As tit-for-tat: one message per suspect of this round's files (its strongest).
      raise(r, i, s.params[p + T_THRESHOLD] as number, s.params[p + T_WEIGHT] as number, s.params[p + T_HALF] as number);
      return;
    case GRIM: {
      const already = punished(r, i);
      const a = r.bufA;
      offendersOf(r, i, r.round, a);
      const state = s.kind[i] === STATE;
      // This round's attributions (by suspect), then last round's perceived violations by i in
      // event order, each suspect once.
      const last = r.lastPerceived;
      for (let k = 0; k < a.count + last.length / 2; k++) {
        let sus: number;
        let inc: FlatIncident | null;
        if (k < a.count) {
          sus = a.sus[k] as number;
          inc = a.inc[k] as FlatIncident;
        } else {
          const j = (k - a.count) * 2;
          if (last[j] !== i) continue;
          sus = last[j + 1] as number;
          inc = null;
          if (seenBefore(a, last, j, i, sus)) continue;
        }
        if (already[sus] === 1) continue;
        if (inc !== null) r.accuse(i, sus, inc, true, true);
        if (state) r.imposeSanction(i, sus, ECONOMIC);
        if (r.dialogueWith(i, sus, false)) r.setDialogue(i, sus, true);
      }
      already.fill(0);
      return;
    }
    default:
      return;
  }
}

/**
 * Phase 5 for the simple/reactive built-ins: the answer to a request of any kind, on the world at
 * the pass's start (dove's, grim-trigger's and generous-tit-for-tat's `respond` fall back on
 * cooperativeResponse; random draws one answer among RESPONSES_BY_KIND's, counter left out).
 */
export function respondSimple(r: FlatRun, req: FlatRequest): number {
  const me = req.to;
  switch (r.s.strat[me]) {
    case RANDOM: {
      const u = r.rng(me, S_STRATEGY)();
      const answers = req.kind === PROPOSAL ? RANDOM_ANSWERS_TO_PROPOSAL : req.kind === ASSISTANCE ? RANDOM_ANSWERS_TO_ASSISTANCE : req.kind === FORUM_VOTE ? RANDOM_ANSWERS_TO_VOTE : RANDOM_ANSWERS_TO_REQUEST;
      return answers[Math.floor(u * answers.length)] ?? IGNORE;
    }
    case DOVE:
      if (req.kind === ACCUSATION || req.kind === HOTLINE) return r.guilty(me, req.from, req.inc as FlatIncident) ? ACKNOWLEDGE : COOPERATE;
      return cooperative(r, req);
    case GRIM:
      if (req.kind === PROPOSAL) {
        const mark = punished(r, me);
        const refuse = mark[req.from] === 1;
        mark.fill(0);
        if (refuse) return REJECT;
      }
      return cooperative(r, req);
    default:
      // generous-tit-for-tat: cooperativeResponse.
      return cooperative(r, req);
  }
}

/**
 * grim-trigger's punished(view) as marks (the caller clears them): targets of the sanctions in
 * force it imposed (any measure) and, for a non-state, of its retained operations of earlier rounds.
 */
function punished(r: FlatRun, i: number): Uint8Array {
  const mark = r.marked();
  for (const x of r.sanctions) if (x.by === i) mark[x.target] = 1;
  if (r.s.kind[i] !== STATE) {
    const ops = r.ops;
    for (let k = 0; k < ops.length; k++) {
      const op = ops[k] as FlatOp;
      if (op.principal === i && op.round < r.round) mark[op.target] = 1;
    }
  }
  return mark;
}

/** grim-trigger's attributions of round `round` (attributedIn with its threshold lowered by tension), into `out`. */
function offendersOf(r: FlatRun, i: number, round: number, out: FlatRun['bufA']): void {
  const s = r.s;
  const p = i * PARAM_SLOTS;
  r.attributed(i, round, s.params[p + GR_THRESHOLD] as number, s.params[p + GR_WEIGHT] as number, s.params[p + GR_HALF] as number, out);
}

/** Whether suspect `sus` of the perceived violation at `j` is already an offender: attributed, or perceived by i earlier. */
function seenBefore(a: FlatRun['bufA'], last: readonly number[], j: number, i: number, sus: number): boolean {
  for (let k = 0; k < a.count; k++) if (a.sus[k] === sus) return true;
  for (let k = 0; k < j; k += 2) if (last[k] === i && last[k + 1] === sus) return true;
  return false;
}
