import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ConfigError, compareRunIds, createRegistry, csvHeader, defineStrategy, formatRow, sweepColumns, MAX_GRID_POINTS, MAX_RUNS, parseScenario, parseSeeds, parseSetting, parseShard, planSweep, readResults, runId, scenarioAt, shardItems, sweep, tournamentGrid } from '../../src/index.js';

const duel = parseScenario(readFileSync(resolve(import.meta.dirname, '../e2e/fixtures/duel.yaml'), 'utf8'), { source: 'duel.yaml' });

/** The message of what `f` throws. */
function thrown(f: () => unknown): string {
  try {
    f();
  } catch (e) {
    expect(e).toBeInstanceOf(ConfigError);
    return (e as Error).message;
  }
  throw new Error('expected an error');
}

describe('seeds', () => {
  it('reads ranges and lists', () => {
    expect(parseSeeds('1..5')).toEqual([1, 2, 3, 4, 5]);
    expect(parseSeeds('3,1, 10..12')).toEqual([3, 1, 10, 11, 12]);
    expect(parseSeeds('0')).toEqual([0]);
  });
  it('rejects bad seeds with what was expected', () => {
    expect(thrown(() => parseSeeds('1..x'))).toMatch(/seeds: expected whole numbers ≥ 0 and ranges like '1..1000'.*received '1..x'/);
    expect(thrown(() => parseSeeds('5..1'))).toMatch(/a range goes upwards/);
    expect(thrown(() => parseSeeds('1..3,2'))).toMatch(/each seed once, received 2 twice/);
    expect(thrown(() => parseSeeds('-1'))).toMatch(/received '-1'/);
    expect(thrown(() => parseSeeds('1..100000000'))).toMatch(/at most 10000000 seeds/);
  });

  it("planSweep reports a problem of its seeds as the seeds', not the grid's", () => {
    // Every message about the seeds starts 'seeds:' (it said 'grid:' for the runs' limit and for
    // seeds that are not plain data), whatever the grid.
    const grid = { 'mechanisms.detection.scale': [1, 2] };
    let deep: unknown = 1;
    for (let k = 0; k < 100; k++) deep = [deep];
    for (const seeds of ['1..x', '5..1', '1,1', '1..6000000', [1, 1], [-1], [[1]] as unknown as number[], deep as number[], []]) {
      expect(thrown(() => planSweep(duel, { seeds, grid }))).toMatch(/^seeds: 1 problem\n {2}- seeds/);
    }
    expect(thrown(() => planSweep(duel, { seeds: [[1]] as unknown as number[] }))).toMatch(/expected whole numbers ≥ 0, received \[1\]$/);
    expect(thrown(() => planSweep(duel, { seeds: ['1'] as unknown as number[] }))).toMatch(/expected whole numbers ≥ 0, received "1"$/);
    // A number where a list or a text belongs: an error naming the seeds, not a TypeError.
    expect(thrown(() => planSweep(duel, { seeds: 10 as unknown as number[] }))).toMatch(/^seeds: 1 problem\n {2}- seeds: expected a list of seeds or a text such as '1\.\.100', received 10$/);
  });

  it('a text of more seeds than the bound is refused before its parts are read', () => {
    // More than MAX_SEEDS parts: refused from the commas alone. The last part is not a seed: had
    // the parts been read first (as they were, a minute for 5·10^7 of them), it would be the error.
    const parts = `${'0,'.repeat(MAX_RUNS)}x`;
    expect(thrown(() => parseSeeds(parts))).toMatch(/^seeds: 1 problem\n {2}- seeds: expected at most 10000000 seeds, received '0,0,0,.*…/);
    expect(thrown(() => planSweep(duel, { seeds: parts }))).toMatch(/expected at most 10000000 seeds/);
  });

  it('a list of seeds longer than the bound is refused from its length, before it is walked', () => {
    // A list with holes: its length is its count, and no entry (nor hole) is looked at before the
    // size is checked. The proxy counts every look at an entry and fails the test past a few.
    let looks = 0;
    const look = (key: string | symbol) => {
      if (typeof key === 'string' && /^\d+$/.test(key) && ++looks > 100) throw new Error(`the list was walked (${looks} entries looked at)`);
    };
    const holes: number[] = [];
    holes[50_000_000 - 1] = 1;
    const watched = new Proxy(holes, {
      get: (t, k, r) => (look(k), Reflect.get(t, k, r)),
      has: (t, k) => (look(k), Reflect.has(t, k)),
      getOwnPropertyDescriptor: (t, k) => (look(k), Reflect.getOwnPropertyDescriptor(t, k)),
    });
    expect(thrown(() => planSweep(duel, { seeds: watched, grid: { 'mechanisms.detection.scale': [1, 2] } }))).toMatch(/^seeds: 1 problem\n {2}- seeds: expected at most 10,000,000 runs in one sweep \(grid points × seeds\), received 2 grid points × 50,000,000 seeds = 100,000,000 runs/);
    expect(looks).toBeLessThanOrEqual(100);
    // Within the bound, a list with holes is still refused for its hole, and a large range still plans.
    expect(thrown(() => planSweep(duel, { seeds: [1, , 3] as number[] }))).toMatch(/expected whole numbers ≥ 0, received undefined$/);
    expect(planSweep(duel, { seeds: '1..200000' }).items).toHaveLength(200_000);
  });

  it('a malformed seed list is reported as such before the plan size is counted from it (one grammar)', () => {
    // The size check counted '1..x' as one seed and the range after it in full, and reported a
    // plan over the limits instead of the part that is not a seed.
    expect(thrown(() => planSweep(duel, { seeds: '1..x,1..20000000' }))).toMatch(/received '1\.\.x'$/);
    expect(thrown(() => planSweep(duel, { seeds: '20000000..1,1..3' }))).toMatch(/a range goes upwards\), received '20000000\.\.1'$/);
    expect(thrown(() => planSweep(duel, { seeds: '1..99999999999999999999' }))).toMatch(/a range goes upwards\), received '1\.\.99999999999999999999'$/);
    // What the two read alike, they count alike: the size check and the list agree.
    fc.assert(
      fc.property(fc.array(fc.oneof(fc.nat(50).map(String), fc.tuple(fc.nat(50), fc.nat(5)).map(([a, k]) => `${a}..${a + k}`)), { minLength: 1, maxLength: 6 }), (parts) => {
        const text = parts.join(',');
        let seeds: number[] | undefined;
        try {
          seeds = parseSeeds(text);
        } catch {
          return; // a repeated seed
        }
        expect(planSweep(duel, { seeds: text }).items).toHaveLength(seeds.length);
      }),
    );
  });
});

