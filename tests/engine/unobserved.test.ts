// A run that keeps no log and passes no onRound is unobserved: the engine then leaves its worlds
// unfrozen and freezes only what a view shares (round.ts, UNOBSERVED). What must hold: every
// view and request a strategy is handed is frozen all the way down, the run ends in the same world
// with the same metrics as an observed run, and the world it hands out is frozen.
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { beginRound, createRegistry, createWorld, defineStrategy, parseScenario, restore, simulate, snapshot } from '../../src/index.js';
import { UNOBSERVED } from '../../src/engine/round.js';
import { runRounds } from '../../src/engine/simulate.js';
import type { ActorView, Strategy, World, WorldSpec } from '../../src/index.js';
import { worldJson } from '../helpers/engine.js';

const dir = resolve(import.meta.dirname, '../../scenarios');
const scenarios = readdirSync(dir)
  .filter((f) => f.endsWith('.yaml'))
  .sort()
  .map((file) => ({ file, scenario: parseScenario(readFileSync(join(dir, file), 'utf8'), { source: file }) }));

/** Paths of every object or array under `value` that is not frozen (typed arrays and functions excepted). */
function unfrozen(value: unknown, path: string, seen: Set<object>): string[] {
  if (typeof value !== 'object' || value === null || ArrayBuffer.isView(value) || seen.has(value)) return [];
  seen.add(value);
  const out = Object.isFrozen(value) ? [] : [path];
  for (const [k, v] of Object.entries(value)) out.push(...unfrozen(v, `${path}.${k}`, seen));
  return out;
}

/** What a view shows, the parts behind its accessors included. */
function viewParts(view: ActorView): Record<string, unknown> {
  const parts: Record<string, unknown> = { view, events: view.events };
  for (const a of view.actors) {
    parts[`norms(${a.id})`] = view.norms(a.id);
    parts[`actor(${a.id})`] = view.actor(a.id);
  }
  return parts;
}

interface Audit {
  views: number;
  requests: number;
  /** How many incidents, agreements and requests the views showed (the check saw real content). */
  shown: { incidents: number; agreements: number; requests: number; sanctions: number };
  unfrozen: string[];
}

/** Each actor's strategy in `spec`, checking what it is handed before deciding as before. */
function audited(spec: WorldSpec, audit: Audit): Record<string, Strategy> {
  const registry = createRegistry();
  const inspect = (where: string, view: ActorView): void => {
    audit.views++;
    audit.shown.incidents += view.incidents.length;
    audit.shown.agreements += view.agreements.length;
    audit.shown.requests += view.requests.length;
    audit.shown.sanctions += view.sanctions.length;
    const seen = new Set<object>();
    for (const [k, v] of Object.entries(viewParts(view))) audit.unfrozen.push(...unfrozen(v, `${where} ${k}`, seen));
  };
  const out: Record<string, Strategy> = {};
  for (const actor of spec.actors) {
    const s = actor.strategy ?? 'passive';
    const inner: Strategy = typeof s === 'string' ? registry.get(s) : s;
    out[actor.id] = {
      name: inner.name,
      meta: inner.meta,
      operate: (view, rng) => {
        inspect(`round ${view.round} ${view.self} operate`, view);
        return inner.operate(view, rng);
      },
      diplomacy: (view, rng) => {
        inspect(`round ${view.round} ${view.self} diplomacy`, view);
        return inner.diplomacy(view, rng);
      },
      respond: (request, view, rng) => {
        audit.requests++;
        inspect(`round ${view.round} ${view.self} respond`, view);
        audit.unfrozen.push(...unfrozen(request, `round ${view.round} ${view.self} request`, new Set()));
        return inner.respond(request, view, rng);
      },
    };
  }
  return out;
}

const emptyAudit = (): Audit => ({ views: 0, requests: 0, shown: { incidents: 0, agreements: 0, requests: 0, sanctions: 0 }, unfrozen: [] });

