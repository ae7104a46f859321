/**
 * The engine's entry points that take a world (step, beginRound, runRounds, replay, snapshot,
 * roundMetrics, and simulate continuing one) check that it is one before reading it: a spec, a run,
 * a saved snapshot or undefined failed deep inside a round with a TypeError ("actors2 is not
 * iterable"), replay({}) returned undefined, and a snapshot played on unchecked. replay also checks
 * its log and options: `rounds` beyond the log played rounds in which nobody decided anything.
 */
import { runInNewContext } from 'node:vm';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { beginRound, createWorld, decideWithStrategies, dove, hawk, replay, restore, roundMetrics, runRounds, simulate, snapshot, step, submitDecisions } from '../../src/index.js';
import type { World } from '../../src/index.js';
import { configErrorOf, configIssuesOf as issuesOf } from '../helpers/issues.js';

const SPEC = { actors: [{ id: 'US', strategy: 'hawk' }, { id: 'CN', strategy: 'dove' }] };
const run = simulate(SPEC, { seed: 1, rounds: 3 });
const strategies = { US: hawk(), CN: dove() };
const EXPECTED = "a world (createWorld(spec, { seed }), restore(snapshot), or a run's world)";

/** Each entry point with a world in its first argument, and the path its issue names. */
const ENTRIES: readonly [string, string, (world: World) => unknown][] = [
  ['step', 'world', (w) => step(w, strategies)],
  ['beginRound', 'world', (w) => beginRound(w)],
  ['runRounds', 'world', (w) => runRounds(w, strategies, { rounds: 1 })],
  ['replay', 'initial', (w) => replay(w, run.log)],
  ['snapshot', 'world', (w) => snapshot(w)],
  ['roundMetrics', 'world', (w) => roundMetrics(w, [])],
  ['simulate', 'start', (w) => simulate(w, { rounds: 1 })],
];

/** What is mistaken for a world, and the hint each gets. */
const MISTAKES: readonly [string, unknown, string | undefined][] = [
  ['undefined', undefined, undefined],
  ['null', null, undefined],
  ['a number', 3, undefined],
  ['an empty object', {}, undefined],
  ['a spec', SPEC, 'a spec: createWorld(spec, { seed }) makes a world of it, or simulate(spec, { seed, rounds }) plays it'],
  ['a run', run, 'a run: pass run.world'],
  ['a snapshot', JSON.parse(JSON.stringify(snapshot(run.world))) as unknown, 'a snapshot: restore(snapshot) checks it and makes it a world'],
];

describe('a value that is not a world', () => {
  for (const [name, path, call] of ENTRIES) {
    // simulate takes a spec too: only what is mistaken for a world to continue is its concern here.
    const mistakes = name === 'simulate' ? MISTAKES.filter(([what]) => what === 'a run' || what === 'a snapshot') : MISTAKES;
    it.each(mistakes)(`${name}: %s is a ConfigError naming ${path}, with a hint for what it is`, (_what, value, hint) => {
      const e = configErrorOf(() => call(value as World));
      // simulate names no source: its issues are the spec's or the world's own.
      if (name !== 'simulate') expect(e.source).toBe(name);
      expect(e.issues.find((i) => i.path === path)).toEqual({ path, expected: EXPECTED, received: expect.any(String) as string, ...(hint !== undefined ? { hint } : {}) });
    });
  }

  it('a world whose typed tables come from another realm (a vm context) is a world; a spec with a version field is still a spec', () => {
    const copy = (t: Float64Array | Uint8Array) => runInNewContext(`${t.constructor.name}.from(values)`, { values: Array.from(t) }) as typeof t;
    const w = run.world;
    const d = w.dyads;
    const foreign = { ...w, welfare: copy(w.welfare), dyads: { ...d, trustR: copy(d.trustR), trustS: copy(d.trustS), tension: copy(d.tension), escalationTrue: copy(d.escalationTrue), escalationPerceived: copy(d.escalationPerceived), rung: copy(d.rung), peakRung: copy(d.peakRung) } } as World;
    expect(foreign.welfare instanceof Float64Array).toBe(false);
    expect(JSON.stringify(step(foreign, strategies).events)).toBe(JSON.stringify(step(w, strategies).events));
    // createWorld takes a spec with a stray version field; simulate did before the check too.
    expect(simulate({ version: 1, ...SPEC } as never, { seed: 1, rounds: 2 }).world.round).toBe(2);
  });

  it('a getter that throws is reported, not thrown through', () => {
    const hostile = new Proxy({}, { get: () => { throw new Error('no'); } });
    expect(issuesOf(() => step(hostile as World, strategies))).toEqual([{ path: 'world', expected: EXPECTED, received: 'an object that cannot be read' }]);
  });

  it('every world the engine hands out passes: created, continued, restored from JSON, in the middle of a round', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 1000 }), fc.integer({ min: 0, max: 4 }), (seed, rounds) => {
        const world = createWorld(SPEC, { seed });
        const played = runRounds(world, strategies, { rounds }).world;
        const restored = restore(JSON.parse(JSON.stringify(snapshot(played))));
        expect(step(restored, strategies).world.round).toBe(rounds + 1);
        expect(JSON.stringify(snapshot(restored))).toBe(JSON.stringify(snapshot(played)));
        const p = beginRound(played);
        if (!p.done) expect(submitDecisions(p, decideWithStrategies(p, strategies)).done).toBe(false);
      }),
      { numRuns: 20 },
    );
  });
});

