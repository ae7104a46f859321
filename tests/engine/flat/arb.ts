// Arbitraries the property tests of the flat path share (property.test.ts, property-simple.test.ts,
// property-diplomacy.test.ts): an actor's drawn parameters and the strategy objects they make, and
// the operation, reveal and sanction-or-threat injects. Each test keeps its own mix of these (their
// weights, the other injects, the mechanisms it overrides).
import fc from 'fast-check';
import type { createRegistry, WorldSpec } from '../../../src/index.js';
import type { Inject } from '../../../src/model/inject.js';

/** Per strategy, its parameters drawn: name, low, high. */
export type ParamTable = Readonly<Record<string, readonly (readonly [string, number, number])[]>>;
type ActorSpec = WorldSpec['actors'][number];

/** Each actor's parameters, each drawn or left to its default (null). */
export function arbParams(actors: readonly ActorSpec[], table: ParamTable): fc.Arbitrary<(number | null)[][]> {
  return fc.tuple(...actors.map((a) => fc.tuple(...(table[a.strategy as string] ?? []).map(([, lo, hi]) => fc.option(fc.double({ min: lo, max: hi, noNaN: true })))))) as fc.Arbitrary<(number | null)[][]>;
}

/** The actors with their strategies made by the registry from the drawn parameters. */
export function withStrategies(actors: readonly ActorSpec[], table: ParamTable, drawn: readonly (readonly (number | null)[])[], registry: ReturnType<typeof createRegistry>): ActorSpec[] {
  return actors.map((a, i) => {
    const name = a.strategy as string;
    const chosen: Record<string, number> = {};
    (table[name] ?? []).forEach(([key], k) => {
      const v = (drawn[i] as readonly (number | null)[])[k];
      if (v !== null && v !== undefined) chosen[key] = v;
    });
    return { ...a, strategy: registry.get(name, chosen) };
  });
}

/** An operation inject of any kind and target, sometimes under a false flag, an espionage sometimes commercial. */
export function arbOperation(ids: readonly string[], round: fc.Arbitrary<number>, pair: fc.Arbitrary<readonly [string, string]>, pick: fc.Arbitrary<number>): fc.Arbitrary<Inject> {
  return fc.record({ round, pair, kind: fc.constantFrom('espionage' as const, 'disruption' as const, 'degradation' as const), against: fc.constantFrom('networks' as const, 'critical-infrastructure' as const, 'cert' as const), flag: fc.option(pick), commercial: fc.boolean() }).map(({ round, pair: [actor, target], kind, against, flag, commercial }): Inject => {
    const falseFlag = flag === null ? undefined : ids[flag];
    return { round, type: 'operation', actor, target, kind, against, ...(falseFlag !== undefined && falseFlag !== target ? { falseFlag } : {}), ...(kind === 'espionage' && commercial ? { commercial } : {}) };
  });
}

/** A reveal, of one victim's files or everyone's. */
export function arbReveal(ids: readonly string[], round: fc.Arbitrary<number>, pick: fc.Arbitrary<number>): fc.Arbitrary<Inject> {
  return fc.record({ round, victim: fc.option(pick) }).map(({ round, victim }): Inject => ({ round, type: 'reveal', ...(victim === null ? {} : { victim: ids[victim] as string }) }));
}

/** A sanction or a threat by a state on another actor (null when the draw names no such pair). */
export function arbSanctionOrThreat(ids: readonly string[], states: readonly string[], round: fc.Arbitrary<number>, pick: fc.Arbitrary<number>): fc.Arbitrary<Inject | null> {
  return fc.record({ round, by: pick, target: pick, measure: fc.constantFrom('economic' as const, 'indictment' as const), threat: fc.boolean() }).map(({ round, by, target, measure, threat }): Inject | null => {
    const b = states[by % Math.max(1, states.length)];
    const t = ids[target];
    if (b === undefined || t === undefined || b === t) return null;
    return threat ? { round, type: 'threat', by: b, target: t, measure } : { round, type: 'sanction', by: b, target: t, measure };
  });
}

/** A generated world's ids, its states, and draws of an actor, an ordered pair of two actors and a round. */
export function basics(actors: readonly ActorSpec[]): { ids: string[]; n: number; pick: fc.Arbitrary<number>; states: string[]; pair: fc.Arbitrary<readonly [string, string]>; round: fc.Arbitrary<number> } {
  const ids = actors.map((a) => a.id);
  const n = ids.length;
  const pick = fc.nat({ max: n - 1 });
  const states = actors.filter((a) => (a.kind ?? 'state') === 'state').map((a) => a.id);
  const pair = fc.tuple(pick, fc.nat({ max: n - 2 })).map(([a, b]) => [ids[a] as string, ids[(a + 1 + b) % n] as string] as const);
  return { ids, n, pick, states, pair, round: fc.nat({ max: 8 }) };
}
