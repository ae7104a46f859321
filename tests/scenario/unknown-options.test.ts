/**
 * A misspelt option name of `parseScenario` (and of a builder's `build`, which passes its options
 * on) is refused, named with the names taken and a "did you mean": `regsitry` was dropped, and the
 * scenario's strategies were looked up among the built-ins.
 */
import { describe, expect, it } from 'vitest';
import { ConfigError, createRegistry, parseScenario, readScenarioText, scenarioBuilder } from '../../src/index.js';
import type { ParseScenarioOptions } from '../../src/index.js';
import { configErrorOf } from '../helpers/issues.js';

const TEXT = 'name: duel\nrounds: 6\nactors: [{ id: A, strategy: hawk }, { id: B, strategy: dove }]';

describe('parseScenario refuses option names it does not know', () => {
  it('sorce for source, named with the names taken and a did-you-mean; every name of its type still taken', () => {
    expect(parseScenario(TEXT, { source: 'duel.yaml', format: 'yaml', registry: createRegistry() }).rounds).toBe(6);
    const options = { sorce: 'duel.yaml' };
    const e = configErrorOf(() => parseScenario(TEXT, options as ParseScenarioOptions));
    expect(e.source).toBe('parseScenario');
    expect(e.issues).toEqual([{ path: 'options.sorce', expected: 'one of the options source, format, registry', received: 'an unknown option', hint: "did you mean 'source'?" }]);
  });

  it('regsitry for registry, and a non-object: a ConfigError, not a TypeError', () => {
    expect(configErrorOf(() => parseScenario(TEXT, { regsitry: createRegistry() } as never)).issues.map((i) => [i.path, i.hint])).toEqual([['options.regsitry', "did you mean 'registry'?"]]);
    expect(configErrorOf(() => parseScenario(TEXT, null as never)).issues).toEqual([{ path: 'options', expected: 'an options object (source, format, registry)', received: 'null' }]);
  });

  it("a builder's build too", () => {
    const builder = scenarioBuilder('duel').rounds(6).actor({ id: 'A' }).actor({ id: 'B' });
    expect(builder.build({ source: 'built' }).rounds).toBe(6);
    expect(() => builder.build({ fromat: 'json' } as never)).toThrow(ConfigError);
    expect(configErrorOf(() => builder.build({ fromat: 'json' } as never)).issues[0]?.hint).toBe("did you mean 'format'?");
  });

  it('readScenarioText: sorce for source; source and format still taken', () => {
    expect(readScenarioText(TEXT, { source: 'duel.yaml', format: 'yaml' })).toMatchObject({ name: 'duel' });
    const e = configErrorOf(() => readScenarioText(TEXT, { sorce: 'duel.yaml' } as never));
    expect(e.source).toBe('readScenarioText');
    expect(e.issues).toEqual([{ path: 'options.sorce', expected: 'one of the options source, format', received: 'an unknown option', hint: "did you mean 'source'?" }]);
  });
});
