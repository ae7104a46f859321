// Messages quote at most a bounded part of what a user typed (src/model/quote.ts), wherever the
// text is echoed: a grid path given twice, a strategy parameter's name, a list of seeds.
import { spawnSync } from 'node:child_process';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ConfigError, parseSeeds, planSweep } from '../../src/index.js';
import { clip } from '../../src/model/quote.js';
import { cli, duelFixture } from '../helpers/cli.js';

const huge = 'x'.repeat(60_000);

/** The message of what `f` throws. */
function messageOf(f: () => unknown): string {
  try {
    f();
  } catch (e) {
    return e instanceof Error ? e.message : String(e);
  }
  throw new Error('it did not throw');
}

describe('clip', () => {
  it('keeps text up to 120 characters whole, and says how long a longer one is', () => {
    expect(clip('a'.repeat(120))).toBe('a'.repeat(120));
    expect(clip('a'.repeat(121))).toBe(`${'a'.repeat(120)}… (121 characters)`);
  });

  it('counts characters as a reader does: a surrogate pair is one, a lone half is one', () => {
    expect(clip(`${'a'.repeat(120)}😀😀`)).toBe(`${'a'.repeat(120)}… (122 characters)`);
    expect(clip(`${'a'.repeat(120)}\uD83D`)).toBe(`${'a'.repeat(120)}… (121 characters)`);
    expect(clip(`\uDE00${'a'.repeat(120)}\uD83D\uD83D\uDE00`)).toMatch(/… \(123 characters\)$/);
    // Any UTF-16 text, lone halves included: the count is the string iterator's.
    fc.assert(
      fc.property(fc.array(fc.oneof(fc.integer({ min: 0xd800, max: 0xdfff }), fc.integer({ min: 0, max: 0xffff })), { minLength: 121, maxLength: 400 }), (units) => {
        const text = String.fromCharCode(...units);
        expect(clip(text).endsWith(`… (${[...text].length} characters)`)).toBe(true);
      }),
    );
  });
});

describe('messages about long input', () => {
  it("quote a strategy parameter's name within bounds", () => {
    const m = messageOf(() => planSweep({ name: 'x', rounds: 2, actors: [{ id: 'US', strategy: 'hawk' }, { id: 'CN' }] }, { seeds: [1], grid: { [`actors.US.strategy.${huge}`]: [1] } }));
    expect(m).toMatch(/'hawk' has no parameter 'x{120}… \(60000 characters\)'/);
    expect(m.length).toBeLessThan(2_000);
  });

  it('quote a list of seeds within bounds', () => {
    const e = (() => {
      try {
        parseSeeds(`1..3,${huge}`);
      } catch (x) {
        return x;
      }
      return undefined;
    })();
    expect(e).toBeInstanceOf(ConfigError);
    expect((e as Error).message).toMatch(/… \(60000 characters\)/);
    expect((e as Error).message.length).toBeLessThan(1_000);
    expect(messageOf(() => parseSeeds(`0..20000000,${'9'.repeat(5_000)}`)).length).toBeLessThan(1_000);
  });

  it('quote a --set path given twice within bounds', () => {
    const r = spawnSync(process.execPath, [cli, 'sweep', duelFixture, '--seeds', '1', '--set', `${'a.'.repeat(30_000)}=1`, '--set', `${'a.'.repeat(30_000)}=2`], { encoding: 'utf8' });
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/is given twice/);
    expect(r.stderr.length).toBeLessThan(1_000);
  });
});
