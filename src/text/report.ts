// The words of the HTML report and of the Markdown debrief (src/report/html.ts, debrief.ts,
// charts.ts). Sentences that depend on data are functions, so each language owns its grammar.
import type { AttributionOutcome } from '../report/series.js';
import { andList, plural } from './english.js';

/**
 * The strings of the HTML report and the teacher's debrief, in one language.
 *
 * @example
 * ```ts
 * const t: ReportText = { ...REPORT_EN, narrativeHeading: 'Récit' };
 * ```
 */
export interface ReportText {
  /** BCP 47 language tag of the document (`<html lang>`). */
  readonly lang: string;
  readonly subtitle: (p: { readonly scenario: string; readonly seed: string; readonly rounds: number; readonly from: string; readonly to: string }) => string;
  readonly keyFigures: {
    readonly heading: string;
    readonly peak: string;
    readonly incidents: string;
    readonly misattributed: string;
    readonly falseAlarms: string;
    readonly accusations: string;
    readonly agreements: string;
    readonly violations: string;
  };
  readonly round: string;
  readonly charts: {
    readonly escalation: {
      readonly heading: string;
      readonly howToRead: string;
      readonly omitted: (n: number) => string;
      /** In place of the chart when there is no pair of actors (a world of one). Optional: the English words stand in. */
      readonly noPairs?: string;
    };
    readonly trust: { readonly heading: string; readonly howToRead: string; readonly slider: string; readonly rowsColumns: string; readonly sampled: (shown: number, total: number) => string };
    readonly incidents: {
      readonly heading: string;
      readonly howToRead: string;
      readonly none: string;
      readonly undetected: string;
      /** Under a timeline and list cut short: `until` is the round of the last incident shown. */
      readonly truncated: (shown: number, total: number, until: string) => string;
    };
    readonly norms: { readonly heading: string; readonly howToRead: string; readonly fromStart: string };
    readonly welfare: { readonly heading: string; readonly howToRead: string };
  };
  /** A tooltip for one incident of the timeline. */
  readonly incidentTitle: (p: { readonly round: string; readonly victim: string; readonly kind: string; readonly suspect: string | null; readonly confidence: number; readonly truth: string | null; readonly outcome: AttributionOutcome }) => string;
  readonly outcome: Readonly<Record<AttributionOutcome, string>>;
  readonly incidentTable: {
    readonly heading: string;
    readonly columns: readonly [round: string, victim: string, kind: string, severity: string, trueAuthor: string, firstSuspect: string, finalSuspect: string, outcome: string, revealed: string];
    readonly falseAlarm: string;
    readonly nobody: string;
    readonly via: (principal: string, author: string) => string;
    readonly flag: (actor: string) => string;
  };
  readonly narrativeHeading: string;
  readonly narrativeEmpty: string;
  /** After a story cut short: the heading of the last round told, and how many of the rounds with a story were told. */
  readonly storyTruncated: (p: { readonly last: string; readonly told: number; readonly total: number }) => string;
  readonly closingHeading: (rounds: number) => string;
  /**
   * The closing table's columns for a pair. `ops` heads three numbers (operations, detected,
   * attributed rightly); `misattributedFalseAlarms` two (detected operations misattributed, false
   * alarms pinned on one of the pair).
   */
  readonly closingDyads: readonly [dyad: string, trust: string, peak: string, ops: string, misattributedFalseAlarms: string, accusations: string, agreements: string];
  readonly closingActors: readonly [actor: string, kind: string, strategy: string, norms: string, welfare: string];
  /**
   * Under the pairs of the closing table, when it shows the hidden truth: what its counts of
   * misattributions and false alarms take in, and in which row. Optional, so that a catalogue
   * written before it still compiles: the English words stand in.
   */
  readonly closingLegend?: string;
  /**
   * Shown in place of the strategy of an actor people played (a saved game's, `ReportSource.players`).
   * Optional, so that a catalogue written before it still compiles: the English words stand in.
   */
  readonly playedByPeople?: string;
  /**
   * Under the heading of a what-if's report (`ReportSource.settings`, `--set PATH=V`): what was
   * changed from the scenario file, as `path = value` pairs joined by commas. Optional, so that a
   * catalogue written before it still compiles: the English words stand in.
   */
  readonly changedSettings?: (settings: string) => string;
  readonly footer: string;
  readonly debrief: DebriefText;
}

