// Reports of long runs (scenarios allow 100,000 rounds): nothing overflows the stack by spreading
// a round per argument, and the page stays a size a browser opens — the incident timeline and list
// and the story are cut with a note saying where, as the trust matrix already was.
import { describe, expect, it } from 'vitest';
import { incidentRecords, narrateRun, parseScenario, renderHtmlReport } from '../../src/index.js';
import type { ReportSource, SimEvent } from '../../src/index.js';
import { incidentChart, welfareChart } from '../../src/report/charts.js';
import { keyMoments } from '../../src/report/debrief.js';
import { keyFigures } from '../../src/report/html.js';
import type { IncidentRecord } from '../../src/report/series.js';
import { rungSeries } from '../../src/report/series.js';
import { REPORT_EN } from '../../src/text/report.js';
import { FRAMED, markupProblems, sourceOf } from './helpers.js';
import { configIssuesOf } from '../helpers/issues.js';

const ROUNDS = 200_000;
const rounds = Array.from({ length: ROUNDS }, (_, r) => r);
const axis = { rounds, label: String };

describe('a run of more rounds than a call takes arguments', () => {
  it('key figures and key moments find the peak rung', () => {
    const metrics = rounds.map((r) => ({ peakRung: r === ROUNDS - 1 ? 3 : 1 })) as unknown as ReportSource['metrics'];
    expect(keyFigures([], metrics, []).peak).toBe(3);
    const source = { log: [], metrics, initial: { actors: [] } } as unknown as ReportSource;
    expect(keyMoments(source)).toEqual([]);
  });

  it('the escalation series find each pair’s peak', () => {
    const frames = rounds.map((r) => ({ dyads: { rung: [0, r === 7 ? 5 : 1, 2, 0] } }));
    const source = { frames, initial: { actors: [{ id: 'A' }, { id: 'B' }] } } as unknown as ReportSource;
    const [pair] = rungSeries(source);
    expect(pair?.peak).toBe(5);
  });

  it('the welfare chart finds its range', () => {
    const values = rounds.map((r) => (r === 5 ? -40 : r === 9 ? 70 : 1));
    const svg = welfareChart(new Map([['A', values]]), axis, () => '#000', REPORT_EN);
    expect(svg).toContain('data-chart="welfare"');
    const ticks = [...svg.matchAll(/class="tick">(-?[\d.]+)</g)].map((m) => Number(m[1]));
    expect(Math.min(...ticks)).toBeLessThanOrEqual(-40);
    expect(Math.max(...ticks)).toBeGreaterThanOrEqual(70);
  });

  it('the story tells a round of more events than a call takes arguments', () => {
    const log = Array.from({ length: ROUNDS }, (_, k) => ({ type: 'inject.applied', round: 0, phase: 'injects', inject: { round: 0, type: 'note', text: `n${k}` } }) as SimEvent);
    const lines = narrateRun({ log });
    expect(lines).toHaveLength(ROUNDS + 1);
    expect(lines.at(-1)).toBe(`  📰 n${ROUNDS - 1}`);
  });

  it('the incident timeline stacks incidents of many victim-rounds', () => {
    const incidents = rounds.map(
      (r): IncidentRecord => ({ incident: `i${r}`, round: r, victim: 'A', kind: 'espionage', against: 'networks', severity: 3, author: 'B', principal: 'B', falseFlag: null, firstSuspect: 'B', firstConfidence: 0.9, finalSuspect: 'B', finalConfidence: 0.9, outcome: 'correct', revealed: null }),
    );
    expect(incidentChart(incidents, [], ['A', 'B'], axis, () => '#000', REPORT_EN)).toContain('data-chart="incidents"');
  });
});

describe('a report too long to show whole', () => {
  const framed = parseScenario(FRAMED, { source: 'framed.yaml' });
  const source = sourceOf(framed, 2);
  const incidents = incidentRecords(source.log);
  const whole = renderHtmlReport(source);

  it('draws and lists the first maxIncidents incidents, says so, and still counts them all', () => {
    expect(incidents.length).toBeGreaterThan(4);
    expect(whole.match(/<g class="incident"/g)).toHaveLength(incidents.length);
    expect(whole).not.toContain('Only the first');
    const html = renderHtmlReport(source, { maxIncidents: 4 });
    expect(html.match(/<g class="incident"/g)).toHaveLength(4);
    const list = /<h3>Incident list<\/h3><table>[\s\S]*?<\/table>/.exec(html)?.[0] ?? '';
    expect(list.match(/<tr>/g)).toHaveLength(1 + 4);
    const until = (incidents[3] as IncidentRecord).round;
    expect(html).toContain(`Only the first 4 of ${incidents.length} incidents are drawn and listed, up to Round ${until}`.replace(`Round ${until}`, `${['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug'][until]} 2020`));
    expect(html).toContain(`<li><b>${incidents.length}</b>incidents detected, false alarms included</li>`);
    expect(markupProblems(html.replace(/<script>[\s\S]*?<\/script>/, '<script></script>'))).toEqual([]);
    // A limit below one still shows one.
    expect(renderHtmlReport(source, { maxIncidents: 0 }).match(/<g class="incident"/g)).toHaveLength(1);
  });

  it('tells the story up to the end of the last round that fits in maxStoryLines, and says where it stops', () => {
    const story = /<section id="story"[\s\S]*?<\/section>/.exec(whole)?.[0] ?? '';
    const headings = story.match(/<h3>[^<]*<\/h3>/g) ?? [];
    expect(headings.length).toBeGreaterThan(3);
    const html = renderHtmlReport(source, { maxStoryLines: 30 });
    const cut = /<section id="story"[\s\S]*?<\/section>/.exec(html)?.[0] ?? '';
    const told = cut.match(/<h3>[^<]*<\/h3>/g) ?? [];
    expect(told.length).toBeGreaterThan(0);
    expect(told.length).toBeLessThan(headings.length);
    // Whole rounds: the story so far is exactly the start of the whole story.
    expect(story.startsWith(cut.slice(0, cut.indexOf('<p class="muted">')))).toBe(true);
    expect(cut.match(/<li/g)?.length ?? 0).toBeLessThanOrEqual(30);
    const last = (told[told.length - 1] as string).replace(/<\/?h3>/g, '');
    expect(cut).toContain(`The story stops here, after ${last}: ${told.length} of the ${headings.length} rounds in which something happened are told; detente run prints the whole story.`);
    // A first round longer than the limit is still told whole.
    const first = renderHtmlReport(source, { maxStoryLines: 1 });
    expect(/<section id="story"[\s\S]*?<\/section>/.exec(first)?.[0].match(/<h3>/g)).toHaveLength(1);
  });
});

describe('the size limits of the report', () => {
  it('are numbers: NaN or a text is a ConfigError naming the option (NaN showed every incident but cut the story to its first round)', () => {
    const source = sourceOf(parseScenario(FRAMED, { source: 'framed.yaml' }), 2);
    for (const key of ['maxTrustCells', 'maxIncidents', 'maxStoryLines'] as const) {
      for (const bad of [Number.NaN, '5' as unknown as number]) {
        expect(configIssuesOf(() => renderHtmlReport(source, { [key]: bad }))).toEqual([expect.objectContaining({ path: key, expected: expect.stringMatching(/^a number/) })]);
      }
    }
    expect(renderHtmlReport(source, { maxIncidents: Number.POSITIVE_INFINITY, maxStoryLines: 0 })).toContain('</html>');
  });
});
