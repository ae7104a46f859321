/**
 * When the commitment audit judges (docs/diplomacy.md, "The commitment audit"):
 * - a victim perceives a breach when its file on an incident first names a suspect with confidence
 *   ≥ `audit.confidenceThreshold` — at detection or at any later update of the file (investigation,
 *   a reveal, …) — once per file and suspect;
 * - every act is judged against the commitments in force when it happened, not at the round's end.
 */
import { describe, expect, it } from 'vitest';
import { simulate } from '../../src/index.js';
import type { WorldSpec } from '../../src/index.js';
import { answering, atRounds, eventsOf, QUIET, scripted } from './helpers.js';

/** S steals commercially from V in round 0 under a no-commercial-theft agreement; X is another capable spy. */
const theft: WorldSpec = {
  actors: [
    { id: 'S', capabilities: { espionage: 0.7, stealth: 0.4 } },
    { id: 'V', capabilities: { attribution: 0.5 } },
    { id: 'X', capabilities: { espionage: 0.7 } },
  ],
  agreements: [{ parties: ['S', 'V'], terms: [{ kind: 'no-commercial-theft' }] }],
  injects: [{ round: 0, type: 'operation', actor: 'S', target: 'V', kind: 'espionage', commercial: true }],
  mechanisms: QUIET,
};

const file = (log: ReturnType<typeof simulate>['log']) =>
  [...eventsOf(log, 'incident.detected'), ...eventsOf(log, 'incident.investigated')].map((e) => [e.round, e.suspect, Number(e.confidence.toFixed(3))]);

describe('a breach is perceived when the file first names the suspect at the threshold', () => {
  it('at a later investigation signal, not only at detection (seed 19: first X, then S at 0.420, 0.630, 0.781, 0.870)', () => {
    const r = simulate(theft, { seed: 19, rounds: 5, log: true });
    expect(file(r.log)).toEqual([
      [0, 'X', 0.656],
      [1, 'S', 0.42],
      [2, 'S', 0.63],
      [3, 'S', 0.781],
      [4, 'S', 0.87],
    ]);
    const [ag] = simulate(theft, { seed: 19, rounds: 0 }).world.agreements;
    const [inc] = eventsOf(r.log, 'incident.detected');
    const [second] = eventsOf(r.log, 'incident.investigated', (e) => e.round === 2);
    // Perceived once, in round 2, with the confidence the file had then.
    expect(eventsOf(r.log, 'violation.perceived')).toEqual([
      { type: 'violation.perceived', round: 2, phase: 'update', confidence: second?.confidence, incident: inc?.incident, real: true, by: 'V', against: 'S', commitment: 'no-commercial-theft', norm: null, agreement: ag?.id },
    ]);
    expect(r.world.incidents.find((i) => i.id === inc?.incident)?.perceived).toEqual(['S']);
  });

  it('when a reveal makes the partner certain (seed 5: the file names X throughout)', () => {
    const revealed: WorldSpec = { ...theft, injects: [...(theft.injects ?? []), { round: 1, type: 'reveal', victim: 'V' }] };
    const before = simulate(theft, { seed: 5, rounds: 3, log: true });
    expect(eventsOf(before.log, 'incident.detected')).toEqual([expect.objectContaining({ suspect: 'X' })]);
    expect(eventsOf(before.log, 'violation.perceived')).toEqual([]);
    const r = simulate(revealed, { seed: 5, rounds: 3, log: true });
    expect(eventsOf(r.log, 'truth.revealed')).toEqual([expect.objectContaining({ round: 1, principal: 'S' })]);
    expect(eventsOf(r.log, 'violation.perceived')).toEqual([expect.objectContaining({ round: 1, by: 'V', against: 'S', confidence: 1, real: true, commitment: 'no-commercial-theft' })]);
  });

  it("against a proxy's sponsor once investigation traces the theft to it, and once only though the confidence dips and rises again (seed 25)", () => {
    const proxy: WorldSpec = {
      actors: [
        { id: 'P', kind: 'proxy', sponsor: 'S', capabilities: { espionage: 0.7, stealth: 0.3 } },
        { id: 'S', capabilities: { espionage: 0.7 } },
        { id: 'V', capabilities: { attribution: 0.6 } },
      ],
      agreements: [{ parties: ['S', 'V'], terms: [{ kind: 'no-commercial-theft' }] }],
      injects: [{ round: 0, type: 'operation', actor: 'P', target: 'V', kind: 'espionage', commercial: true }],
      mechanisms: QUIET,
    };
    const r = simulate(proxy, { seed: 25, rounds: 5, log: true });
    // The first signal names the proxy; investigation names the sponsor (0.654), then the proxy
    // again (S falls below the threshold), then the sponsor at 0.593 once more.
    expect(file(r.log)).toEqual([
      [0, 'P', 0.7],
      [1, 'P', 0.409],
      [2, 'S', 0.654],
      [3, 'P', 0.371],
      [4, 'S', 0.593],
    ]);
    const perceived = eventsOf(r.log, 'violation.perceived');
    expect(perceived).toEqual([expect.objectContaining({ round: 2, by: 'V', against: 'S', commitment: 'no-commercial-theft', real: false })]);
    expect(perceived[0]?.confidence).toBeCloseTo(0.654, 3);
    // In truth the proxy's theft broke no commitment of the sponsor's.
    expect(eventsOf(r.log, 'violation.committed')).toEqual([]);
  });
});

