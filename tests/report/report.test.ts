import { createHash } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createRegistry, defineStrategy, incidentRecords, keyMoments, NARRATIVE_EN, narrateRun, parseScenario, renderDebrief, renderHtmlReport, REPORT_EN, reportSource, reportSourceFromRecord, runRecord, simulate } from '../../src/index.js';
import type { ReportSource } from '../../src/index.js';
import { REPORT_SCRIPT, REPORT_SCRIPT_HASH } from '../../src/report/html.js';
import { escalationChart, escapeXml, trustChart } from '../../src/report/charts.js';
import { markdownText } from '../../src/report/debrief.js';
import { normAdoption, pickIndices, roundsOf, rungSeries, trustFrames, welfareSeries } from '../../src/report/series.js';
import { FRAMED, markupProblems, scenarioFile, sourceOf, svgsOf } from './helpers.js';

const usChina = scenarioFile('scenarios/us-china-2015.yaml');
const duel = scenarioFile('tests/e2e/fixtures/duel.yaml');
const framed = parseScenario(FRAMED, { source: 'framed.yaml' });

/** The sources the properties below are checked on: the default scenario and the duel over several seeds. */
const SOURCES: [string, ReportSource][] = [
  ['us-china-2015 seed 1', sourceOf(usChina, 1)],
  ['us-china-2015 seed 2', sourceOf(usChina, 2)],
  ...[1, 2, 3, 4, 5].map((seed): [string, ReportSource] => [`duel seed ${seed}`, sourceOf(duel, seed)]),
  ['framed seed 2', sourceOf(framed, 2)],
];

