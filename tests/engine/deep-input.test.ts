// Actions and responses whose fields are lists of lists: the reasons validateAction and
// validateResponse gave printed a wrong field with String, which walks nested lists, so a deep one
// threw a RangeError instead of a reason, and a shared one never ended. They now describe it. restore already answered
// deep, cyclic and shared snapshots with a ConfigError (checked here so it stays so).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError, DEFAULT_MECHANISMS, mergeMechanisms, parseScenario, restore, simulate, snapshot, validateAction, validateResponse } from '../../src/index.js';
import type { Mechanisms, Request, WorldSnapshot } from '../../src/index.js';
import { nestingExpected } from '../../src/model/nesting.js';
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

describe('mergeMechanisms on a base nested too deep, cyclic or shared', () => {
  // The merge and its freeze walked the base recursively: a deep or cyclic base overflowed the
  // stack with a RangeError. Each is now the issue other entry points give (plainDataProblem).
  const copyOfDefaults = (): Record<string, unknown> => JSON.parse(JSON.stringify(DEFAULT_MECHANISMS)) as Record<string, unknown>;
  let deep: Record<string, unknown> = { decay: 0.9 };
  for (let i = 0; i < 100_000; i++) deep = { decay: deep };
  const loop = copyOfDefaults();
  (loop.trust as Record<string, unknown>).self = loop;
  const cases: [string, Record<string, unknown>, string, string][] = [
    ['nested 100,000 objects deep', { ...copyOfDefaults(), trust: deep }, 'base.trust.decay.decay.decay…', nestingExpected()],
    ['nested 100,000 lists deep', { ...copyOfDefaults(), trust: nested(100_000) }, 'base.trust[0][0][0]…', nestingExpected()],
    ['cyclic', loop, 'base.trust.self', 'plain data'],
    ['shared 2^60 times', { ...copyOfDefaults(), trust: shared(60) }, 'base.trust[0][0][0]…', 'plain data that, written out, holds at most 64 times as many values as it has'],
  ];

  it.each(cases)('%s: one issue at its path under base, and the defaults', (_what, base, path, expected) => {
    for (const override of [undefined, {}, { trust: { decay: 0.5 } }, { trust: { decay: { decay: 1 } } }]) {
      const { mechanisms, issues } = mergeMechanisms(override, base as unknown as Mechanisms);
      expect(issues).toEqual([expect.objectContaining({ path, expected })]);
      expect(mechanisms).toBe(DEFAULT_MECHANISMS);
    }
  });

  it('a base that is not an object is one issue at base (null threw a TypeError, or was returned as the mechanisms)', () => {
    for (const base of [null, 3, 'defaults', [DEFAULT_MECHANISMS]]) {
      const { mechanisms, issues } = mergeMechanisms({ trust: { decay: 0.5 } }, base as unknown as Mechanisms);
      expect(issues).toEqual([{ path: 'base', expected: 'the mechanisms to merge into (an object)', received: expect.any(String) }]);
      expect(mechanisms).toBe(DEFAULT_MECHANISMS);
    }
    expect(mergeMechanisms(undefined, null as unknown as Mechanisms).mechanisms).toBe(DEFAULT_MECHANISMS);
  });

  it('never freezes the caller’s base (the parts the override left alone were shared, then frozen)', () => {
    const base = copyOfDefaults();
    const { mechanisms } = mergeMechanisms({ trust: { decay: 0.5 } }, base as unknown as Mechanisms);
    expect([base, base.detection, base.trust, (base.escalation as Record<string, unknown>).weights].filter((part) => Object.isFrozen(part))).toEqual([]);
    expect(mechanisms).toEqual({ ...DEFAULT_MECHANISMS, trust: { ...DEFAULT_MECHANISMS.trust, decay: 0.5 } });
    expect(Object.isFrozen(mechanisms.detection)).toBe(true);
    (base.detection as Record<string, unknown>).scale = 3;
    expect(mechanisms.detection.scale).toBe(DEFAULT_MECHANISMS.detection.scale);
  });

  it('a plain base, the defaults or one a merge made, merges as before', () => {
    const once = mergeMechanisms({ trust: { decay: 0.5 } }, copyOfDefaults() as unknown as Mechanisms);
    expect(once.issues).toEqual([]);
    expect(once.mechanisms.trust.decay).toBe(0.5);
    const twice = mergeMechanisms({ detection: { scale: 2 } }, once.mechanisms);
    expect(twice).toEqual({ mechanisms: { ...once.mechanisms, detection: { ...once.mechanisms.detection, scale: 2 } }, issues: [] });
    expect(Object.isFrozen(twice.mechanisms.detection)).toBe(true);
  });
});
