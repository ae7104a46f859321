import type { Run } from '../engine/simulate.js';
import { rungLabel } from '../model/escalation.js';
import { betaTrust } from '../model/trust.js';
import type { ReportText } from '../text/report.js';
import { REPORT_EN } from '../text/report.js';
import { maxOf } from './max.js';
import { checkRunArgument } from './run-check.js';
import { everyMember } from '../model/members.js';
import { checkOptionNames } from '../engine/option-names.js';

/**
 * Closing numbers of one unordered pair of actors.
 *
 * @example
 * ```ts
 * const [d]: DyadSummary[] = summarizeDyads(run);
 * if (d) console.log(`${d.a}–${d.b}: peak L${d.peakRung}, trust ${d.trustAB.toFixed(2)} / ${d.trustBA.toFixed(2)}`);
 * ```
 */
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
  /**
   * Incidents between them first attributed to the wrong actor, false alarms included (the
   * `misattributed` column of a sweep's results, docs/experiments.md): a detected operation of
   * one on the other whose victim first suspected someone else, and a false alarm of one that it
   * first pinned on the other.
   */
  readonly misattributed: number;
  /**
   * Of `misattributed`, the false alarms: incidents with no operation behind them that the victim,
   * one of the two, first pinned on the other. `misattributed − falseAlarms` are the detected
   * operations misattributed, part of `detected` (the closing table shows the two apart).
   */
  readonly falseAlarms: number;
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
  checkRunArgument(run, 'summarizeDyads', true);
  const w = run.world;
  const n = w.actors.length;
  const ids = w.actors.map((a) => a.id);
  const key = (x: string, y: string) => (x < y ? `${x}\u0000${y}` : `${y}\u0000${x}`);
  const ops = new Map<string, { author: string; principal: string; target: string }>();
  const count = new Map<string, { operations: number; detected: number; correct: number; wrong: number; falseAlarms: number; accusations: number }>();
  const get = (k: string) => {
    let c = count.get(k);
    if (!c) count.set(k, (c = { operations: 0, detected: 0, correct: 0, wrong: 0, falseAlarms: 0, accusations: 0 }));
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
      } else if (e.suspect !== null) {
        const c = get(key(e.victim, e.suspect));
        c.wrong++;
        if (e.operation === null) c.falseAlarms++;
      }
    } else if (e.type === 'accusation.made') get(key(e.by, e.target)).accusations++;
  }
  const out: DyadSummary[] = [];
  for (let i = 0; i < n; i++) {
    for (let j = i + 1; j < n; j++) {
      const a = ids[i] as string;
      const b = ids[j] as string;
      const ab = i * n + j;
      const ba = j * n + i;
      const c = count.get(key(a, b)) ?? { operations: 0, detected: 0, correct: 0, wrong: 0, falseAlarms: 0, accusations: 0 };
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
        falseAlarms: c.falseAlarms,
        accusations: c.accusations,
        agreements: w.agreements.filter((ag) => ag.parties.includes(a) && ag.parties.includes(b)).length,
      });
    }
  }
  return out;
}

/**
 * Options of {@link formatSummary}.
 *
 * @example
 * ```ts
 * const options: SummaryOptions = { truth: false }; // only what the actors could know
 * console.log(formatSummary(run, REPORT_EN, options));
 * ```
 */
export interface SummaryOptions {
  /**
   * Show the counts only the engine knows: operations conducted / detected / attributed, and
   * misattributions (which need the true author). Default true; false keeps the columns the
   * actors themselves could know (trust, peak rung, accusations, agreements).
   */
  readonly truth?: boolean;
  /**
   * The actors people played (a saved game's `humans`, `ReportSource.players`): their strategy
   * cell says `text.playedByPeople` instead of the strategy that never decided for them, as the
   * debrief and the HTML report say. Default: none.
   */
  readonly players?: readonly string[];
}

/** The names {@link formatSummary} accepts in its options. */
const SUMMARY_OPTIONS = everyMember<keyof SummaryOptions & string>()(['truth', 'players']);

/** Columns of `closingDyads` that need the hidden truth: "ops true / detected / attributed" and "misattributed / false alarms". */
const TRUTH_COLUMNS: ReadonlySet<number> = new Set([3, 4]);

/**
 * The closing table of a run as aligned plain text: one row per pair of actors, then norms
 * adopted and welfare per actor. Column headers come from the report catalogue (English by default).
 * An option name other than `truth` is a `ConfigError` naming it.
 *
 * @example
 * ```ts
 * console.log(formatSummary(run));
 * console.log(formatSummary(run, undefined, { truth: false })); // without engine-only counts
 * console.log(formatSummary(game.run, undefined, { players: game.humans })); // a game played in class
 * ```
 */