describe('series extracted from a run', () => {
  for (const [name, source] of SOURCES) {
    it(`${name}: rungs, trust, welfare, norms and incidents agree with the per-round metrics`, () => {
      const rounds = source.metrics.length;
      expect(source.frames).toHaveLength(rounds);
      const rungs = rungSeries(source);
      const n = source.initial.actors.length;
      expect(rungs).toHaveLength((n * (n - 1)) / 2);
      for (const d of rungs) {
        expect(d.ab).toHaveLength(rounds);
        for (const v of [...d.ab, ...d.ba]) expect(v >= 0 && v <= 7 && Number.isInteger(v)).toBe(true);
        expect(d.peak).toBe(Math.max(0, ...d.ab, ...d.ba));
      }
      source.metrics.forEach((m, k) => {
        expect(Math.max(0, ...rungs.flatMap((d) => [d.ab[k] as number, d.ba[k] as number])), `maxRung of round ${k}`).toBe(m.maxRung);
      });
      expect(Math.max(0, ...rungs.map((d) => d.peak))).toBe(source.metrics.at(-1)?.peakRung);

      const frames = trustFrames(source);
      expect(frames.map((f) => f.round)).toEqual(source.metrics.map((m) => m.round));
      frames.forEach((f, k) => {
        const off = f.trust.flatMap((row, i) => row.filter((_, j) => j !== i));
        f.trust.forEach((row, i) => expect(Number.isNaN(row[i])).toBe(true));
        for (const t of off) expect(t > 0 && t < 1).toBe(true);
        expect(off.reduce((a, b) => a + b, 0) / off.length).toBeCloseTo(source.metrics[k]?.meanTrust ?? -1, 12);
      });

      const welfare = welfareSeries(source);
      source.metrics.forEach((m, k) => {
        expect([...welfare.values()].reduce((s, w) => s + (w[k] as number), 0)).toBeCloseTo(m.totalWelfare, 9);
      });

      const adoption = normAdoption(source);
      const duringRun = [...adoption.adopted.values()].reduce((s, m) => s + [...m.values()].filter((r) => r >= 0).length, 0);
      expect(duringRun).toBe(source.metrics.reduce((s, m) => s + m.normsAdopted, 0));
      const last = source.frames.at(-1);
      for (const [actor, m] of adoption.adopted) expect([...m.keys()].sort()).toEqual([...(last?.norms[actor] ?? [])].sort());

      const incidents = incidentRecords(source.log);
      const sum = (key: 'detections' | 'correctAttributions' | 'misattributions' | 'falseAlarms') => source.metrics.reduce((s, m) => s + m[key], 0);
      expect(incidents).toHaveLength(sum('detections'));
      expect(incidents.filter((i) => i.outcome === 'correct')).toHaveLength(sum('correctAttributions'));
      expect(incidents.filter((i) => i.outcome === 'false-alarm')).toHaveLength(sum('falseAlarms'));
      expect(incidents.filter((i) => i.outcome === 'misattributed' || i.outcome === 'unattributed' || (i.outcome === 'false-alarm' && i.firstSuspect !== null))).toHaveLength(sum('misattributions'));
      for (const i of incidents) {
        expect(i.principal === null).toBe(i.outcome === 'false-alarm');
        if (i.outcome === 'correct') expect([i.author, i.principal]).toContain(i.firstSuspect);
        if (i.outcome === 'misattributed') expect([i.author, i.principal]).not.toContain(i.firstSuspect);
      }
    });
  }

  it('the framed run has misattributions (false flags) and an agreement, which the debrief relies on below', () => {
    const source = SOURCES.at(-1)?.[1] as ReportSource;
    expect(incidentRecords(source.log).some((i) => i.outcome === 'misattributed' && i.falseFlag !== null)).toBe(true);
    expect(source.log.some((e) => e.type === 'agreement.signed')).toBe(true);
  });

  it('pickIndices keeps at most max indices, in order, within range, with the last', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 500 }), fc.integer({ min: 1, max: 600 }), (count, max) => {
        const picked = pickIndices(count, max);
        expect(picked.length).toBeLessThanOrEqual(Math.min(count, max));
        if (count > 0) expect(picked.at(-1)).toBe(count - 1);
        if (count > 0 && max >= count) expect(picked).toEqual(Array.from({ length: count }, (_, k) => k));
        for (let k = 1; k < picked.length; k++) expect(picked[k] as number).toBeGreaterThan(picked[k - 1] as number);
        for (const p of picked) expect(p >= 0 && p < count).toBe(true);
      }),
    );
  });

  it('with more pairs than panels, shows the most escalated pairs and never one that stayed at L0', () => {
    const cold = sourceOf(scenarioFile('scenarios/cyber-cold-war.yaml'), 1);
    const series = rungSeries(cold);
    expect(series.length).toBeGreaterThan(12);
    const escalated = series.filter((d) => d.peak > 0);
    const { svg, omitted } = escalationChart(series, { rounds: roundsOf(cold), label: String }, () => '#000000', REPORT_EN, 12);
    const titles = [...svg.matchAll(/class="panel-title">([^<]+) </g)].map((m) => m[1]);
    expect(titles).toHaveLength(Math.min(12, escalated.length));
    expect(omitted).toBe(series.length - titles.length);
    for (const d of escalated.slice(0, 12)) if (escalated.length <= 12) expect(titles).toContain(`${d.a} ↔ ${d.b}`);
    const shownPeaks = series.filter((d) => titles.includes(`${d.a} ↔ ${d.b}`)).map((d) => d.peak);
    const hiddenPeaks = series.filter((d) => !titles.includes(`${d.a} ↔ ${d.b}`)).map((d) => d.peak);
    expect(Math.min(...shownPeaks)).toBeGreaterThan(0);
    expect(Math.min(...shownPeaks)).toBeGreaterThanOrEqual(Math.max(0, ...hiddenPeaks));
  });

  it('a long run keeps at most maxTrustCells of trust matrix in the report', () => {
    const source = SOURCES[0]?.[1] as ReportSource;
    const html = renderHtmlReport(source, { maxTrustCells: 9 * 10 });
    expect(html.match(/<g class="frame/g)).toHaveLength(10);
    expect(html).toContain('10 of 37 rounds shown');
  });
});