/**
 * The sentences of the Markdown debrief.
 *
 * @example
 * ```ts
 * const debrief: DebriefText = { ...REPORT_EN.debrief, momentsHeading: 'Moments clés' };
 * renderDebrief(source, { text: { ...REPORT_EN, debrief } });
 * ```
 */
export interface DebriefText {
  readonly title: (title: string) => string;
  readonly intro: (p: { readonly scenario: string; readonly seed: string; readonly rounds: number; readonly from: string; readonly to: string }) => string;
  readonly actorsHeading: string;
  readonly actorLine: (p: { readonly id: string; readonly name: string; readonly kind: string; readonly strategy: string }) => string;
  /**
   * The line of an actor people played in a saved game (`ReportSource.players`), which no strategy
   * decided. Optional, so that a catalogue written before it still compiles: the English line stands in.
   */
  readonly playerLine?: (p: { readonly id: string; readonly name: string; readonly kind: string }) => string;
  readonly momentsHeading: string;
  readonly noMoments: string;
  /** `truth`: who really did it (the target itself when it was the proxy that carried it out), null for a false alarm, undefined when unknown. */
  readonly firstAccusation: (p: { readonly by: string; readonly target: string; readonly public: boolean; readonly formal: boolean; readonly confidence: number; readonly truth: string | null | undefined }) => string;
  readonly misattribution: (p: { readonly victim: string; readonly kind: string; readonly suspect: string; readonly confidence: number; readonly truth: string | null; readonly falseFlag: string | null }) => string;
  readonly agreement: (p: { readonly parties: readonly string[]; readonly terms: readonly string[] }) => string;
  readonly violation: (p: { readonly by: string; readonly against: string; readonly what: string; readonly confidence: number; readonly real: boolean }) => string;
  readonly peak: (p: { readonly from: string; readonly to: string; readonly rung: string }) => string;
  readonly conflict: (p: { readonly a: string; readonly b: string }) => string;
  readonly firstSanction: (p: { readonly by: string; readonly target: string; readonly measure: string }) => string;
  readonly commitment: (kind: string) => string;
  readonly norm: (id: string) => string;
  readonly countsHeading: string;
  readonly counts: (p: { readonly incidents: number; readonly misattributed: number; readonly falseAlarms: number; readonly accusations: number; readonly agreements: number; readonly violations: number }) => string;
  readonly questionsHeading: string;
  readonly questions: readonly string[];
  readonly closingHeading: string;
  /** How a moment's round is written, e.g. 'Sep 2015 (round 27)'. */
  readonly when: (p: { readonly round: number; readonly date: string | null }) => string;
}

const pct = (x: number) => `${Math.round(x * 100)}%`;
/** A period, or one date when it begins and ends on the same one. */
const span = (from: string, to: string) => (from === to ? from : `${from} – ${to}`);
/** 'A', 'A and B', 'A, B and C'. */

/**
 * The report and debrief in English (the default).
 *
 * @example
 * ```ts
 * renderHtmlReport(source, { text: REPORT_EN });
 * ```
 */
