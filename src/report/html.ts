// One self-contained HTML report: inline CSS, inline SVG charts, one small constant script for the
// trust slider. A Content-Security-Policy forbids every network request and every script but that
// one (by hash), so even a hostile scenario text that escaped escaping could not run or fetch.
import { ConfigError } from '../engine/errors.js';
import type { ConfigIssue } from '../engine/errors.js';
import type { RoundMetrics } from '../engine/metrics.js';
import { describe } from '../model/mechanisms.js';
import { rungLabel } from '../model/escalation.js';
import { roundDate } from '../scenario/calendar.js';
import type { NarrativeText } from '../text/narrative.js';
import { NARRATIVE_EN } from '../text/narrative.js';
import type { ReportText } from '../text/report.js';
import { REPORT_EN } from '../text/report.js';
import { actorColor, escalationChart, escapeXml, incidentChart, normChart, trustChart, welfareChart } from './charts.js';
import { storyLines } from './narrative.js';
import type { StoryLineKind } from './narrative.js';
import type { ReportSource } from './record.js';
import { finalWorld, markPlayers, settingsText } from './record.js';
import { actorIds, incidentRecords, normAdoption, peakRungOf, roundsOf, rungSeries, trustFrames, undetectedOperations, welfareSeries } from './series.js';
import { closingCells, closingLegend } from './summary.js';
import { shownTitle } from '../scenario/title.js';
import { everyMember } from '../model/members.js';
import { checkOptionNames } from '../engine/option-names.js';

/** The names {@link renderHtmlReport} accepts in its options: every field of {@link HtmlReportOptions}. */
const HTML_OPTIONS = everyMember<keyof HtmlReportOptions & string>()(['text', 'narrative', 'maxTrustCells', 'maxIncidents', 'maxStoryLines']);

/**
 * Options of {@link renderHtmlReport}.
 *
 * @example
 * ```ts
 * const options: HtmlReportOptions = { maxIncidents: 500, maxStoryLines: 5000 };
 * writeFileSync('report.html', renderHtmlReport(reportSource(scenario, run), options));
 * ```
 */
export interface HtmlReportOptions {
  /** The report's words (default English). */
  readonly text?: ReportText;
  /** The narrative's sentences (default English). */
  readonly narrative?: NarrativeText;
  /** Most trust-matrix cells kept over all rounds of the slider (default 200 000): long runs with many actors show evenly spaced rounds. */
  readonly maxTrustCells?: number;
  /** Most incidents drawn in the timeline and listed (default 2 000): a longer run shows its first ones, up to the round of the last shown, and says so. */
  readonly maxIncidents?: number;
  /** Most lines of story (default 20 000): a longer story stops at the end of a round and says where. */
  readonly maxStoryLines?: number;
}

/** The only script of the page: the round slider of the trust matrix. Constant, so its hash is too. */
export const REPORT_SCRIPT =
  "(function(){var s=document.getElementById('trust-round');var o=document.getElementById('trust-round-label');if(!s)return;var g=document.querySelectorAll('svg[data-chart=\"trust\"] g.frame');function show(){var k=Number(s.value);for(var i=0;i<g.length;i++){g[i].classList.toggle('on',i===k);}if(o&&g[k])o.textContent=g[k].getAttribute('data-label');}s.addEventListener('input',show);})();";

/** `sha256-…` of {@link REPORT_SCRIPT} for the Content-Security-Policy (a test recomputes it). */
export const REPORT_SCRIPT_HASH = 'sha256-YTcAiNOd/DEunVYDx3kA7yXlrl1xGR/6oqcMZ3D82/A=';

