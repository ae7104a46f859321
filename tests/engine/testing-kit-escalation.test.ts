// Escalation claims over generated scenarios: a claim that returns false has a counterexample; a
// claim (or a scenario) that throws has none, and must be reported as the throw it is. And the
// scenario arbitrary refuses strategy names no scenario could use.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ConfigError, parseScenario, ScenarioError } from '../../src/index.js';
import type { Run, Scenario, ScenarioDocument } from '../../src/index.js';
import { arbScenario, assertEscalationClaim, checkEscalationClaim, EscalationClaimError, escalationProperty, peakRung } from '../../src/testing/index.js';

/** What `work` throws (fails the test if it returns). */
function thrown(work: () => unknown): unknown {
  try {
    work();
  } catch (e) {
    return e;
  }
  throw new Error('expected a throw');
}

describe('arbScenario strategy names', () => {
  it('refuses an unknown name when the arbitrary is made, with a did-you-mean', () => {
    const e = thrown(() => arbScenario({ strategies: ['hawkk', 'dove'] }));
    expect(e).toBeInstanceOf(ConfigError);
    expect((e as ConfigError).issues).toEqual([expect.objectContaining({ path: 'strategies[0]', received: "'hawkk'", hint: "did you mean 'hawk'?" })]);
    expect((e as ConfigError).message).toMatch(/^arbScenario: 1 problem/);
  });

  it('so an always-true claim is never "broken" by a misspelt strategy', () => {
    expect(() => checkEscalationClaim(arbScenario({ strategies: ['hawkk'] }), () => true, { numRuns: 5, seed: 1 })).toThrow(ConfigError);
    expect(checkEscalationClaim(arbScenario({ strategies: ['hawk'] }), () => true, { numRuns: 5, seed: 1 })).toBeNull();
  });
});