describe('an act is judged against the commitments in force when it happened', () => {
  /** A degrades B's critical infrastructure every other round from round 1; B's forensics are perfect. */
  const attacks: WorldSpec = {
    actors: [
      { id: 'A', capabilities: { offense: 0.9, stealth: 0 } },
      { id: 'B', capabilities: { attribution: 1 } },
    ],
    injects: [
      { round: 1, type: 'operation', actor: 'A', target: 'B', kind: 'degradation', against: 'critical-infrastructure' },
      { round: 3, type: 'operation', actor: 'A', target: 'B', kind: 'degradation', against: 'critical-infrastructure' },
    ],
    mechanisms: QUIET,
  };

  it('a norm adopted in diplomacy after the operation does not make that operation a breach; a later one is', () => {
    const adopter = scripted({ name: 'adopter', diplomacy: atRounds({ 1: [{ type: 'adopt-norm', norm: 'gge15.f' }] }) });
    const spec: WorldSpec = { ...attacks, actors: [{ ...attacks.actors[0]!, strategy: adopter }, attacks.actors[1]!] };
    const r = simulate(spec, { seed: 1, rounds: 5, log: true });
    expect(eventsOf(r.log, 'norm.adopted')).toEqual([expect.objectContaining({ round: 1, phase: 'diplomacy', actor: 'A', norm: 'gge15.f' })]);
    expect(eventsOf(r.log, 'incident.detected').map((e) => [e.round, e.suspect, e.confidence >= 0.5])).toEqual([
      [1, 'A', true],
      [3, 'A', true],
    ]);
    const ops = eventsOf(r.log, 'operation.conducted').map((e) => e.operation.id);
    expect(eventsOf(r.log, 'violation.committed').map((e) => [e.round, e.by, e.norm, e.operation])).toEqual([[3, 'A', 'gge15.f', ops[1]]]);
    expect(eventsOf(r.log, 'violation.perceived').map((e) => [e.round, e.by, e.against, e.norm])).toEqual([[3, 'B', 'A', 'gge15.f']]);
  });

  it('a theft followed by a withdrawal from the agreement in the same round is still a breach of it', () => {
    const spec: WorldSpec = {
      actors: [
        { id: 'S', capabilities: { espionage: 0.9, stealth: 0 }, strategy: scripted({ name: 'leaver', diplomacy: (v) => (v.round === 1 ? v.agreements.map((a) => ({ type: 'withdraw' as const, agreement: a.id })) : []) }) },
        { id: 'V', capabilities: { attribution: 1 } },
      ],
      agreements: [{ parties: ['S', 'V'], terms: [{ kind: 'no-commercial-theft' }] }],
      injects: [{ round: 1, type: 'operation', actor: 'S', target: 'V', kind: 'espionage', commercial: true }],
      mechanisms: QUIET,
    };
    const r = simulate(spec, { seed: 1, rounds: 3, log: true });
    const [withdrawn] = eventsOf(r.log, 'agreement.withdrawn');
    expect(withdrawn).toMatchObject({ round: 1, phase: 'diplomacy', by: 'S' });
    const [op] = eventsOf(r.log, 'operation.conducted');
    expect(eventsOf(r.log, 'violation.committed')).toEqual([expect.objectContaining({ round: 1, by: 'S', against: 'V', commitment: 'no-commercial-theft', agreement: withdrawn?.agreement, operation: op?.operation.id })]);
    expect(eventsOf(r.log, 'incident.detected')).toEqual([expect.objectContaining({ round: 1, suspect: 'S' })]);
    expect(eventsOf(r.log, 'violation.perceived')).toEqual([expect.objectContaining({ round: 1, by: 'V', against: 'S', commitment: 'no-commercial-theft', agreement: withdrawn?.agreement, real: true })]);
  });
});

describe('a hotline answer that moves the file', () => {
  it('perceives the breach in the responses phase when an admission lifts the partner over the threshold', () => {
    const asker = scripted({ name: 'asker', diplomacy: (v) => (v.round === 0 ? v.incidents.map((i) => ({ type: 'hotline-query' as const, target: 'S', incident: i.id })) : []) });
    const admits = answering('hotline-query', { type: 'acknowledge' }, 'admitter');
    const spec: WorldSpec = {
      ...theft,
      actors: [
        { ...theft.actors[0]!, strategy: admits },
        { ...theft.actors[1]!, strategy: asker },
        theft.actors[2]!,
      ],
      agreements: [{ parties: ['S', 'V'], terms: [{ kind: 'no-commercial-theft' }, { kind: 'hotline' }] }],
    };
    const r = simulate(spec, { seed: 19, rounds: 1, log: true });
    // Detection names X; S's admission over the hotline makes V's file name S at the threshold.
    expect(eventsOf(r.log, 'incident.detected')).toEqual([expect.objectContaining({ suspect: 'X' })]);
    const [answer] = eventsOf(r.log, 'hotline.answered');
    expect(answer).toMatchObject({ round: 0, by: 'S', to: 'V', answer: 'acknowledge' });
    expect(answer?.confidence).toBeGreaterThanOrEqual(0.5);
    expect(eventsOf(r.log, 'violation.perceived')).toEqual([expect.objectContaining({ round: 0, by: 'V', against: 'S', confidence: answer?.confidence, real: true, commitment: 'no-commercial-theft' })]);
  });
});