describe('settings and grids', () => {
  it('reads path=values, numbers as numbers', () => {
    expect(parseSetting('mechanism.detection.scale=0.5,1,2')).toEqual(['mechanism.detection.scale', [0.5, 1, 2]]);
    expect(parseSetting('actors.CN.strategy=hawk,dove')).toEqual(['actors.CN.strategy', ['hawk', 'dove']]);
    expect(thrown(() => parseSetting('mechanism.detection.scale'))).toMatch(/expected 'path=value1,value2,…'/);
    expect(thrown(() => parseSetting('rounds=4,,5'))).toMatch(/received 'rounds=4,,5'/);
  });

  it('keeps strategy names as names, in a --set and in a results file, even when they look like numbers', () => {
    // A strategy may be named '007' or '1e5': they were read as 7 and 100000, names of no strategy
    // ("received '7' (did you mean '007'?)"), and a results file gave them back as numbers.
    expect(parseSetting('actors.CN.strategy=007,1e5,hawk')).toEqual(['actors.CN.strategy', ['007', '1e5', 'hawk']]);
    expect(parseSetting('actors.A.Z.strategy=42')).toEqual(['actors.A.Z.strategy', ['42']]);
    expect(parseSetting('actors.CN.strategy.retaliateAt=0.5,1e-1')).toEqual(['actors.CN.strategy.retaliateAt', [0.5, 0.1]]);
    const registry = createRegistry();
    const quiet = { meta: { stochastic: false, retaliatory: false, forgiving: true, attributionSensitive: false }, operate: () => [], diplomacy: () => [], respond: () => ({ type: 'ignore' as const }) };
    for (const name of ['007', '1e5']) registry.register(defineStrategy({ name, ...quiet }));
    const [path, values] = parseSetting('actors.CN.strategy=007,1e5');
    const plan = planSweep(duel, { seeds: [1], grid: { [path]: values }, registry });
    const rows = sweep(duel, { seeds: [1], grid: { [path]: values }, registry });
    const columns = sweepColumns(plan);
    const csv = readResults(csvHeader(columns) + rows.map((r) => formatRow(r, columns, 'csv')).join(''), 'csv');
    expect(csv.rows.map((r) => r['actors.CN.strategy'])).toEqual(['007', '1e5']);
    expect(csv.rows).toEqual(rows);
  });

  it('expands the Cartesian product, last path fastest, every seed per point, with stable ids', () => {
    const plan = planSweep(duel, { seeds: '1..2', grid: { 'mechanism.detection.scale': [0.5, 2], 'actors.CN.strategy': ['hawk', 'dove', 'passive'] } });
    expect(plan.axes.map((a) => a.path)).toEqual(['mechanisms.detection.scale', 'actors.CN.strategy']);
    expect(plan.items).toHaveLength(12);
    expect(plan.items.slice(0, 4)).toEqual([
      { run: 'p0-s1', point: 0, seed: 1, params: { 'mechanisms.detection.scale': 0.5, 'actors.CN.strategy': 'hawk' } },
      { run: 'p0-s2', point: 0, seed: 2, params: { 'mechanisms.detection.scale': 0.5, 'actors.CN.strategy': 'hawk' } },
      { run: 'p1-s1', point: 1, seed: 1, params: { 'mechanisms.detection.scale': 0.5, 'actors.CN.strategy': 'dove' } },
      { run: 'p1-s2', point: 1, seed: 2, params: { 'mechanisms.detection.scale': 0.5, 'actors.CN.strategy': 'dove' } },
    ]);
    expect(plan.items.at(-1)).toEqual({ run: 'p5-s2', point: 5, seed: 2, params: { 'mechanisms.detection.scale': 2, 'actors.CN.strategy': 'passive' } });
    expect(new Set(plan.items.map((i) => i.run)).size).toBe(12);
    // The same arguments give the same plan.
    expect(planSweep(duel, { seeds: [1, 2], grid: { 'mechanisms.detection.scale': [0.5, 2], 'actors.CN.strategy': ['hawk', 'dove', 'passive'] } })).toEqual(plan);
  });

  it('writes each value into the scenario it runs: coefficients, strategies, capabilities over a preset, rounds', () => {
    const s = scenarioAt(duel.document, { 'mechanisms.detection.scale': 2, 'actors.CN.strategy': 'dove', 'actors.CN.capabilities.stealth': 0.25, rounds: 6 });
    expect(s.rounds).toBe(6);
    expect(s.document.mechanisms?.detection?.scale).toBe(2);
    const cn = s.document.actors.find((a) => a.id === 'CN');
    expect(cn?.strategy).toBe('dove');
    expect(cn?.capabilities).toEqual({ preset: 'china', stealth: 0.25 });
    const spec = s.spec.actors.find((a) => a.id === 'CN');
    expect(spec?.capabilities?.stealth).toBe(0.25);
    // The other capabilities keep the preset's values.
    const base = duel.spec.actors.find((a) => a.id === 'CN');
    expect(spec?.capabilities?.offense).toBe(base?.capabilities?.offense);
    // The document it came from is untouched.
    expect(duel.document.actors.find((a) => a.id === 'CN')?.capabilities).toBe('china');
  });

  it('varies a strategy parameter: set on the strategy the point names, kept with the scenario\'s other parameters, checked by the strategy', () => {
    // APT plays random with rate 0.3 in the file; US plays tit-for-tat by name.
    const s = scenarioAt(duel.document, { 'actors.APT.strategy.rate': 0.6, 'actors.US.strategy.threshold': 0.5 });
    expect(s.document.actors.find((a) => a.id === 'APT')?.strategy).toEqual({ name: 'random', params: { rate: 0.6 } });
    expect(s.document.actors.find((a) => a.id === 'US')?.strategy).toEqual({ name: 'tit-for-tat', params: { threshold: 0.5 } });
    expect(s.spec.actors.find((a) => a.id === 'US')?.strategy).toMatchObject({ name: 'tit-for-tat', params: { threshold: 0.5 } });
    // With a strategy axis of the same actor, the name comes first whatever the order of the axes.
    const both = scenarioAt(duel.document, { 'actors.CN.strategy.accuseAt': 0.2, 'actors.CN.strategy': 'hawk' });
    expect(both.document.actors.find((a) => a.id === 'CN')?.strategy).toEqual({ name: 'hawk', params: { accuseAt: 0.2 } });
    const plan = planSweep(duel, { seeds: '1', grid: { 'actors.CN.strategy.accuseAt': [0.2, 0.4], 'actors.CN.strategy': ['hawk'] } });
    expect(plan.items.map((i) => i.params)).toEqual([
      { 'actors.CN.strategy.accuseAt': 0.2, 'actors.CN.strategy': 'hawk' },
      { 'actors.CN.strategy.accuseAt': 0.4, 'actors.CN.strategy': 'hawk' },
    ]);
    // The runs differ from the scenario's own only by the parameter.
    const [low, high] = sweep(duel, { seeds: '1', grid: { 'actors.US.strategy.threshold': [0, 1] } });
    const outcome = (row: Readonly<Record<string, unknown>> | undefined) => Object.entries(row ?? {}).filter(([k]) => !['run', 'point', 'actors.US.strategy.threshold'].includes(k));
    expect(outcome(low)).toHaveLength(outcome(high).length);
    expect(outcome(low)).not.toEqual(outcome(high));
    // A parameter the strategy does not take, or out of its range, is named with the point.
    expect(thrown(() => planSweep(duel, { seeds: '1', grid: { 'actors.CN.strategy.tensionWeight': [0.3] } }))).toMatch(
      /grid point \(actors\.CN\.strategy\.tensionWeight=0\.3\): actors\[1\]\.strategy\.params: .*'deterrer' has no parameter 'tensionWeight' \(it takes: retaliateAt, retaliationCost\)/,
    );
    expect(thrown(() => planSweep(duel, { seeds: '1', grid: { 'actors.US.strategy.threshold': [2] } }))).toMatch(/grid point \(actors\.US\.strategy\.threshold=2\): actors\[0\]\.strategy/);
    expect(thrown(() => planSweep(duel, { seeds: '1', grid: { 'actors.US.strategy.threshold': ['high'] } }))).toMatch(/grid\.actors\.US\.strategy\.threshold: expected finite numbers \(the strategy checks its own range\), received 'high'/);
    expect(thrown(() => planSweep(duel, { seeds: '1', grid: { 'actors.US.strategy.': [1] } }))).toMatch(/grid\.actors\.US\.strategy\.: expected actors\.US\.strategy\.<parameter>, a parameter name/);
    // A reserved key is refused as in a scenario file ('__proto__' was dropped on the way into the
    // document: two points labelled 0.1 and 0.9 ran the same strategy); Object.prototype's names
    // are no parameter of the strategy.
    for (const key of ['__proto__', 'constructor', 'prototype']) {
      expect(thrown(() => planSweep(duel, { seeds: '1', grid: { [`actors.CN.strategy.${key}`]: [0.1, 0.9] } }))).toMatch(new RegExp(`grid\\.actors\\.CN\\.strategy\\.${key}: expected actors\\.CN\\.strategy\\.<parameter>, an ordinary parameter name .*received the reserved key '${key}'`));
    }
    for (const key of ['toString', 'valueOf']) {
      expect(thrown(() => planSweep(duel, { seeds: '1', grid: { [`actors.CN.strategy.${key}`]: [0.1] } }))).toMatch(new RegExp(`'deterrer' has no parameter '${key}'`));
    }
    // Any name a strategy of one's own takes (the built-ins' are letters, a registry's need not be).
    expect(thrown(() => planSweep(duel, { seeds: '1', grid: { 'actors.US.strategy.max_ops': [1] } }))).toMatch(/grid point \(actors\.US\.strategy\.max_ops=1\): .*has no parameter 'max_ops'/);
  });

  it('names every bad path with a did-you-mean, and values the path does not take', () => {
    const message = thrown(() =>
      planSweep(duel, {
        seeds: '1',
        grid: { 'mechanism.detection.scal': [1], 'actors.CM.strategy': ['hawk'], 'actors.CN.strategy': ['hawkk'], 'actors.US.capabilities.stelth': [0.5], round: [3], 'mechanisms.detection': [1] },
      }),
    );
    expect(message).toMatch(/grid: 6 problems/);
    expect(message).toMatch(/grid\.mechanisms\.detection\.scal: .*received 'scal' \(did you mean 'mechanisms\.detection\.scale'\?\)/);
    expect(message).toMatch(/grid\.actors\.CM\.strategy: .*declared actor id \(US, CN, APT\).*\(did you mean 'actors\.CN\.strategy'\?\)/);
    expect(message).toMatch(/grid\.actors\.CN\.strategy: expected registered strategy names.*received 'hawkk' \(did you mean 'hawk'\?\)/);
    expect(message).toMatch(/stelth'.*did you mean 'actors\.US\.capabilities\.stealth'/);
    expect(message).toMatch(/grid\.round: .*\(did you mean 'rounds'\?\)/);
    expect(message).toMatch(/grid\.mechanisms\.detection: .*names a section; its coefficients: scale, severityBonus/);
    expect(thrown(() => planSweep(duel, { seeds: '1', grid: { 'actors.CN.capabilities.stealth': [0.5, 1.5] } }))).toMatch(/expected numbers from 0 to 1, received '1.5'/);
    expect(thrown(() => planSweep(duel, { seeds: '1', grid: { rounds: [0] } }))).toMatch(/grid\.rounds: expected whole numbers from 1/);
    expect(thrown(() => planSweep(duel, { seeds: '1', grid: { 'mechanisms.trust.decay': ['fast'] } }))).toMatch(/received 'fast'/);
  });

  it('reports a value the scenario itself rejects with the grid point that carries it', () => {
    // 4 rounds is a fine number of rounds, but duel.yaml has a summit scheduled in round 4.
    const message = thrown(() => planSweep(duel, { seeds: '1', grid: { rounds: [10, 4] } }));
    expect(message).toMatch(/grid: 1 problem\n.*grid point \(rounds=4\): injects\[1\]\.round: expected a round before the last \(0 to 3\), received 4/);
  });

  it('refuses a coefficient outside its domain before any run, with the grid point', () => {
    const message = thrown(() => planSweep(duel, { seeds: '1', grid: { 'mechanisms.trust.decay': [0.5, 1.2] } }));
    expect(message).toMatch(/grid: 1 problem\n.*grid point \(mechanisms\.trust\.decay=1\.2\): mechanisms\.trust\.decay: expected a number from 0 to 1, received 1\.2/);
  });
});

describe('over-long paths and values', () => {
  // A path or value is quoted up to 120 characters, then '… (N characters)': a 30,000-segment
  // --set path was quoted whole in the issue's path and again as received, a 120 KB message.
  const huge = 'a.'.repeat(30_000);
  const x = 'x'.repeat(60_000);
  const clipped = (text: string) => `${text.slice(0, 120)}… (${text.length} characters)`;
  const short = (message: string) => {
    expect(message.length).toBeLessThan(1024);
    return message;
  };

  it('quote at most 120 characters of a path, in the issue path and as received, and still name the problem', () => {
    const message = short(thrown(() => planSweep(duel, { seeds: '1', grid: { [huge]: [1] } })));
    expect(message).toContain(`- grid.${clipped(huge)}: expected a parameter path: mechanisms.<section>.<coefficient>`);
    expect(message).toContain(`received '${clipped(huge)}'`);
    const cases: [string, RegExp][] = [
      [`mechanisms.${huge}`, /expected a mechanism coefficient: mechanisms\.<[a-zA-Z|]+>, received 'a'/],
      [`mechanisms.detection.scale.${huge}`, /expected a path to one mechanism coefficient, received 'mechanisms\.detection\.scale\.a\.a\.[a.]+… \(60027 characters\)' goes below a number/],
      [`mechanisms.detection.${x}`, /expected a mechanism coefficient: mechanisms\.detection\.<scale\|severityBonus>, received 'x{120}… \(60000 characters\)'/],
      [`actors.${x}.strategy`, /expected actors\.<ID>\.… with a declared actor id \(US, CN, APT\), received 'x{120}… \(60000 characters\)'/],
      [`actors.US.${x}`, /expected actors\.US\.<strategy\|capabilities\|reactivity\|fatigue>, received 'x{120}… \(60000 characters\)'/],
      [`actors.US.capabilities.${x}`, /expected actors\.US\.capabilities\.<[a-z|]+>, received 'x{120}… \(60000 characters\)'/],
      [`actors.US.stratgy.${huge}`, /received 'stratgy' \(did you mean 'actors\.US\.strategy\.a\.[a.]+… \(60019 characters\)'\?\)/],
      [`actors.US.reactivity.${huge}`, /received 'actors\.US\.reactivity\.a\.[a.]+… \(60021 characters\)'/],
    ];
    for (const [path, problem] of cases) expect(short(thrown(() => planSweep(duel, { seeds: '1', grid: { [path]: [1] } })))).toMatch(problem);
    // A hint that repeats the rest of the path is clipped too.
    expect(short(thrown(() => planSweep(duel, { seeds: '1', grid: { [`actors.CM.strategy.${x}`]: [1] } })))).toMatch(/\(did you mean 'actors\.CN\.strategy\.x+… \(60019 characters\)'\?\)/);
  });

  it('quote at most 120 characters of a value, a --set argument or a shard', () => {
    expect(short(thrown(() => planSweep(duel, { seeds: '1', grid: { 'actors.CN.strategy': [x] } })))).toMatch(/expected registered strategy names \(.*\), received 'x{120}… \(60000 characters\)'/);
    expect(short(thrown(() => planSweep(duel, { seeds: '1', grid: { 'actors.CN.capabilities.stealth': [0.5, x] } })))).toMatch(/expected numbers from 0 to 1, received 'x{120}… \(60000 characters\)'/);
    expect(short(thrown(() => planSweep(duel, { seeds: '1', grid: { 'actors.CN.strategy': [x, x] } })))).toMatch(/expected each value once, received x{120}… \(60000 characters\) twice/);
    expect(short(thrown(() => planSweep(duel, { seeds: '1', grid: { 'actors.CN.strategy.tolerance': [x] } })))).toMatch(/expected finite numbers \(the strategy checks its own range\), received 'x{120}… \(60000 characters\)'/);
    expect(short(thrown(() => planSweep(duel, { seeds: '1', grid: { rounds: x as unknown as number[] } })))).toMatch(/expected a list of at least one value, received "x{119}… \(60002 characters\)/);
    expect(short(thrown(() => planSweep(duel, { seeds: { x } as unknown as string })))).toMatch(/seeds: expected a list of seeds or a text such as '1\.\.100', received \{"x":"x{114}… \(60008 characters\)/);
    expect(short(thrown(() => parseSetting(huge)))).toContain(`expected 'path=value1,value2,…' (e.g. mechanism.detection.scale=0.5,1,2), received '${clipped(huge)}'`);
    expect(short(thrown(() => parseShard(x)))).toContain(`received '${clipped(x)}'`);
  });

  it('quote a path of up to 120 characters whole, and never cut a character in two', () => {
    const longest = 'z'.repeat(120);
    expect(thrown(() => planSweep(duel, { seeds: '1', grid: { [longest]: [1] } }))).toContain(`- grid.${longest}: expected`);
    const emoji = `${'z'.repeat(119)}${'😀'.repeat(10)}`;
    expect(thrown(() => planSweep(duel, { seeds: '1', grid: { [emoji]: [1] } }))).toContain(`- grid.${'z'.repeat(119)}… (129 characters): expected`);
  });
});

describe('numbers, dotted actor ids and plan size', () => {
  it('reads --set numbers with the syntax of a results file: exponents with a sign', () => {
    expect(parseSetting('mechanism.tension.limit=1e+5,1E5,2.5e-1,-3,.5')).toEqual(['mechanism.tension.limit', [1e5, 1e5, 0.25, -3, 0.5]]);
    // Each of them reads back from a results cell as the same number.
    for (const v of ['1e+5', '1E5', '2.5e-1', '-3', '.5']) expect(readResults(`run,x\np0-s1,${v}\n`, 'csv').rows[0]?.x).toBe(Number(v));
    expect(planSweep(duel, { seeds: '1', grid: { 'mechanisms.tension.limit': parseSetting('mechanism.tension.limit=1e+5')[1] } }).items[0]?.params).toEqual({ 'mechanisms.tension.limit': 100000 });
  });

  const dotted = parseScenario(
    `
name: dotted
rounds: 3
actors:
  - { id: A, capabilities: us, strategy: tit-for-tat }
  - { id: A.Z, capabilities: china, strategy: deterrer }
  - { id: B.1, capabilities: russia, strategy: passive }
`,
    { source: 'dotted.yaml' },
  );

  it('sweeps actors whose ids hold dots, telling A from A.Z', () => {
    const plan = planSweep(dotted, { seeds: '1', grid: { 'actors.A.Z.strategy': ['hawk', 'dove'], 'actors.A.strategy': ['passive'], 'actors.B.1.capabilities.stealth': [0.25] } });
    expect(plan.items).toHaveLength(2);
    const s = scenarioAt(dotted.document, plan.items[1]!.params);
    expect(s.document.actors.map((a) => [a.id, a.strategy])).toEqual([
      ['A', 'passive'],
      ['A.Z', 'dove'],
      ['B.1', 'passive'],
    ]);
    expect(s.document.actors.find((a) => a.id === 'B.1')?.capabilities).toEqual({ preset: 'russia', stealth: 0.25 });
    const rows = sweep(dotted, { seeds: '1', grid: { 'actors.A.Z.strategy': ['hawk', 'dove'] } });
    expect(rows.map((r) => r['actors.A.Z.strategy'])).toEqual(['hawk', 'dove']);
    // A tournament over every state: A, A.Z and B.1.
    const { roles, grid } = tournamentGrid(dotted, { strategies: ['hawk', 'dove'] });
    expect(roles).toEqual(['A', 'A.Z', 'B.1']);
    expect(planSweep(dotted, { seeds: '1..2', grid }).items).toHaveLength(16);
  });

  it('names a misspelt dotted id or field with the whole path meant', () => {
    const message = thrown(() => planSweep(dotted, { seeds: '1', grid: { 'actors.A.Y.strategy': ['hawk'], 'actors.A.Z.stratgy': ['hawk'], 'actors.B.1.capabilities.stelth': [0.5] } }));
    expect(message).toMatch(/grid: 3 problems/);
    expect(message).toMatch(/grid\.actors\.A\.Y\.strategy: expected actors\.<ID>\.… with a declared actor id \(A, A\.Z, B\.1\), received 'A\.Y' \(did you mean 'actors\.A\.Z\.strategy'\?\)/);
    expect(message).toMatch(/grid\.actors\.A\.Z\.stratgy: expected actors\.A\.Z\.<strategy.*received 'stratgy' \(did you mean 'actors\.A\.Z\.strategy'\?\)/);
    expect(message).toMatch(/grid\.actors\.B\.1\.capabilities\.stelth: .*received 'stelth' \(did you mean 'actors\.B\.1\.capabilities\.stealth'\?\)/);
    // The QA case: the path meant A.Z, written with one Z too many.
    expect(thrown(() => planSweep(dotted, { seeds: '1', grid: { 'actors.A.Z.Z.strategy': ['hawk'] } }))).toMatch(/received 'A\.Z\.Z' \(did you mean 'actors\.A\.Z\.strategy'\?\)/);
    expect(thrown(() => planSweep(dotted, { seeds: '1', grid: { 'actors.A.Z.fatigue.x': [1] } }))).toMatch(/expected actors\.A\.Z\.strategy, actors\.A\.Z\.strategy\.<parameter>, actors\.A\.Z\.capabilities\.<key>.*received 'actors\.A\.Z\.fatigue\.x'/);
    expect(thrown(() => planSweep(dotted, { seeds: '1', grid: { 'actors.C.Z.strategy': ['hawk'] } }))).toMatch(/declared actor id \(A, A\.Z, B\.1\), received 'C\.Z' \(did you mean 'actors\.A\.Z\.strategy'\?\)/);
    expect(thrown(() => scenarioAt(dotted.document, { 'actors.Q.strategy': 'hawk' }))).toMatch(/declared actor id \(A, A\.Z, B\.1\)/);
  });

  it('refuses a plan over the limits from its size alone, before building it', () => {
    expect(MAX_GRID_POINTS).toBe(100_000);
    expect(MAX_RUNS).toBe(10_000_000);
    // Every built-in strategy, as in the report of \`detente tournament cyber-cold-war\` with all 14.
    const strategies = ['cautious', 'contractor', 'de-escalator', 'deterrer', 'dove', 'generous-tit-for-tat', 'grim-trigger', 'hawk', 'norm-entrepreneur', 'passive', 'pragmatist', 'random', 'spoiler', 'tit-for-tat'];
    const six = parseScenario(`name: six\nrounds: 2\nactors:\n${['A', 'B', 'C', 'D', 'E', 'F'].map((id) => `  - { id: ${id}, capabilities: us, strategy: passive }`).join('\n')}\n`);
    const { grid } = tournamentGrid(six, { strategies });
    expect(thrown(() => planSweep(six, { seeds: '1', grid }))).toMatch(/grid: 1 problem\n {2}- grid: expected at most 100,000 grid points \(the product of the numbers of values\), received 7,529,536 \(14 × 14 × 14 × 14 × 14 × 14\) \(fewer values per parameter, or a tournament with fewer strategies or --roles\)/);
    const eight = [1, 2, 3, 4, 5, 6, 7, 8];
    expect(thrown(() => planSweep(duel, { seeds: '1..10000000', grid: { 'mechanisms.detection.scale': eight } }))).toMatch(
      /- seeds: expected at most 10,000,000 runs in one sweep \(grid points × seeds\), received 8 grid points × 10,000,000 seeds = 80,000,000 runs \(split the seeds over several sweeps/,
    );
    expect(thrown(() => planSweep(duel, { seeds: '1..5000000,6000000..11000000' }))).toMatch(/received 1 grid point × 10,000,001 seeds = 10,000,001 runs/);
    // At the limits, a plan is made (here the seeds' limit with two points stays under the runs' limit).
    expect(planSweep(duel, { seeds: '1..5', grid: { 'mechanisms.detection.scale': [1, 2] } }).items).toHaveLength(10);
  });
});

describe('shards', () => {
  it('partition the run list exactly: disjoint, their union is the whole, the same every time', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 300 }), fc.integer({ min: 1, max: 20 }), (size, count) => {
        const items = Array.from({ length: size }, (_, k) => k);
        const shards = Array.from({ length: count }, (_, i) => shardItems(items, i, count));
        const union = shards.flat().sort((a, b) => a - b);
        expect(union).toEqual(items);
        expect(new Set(shards.flat()).size).toBe(size);
        // Balanced: sizes differ by at most one.
        const sizes = shards.map((s) => s.length);
        expect(Math.max(...sizes) - Math.min(...sizes)).toBeLessThanOrEqual(1);
        expect(Array.from({ length: count }, (_, i) => shardItems(items, i, count))).toEqual(shards);
      }),
    );
  });
  it('of a real plan cover every run id once', () => {
    const plan = planSweep(duel, { seeds: '1..7', grid: { 'actors.CN.strategy': ['hawk', 'dove'] } });
    const ids = [0, 1, 2].flatMap((i) => shardItems(plan.items, i, 3).map((x) => x.run));
    expect(ids.sort(compareRunIds)).toEqual(plan.items.map((x) => x.run));
  });
  it('are numbered from 0: i/n with 0 ≤ i < n', () => {
    expect(parseShard('0/3')).toEqual({ index: 0, count: 3 });
    expect(parseShard('2/3')).toEqual({ index: 2, count: 3 });
    expect(thrown(() => parseShard('3/3'))).toMatch(/0 ≤ i < n \(shards are numbered from 0\), received '3\/3'/);
    expect(thrown(() => parseShard('1/0'))).toMatch(/received '1\/0'/);
    expect(thrown(() => parseShard('a/b'))).toMatch(/received 'a\/b'/);
  });
});

describe('run ids', () => {
  it('sort by point, then seed, numerically', () => {
    expect(['p1-s2', 'p0-s10', 'p0-s9', 'p10-s1', 'p2-s1'].sort(compareRunIds)).toEqual(['p0-s9', 'p0-s10', 'p1-s2', 'p2-s1', 'p10-s1']);
    expect(runId(3, 42)).toBe('p3-s42');
  });
});
