// DESIGN §3: "Tension scales how aggressive reactive strategies are." hawk, tit-for-tat,
// generous-tit-for-tat and grim-trigger act against a suspect from a confidence threshold (and
// generous-tit-for-tat forgives with a probability) multiplied by 1 − w · x/(x + x½), x being the
// actor's tension towards the suspect (underTension in src/strategies/builtins/helpers.ts).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { beginRound, createRegistry, createWorld, defineStrategy, generousTitForTat, grimTrigger, hawk, simulate, titForTat, viewWith } from '../../src/index.js';
import type { ActorSpec, ActorView, Capabilities, IncidentView, Rng, Strategy, WorldSpec } from '../../src/index.js';
import { arbWorldSpec } from '../../src/testing/index.js';

const STRONG: Capabilities = { espionage: 0.9, offense: 0.9, defense: 0.5, attribution: 0.9, stealth: 0.1 };

/** S's view at the start of round 0 of a world of S and the suspect R. */
function viewOfS(): ActorView {
  const p = beginRound(createWorld({ actors: [{ id: 'R', capabilities: STRONG }, { id: 'S', capabilities: STRONG }] }, { seed: 1 }));
  if (p.done) throw new Error('expected a pending round');
  const need = p.needs.find((n) => n.actor === 'S');
  if (!need) throw new Error('no decision for S');
  return need.view;
}

/** S's view with one disruption of `round` attributed to R with `confidence`, and tension `x` of S towards R. */
function seeing(round: number, confidence: number, x: number): ActorView {
  const base = viewOfS();
  const incident: IncidentView = {
    id: 'inc-1',
    round,
    kind: 'disruption',
    against: 'networks',
    severity: 5,
    signals: ['R'],
    suspect: 'R',
    confidence,
    nobody: 1 - confidence,
    posterior: (a) => (a === 'R' ? confidence : 0),
    investigation: 1,
    revealed: null,
  };
  return viewWith(base, { incidents: [incident], tension: (from, to) => (from === 'S' && to === 'R' ? x : 0) });
}

/** A stream that always draws `u`, counting its draws. */
function fixedRng(u: number): Rng & { draws: number } {
  const rng = {
    draws: 0,
    next: () => {
      rng.draws++;
      return u;
    },
    int: (n: number) => Math.floor(rng.next() * n),
    chance: (p: number) => rng.next() < p,
    pick: <T>(items: readonly T[]) => items[rng.int(items.length)],
  };
  return rng;
}

const NO_DRAW: Rng = fixedRng(0.5);
const types = (actions: readonly { type: string }[]): string[] => actions.map((a) => a.type);

