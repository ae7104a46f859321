/**
 * What signing an agreement does (docs/diplomacy.md, "Commitments"): a `norms` term makes every
 * party adopt the norms, `sanctions-relief` lifts the sanctions between the parties (and a later
 * sanction between them breaks it), `next-round` schedules a dialogue every k rounds with the
 * parties proposing in turn, skipped while a party has suspended it.
 */
import { describe, expect, it } from 'vitest';
import { createWorld, simulate } from '../../src/index.js';
import type { Commitment, DiplomacyAction } from '../../src/index.js';
import { answering, atRounds, eventsOf, QUIET, scripted, trustOf } from './helpers.js';

const accept = answering('proposal', { type: 'accept' }, 'acceptor');

function proposing(terms: Commitment[], round = 0, extra: Record<number, DiplomacyAction[]> = {}) {
  return scripted({ name: 'proposer', diplomacy: atRounds({ ...extra, [round]: [{ type: 'propose-talks', target: 'B', terms }, ...(extra[round] ?? [])] }) });
}

describe('agreements', () => {
  it('a norms term makes every party adopt the listed norms when signed, and nobody else', () => {
    const norms = ['gge15.k', 'gge15.f'];
    const r = simulate(
      { actors: [{ id: 'A', strategy: proposing([{ kind: 'norms', norms }]) }, { id: 'B', strategy: accept }, { id: 'C' }], norms: { B: ['gge15.f'] }, mechanisms: QUIET },
      { seed: 3, rounds: 1 },
    );
    expect(eventsOf(r.log, 'agreement.signed')).toHaveLength(1);
    // B had adopted (f) already: only what it lacked is adopted, in the responses phase of the signing round.
    expect(eventsOf(r.log, 'norm.adopted').map((e) => [e.round, e.phase, e.actor, e.norm])).toEqual([
      [0, 'responses', 'A', 'gge15.k'],
      [0, 'responses', 'A', 'gge15.f'],
      [0, 'responses', 'B', 'gge15.k'],
    ]);
    expect(r.world.norms).toEqual({ A: ['gge15.f', 'gge15.k'], B: ['gge15.f', 'gge15.k'], C: [] });

    // An agreement in force at the start is signed the same way.
    const w = createWorld({ actors: [{ id: 'A' }, { id: 'B' }, { id: 'C' }], agreements: [{ parties: ['B', 'A'], terms: [{ kind: 'norms', norms }] }] }, { seed: 1 });
    expect(w.norms).toEqual({ A: ['gge15.f', 'gge15.k'], B: ['gge15.f', 'gge15.k'], C: [] });
  });

  it('sanctions relief lifts the sanctions between the parties (only) and a later sanction between them breaks it', () => {
    const r = simulate(
      {
        actors: [
          { id: 'A', strategy: proposing([{ kind: 'sanctions-relief' }], 1, { 2: [{ type: 'sanction', target: 'B', measure: 'economic' }] }) },
          { id: 'B', strategy: accept },
          { id: 'C' },
        ],
        injects: [
          { round: 0, type: 'sanction', by: 'A', target: 'B', measure: 'economic' },
          { round: 0, type: 'sanction', by: 'B', target: 'A', measure: 'indictment' },
          { round: 0, type: 'sanction', by: 'C', target: 'B', measure: 'economic' },
        ],
        mechanisms: QUIET,
      },
      { seed: 3, rounds: 3 },
    );
    expect(eventsOf(r.log, 'sanction.lifted', (e) => e.round === 1).map((e) => [e.phase, e.by, e.target])).toEqual([
      ['responses', 'A', 'B'],
      ['responses', 'B', 'A'],
    ]);
    expect(eventsOf(r.log, 'violation.committed', (e) => e.round < 2)).toEqual([]);
    // Round 2: A sanctions B again, under relief.
    const ag = eventsOf(r.log, 'agreement.signed')[0]?.agreement.id;
    expect(eventsOf(r.log, 'violation.committed')).toEqual([
      expect.objectContaining({ round: 2, by: 'A', against: 'B', commitment: 'sanctions-relief', agreement: ag, operation: null }),
    ]);
    expect(eventsOf(r.log, 'violation.perceived')).toEqual([
      expect.objectContaining({ round: 2, by: 'B', against: 'A', commitment: 'sanctions-relief', confidence: 1, real: true, incident: null }),
    ]);
    expect(r.world.sanctions.map((s) => [s.by, s.target]).sort()).toEqual([
      ['A', 'B'],
      ['C', 'B'],
    ]);
  });

  it('a next-round term schedules a dialogue every k rounds, alternating the proposer, skipped while suspended, resumed', () => {
    const b = scripted({
      name: 'suspender',
      diplomacy: atRounds({ 3: [{ type: 'suspend-dialogue', target: 'A' }], 4: [{ type: 'suspend-dialogue', target: 'A' }], 5: [{ type: 'resume-dialogue', target: 'A' }] }),
      respond: (req) => (req.kind === 'proposal' ? { type: 'accept' } : { type: 'ignore' }),
    });
    const r = simulate({ actors: [{ id: 'A', strategy: proposing([{ kind: 'next-round', rounds: 2 }]) }, { id: 'B', strategy: b }], mechanisms: QUIET }, { seed: 3, rounds: 11 });
    const dialogue = r.world.dialogues[0]?.id;
    expect(dialogue).toBeDefined();
    const calendar = r.log
      .filter((e) => e.type.startsWith('dialogue.'))
      .map((e) =>
        e.type === 'dialogue.held' ? [e.round, 'held', e.proposer] : e.type === 'dialogue.suspended' || e.type === 'dialogue.resumed' ? [e.round, e.type.slice(9), e.by] : [e.round, e.type.slice(9)],
      );
    // Signed in round 0 on A's offer: every 2 rounds from round 2, A opens first; the skipped
    // round does not pass the turn.
    expect(calendar).toEqual([
      [2, 'held', 'A'],
      [3, 'suspended', 'B'],
      [4, 'skipped'],
      [5, 'resumed', 'B'],
      [6, 'held', 'B'],
      [8, 'held', 'A'],
      [10, 'held', 'B'],
    ]);
    for (const e of r.log) if (e.type.startsWith('dialogue.')) expect((e as { dialogue: string }).dialogue).toBe(dialogue);
    expect(eventsOf(r.log, 'action.rejected')).toEqual([expect.objectContaining({ round: 4, actor: 'B', reason: 'the dialogue with A is already suspended' })]);
  });

  it('in a dialogue of three parties, each proposes in turn', () => {
    const r = simulate(
      { actors: [{ id: 'A' }, { id: 'B' }, { id: 'C' }], agreements: [{ parties: ['A', 'B', 'C'], terms: [{ kind: 'next-round', rounds: 1 }] }], mechanisms: QUIET },
      { seed: 1, rounds: 7 },
    );
    expect(eventsOf(r.log, 'dialogue.held').map((e) => `${e.round}:${e.proposer}`)).toEqual(['1:A', '2:B', '3:C', '4:A', '5:B', '6:C']);
  });

  it('withdrawing ends the agreement and its dialogue, and costs the partner trust', () => {
    const a = scripted({ name: 'withdrawer', diplomacy: (v) => (v.round === 1 ? v.agreements.map((ag): DiplomacyAction => ({ type: 'withdraw', agreement: ag.id })) : []) });
    const spec = (withdraw: boolean) => ({
      actors: [{ id: 'A', strategy: withdraw ? a : 'passive' }, { id: 'B' }],
      agreements: [{ parties: ['A', 'B'], terms: [{ kind: 'hotline' as const }, { kind: 'next-round' as const, rounds: 1 }] }],
      mechanisms: QUIET,
    });
    const r = simulate(spec(true), { seed: 3, rounds: 4 });
    const kept = simulate(spec(false), { seed: 3, rounds: 2 });
    const withdrawn = simulate(spec(true), { seed: 3, rounds: 2 });
    expect(trustOf(withdrawn.world, 'B', 'A')).toBeLessThan(trustOf(kept.world, 'B', 'A'));
    expect(trustOf(withdrawn.world, 'B', 'A')).toBeLessThan(0.5);
    expect(eventsOf(r.log, 'agreement.withdrawn')).toEqual([expect.objectContaining({ round: 1, by: 'A', parties: ['A', 'B'] })]);
    expect(r.world.agreements).toEqual([]);
    expect(r.world.dialogues).toEqual([]);
    expect(eventsOf(r.log, 'dialogue.held').map((e) => e.round)).toEqual([1]);
  });
});
