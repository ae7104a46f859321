import { expect } from 'vitest';
import { createWorld, simulate } from '../../../src/index.js';
import type { WorldSpec } from '../../../src/index.js';
import type { SimEvent } from '../../../src/model/event.js';
import { playFlat, prepareFlat } from '../../../src/engine/flat/index.js';
import type { BuiltinRef, FlatOutcome, FlatSetup } from '../../../src/engine/flat/index.js';

/** The refs of a world's actors, from what createWorld recorded of each strategy (its name and parameters). */
export function refsOf(world: ReturnType<typeof createWorld>): (BuiltinRef | undefined)[] {
  return world.actors.map((a) => ({ name: a.strategy, params: a.strategyParams ?? {} }));
}

/** The row's tallies recounted from a log, as EventTally (src/experiments/row.ts) counts them. */
export function tallyOf(log: readonly SimEvent[]): Pick<FlatOutcome, 'accusations' | 'accusationsRight' | 'agreementsSigned' | 'firstAgreementRound'> {
  const authors = new Map<string, readonly [string, string]>();
  const behind = new Map<string, string | null>();
  let accusations = 0;
  let right = 0;
  let agreements = 0;
  let first: number | null = null;
  for (const e of log) {
    if (e.type === 'operation.conducted') authors.set(e.operation.id, [e.operation.author, e.operation.principal]);
    else if (e.type === 'incident.detected') behind.set(e.incident, e.operation);
    else if (e.type === 'accusation.made') {
      accusations++;
      const op = behind.get(e.incident);
      const who = op === undefined || op === null ? undefined : authors.get(op);
      if (who && (who[0] === e.target || who[1] === e.target)) right++;
    } else if (e.type === 'agreement.signed') {
      agreements++;
      if (first === null) first = e.round;
    }
  }
  return { accusations, accusationsRight: right, agreementsSigned: agreements, firstAgreementRound: first };
}

/** A covered world's setup (fails the test with the gap otherwise). */
export function setupFor(spec: WorldSpec, seed: string | number, refs?: readonly (BuiltinRef | undefined)[]): { setup: FlatSetup; seed: string } {
  const world = createWorld(spec, { seed });
  const setup = prepareFlat(world, refs ?? refsOf(world));
  if ('gap' in setup) throw new Error(`not covered: ${setup.gap}`);
  return { setup, seed: world.seed };
}

/** Expect the flat outcome to equal the general path's (metrics, peak rungs, welfare, ids, the row's tallies); returns it. */
export function compare(spec: WorldSpec, seed: string | number, rounds: number, refs?: readonly (BuiltinRef | undefined)[]): FlatOutcome {
  const { setup, seed: s } = setupFor(spec, seed, refs);
  const flat = playFlat(setup, s, rounds);
  const run = simulate(spec, { seed, rounds, log: true });
  expect(flat.metrics).toEqual(run.metrics);
  expect(Array.from(flat.peakRung)).toEqual(Array.from(run.world.dyads.peakRung));
  expect(Array.from(flat.welfare)).toEqual(Array.from(run.world.welfare));
  expect(flat.ids).toEqual(run.world.actors.map((a) => a.id));
  const t = tallyOf(run.log);
  expect({ accusations: flat.accusations, accusationsRight: flat.accusationsRight, agreementsSigned: flat.agreementsSigned, firstAgreementRound: flat.firstAgreementRound }).toEqual(t);
  return flat;
}
