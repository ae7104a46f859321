/**
 * Properties of the commitment audit's timing (docs/diplomacy.md, "The commitment audit"), on
 * random worlds of agreements, norms, operations, reveals, shared information, adoptions and
 * withdrawals:
 * - every perceived violation on an incident is perceived in a round in which the victim's file
 *   named the suspect with that confidence, at or above the threshold, and only once per file,
 *   suspect and commitment;
 * - no act is judged against a norm adopted or an agreement signed after it, and an agreement
 *   withdrawn after it still binds it: the audit's verdicts on operations are exactly those of the
 *   commitments in force when each operation was conducted, replayed here from the log.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createWorld, DEFAULT_MECHANISMS, simulate } from '../../src/index.js';
import type { Agreement, Commitment, DiplomacyAction, Inject, SimEvent, WorldSpec } from '../../src/index.js';
import { FC_SEED, scripted } from './helpers.js';

const STATES = ['S', 'T', 'V', 'W'] as const;
const ACTORS = [...STATES, 'P'] as const;
const ROUNDS = 6;
const NORMS = ['gge15.f', 'gge15.k'] as const;
const TERMS: readonly Commitment[] = [{ kind: 'no-commercial-theft' }, { kind: 'sanctions-relief' }, { kind: 'norms', norms: ['gge15.f', 'gge15.k'] }, { kind: 'hotline' }];

type Move = { readonly actor: number; readonly round: number; readonly move: 'adopt-f' | 'adopt-k' | 'withdraw' | 'share' };

const pair = fc.tuple(fc.nat({ max: STATES.length - 1 }), fc.nat({ max: STATES.length - 2 })).map(([a, b]) => [STATES[a]!, STATES[(a + 1 + b) % STATES.length]!] as [string, string]);
const terms = fc.subarray([...TERMS], { minLength: 1 });

const arbInject: fc.Arbitrary<Inject> = fc.oneof(
  fc
    .record({
      round: fc.nat({ max: ROUNDS - 1 }),
      actor: fc.constantFrom(...ACTORS),
      target: fc.constantFrom(...STATES),
      kind: fc.constantFrom('espionage' as const, 'disruption' as const, 'degradation' as const),
      against: fc.constantFrom('networks' as const, 'critical-infrastructure' as const, 'cert' as const),
      commercial: fc.boolean(),
    })
    .filter((o) => o.actor !== o.target)
    // Only espionage is commercial (createWorld refuses the flag on another kind, which ran as non-commercial).
    .map((o): Inject => ({ type: 'operation', ...o, commercial: o.commercial && o.kind === 'espionage' })),
  fc.record({ round: fc.nat({ max: ROUNDS - 1 }), parties: pair, terms }).map((a): Inject => ({ type: 'agreement', ...a })),
  fc.record({ round: fc.nat({ max: ROUNDS - 1 }), by: pair }).map(({ round, by }): Inject => ({ type: 'sanction', round, by: by[0], target: by[1], measure: 'economic' })),
  fc.nat({ max: ROUNDS - 1 }).map((round): Inject => ({ type: 'reveal', round })),
);

const arbMove: fc.Arbitrary<Move> = fc.record({ actor: fc.nat({ max: ACTORS.length - 1 }), round: fc.nat({ max: ROUNDS - 1 }), move: fc.constantFrom('adopt-f' as const, 'adopt-k' as const, 'withdraw' as const, 'share' as const) });

const arbWorld = fc
  .record({
    agreements: fc.array(fc.record({ parties: pair, terms }), { maxLength: 3 }),
    norms: fc.record(Object.fromEntries(STATES.map((s) => [s, fc.subarray([...NORMS])])) as Record<string, fc.Arbitrary<string[]>>),
    injects: fc.array(arbInject, { minLength: 1, maxLength: 12 }),
    moves: fc.array(arbMove, { maxLength: 10 }),
    attribution: fc.constantFrom(0.3, 0.6, 0.9),
    threshold: fc.constantFrom(0.4, 0.5, 0.7),
  })
  .map(({ agreements, norms, injects, moves, attribution, threshold }): { spec: WorldSpec; threshold: number } => {
    const strategy = (id: string) =>
      scripted({
        name: `mover-${id.toLowerCase()}`,
        diplomacy: (view) => {
          const out: DiplomacyAction[] = [];
          for (const m of moves) {
            if (ACTORS[m.actor] !== id || m.round !== view.round) continue;
            if (m.move === 'adopt-f' || m.move === 'adopt-k') out.push({ type: 'adopt-norm', norm: m.move === 'adopt-f' ? 'gge15.f' : 'gge15.k' });
            else if (m.move === 'withdraw') {
              const ag = view.agreements.find((a) => a.parties.includes(id));
              if (ag) out.push({ type: 'withdraw', agreement: ag.id });
            } else {
              const inc = view.incidents[0];
              const target = STATES.find((s) => s !== id);
              if (inc && target) out.push({ type: 'share-information', target, incident: inc.id });
            }
          }
          return out;
        },
      });
    return {
      threshold,
      spec: {
        actors: [
          ...STATES.map((id) => ({ id, capabilities: { espionage: 0.7, offense: 0.7, stealth: 0.3, attribution: attribution }, strategy: strategy(id) })),
          { id: 'P', kind: 'proxy' as const, sponsor: 'S', capabilities: { espionage: 0.7, offense: 0.6, stealth: 0.3 }, strategy: strategy('P') },
        ],
        agreements,
        norms: Object.fromEntries(Object.entries(norms).filter(([, n]) => n.length > 0)),
        injects,
        mechanisms: { falseAlarm: { rate: 0.05 }, audit: { confidenceThreshold: threshold } },
      },
    };
  });

/** The commitments in force before each event of the log, replayed from the world's start. */
function replay(spec: WorldSpec, log: readonly SimEvent[]): { agreements: readonly Agreement[]; norms: Readonly<Record<string, readonly string[]>> }[] {
  const start = createWorld(spec, { seed: 1 });
  let agreements: readonly Agreement[] = start.agreements;
  let norms: Readonly<Record<string, readonly string[]>> = start.norms;
  const out: { agreements: readonly Agreement[]; norms: Readonly<Record<string, readonly string[]>> }[] = [];
  for (const e of log) {
    out.push({ agreements, norms });
    if (e.type === 'agreement.signed') agreements = [...agreements, e.agreement];
    else if (e.type === 'agreement.withdrawn') agreements = agreements.filter((a) => a.id !== e.agreement);
    else if (e.type === 'norm.adopted') norms = { ...norms, [e.actor]: [...(norms[e.actor] ?? []), e.norm] };
  }
  return out;
}