const CSS = `
:root{--ink:#1d232a;--muted:#5b6470;--line:#d5dbe1;--bg:#ffffff;--band:#f4f6f8}
*{box-sizing:border-box}
body{margin:0;font:15px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,"Helvetica Neue",Arial,sans-serif;color:var(--ink);background:var(--bg)}
main{max-width:960px;margin:0 auto;padding:24px 20px 48px}
h1{font-size:1.7em;margin:0 0 4px}h2{font-size:1.25em;margin:32px 0 6px;border-bottom:1px solid var(--line);padding-bottom:4px}h3{font-size:1em;margin:14px 0 2px}
.sub,.muted,.how{color:var(--muted)}.how{font-size:.9em;margin:0 0 8px;max-width:72ch}
.figures{display:flex;flex-wrap:wrap;gap:10px;margin:12px 0 0;padding:0;list-style:none}
.figures li{border:1px solid var(--line);border-radius:6px;padding:6px 12px;min-width:120px}.figures b{display:block;font-size:1.3em}
figure{margin:0;overflow-x:auto}svg{max-width:100%;height:auto;display:block}
svg text{font:11px system-ui,-apple-system,"Segoe UI",Roboto,Arial,sans-serif;fill:var(--ink)}
svg .tick{fill:var(--muted);font-size:10px}svg .label{font-size:12px;font-weight:600}svg .panel-title{font-size:12px;font-weight:600}svg .muted{fill:var(--muted);font-weight:400}
svg .grid{stroke:#e6eaee;stroke-width:1}svg .axis{stroke:#9aa3ad}svg .zero{stroke:#9aa3ad;stroke-width:1.5}
svg .band{fill:var(--band)}svg .band.odd{fill:#eceff2}svg .diag{fill:#eceff2}svg .empty{fill:#f4f6f8;stroke:#e0e4e8}
svg .cell-value{font-size:11px;fill:#1d232a}svg .cell-value.light{fill:#ffffff;font-weight:600}
svg .marker{font-size:8px;font-weight:700;fill:#ffffff}svg .marker.dark{fill:#1d232a}svg .wrong{stroke:#c00000;stroke-width:2.2}svg .undetected{stroke:#9aa3ad;stroke-width:2}
svg g.frame{display:none}svg g.frame.on{display:inline}
.slider{display:flex;align-items:center;gap:10px;margin:6px 0}.slider input{flex:1;max-width:420px}
table{border-collapse:collapse;font-size:.9em;margin:6px 0 12px}th,td{border-bottom:1px solid var(--line);padding:3px 10px 3px 0;text-align:left;vertical-align:top}th{font-weight:600}
td.num{text-align:right;font-variant-numeric:tabular-nums}
.story ul{margin:0 0 6px;padding-left:20px}.story li{margin:1px 0}.story li.news{list-style:none;margin-left:-20px;padding:2px 8px;border-left:3px solid #E69F00;background:#fff8e6}.story li.truth{color:var(--muted);font-style:italic}
.swatch{display:inline-block;width:10px;height:10px;border-radius:50%;margin-right:4px;vertical-align:baseline}
.actors{margin:8px 0 0;color:var(--muted)}.actors>span{display:inline-block;max-width:100%;margin-right:14px}
h1,p{overflow-wrap:break-word}
footer{margin-top:36px;color:var(--muted);font-size:.85em}
@media print{.slider{display:none}}
`;

/**
 * The report of a run as one self-contained HTML document (no network, no external fonts): key
 * figures; SVG charts of the escalation rung per pair, the trust matrix over rounds (with a round
 * slider), the incident timeline with perceived versus true author, norm adoption and welfare;
 * the incident list; the narrative; the closing table. Deterministic: same source, same bytes.
 * An option name it does not know (`maxIncident`) is a {@link ConfigError} naming it.
 *
 * @example
 * ```ts
 * import { parseScenario, renderHtmlReport, reportSource, simulate } from 'detente';
 * const scenario = parseScenario(text);
 * const run = simulate(scenario.spec, { seed: 1, rounds: scenario.rounds });
 * const html = renderHtmlReport(reportSource(scenario, run, 1));
 * ```
 */
