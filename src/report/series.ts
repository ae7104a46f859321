// The numbers behind the report's charts, extracted from a report source: the world at the end of
// every round (rungs, trust, welfare, norms) and the event log (incidents and their truth).
import type { OperationKind, OperationTarget } from '../model/operation.js';
import type { SimEvent } from '../model/event.js';
import { GGE15_NORM_IDS } from '../model/norms.js';
import { betaTrust } from '../model/trust.js';
import { maxOf } from './max.js';
import type { ReportSource } from './record.js';

/** The rounds of a source, in order (`metrics[k].round`). */
export function roundsOf(source: ReportSource): number[] {
  return source.frames.map((w) => w.round - 1);
}

/** The ids of the actors, in the world's canonical (sorted) order. */
export function actorIds(source: ReportSource): string[] {
  return source.initial.actors.map((a) => a.id);
}

/** The rung of each direction of one pair of actors at the end of every round. */
export interface DyadRungSeries {
  readonly a: string;
  readonly b: string;
  /** a's conduct towards b, and b's towards a, per round (0–7). */
  readonly ab: readonly number[];
  readonly ba: readonly number[];
  /** Highest rung either way over the run. */
  readonly peak: number;
}

/** The highest rung any dyad reached over the run (0 for a run without rounds). */
export function peakRungOf(metrics: readonly { readonly peakRung: number }[]): number {
  return maxOf(metrics.map((m) => m.peakRung), 0);
}

/**
 * Per unordered pair of actors (a < b in the canonical order), the ladder rung each way at the end
 * of every round.
 *
 * @example
 * ```ts
 * rungSeries(source).map((d) => `${d.a}–${d.b} peak L${d.peak}`);
 * ```
 */
export function rungSeries(source: ReportSource): DyadRungSeries[] {
  const n = source.initial.actors.length;
  const ids = actorIds(source);
  const out: DyadRungSeries[] = [];
  for (let i = 0; i < n; i++) {
    for (let j = i + 1; j < n; j++) {
      const ab = source.frames.map((w) => w.dyads.rung[i * n + j] as number);
      const ba = source.frames.map((w) => w.dyads.rung[j * n + i] as number);
      out.push({ a: ids[i] as string, b: ids[j] as string, ab, ba, peak: maxOf(ba, maxOf(ab, 0)) });
    }
  }
  return out;
}

/** The trust matrix at the end of one round: `trust[i][j]` is actor i's trust in actor j (NaN on the diagonal). */
export interface TrustFrame {
  readonly round: number;
  readonly trust: readonly (readonly number[])[];
}

/**
 * The trust matrix at the end of every round (or of at most `maxFrames` rounds, evenly spread and
 * always including the last, so a long run with many actors keeps a report of reasonable size).
 *
 * @example
 * ```ts
 * const last = trustFrames(source).at(-1); // last?.trust[0][1]: first actor's trust in the second
 * ```
 */
export function trustFrames(source: ReportSource, maxFrames = Infinity): TrustFrame[] {
  const n = source.initial.actors.length;
  const count = source.frames.length;
  const keep = pickIndices(count, maxFrames);
  return keep.map((k) => {
    const w = source.frames[k] ?? source.initial;
    const trust: number[][] = [];
    for (let i = 0; i < n; i++) {
      const row: number[] = [];
      for (let j = 0; j < n; j++) row.push(i === j ? Number.NaN : betaTrust(w.dyads.trustR[i * n + j] as number, w.dyads.trustS[i * n + j] as number));
      trust.push(row);
    }
    return { round: w.round - 1, trust };
  });
}

/** Indices 0..count-1, at most `max` of them, evenly spread, first and last included. */
export function pickIndices(count: number, max: number): number[] {
  if (count <= 0) return [];
  const m = Math.max(1, Math.floor(Math.min(max, count)));
  if (m >= count) return Array.from({ length: count }, (_, k) => k);
  if (m === 1) return [count - 1];
  const out: number[] = [];
  for (let t = 0; t < m; t++) {
    const k = Math.round((t * (count - 1)) / (m - 1));
    if (out[out.length - 1] !== k) out.push(k);
  }
  return out;
}

/**
 * Accumulated welfare of every actor at the end of every round, by actor id.
 *
 * @example
 * ```ts
 * welfareSeries(source).get('US'); // [0.4, 0.9, …]
 * ```
 */
export function welfareSeries(source: ReportSource): Map<string, number[]> {
  const out = new Map<string, number[]>();
  source.initial.actors.forEach((a, i) => out.set(a.id, source.frames.map((w) => w.welfare[i] as number)));
  return out;
}

/** When each actor adopted each norm. */
export interface NormAdoption {
  /** Norms shown: the GGE 2015 norms, then any other adopted norm, sorted. */
  readonly norms: readonly string[];
  /** By actor id, by norm: the round of adoption, or -1 when the actor held it from the start. Absent: never adopted. */
  readonly adopted: ReadonlyMap<string, ReadonlyMap<string, number>>;
}

