import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  ConfigError,
  formatRow,
  parseScenario,
  planSweep,
  rankStrategies,
  readResults,
  runOne,
  scenarioTag,
  simulate,
  SUMMARY_COLUMNS,
  summarizeDyads,
  summarizeRun,
  sweep,
  sweepColumns,
  tournament,
} from '../../src/index.js';

const duel = parseScenario(readFileSync(resolve(import.meta.dirname, '../e2e/fixtures/duel.yaml'), 'utf8'), { source: 'duel.yaml' });

describe('sweep (in-process)', () => {
  const grid = { 'mechanism.detection.scale': [0.5, 2] };
  const rows = sweep(duel, { seeds: '1..4', grid });
  const plan = planSweep(duel, { seeds: '1..4', grid });

  it('gives one row per run, in plan order, with the fixed columns', () => {
    expect(rows.map((r) => r.run)).toEqual(plan.items.map((i) => i.run));
    const columns = sweepColumns(plan);
    expect(columns.slice(0, 4)).toEqual(['run', 'point', 'seed', 'mechanisms.detection.scale']);
    expect(columns.slice(4, 4 + SUMMARY_COLUMNS.length)).toEqual([...SUMMARY_COLUMNS]);
    expect(columns.slice(4 + SUMMARY_COLUMNS.length)).toEqual([
      'peakRung.APT/CN',
      'peakRung.APT/US',
      'peakRung.CN/US',
      'actorPeakRung.APT',
      'actorPeakRung.CN',
      'actorPeakRung.US',
      'welfare.APT',
      'welfare.CN',
      'welfare.US',
      'scenario',
    ]);
    for (const r of rows) expect(Object.keys(r).sort()).toEqual([...columns].sort());
    for (const r of rows) expect(r.scenario).toBe(scenarioTag(duel.document));
  });

  it("names the scenario by a tag of its content: the same whatever the file's layout, another for any change", () => {
    const tag = scenarioTag(duel.document);
    expect(tag).toMatch(/^duel@[0-9a-f]{16}$/);
    // The same document written otherwise: keys in another order, flow style, comments.
    const relaid = parseScenario(
      `# the duel again
seed: 3
rounds: 10
name: duel
title: "A duel with a hotline"
calendar:
  start: 2015-01
  unit: month
injects:
  - { type: sanctions-threat, round: 2, by: US, target: CN, unless: stop commercial cyber-theft }
  - { round: 4, type: summit, parties: [US, CN], terms: [{ kind: hotline }, { kind: no-commercial-theft }], text: Summit in Washington }
actors:
  - { id: US, capabilities: us, strategy: tit-for-tat }
  - { id: CN, capabilities: china, strategy: deterrer }
  - { id: APT, kind: proxy, sponsor: CN, capabilities: proxy-apt, strategy: { params: { rate: 0.3 }, name: random } }
`,
      { source: 'relaid.yaml' },
    );
    expect(scenarioTag(relaid.document)).toBe(tag);
    // Any change of content gives another tag, even one the runs might not show.
    const changed = (f: (d: Record<string, unknown>) => void) => {
      const d = JSON.parse(JSON.stringify(duel.document)) as Record<string, unknown>;
      f(d);
      return scenarioTag(parseScenario(d).document);
    };
    const others = [
      changed((d) => (d.title = 'A duel')),
      changed((d) => (d.seed = 4)),
      changed((d) => ((d.actors as Record<string, unknown>[])[2]!.strategy = { name: 'random', params: { rate: 0.31 } })),
      changed((d) => (d.injects as unknown[]).pop()),
    ];
    expect(new Set([tag, ...others]).size).toBe(5);
    // A results cell keeps it as text.
    expect(readResults(`run,scenario\np0-s1,${tag}\n`, 'csv').rows[0]?.scenario).toBe(tag);
  });

  it('summarises the run it names: the same numbers as simulate and summarizeDyads', () => {
    const row = rows[5];
    expect(row?.run).toBe('p1-s2');
    const spec = parseScenario({ ...duel.document, mechanisms: { detection: { scale: 2 } } }).spec;
    const run = simulate(spec, { seed: 2, rounds: 10 });
    const last = run.metrics.at(-1);
    expect(row?.peakRung).toBe(last?.peakRung);
    expect(row?.totalWelfare).toBe(last?.totalWelfare);
    expect(row?.incidentsTrue).toBe(run.log.filter((e) => e.type === 'operation.conducted').length);
    expect(row?.agreementsSigned).toBe(run.log.filter((e) => e.type === 'agreement.signed').length);
    expect(row?.firstAgreementRound).toBe(run.log.find((e) => e.type === 'agreement.signed')?.round ?? null);
    expect(row?.accusations).toBe((row?.accusationsRight as number) + (row?.accusationsWrong as number));
    const cnUs = summarizeDyads(run).find((d) => d.a === 'US' && d.b === 'CN') ?? summarizeDyads(run).find((d) => d.a === 'CN' && d.b === 'US');
    expect(row?.['peakRung.CN/US']).toBe(cnUs?.peakRung);
    const us = run.world.actors.findIndex((a) => a.id === 'US');
    expect(row?.['welfare.US']).toBe(run.world.welfare[us]);
  });

  it('gives the same row from events read round by round (runOne) as from the whole log (summarizeRun)', () => {
    // us-china-2015 has accusations, agreements and a proxy, so every column read from events is exercised.
    const usChina = parseScenario(readFileSync(resolve(import.meta.dirname, '../../scenarios/us-china-2015.yaml'), 'utf8'), { source: 'us-china-2015.yaml' });
    const p = planSweep(usChina, { seeds: '1..6' });
    let accusations = 0;
    let agreements = 0;
    for (const item of p.items) {
      const streamed = runOne(p.document, item, { series: true });
      const logged = summarizeRun(simulate(usChina.spec, { seed: item.seed, rounds: usChina.rounds }), item, true, p.document);
      expect(streamed).toEqual(logged);
      expect(Object.keys(streamed)).toEqual(Object.keys(logged));
      accusations += streamed.accusations as number;
      agreements += streamed.agreementsSigned as number;
    }
    expect(accusations).toBeGreaterThan(0);
    expect(agreements).toBeGreaterThan(0);
    // Without the document, the row cannot say which scenario it is of.
    expect(summarizeRun(simulate(usChina.spec, { seed: 1, rounds: 3 }), p.items[0]!).scenario).toBeNull();
  });

  it('refuses to summarise a run made without its log rather than report zeros', () => {
    const run = simulate(duel.spec, { seed: 1, rounds: 4, log: false });
    expect(() => summarizeRun(run, { run: 'p0-s1', point: 0, seed: 1, params: {} })).toThrow(ConfigError);
    expect(() => summarizeRun(run, { run: 'p0-s1', point: 0, seed: 1, params: {} })).toThrow(/run\.log/);
  });

  it('is deterministic and independent of which runs are played together', () => {
    expect(sweep(duel, { seeds: '1..4', grid })).toEqual(rows);
    expect(runOne(plan.document, plan.items[6]!)).toEqual(rows[6]);
  });

  it('adds per-round series on request, and they round-trip through CSV and JSON Lines', () => {
    const [row] = sweep(duel, { seeds: [3], series: true });
    expect(row?.['series.maxRung']).toHaveLength(10);
    const columns = sweepColumns(planSweep(duel, { seeds: [3] }), { series: true });
    for (const format of ['csv', 'jsonl'] as const) {
      const text = (format === 'csv' ? `${columns.join(',')}\n` : '') + formatRow(row!, columns, format);
      const back = readResults(text, format);
      expect(back.columns).toEqual(columns);
      expect(back.rows[0]).toEqual(row);
    }
  });

  it('refuses a metric or series cell that is not a finite number, naming the file, line and column', () => {
    // A quoted parameter cell over two lines: the record after it starts on line 5.
    const csv = 'run,label,peakRung,finalRung\np0-s1,a,2,1\np0-s2,"two\nlines",1,1\np0-s3,c,x,1\n';
    expect(() => readResults(csv, 'csv', 'r.csv')).toThrow(/r\.csv: 1 problem\n {2}- line 5, column peakRung: expected a finite number or an empty cell, received 'x'/);
    for (const bad of ['NaN', 'abc', 'Infinity', '1e999', '-Infinity']) {
      expect(() => readResults(`run,point,seed,peakRung,finalRung\np0-s1,0,1,2,1\np0-s2,0,2,${bad},1\n`, 'csv', 'nan.csv')).toThrow(new RegExp(`nan\\.csv: 1 problem\\n {2}- line 3, column peakRung: expected a finite number or an empty cell, received '${bad}'`));
    }
    expect(() => readResults('run,a,welfare.US,series.maxRung\np0-s1,x,1,0 1\n"p0-s2",y,2,0 x\n', 'csv', 's.csv')).toThrow(/s\.csv: 1 problem\n {2}- line 3, column series\.maxRung: expected finite numbers separated by spaces, received '0 x'/);
    // Each number of a series is checked as a cell is: a doubled or stray space read as a 0, hex as a number.
    for (const bad of ['0  1', ' 0 1', '0 1 ', '0 0x10', '0 1_0']) {
      expect(() => readResults(`run,welfare.US,series.maxRung\np0-s1,1,${bad}\n`, 'csv', 's.csv')).toThrow(`s.csv: 1 problem\n  - line 2, column series.maxRung: expected finite numbers separated by spaces, received '${bad}'`);
    }
    expect(readResults('run,series.maxRung\np0-s1,-1 .5 2e-3 1E+2\n', 'csv').rows[0]?.['series.maxRung']).toEqual([-1, 0.5, 0.002, 100]);
    expect(() => readResults('{"run":"p0-s1","welfare.US":1}\n{"run":"p0-s2","welfare.US":"1"}\n', 'jsonl', 'r.jsonl')).toThrow(/r\.jsonl: 1 problem\n {2}- line 2, column welfare\.US: expected a finite number or an empty cell, received '"1"'/);
    // Empty cells, and any value of a parameter column, are fine.
    expect(readResults('run,a,peakRung,firstAgreementRound\np0-s1,NaN,2,\n', 'csv').rows[0]).toEqual({ run: 'p0-s1', a: 'NaN', peakRung: 2, firstAgreementRound: null });
  });

  it('refuses a torn file when reading results', () => {
    expect(() => readResults('run,seed\np0-s1,1\np0-s2,', 'csv', 'r.csv')).toThrow(/torn last line/);
    expect(() => readResults('{"run":"p0-s1"}\n{"run":', 'jsonl', 'r.jsonl')).toThrow(ConfigError);
  });

  it('reads a file that starts with a byte order mark (a spreadsheet\'s "CSV UTF-8")', () => {
    // '\uFEFFrun' was refused: "expected a header line starting with 'run'".
    expect(readResults('\uFEFFrun,peakRung\np0-s1,1\n', 'csv').columns).toEqual(['run', 'peakRung']);
    expect(readResults('\uFEFF{"run":"p0-s1","peakRung":1}\n', 'jsonl').rows).toEqual([{ run: 'p0-s1', peakRung: 1 }]);
  });

  it('refuses CSV that is not CSV: a quoted field that never ends, text after a closing quote', () => {
    // Read as a row whose last cell was 'p0\n…' (a file cut inside a quoted field), and as the
    // id 'p0-s1x'.
    expect(() => readResults('run,peakRung,label\np0-s1,1,"a\nb"\np0-s2,2,"cut\n', 'csv', 'r.csv')).toThrow(/r\.csv: 1 problem\n {2}- line 4: expected a quoted field that ends \(with a quote\) before the end of the text, received a quoted field that never ends/);
    expect(() => readResults('run,peakRung\n"p0-s1"x,1\n', 'csv', 'r.csv')).toThrow(/r\.csv: 1 problem\n {2}- line 2: expected a comma or a line break after the closing quote of a field, received 'x,1'/);
    // A record with too few fields is named by its line, also after a field over two lines.
    expect(() => readResults('run,peakRung,label\np0-s1,1,"a\nb"\np0-s2\n', 'csv', 'r.csv')).toThrow(/- line 4: expected 3 fields like the header, received 1/);
    // Quotes, commas and line breaks written by formatRow read back as they were.
    const row = { run: 'p0-s1', label: 'a,"b"\r\nc', peakRung: 0.1 + 0.2, 'series.maxRung': [5e-324, 1.7976931348623157e308], scenario: 'x@1' };
    const columns = Object.keys(row);
    expect(readResults(`${columns.join(',')}\n${formatRow(row, columns, 'csv')}`, 'csv').rows).toEqual([row]);
    expect(readResults(formatRow(row, columns, 'jsonl'), 'jsonl').rows).toEqual([row]);
  });
});