export function renderHtmlReport(source: ReportSource, options: HtmlReportOptions = {}): string {
  checkOptionNames(options, HTML_OPTIONS, 'renderHtmlReport');
  checkLimits(options);
  const t = options.text ?? REPORT_EN;
  const narrativeText = options.narrative ?? NARRATIVE_EN;
  const e = escapeXml;
  const ids = actorIds(source);
  const colorOf = (id: string) => actorColor(ids.indexOf(id));
  const rounds = roundsOf(source);
  const label = (r: number) => (source.calendar?.start ? roundDate(source.calendar, r) : `${t.round} ${r}`);
  const axis = { rounds, label: (r: number) => (source.calendar?.start ? roundDate(source.calendar, r) : String(r)) };
  const world = finalWorld(source);
  const incidents = incidentRecords(source.log);
  const from = rounds.length > 0 && source.calendar?.start ? roundDate(source.calendar, rounds[0] as number) : '';
  const to = rounds.length > 0 && source.calendar?.start ? roundDate(source.calendar, rounds[rounds.length - 1] as number) : '';
  const figures = keyFigures(source.log, source.metrics, incidents);

  const n = ids.length;
  const maxFrames = Math.max(1, Math.floor((options.maxTrustCells ?? 200_000) / Math.max(1, n * n)));
  const frames = trustFrames(source, maxFrames);
  const escalation = escalationChart(rungSeries(source), axis, colorOf, t);

  const parts: string[] = [];
  parts.push(`<!DOCTYPE html>\n<html lang="${e(t.lang)}">\n<head>\n<meta charset="utf-8">`);
  parts.push(`<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:; script-src '${REPORT_SCRIPT_HASH}'">`);
  parts.push(`<meta name="viewport" content="width=device-width, initial-scale=1">\n<meta name="generator" content="detente">`);
  // An empty title would leave the page and its heading blank: the scenario's name stands in.
  const title = shownTitle(source);
  parts.push(`<title>${e(title)}</title>\n<style>${CSS}</style>\n</head>\n<body>\n<main>`);
  parts.push(`<header><h1>${e(title)}</h1><p class="sub">${e(t.subtitle({ scenario: source.name, seed: String(source.seed), rounds: rounds.length, from, to }))}</p>`);
  // A what-if carries the file's name and title: the changes are said at once, under them.
  const changed = settingsText(source);
  if (changed) parts.push(`<p class="sub">${e((t.changedSettings ?? REPORT_EN.changedSettings ?? String)(changed))}</p>`);
  if (source.description) parts.push(`<p>${e(source.description)}</p>`);
  const players = new Set(source.players ?? []);
  const playedBy = t.playedByPeople ?? REPORT_EN.playedByPeople ?? '';
  parts.push(
    `<p class="actors">${source.initial.actors.map((a) => `<span><i class="swatch" style="background:${colorOf(a.id)}"></i>${e(a.id)}${a.name && a.name !== a.id ? ` — ${e(a.name)}` : ''} <span class="muted">(${e(a.kind)}, ${e(players.has(a.id) ? playedBy : a.strategy)})</span></span>`).join('')}</p></header>`,
  );
  parts.push(`<section><h2>${e(t.keyFigures.heading)}</h2><ul class="figures">`);
  const fig = (v: string, name: string) => `<li><b>${e(v)}</b>${e(name)}</li>`;
  parts.push(
    fig(rungLabel(figures.peak), t.keyFigures.peak) +
      fig(String(figures.incidents), t.keyFigures.incidents) +
      fig(String(figures.misattributed), t.keyFigures.misattributed) +
      fig(String(figures.falseAlarms), t.keyFigures.falseAlarms) +
      fig(String(figures.accusations), t.keyFigures.accusations) +
      fig(String(figures.agreements), t.keyFigures.agreements) +
      fig(String(figures.violations), t.keyFigures.violations),
  );
  parts.push('</ul></section>');

  const section = (id: string, heading: string, how: string, body: string) => `<section id="${id}"><h2>${e(heading)}</h2><p class="how">${e(how)}</p><figure>${body}</figure></section>`;
  // A world of one actor has no pair: a sentence, not an empty frame.
  const escalationBody = source.initial.actors.length < 2 ? `<p class="muted">${e(t.charts.escalation.noPairs ?? REPORT_EN.charts.escalation.noPairs ?? '')}</p>` : escalation.svg;
  parts.push(section('escalation', t.charts.escalation.heading, t.charts.escalation.howToRead, escalationBody + (escalation.omitted > 0 ? `<p class="muted">${e(t.charts.escalation.omitted(escalation.omitted))}</p>` : '')));

  const trustSvg = trustChart(frames, ids, label, t).replace(/<g class="frame( on)?" data-round="(\d+)">/g, (_m, on: string | undefined, r: string) => `<g class="frame${on ?? ''}" data-round="${r}" data-label="${e(label(Number(r)))}">`);
  const lastLabel = frames.length > 0 ? label((frames[frames.length - 1] as { round: number }).round) : '';
  const slider =
    frames.length > 1
      ? `<div class="slider"><label for="trust-round">${e(t.charts.trust.slider)}</label><input id="trust-round" type="range" min="0" max="${frames.length - 1}" step="1" value="${frames.length - 1}"><output id="trust-round-label" for="trust-round">${e(lastLabel)}</output></div>`
      : '';
  const sampled = frames.length < rounds.length ? `<p class="muted">${e(t.charts.trust.sampled(frames.length, rounds.length))}</p>` : '';
  parts.push(section('trust', t.charts.trust.heading, t.charts.trust.howToRead, slider + trustSvg + sampled));

  // A long run has more incidents than a page can draw or list: the first ones, on the rounds up
  // to the last of them, with a note (the key figures above still count them all).
  const maxIncidents = Math.max(1, Math.floor(options.maxIncidents ?? 2_000));
  const shownIncidents = incidents.length > maxIncidents ? incidents.slice(0, maxIncidents) : incidents;
  const until = shownIncidents.length < incidents.length ? (shownIncidents[shownIncidents.length - 1] as { round: number }).round : Infinity;
  const incidentAxis = until === Infinity ? axis : { ...axis, rounds: rounds.filter((r) => r <= until) };
  const undetected = undetectedOperations(source.log).filter((u) => u.round <= until);
  const incidentsCut = until === Infinity ? '' : `<p class="muted">${e(t.charts.incidents.truncated(shownIncidents.length, incidents.length, label(until)))}</p>`;
  parts.push(section('incidents', t.charts.incidents.heading, t.charts.incidents.howToRead, incidentChart(shownIncidents, undetected, ids, incidentAxis, colorOf, t) + incidentsCut + incidentTable(shownIncidents, label, t)));
  parts.push(section('norms', t.charts.norms.heading, t.charts.norms.howToRead, normChart(normAdoption(source), ids, label, colorOf, t)));
  parts.push(section('welfare', t.charts.welfare.heading, t.charts.welfare.howToRead, welfareChart(welfareSeries(source), axis, colorOf, t)));

  const story = storyLines(source, { text: narrativeText, roundLabel: (r) => narrativeText.roundHeading(r, source.calendar?.start ? roundDate(source.calendar, r) : undefined) });
  const told = storyCut(story, Math.max(1, Math.floor(options.maxStoryLines ?? 20_000)));
  const toldRounds = told.length < story.length ? storyHeadings(told) : [];
  const storyEnd = told.length < story.length ? `<p class="muted">${e(t.storyTruncated({ last: toldRounds[toldRounds.length - 1] ?? '', told: toldRounds.length, total: storyHeadings(story).length }))}</p>` : '';
  parts.push(`<section id="story" class="story"><h2>${e(t.narrativeHeading)}</h2>${storyHtml(told) || `<p class="muted">${e(t.narrativeEmpty)}</p>`}${storyEnd}</section>`);

  const cells = closingCells({ log: source.log, world });
  parts.push(`<section id="closing"><h2>${e(t.closingHeading(rounds.length))}</h2>`);
  parts.push(table(t.closingDyads, cells.dyads, [1, 3, 4, 5, 6]));
  parts.push(`<p class="muted">${e(closingLegend(t))}</p>`);
  parts.push(table(t.closingActors, markPlayers(cells.actors, source, playedBy), [3, 4]));
  parts.push(`</section>\n<footer>${e(t.footer)}</footer>\n</main>`);
  if (frames.length > 1) parts.push(`<script>${REPORT_SCRIPT}</script>`);
  parts.push('</body>\n</html>\n');
  return parts.join('\n');
}