/**
 * The round in which every actor adopted every norm (from the initial world and `norm.adopted` events).
 *
 * @example
 * ```ts
 * normAdoption(source).adopted.get('US')?.get('gge15.f'); // e.g. 4, or -1 (from the start)
 * ```
 */
export function normAdoption(source: ReportSource): NormAdoption {
  const adopted = new Map<string, Map<string, number>>();
  for (const a of source.initial.actors) {
    const m = new Map<string, number>();
    for (const norm of source.initial.norms[a.id] ?? []) m.set(norm, -1);
    adopted.set(a.id, m);
  }
  for (const e of source.log) {
    if (e.type !== 'norm.adopted') continue;
    const m = adopted.get(e.actor);
    if (m && !m.has(e.norm)) m.set(e.norm, e.round);
  }
  const extra = new Set<string>();
  for (const m of adopted.values()) for (const norm of m.keys()) if (!GGE15_NORM_IDS.includes(norm)) extra.add(norm);
  return { norms: [...GGE15_NORM_IDS, ...[...extra].sort()], adopted };
}

/**
 * How an incident's first attribution compares with the truth.
 *
 * @example
 * ```ts
 * const outcome: AttributionOutcome = 'misattributed';
 * incidentRecords(run.log).filter((r) => r.outcome === outcome).length;
 * ```
 */
export type AttributionOutcome = 'correct' | 'misattributed' | 'unattributed' | 'false-alarm';

/**
 * One detected incident: who the victim suspected, and who really did it.
 *
 * @example
 * ```ts
 * for (const r of incidentRecords(run.log)) {
 *   if (r.outcome === 'misattributed') console.log(`${r.victim} blamed ${r.firstSuspect}; it was ${r.author}`);
 * }
 * ```
 */
export interface IncidentRecord {
  readonly incident: string;
  readonly round: number;
  readonly victim: string;
  readonly kind: OperationKind;
  readonly against: OperationTarget;
  readonly severity: number;
  /** Hidden truth: who carried it out and who ordered it (null for a false alarm). */
  readonly author: string | null;
  readonly principal: string | null;
  readonly falseFlag: string | null;
  /** The victim's top suspect when it detected the incident, and its confidence. */
  readonly firstSuspect: string | null;
  readonly firstConfidence: number;
  /** The victim's top suspect after its last investigation of the incident. */
  readonly finalSuspect: string | null;
  readonly finalConfidence: number;
  /** The first attribution against the truth: right (author or principal), wrong, none, or a false alarm. */
  readonly outcome: AttributionOutcome;
  /** Round in which the truth came out, if it did. */
  readonly revealed: number | null;
}

/**
 * Every detected incident with its perceived and true author, in log order. An incident is
 * misattributed when the victim's first top suspect is neither the author nor the principal
 * (a false alarm pinned on someone counts as `false-alarm`).
 *
 * @example
 * ```ts
 * incidentRecords(source.log).filter((i) => i.outcome === 'misattributed');
 * ```
 */
export function incidentRecords(log: readonly SimEvent[]): IncidentRecord[] {
  const ops = new Map<string, { author: string; principal: string; falseFlag: string | null }>();
  const records = new Map<string, IncidentRecord>();
  for (const e of log) {
    if (e.type === 'operation.conducted') ops.set(e.operation.id, e.operation);
    else if (e.type === 'incident.detected') {
      const op = e.operation === null ? undefined : ops.get(e.operation);
      const outcome: AttributionOutcome =
        e.operation === null ? 'false-alarm' : e.suspect === null ? 'unattributed' : op && (e.suspect === op.author || e.suspect === op.principal) ? 'correct' : 'misattributed';
      records.set(e.incident, {
        incident: e.incident,
        round: e.round,
        victim: e.victim,
        kind: e.kind,
        against: e.against,
        severity: e.severity,
        author: op?.author ?? null,
        principal: op?.principal ?? null,
        falseFlag: op?.falseFlag ?? null,
        firstSuspect: e.suspect,
        firstConfidence: e.confidence,
        finalSuspect: e.suspect,
        finalConfidence: e.confidence,
        outcome,
        revealed: null,
      });
    } else if (e.type === 'incident.investigated') {
      const r = records.get(e.incident);
      if (r) records.set(e.incident, { ...r, finalSuspect: e.suspect, finalConfidence: e.confidence });
    } else if (e.type === 'truth.revealed') {
      const r = records.get(e.incident);
      if (r && r.revealed === null) records.set(e.incident, { ...r, revealed: e.round });
    }
  }
  return [...records.values()];
}

/** Operations no victim detected (hidden truth), per round, for the timeline. */
export function undetectedOperations(log: readonly SimEvent[]): { readonly round: number; readonly principal: string; readonly target: string; readonly kind: OperationKind }[] {
  const detected = new Set<string>();
  for (const e of log) if (e.type === 'incident.detected' && e.operation !== null) detected.add(e.operation);
  const out: { round: number; principal: string; target: string; kind: OperationKind }[] = [];
  for (const e of log) {
    if (e.type === 'operation.conducted' && !detected.has(e.operation.id)) out.push({ round: e.round, principal: e.operation.principal, target: e.operation.target, kind: e.operation.kind });
  }
  return out;
}
