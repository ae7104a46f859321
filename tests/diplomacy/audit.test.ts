/**
 * The commitment audit keeps truth and perception apart (docs/diplomacy.md, "The commitment
 * audit"): `violation.committed` records what really broke a commitment (hidden from every view);
 * `violation.perceived` what a victim saw — only a file on a detected incident that names the suspect
 * with confidence ≥ `audit.confidenceThreshold`, at detection or a later signal, once per file and
 * suspect — and it can be false, e.g. when a third party plants a false flag.
 */
import { describe, expect, it } from 'vitest';
import { DEFAULT_MECHANISMS, isVisibleTo, simulate } from '../../src/index.js';
import type { Inject, MechanismOverrides, WorldSpec } from '../../src/index.js';
import { answering, atRounds, eventsOf, QUIET, scripted } from './helpers.js';

const SEEDS = Array.from({ length: 40 }, (_, k) => k);
const ROUNDS = 6;

/**
 * S and V have agreed not to steal commercial secrets; S spies on V every round, commercially in
 * even rounds; T is another capable spy, so V's attributions are uncertain.
 */
function theft(mechanisms: MechanismOverrides = {}, flagged?: { by: string; flag: string }): WorldSpec {
  const injects: Inject[] = [];
  for (let round = 0; round < ROUNDS; round++) {
    if (flagged) injects.push({ round, type: 'operation', actor: flagged.by, target: 'V', kind: 'espionage', commercial: true, falseFlag: flagged.flag });
    else injects.push({ round, type: 'operation', actor: 'S', target: 'V', kind: 'espionage', commercial: round % 2 === 0 });
  }
  return {
    actors: [
      { id: 'S', capabilities: { espionage: 0.7, stealth: 0.4 } },
      { id: 'T', capabilities: { espionage: 0.7 } },
      { id: 'V', capabilities: { attribution: 0.5 } },
    ],
    agreements: [{ parties: ['S', 'V'], terms: [{ kind: 'no-commercial-theft' }] }],
    injects,
    mechanisms: { ...QUIET, ...mechanisms },
  };
}

