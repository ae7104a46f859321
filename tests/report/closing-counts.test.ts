// "misattributed" meant two counts in one debrief: the key figures counted detected operations
// pinned on the wrong actor (false alarms apart), while the closing table's one column counted the
// false alarms too, but not among the detected — so a row read "5 detected, 4 attributed,
// 4 misattributed". The table now shows the two numbers apart, and each reconciles with the key
// figures; the sweep's `misattributed` column (researchers' files) keeps counting both.
import { describe, expect, it } from 'vitest';
import { formatSummary, incidentRecords, parseScenario, renderDebrief, renderHtmlReport, REPORT_EN, summarizeDyads } from '../../src/index.js';
import { closingCells } from '../../src/report/summary.js';
import { keyFigures } from '../../src/report/html.js';
import { FRAMED, scenarioFile, sourceOf } from './helpers.js';

const usChina = scenarioFile('scenarios/us-china-2015.yaml');
const SOURCES = [
  ['us-china-2015 seed 1', sourceOf(usChina, 1)],
  ['us-china-2015 seed 2', sourceOf(usChina, 2)],
  ['classroom-crisis', sourceOf(scenarioFile('scenarios/classroom-crisis.yaml'))],
  ['framed seed 2', sourceOf(parseScenario(FRAMED, { source: 'framed.yaml' }), 2)],
] as const;

const numbers = (cell: string | undefined) => (cell ?? '').split(' / ').map(Number);

describe('the closing table and the key figures count misattributions alike', () => {
  for (const [name, source] of SOURCES) {
    it(`${name}: per row attributed + misattributed ≤ detected; the sums are the key figures`, () => {
      const world = source.frames[source.frames.length - 1] ?? source.initial;
      const rows = closingCells({ log: source.log, world }).dyads;
      const incidents = incidentRecords(source.log);
      const k = keyFigures(source.log, source.metrics, incidents);
      let detected = 0;
      let misattributed = 0;
      let falseAlarms = 0;
      for (const row of rows) {
        const [, d, right] = numbers(row[3]);
        const [wrong, alarms] = numbers(row[4]);
        expect(row[4], `${row[0]}: two numbers`).toMatch(/^\d+ \/ \d+$/);
        expect((right as number) + (wrong as number), `${row[0]}: ${row[3]} | ${row[4]}`).toBeLessThanOrEqual(d as number);
        detected += d as number;
        misattributed += wrong as number;
        falseAlarms += alarms as number;
      }
      expect(misattributed).toBe(k.misattributed);
      expect(falseAlarms).toBe(incidents.filter((i) => i.outcome === 'false-alarm' && i.firstSuspect !== null).length);
      expect(detected + k.falseAlarms).toBe(k.incidents);
      // The debrief's sentence says the same numbers: operations detected (the table's), how many misattributed, false alarms.
      expect(renderDebrief(source)).toContain(`${k.incidents} incident${k.incidents === 1 ? '' : 's'} detected: ${detected} operation${detected === 1 ? '' : 's'} (${k.misattributed} of them misattributed) and ${k.falseAlarms} false alarm`);
    });
  }

  it('us-china-2015 seed 1, the reviewer\'s run: APT–US reads 5 detected, 4 attributed, 1 misattributed and 3 false alarms', () => {
    const [, source] = SOURCES[0];
    const md = renderDebrief(source);
    expect(md).toContain('19 incidents detected: 15 operations (3 of them misattributed) and 4 false alarms;');
    expect(md).toMatch(/^\| APT–US \| [^|]+ \| L5 \| 50 \/ 5 \/ 4 \| 1 \/ 3 \|/m);
    expect(md).toContain(`| ops true / detected / attributed | misattributed / false alarms |`);
  });

  it('a legend under the pairs says what the two numbers count, in the debrief, the HTML report and the terminal (not with --no-truth)', () => {
    const [, source] = SOURCES[0];
    const legend = REPORT_EN.closingLegend as string;
    expect(legend).toMatch(/^misattributed: .*; false alarms: /);
    expect(renderDebrief(source)).toContain(`\n${legend}\n`);
    expect(renderHtmlReport(source)).toContain(`<p class="muted">${legend}</p>`);
    const run = { log: source.log, world: source.frames[source.frames.length - 1] ?? source.initial };
    expect(formatSummary(run)).toContain(`\n${legend}\n`);
    expect(formatSummary(run, undefined, { truth: false })).not.toContain('false alarms');
    // A catalogue written before the legend gets the English one.
    const { closingLegend: _legend, ...old } = REPORT_EN;
    expect(formatSummary(run, old)).toBe(formatSummary(run));
    expect(renderDebrief(source, { text: old })).toBe(renderDebrief(source));
  });

  it("summarizeDyads keeps misattributed as the sweep's column counts it (false alarms included) and gives falseAlarms beside it", () => {
    for (const [name, source] of SOURCES) {
      const run = { log: source.log, world: source.frames[source.frames.length - 1] ?? source.initial };
      const dyads = summarizeDyads(run);
      const sweepColumn = source.metrics.reduce((s, m) => s + m.misattributions, 0);
      expect(dyads.reduce((s, d) => s + d.misattributed, 0), name).toBe(sweepColumn);
      for (const d of dyads) expect(d.falseAlarms).toBeLessThanOrEqual(d.misattributed);
      expect(dyads.reduce((s, d) => s + d.falseAlarms, 0), name).toBe(incidentRecords(source.log).filter((i) => i.outcome === 'false-alarm' && i.firstSuspect !== null).length);
    }
  });
});
