// Actions and responses whose fields are lists of lists: the reasons validateAction and
// validateResponse gave printed a wrong field with String, which walks nested lists, so a deep one
// threw a RangeError instead of a reason, and a shared one never ended. They now describe it. restore already answered
// deep, cyclic and shared snapshots with a ConfigError (checked here so it stays so).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError, parseScenario, restore, simulate, snapshot, validateAction, validateResponse } from '../../src/index.js';
import type { Request, WorldSnapshot } from '../../src/index.js';
import { nested, shared } from '../helpers/data.js';

const root = join(import.meta.dirname, '../..');
const scenario = parseScenario(readFileSync(join(root, 'scenarios/us-china-2015.yaml'), 'utf8'));
const run = simulate(scenario.spec, { seed: 1, rounds: 2 });


describe('validateAction and validateResponse on lists of lists', () => {
  const request: Request = { id: 'r1', kind: 'accusation', from: 'CN', to: 'US', round: 0, incident: { id: 'i1', round: 0, kind: 'espionage' } } as unknown as Request;

  it('give a reason that describes the field, however deep or shared the lists', () => {
    for (const lists of [nested(2, 'x'), nested(100_000, 'x'), shared(60, 'x')]) {
      expect(validateAction(run.world, 'US', 'operations', { type: 'operate', target: lists, kind: 'espionage' })).toBe("unknown target 'an array'");
      expect(validateAction(run.world, 'US', 'diplomacy', { type: lists })).toMatch(/^'an array' is not allowed in the diplomacy phase/);
      expect(validateAction(run.world, 'US', 'diplomacy', { type: 'table-package', forum: 'f', norms: [lists] })).toBe("unknown forum 'f'");
      expect(validateResponse(request, { type: lists })).toMatch(/^'an array' does not answer a accusation/);
    }
  });

  it('a list is not a response, and texts and numbers are printed as they are', () => {
    expect(validateResponse(request, [[{ type: 'deny' }]])).toBe('a response must be an object with a type');
    expect(validateAction(run.world, 'US', 'operations', { type: 'operate', target: ['CN'], kind: 'espionage' })).toBe("unknown target 'an array'");
    expect(validateAction(run.world, 'US', 'operations', { type: 'operate', target: 'ZZ', kind: 'espionage' })).toBe("unknown target 'ZZ'");
    expect(validateAction(run.world, 'US', 'diplomacy', { type: 'sanction', target: 'CN', measure: 7 })).toBe("unknown sanction measure '7'");
    expect(validateAction(run.world, 'US', 'diplomacy', { type: 'pass' })).toBeNull();
  });
});

describe('restore on snapshots nested too deep, cyclic or shared', () => {
  it('is a ConfigError naming the field', () => {
    const snap = JSON.parse(JSON.stringify(snapshot(run.world))) as Record<string, unknown> & { actors: Record<string, unknown>[] };
    const cyclic: Record<string, unknown> = {};
    cyclic.self = cyclic;
    for (const bad of [nested(100_000, 'x'), cyclic, shared(60, 'x')]) {
      const s = { ...snap, actors: snap.actors.map((a, k) => (k === 0 ? { ...a, capabilities: bad } : a)) };
      expect(() => restore(s as unknown as WorldSnapshot)).toThrow(ConfigError);
      expect(() => restore(s as unknown as WorldSnapshot)).toThrow(/actors\[0\]\.capabilities/);
    }
  });
});