describe('the commitment audit', () => {
  it('commercial espionage under no-commercial-theft is a committed violation, whether noticed or not; other espionage is not', () => {
    let commercial = 0;
    for (const seed of SEEDS) {
      const r = simulate(theft(), { seed, rounds: ROUNDS });
      const ag = r.world.agreements[0]?.id;
      const ops = eventsOf(r.log, 'operation.conducted');
      expect(ops).toHaveLength(ROUNDS);
      for (const { operation: op } of ops) {
        const committed = eventsOf(r.log, 'violation.committed', (e) => e.operation === op.id);
        if (op.commercial) {
          commercial++;
          expect(committed).toEqual([expect.objectContaining({ round: op.round, phase: 'update', by: 'S', against: 'V', commitment: 'no-commercial-theft', agreement: ag, norm: null })]);
        } else expect(committed).toEqual([]);
      }
      // The truth is hidden from every actor.
      for (const e of eventsOf(r.log, 'violation.committed')) for (const a of ['S', 'T', 'V']) expect(isVisibleTo(e, a)).toBe(false);
    }
    expect(commercial).toBe(SEEDS.length * (ROUNDS / 2));
  });

  for (const threshold of [DEFAULT_MECHANISMS.audit.confidenceThreshold, 0.6]) {
    it(`a violation is perceived exactly when V's file on a commercial incident first names the partner with confidence ≥ ${threshold}, at detection or a later signal`, () => {
      const tally = { perceived: 0, later: 0, unnoticed: 0, belowThreshold: 0 };
      for (const seed of SEEDS) {
        const r = simulate(theft({ audit: { confidenceThreshold: threshold } }), { seed, rounds: ROUNDS, log: true });
        // The file's updates in log order (detection, then each investigation signal): the first
        // that names S at the threshold is perceived, in its round, with its confidence.
        const commercial = new Set(eventsOf(r.log, 'incident.detected', (e) => e.victim === 'V' && e.commercial).map((e) => e.incident));
        const done = new Set<string>();
        const expected: (string | number | boolean)[][] = [];
        for (const e of r.log) {
          if (e.type !== 'incident.detected' && e.type !== 'incident.investigated') continue;
          if (!commercial.has(e.incident) || done.has(e.incident) || e.suspect !== 'S' || e.confidence < threshold) continue;
          done.add(e.incident);
          expected.push([e.round, 'V', 'S', 'no-commercial-theft', e.incident, e.confidence, true]);
          if (e.type === 'incident.investigated') tally.later++;
        }
        const perceived = eventsOf(r.log, 'violation.perceived');
        expect(perceived.map((e) => [e.round, e.by, e.against, e.commitment, e.incident, e.confidence, e.real])).toEqual(expected);
        for (const e of perceived) {
          expect(e.confidence).toBeGreaterThanOrEqual(threshold);
          expect(isVisibleTo(e, 'V')).toBe(true);
          expect(isVisibleTo(e, 'S')).toBe(false);
          expect(isVisibleTo(e, 'T')).toBe(false);
        }
        tally.perceived += perceived.length;
        const committed = eventsOf(r.log, 'violation.committed').length;
        if (committed > perceived.length) tally.unnoticed++;
        if (eventsOf(r.log, 'incident.detected', (e) => e.commercial && e.suspect === 'S' && e.confidence < threshold).length > 0) tally.belowThreshold++;
      }
      // Not vacuous: some violations are perceived, some only on a later signal, some go
      // unnoticed, some detections fall short of the threshold.
      expect(tally.perceived).toBeGreaterThan(10);
      expect(tally.later).toBeGreaterThan(0);
      expect(tally.unnoticed).toBeGreaterThan(10);
      if (threshold > DEFAULT_MECHANISMS.audit.confidenceThreshold) expect(tally.belowThreshold).toBeGreaterThan(0);
    });
  }

  it('a perceived violation can be false: a third party stealing under a false flag makes V accuse its innocent partner', () => {
    let falsePerceived = 0;
    for (const seed of SEEDS) {
      const r = simulate(theft({}, { by: 'T', flag: 'S' }), { seed, rounds: ROUNDS, log: true });
      // S did nothing: nothing committed (T has no agreement with V).
      expect(eventsOf(r.log, 'violation.committed')).toEqual([]);
      const perceived = eventsOf(r.log, 'violation.perceived');
      for (const e of perceived) {
        expect(e).toMatchObject({ by: 'V', against: 'S', commitment: 'no-commercial-theft', real: false });
        const [detected] = eventsOf(r.log, 'incident.detected', (d) => d.incident === e.incident);
        expect(detected).toMatchObject({ commercial: true });
        expect(detected?.operation).not.toBeNull();
        // In the round perceived, the file named S with that confidence (at detection or a later signal).
        const named = [...eventsOf(r.log, 'incident.detected'), ...eventsOf(r.log, 'incident.investigated')].filter((d) => d.incident === e.incident && d.round === e.round && d.suspect === 'S' && d.confidence === e.confidence);
        expect(named).toHaveLength(1);
      }
      falsePerceived += perceived.length;
    }
    expect(falsePerceived).toBeGreaterThan(5);
  });

  it('an overt strike is not audited (a countermeasure, docs/diplomacy.md), even a degradation after adopting (f), yet it climbs to L6', () => {
    const striker = scripted({ diplomacy: (view) => (view.round === 0 ? [{ type: 'retaliate', target: 'B', kind: 'degradation' }] : []) });
    const r = simulate(
      {
        actors: [{ id: 'A', strategy: striker, capabilities: { offense: 1 } }, { id: 'B' }],
        norms: { A: ['gge15.f', 'gge15.k'] },
        agreements: [{ parties: ['A', 'B'], terms: [{ kind: 'norms', norms: ['gge15.f'] }] }],
      },
      { seed: 1, rounds: 1 },
    );
    expect(eventsOf(r.log, 'retaliation.conducted')).toEqual([expect.objectContaining({ by: 'A', target: 'B', kind: 'degradation' })]);
    expect(eventsOf(r.log, 'escalation.changed')).toEqual([expect.objectContaining({ from: 'A', to: 'B', rung: 6 })]);
    expect(r.log.filter((e) => e.type === 'violation.committed' || e.type === 'violation.perceived')).toEqual([]);
  });

  it('an agreement binds only what follows its signing: a sanction or a theft earlier in the same round is not a breach', () => {
    // Round 2: A indicts B and steals from B (injects, operations), then the two sign sanctions relief
    // and no commercial theft (an agreement inject is applied in the injects phase, after the
    // sanction above it, before the operation). Round 4: A sanctions B again — a breach.
    const spec: WorldSpec = {
      actors: [{ id: 'A', capabilities: { espionage: 0.9 } }, { id: 'B', capabilities: { attribution: 1 } }],
      injects: [
        { round: 2, type: 'sanction', by: 'A', target: 'B', measure: 'indictment' },
        { round: 2, type: 'agreement', parties: ['A', 'B'], terms: [{ kind: 'sanctions-relief' }, { kind: 'no-commercial-theft' }] },
        { round: 2, type: 'operation', actor: 'A', target: 'B', kind: 'espionage', commercial: true },
        { round: 4, type: 'sanction', by: 'A', target: 'B', measure: 'economic' },
      ],
      mechanisms: QUIET,
    };
    const r = simulate(spec, { seed: 1, rounds: 6 });
    // The signing lifted the indictment; nobody broke sanctions relief in round 2.
    expect(eventsOf(r.log, 'sanction.lifted', (e) => e.round === 2)).toHaveLength(1);
    expect(eventsOf(r.log, 'violation.committed', (e) => e.commitment === 'sanctions-relief' && e.round === 2)).toEqual([]);
    expect(eventsOf(r.log, 'violation.perceived', (e) => e.commitment === 'sanctions-relief' && e.round === 2)).toEqual([]);
    // The theft came after the signing in round 2 (operations follow injects): it is a breach.
    expect(eventsOf(r.log, 'violation.committed', (e) => e.commitment === 'no-commercial-theft' && e.round === 2)).toHaveLength(1);
    // The sanction of round 4 breaks the relief, and B sees it.
    expect(eventsOf(r.log, 'violation.committed', (e) => e.commitment === 'sanctions-relief')).toEqual([expect.objectContaining({ round: 4, by: 'A', against: 'B' })]);
    expect(eventsOf(r.log, 'violation.perceived', (e) => e.commitment === 'sanctions-relief')).toEqual([expect.objectContaining({ round: 4, by: 'B', against: 'A', real: true })]);
  });

  it('a theft in the round talks end in an agreement, before the signing, is not a breach of it', () => {
    // The agreement is signed in the responses phase of round 1; A's theft ran in the operations phase before.
    const spec: WorldSpec = {
      actors: [{ id: 'A', capabilities: { espionage: 0.9 } }, { id: 'B', capabilities: { attribution: 1 } }],
      injects: [{ round: 1, type: 'operation', actor: 'A', target: 'B', kind: 'espionage', commercial: true }],
      mechanisms: QUIET,
    };
    const proposer = scripted({ name: 'proposer', diplomacy: atRounds({ 1: [{ type: 'propose-talks', target: 'B', terms: [{ kind: 'no-commercial-theft' }] }] }) });
    const r = simulate({ ...spec, actors: [{ ...spec.actors[0]!, strategy: proposer }, { ...spec.actors[1]!, strategy: answering('proposal', { type: 'accept' }) }] }, { seed: 1, rounds: 3 });
    const [signed] = eventsOf(r.log, 'agreement.signed');
    expect(signed).toMatchObject({ round: 1, phase: 'responses' });
    expect(eventsOf(r.log, 'operation.conducted', (e) => e.round === 1 && e.operation.commercial)).toHaveLength(1);
    expect(eventsOf(r.log, 'violation.committed')).toEqual([]);
    expect(eventsOf(r.log, 'violation.perceived')).toEqual([]);
  });
});