function incidentTable(incidents: readonly ReturnType<typeof incidentRecords>[number][], label: (r: number) => string, t: ReportText): string {
  if (incidents.length === 0) return '';
  const it = t.incidentTable;
  const suspect = (s: string | null, c: number) => (s === null ? it.nobody : `${s} (${Math.round(c * 100)}%)`);
  const rows = incidents.map((i) => [
    label(i.round),
    i.victim,
    i.kind,
    String(i.severity),
    i.principal === null ? it.falseAlarm : `${i.author !== null && i.author !== i.principal ? it.via(i.principal, i.author) : i.principal}${i.falseFlag ? ` — ${it.flag(i.falseFlag)}` : ''}`,
    suspect(i.firstSuspect, i.firstConfidence),
    suspect(i.finalSuspect, i.finalConfidence),
    t.outcome[i.outcome],
    i.revealed === null ? '' : label(i.revealed),
  ]);
  return `<h3>${escapeXml(it.heading)}</h3>${table(it.columns, rows, [3])}`;
}

function table(header: readonly string[], rows: readonly (readonly string[])[], numeric: readonly number[]): string {
  const e = escapeXml;
  return `<table><thead><tr>${header.map((h) => `<th>${e(h)}</th>`).join('')}</tr></thead><tbody>${rows
    .map((r) => `<tr>${r.map((c, k) => `<td${numeric.includes(k) ? ' class="num"' : ''}>${e(c)}</td>`).join('')}</tr>`)
    .join('')}</tbody></table>`;
}

