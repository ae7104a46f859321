// The teacher's debrief: a short Markdown document with the key moments of a run (first
// accusation, misattributions, agreements, violations, peak escalation), counts, questions for
// discussion and the closing table.
import { rungLabel } from '../model/escalation.js';
import { roundDate } from '../scenario/calendar.js';
import type { ReportText } from '../text/report.js';
import { REPORT_EN } from '../text/report.js';
import { keyFigures } from './html.js';
import type { ReportSource } from './record.js';
import { finalWorld, markPlayers, settingsText } from './record.js';
import { incidentRecords, peakRungOf } from './series.js';
import { closingCells, closingLegend } from './summary.js';
import { shownTitle } from '../scenario/title.js';
import { everyMember } from '../model/members.js';
import { checkOptionNames } from '../engine/option-names.js';

/** The names {@link renderDebrief} accepts in its options. */
const DEBRIEF_OPTIONS = everyMember<keyof DebriefOptions & string>()(['text']);

/**
 * Options of {@link renderDebrief}.
 *
 * @example
 * ```ts
 * const options: DebriefOptions = { text: REPORT_EN };
 * writeFileSync('debrief.md', renderDebrief(reportSource(scenario, run), options));
 * ```
 */
export interface DebriefOptions {
  /** The debrief's words (default English). */
  readonly text?: ReportText;
}

/**
 * One key moment: when, and what.
 *
 * @example
 * ```ts
 * for (const m of keyMoments(reportSource(scenario, run))) console.log(`round ${m.round} (${m.kind}): ${m.text}`);
 * ```
 */
export interface KeyMoment {
  readonly round: number;
  readonly kind: 'first-accusation' | 'misattribution' | 'agreement' | 'violation' | 'peak-escalation' | 'conflict' | 'first-sanction';
  readonly text: string;
}

/**
 * Escape text for Markdown: characters that would start markup, and HTML, so a scenario's text
 * cannot inject links, images, strikethrough or raw HTML into a rendered debrief; line breaks (a
 * lone carriage return is one too) become spaces, and a leading list marker or rule is escaped,
 * so a text stays one line of text (or one table cell).
 */
