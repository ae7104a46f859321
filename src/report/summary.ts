import type { Run } from '../engine/simulate.js';
import { rungLabel } from '../model/escalation.js';
import { betaTrust } from '../model/trust.js';
import type { ReportText } from '../text/report.js';
import { REPORT_EN } from '../text/report.js';

/** Closing numbers of one unordered pair of actors. */
export interface DyadSummary {
  readonly a: string;
  readonly b: string;
  /** Trust of a in b and of b in a at the end. */
  readonly trustAB: number;
  readonly trustBA: number;
  /** Highest rung either side reached towards the other. */
  readonly peakRung: number;
  /** Operations between them (both directions), how many the victims detected, how many were first attributed correctly. */
  readonly operations: number;
  readonly detected: number;
  readonly correctlyAttributed: number;
  /** Incidents between them first attributed to the wrong actor, false alarms included. */
  readonly misattributed: number;
  readonly accusations: number;
  readonly agreements: number;
}

/**
 * One summary row per pair of actors, from the run's log and final world.
 *
 * @example
 * ```ts
 * for (const d of summarizeDyads(run)) console.log(d.a, d.b, d.peakRung);
 * ```
 */
export function summarizeDyads(run: Pick<Run, 'log' | 'world'>): DyadSummary[] {
  const w = run.world;
  const n = w.actors.length;
  const ids = w.actors.map((a) => a.id);
  const key = (x: string, y: string) => (x < y ? `${x}\u0000${y}` : `${y}\u0000${x}`);
  const ops = new Map<string, { author: string; principal: string; target: string }>();
  const count = new Map<string, { operations: number; detected: number; correct: number; wrong: number; accusations: number }>();
  const get = (k: string) => {
    let c = count.get(k);
    if (!c) count.set(k, (c = { operations: 0, detected: 0, correct: 0, wrong: 0, accusations: 0 }));
    return c;
  };
  for (const e of run.log) {
    if (e.type === 'operation.conducted') {
      ops.set(e.operation.id, e.operation);
      get(key(e.operation.principal, e.operation.target)).operations++;
    } else if (e.type === 'incident.detected') {
      const op = e.operation === null ? undefined : ops.get(e.operation);
      if (op) {
        const c = get(key(op.principal, op.target));
        c.detected++;
        if (e.suspect === op.author || e.suspect === op.principal) c.correct++;
        else if (e.suspect !== null) {
          c.wrong++;
        }
      } else if (e.suspect !== null) get(key(e.victim, e.suspect)).wrong++;
    } else if (e.type === 'accusation.made') get(key(e.by, e.target)).accusations++;
  }
  const out: DyadSummary[] = [];
  for (let i = 0; i < n; i++) {
    for (let j = i + 1; j < n; j++) {
      const a = ids[i] as string;
      const b = ids[j] as string;
      const ab = i * n + j;
      const ba = j * n + i;
      const c = count.get(key(a, b)) ?? { operations: 0, detected: 0, correct: 0, wrong: 0, accusations: 0 };
      out.push({
        a,
        b,
        trustAB: betaTrust(w.dyads.trustR[ab] as number, w.dyads.trustS[ab] as number),
        trustBA: betaTrust(w.dyads.trustR[ba] as number, w.dyads.trustS[ba] as number),
        peakRung: Math.max(w.dyads.peakRung[ab] as number, w.dyads.peakRung[ba] as number),
        operations: c.operations,
        detected: c.detected,
        correctlyAttributed: c.correct,
        misattributed: c.wrong,
        accusations: c.accusations,
        agreements: w.agreements.filter((ag) => ag.parties.includes(a) && ag.parties.includes(b)).length,
      });
    }
  }
  return out;
}

/** Options of {@link formatSummary}. */
export interface SummaryOptions {
  /**
   * Show the counts only the engine knows: operations conducted / detected / attributed, and
   * misattributions (which need the true author). Default true; false keeps the columns the
   * actors themselves could know (trust, peak rung, accusations, agreements).
   */
  readonly truth?: boolean;
}

/** Columns of `closingDyads` that need the hidden truth: "ops true / detected / attributed" and "misattributed". */
const TRUTH_COLUMNS: ReadonlySet<number> = new Set([3, 4]);

/**
 * The closing table of a run as aligned plain text: one row per pair of actors, then norms
 * adopted and welfare per actor. Column headers come from the report catalogue (English by default).
 *
 * @example
 * ```ts
 * console.log(formatSummary(run));
 * console.log(formatSummary(run, undefined, { truth: false })); // without engine-only counts
 * ```
 */
export function formatSummary(run: Pick<Run, 'log' | 'world'>, text: Pick<ReportText, 'closingDyads' | 'closingActors'> = REPORT_EN, options: SummaryOptions = {}): string {
  const cells = closingCells(run);
  const keep = (_: unknown, c: number) => options.truth !== false || !TRUTH_COLUMNS.has(c);
  return `${formatTable(text.closingDyads.filter(keep), cells.dyads.map((row) => row.filter(keep)))}\n\n${formatTable(text.closingActors, cells.actors)}`;
}

/**
 * The cells of the closing tables — one row per pair of actors (under `closingDyads`) and one per
 * actor (under `closingActors`) — shared by the terminal summary, the HTML report and the debrief,
 * which only lay them out differently.
 */
export function closingCells(run: Pick<Run, 'log' | 'world'>): { readonly dyads: string[][]; readonly actors: string[][] } {
  const w = run.world;
  return {
    dyads: summarizeDyads(run).map((d) => [
      `${d.a}–${d.b}`,
      `${d.trustAB.toFixed(2)} / ${d.trustBA.toFixed(2)}`,
      rungLabel(d.peakRung),
      `${d.operations} / ${d.detected} / ${d.correctlyAttributed}`,
      String(d.misattributed),
      String(d.accusations),
      String(d.agreements),
    ]),
    actors: w.actors.map((a, i) => [a.id, a.kind, a.strategy, String((w.norms[a.id] ?? []).length), (w.welfare[i] as number).toFixed(1)]),
  };
}

/**
 * Align rows of cells under a header, columns separated by two spaces.
 *
 * @example
 * ```ts
 * formatTable(['a', 'b'], [['1', '2']]);
 * ```
 */
export function formatTable(header: readonly string[], rows: readonly (readonly string[])[]): string {
  const widths = header.map((h, c) => Math.max([...h].length, ...rows.map((r) => [...(r[c] ?? '')].length)));
  const line = (cells: readonly string[]) => cells.map((cell, c) => cell.padEnd(widths[c] ?? 0)).join('  ').trimEnd();
  return [line(header), widths.map((w) => '─'.repeat(w)).join('  '), ...rows.map(line)].join('\n');
}