describe('a claim that throws is not a broken claim', () => {
  const boom = () => {
    throw new Error('boom');
  };

  it('checkEscalationClaim throws an EscalationClaimError with the message and the scenario it threw on', () => {
    const e = thrown(() => checkEscalationClaim(arbScenario({ strategies: ['hawk'] }), boom, { numRuns: 5, seed: 1 }));
    expect(e).toBeInstanceOf(EscalationClaimError);
    const err = e as EscalationClaimError;
    expect(err.stage).toBe('claim');
    expect((err.cause as Error).message).toBe('boom');
    expect(err.message).toMatch(/^the claim threw on a generated scenario \(it neither held nor broke\) after 1 run and \d+ shrinks: Error: boom/);
    expect(err.message).not.toMatch(/breaks the claim/);
    expect(err.search?.replay.seed).toBe(1);
    expect(err.scenario.seed).toBe(err.seed);
    // The scenario it threw on is a scenario file that parses, with the failing seed.
    expect(err.yaml).toMatch(/^# The scenario the claim threw on \(fast-check seed 1, path [\d:]+\)\.\n/);
    expect(parseScenario(err.yaml).seed).toBe(err.seed);
    expect(err.message).toContain(err.yaml);
  });

  // Making the error converted what was thrown with String(), which itself throws for an object
  // without a prototype (or whose toString throws): that TypeError was not an EscalationClaimError,
  // so the search took the throw for a false and returned a "counterexample".
  it.each([
    ['an object without a prototype', Object.create(null) as unknown, /: \[object Object\]$/],
    ['an object whose toString throws', { toString: () => { throw new Error('no'); } }, /: \[object Object\]$/],
    ['an Error whose message getter throws', Object.defineProperty(new Error(), 'message', { get: () => { throw new Error('no'); } }), /: \[object Error\]$/],
  ])('a claim that throws %s is still a claim that threw, not a counterexample', (_what, value, line) => {
    const e = thrown(() => checkEscalationClaim(arbScenario({ maxRounds: 4 }), () => { throw value; }, { numRuns: 2, seed: 1 })) as EscalationClaimError;
    expect(e).toBeInstanceOf(EscalationClaimError);
    expect(e.stage).toBe('claim');
    expect(e.message.split('\n')[0]).toMatch(line);
  });

  it('a claim that throws on some scenarios only is reported on one it threw on', () => {
    const e = thrown(() => checkEscalationClaim(arbScenario({ strategies: ['dove'], maxRounds: 16 }), (run) => run.metrics[run.metrics.length]!.peakRung < 7, { numRuns: 20, seed: 5 }));
    expect(e).toBeInstanceOf(EscalationClaimError);
    expect((e as EscalationClaimError).cause).toBeInstanceOf(TypeError);
  });

  it('assertEscalationClaim says the claim threw, not that it was broken', () => {
    const e = thrown(() => assertEscalationClaim(arbScenario({ strategies: ['hawk'] }), boom, { numRuns: 5, seed: 1 }));
    expect(e).toBeInstanceOf(EscalationClaimError);
    expect((e as Error).message).not.toMatch(/escalation claim broken/);
    expect((e as Error).message).toMatch(/the claim threw/);
  });

  it('a scenario that does not parse (from a hand-made arbitrary) is reported as such, with the parse error', () => {
    const bad = fc.constant<ScenarioDocument>({ name: 'x', rounds: 2, actors: [{ id: 'A', strategy: 'hawkk' }, { id: 'B' }] });
    const e = thrown(() => checkEscalationClaim(bad, () => true, { numRuns: 3, seed: 1 })) as EscalationClaimError;
    expect(e).toBeInstanceOf(EscalationClaimError);
    expect(e.stage).toBe('scenario');
    expect(e.cause).toBeInstanceOf(ScenarioError);
    expect(e.message).toMatch(/^a generated scenario does not parse .*ScenarioError/);
    expect(e.message).toMatch(/did you mean 'hawk'\?/);
  });

  // The file of a scenario that does not parse was written as YAML, else as JSON — and a document
  // that holds itself is neither: the JSON fallback threw "Converting circular structure to JSON"
  // out of checkEscalationClaim instead of the EscalationClaimError.
  it('a scenario that does not parse and cannot be written at all is still reported as such', () => {
    const circular: Record<string, unknown> = { name: 'x', rounds: 2, actors: [{ id: 'A' }, { id: 'B' }] };
    circular.self = circular;
    const e = thrown(() => checkEscalationClaim(fc.constant(circular as unknown as ScenarioDocument), () => true, { numRuns: 1, seed: 1 })) as EscalationClaimError;
    expect(e).toBeInstanceOf(EscalationClaimError);
    expect(e.stage).toBe('scenario');
    expect(e.yaml).toMatch(/^# The scenario that does not parse \(fast-check seed 1, path 0(:0)*\)\.\n# \(not writable as YAML or JSON: .*\)\n$/);
  });

  // The simulation seed took the place of the document's own `seed`: when that seed was what did
  // not parse, the "scenario that does not parse" shown parsed.
  it('a scenario whose own seed does not parse is shown with that seed', () => {
    const bad = fc.constant({ name: 'x', rounds: 2, actors: [{ id: 'A' }, { id: 'B' }], seed: '' } as unknown as ScenarioDocument);
    const e = thrown(() => checkEscalationClaim(bad, () => true, { numRuns: 1, seed: 1 })) as EscalationClaimError;
    expect(e.stage).toBe('scenario');
    expect(e.message).toMatch(/- seed: expected/);
    expect(e.scenario.seed).toBe('');
    expect(() => parseScenario(e.yaml)).toThrow(ScenarioError);
  });

  it('escalationProperty under fc.assert fails with the EscalationClaimError, naming the stage', () => {
    const e = thrown(() => fc.assert(escalationProperty(arbScenario({ strategies: ['hawk'] }), boom), { numRuns: 3, seed: 1 })) as Error;
    const cause = e.cause as EscalationClaimError;
    expect(cause).toBeInstanceOf(EscalationClaimError);
    expect(cause.message).toMatch(/^the claim threw on a generated scenario \(it neither held nor broke\) \(seed \d+\): Error: boom$/);
  });

  // fast-check gives up when fc.pre rejects too many scenarios: not one was checked. That was
  // reported as "the escalation property failed without a counterexample" — as if it were broken.
  it('a claim whose fc.pre rejects (nearly) every scenario says so: too many skipped, none checked', () => {
    const e = thrown(() => checkEscalationClaim(arbScenario({ strategies: ['dove'] }), (run) => (fc.pre(run.metrics.length > 100), true), { numRuns: 5, seed: 3 })) as Error;
    expect(e.message).toMatch(/^the claim was checked on 0 scenarios: fc\.pre in the claim skipped 50\d of them \(fast-check gives up past maxSkipsPerRun × numRuns\)/);
    expect(e.message).toContain('Failed to run property, too many pre-condition failures encountered');
  });

  it('fc.pre inside a claim still skips scenarios instead of failing', () => {
    expect(checkEscalationClaim(arbScenario({ strategies: ['dove'] }), (run) => (fc.pre(run.metrics.length > 8), true), { numRuns: 20, seed: 3 })).toBeNull();
  });
});

describe('a claim that returns false still has its counterexample', () => {
  it('the worked example of docs/properties.md: seed 2026, 26 shrinks, two hawks and a proxy', () => {
    const cx = checkEscalationClaim(arbScenario({ strategies: ['hawk', 'tit-for-tat'] }), (run) => peakRung(run) <= 'L2', { numRuns: 200, seed: 2026 });
    expect(cx?.numRuns).toBe(1);
    expect(cx?.numShrinks).toBe(26);
    expect(cx?.replay).toEqual({ seed: 2026, path: '0:2:2:2:2:4:4:4:4:3:0:0:0:0:0:0:0:0:0:0:1:2:1:2:2:2:2' });
    expect(cx?.scenario.actors.map((a) => [a.strategy, a.capabilities])).toEqual([
      ['hawk', { espionage: 0, offense: 0, defense: 0, attribution: 0, stealth: 0 }],
      ['hawk', { espionage: 0, offense: 0, defense: 0, attribution: 0.5, stealth: 0 }],
      ['passive', { espionage: 0.25, offense: 0.25, defense: 0.25, attribution: 0, stealth: 0 }],
    ]);
    expect(cx?.seed).toBe(14);
    expect(cx?.yaml).toMatch(/^# Smallest scenario found that breaks the claim/);
    // S1 pins a false alarm on P, its only plausible suspect, and sanctions it in round 1.
    expect(cx?.round).toBe(1);
    expect(cx?.yaml).toContain('\n# It is broken after round 1 (rounds count from 0; the run has 4).\n');
  });

  it('assertEscalationClaim throws with the counterexample file, counting runs and shrinks in words', () => {
    const e = thrown(() => assertEscalationClaim(arbScenario({ strategies: ['hawk', 'tit-for-tat'] }), (run) => peakRung(run) <= 'L2', { numRuns: 200, seed: 2026 })) as Error;
    expect(e.message).toMatch(/^escalation claim broken after 1 run and 26 shrinks; smallest counterexample:\n\n# Smallest scenario found/);
  });

  it('says after which round the run breaks the claim: the first stop of the same run that already breaks it', () => {
    const arb = arbScenario({ strategies: ['dove'], minRounds: 5, maxRounds: 5 });
    // Broken once a third round is played (round 2), whatever happens in it.
    expect(checkEscalationClaim(arb, (run) => run.metrics.length < 3, { numRuns: 5, seed: 1 })?.round).toBe(2);
    // Broken only by the whole run: the last round.
    const whole = checkEscalationClaim(arb, (run, scenario) => run.metrics.length < scenario.rounds, { numRuns: 5, seed: 1 });
    expect(whole?.round).toBe(4);
    expect(whole?.yaml).toContain('# It is broken after round 4 (rounds count from 0; the run has 5).');
  });

  // A claim that needs a few rounds to speak (fc.pre) says nothing of a shorter stop: the search
  // for the round gave up at the first such stop and named the last round (5) instead of 3.
  it('a claim whose fc.pre skips the shortest stops is still found broken at the first stop that breaks it', () => {
    const arb = arbScenario({ strategies: ['dove'], minRounds: 6, maxRounds: 6 });
    const cx = checkEscalationClaim(arb, (run) => (fc.pre(run.metrics.length >= 2), run.metrics.length < 4), { numRuns: 5, seed: 1 });
    expect(cx?.round).toBe(3);
  });

  // Past 200 rounds no shorter stop is tried, so `round` is the last one; the file said as a fact
  // "It is broken after round 249" of a run that broke the claim after round 2.
  it('a run too long to search for its round says so in the file, instead of naming the last round as the first', () => {
    const arb = arbScenario({ strategies: ['dove'], minRounds: 250, maxRounds: 250, proxies: false, injects: false, hotlines: false });
    const cx = checkEscalationClaim(arb, (run) => run.metrics.length < 3, { numRuns: 1, seed: 1 });
    expect(cx?.round).toBe(249);
    expect(cx?.yaml).toContain('\n# The whole run of 250 rounds breaks it (a run of more than 200 rounds is not searched for the first round that does).\n');
    expect(cx?.yaml).not.toContain('broken after round');
  });

  it('replays: the same fast-check seed gives the same counterexample, and its path gives it at once', () => {
    const arb = () => arbScenario({ strategies: ['hawk', 'tit-for-tat'] });
    const claim = (run: Run) => peakRung(run) <= 'L2';
    const first = checkEscalationClaim(arb(), claim, { numRuns: 200, seed: 2026 });
    expect(checkEscalationClaim(arb(), claim, { numRuns: 200, seed: 2026 })).toEqual(first);
    const replayed = checkEscalationClaim(arb(), claim, { seed: 2026, path: first?.replay.path ?? '' });
    expect(replayed?.scenario).toEqual(first?.scenario);
    expect(replayed?.numShrinks).toBe(0);
  });

  it("a replay path that does not fit the claim's scenarios is a ConfigError saying so and how to get the right one (was fast-check's raw 'Unable to replay', or no scenario at all and null)", () => {
    const arb = () => arbScenario({ strategies: ['hawk', 'tit-for-tat'] });
    const claim = (run: Run) => peakRung(run) <= 'L2';
    const found = '0:2:2:2:2:4:4:4:4:3:2:0:0:0:1:1:2:1:1:1:1:1:1:1';
    // A step past the shrinks of a scenario that has none, a step past the end as the last one
    // (fast-check then replayed nothing), a path noted with other arbScenario options.
    for (const [path, fn, make] of [
      [`${found}:0:0`, checkEscalationClaim, arb],
      ['0:999', checkEscalationClaim, arb],
      ['0:999', assertEscalationClaim, arb],
      [found, checkEscalationClaim, () => arbScenario({ strategies: ['hawk'], maxActors: 2 })],
    ] as const) {
      const e = thrown(() => fn(make(), claim, { seed: 2026, path }));
      expect(e).toBeInstanceOf(ConfigError);
      expect((e as ConfigError).message).toBe(
        `${fn.name}: 1 problem\n  - options.path: expected a replay path of this claim's scenarios (found with this same arbitrary and \`seeds\`, from the same fast-check seed, on the same major version of fast-check), received '${path}', which does not fit the scenarios fast-check draws and shrinks from seed 2026 (replay with the counterexample's whole \`replay\` ({ seed, path }) and the arbitrary it was found with, or leave out \`path\` to search again from the seed and get the right one)`,
      );
    }
  });
});

describe('arbScenario shrinking', () => {
  // A claim about the first state only: every other state is irrelevant, so the smallest
  // counterexample has as few states as allowed (two). fast-check shrinks an array with a
  // minimum length only by dropping leading items, which here are the one that matters: the
  // scenario used to keep a third state it did not need (seeds 1, 4, 5 and 6).
  const firstIsArmedHawk = (_run: Run, s: Scenario) => {
    const first = s.document.actors[0];
    const offense = typeof first?.capabilities === 'object' ? (first.capabilities.offense ?? 0) : 0;
    return !(first?.strategy === 'hawk' && offense >= 0.5);
  };

  it.each([1, 2, 3, 4, 5, 6])('drops states it does not need, wherever they stand (seed %i)', (seed) => {
    const cx = checkEscalationClaim(arbScenario({ strategies: ['dove', 'hawk'] }), firstIsArmedHawk, { numRuns: 100, seed });
    expect(cx?.scenario.actors).toHaveLength(2);
    expect(cx?.scenario.actors[1]).toEqual({ id: 'S1', strategy: 'dove', capabilities: { espionage: 0, offense: 0, defense: 0, attribution: 0, stealth: 0 } });
    expect(cx?.scenario.rounds).toBe(4);
  });
});

// parseScenario reads scenario text as well as documents, so a hand-made arbitrary may generate
// YAML: its counterexample was the text spread into an object — a "scenario file" of one key per
// character ("0": n, "1": a, …), which no one could run.
describe('an arbitrary of scenario text', () => {
  const text = fc.constant('name: from-text\nrounds: 3\nactors:\n  - { id: A, strategy: hawk }\n  - { id: B, strategy: dove }\n') as unknown as fc.Arbitrary<ScenarioDocument>;

  it('gives a counterexample file of the scenario the text is', () => {
    const cx = checkEscalationClaim(text, () => false, { numRuns: 1, seed: 1 });
    expect(cx?.scenario).toEqual({ name: 'counterexample', rounds: 3, actors: [{ id: 'A', strategy: 'hawk' }, { id: 'B', strategy: 'dove' }], seed: cx?.seed });
    expect(parseScenario(cx?.yaml ?? '').document).toEqual(cx?.scenario);
  });

  it('and so does a claim that throws on it, or text that does not parse', () => {
    const e = thrown(() => checkEscalationClaim(text, () => { throw new Error('boom'); }, { numRuns: 1, seed: 1 })) as EscalationClaimError;
    expect(e.scenario).toMatchObject({ name: 'counterexample', rounds: 3, actors: [{ id: 'A', strategy: 'hawk' }, { id: 'B', strategy: 'dove' }] });
    const bad = fc.constant('name: from-text\nrounds: 3\nactors: []\n') as unknown as fc.Arbitrary<ScenarioDocument>;
    const e2 = thrown(() => checkEscalationClaim(bad, () => true, { numRuns: 1, seed: 1 })) as EscalationClaimError;
    expect(e2.stage).toBe('scenario');
    expect(e2.scenario).toMatchObject({ name: 'counterexample', rounds: 3, actors: [] });
  });
});
