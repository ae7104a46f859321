/**
 * Forums (docs/diplomacy.md, "Forums"): in session, every member votes on each package of the
 * agenda and on what members table; consensus adopts when someone accepts and nobody objects, a
 * threshold when enough members accept; accepted, holdouts and abstentions are recorded; only the
 * accepting members adopt the norms; an adopted package leaves the agenda, a failed one stays.
 */
import { describe, expect, it } from 'vitest';
import { simulate } from '../../src/index.js';
import type { ForumRule, Response, Strategy } from '../../src/index.js';
import { atRounds, eventsOf, QUIET, scripted } from './helpers.js';

const PACKAGE = ['gge15.k', 'gge15.f'];
const SORTED = ['gge15.f', 'gge15.k'];

const voter = (type: Response['type']): Strategy => scripted({ name: `votes-${type}`, respond: (r) => (r.kind === 'forum-vote' ? ({ type } as Response) : { type: 'ignore' }) });
const YES = voter('accept');
const NO = voter('reject');
const ABSTAIN = voter('ignore');

/** Members M1…Mk with the given votes, a forum every 2 rounds from round 0 with PACKAGE on its agenda. */
function forumRun(votes: Strategy[], rule: ForumRule, rounds = 3, extra: { outsider?: Strategy; tabler?: Strategy } = {}) {
  const members = votes.map((_, k) => `M${k + 1}`);
  const actors = votes.map((strategy, k) => ({ id: members[k] as string, strategy: k === 0 && extra.tabler ? extra.tabler : strategy }));
  return simulate(
    {
      actors: [...actors, { id: 'Z', strategy: extra.outsider ?? 'passive' }],
      forums: [{ id: 'gge', members, every: 2, rule, agenda: [PACKAGE] }],
      mechanisms: QUIET,
    },
    { seed: 5, rounds },
  );
}

describe('forums', () => {
  it('threshold rule: adopted when ceil(threshold × members) accept; holdouts and abstentions recorded; only acceptors adopt; the package leaves the agenda', () => {
    const r = forumRun([YES, YES, YES, NO, ABSTAIN], { threshold: 0.6 });
    expect(eventsOf(r.log, 'forum.convened').map((e) => [e.round, e.packages])).toEqual([
      [0, [SORTED]],
      [2, []],
    ]);
    expect(eventsOf(r.log, 'forum.adopted')).toEqual([
      expect.objectContaining({ round: 0, forum: 'gge', norms: SORTED, accepted: ['M1', 'M2', 'M3'], holdouts: ['M4'], abstained: ['M5'] }),
    ]);
    expect(eventsOf(r.log, 'forum.failed')).toEqual([]);
    expect(eventsOf(r.log, 'norm.adopted').map((e) => `${e.actor}:${e.norm}`)).toEqual(['M1:gge15.f', 'M1:gge15.k', 'M2:gge15.f', 'M2:gge15.k', 'M3:gge15.f', 'M3:gge15.k']);
    expect(r.world.norms).toEqual({ M1: SORTED, M2: SORTED, M3: SORTED, M4: [], M5: [], Z: [] });
    expect(r.world.forums[0]?.agenda).toEqual([]);
    // Nothing left to vote on in round 2.
    expect(eventsOf(r.log, 'decision.made', (e) => e.round === 2 && e.decision === 'responses')).toEqual([]);
  });

  it('threshold rule: short of the threshold the package fails, nobody adopts it, and it is voted again at the next session', () => {
    const r = forumRun([YES, YES, YES, NO, ABSTAIN], { threshold: 0.8 });
    expect(eventsOf(r.log, 'forum.adopted')).toEqual([]);
    expect(eventsOf(r.log, 'forum.failed').map((e) => [e.round, e.norms, e.accepted, e.holdouts, e.abstained])).toEqual([
      [0, SORTED, ['M1', 'M2', 'M3'], ['M4'], ['M5']],
      [2, SORTED, ['M1', 'M2', 'M3'], ['M4'], ['M5']],
    ]);
    expect(eventsOf(r.log, 'norm.adopted')).toEqual([]);
    expect(r.world.forums[0]?.agenda).toEqual([SORTED]);
  });

  it('consensus: an abstention does not block, one objection does, and nothing passes without a single acceptance', () => {
    const abstaining = forumRun([YES, YES, ABSTAIN], 'consensus', 1);
    expect(eventsOf(abstaining.log, 'forum.adopted')).toEqual([expect.objectContaining({ accepted: ['M1', 'M2'], holdouts: [], abstained: ['M3'] })]);
    expect(abstaining.world.norms.M3).toEqual([]);

    const objecting = forumRun([YES, YES, YES, NO], 'consensus', 3);
    expect(eventsOf(objecting.log, 'forum.adopted')).toEqual([]);
    expect(eventsOf(objecting.log, 'forum.failed').map((e) => [e.round, e.holdouts])).toEqual([
      [0, ['M4']],
      [2, ['M4']],
    ]);
    expect(objecting.world.forums[0]?.agenda).toEqual([SORTED]);
    expect(eventsOf(objecting.log, 'norm.adopted')).toEqual([]);

    const silent = forumRun([ABSTAIN, ABSTAIN], 'consensus', 1);
    expect(eventsOf(silent.log, 'forum.failed')).toEqual([expect.objectContaining({ accepted: [], holdouts: [], abstained: ['M1', 'M2'] })]);
  });

  it('a member can table a package in session (voted at once); out of session, or as an outsider, it is rejected', () => {
    const table = scripted({
      name: 'tabler',
      diplomacy: atRounds({ 0: [{ type: 'table-package', forum: 'gge', norms: ['gge15.h', 'gge15.a', 'gge15.h'] }], 1: [{ type: 'table-package', forum: 'gge', norms: ['gge15.b'] }] }),
      respond: (r) => (r.kind === 'forum-vote' ? { type: 'accept' } : { type: 'ignore' }),
    });
    const outsider = scripted({ name: 'outsider', diplomacy: atRounds({ 0: [{ type: 'table-package', forum: 'gge', norms: ['gge15.c'] }] }) });
    const r = forumRun([YES, YES, YES], 'consensus', 2, { tabler: table, outsider });
    expect(eventsOf(r.log, 'forum.tabled')).toEqual([expect.objectContaining({ round: 0, by: 'M1', norms: ['gge15.a', 'gge15.h'] })]);
    expect(eventsOf(r.log, 'forum.adopted').map((e) => e.norms)).toEqual([SORTED, ['gge15.a', 'gge15.h']]);
    expect(eventsOf(r.log, 'action.rejected').map((e) => [e.round, e.actor, e.reason])).toEqual([
      [0, 'Z', 'Z is not a member of gge'],
      [1, 'M1', 'gge is not in session this round'],
    ]);
    expect(r.world.norms.M2).toEqual(['gge15.a', 'gge15.f', 'gge15.h', 'gge15.k']);
  });
});
