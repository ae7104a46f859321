/**
 * Talks as alternating offers (docs/diplomacy.md, "Talks"): an accepted offer is signed as it
 * stands, a counter-offer replaces the offer and passes the turn, at most
 * `talks.maxExchangesPerRound` offers are exchanged in one round, and talks end when rejected,
 * walked out of (which costs trust) or left unanswered past their deadline.
 */
import { describe, expect, it } from 'vitest';
import { betaTrust, DEFAULT_MECHANISMS, simulate } from '../../src/index.js';
import type { Commitment, MechanismOverrides, Request, Response, Strategy, Talks } from '../../src/index.js';
import { at, atRounds, eventsOf, QUIET, scripted, trustOf } from './helpers.js';

const OFFER: Commitment[] = [{ kind: 'hotline' }, { kind: 'no-commercial-theft' }, { kind: 'assistance', rounds: 2 }];
const COUNTER_B: Commitment[] = [{ kind: 'hotline' }];
const COUNTER_A: Commitment[] = [{ kind: 'hotline' }, { kind: 'information-sharing' }];

/** A opens talks with B in round 0 (and counters B with COUNTER_A when `aCounters`). */
function proposer(opts: { deadline?: number; aCounters?: boolean; seen?: { round: number; request: Request; talks: readonly Talks[] }[] } = {}): Strategy {
  return scripted({
    name: 'proposer',
    diplomacy: atRounds({ 0: [{ type: 'propose-talks', target: 'B', terms: OFFER, ...(opts.deadline !== undefined ? { deadline: opts.deadline } : {}) }] }),
    respond: (request, view) => {
      opts.seen?.push({ round: view.round, request, talks: view.talks });
      if (request.kind !== 'proposal') return { type: 'ignore' };
      return opts.aCounters ? { type: 'counter', terms: COUNTER_A } : { type: 'accept' };
    },
  });
}

/** B answers every offer with `answer(round, offerNumber)` and records what it was asked. */
function responder(answer: (round: number, request: Request) => Response, asked: { round: number; id: string }[] = []): Strategy {
  return scripted({
    name: 'responder',
    respond: (request, view) => {
      asked.push({ round: view.round, id: request.id });
      return answer(view.round, request);
    },
  });
}

function run(a: Strategy, b: Strategy, rounds: number, mechanisms: MechanismOverrides = {}) {
  return simulate({ actors: [{ id: 'A', strategy: a }, { id: 'B', strategy: b }], mechanisms: { ...QUIET, ...mechanisms } }, { seed: 7, rounds });
}

