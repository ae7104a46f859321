import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CAPABILITY_PRESETS, parseScenario, scenarioBuilder, serializeScenario } from '../../src/index.js';
import type { ScenarioBuilder, ScenarioInject } from '../../src/index.js';

const ID = fc.constantFrom('US', 'CN', 'RU', 'EU', 'JP', 'KR', 'A-1', 'b_2');
const NORM = fc.constantFrom('gge15.a', 'gge15.b', 'gge15.c', 'gge15.f', 'gge15.h', 'gge15.k');
const unit = fc.integer({ min: 0, max: 100 }).map((x) => x / 100);
const text = fc.string({ minLength: 1, maxLength: 30 });

/** Random builder inputs: actors, then dyads, agreements, norms, forums and injects that refer to them. */
const arbBuilt = fc
  .record({
    name: fc.stringMatching(/^[a-z0-9][a-z0-9-]{0,20}$/),
    title: fc.option(text, { nil: undefined }),
    rounds: fc.integer({ min: 2, max: 30 }),
    seed: fc.oneof(fc.integer({ min: 0, max: 1e6 }), fc.stringMatching(/^[a-z0-9]{1,8}$/)),
    calendar: fc.option(fc.record({ unit: fc.constantFrom('day', 'week', 'month', 'quarter', 'year' as const), start: fc.constantFrom('2015', '2015-06', '2015-06-30') }), { nil: undefined }),
    ids: fc.uniqueArray(ID, { minLength: 2, maxLength: 5 }),
    strategies: fc.array(fc.oneof(fc.constantFrom('hawk', 'dove', 'tit-for-tat', 'pragmatist', 'cautious'), fc.record({ name: fc.constant('deterrer'), params: fc.record({ retaliateAt: unit }) })), { minLength: 5, maxLength: 5 }),
    caps: fc.array(fc.oneof(fc.constantFrom(...Object.keys(CAPABILITY_PRESETS)), fc.record({ preset: fc.constantFrom('us', 'china'), stealth: unit }), fc.record({ offense: unit, defense: unit })), { minLength: 5, maxLength: 5 }),
    trust: fc.integer({ min: 1, max: 99 }).map((x) => x / 100),
    norms: fc.uniqueArray(NORM, { minLength: 1, maxLength: 4 }),
    injectKinds: fc.array(fc.constantFrom('note', 'leak', 'indictment', 'summit', 'sanctions-threat', 'operation', 'capability'), { maxLength: 6 }),
    texts: fc.array(text, { minLength: 6, maxLength: 6 }),
    withForum: fc.boolean(),
    mechanisms: fc.option(fc.record({ trust: fc.record({ decay: unit }) }), { nil: undefined }),
  })
  .map((x) => {
    let b: ScenarioBuilder = scenarioBuilder(x.name).rounds(x.rounds).seed(x.seed);
    if (x.title !== undefined) b = b.title(x.title);
    if (x.calendar) b = b.calendar(x.calendar.unit, x.calendar.start);
    x.ids.forEach((id, i) => {
      b = b.actor({ id, name: `Actor ${id}`, capabilities: x.caps[i] ?? 'us', strategy: x.strategies[i] ?? 'dove' });
    });
    const [a = 'US', c = 'CN'] = x.ids;
    b = b.dyad({ from: a, to: c, trust: x.trust, mutual: true }).agreement([a, c], [{ kind: 'hotline' }, { kind: 'norms', norms: x.norms }]).norms(a, x.norms);
    if (x.withForum) b = b.forum({ id: 'forum', members: x.ids, every: 2, rule: 'consensus', agenda: [x.norms] });
    x.injectKinds.forEach((kind, i) => {
      const round = i % x.rounds;
      const t = x.texts[i] ?? 'x';
      const inject: ScenarioInject =
        kind === 'note'
          ? { round, type: 'note', text: t }
          : kind === 'leak'
            ? { round, type: 'leak', victim: c, text: t }
            : kind === 'indictment'
              ? { round, type: 'indictment', by: a, target: c }
              : kind === 'summit'
                ? { round, type: 'summit', parties: [a, c], terms: [{ kind: 'next-round', rounds: 2 }], text: t }
                : kind === 'sanctions-threat'
                  ? { round, type: 'sanctions-threat', by: a, target: c, unless: t }
                  : kind === 'operation'
                    ? { round, type: 'operation', actor: c, target: a, kind: 'espionage', commercial: true }
                    : { round, type: 'capability', actor: a, capability: 'defense', value: 0.5 };
      b = b.inject(inject);
    });
    if (x.mechanisms) b = b.mechanisms(x.mechanisms);
    return b;
  });

describe('scenarioBuilder → serializeScenario → parseScenario', () => {
  it('gives back an equal scenario (document and spec) in YAML and in JSON', () => {
    fc.assert(
      fc.property(arbBuilt, fc.constantFrom('yaml', 'json' as const), (b, format) => {
        const built = b.build();
        const text = serializeScenario(b.document(), format);
        const back = parseScenario(text, { format });
        expect(back.document).toEqual(built.document);
        expect(JSON.stringify(back.spec)).toBe(JSON.stringify(built.spec));
        const names = (s: typeof built) => s.spec.actors.map((x) => (typeof x.strategy === 'string' ? x.strategy : x.strategy?.name));
        expect(names(back)).toEqual(names(built));
        expect([back.name, back.title, back.rounds, back.seed, back.calendar]).toEqual([built.name, built.title, built.rounds, built.seed, built.calendar]);
      }),
      { numRuns: 60 },
    );
  });

  it('serialises YAML that reads as YAML and JSON that JSON.parse reads', () => {
    const b = scenarioBuilder('duel').rounds(6).calendar('month', '2015-01').actor({ id: 'US', capabilities: 'us', strategy: 'tit-for-tat' }).actor({ id: 'CN', capabilities: { preset: 'china', stealth: 0.7 } }).inject({ round: 2, type: 'leak', text: 'A: report, "quoted" — #1' });
    const yaml = serializeScenario(b.document(), 'yaml');
    const json = serializeScenario(b.document(), 'json');
    expect(yaml).toMatch(/^name: duel$/m);
    expect(JSON.parse(json)).toEqual(b.document());
    expect(parseScenario(yaml, { source: 'd.yaml' }).document).toEqual(parseScenario(json, { source: 'd.json' }).document);
  });

  it('builders are immutable: a variant does not change its base', () => {
    const base = scenarioBuilder('base').actor({ id: 'A' }).actor({ id: 'B' });
    const variant = base.agreement(['A', 'B'], [{ kind: 'hotline' }]);
    expect(base.document().agreements).toBeUndefined();
    expect(variant.document().agreements).toHaveLength(1);
  });
});