describe('decideWithStrategies checks its pending round', () => {
  it.each([undefined, null, {}, { needs: 'all', round: 0 }])('%s is a ConfigError at pending', (pending) => {
    expect(issuesOf(() => decideWithStrategies(pending as never, strategies)).map((i) => i.path)).toEqual(['pending']);
  });

  it('a pending round with some needs left out (those a person answers) is still taken', () => {
    const p = beginRound(run.world);
    if (p.done) throw new Error('expected a pending round');
    const decisions = decideWithStrategies({ ...p, needs: p.needs.filter((n) => n.actor === 'US') }, strategies);
    expect(decisions.map((d) => d.actor)).toEqual(['US']);
  });
});

describe('replay checks its log and options', () => {
  it('a run given as the log is a ConfigError at log, with the hint to pass run.log', () => {
    expect(issuesOf(() => replay(run.initial, run as never))).toEqual([{ path: 'log', expected: "a run's event log (a list of events)", received: 'an object', hint: 'a run: pass run.log' }]);
  });

  it.each([null, 1, 'x', { type: 'round.ended' }, { type: 3, round: 0 }, { type: 'round.ended', round: -1 }, { type: 'round.ended', round: 0.5 }])('an entry %j is a ConfigError at its place in the log', (entry) => {
    const log = [...run.log.slice(0, 2), entry];
    expect(issuesOf(() => replay(run.initial, log as never)).map((i) => i.path)).toEqual(['log[2]']);
  });

  it('rounds must be a whole number the log holds: beyond it, nobody would decide anything', () => {
    for (const rounds of [-1, 1.5, '2', 4, 10]) {
      expect(issuesOf(() => replay(run.initial, run.log, { rounds } as never))).toEqual([
        { path: 'options.rounds', expected: 'a whole number of rounds from 0 to 3 (the rounds the log holds from round 0)', received: typeof rounds === 'string' ? `"${rounds}"` : String(rounds) },
      ]);
      expect(issuesOf(() => replay(run.initial, run.log, { rounds, verify: false } as never)).map((i) => i.path)).toEqual(['options.rounds']);
    }
    // Every number it holds still replays, each to the world the run had then.
    for (let rounds = 0; rounds <= 3; rounds++) expect(replay(run.initial, run.log, { rounds }).round).toBe(rounds);
    expect(JSON.stringify(snapshot(replay(run.initial, run.log)))).toBe(JSON.stringify(snapshot(run.world)));
  });

  it('options that are not an object, or a verify that is not true or false, are ConfigErrors', () => {
    expect(issuesOf(() => replay(run.initial, run.log, null as never)).map((i) => i.path)).toEqual(['options']);
    expect(issuesOf(() => replay(run.initial, run.log, { verify: 'no' } as never))).toEqual([{ path: 'options.verify', expected: 'true or false', received: '"no"' }]);
  });
});

describe('roundMetrics checks its events', () => {
  it('events that are not a list of events are a ConfigError', () => {
    expect(issuesOf(() => roundMetrics(run.world, null as never)).map((i) => i.path)).toEqual(['events']);
    expect(issuesOf(() => roundMetrics(run.world, [...run.log.slice(0, 1), null] as never)).map((i) => i.path)).toEqual(['events[1]']);
  });

  it('a round played by step gives, from its world and events, the metrics the round reported', () => {
    const result = step(run.world, strategies);
    expect(roundMetrics(result.world, result.events)).toEqual(result.metrics);
  });
});
