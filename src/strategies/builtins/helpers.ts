import { clip } from '../../model/quote.js';
import type { ActorView, IncidentView, PublicActor } from '../../engine/contract.js';
import { hasTerm } from '../../engine/phases/agreements.js';
import type { Request, Response } from '../../model/action.js';
import { detectionProbability, identificationProbability, relevantCapability } from '../../model/attribution.js';
import type { OperationKind } from '../../model/operation.js';
import { describe } from '../../model/mechanisms.js';
import { copied } from '../../model/record.js';

/**
 * Check and complete a strategy's parameters: unknown keys and values outside their range throw
 * an error that names the strategy, the parameter and what was expected.
 */
export function readParams<T extends Record<string, number>>(
  strategy: string,
  params: Readonly<Record<string, unknown>> | undefined,
  defaults: T,
  ranges: { readonly [K in keyof T]: readonly [number, number] },
): T {
  const out: Record<string, number> = copied(defaults);
  for (const key of Object.keys(params ?? {})) {
    const v = (params as Record<string, unknown>)[key];
    // Own keys only: 'toString' or 'valueOf' found Object.prototype's function, passed as a range
    // and was accepted, having no effect.
    const range = Object.hasOwn(ranges, key) ? (ranges as Record<string, readonly [number, number] | undefined>)[key] : undefined;
    if (!range) throw new Error(`strategy '${strategy}' has no parameter '${clip(key)}' (it takes: ${Object.keys(defaults).join(', ') || 'none'})`);
    if (typeof v !== 'number' || !Number.isFinite(v) || v < range[0] || v > range[1]) {
      throw new Error(`strategy '${strategy}': parameter '${key}' must be a number in [${range[0]}, ${range[1]}], got ${describe(v)}`);
    }
    out[key] = v;
  }
  return out as T;
}

/**
 * How strongly a reactive built-in's tension towards a suspect lowers the confidence it acts on
 * (and, for `generous-tit-for-tat`, its forgiveness): see {@link underTension}.
 */
export interface TensionSensitivity {
  /** The largest share w of a threshold that tension can take away (0: tension is ignored). */
  readonly tensionWeight: number;
  /** The tension x½ at which half of that share is taken away. */
  readonly tensionHalf: number;
}

/**
 * Defaults of {@link TensionSensitivity} for `hawk`, `tit-for-tat`, `generous-tit-for-tat` and
 * `grim-trigger`. Chosen from the tension the bundled scenarios reach: measured over seeds 1–20 of
 * every file in scenarios/ (3,395 incidents detected with a suspect; bench/tension-at-detection.mjs),
 * the tension of the victim towards the suspect is 0.13 at the median, 0.51 at the 75th percentile,
 * 1.42 at the 90th and 2.96 at most (working-group-2013 starts at 2); 1 is the 85th percentile. With x½ = 1 the median
 * tension lowers a threshold by 3%, a tension of 1 by 15%, the highest seen by 22%; the weight
 * w = 0.3 caps the effect at 30% however tense a dyad gets, so a hawk still needs some evidence.
 */
export const TENSION_DEFAULTS: TensionSensitivity = Object.freeze({ tensionWeight: 0.3, tensionHalf: 1 });

/** The ranges `readParams` checks for {@link TensionSensitivity} (x½ > 0, so x/(x + x½) is defined at x = 0). */
export const TENSION_RANGES = Object.freeze({ tensionWeight: [0, 1], tensionHalf: [0.001, 1e6] } as const);

/**
 * Tension scales how aggressive a reactive strategy is (DESIGN §3): the viewer's Richardson
 * tension towards `suspect`, x = max(0, view.tension(self, suspect)), lowers `value` — a
 * confidence threshold for acting against the suspect, or a probability of forgiving it — to
 * `value × (1 − w · x/(x + x½))`. The factor falls smoothly from 1 (no tension) towards 1 − w
 * (a very tense dyad), is halfway at x = x½, and with w = 0 is exactly 1, which restores the
 * behaviour of a strategy that ignores tension. Negative tension (détente) does not raise it.
 * The float operations are in this order in the reference kernel too (bench/reference-kernel.mjs).
 */
export function underTension(view: ActorView, suspect: string, value: number, s: TensionSensitivity): number {
  return value * tensionFactor(view, suspect, s);
}

/** The factor {@link underTension} applies, for a strategy that lowers several values by it. */
export function tensionFactor(view: ActorView, suspect: string, s: TensionSensitivity): number {
  const x = Math.max(0, view.tension(view.self, suspect));
  return 1 - s.tensionWeight * (x / (x + s.tensionHalf));
}

/** Incidents the viewer detected in the given round. */
export function detectedIn(view: ActorView, round: number): IncidentView[] {
  return view.incidents.filter((i) => i.round === round && i.revealed === null);
}

