// Escalation claims about strategies of one's own: arbScenario and the searches take a registry
// (`registry`), as parseScenario and simulate do. Before, arbScenario refused every name that was
// not a built-in, so a researcher could not test a claim about the strategy they were writing.
import { describe, expect, it } from 'vitest';
import { ConfigError, createRegistry, defineStrategy, parseScenario, simulate } from '../../src/index.js';
import type { DiplomacyAction, OperateAction } from '../../src/index.js';
import { arbScenario, checkEscalationClaim, escalationProperty, peakRung } from '../../src/testing/index.js';
import fc from 'fast-check';

/** Never operates, never accuses: a strategy of one's own that cannot escalate anything. */
const quiet = defineStrategy({
  name: 'my-quiet',
  meta: { stochastic: false, retaliatory: false, forgiving: true, attributionSensitive: false },
  operate: (): OperateAction[] => [],
  diplomacy: (): DiplomacyAction[] => [],
  respond: () => ({ type: 'ignore' }),
});

/** Disrupts every other actor each round and blames in public whoever it suspects: a strategy of one's own that escalates. */
const striker = defineStrategy({
  name: 'my-striker',
  meta: { stochastic: false, retaliatory: true, forgiving: false, attributionSensitive: false },
  operate: (view) => view.actors.filter((a) => a.id !== view.self).map((a): OperateAction => ({ type: 'operate', target: a.id, kind: 'disruption', against: 'networks' })),
  diplomacy: (view) => view.incidents.filter((i) => i.round === view.round && i.suspect !== null).map((i): DiplomacyAction => ({ type: 'accuse', target: i.suspect as string, incident: i.id, public: true })),
  respond: () => ({ type: 'ignore' }),
});

const registry = createRegistry().register(quiet).register(striker);

describe('escalation claims about strategies of one\'s own', () => {
  it('arbScenario draws them from the registry, and every scenario parses with it', () => {
    const docs = fc.sample(arbScenario({ strategies: ['my-quiet', 'dove'], registry, proxies: false }), { numRuns: 30, seed: 7 });
    const names = new Set(docs.flatMap((d) => d.actors.map((a) => (typeof a.strategy === 'string' ? a.strategy : a.strategy?.name))));
    expect(names).toEqual(new Set(['my-quiet', 'dove']));
    for (const doc of docs) expect(parseScenario(doc, { registry }).rounds).toBeGreaterThanOrEqual(4);
  });

  it('a claim that holds of them holds; one they break gives a counterexample that runs with the registry, and says to --load the module', () => {
    const calm = arbScenario({ strategies: ['my-quiet'], registry, proxies: false, injects: false });
    expect(checkEscalationClaim(calm, (run) => peakRung(run) === 'L0', { registry, numRuns: 30, seed: 1 })).toBeNull();
    fc.assert(escalationProperty(calm, (run) => peakRung(run) === 'L0', { registry }), { numRuns: 10, seed: 1 });

    const cx = checkEscalationClaim(arbScenario({ strategies: ['my-striker'], registry, proxies: false }), (run) => peakRung(run) <= 'L1', { registry, numRuns: 50, seed: 3 });
    expect(cx).not.toBeNull();
    if (!cx) return;
    expect(cx.yaml).toMatch(/^# Run it with: detente run counterexample\.yaml --load <the module that exports my-striker>$/m);
    const scenario = parseScenario(cx.yaml, { registry });
    const run = simulate(scenario.spec, { seed: cx.seed, rounds: scenario.rounds });
    expect(peakRung(run) > 'L1').toBe(true);
  });

  it('without the registry, a name of one\'s own is refused with the hint to pass it; a registry that is not one is refused', () => {
    expect(() => arbScenario({ strategies: ['my-quiet'] })).toThrow(ConfigError);
    try {
      arbScenario({ strategies: ['my-quiet'] });
    } catch (e) {
      expect((e as ConfigError).issues).toEqual([{ path: 'strategies[0]', expected: expect.stringMatching(/^a built-in strategy \(/) as string, received: "'my-quiet'", hint: 'a strategy of your own? pass the registry that holds it as options.registry' }]);
    }
    expect(() => arbScenario({ strategies: ['my-quiet'], registry: {} as never })).toThrow(/registry: expected a StrategyRegistry/);
    expect(() => checkEscalationClaim(arbScenario(), () => true, { registry: 5 as never })).toThrow(/options\.registry: expected a StrategyRegistry/);
  });
});