const theftTerm = (agreements: readonly Agreement[], a: string, b: string) => agreements.find((ag) => ag.parties.includes(a) && ag.parties.includes(b) && ag.terms.some((t) => t.kind === 'no-commercial-theft'));
const forbids = (norms: readonly string[], act: { kind: string; against: string }) =>
  [act.against === 'critical-infrastructure' && act.kind !== 'espionage' && norms.includes('gge15.f') ? 'gge15.f' : null, act.against === 'cert' && norms.includes('gge15.k') ? 'gge15.k' : null].filter((n) => n !== null);

describe('the commitment audit judges what a file named, and when each act happened', () => {
  it('every perceived violation: its file named the suspect at ≥ threshold in that round; once per file, suspect and commitment; judged by the commitments in force at the act', () => {
    let perceivedLater = 0;
    let judged = 0;
    fc.assert(
      fc.property(arbWorld, fc.nat({ max: 1000 }), ({ spec, threshold }, seed) => {
        const r = simulate(spec, { seed, rounds: ROUNDS, log: true });
        const log = r.log;
        const before = replay(spec, log);
        const position = new Map<string, number>();
        const detected = new Map<string, { round: number; operation: string | null }>();
        log.forEach((e, k) => {
          if (e.type === 'operation.conducted') position.set(e.operation.id, k);
          if (e.type === 'incident.detected') detected.set(e.incident, { round: e.round, operation: e.operation });
        });
        const seen = new Set<string>();
        for (const e of log) {
          if (e.type !== 'violation.perceived' || e.incident === null) continue;
          // The file named the suspect with this confidence in this round.
          expect(e.confidence).toBeGreaterThanOrEqual(threshold);
          const named = log.some(
            (f) =>
              f.round === e.round &&
              (((f.type === 'incident.detected' || f.type === 'incident.investigated') && f.incident === e.incident && f.suspect === e.against && f.confidence === e.confidence) ||
                (f.type === 'truth.revealed' && f.incident === e.incident && f.principal === e.against && e.confidence === 1)),
          );
          expect(named, JSON.stringify(e)).toBe(true);
          const key = `${e.incident}|${e.against}|${e.commitment}|${e.norm}`;
          expect(seen.has(key), key).toBe(false);
          seen.add(key);
          // Judged by the commitments in force when the operation behind the file was conducted.
          const inc = detected.get(e.incident);
          expect(inc?.operation).not.toBeNull();
          const at = before[position.get(inc?.operation ?? '') ?? -1];
          expect(at).toBeDefined();
          if (e.norm !== null) expect(at?.norms[e.against] ?? []).toContain(e.norm);
          else expect(theftTerm(at?.agreements ?? [], e.by, e.against)?.id).toBe(e.agreement);
          if (e.round > (inc?.round ?? e.round)) perceivedLater++;
        }
        // The verdicts on operations are exactly those of the commitments in force when each ran.
        log.forEach((e, k) => {
          if (e.type !== 'operation.conducted') return;
          const op = e.operation;
          const at = before[k]!;
          const expected: (string | null)[][] = [];
          const ag = op.commercial ? theftTerm(at.agreements, op.principal, op.target) : undefined;
          if (ag) expected.push(['no-commercial-theft', ag.id, null]);
          const viaProxy = op.author !== op.principal && (at.norms[op.principal] ?? []).includes('gge15.c');
          if (viaProxy) expected.push([null, null, 'gge15.c']);
          for (const n of forbids(at.norms[op.principal] ?? [], op)) expected.push([null, null, n]);
          const actual = log.filter((v) => v.type === 'violation.committed' && v.operation === op.id).map((v) => (v.type === 'violation.committed' ? [v.commitment, v.agreement, v.norm] : []));
          expect(actual, op.id).toEqual(expected);
          judged += expected.length;
        });
        // Sanctions: judged by the relief in force when imposed.
        log.forEach((e, k) => {
          if (e.type !== 'sanction.imposed') return;
          const s = e.sanction;
          const ag = before[k]!.agreements.find((a) => a.parties.includes(s.by) && a.parties.includes(s.target) && a.terms.some((t) => t.kind === 'sanctions-relief'));
          const actual = log.filter((v) => v.type === 'violation.committed' && v.round === e.round && v.commitment === 'sanctions-relief' && v.by === s.by && v.against === s.target);
          expect(actual.length, JSON.stringify(e)).toBe(ag ? 1 : 0);
        });
      }),
      { seed: FC_SEED, numRuns: 150 },
    );
    // Not vacuous: operations were judged, and some breaches were perceived on a later signal.
    expect(judged).toBeGreaterThan(20);
    expect(perceivedLater).toBeGreaterThan(0);
    expect(DEFAULT_MECHANISMS.audit.confidenceThreshold).toBe(0.5);
  });
});
