// runOne takes issue 7's flat path (src/engine/flat) for an unobserved run whose every actor plays a
// built-in in a world the flat path covers, and the general path otherwise; the rows are the same
// (tests/experiments/row-paths.test.ts, tests/engine/flat). This file states which shipped
// scenarios take which path, and holds runOne's cache of flat setups (one per spec parseScenario
// made) to giving the general path's rows: never a setup made for another spec, seed or registry.
import { readdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BUILTIN_STRATEGIES, ConfigError, defineStrategy, parseScenario, planSweep, runOne, simulate, StrategyRegistry, summarizeRun } from '../../src/index.js';
import type { PlanItem, Scenario, SweepRow } from '../../src/index.js';
import { flatGapOf } from '../../src/experiments/row.js';

const dir = resolve(import.meta.dirname, '../../scenarios');
const read = (file: string): Scenario => parseScenario(readFileSync(resolve(dir, file), 'utf8'), { source: file });

/** The general path's row: simulate with its whole log, summarised. */
function generalRow(scenario: Scenario, item: PlanItem, registry?: StrategyRegistry): SweepRow {
  const run = simulate(scenario.spec, { seed: item.seed, rounds: scenario.rounds, log: true, ...(registry ? { registry } : {}) });
  return summarizeRun(run, item, false, scenario.document);
}

const item = (seed: number): PlanItem => ({ run: `p0-s${seed}`, point: 0, seed, params: {} });

describe('which path runOne takes', () => {
  // The flat path's coverage as it stands: a scenario moves from the second list to the first as
  // the flat path learns what it lacks (docs/performance.md, issue 7).
  const FLAT = ['classroom-crisis.yaml', 'cyber-cold-war.yaml', 'false-flag-hotline.yaml', 'false-flag.yaml', 'gge-2015.yaml', 'us-china-2015.yaml', 'working-group-2013.yaml'];

  it('lists every shipped scenario', () => {
    const files = readdirSync(dir).filter((f) => f.endsWith('.yaml'));
    const gaps = Object.fromEntries(files.sort().map((f) => [f, flatGapOf(read(f))]));
    expect(Object.keys(gaps).filter((f) => gaps[f] === null)).toEqual(FLAT);
    for (const f of files) if (!FLAT.includes(f)) expect(gaps[f], f).toMatch(/not covered|not a built-in/);
  });

  it('takes the general path for a user strategy named like a built-in', () => {
    const scenario = read('us-china-2015.yaml');
    const impostor = defineStrategy({ name: 'deterrer', meta: { stochastic: false, retaliatory: false, forgiving: true, attributionSensitive: false } });
    const registry = new StrategyRegistry().register(impostor).register(BUILTIN_STRATEGIES.pragmatist).register(BUILTIN_STRATEGIES.contractor);
    const withImpostor = parseScenario({ ...scenario.document, actors: scenario.document.actors.map((a) => (a.id === 'US' ? { ...a, strategy: 'deterrer' } : a)) }, { registry });
    expect(flatGapOf(withImpostor, registry)).toMatch(/actor 'US' plays a strategy that is not a built-in's/);
  });
});

describe("runOne's flat setups, one per parsed spec", () => {
  it('give the general path’s rows run after run of one scenario (the setup made once, reused)', () => {
    const scenario = read('us-china-2015.yaml');
    const plan = planSweep(scenario, { seeds: [1] });
    for (const seed of [3, 1, 3, 8, 2]) expect(runOne(plan.document, item(seed), { scenario })).toStrictEqual(generalRow(scenario, item(seed)));
  });

  it('are not kept for a spec that can change: a hand-made scenario whose actor is edited between runs', () => {
    const parsed = read('false-flag.yaml');
    // The spec as a caller may build it: plain, unfrozen objects holding the same strategy objects.
    const spec = { ...parsed.spec, actors: parsed.spec.actors.map((a) => ({ ...a, capabilities: { ...a.capabilities } })) };
    const scenario: Scenario = { ...parsed, spec };
    const plan = planSweep(parsed, { seeds: [1] });
    const before = runOne(plan.document, item(5), { scenario });
    expect(before).toStrictEqual(generalRow(scenario, item(5)));
    const kl = spec.actors.find((a) => a.id === 'KL');
    (kl as { capabilities: { offense: number } }).capabilities.offense = 0;
    const after = runOne(plan.document, item(5), { scenario });
    expect(after).toStrictEqual(generalRow(scenario, item(5)));
    expect(after).not.toStrictEqual(before);
  });

  it('are not kept for an actor without a strategy of its own: another registry plays another passive', () => {
    const scenario = parseScenario({ name: 'defaults', rounds: 6, actors: [{ id: 'A', strategy: 'hawk' }, { id: 'B' }] });
    const plan = planSweep(scenario, { seeds: [1] });
    const first = runOne(plan.document, item(2), { scenario });
    expect(first).toStrictEqual(generalRow(scenario, item(2)));
    // B plays whatever the run's registry calls 'passive': here one that accuses at every file.
    const loud = defineStrategy({
      name: 'passive',
      meta: { stochastic: false, retaliatory: false, forgiving: true, attributionSensitive: false },
      diplomacy: (view) => view.incidents.filter((i) => i.round === view.round && i.suspect !== null).map((i) => ({ type: 'accuse' as const, target: i.suspect as string, incident: i.id, public: true })),
    });
    const registry = new StrategyRegistry().register(BUILTIN_STRATEGIES.hawk).register(loud);
    const other = runOne(plan.document, item(2), { scenario, registry });
    expect(other).toStrictEqual(generalRow(scenario, item(2), registry));
    expect(other.accusations).not.toBe(first.accusations);
  });

  it('still refuse a bad seed with createWorld’s error once the setup is made', () => {
    const scenario = read('us-china-2015.yaml');
    const plan = planSweep(scenario, { seeds: [1] });
    runOne(plan.document, item(1), { scenario });
    expect(() => runOne(plan.document, { ...item(1), seed: Number.NaN }, { scenario })).toThrow(ConfigError);
    expect(() => runOne(plan.document, { ...item(1), seed: Number.NaN }, { scenario })).toThrow(/seed/);
  });

  it('make parsed specs unchangeable: their actors and capabilities are frozen, the strategy objects not', () => {
    const scenario = read('us-china-2015.yaml');
    const actor = scenario.spec.actors[0];
    expect(Object.isFrozen(scenario.spec)).toBe(true);
    expect(Object.isFrozen(scenario.spec.actors)).toBe(true);
    expect(Object.isFrozen(actor)).toBe(true);
    expect(Object.isFrozen(actor?.capabilities)).toBe(true);
  });
});