describe('tournament', () => {
  const t = tournament(duel, { strategies: ['hawk', 'passive', 'tit-for-tat'], roles: ['US', 'CN'], seeds: '1..3' });

  it('plays every assignment of strategies to roles, with replacement, for every seed', () => {
    expect(t.rows).toHaveLength(3 ** 2 * 3);
    const assignments = new Set(t.rows.map((r) => `${String(r['actors.US.strategy'])}/${String(r['actors.CN.strategy'])}`));
    expect(assignments.size).toBe(9);
    expect(assignments).toContain('hawk/hawk');
    // Each strategy plays each role in a third of the runs: 2 roles × 9 runs.
    expect(t.standings.map((s) => s.plays)).toEqual([18, 18, 18]);
  });

  it('ranks by mean welfare and by mean peak rung, computed from the rows', () => {
    const welfare = new Map<string, number[]>();
    const peak = new Map<string, number[]>();
    for (const r of t.rows) {
      for (const role of ['US', 'CN']) {
        const s = String(r[`actors.${role}.strategy`]);
        welfare.set(s, [...(welfare.get(s) ?? []), r[`welfare.${role}`] as number]);
        peak.set(s, [...(peak.get(s) ?? []), r[`actorPeakRung.${role}`] as number]);
      }
    }
    const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
    const byWelfare = [...welfare.keys()].sort((a, b) => mean(welfare.get(b)!) - mean(welfare.get(a)!));
    expect(t.standings.map((s) => s.strategy)).toEqual(byWelfare);
    expect(t.standings.map((s) => s.welfareRank)).toEqual([1, 2, 3]);
    for (const s of t.standings) {
      expect(s.meanWelfare).toBeCloseTo(mean(welfare.get(s.strategy)!), 12);
      expect(s.meanPeakRung).toBeCloseTo(mean(peak.get(s.strategy)!), 12);
    }
    const peaceOrder = [...t.standings].sort((a, b) => a.peaceRank - b.peaceRank);
    for (let k = 1; k < peaceOrder.length; k++) expect(peaceOrder[k]!.meanPeakRung).toBeGreaterThanOrEqual(peaceOrder[k - 1]!.meanPeakRung);
    // A hawk escalates: it is never the most peaceful of the three.
    expect(t.standings.find((s) => s.strategy === 'hawk')?.peaceRank).not.toBe(1);
    expect(rankStrategies(t.rows, t.roles)).toEqual(t.standings);
  });

  it('refuses a welfare or peak rung that is not a finite number instead of ranking a NaN mean', () => {
    const rows = t.rows.map((r, k) => (k === 4 ? { ...r, 'welfare.CN': NaN } : r));
    expect(() => rankStrategies(rows, t.roles)).toThrow(new RegExp(`tournament: 1 problem\\n {2}- row ${String(t.rows[4]?.run)}: expected finite numbers in welfare\\.CN and actorPeakRung\\.CN, received NaN and \\d`));
    expect(() => rankStrategies(t.rows.map((r) => ({ ...r, 'actorPeakRung.US': Infinity })), t.roles)).toThrow(/received -?\d+(\.\d+)? and Infinity/);
  });

  it('defaults the roles to the state actors and checks its arguments', () => {
    const small = tournament(duel, { strategies: ['dove'], seeds: [1] });
    expect(small.roles).toEqual(['CN', 'US']);
    expect(() => tournament(duel, { strategies: [], seeds: [1] })).toThrow(/strategies: expected at least one strategy name/);
    expect(() => tournament(duel, { strategies: ['hawk'], roles: ['XX'], seeds: [1] })).toThrow(/declared actor id/);
    // A role that is no actor is the roles' problem, not the grid's ('grid.actors.UK.strategy').
    expect(() => tournament(duel, { strategies: ['hawk'], roles: ['US', 'UK'], seeds: [1] })).toThrow(/^tournament: 1 problem\n {2}- roles: expected declared actor ids \(US, CN, APT\), received 'UK' \(did you mean 'US'\?\)$/);
  });
});