describe('the HTML report', () => {
  const source = SOURCES[0]?.[1] as ReportSource;
  const html = renderHtmlReport(source);

  it('has every chart as an <svg data-chart> with a size, and well-formed markup throughout', () => {
    const svgs = svgsOf(html);
    expect(svgs.map((s) => /data-chart="([a-z]+)"/.exec(s)?.[1])).toEqual(['escalation', 'trust', 'incidents', 'norms', 'welfare']);
    for (const svg of svgs) {
      expect(svg).toMatch(/^<svg data-chart="[a-z]+" viewBox="0 0 [\d.]+ [\d.]+" width="[\d.]+" height="[\d.]+"/);
      expect(markupProblems(svg)).toEqual([]);
      expect(svg).not.toMatch(/NaN|Infinity|undefined|null/);
    }
    expect(markupProblems(html.replace(/<script>[\s\S]*?<\/script>/, '<script></script>'))).toEqual([]);
  });

  it('is self-contained: no network resource, one constant script allowed by hash', () => {
    expect(html).not.toMatch(/\b(src|href|xlink:href|action)\s*=/i);
    expect(html).not.toMatch(/url\(|@import|@font-face/i);
    expect(html).not.toMatch(/https?:/i);
    expect(html).toContain(`default-src 'none'`);
    expect(html.match(/<script/g)).toHaveLength(1);
    expect(html).toContain(`<script>${REPORT_SCRIPT}</script>`);
    expect(REPORT_SCRIPT_HASH).toBe(`sha256-${createHash('sha256').update(REPORT_SCRIPT, 'utf8').digest('base64')}`);
    expect(html).toContain(`script-src '${REPORT_SCRIPT_HASH}'`);
  });

  it('is deterministic and carries the narrative and the closing table', () => {
    expect(renderHtmlReport(sourceOf(usChina, 1))).toBe(html);
    expect(renderHtmlReport(sourceOf(usChina, 2))).not.toBe(html);
    const story = narrateRun(source, { roundLabel: (r) => `Round ${r}` }).filter((l) => l.startsWith('  ') && !l.startsWith('  📰'));
    for (const line of story.slice(0, 40)) expect(html).toContain(escapeXml(line.slice(2)));
    const incidents = incidentRecords(source.log);
    expect(html).toContain(`<li><b>${incidents.filter((i) => i.outcome === 'misattributed').length}</b>misattributed</li><li><b>${incidents.filter((i) => i.outcome === 'false-alarm').length}</b>false alarms</li>`);
    expect(html).toContain(`<li><b>L${source.metrics.at(-1)?.peakRung}</b>peak escalation</li>`);
    expect(html).toContain('Summary after 37 rounds');
    expect(html).toMatch(/<td>CN–US<\/td><td class="num">\d\.\d\d \/ \d\.\d\d<\/td><td>L\d<\/td>/);
  });

  it('is the same from a run.json round trip (the scenario document and the log rebuild every round)', () => {
    const run = simulate(usChina.spec, { seed: 1, rounds: usChina.rounds });
    const record = JSON.parse(JSON.stringify(runRecord(usChina, run, 1))) as unknown;
    expect(renderHtmlReport(reportSourceFromRecord(record, 'run.json'))).toBe(html);
  });

  it('escapes hostile scenario text: titles, descriptions, notes and names render as text', () => {
    const hostile = parseScenario(
      [
        `name: hostile`,
        `title: "<script>alert('title')</script> & </svg><svg onload=alert(1)>"`,
        `description: "<img src=x onerror=alert('desc')>"`,
        `rounds: 3`,
        `actors:`,
        `  - { id: A, name: "\\"><script>alert('name')</script>", strategy: hawk }`,
        `  - { id: B, strategy: dove }`,
        `injects:`,
        `  - { round: 1, type: note, text: "<script>alert('note')</script> https://evil.example/x.js" }`,
      ].join('\n'),
      { source: 'hostile.yaml' },
    );
    const out = renderHtmlReport(sourceOf(hostile, 1));
    expect(out.match(/<script/g)).toHaveLength(1);
    expect(out).not.toMatch(/<img|<svg onload|<[^>]*\bon(error|load)=/);
    expect(out).toContain('&lt;script&gt;alert(&#39;note&#39;)&lt;/script&gt;');
    expect(out).toContain('&lt;script&gt;alert(&#39;title&#39;)&lt;/script&gt; &amp; &lt;/svg&gt;');
    expect(markupProblems(out.replace(/<script>[\s\S]*?<\/script>/, '<script></script>'))).toEqual([]);
    expect(out).not.toMatch(/<[^>]*\b(src|href)\s*=/i);
    const md = renderDebrief(sourceOf(hostile, 1));
    expect(md).not.toMatch(/<script|<img/);
    expect(md).toContain('&lt;script&gt;');
  });
});

describe('the Markdown debrief', () => {
  const source = SOURCES.at(-1)?.[1] as ReportSource;
  const md = renderDebrief(source);

  it('lists the key moments of a run where they occur: first accusation, every misattribution, agreements, violations, peak escalation', () => {
    const incidents = incidentRecords(source.log).filter((i) => i.outcome === 'misattributed');
    expect(incidents.length).toBeGreaterThan(0);
    const alarms = incidentRecords(source.log).filter((i) => i.outcome === 'false-alarm' && i.firstSuspect !== null);
    expect(alarms.length).toBeGreaterThan(0);
    for (const i of alarms) expect(md).toContain(`Misattribution: ${i.victim} first suspected ${i.firstSuspect} of ${i.kind === "espionage" ? "an" : "a"} ${i.kind} incident (${Math.round(i.firstConfidence * 100)}% sure); in truth it was a false alarm.`);
    for (const i of incidents) expect(md).toContain(`Misattribution: ${i.victim} first suspected ${i.firstSuspect} of a disruption incident (${Math.round(i.firstConfidence * 100)}% sure); in truth it was ${i.principal}, under a false flag against ${i.falseFlag}.`);
    expect(md).toMatch(/- \*\*Apr 2020 \(round 3\)\*\* — Agreement: AZ and BV signed \(hotline\)\./);
    const first = source.log.find((e) => e.type === 'accusation.made');
    if (first?.type === 'accusation.made') expect(md).toContain(`First accusation: ${first.by}`);
    const peak = source.metrics.at(-1)?.peakRung ?? 0;
    if (peak > 0) expect(md).toContain(`reached L${peak}.`);
    const perceived = source.log.filter((e) => e.type === 'violation.perceived');
    expect(md.match(/Violation: /g) ?? []).toHaveLength(perceived.length);
    // In the order they happened.
    const rounds = keyMoments(source).map((m) => m.round);
    expect(rounds).toEqual([...rounds].sort((a, b) => a - b));
    expect(md).toContain('## Closing table');
    expect(md).toMatch(/\| AZ–BV \| \d\.\d\d \/ \d\.\d\d \| L\d \|/);
  });

  it('tells every perceived violation, and whether it was real', () => {
    const us = SOURCES[0]?.[1] as ReportSource;
    const perceived = us.log.filter((e) => e.type === 'violation.perceived');
    expect(perceived.length).toBeGreaterThan(0);
    const out = renderDebrief(us);
    expect(out.match(/Violation: /g) ?? []).toHaveLength(perceived.length);
    for (const v of perceived) expect(out).toContain(`Violation: ${v.by} believed ${v.against} broke ${v.commitment ? `its ${v.commitment} commitment` : `norm ${v.norm}`} (${Math.round(v.confidence * 100)}% sure)${v.real ? '.' : ' — in truth it did not.'}`);
  });

  it('a misattribution says the victim suspected, not that it blamed: a suspicion is not an accusation', () => {
    // us-china-2015 seed 2, Aug 2013: CN's first suspect for a US operation was APT, and CN accused nobody.
    const us2 = SOURCES[1]?.[1] as ReportSource;
    const incident = incidentRecords(us2.log).find((i) => i.round === 2 && i.victim === 'CN');
    expect(incident).toMatchObject({ firstSuspect: 'APT', principal: 'US', outcome: 'misattributed' });
    expect(us2.log.some((e) => e.type === 'accusation.made' && e.incident === incident?.incident)).toBe(false);
    expect(keyMoments(us2).find((m) => m.round === 2 && m.kind === 'misattribution')?.text).toBe('Misattribution: CN first suspected APT of an espionage incident (62% sure); in truth it was US.');
  });

  it('says so when nothing remarkable happened', () => {
    const quiet = parseScenario('name: quiet\nrounds: 4\nactors: [{ id: A, strategy: passive }, { id: B, strategy: passive }]');
    const out = renderDebrief(sourceOf(quiet, 1));
    expect(out).toContain(REPORT_EN.debrief.noMoments);
    expect(out).not.toMatch(/Misattribution|Agreement:|First accusation/);
  });

  it('escapes Markdown in scenario text', () => {
    expect(markdownText('*bold* [link](x) <b> | `code`')).toBe('\\*bold\\* \\[link\\](x) &lt;b&gt; \\| \\`code\\`');
  });
});

describe('strings in one place', () => {
  it('the narrative takes another catalogue, event by event', () => {
    const source = SOURCES[0]?.[1] as ReportSource;
    const shouty = { ...NARRATIVE_EN, roundHeading: (r: number) => `TOUR ${r}`, events: { ...NARRATIVE_EN.events, 'denial.issued': () => 'DÉMENTI' } };
    const lines = narrateRun(source, { text: shouty });
    expect(lines.some((l) => /^TOUR \d+$/.test(l))).toBe(true);
    const denials = source.log.filter((e) => e.type === 'denial.issued').length;
    expect(lines.filter((l) => l === '  DÉMENTI')).toHaveLength(denials);
  });

  it("the report styles another catalogue's news and hidden truth as it does the English ones", () => {
    const source = SOURCES[0]?.[1] as ReportSource;
    const events = NARRATIVE_EN.events;
    const french = {
      ...NARRATIVE_EN,
      events: {
        ...events,
        'inject.applied': (e: Parameters<typeof events['inject.applied']>[0]) => (e.inject.type === 'note' ? `Dépêche : ${e.inject.text}` : null),
        'operation.conducted': (e: Parameters<typeof events['operation.conducted']>[0]) => `[caché] ${e.operation.principal} a opéré contre ${e.operation.target}.`,
      },
    };
    const story = /<section id="story"[\s\S]*?<\/section>/.exec(renderHtmlReport(source, { narrative: french }))?.[0] ?? '';
    const notes = source.log.filter((e) => e.type === 'inject.applied' && e.inject.type === 'note').length;
    const operations = source.log.filter((e) => e.type === 'operation.conducted').length;
    expect(notes).toBeGreaterThan(0);
    expect(story.match(/<li class="news">Dépêche : /g) ?? []).toHaveLength(notes);
    expect(story.match(/<li class="truth">\[caché\] /g) ?? []).toHaveLength(operations);
  });
});

describe('run.json checks', () => {
  const run = simulate(duel.spec, { seed: 3, rounds: 10 });
  const good = () => JSON.parse(JSON.stringify(runRecord(duel, run, 3))) as Record<string, unknown>;

  it('names the file, the field and what was expected', () => {
    expect(() => reportSourceFromRecord([], 'r.json')).toThrow(/r\.json: 1 problem\n {2}- \(file\): expected a JSON object/);
    const bad = good();
    bad.rounds = 'ten';
    bad.log = [{ type: 'x' }];
    expect(() => reportSourceFromRecord(bad, 'r.json')).toThrow(/rounds: expected a whole number of rounds ≥ 0, received 'ten'[\s\S]*log\[0\]: expected an event with a type and a round/);
    const old = good();
    delete old.document;
    expect(() => reportSourceFromRecord(old, 'old.json')).toThrow(/old\.json: 1 problem\n {2}- document: expected the scenario document .*re-run the scenario with --format json/);
    // An empty seed is no seed: named with the file, as every other field is.
    const unseeded = good();
    unseeded.seed = '';
    expect(() => reportSourceFromRecord(unseeded, 'r.json')).toThrow(/^r\.json: 1 problem\n {2}- seed: expected a seed \(a non-empty string or a finite number\), received ''$/);
  });

  it('refuses a log that does not belong to the document and seed', () => {
    const other = good();
    other.seed = 4;
    expect(() => reportSourceFromRecord(other, 'r.json')).toThrow(/r\.json: 1 problem\n {2}- log: expected the event log of scenario 'duel' with seed 4, received replay diverged in round \d+ at event \d+/);
    const document = good().document as Record<string, unknown>;
    const broken = good();
    broken.document = { ...document, actors: 'none' };
    expect(() => reportSourceFromRecord(broken, 'r.json')).toThrow(/r\.json \(document\)/);
  });

  it('accounts for the whole log: an event after the last round, a log longer than its rounds, or events out of order are refused', () => {
    const appended = good();
    const log = appended.log as unknown[];
    log.push({ type: 'inject.applied', round: 99, phase: 'injects', inject: { round: 99, type: 'note', text: 'FORGED NEWS' } });
    expect(() => reportSourceFromRecord(appended, 'r.json')).toThrow(new RegExp(`r\\.json: 1 problem\n {2}- log\\[${log.length - 1}\\]: expected an event of rounds 0–9 \\(the 10 rounds of the run's metrics\\), in round order, received 'inject\\.applied' of round 99`));

    // 'rounds' and 'metrics' cut to 3 rounds while the log keeps all 10.
    const cut = good();
    cut.rounds = 3;
    cut.metrics = (cut.metrics as unknown[]).slice(0, 3);
    const firstOf3 = (cut.log as { round: number }[]).findIndex((e) => e.round === 3);
    expect(firstOf3).toBeGreaterThan(0);
    expect(() => reportSourceFromRecord(cut, 'r.json')).toThrow(new RegExp(`log\\[${firstOf3}\\]: expected an event of rounds 0–2 .*received '[\\w.]+' of round 3`));

    // An event of round 2 moved to the end: each round's events are still all there, but the log is not the run's.
    const moved = good();
    const events = moved.log as { round: number }[];
    const k = events.findIndex((e) => e.round === 2);
    events.push(...events.splice(k, 1));
    expect(() => reportSourceFromRecord(moved, 'r.json')).toThrow(/log\[\d+\]: expected an event of rounds 0–9 .*received '[\w.]+' of round 2 after an event of round 9/);

    // A forged event of round 0.5 between rounds 0 and 1 belongs to no round: it was neither replayed
    // nor checked, yet the story told it and the figures counted it.
    const between = good();
    const all = between.log as Record<string, unknown>[];
    const at1 = all.findIndex((e) => e.round === 1);
    all.splice(at1, 0, { type: 'accusation.made', round: 0.5, phase: 'diplomacy', accusation: 'acc:x', by: 'A', target: 'B', incident: 'inc:none', public: true, formal: true, confidence: 0.99 });
    expect(() => reportSourceFromRecord(between, 'r.json')).toThrow(new RegExp(`r\\.json: 1 problem\n {2}- log\\[${at1}\\]: expected an event of rounds 0–9 .*received 'accusation\\.made' of round 0\\.5`));

    // A log cut short of its rounds: the replay of the missing rounds finds nothing logged.
    const short = good();
    short.log = (short.log as { round: number }[]).filter((e) => e.round < 5);
    expect(() => reportSourceFromRecord(short, 'r.json')).toThrow(/log: expected the event log of scenario 'duel' with seed 3, received replay diverged in round 5 at event 0: the log has nothing/);

    // The API checks a run the same way.
    expect(() => sourceOf(duel, 3)).not.toThrow();
    const run3 = simulate(duel.spec, { seed: 3, rounds: 10 });
    expect(() => reportSource(duel, { ...run3, metrics: run3.metrics.slice(0, 3) }, 3)).toThrow(/log\[\d+\]: expected an event of rounds 0–2/);
  });

  it('checks the recorded metrics against the replayed rounds, naming the round and the field', () => {
    const bare = good();
    bare.metrics = (bare.metrics as unknown[]).map((_, i) => ({ round: i }));
    expect(() => reportSourceFromRecord(bare, 'r.json')).toThrow(/r\.json: 20 problems\n {2}- metrics\[0\]\.operations: expected \d+, the operations of round 0 in the replayed log, received nothing/);
    for (const peak of ['x', 7, null]) {
      const forged = good();
      forged.metrics = (forged.metrics as Record<string, unknown>[]).map((m) => ({ ...m, peakRung: peak }));
      const error = (() => {
        try {
          reportSourceFromRecord(forged, 'r.json');
        } catch (e) {
          return e as Error;
        }
        return undefined;
      })();
      expect(error?.message).toMatch(new RegExp(`- metrics\\[0\\]\\.peakRung: expected [0-6], the peakRung of round 0 in the replayed log, received ${JSON.stringify(JSON.stringify(peak)).slice(1, -1)}`));
    }
    // One wrong number among the rest is found too.
    const one = good();
    (one.metrics as Record<string, unknown>[])[6]!.totalWelfare = 12345;
    expect(() => reportSourceFromRecord(one, 'r.json')).toThrow(/r\.json: 1 problem\n {2}- metrics\[6\]\.totalWelfare: expected -?[\d.e-]+, the totalWelfare of round 6 in the replayed log, received 12345$/);
    // The genuine record gives the same metrics as the run.
    expect(JSON.stringify(reportSourceFromRecord(good(), 'r.json').metrics)).toBe(JSON.stringify(run.metrics));
  });
});

describe('the debrief on an operation carried out through a proxy', () => {
  // CN orders every operation through its proxy APT; US publicly blames whoever it suspects.
  const registry = createRegistry()
    .register(
      defineStrategy({
        name: 'via-proxy',
        meta: { stochastic: false, retaliatory: false, forgiving: true, attributionSensitive: false },
        operate: () => [{ type: 'operate', target: 'US', kind: 'espionage', via: 'APT' }],
      }),
    )
    .register(
      defineStrategy({
        name: 'blamer',
        meta: { stochastic: false, retaliatory: false, forgiving: true, attributionSensitive: true },
        diplomacy: (view) => view.incidents.filter((i) => i.round === view.round && i.suspect !== null).map((i) => ({ type: 'accuse', target: i.suspect as string, incident: i.id, public: true })),
      }),
    );
  const scenario = parseScenario(
    'name: proxy\nrounds: 8\nactors:\n  - { id: US, capabilities: us, strategy: blamer }\n  - { id: CN, capabilities: china, strategy: via-proxy }\n  - { id: APT, kind: proxy, sponsor: CN, capabilities: proxy-apt, strategy: passive }',
    { registry },
  );
  const run = simulate(scenario.spec, { seed: 1, rounds: scenario.rounds, registry });
  const source = reportSource(scenario, run, 1);

  it('calls an accusation of the proxy that carried it out right, as the incident list does', () => {
    const first = run.log.find((e) => e.type === 'accusation.made');
    expect(first?.type === 'accusation.made' && first.target).toBe('APT');
    const incident = incidentRecords(run.log).find((i) => first?.type === 'accusation.made' && i.incident === first.incident);
    expect(incident).toMatchObject({ author: 'APT', principal: 'CN', outcome: 'correct' });
    const moment = keyMoments(source).find((m) => m.kind === 'first-accusation');
    expect(moment?.text).toBe('First accusation: US publicly blamed APT (82% sure) — rightly.');
  });
});

describe('the trust matrix of one or two actors', () => {
  it('is wide enough for its whole colour key, up to the "1" at its blue end', () => {
    for (const n of [1, 2, 3, 7]) {
      const ids = ['A', 'B', 'C', 'D', 'E', 'F', 'G'].slice(0, n);
      const frame = { round: 0, trust: ids.map((_, i) => ids.map((__, j) => (i === j ? Number.NaN : 0.5))) };
      const svg = trustChart([frame], ids, String, REPORT_EN);
      const width = Number(/viewBox="0 0 ([\d.]+) /.exec(svg)?.[1]);
      // Every rectangle (cells and the key's steps) ends inside the chart…
      for (const m of svg.matchAll(/<rect x="([\d.]+)" y="[\d.]+" width="([\d.]+)"/g)) expect(Number(m[1]) + Number(m[2]), `${n} actors`).toBeLessThanOrEqual(width);
      // … and so does the key's last label, anchored at its end.
      const one = /<text x="([\d.]+)" y="[\d.]+" text-anchor="end" class="tick">1<\/text>/.exec(svg);
      expect(Number(one?.[1]), `${n} actors`).toBeLessThanOrEqual(width);
    }
  });
});

describe('the words of charts and debrief come from the catalogue', () => {
  // CN spies on US through its proxy APT under a false flag against RU: seed 7 has US blame RU.
  const registry = createRegistry().register(
    defineStrategy({
      name: 'framing-proxy',
      meta: { stochastic: false, retaliatory: false, forgiving: true, attributionSensitive: false },
      operate: () => [{ type: 'operate', target: 'US', kind: 'espionage', via: 'APT', falseFlag: 'RU' }],
    }),
  );
  const scenario = parseScenario(
    'name: framed-proxy\nrounds: 10\nactors:\n  - { id: US, capabilities: us, strategy: passive }\n  - { id: CN, capabilities: china, strategy: framing-proxy }\n  - { id: APT, kind: proxy, sponsor: CN, capabilities: proxy-apt, strategy: passive }\n  - { id: RU, capabilities: russia, strategy: passive }',
    { registry },
  );
  const source = reportSource(scenario, simulate(scenario.spec, { seed: 7, rounds: scenario.rounds, registry }), 7);
  const text: typeof REPORT_EN = {
    ...REPORT_EN,
    keyFigures: { ...REPORT_EN.keyFigures, peak: 'PIC' },
    incidentTable: { ...REPORT_EN.incidentTable, via: (principal, author) => `${principal} PAR ${author}` },
  };

  it("the escalation panels' peak and a proxy's sponsor in the incident tooltips and the debrief", () => {
    const html = renderHtmlReport(source, { text });
    const [escalation, , incidents] = svgsOf(html);
    expect(escalation).toContain('(PIC L');
    expect(escalation).not.toContain('peak');
    expect(incidents).toContain('in truth CN PAR APT');
    expect(incidents).not.toContain('via');
    expect(renderDebrief(source, { text })).toContain('Misattribution: US first suspected RU of an espionage incident (88% sure); in truth it was CN PAR APT, under a false flag against RU.');
  });
});
