/**
 * A forum that decides by consensus adopts nothing while one member holds out, whoever that
 * member is, however many members and whatever the package; replace the holdout by a member that
 * accepts (a fork with another strategy for it) and the package is adopted at the next session.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { fork, GGE15_NORM_IDS, simulate } from '../../src/index.js';
import type { ActorSpec } from '../../src/index.js';
import { eventsOf, FC_SEED, scripted } from './helpers.js';

/** Objects to every package, and does nothing else. */
const HOLDOUT = scripted({ name: 'holdout', respond: (r) => (r.kind === 'forum-vote' ? { type: 'reject' } : { type: 'ignore' }) });
/** Built-ins that never object to a package (they accept, or abstain like `passive`); some table packages of their own. */
const WILLING = ['dove', 'norm-entrepreneur', 'cautious', 'de-escalator', 'spoiler', 'pragmatist', 'tit-for-tat', 'passive'] as const;

const arbCase = fc
  .record({
    members: fc.integer({ min: 2, max: 8 }),
    holdoutPick: fc.nat(),
    others: fc.array(fc.constantFrom(...WILLING), { minLength: 8, maxLength: 8 }),
    pkg: fc.subarray([...GGE15_NORM_IDS], { minLength: 1, maxLength: 5 }),
    every: fc.integer({ min: 1, max: 3 }),
    first: fc.integer({ min: 0, max: 2 }),
    forkPick: fc.nat(),
    seed: fc.integer({ min: 0, max: 1_000_000 }),
  })
  .map((c) => ({ ...c, holdout: c.holdoutPick % c.members }));

describe('a consensus forum with a holdout', () => {
  it('adopts nothing while one member objects, then adopts the package at the next session once the holdout accepts', () => {
    fc.assert(
      fc.property(arbCase, (c) => {
        const ids = Array.from({ length: c.members }, (_, k) => `M${k}`);
        const holdout = ids[c.holdout] as string;
        // Someone must accept: the first willing member after the holdout is a dove if all would abstain.
        const others = c.others.slice(0, c.members).map((s, k) => (k === (c.holdout + 1) % c.members && s === 'passive' ? 'dove' : s));
        const actors: ActorSpec[] = ids.map((id, k) => ({ id, strategy: k === c.holdout ? HOLDOUT : (others[k] as string) }));
        const rounds = c.first + 3 * c.every;
        const run = simulate({ actors, forums: [{ id: 'f', members: ids, every: c.every, first: c.first, rule: 'consensus', agenda: [c.pkg] }] }, { seed: c.seed, rounds });
        const sessions = eventsOf(run.log, 'forum.convened').map((e) => e.round);
        expect(sessions).toEqual([0, 1, 2].map((k) => c.first + k * c.every));
        expect(eventsOf(run.log, 'forum.adopted')).toEqual([]);
        const pkg = [...c.pkg].sort();
        const failed = eventsOf(run.log, 'forum.failed', (e) => e.norms.join() === pkg.join());
        expect(failed.map((e) => e.round)).toEqual(sessions);
        for (const e of failed) expect(e.holdouts).toEqual([holdout]);
        expect(run.world.forums[0]?.agenda).toContainEqual(pkg);

        // The holdout now accepts, from a round k onwards; the next session at or after k adopts the package.
        const k = c.forkPick % (rounds + 1);
        const next = k <= c.first ? c.first : c.first + Math.ceil((k - c.first) / c.every) * c.every;
        const forked = fork(run, k, { strategies: { [holdout]: 'dove' } }, { rounds: next - k + 1 });
        const adopted = eventsOf(forked.log, 'forum.adopted', (e) => e.norms.join() === pkg.join());
        expect(adopted.map((e) => e.round)).toEqual([next]);
        expect(adopted[0]?.holdouts).toEqual([]);
        expect(adopted[0]?.accepted).toContain(holdout);
        expect(eventsOf(forked.log, 'forum.adopted', (e) => e.round < next)).toEqual([]);
        // Every member that accepted holds the norms now, the former holdout included.
        for (const m of adopted[0]?.accepted ?? []) for (const n of pkg) expect(forked.world.norms[m]).toContain(n);
        expect(forked.world.forums[0]?.agenda).not.toContainEqual(pkg);
      }),
      { seed: FC_SEED, numRuns: 40 },
    );
  });
});