export function markdownText(s: string): string {
  return s
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/([\\`*_[\]|#!~])/g, '\\$1')
    .replace(/\r\n?|\n/g, ' ')
    .replace(/^(\s*)([-+=])(?=\s|$|[-=\s]*$)/, '$1\\$2')
    .replace(/^(\s*\d{1,9})([.)])(?=\s|$)/, '$1\\$2');
}

/**
 * The key moments of a run in the order they happened: the first accusation, every
 * misattribution (a victim's first suspect was not the culprit, or a false alarm was pinned on
 * someone), every agreement signed, every violation perceived, the first time the run's peak
 * rung was reached, open conflicts, the first sanction.
 *
 * @example
 * ```ts
 * for (const m of keyMoments(source)) console.log(m.round, m.kind, m.text);
 * ```
 */
export function keyMoments(source: ReportSource, text: ReportText = REPORT_EN): KeyMoment[] {
  const t = text.debrief;
  const incidents = new Map(incidentRecords(source.log).map((i) => [i.incident, i] as const));
  const peak = peakRungOf(source.metrics);
  const out: KeyMoment[] = [];
  let accused = false;
  let sanctioned = false;
  let peaked = false;
  for (const e of source.log) {
    switch (e.type) {
      case 'accusation.made': {
        if (accused) break;
        accused = true;
        const inc = incidents.get(e.incident);
        // Blaming the proxy that carried it out is as right as blaming its sponsor (as for the
        // incident's attribution): the catalogue says "rightly" when the truth is the target.
        const truth = inc === undefined ? undefined : inc.author !== null && e.target === inc.author ? inc.author : inc.principal;
        out.push({ round: e.round, kind: 'first-accusation', text: t.firstAccusation({ by: e.by, target: e.target, public: e.public, formal: e.formal, confidence: e.confidence, truth }) });
        break;
      }
      case 'incident.detected': {
        const inc = incidents.get(e.incident);
        if (inc && e.suspect !== null && (inc.outcome === 'misattributed' || inc.outcome === 'false-alarm')) {
          const truth = inc.principal === null ? null : inc.author !== null && inc.author !== inc.principal ? text.incidentTable.via(inc.principal, inc.author) : inc.principal;
          out.push({ round: e.round, kind: 'misattribution', text: t.misattribution({ victim: e.victim, kind: e.kind, suspect: e.suspect, confidence: e.confidence, truth, falseFlag: inc.falseFlag }) });
        }
        break;
      }
      case 'agreement.signed':
        out.push({ round: e.round, kind: 'agreement', text: t.agreement({ parties: e.agreement.parties, terms: e.agreement.terms.map((c) => c.kind) }) });
        break;
      case 'violation.perceived':
        out.push({
          round: e.round,
          kind: 'violation',
          text: t.violation({ by: e.by, against: e.against, what: e.commitment ? t.commitment(e.commitment) : t.norm(e.norm ?? '?'), confidence: e.confidence, real: e.real }),
        });
        break;
      case 'escalation.changed':
        if (!peaked && peak > 0 && e.rung === peak) {
          peaked = true;
          out.push({ round: e.round, kind: 'peak-escalation', text: t.peak({ from: e.from, to: e.to, rung: rungLabel(e.rung) }) });
        }
        break;
      case 'conflict.opened':
        out.push({ round: e.round, kind: 'conflict', text: t.conflict({ a: e.between[0], b: e.between[1] }) });
        break;
      case 'sanction.imposed':
        if (sanctioned) break;
        sanctioned = true;
        out.push({ round: e.round, kind: 'first-sanction', text: t.firstSanction({ by: e.sanction.by, target: e.sanction.target, measure: e.sanction.measure }) });
        break;
      default:
        break;
    }
  }
  return out;
}

/**
 * A Markdown debrief for teachers: the run in one line, the actors, the key moments round by
 * round (see {@link keyMoments}), the numbers, questions for discussion and the closing table.
 * Scenario text is escaped, so it renders as text. Deterministic. An option name other than
 * `text` is a `ConfigError` naming it.
 *
 * @example
 * ```ts
 * import { parseScenario, renderDebrief, reportSource, simulate } from 'detente';
 * const scenario = parseScenario(text);
 * const run = simulate(scenario.spec, { seed: 1, rounds: scenario.rounds });
 * const markdown = renderDebrief(reportSource(scenario, run, 1));
 * ```
 */
export function renderDebrief(source: ReportSource, options: DebriefOptions = {}): string {
  checkOptionNames(options, DEBRIEF_OPTIONS, 'renderDebrief');
  const text = options.text ?? REPORT_EN;
  const t = text.debrief;
  const md = markdownText;
  const rounds = source.frames.map((w) => w.round - 1);
  const dated = source.calendar?.start !== undefined;
  const date = (r: number) => (dated ? roundDate(source.calendar, r) : null);
  const from = rounds.length > 0 && dated ? roundDate(source.calendar, rounds[0] as number) : '';
  const to = rounds.length > 0 && dated ? roundDate(source.calendar, rounds[rounds.length - 1] as number) : '';
  // Data is escaped before it goes into the catalogue's sentences, which may carry Markdown of their own.
  const lines: string[] = [`# ${t.title(md(shownTitle(source)))}`, '', t.intro({ scenario: md(source.name), seed: md(String(source.seed)), rounds: rounds.length, from, to }), ''];
  // A what-if carries the file's name and title: the changes are said at once, under them.
  const changed = settingsText(source, md);
  if (changed) lines.push((text.changedSettings ?? REPORT_EN.changedSettings ?? String)(changed), '');
  if (source.description.trim()) lines.push(md(source.description.trim()), '');
  lines.push(`## ${md(t.actorsHeading)}`, '');
  const players = new Set(source.players ?? []);
  // A catalogue written before playerLine existed gets the English line for a people-played actor.
  const playerLine = t.playerLine ?? REPORT_EN.debrief.playerLine;
  for (const a of source.initial.actors) {
    const who = { id: md(a.id), name: md(a.name), kind: md(a.kind) };
    lines.push(`- ${players.has(a.id) && playerLine ? playerLine(who) : t.actorLine({ ...who, strategy: md(a.strategy) })}`);
  }
  lines.push('', `## ${md(t.momentsHeading)}`, '');
  const moments = keyMoments(source, text);
  if (moments.length === 0) lines.push(md(t.noMoments));
  for (const m of moments) lines.push(`- **${md(t.when({ round: m.round, date: date(m.round) }))}** — ${md(m.text)}`);
  const incidents = incidentRecords(source.log);
  const k = keyFigures(source.log, source.metrics, incidents);
  lines.push('', `## ${md(t.countsHeading)}`, '');
  lines.push(
    md(
      t.counts({
        incidents: k.incidents,
        misattributed: k.misattributed,
        falseAlarms: k.falseAlarms,
        accusations: k.accusations,
        agreements: k.agreements,
        violations: k.violations,
      }),
    ),
  );
  lines.push('', `## ${md(t.questionsHeading)}`, '');
  t.questions.forEach((q, i) => lines.push(`${i + 1}. ${md(q)}`));
  const world = finalWorld(source);
  lines.push('', `## ${md(t.closingHeading)}`, '');
  const cells = closingCells({ log: source.log, world });
  lines.push(mdTable(text.closingDyads, cells.dyads), '', md(closingLegend(text)), '', mdTable(text.closingActors, markPlayers(cells.actors, source, text.playedByPeople ?? REPORT_EN.playedByPeople ?? '')), '');
  return lines.join('\n');
}

function mdTable(header: readonly string[], rows: readonly (readonly string[])[]): string {
  const row = (cells: readonly string[]) => `| ${cells.map(markdownText).join(' | ')} |`;
  return [row(header), `|${header.map(() => '---').join('|')}|`, ...rows.map(row)].join('\n');
}
