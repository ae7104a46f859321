import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { betaTrust, CAPABILITY_KEYS, simulate } from '../../src/index.js';
import type { Capabilities, RoundResult, SimEvent, World, WorldSpec } from '../../src/index.js';
import { arbWorldSpec, worldInvariantViolations } from '../../src/testing/index.js';

const MIX = ['passive', 'dove', 'hawk', 'tit-for-tat', 'generous-tit-for-tat', 'deterrer', 'random', 'cautious', 'de-escalator', 'grim-trigger', 'pragmatist', 'spoiler', 'norm-entrepreneur'];

/** Everything wrong with one round: the world's invariants, and the numbers its events carry. */
function roundProblems(result: RoundResult, previous: World): string[] {
  const out = worldInvariantViolations(result.world, previous);
  const world = result.world;
  const n = world.actors.length;
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < n; j++) {
      const t = betaTrust(world.dyads.trustR[i * n + j] as number, world.dyads.trustS[i * n + j] as number);
      if (!(t > 0 && t < 1)) out.push(`trust ${i}→${j} = ${t}`);
    }
  }
  for (const e of result.events) {
    if (e.round !== result.round) out.push(`event ${e.type} stamped round ${e.round} in round ${result.round}`);
    const c = (e as { confidence?: unknown }).confidence;
    if (c !== undefined && !(typeof c === 'number' && c >= 0 && c <= 1)) out.push(`${e.type} has confidence ${String(c)}`);
    if (e.type === 'escalation.changed' && !(Number.isInteger(e.rung) && e.rung >= 0 && e.rung <= 7 && e.rung > e.previous)) out.push(`escalation.changed ${e.previous} → ${e.rung}`);
    if (e.type === 'operation.conducted' && !(e.operation.severity >= 1 && e.operation.severity <= 10)) out.push(`severity ${e.operation.severity}`);
  }
  const m = result.metrics;
  if (!(m.meanTrust >= 0 && m.meanTrust <= 1)) out.push(`meanTrust ${m.meanTrust}`);
  if (!(m.maxRung >= 0 && m.maxRung <= m.peakRung && m.peakRung <= 7)) out.push(`rungs ${m.maxRung}/${m.peakRung}`);
  return out;
}

/** Play a run, checking every round against the one before. Returns the problems and the log. */
function checkedRun(spec: WorldSpec, seed: number, rounds: number): { problems: string[]; log: readonly SimEvent[]; worlds: World[] } {
  const problems: string[] = [];
  const worlds: World[] = [];
  let previous: World | undefined;
  const run = simulate(spec, {
    seed,
    rounds,
    onRound: (r) => {
      problems.push(...roundProblems(r, previous ?? r.world).map((p) => `round ${r.round}: ${p}`));
      // L7 is absorbing over the whole run, not just from one round to the next.
      for (const w of worlds) {
        for (let k = 0; k < w.dyads.rung.length; k++) if (w.dyads.rung[k] === 7 && r.world.dyads.rung[k] !== 7) problems.push(`round ${r.round}: dyad ${k} left L7`);
      }
      worlds.push(r.world);
      previous = r.world;
    },
  });
  problems.push(...worldInvariantViolations(run.initial).map((p) => `initial: ${p}`));
  return { problems, log: run.log, worlds };
}

/** Capabilities pushed up (and stealth down) so conflicts escalate. */
function belligerent(c: Capabilities): Capabilities {
  return { espionage: 0.6 + 0.4 * c.espionage, offense: 0.6 + 0.4 * c.offense, defense: c.defense * 0.5, attribution: 0.7 + 0.3 * c.attribution, stealth: 0.3 * c.stealth };
}

describe('world invariants', () => {
  it('hold in every round of random worlds with random strategy mixes', () => {
    let incidents = 0;
    fc.assert(
      fc.property(arbWorldSpec({ strategies: MIX, maxActors: 6 }), fc.nat(), (spec, seed) => {
        const { problems, worlds } = checkedRun(spec, seed, 15);
        expect(problems).toEqual([]);
        incidents += worlds.reduce((s, w) => s + w.incidents.length, 0);
      }),
      { numRuns: 40 },
    );
    expect(incidents).toBeGreaterThan(100);
  });

  it('hold in belligerent worlds, where open conflict (L7) is reached and never left', () => {
    let conflicts = 0;
    const arb = arbWorldSpec({ strategies: ['hawk', 'hawk', 'grim-trigger', 'tit-for-tat'], minActors: 2, maxActors: 4, proxies: false }).map(
      (spec): WorldSpec => ({ ...spec, actors: spec.actors.map((a) => ({ ...a, capabilities: belligerent(a.capabilities as Capabilities) })) }),
    );
    fc.assert(
      fc.property(arb, fc.nat(), (spec, seed) => {
        const { problems, log, worlds } = checkedRun(spec, seed, 20);
        expect(problems).toEqual([]);
        const opened = log.filter((e) => e.type === 'conflict.opened');
        if (opened.length > 0) conflicts++;
        // Every conflict.opened is the first L7 of its pair, and the pair stays at L7 to the end.
        for (const e of opened) {
          if (e.type !== 'conflict.opened') continue;
          const last = worlds[worlds.length - 1] as World;
          const i = last.actors.findIndex((a) => a.id === e.between[0]);
          const j = last.actors.findIndex((a) => a.id === e.between[1]);
          const n = last.actors.length;
          expect(last.dyads.rung[i * n + j]).toBe(7);
          expect(last.dyads.rung[j * n + i]).toBe(7);
          const before = worlds[e.round - 1];
          if (before) expect(before.dyads.rung[i * n + j]).not.toBe(7);
        }
      }),
      { numRuns: 30 },
    );
    expect(conflicts).toBeGreaterThan(3);
  });

  it('capability injects keep capabilities in [0, 1]', () => {
    const run = simulate(
      {
        actors: [{ id: 'A', strategy: 'hawk' }, { id: 'B', strategy: 'random' }],
        injects: [
          { round: 1, type: 'capability', actor: 'A', capability: 'stealth', value: 1 },
          { round: 2, type: 'capability', actor: 'B', capability: 'attribution', value: 0 },
        ],
      },
      { seed: 1, rounds: 4 },
    );
    const a = run.world.actors.find((x) => x.id === 'A');
    const b = run.world.actors.find((x) => x.id === 'B');
    expect(a?.capabilities.stealth).toBe(1);
    expect(b?.capabilities.attribution).toBe(0);
    for (const x of run.world.actors) for (const k of CAPABILITY_KEYS) expect(x.capabilities[k]).toBeGreaterThanOrEqual(0);
  });
});