/**
 * Whether the viewer accused anyone over `incident` in the previous round. A view's events cover
 * the previous round and this one so far, and a strategy keeps no state between calls, so this is
 * as far back as a strategy can tell which files it has raised (see `cautious`).
 */
export function accusedLastRound(view: ActorView, incident: string): boolean {
  const events = view.events;
  const self = view.self;
  const round = view.round - 1;
  for (let k = 0; k < events.length; k++) {
    const e = events[k] as ActorView['events'][number];
    if (e.type === 'accusation.made' && e.by === self && e.round === round && e.incident === incident) return true;
  }
  return false;
}

/** An attribution of an incident to a suspect (see {@link attributedIn}, {@link attributionsIn}). */
type Attribution = { suspect: string; incident: IncidentView; confidence: number };

/** A revealed culprit is certain; otherwise the viewer's confidence in its suspect. */
function confidenceIn(inc: IncidentView): number {
  return inc.revealed !== null ? 1 : inc.confidence;
}

/**
 * The actor `inc` is pinned on, if it was detected in `round` (or revealed), is not the viewer, and
 * is held at or above `threshold` (lowered by tension towards it, with `tension`); otherwise null.
 */
function attributedSuspect(view: ActorView, inc: IncidentView, round: number, threshold: number, tension: TensionSensitivity | undefined): string | null {
  if (inc.round !== round) return null;
  const suspect = inc.revealed ?? inc.suspect;
  if (suspect === null || suspect === view.self) return null;
  return confidenceIn(inc) < (tension === undefined ? threshold : underTension(view, suspect, threshold, tension)) ? null : suspect;
}

/**
 * For each suspect, the strongest attribution among the incidents detected in `round`
 * (or revealed), at or above `threshold`; sorted by suspect id for a canonical order. With
 * `tension`, each suspect's threshold is lowered by the viewer's tension towards it
 * ({@link underTension}).
 */
export function attributedIn(view: ActorView, round: number, threshold: number, tension?: TensionSensitivity): Attribution[] {
  // Made on the first attribution only: most views of a round have none, and the built-ins ask
  // two or three times per decision (a map per call was ≈ 2% of a 3-actor run's bytes).
  let best: Map<string, Attribution> | undefined;
  // Indexed loops over a view's frozen lists (docs/performance.md, frozen arrays).
  const incidents = view.incidents;
  for (let k = 0; k < incidents.length; k++) {
    const inc = incidents[k] as IncidentView;
    const suspect = attributedSuspect(view, inc, round, threshold, tension);
    if (suspect === null) continue;
    const confidence = confidenceIn(inc);
    best ??= new Map();
    const prev = best.get(suspect);
    if (!prev || confidence > prev.confidence) best.set(suspect, { suspect, incident: inc, confidence });
  }
  if (best === undefined) return [];
  return [...best.values()].sort((a, b) => (a.suspect < b.suspect ? -1 : a.suspect > b.suspect ? 1 : 0));
}

/**
 * Every attribution among the incidents detected in `round` (or revealed) at or above `threshold`
 * — one per incident, where {@link attributedIn} keeps each suspect's strongest — sorted by
 * suspect id, then incident id, for a canonical order. With `tension`, each suspect's threshold is
 * lowered by the viewer's tension towards it ({@link underTension}).
 */
export function attributionsIn(view: ActorView, round: number, threshold: number, tension?: TensionSensitivity): Attribution[] {
  let out: Attribution[] | undefined;
  const incidents = view.incidents;
  for (let k = 0; k < incidents.length; k++) {
    const inc = incidents[k] as IncidentView;
    const suspect = attributedSuspect(view, inc, round, threshold, tension);
    if (suspect !== null) (out ??= []).push({ suspect, incident: inc, confidence: confidenceIn(inc) });
  }
  if (out === undefined) return [];
  return out.sort((a, b) => byId(a.suspect, b.suspect) || byId(a.incident.id, b.incident.id));
}

/** Whether the viewer (directly or through a proxy) did the operation a request asks about. */
export function isGuilty(view: ActorView, request: Request): boolean {
  if (request.kind !== 'accusation' && request.kind !== 'hotline-query' && request.kind !== 'assistance') return false;
  const inc = request.incident;
  // Indexed: the view's own operations are a frozen list (see `sanctioning`).
  const ops = view.operations;
  for (let k = 0; k < ops.length; k++) {
    const op = ops[k] as ActorView['operations'][number];
    if (op.target === request.from && op.round === inc.round && op.kind === inc.kind) return true;
  }
  return false;
}

