import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CAPABILITY_PRESETS } from '../../src/index.js';

const readme = readFileSync(join(resolve(import.meta.dirname, '../../scenarios'), 'README.md'), 'utf8');
// The rows of the table "Capability presets and their sources": | `name` | Belfer NCPI 2020 | ITU GCI 2020 |
const rows = [...readme.matchAll(/^\| `([a-z-]+)`(?: \(aggregate\))? \| ([^|]+) \| ([^|]+) \|$/gm)].map(([, name, belfer, gci]) => ({ name: name ?? '', belfer: belfer ?? '', gci: gci ?? '' }));

describe('capability presets and scenarios/README.md', () => {
  it('the README has a row for each national preset', () => {
    expect(rows.map((r) => r.name).sort()).toEqual(['china', 'eu', 'japan', 'russia', 'south-korea', 'uk', 'us']);
  });

  it.each(rows)("$name: the preset's source gives the README's ranks and scores, and says what was not verified", ({ name, belfer, gci }) => {
    const source = CAPABILITY_PRESETS[name]?.source ?? '';
    for (const figure of `${belfer} ${gci}`.match(/\d+(?:\.\d+)?(?:st|nd|rd|th)?/g) ?? []) expect(source, figure).toContain(figure);
    for (const [column, text] of [['Belfer', belfer], ['ITU', gci]] as const) {
      if (/unverified/.test(text)) expect(source.split(';').find((part) => part.includes(column)), `${column} part of ${source}`).toMatch(/not verified/);
    }
  });
});