describe('unobserved runs', () => {
  it.each(scenarios.map((s) => [s.file, s.scenario] as const))('%s: every view and request a strategy gets is deeply frozen', (_file, scenario) => {
    const audit = emptyAudit();
    for (const seed of [1, 2, 3]) {
      simulate(scenario.spec, { seed, rounds: scenario.rounds, log: false, strategies: audited(scenario.spec, audit) });
    }
    expect(audit.views).toBeGreaterThan(0);
    expect(audit.unfrozen.slice(0, 10)).toEqual([]);
  });

  it('the check sees incidents, agreements, requests and sanctions across the bundled scenarios', () => {
    // Without content the check above would pass for nothing.
    const audit = emptyAudit();
    for (const { scenario } of scenarios) simulate(scenario.spec, { seed: 1, rounds: scenario.rounds, log: false, strategies: audited(scenario.spec, audit) });
    expect(audit.requests).toBeGreaterThan(0);
    expect(audit.shown.incidents).toBeGreaterThan(0);
    expect(audit.shown.agreements).toBeGreaterThan(0);
    expect(audit.shown.requests).toBeGreaterThan(0);
    expect(audit.shown.sanctions).toBeGreaterThan(0);
  });

  it.each(scenarios.map((s) => [s.file, s.scenario] as const))('%s: ends in the same world with the same metrics as an observed run, frozen', (_file, scenario) => {
    for (const seed of [1, 7]) {
      const observed = simulate(scenario.spec, { seed, rounds: scenario.rounds });
      const bare = simulate(scenario.spec, { seed, rounds: scenario.rounds, log: false });
      expect(worldJson(bare.world)).toBe(worldJson(observed.world));
      expect(bare.metrics).toEqual(observed.metrics);
      expect(unfrozen(bare.world, '$', new Set())).toEqual([]);
    }
  });

  it('an unobserved round makes every event of an observed one but incident.investigated, in the same order', () => {
    for (const { scenario } of scenarios) {
      const observed: string[] = [];
      const unobserved: string[] = [];
      // As a sweep's row runs it: no log, an onRound that reads the events, and UNOBSERVED.
      simulate(scenario.spec, { seed: 3, rounds: scenario.rounds, log: false, onRound: (r) => observed.push(...r.events.map((e) => JSON.stringify(e))) });
      simulate(scenario.spec, { seed: 3, rounds: scenario.rounds, log: false, onRound: (r) => unobserved.push(...r.events.map((e) => JSON.stringify(e))), [UNOBSERVED]: true });
      const investigated = observed.filter((e) => e.startsWith('{"type":"incident.investigated"'));
      expect(investigated.length).toBeGreaterThan(0);
      expect(unobserved).toEqual(observed.filter((e) => !e.startsWith('{"type":"incident.investigated"')));
    }
  });

  it('a world an unobserved run handed out plays on observed, with the same results as one observed run', () => {
    const spec: WorldSpec = {
      actors: [
        { id: 'CN', strategy: 'hawk' },
        { id: 'RU', strategy: 'random' },
        { id: 'US', strategy: 'tit-for-tat' },
      ],
    };
    const whole = simulate(spec, { seed: 'split', rounds: 30 });
    const first = simulate(spec, { seed: 'split', rounds: 12, log: false });
    const strategies = { CN: 'hawk', RU: 'random', US: 'tit-for-tat' };
    const rest = simulate(first.world, { rounds: 18, strategies });
    expect(worldJson(rest.world)).toBe(worldJson(whole.world));
    expect(JSON.stringify(rest.log)).toBe(JSON.stringify(whole.log.filter((e) => e.round >= 12)));
    // From its snapshot, the streams come from the world's saved states, not from the run's hand-off.
    const resumed = simulate(restore(JSON.parse(JSON.stringify(snapshot(first.world)))), { rounds: 18, strategies });
    expect(worldJson(resumed.world)).toBe(worldJson(whole.world));
    expect(JSON.stringify(resumed.log)).toBe(JSON.stringify(rest.log));
  });

  it('a strategy that plays runs of its own while deciding leaves the run it is in unchanged', () => {
    // A look-ahead strategy runs simulations inside its decisions; their rounds take the engine's
    // hand-off slot while the outer round is under way. The outer run, observed or not, must
    // still continue from its own streams.
    const lookahead = defineStrategy({
      name: 'lookahead',
      meta: { stochastic: false, retaliatory: false, forgiving: true, attributionSensitive: false },
      operate(view) {
        const rivals = view.actors.filter((a) => a.id !== view.self).map((a) => a.id);
        const trial = simulate({ actors: [{ id: 'X', strategy: 'hawk' }, { id: 'Y', strategy: 'tit-for-tat' }] }, { seed: view.round, rounds: 3, log: false });
        const heated = trial.metrics.some((m) => m.operations > 2);
        return heated ? [] : rivals.slice(0, 1).map((target) => ({ type: 'operate' as const, target, kind: 'espionage' as const }));
      },
    });
    const spec: WorldSpec = { actors: [{ id: 'A', strategy: 'hawk' }, { id: 'B', strategy: 'random' }, { id: 'L' }] };
    const strategies = { A: 'hawk', B: 'random', L: lookahead };
    const observed = simulate(spec, { seed: 'look', rounds: 15, strategies });
    const bare = simulate(spec, { seed: 'look', rounds: 15, strategies, log: false });
    expect(observed.log.some((e) => e.type === 'operation.conducted' && e.operation.principal === 'L')).toBe(true);
    expect(worldJson(bare.world)).toBe(worldJson(observed.world));
    expect(bare.metrics).toEqual(observed.metrics);
  });

  it('a world whose random streams live in the run cannot be stepped outside it', () => {
    // A sweep's run is unobserved yet reads each round's events through onRound (internal): the
    // worlds it is handed there have no saved stream states, and must not be played from.
    const spec: WorldSpec = { actors: [{ id: 'A', strategy: 'hawk' }, { id: 'B', strategy: 'tit-for-tat' }] };
    const strategies = { A: createRegistry().get('hawk'), B: createRegistry().get('tit-for-tat') };
    const worlds: World[] = [];
    const run = runRounds(createWorld(spec, { seed: 3 }), strategies, { rounds: 4, log: false, onRound: (r) => worlds.push(r.world), [UNOBSERVED]: true });
    const observed = runRounds(createWorld(spec, { seed: 3 }), strategies, { rounds: 4 });
    expect(worldJson(run.world)).toBe(worldJson(observed.world));
    expect(unfrozen(run.world, '$', new Set())).toEqual([]);
    expect(() => beginRound(worlds[1] as World)).toThrow(/internal: a world of an unobserved round 2 was stepped outside its run/);
    // The last world, settled, plays on from its own saved states like the observed one.
    expect(worldJson(runRounds(run.world, strategies, { rounds: 2 }).world)).toBe(worldJson(runRounds(observed.world, strategies, { rounds: 2 }).world));
  });
});