/** Other actors that are not the viewer's own proxy or sponsor, sorted by id. */
export function rivals(view: ActorView): string[] {
  const out: string[] = [];
  const actors = view.actors;
  for (let k = 0; k < actors.length; k++) {
    const a = actors[k] as PublicActor;
    if (isRival(view, a)) out.push(a.id);
  }
  return out;
}

/** Whether `a` is neither the viewer, nor its proxy, nor its sponsor. */
function isRival(view: ActorView, a: PublicActor): boolean {
  return a.id !== view.self && a.sponsor !== view.self && view.me.sponsor !== a.id;
}

/**
 * The `k` rivals the viewer trusts least, least first, ties by id: the first `k` of
 * `rivals(view)` sorted by (trust, id). One pass that reads each rival's trust once and keeps the
 * `k` best in order: sorting all rivals read trust twice per comparison, ≈ 18% of a 128-actor
 * run (docs/performance.md, eighth pass), for the two or three a strategy uses.
 */
export function leastTrusted(view: ActorView, k: number): string[] {
  const ids: string[] = [];
  const trusts: number[] = [];
  if (!(k > 0)) return ids;
  const actors = view.actors;
  for (let x = 0; x < actors.length; x++) {
    const a = actors[x] as PublicActor;
    if (!isRival(view, a)) continue;
    const id = a.id;
    const t = view.trust(id);
    // Where it goes among the kept ones: after every one that comes first by (trust, id).
    let at = ids.length;
    while (at > 0) {
      const u = trusts[at - 1] as number;
      if (u < t || (u === t && (ids[at - 1] as string) < id)) break;
      at--;
    }
    if (at >= k) continue;
    if (ids.length === k) {
      ids.pop();
      trusts.pop();
    }
    ids.splice(at, 0, id);
    trusts.splice(at, 0, t);
  }
  return ids;
}

/**
 * Whether an agreement in force between the viewer and `other` has a `sanctions-relief` term: a
 * sanction of `other` would break it (the commitment audit records the violation).
 */
export function promisedRelief(view: ActorView, other: string): boolean {
  // The engine's own test of a term between two parties (the audit finds the violation by it).
  return hasTerm(view.agreements, view.self, other, 'sanctions-relief') !== undefined;
}

/**
 * Whether the viewer already has `measure` sanctions in force on `target`. An indexed loop: a
 * view's lists are frozen, and `some` over a frozen list leaves V8's fast path on Node 20 (12.6 µs
 * against 2.5 µs over the ≈ 240 sanctions in force late in a 128-actor run, asked for each
 * accusation; docs/performance.md, eighth pass).
 */
export function sanctioning(view: ActorView, target: string, measure: string): boolean {
  const sanctions = view.sanctions;
  const self = view.self;
  for (let k = 0; k < sanctions.length; k++) {
    const s = sanctions[k] as ActorView['sanctions'][number];
    if (s.by === self && s.target === target && s.measure === measure) return true;
  }
  return false;
}

/** Whether the viewer can run operations of this kind at all. */
export function canOperate(view: ActorView, kind: OperationKind): boolean {
  return relevantCapability(view.me.capabilities, kind) > 0;
}

/**
 * The chance that `target` detects an operation of the viewer and names it, from public
 * capabilities and the run's mechanisms (what a rational attacker would estimate).
 */
export function exposure(view: ActorView, target: string, kind: OperationKind): number {
  const t = view.actor(target);
  if (!t) return 0;
  const m = view.mechanisms;
  const p = detectionProbability(t.capabilities.attribution, view.me.capabilities.stealth, m.operations.severity[kind], m);
  return p * identificationProbability(t.capabilities.attribution, 0, m);
}

/** Canonical string order. */
export function byId(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Whether talks, or an agreement, already link the viewer and `other`. */
export function linkedWith(view: ActorView, other: string): boolean {
  return view.talks.some((t) => t.parties.includes(other)) || view.agreements.some((a) => a.parties.includes(other));
}

/** States (other than the viewer) with no agreement and no talks with it yet, sorted by id. */
export function unlinkedStates(view: ActorView): string[] {
  return view.actors.filter((a) => a.id !== view.self && a.kind === 'state' && !linkedWith(view, a.id)).map((a) => a.id);
}

/** The actors sanctioning the viewer, sorted by id. */
export function sanctionedBy(view: ActorView): string[] {
  return [...new Set(view.sanctions.filter((s) => s.target === view.self).map((s) => s.by))].sort(byId);
}

/** The usual answers of a cooperative actor: help, accept, vote yes; deny only what it did. */
export function cooperativeResponse(request: Request, view: ActorView): Response {
  switch (request.kind) {
    case 'proposal':
    case 'forum-vote':
      return { type: 'accept' };
    case 'assistance':
      return { type: 'cooperate' };
    default:
      return isGuilty(view, request) ? { type: 'deny' } : { type: 'cooperate' };
  }
}