describe('talks', () => {
  it('propose then accept signs an agreement with exactly the offered terms', () => {
    const r = run(proposer(), responder(() => ({ type: 'accept' })), 2);
    const [opened] = eventsOf(r.log, 'talks.opened');
    expect(opened).toMatchObject({ round: 0, by: 'A', target: 'B', terms: OFFER, deadline: DEFAULT_MECHANISMS.talks.deadline });
    const signed = eventsOf(r.log, 'agreement.signed');
    expect(signed).toHaveLength(1);
    expect(signed[0]?.round).toBe(0);
    expect(signed[0]?.agreement.parties).toEqual(['A', 'B']);
    expect(signed[0]?.agreement.terms).toEqual(OFFER);
    expect(eventsOf(r.log, 'talks.ended')).toEqual([expect.objectContaining({ round: 0, talks: opened?.talks, outcome: 'agreed', by: 'B', parties: ['A', 'B'] })]);
    expect(r.world.talks).toEqual([]);
    expect(r.world.requests).toEqual([]);
    expect(r.world.agreements.map((ag) => ag.terms)).toEqual([OFFER]);
  });

  it('a counter-offer replaces the offer and passes the turn; accepting it signs the counter-offer', () => {
    const seen: { round: number; request: Request; talks: readonly Talks[] }[] = [];
    const r = run(proposer({ seen }), responder(() => ({ type: 'counter', terms: COUNTER_B })), 1);
    expect(eventsOf(r.log, 'talks.offered')).toEqual([expect.objectContaining({ round: 0, by: 'B', to: 'A', terms: COUNTER_B })]);
    // A is asked in a second pass of the same round, on B's terms, with the turn its own.
    expect(seen).toHaveLength(1);
    const { request, talks } = seen[0] as (typeof seen)[number];
    expect(request).toMatchObject({ kind: 'proposal', from: 'B', to: 'A', round: 0, terms: COUNTER_B });
    expect(talks).toEqual([expect.objectContaining({ offer: COUNTER_B, offeredBy: 'B', turn: 'A', exchanges: 2 })]);
    expect(eventsOf(r.log, 'agreement.signed').map((e) => e.agreement.terms)).toEqual([COUNTER_B]);
    expect(eventsOf(r.log, 'talks.ended')).toEqual([expect.objectContaining({ outcome: 'agreed', by: 'A' })]);
  });

  it(`defers offers beyond talks.maxExchangesPerRound (${DEFAULT_MECHANISMS.talks.maxExchangesPerRound}) to the next round`, () => {
    // A offers (1), B counters (2), A counters again (3): the third offer waits for round 1.
    // B counters the first offer and accepts A's counter to its counter.
    const bAnswer = (_round: number, request: Request): Response => (request.id.endsWith('#1') ? { type: 'counter', terms: COUNTER_B } : { type: 'accept' });
    const asked: { round: number; id: string }[] = [];
    const r = run(proposer({ aCounters: true }), responder(bAnswer, asked), 2);
    const talks = eventsOf(r.log, 'talks.opened')[0]?.talks as string;
    expect(asked).toEqual([
      { round: 0, id: `${talks}#1` },
      { round: 1, id: `${talks}#3` },
    ]);
    expect(eventsOf(r.log, 'talks.offered').map((e) => [e.round, e.by, e.terms])).toEqual([
      [0, 'B', COUNTER_B],
      [0, 'A', COUNTER_A],
    ]);
    expect(eventsOf(r.log, 'agreement.signed').map((e) => [e.round, e.agreement.terms])).toEqual([[1, COUNTER_A]]);

    // With a bound of 3 the third offer is answered in round 0; with 1, already B's counter waits.
    const asked4: { round: number; id: string }[] = [];
    const r4 = run(proposer({ aCounters: true }), responder(bAnswer, asked4), 2, { talks: { maxExchangesPerRound: 3 } });
    expect(asked4).toEqual([
      { round: 0, id: `${talks}#1` },
      { round: 0, id: `${talks}#3` },
    ]);
    expect(eventsOf(r4.log, 'agreement.signed').map((e) => [e.round, e.agreement.terms])).toEqual([[0, COUNTER_A]]);
    const seen1: { round: number; request: Request; talks: readonly Talks[] }[] = [];
    run(proposer({ seen: seen1 }), responder(() => ({ type: 'counter', terms: COUNTER_B })), 2, { talks: { maxExchangesPerRound: 1 } });
    expect(seen1.map((s) => [s.round, s.request.id])).toEqual([[1, `${talks}#2`]]);
  });

  it('reject ends the talks without an agreement and without a trust penalty', () => {
    const asked: { round: number; id: string }[] = [];
    const r = run(proposer(), responder(() => ({ type: 'reject' }), asked), 3);
    expect(eventsOf(r.log, 'talks.ended')).toEqual([expect.objectContaining({ round: 0, outcome: 'rejected', by: 'B', parties: ['A', 'B'] })]);
    expect(eventsOf(r.log, 'agreement.signed')).toEqual([]);
    expect(asked).toHaveLength(1);
    expect(r.world.talks).toEqual([]);
    expect(trustOf(r.world, 'A', 'B')).toBe(0.5);
  });

  it('walk-out ends the talks and costs the other side trust (trust.walkOut) and a posturing act', () => {
    const walked = run(proposer(), responder(() => ({ type: 'walk-out' })), 1);
    const rejected = run(proposer(), responder(() => ({ type: 'reject' })), 1);
    expect(eventsOf(walked.log, 'talks.ended')).toEqual([expect.objectContaining({ outcome: 'walked-out', by: 'B' })]);
    expect(eventsOf(walked.log, 'agreement.signed')).toEqual([]);
    expect(walked.world.talks).toEqual([]);
    // A's evidence about B: s = walkOut (1) after one round, nothing else.
    expect(trustOf(walked.world, 'A', 'B')).toBeCloseTo(betaTrust(0, DEFAULT_MECHANISMS.trust.walkOut), 12);
    expect(trustOf(walked.world, 'A', 'B')).toBeLessThan(trustOf(rejected.world, 'A', 'B'));
    expect(trustOf(walked.world, 'B', 'A')).toBe(0.5);
    const n = walked.world.dyads.n;
    const bToA = at(walked.world, 'B') * n + at(walked.world, 'A');
    expect(walked.world.dyads.escalationPerceived[bToA]).toBe(DEFAULT_MECHANISMS.escalation.weights.posturing);
    expect(rejected.world.dyads.escalationPerceived[bToA]).toBe(0);
  });

  it('an unanswered offer stays open until its deadline, then the talks end as expired', () => {
    const asked: { round: number; id: string }[] = [];
    const r = run(proposer({ deadline: 2 }), responder(() => ({ type: 'ignore' }), asked), 4);
    const talks = eventsOf(r.log, 'talks.opened')[0]?.talks as string;
    expect(eventsOf(r.log, 'talks.opened')[0]?.deadline).toBe(2);
    // Answerable in rounds 0, 1 and 2 (the deadline is the last round), then gone.
    expect(asked).toEqual([0, 1, 2].map((round) => ({ round, id: `${talks}#1` })));
    expect(eventsOf(r.log, 'talks.ended')).toEqual([expect.objectContaining({ round: 2, talks, outcome: 'expired', by: null })]);
    expect(eventsOf(r.log, 'request.unanswered')).toEqual([]);
    expect(r.world.talks).toEqual([]);
    expect(r.world.requests).toEqual([]);

    const byDefault = run(proposer(), responder(() => ({ type: 'ignore' })), 5);
    expect(eventsOf(byDefault.log, 'talks.ended')).toEqual([expect.objectContaining({ round: DEFAULT_MECHANISMS.talks.deadline, outcome: 'expired' })]);
  });

  it('only one set of talks at a time between two actors: a second proposal is rejected with the reason', () => {
    const again = scripted({ name: 'again', diplomacy: (v) => (v.round <= 1 ? [{ type: 'propose-talks', target: 'B', terms: OFFER }] : []) });
    const r = run(again, responder(() => ({ type: 'ignore' })), 2);
    expect(eventsOf(r.log, 'talks.opened')).toHaveLength(1);
    expect(eventsOf(r.log, 'action.rejected')).toEqual([
      expect.objectContaining({ round: 1, actor: 'A', reason: 'talks between A and B are already under way (answer or counter there)' }),
    ]);
    // Both sides proposing to each other in the same round: the second in id order is rejected.
    const toA = scripted({ name: 'to-a', diplomacy: atRounds({ 0: [{ type: 'propose-talks', target: 'A', terms: COUNTER_B }] }) });
    const both = run(proposer(), toA, 1);
    expect(eventsOf(both.log, 'talks.opened').map((e) => e.by)).toEqual(['A']);
    expect(eventsOf(both.log, 'action.rejected').map((e) => [e.actor, e.reason])).toEqual([['B', 'talks between B and A are already under way (answer or counter there)']]);
  });
  it('agreements accepted in different passes of one round get different ids, and withdrawing one keeps the other', () => {
    // A offers to B and to C in round 0. C accepts in the first pass; B counters, and A accepts
    // B's counter in a second pass. Both agreements were 'ag:0:t0' when each pass counted from 0,
    // and A withdrawing from one of them in round 1 removed both.
    const a = scripted({
      name: 'proposer',
      diplomacy: (view) => {
        if (view.round === 0) return [{ type: 'propose-talks', target: 'B', terms: OFFER }, { type: 'propose-talks', target: 'C', terms: OFFER }];
        const withC = view.agreements.find((ag) => ag.parties.includes('C'));
        return view.round === 1 && withC ? [{ type: 'withdraw', agreement: withC.id }] : [];
      },
      respond: (request) => (request.kind === 'proposal' ? { type: 'accept' } : { type: 'ignore' }),
    });
    const b = responder(() => ({ type: 'counter', terms: COUNTER_B }));
    const c = responder(() => ({ type: 'accept' }));
    const r = simulate({ actors: [{ id: 'A', strategy: a }, { id: 'B', strategy: b }, { id: 'C', strategy: c }], mechanisms: QUIET }, { seed: 7, rounds: 2 });
    const signed = eventsOf(r.log, 'agreement.signed').map((e) => [e.round, e.agreement.id, e.agreement.parties]);
    expect(signed).toEqual([
      [0, 'ag:0:t0', ['A', 'C']],
      [0, 'ag:0:t1', ['A', 'B']],
    ]);
    expect(eventsOf(r.log, 'agreement.withdrawn').map((e) => [e.round, e.agreement])).toEqual([[1, 'ag:0:t0']]);
    expect(r.world.agreements.map((ag) => [ag.id, ag.parties])).toEqual([['ag:0:t1', ['A', 'B']]]);
  });
});
