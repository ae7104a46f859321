/**
 * Sanctions (docs/diplomacy.md, "Sanctions"): a threat is public, rung L3, and costs the target's
 * trust in the threatener; a sanction (L4) replaces the threat and costs both sides welfare every
 * round it is in force (`welfare.sanctionCostTarget`, `welfare.sanctionCostImposer`); lifting it
 * stops the costs.
 */
import { describe, expect, it } from 'vitest';
import { betaTrust, DEFAULT_MECHANISMS, RUNG, simulate } from '../../src/index.js';
import type { DiplomacyAction } from '../../src/index.js';
import { at, atRounds, eventsOf, QUIET, scripted, trustOf, welfareOf } from './helpers.js';

const THREAT: DiplomacyAction = { type: 'threaten-sanctions', target: 'B', measure: 'economic', unless: 'stop commercial theft' };

describe('sanctions', () => {
  it('a threat of sanctions is public, puts the dyad on rung L3 and costs the target trust; a duplicate is rejected', () => {
    let thirdPartySaw = false;
    const c = scripted({
      name: 'observer',
      diplomacy: (view) => {
        if (view.events.some((e) => e.type === 'sanction.threatened' && e.threat.by === 'A' && e.threat.target === 'B')) thirdPartySaw = true;
        return [];
      },
    });
    const r = simulate({ actors: [{ id: 'A', strategy: scripted({ name: 'threatener', diplomacy: atRounds({ 0: [THREAT, THREAT] }) }) }, { id: 'B' }, { id: 'C', strategy: c }], mechanisms: QUIET }, { seed: 2, rounds: 2 });
    const [threatened] = eventsOf(r.log, 'sanction.threatened');
    expect(threatened?.threat).toMatchObject({ by: 'A', target: 'B', measure: 'economic', unless: 'stop commercial theft', since: 0 });
    expect(eventsOf(r.log, 'action.rejected')).toEqual([expect.objectContaining({ round: 0, actor: 'A', reason: 'A already threatens B with economic sanctions' })]);
    expect(eventsOf(r.log, 'escalation.changed')).toEqual([expect.objectContaining({ round: 0, from: 'A', to: 'B', rung: RUNG.FORMAL_ATTRIBUTION, previous: 0 })]);
    expect(RUNG.FORMAL_ATTRIBUTION).toBe(3);
    expect(thirdPartySaw).toBe(true);
    expect(r.world.threats).toHaveLength(1);
    // B's evidence about A after round 0 is s = trust.threat (0.5), decayed by λ in round 1.
    const lambda = DEFAULT_MECHANISMS.trust.decay;
    expect(trustOf(r.world, 'B', 'A')).toBeCloseTo(betaTrust(0, DEFAULT_MECHANISMS.trust.threat * lambda), 12);
    expect(trustOf(r.world, 'B', 'A')).toBeLessThan(0.5);
    expect(trustOf(r.world, 'A', 'B')).toBe(0.5);
    expect(trustOf(r.world, 'C', 'A')).toBe(0.5);
  });

  it('a sanction (L4) replaces the threat and costs both sides every round it is in force; lifting it stops the costs', () => {
    const a = scripted({ name: 'sanctioner', diplomacy: atRounds({ 0: [THREAT, { type: 'sanction', target: 'B', measure: 'economic' }], 3: [{ type: 'lift-sanction', target: 'B' }] }) });
    const welfare: [number, number][] = [];
    const r = simulate({ actors: [{ id: 'A', strategy: a }, { id: 'B' }], mechanisms: QUIET }, { seed: 2, rounds: 6, onRound: (res) => welfare.push([welfareOf(res.world, 'A'), welfareOf(res.world, 'B')]) });
    const { sanctionCostImposer: imposer, sanctionCostTarget: target } = DEFAULT_MECHANISMS.welfare;
    expect(welfare.map(([x, y]) => [x, y])).toEqual(
      [1, 2, 3, 3, 3, 3].map((k) => [expect.closeTo(-imposer * k, 12), expect.closeTo(-target * k, 12)]),
    );
    expect(eventsOf(r.log, 'sanction.imposed').map((e) => [e.round, e.sanction.by, e.sanction.target, e.sanction.measure])).toEqual([[0, 'A', 'B', 'economic']]);
    expect(eventsOf(r.log, 'sanction.lifted').map((e) => [e.round, e.by, e.target])).toEqual([[3, 'A', 'B']]);
    expect(eventsOf(r.log, 'escalation.changed', (e) => e.round === 0)).toEqual([expect.objectContaining({ from: 'A', to: 'B', rung: RUNG.SANCTIONS })]);
    expect(RUNG.SANCTIONS).toBe(4);
    const n = r.world.dyads.n;
    expect(r.world.dyads.peakRung[at(r.world, 'A') * n + at(r.world, 'B')]).toBe(4);
    expect(r.world.threats).toEqual([]);
    expect(r.world.sanctions).toEqual([]);
  });
});