/** A line of story with its kind (see storyLines). */
type StoryLine = { readonly kind: StoryLineKind; readonly text: string };

/** The story's lines up to the end of the last round that fits in `max` lines (always the first round, whole). */
function storyCut(lines: readonly StoryLine[], max: number): readonly StoryLine[] {
  if (lines.length <= max) return lines;
  const heading = (k: number) => (lines[k] as StoryLine).kind === 'heading';
  // The last round heading at or before line `max` begins the first round that is not told whole.
  let cut = 0;
  for (let k = 1; k <= max; k++) if (heading(k)) cut = k;
  if (cut === 0) for (cut = 1; cut < lines.length && !heading(cut); cut++);
  return lines.slice(0, cut);
}

/** The round headings of a story. */
function storyHeadings(lines: readonly StoryLine[]): string[] {
  return lines.filter((line) => line.kind === 'heading').map((line) => line.text);
}

/** The narrative's lines (headings, then items) as HTML. */
function storyHtml(lines: readonly StoryLine[]): string {
  let out = '';
  let open = false;
  for (const { kind, text } of lines) {
    if (kind !== 'heading') {
      if (!open) {
        out += '<ul>';
        open = true;
      }
      // Scripted news and hidden truth get their own look, by the event they tell, in any language
      // (and news lose the emoji, which not every system can draw).
      if (kind === 'news') out += `<li class="news">${escapeXml(text.startsWith('📰 ') ? text.slice(3) : text)}</li>`;
      else out += `<li${kind === 'truth' ? ' class="truth"' : ''}>${escapeXml(text)}</li>`;
    } else {
      if (open) out += '</ul>';
      open = false;
      out += `<h3>${escapeXml(text)}</h3>`;
    }
  }
  if (open) out += '</ul>';
  return out;
}

/** The headline numbers of a run (misattributed: a real operation pinned on the wrong actor; false alarms are counted apart). */
export function keyFigures(log: ReportSource['log'], metrics: readonly RoundMetrics[], incidents: ReturnType<typeof incidentRecords>) {
  let accusations = 0;
  let agreements = 0;
  let violations = 0;
  for (const ev of log) {
    if (ev.type === 'accusation.made') accusations++;
    else if (ev.type === 'agreement.signed') agreements++;
    else if (ev.type === 'violation.perceived') violations++;
  }
  return {
    peak: peakRungOf(metrics),
    incidents: incidents.length,
    misattributed: incidents.filter((i) => i.outcome === 'misattributed').length,
    falseAlarms: incidents.filter((i) => i.outcome === 'false-alarm').length,
    accusations,
    agreements,
    violations,
  };
}

/**
 * The size limits of the options are numbers (a limit below one shows one, Infinity shows all):
 * NaN or a text showed every incident but cut the story to its first round.
 */
function checkLimits(options: HtmlReportOptions): void {
  const issues: ConfigIssue[] = [];
  for (const key of ['maxTrustCells', 'maxIncidents', 'maxStoryLines'] as const) {
    const v: unknown = options[key];
    if (v !== undefined && (typeof v !== 'number' || Number.isNaN(v))) issues.push({ path: key, expected: 'a number (at least one is shown; Infinity shows all)', received: describe(v) });
  }
  if (issues.length > 0) throw new ConfigError(issues, 'renderHtmlReport');
}