export function formatSummary(run: Pick<Run, 'log' | 'world'>, text: Pick<ReportText, 'closingDyads' | 'closingActors' | 'playedByPeople' | 'closingLegend'> = REPORT_EN, options: SummaryOptions = {}): string {
  checkRunArgument(run, 'formatSummary', true);
  checkOptionNames(options, SUMMARY_OPTIONS, 'formatSummary');
  const cells = closingCells(run);
  const truth = options.truth !== false;
  const keep = (_: unknown, c: number) => truth || !TRUTH_COLUMNS.has(c);
  const actors = markPlayers(cells.actors, { players: options.players ?? [] }, text.playedByPeople ?? REPORT_EN.playedByPeople ?? '');
  const legend = truth ? `\n${closingLegend(text)}` : '';
  return `${formatTable(text.closingDyads.filter(keep), cells.dyads.map((row) => row.filter(keep)))}${legend}\n\n${formatTable(text.closingActors, actors)}`;
}

/** The line under the closing table's pairs that says what its misattributions and false alarms count (the catalogue's, else the English). */
export function closingLegend(text: Pick<ReportText, 'closingLegend'>): string {
  return text.closingLegend ?? REPORT_EN.closingLegend ?? '';
}

/**
 * The closing table's actor rows with the strategy of each actor people played replaced by
 * `label` (the rows of `closingCells`: id, kind, strategy, norms, welfare). The terminal summary,
 * the debrief and the HTML report all mark them so, and say the same.
 *
 * @example
 * ```ts
 * markPlayers(closingCells(run).actors, source, REPORT_EN.playedByPeople);
 * ```
 */
export function markPlayers(rows: readonly (readonly string[])[], source: { readonly players?: readonly string[] | undefined }, label: string): string[][] {
  const players = new Set(source.players ?? []);
  return rows.map((row) => (players.has(row[0] as string) ? row.map((cell, k) => (k === 2 ? label : cell)) : [...row]));
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
      // Two numbers, as the debrief counts them: detected operations pinned on the wrong actor
      // (of the detected before), and false alarms pinned on one of the two (never detected
      // operations). One number for both read as more misattributions than detections.
      `${d.misattributed - d.falseAlarms} / ${d.falseAlarms}`,
      String(d.accusations),
      String(d.agreements),
    ]),
    actors: w.actors.map((a, i) => [a.id, a.kind, a.strategy, String((w.norms[a.id] ?? []).length), (w.welfare[i] as number).toFixed(1)]),
  };
}

// Columns a terminal gives a code point: none to combining marks, zero-width characters and
// variation selectors, two to East Asian wide and fullwidth characters and to emoji.
const ZERO_WIDTH = /^[\p{Mn}\p{Me}\u200b-\u200f\u2060-\u2064\ufeff\ufe00-\ufe0f]$/u;
const WIDE = /^[\u1100-\u115f\u2e80-\u303e\u3041-\u33ff\u3400-\u4dbf\u4e00-\u9fff\ua000-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6\u{1f000}-\u{1f64f}\u{1f900}-\u{1f9ff}\u{1f680}-\u{1f6ff}\u{1fa70}-\u{1faff}\u{20000}-\u{3fffd}]$/u;
const graphemes = typeof Intl !== 'undefined' && 'Segmenter' in Intl ? new Intl.Segmenter('en', { granularity: 'grapheme' }) : undefined;

/**
 * How many columns a text takes in a terminal: a user-perceived character (a letter with its
 * accents, an emoji sequence joined by U+200D) is one column, or two when it is wide.
 *
 * @example
 * ```ts
 * displayWidth('漢字'); // 4
 * displayWidth('e\u0301'); // 1
 * ```
 */
export function displayWidth(text: string): number {
  if (/^[\x20-\x7e]*$/.test(text)) return text.length;
  let width = 0;
  const clusters = graphemes ? Array.from(graphemes.segment(text), (s) => s.segment) : [...text];
  for (const cluster of clusters) {
    let w = 0;
    for (const ch of cluster) w = Math.max(w, ZERO_WIDTH.test(ch) ? 0 : WIDE.test(ch) ? 2 : 1);
    width += w;
  }
  return width;
}

/**
 * Align rows of cells under a header, columns separated by two spaces (by the columns each cell
 * takes in a terminal, so wide characters and accents stay aligned).
 *
 * @example
 * ```ts
 * formatTable(['a', 'b'], [['1', '2']]);
 * ```
 */
export function formatTable(header: readonly string[], rows: readonly (readonly string[])[]): string {
  const widths = header.map((h, c) => maxOf(rows.map((r) => displayWidth(r[c] ?? '')), displayWidth(h)));
  const line = (cells: readonly string[]) => cells.map((cell, c) => cell + ' '.repeat(Math.max(0, (widths[c] ?? 0) - displayWidth(cell)))).join('  ').trimEnd();
  return [line(header), widths.map((w) => '─'.repeat(w)).join('  '), ...rows.map(line)].join('\n');
}