describe('tension lowers the confidence a reactive built-in acts on', () => {
  // Defaults w = 0.3, x½ = 1: at tension 1 the factor is 1 − 0.3 · 1/2 = 0.85; at tension 3, 0.775.
  it('hawk: at tension 1 it accuses from 0.255, sanctions from 0.51 and strikes from 0.68, not below', () => {
    const h = hawk();
    const v0 = viewOfS().round;
    // Without tension, 0.7 is enough for a formal accusation and a sanction, not for a strike (0.8).
    expect(h.diplomacy(seeing(v0, 0.7, 0), NO_DRAW)).toEqual([{ type: 'accuse', target: 'R', incident: 'inc-1', public: true, formal: true }, { type: 'sanction', target: 'R', measure: 'economic' }]);
    expect(types(h.diplomacy(seeing(v0, 0.7, 1), NO_DRAW))).toEqual(['accuse', 'sanction', 'retaliate']);
    expect(h.diplomacy(seeing(v0, 0.55, 0), NO_DRAW)).toEqual([{ type: 'accuse', target: 'R', incident: 'inc-1', public: true, formal: false }]);
    expect(h.diplomacy(seeing(v0, 0.55, 1), NO_DRAW)).toEqual([{ type: 'accuse', target: 'R', incident: 'inc-1', public: true, formal: true }, { type: 'sanction', target: 'R', measure: 'economic' }]);
    expect(h.diplomacy(seeing(v0, 0.27, 0), NO_DRAW)).toEqual([]);
    expect(types(h.diplomacy(seeing(v0, 0.27, 1), NO_DRAW))).toEqual(['accuse']);
    // The thresholds are 0.3 · 0.85 etc. exactly: just below each, nothing more happens.
    expect(h.diplomacy(seeing(v0, 0.25, 1), NO_DRAW)).toEqual([]);
    expect(types(h.diplomacy(seeing(v0, 0.3 * 0.85, 1), NO_DRAW))).toEqual(['accuse']);
    expect(types(h.diplomacy(seeing(v0, 0.8 * 0.85, 1), NO_DRAW))).toEqual(['accuse', 'sanction', 'retaliate']);
    expect(types(h.diplomacy(seeing(v0, 0.67, 1), NO_DRAW))).toEqual(['accuse', 'sanction']);
    // Tension towards someone else, or negative tension (détente), changes nothing.
    expect(h.diplomacy(viewWith(seeing(v0, 0.27, 0), { tension: (from, to) => (from === 'R' && to === 'S' ? 5 : 0) }), NO_DRAW)).toEqual([]);
    expect(h.diplomacy(seeing(v0, 0.3, -5), NO_DRAW)).toEqual(h.diplomacy(seeing(v0, 0.3, 0), NO_DRAW));
    expect(h.diplomacy(seeing(v0, 0.29, -5), NO_DRAW)).toEqual([]);
  });

  it('tit-for-tat: at tension 1 it strikes back and raises the incident from 0.51 instead of 0.6', () => {
    const t = titForTat();
    const v = seeing(0, 0.55, 0);
    const round = v.round;
    expect(t.operate(seeing(round - 1, 0.55, 0), NO_DRAW)).toEqual([]);
    expect(t.operate(seeing(round - 1, 0.55, 1), NO_DRAW)).toEqual([{ type: 'operate', target: 'R', kind: 'disruption' }]);
    expect(t.diplomacy(seeing(round, 0.55, 0), NO_DRAW)).toEqual([]);
    expect(t.diplomacy(seeing(round, 0.55, 1), NO_DRAW)).toEqual([{ type: 'accuse', target: 'R', incident: 'inc-1', public: false }]);
    expect(t.operate(seeing(round - 1, 0.5, 1), NO_DRAW)).toEqual([]);
    // A tenser dyad, weaker evidence still: 0.6 · 0.775 = 0.465 at tension 3.
    expect(t.operate(seeing(round - 1, 0.47, 3), NO_DRAW)).toHaveLength(1);
  });

  it('generous-tit-for-tat: tension lowers its threshold, and its forgiveness in the same way, with one draw either way', () => {
    const g = generousTitForTat();
    const round = viewOfS().round;
    // Weaker evidence: answered only under tension (u = 0.99 never forgives).
    expect(g.operate(seeing(round - 1, 0.55, 0), fixedRng(0.99))).toEqual([]);
    expect(g.operate(seeing(round - 1, 0.55, 1), fixedRng(0.99))).toEqual([{ type: 'operate', target: 'R', kind: 'disruption' }]);
    // Forgiveness: a draw of 0.28 is under 0.3 (forgiven without tension) but not under 0.3 · 0.85 = 0.255.
    const calm = fixedRng(0.28);
    const tense = fixedRng(0.28);
    expect(g.operate(seeing(round - 1, 0.9, 0), calm)).toEqual([]);
    expect(g.operate(seeing(round - 1, 0.9, 1), tense)).toEqual([{ type: 'operate', target: 'R', kind: 'disruption' }]);
    expect([calm.draws, tense.draws]).toEqual([1, 1]);
    // No attribution it could answer, no draw, tense or not.
    const none = fixedRng(0.28);
    expect(g.operate(seeing(round - 1, 0.3, 1), none)).toEqual([]);
    expect(none.draws).toBe(0);
  });

  it('grim-trigger: at tension 1 it feels betrayed from 0.595 instead of 0.7', () => {
    const g = grimTrigger();
    const round = viewOfS().round;
    expect(g.diplomacy(seeing(round, 0.6, 0), NO_DRAW)).toEqual([]);
    expect(g.diplomacy(seeing(round, 0.6, 1), NO_DRAW)).toEqual([
      { type: 'accuse', target: 'R', incident: 'inc-1', public: true, formal: true },
      { type: 'sanction', target: 'R', measure: 'economic' },
    ]);
    expect(g.diplomacy(seeing(round, 0.59, 1), NO_DRAW)).toEqual([]);
  });

  it('tensionWeight and tensionHalf are checked parameters; tensionWeight 0 ignores tension', () => {
    const registry = createRegistry();
    for (const name of ['hawk', 'tit-for-tat', 'generous-tit-for-tat', 'grim-trigger']) {
      expect(registry.get(name).params).toMatchObject({ tensionWeight: 0.3, tensionHalf: 1 });
      expect(() => registry.get(name, { tensionWeight: 1.5 })).toThrow(new RegExp(`strategy '${name}': parameter 'tensionWeight' must be a number in \\[0, 1\\]`));
      expect(() => registry.get(name, { tensionHalf: 0 })).toThrow(/parameter 'tensionHalf' must be a number in \[0\.001, 1000000\]/);
    }
    const round = viewOfS().round;
    expect(hawk({ tensionWeight: 0 }).diplomacy(seeing(round, 0.27, 1000), NO_DRAW)).toEqual([]);
    expect(titForTat({ tensionWeight: 0 }).operate(seeing(round - 1, 0.59, 1000), NO_DRAW)).toEqual([]);
    expect(grimTrigger({ tensionWeight: 0 }).diplomacy(seeing(round, 0.69, 1000), NO_DRAW)).toEqual([]);
    // A larger half-effect tension, a smaller effect: x½ = 9 at tension 1 gives 1 − 0.3 · 0.1 = 0.97.
    expect(titForTat({ tensionHalf: 9 }).operate(seeing(round - 1, 0.55, 1), NO_DRAW)).toEqual([]);
    expect(titForTat({ tensionHalf: 9 }).operate(seeing(round - 1, 0.59, 1), NO_DRAW)).toHaveLength(1);
  });
});