export const REPORT_EN: ReportText = Object.freeze<ReportText>({
  lang: 'en',
  subtitle: (p) => `Scenario ${p.scenario} · seed ${p.seed} · ${p.rounds} round${p.rounds === 1 ? '' : 's'}${p.from ? ` · ${span(p.from, p.to)}` : ''}`,
  keyFigures: {
    heading: 'At a glance',
    peak: 'peak escalation',
    incidents: 'incidents detected, false alarms included',
    misattributed: 'misattributed',
    falseAlarms: 'false alarms',
    accusations: 'accusations',
    agreements: 'agreements signed',
    violations: 'violations perceived',
  },
  round: 'round',
  charts: {
    escalation: {
      heading: 'Escalation ladder per pair',
      howToRead:
        'One panel per pair of actors. Each line is the rung one side has reached in its conduct towards the other at the end of each round (L0 background espionage … L7 open conflict); a solid line for the first actor of the pair, a dashed line for the second. Rungs step down again in quiet rounds.',
      omitted: (n) => `${n} quieter pair${n === 1 ? '' : 's'} not shown (see the closing table).`,
      noPairs: 'There is no pair of actors to chart: the world has one actor.',
    },
    trust: {
      heading: 'Trust matrix',
      howToRead:
        'Row actor’s trust in column actor (0 = none, 0.5 = no evidence either way, 1 = full), at the end of the chosen round. Red is distrust, blue is trust. Trust is not symmetric: read a row to see whom an actor trusts.',
      slider: 'Round',
      rowsColumns: 'rows trust columns',
      sampled: (shown, total) => `${shown} of ${total} rounds shown, evenly spaced.`,
    },
    incidents: {
      heading: 'Incidents: perceived versus true author',
      howToRead:
        'One row per victim. Each circle is an incident the victim detected: its fill and letters name the actor the victim first suspected (white: no suspect); its ring is the colour of the actor really behind it (grey dashed: a false alarm, nobody). A red mark above a circle flags a misattribution. Small grey ticks are operations nobody detected (hidden truth).',
      none: 'No incident was detected in this run.',
      undetected: 'undetected operation',
      truncated: (shown, total, until) => `${shown === 1 ? `Only the first incident of ${total} is` : `Only the first ${shown} of ${total} incidents are`} drawn and listed, up to ${until}; the figures at the top count them all.`,
    },
    norms: {
      heading: 'Norm adoption',
      howToRead: 'One row per actor, one column per norm (GGE 2015 norms a–k, then others). A filled cell shows the round in which the actor adopted the norm; “start” means it held the norm from the beginning.',
      fromStart: 'start',
    },
    welfare: {
      heading: 'Welfare',
      howToRead: 'Accumulated welfare of each actor: gains from intelligence and coercion minus the costs of damage, sanctions and conflict.',
    },
  },
  incidentTitle: (p) =>
    `${p.round}: ${p.victim} detected ${p.kind}; ${p.suspect === null ? 'no suspect' : `suspected ${p.suspect} (${pct(p.confidence)})`}; in truth ${p.truth ?? 'a false alarm'} — ${REPORT_EN.outcome[p.outcome]}`,
  outcome: { correct: 'correctly attributed', misattributed: 'misattributed', unattributed: 'no suspect', 'false-alarm': 'false alarm' },
  incidentTable: {
    heading: 'Incident list',
    columns: ['round', 'victim', 'kind', 'severity', 'true author', 'first suspect', 'latest suspect', 'first attribution', 'truth out'],
    falseAlarm: 'false alarm',
    nobody: 'nobody',
    via: (principal, author) => `${principal} via ${author}`,
    flag: (actor) => `false flag against ${actor}`,
  },
  narrativeHeading: 'The story, round by round',
  narrativeEmpty: 'Nothing worth telling happened.',
  storyTruncated: (p) => `The story stops here, after ${p.last}: ${p.told} of the ${p.total} rounds in which something happened ${p.told === 1 ? 'is' : 'are'} told; detente run prints the whole story.`,
  closingHeading: (rounds) => `Summary after ${plural(rounds, 'round')}`,
  closingDyads: ['dyad', 'trust a→b / b→a', 'peak', 'ops true / detected / attributed', 'misattributed / false alarms', 'accusations', 'agreements'],
  closingActors: ['actor', 'kind', 'strategy', 'norms adopted', 'welfare'],
  closingLegend:
    'misattributed: of the operations detected, those whose victim first suspected the wrong actor; false alarms: incidents with no operation behind them, counted in the row of the victim and the actor it first suspected.',
  playedByPeople: 'played by people',
  changedSettings: (settings) => `A what-if: changed from the scenario file, ${settings}.`,
  footer: 'Made by Détente, a deterministic simulation: the same scenario and seed give the same report. Marks of hidden truth (the true author, undetected operations) are for the teacher; the actors never saw them.',
  debrief: {
    title: (title) => `Debrief: ${title}`,
    intro: (p) => `Scenario \`${p.scenario}\`, seed ${p.seed}, ${p.rounds} round${p.rounds === 1 ? '' : 's'}${p.from ? ` (${span(p.from, p.to)})` : ''}.`,
    actorsHeading: 'Actors',
    actorLine: (p) => `**${p.id}**${p.name && p.name !== p.id ? ` (${p.name})` : ''}: ${p.kind}, playing *${p.strategy}*`,
    playerLine: (p) => `**${p.id}**${p.name && p.name !== p.id ? ` (${p.name})` : ''}: ${p.kind}, played by people`,
    momentsHeading: 'Key moments',
    noMoments: 'Nothing remarkable happened: no accusation, agreement, violation or escalation.',
    firstAccusation: (p) =>
      `First accusation: ${p.by} ${p.formal ? 'formally attributed an incident to' : p.public ? 'publicly blamed' : 'privately confronted'} ${p.target} (${pct(p.confidence)} sure)${p.truth === undefined ? '.' : p.truth === null ? ' — in truth a false alarm.' : p.truth === p.target ? ' — rightly.' : ` — in truth ${p.truth}.`}`,
    misattribution: (p) =>
      `Misattribution: ${p.victim} first suspected ${p.suspect} of ${p.kind === 'espionage' ? 'an' : 'a'} ${p.kind} incident (${pct(p.confidence)} sure); ${p.truth === null ? 'in truth it was a false alarm' : `in truth it was ${p.truth}`}${p.falseFlag ? `, under a false flag against ${p.falseFlag}` : ''}.`,
    agreement: (p) => `Agreement: ${andList(p.parties)} signed (${p.terms.join(', ')}).`,
    violation: (p) => `Violation: ${p.by} believed ${p.against} broke ${p.what} (${pct(p.confidence)} sure)${p.real ? '.' : ' — in truth it did not.'}`,
    peak: (p) => `Peak escalation: ${p.from} → ${p.to} reached ${p.rung}.`,
    conflict: (p) => `Open conflict between ${p.a} and ${p.b}.`,
    firstSanction: (p) => `First sanction: ${p.by} imposed ${p.measure === 'indictment' ? 'indictments' : 'economic sanctions'} on ${p.target}.`,
    commitment: (kind) => `its ${kind} commitment`,
    norm: (id) => `norm ${id}`,
    countsHeading: 'In numbers',
    counts: (p) =>
      `${p.incidents} incident${p.incidents === 1 ? '' : 's'} detected: ${plural(p.incidents - p.falseAlarms, 'operation')} (${p.misattributed} of them misattributed) and ${plural(p.falseAlarms, 'false alarm')}; ${p.accusations} accusation${p.accusations === 1 ? '' : 's'}; ${p.agreements} agreement${p.agreements === 1 ? '' : 's'} signed; ${p.violations} violation${p.violations === 1 ? '' : 's'} perceived.`,
    questionsHeading: 'Questions for discussion',
    questions: [
      'Which accusation would you have made differently, knowing only what the accuser knew at the time?',
      'Where did a misattribution change what happened next?',
      'Which agreement or norm made a difference, and which one was ignored?',
      'What would have stopped the peak escalation one rung lower?',
    ],
    closingHeading: 'Closing table',
    when: (p) => (p.date ? `${p.date} (round ${p.round})` : `Round ${p.round}`),
  },
});