describe('tension in whole runs', () => {
  // The review's reproduction: Richardson coefficients that make tension large (grievance scale 50,
  // reactivity 5, dt 1) against tension switched off (no grievance, no reactivity).
  const HOT = { tension: { grievanceScale: 50, reactivity: 5, dt: 1 } };
  const OFF = { tension: { grievanceScale: 0, reactivity: 0 } };
  // Three players of the strategy and a random actor that gives them incidents to react to.
  const world = (strategy: string | Strategy, mechanisms: WorldSpec['mechanisms']): WorldSpec => ({
    actors: [
      ...['A', 'B', 'C'].map((id, k): ActorSpec => ({ id, strategy, capabilities: { espionage: 0.8, offense: 0.8, defense: 0.3, attribution: 0.3 + 0.2 * k, stealth: 0.5 } })),
      { id: 'X', strategy: 'random', capabilities: { espionage: 0.8, offense: 0.8, defense: 0.3, attribution: 0.5, stealth: 0.5 } },
    ],
    ...(mechanisms ? { mechanisms } : {}),
  });
  const log = (spec: WorldSpec, seed: number): string => JSON.stringify(simulate(spec, { seed, rounds: 24 }).log);

  for (const name of ['hawk', 'tit-for-tat', 'grim-trigger', 'generous-tit-for-tat']) {
    it(`${name}: the Richardson coefficients change what happens (and do not with tensionWeight 0)`, () => {
      const registry = createRegistry();
      let differ = 0;
      for (let seed = 1; seed <= 8; seed++) {
        if (log(world(name, HOT), seed) !== log(world(name, OFF), seed)) differ++;
        const blind = registry.get(name, { tensionWeight: 0 });
        expect(log(world(blind, HOT), seed)).toBe(log(world(blind, OFF), seed));
      }
      expect(differ).toBeGreaterThan(0);
    });
  }
});

describe('tensionWeight 0 plays as before tension was read', () => {
  const REACTIVE = ['hawk', 'tit-for-tat', 'generous-tit-for-tat', 'grim-trigger'];
  const registry = createRegistry();
  /**
   * The strategy as it played before: its default parameters, on views whose tension reads 0
   * (the factor is then 1 exactly, whatever w and x½), so the thresholds are the old ones.
   */
  const tensionBlind = (name: string): Strategy => {
    const inner = registry.get(name);
    const blind = (view: ActorView): ActorView => viewWith(view, { tension: () => 0 });
    return defineStrategy({
      name,
      meta: inner.meta,
      operate: (view, rng) => inner.operate(blind(view), rng),
      diplomacy: (view, rng) => inner.diplomacy(blind(view), rng),
      respond: (request, view, rng) => inner.respond(request, blind(view), rng),
    });
  };
  const withStrategies = (spec: WorldSpec, pick: (name: string) => Strategy): WorldSpec => ({
    ...spec,
    actors: spec.actors.map((a) => (typeof a.strategy === 'string' && REACTIVE.includes(a.strategy) ? { ...a, strategy: pick(a.strategy) } : a)),
  });

  it('gives the same log as the tension-blind strategy, in random worlds with large tensions', () => {
    let differentWithDefaults = 0;
    fc.assert(
      fc.property(arbWorldSpec({ strategies: [...REACTIVE, 'dove', 'random', 'deterrer'], maxActors: 5 }), fc.nat(), fc.boolean(), (raw, seed, hot) => {
        // Half of the worlds with the review's amplified coefficients, so that tensions get large.
        const spec: WorldSpec = hot ? { ...raw, mechanisms: { tension: { grievanceScale: 50, reactivity: 5, dt: 1 } } } : raw;
        const before = JSON.stringify(simulate(withStrategies(spec, tensionBlind), { seed, rounds: 12 }).log);
        const zero = JSON.stringify(simulate(withStrategies(spec, (name) => registry.get(name, { tensionWeight: 0 })), { seed, rounds: 12 }).log);
        expect(zero).toBe(before);
        if (JSON.stringify(simulate(withStrategies(spec, (name) => registry.get(name)), { seed, rounds: 12 }).log) !== before) differentWithDefaults++;
      }),
      { numRuns: 40 },
    );
    // Not vacuous: with the default weight, tension changed some of these runs.
    expect(differentWithDefaults).toBeGreaterThan(0);
  });
});
