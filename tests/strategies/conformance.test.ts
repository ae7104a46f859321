/**
 * The conformance suite: every registered built-in strategy (iterated from `createRegistry()`, so a
 * new built-in is covered without touching this file) is driven through random worlds with the
 * decision protocol (`beginRound` / `submitDecisions`) and checked against the strategy contract:
 *
 * - deterministic: the same view and the same random stream give the same decision;
 * - pure: views are frozen, deciding changes neither the view nor the world;
 * - valid: the engine never rejects what the strategy decides (except the documented in-round
 *   conflicts between simultaneous actions), and every answer validates against its request;
 * - honest metadata: a non-stochastic strategy never draws, a non-retaliatory one never sanctions
 *   or strikes, a non-aggressive one never operates unprovoked.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { beginRound, createRegistry, createWorld, GGE15_NORM_IDS, snapshot, submitDecisions, validateResponse } from '../../src/index.js';
import type {
  Action,
  ActorSpec,
  ActorView,
  Commitment,
  Decision,
  DecisionNeed,
  EventOf,
  ForumSpec,
  Inject,
  PendingRound,
  Response,
  RoundResult,
  Rng,
  SimEvent,
  Strategy,
  World,
  WorldSpec,
} from '../../src/index.js';

const FC_SEED = Number(process.env.FC_SEED ?? 424242);
const RUNS = 25;
const registry = createRegistry();
const ENTRIES = registry.list();
const NAMES = registry.names();

// ---------------------------------------------------------------------------------------------
// Random streams for calling strategies outside the engine.

/** A tiny seeded LCG with the engine's `Rng` interface that counts its draws. */
class CountingRng implements Rng {
  draws = 0;
  private state: number;
  constructor(seed: number) {
    this.state = seed >>> 0;
  }
  next(): number {
    this.draws++;
    this.state = (Math.imul(this.state, 1664525) + 1013904223) >>> 0;
    return this.state / 4294967296;
  }
  int(n: number): number {
    return Math.floor(this.next() * n);
  }
  chance(p: number): boolean {
    return this.next() < p;
  }
  pick<T>(items: readonly T[]): T | undefined {
    return items.length === 0 ? undefined : items[this.int(items.length)];
  }
}

/** An rng a non-stochastic strategy must never touch. */
const THROWING_RNG: Rng = Object.freeze({
  next: (): number => {
    throw new Error('a non-stochastic strategy drew from its rng (next)');
  },
  int: (): number => {
    throw new Error('a non-stochastic strategy drew from its rng (int)');
  },
  chance: (): boolean => {
    throw new Error('a non-stochastic strategy drew from its rng (chance)');
  },
  pick: <T,>(): T | undefined => {
    throw new Error('a non-stochastic strategy drew from its rng (pick)');
  },
});

type Output = readonly Action[] | Response;

function decide(strategy: Strategy, need: DecisionNeed, rng: Rng): Output {
  if (need.request) return strategy.respond(need.request, need.view, rng);
  return need.phase === 'operations' ? strategy.operate(need.view, rng) : strategy.diplomacy(need.view, rng);
}

function toDecision(need: DecisionNeed, out: Output): Decision {
  if (need.request) return { actor: need.actor, request: need.request.id, response: out as Response };
  return { actor: need.actor, actions: out as readonly Action[] };
}

/**
 * Everything a view shows, as JSON: its data fields (the frozen lists and records, and the visible
 * events through their getter) plus what its accessors return for every actor.
 */
function viewJson(view: ActorView): string {
  const ids = view.actors.map((a) => a.id);
  return JSON.stringify({
    data: view,
    trust: ids.map((id) => (id === view.self ? null : view.trust(id))),
    tension: ids.map((a) => ids.map((b) => view.tension(a, b))),
    rung: ids.map((a) => ids.map((b) => view.rung(a, b))),
    perceived: ids.map((id) => view.perceivedEscalation(id)),
    hotline: ids.map((id) => view.hasHotline(id)),
    norms: ids.map((id) => view.norms(id)),
    posteriors: view.incidents.map((inc) => ids.map((id) => inc.posterior(id))),
  });
}

// ---------------------------------------------------------------------------------------------
// Random worlds.

interface Scenario {
  readonly spec: WorldSpec;
  readonly seed: number;
  readonly rounds: number;
}

const unit = fc.oneof({ weight: 1, arbitrary: fc.constantFrom(0, 1) }, { weight: 5, arbitrary: fc.double({ min: 0, max: 1, noNaN: true }) });
const capabilities = fc.record({ espionage: unit, offense: unit, defense: unit, attribution: unit, stealth: unit });

function arbCommitment(): fc.Arbitrary<Commitment> {
  return fc.oneof(
    fc.constant<Commitment>({ kind: 'hotline' }),
    fc.constant<Commitment>({ kind: 'no-commercial-theft' }),
    fc.constant<Commitment>({ kind: 'information-sharing' }),
    fc.constant<Commitment>({ kind: 'sanctions-relief' }),
    fc.integer({ min: 0, max: 3 }).map((rounds): Commitment => ({ kind: 'assistance', rounds })),
    fc.integer({ min: 1, max: 3 }).map((rounds): Commitment => ({ kind: 'next-round', rounds })),
    fc.subarray([...GGE15_NORM_IDS], { minLength: 1, maxLength: 4 }).map((norms): Commitment => ({ kind: 'norms', norms })),
  );
}

/**
 * A world of 2–6 actors (some of them proxies of an earlier state), random capabilities (with
 * exact 0 and 1 now and then), a random mix of every registered built-in in which `focus` plays at
 * least one actor, some initial trust, sometimes agreements (often a hotline), a forum and
 * scripted operations (with false flags, commercial) and sanctions.
 */
function arbScenario(focus: string): fc.Arbitrary<Scenario> {
  const actorRaw = fc.record({ proxy: fc.boolean(), sponsorPick: fc.nat(8), capabilities, strategy: fc.constantFrom(...NAMES) });
  return fc
    .record({ raw: fc.array(actorRaw, { minLength: 2, maxLength: 6 }), focusPick: fc.nat(8) })
    .chain(({ raw, focusPick }) => {
      const n = raw.length;
      const states: string[] = [];
      const actors: ActorSpec[] = raw.map((r, k) => {
        const id = `X${k}`;
        const strategy = k === focusPick % n ? focus : r.strategy;
        // Proxies are rarer than states: half of the draws that ask for one.
        if (k > 0 && r.proxy && r.sponsorPick % 2 === 0 && states.length > 0) {
          return { id, kind: 'proxy', sponsor: states[r.sponsorPick % states.length] as string, capabilities: r.capabilities, strategy };
        }
        states.push(id);
        return { id, capabilities: r.capabilities, strategy };
      });
      const ids = actors.map((a) => a.id);
      const idx = fc.nat(n - 1);
      const pair = fc.tuple(idx, idx).filter(([i, j]) => i !== j).map(([i, j]) => [ids[i] as string, ids[j] as string] as const);
      const dyad = fc.record({ pair, trust: fc.double({ min: 0.05, max: 0.95, noNaN: true }), mutual: fc.boolean() }).map(({ pair: [from, to], trust, mutual }) => ({ from, to, trust, mutual }));
      const agreement = fc
        .record({ pair, hotline: fc.boolean(), terms: fc.array(arbCommitment(), { minLength: 1, maxLength: 3 }) })
        .map(({ pair: [a, b], hotline, terms }) => ({ parties: [a, b], terms: hotline ? [{ kind: 'hotline' as const }, ...terms] : terms }));
      const forum: fc.Arbitrary<ForumSpec> = fc
        .record({
          members: fc.subarray(ids, { minLength: 2 }),
          every: fc.integer({ min: 1, max: 3 }),
          first: fc.integer({ min: 0, max: 2 }),
          rule: fc.oneof(fc.constant('consensus' as const), fc.double({ min: 0.1, max: 1, noNaN: true }).map((threshold) => ({ threshold }))),
          agenda: fc.array(fc.subarray([...GGE15_NORM_IDS], { minLength: 1, maxLength: 3 }), { maxLength: 2 }),
        })
        .map((f) => ({ id: 'forum', ...f }));
      const operation: fc.Arbitrary<Inject> = fc
        .record({ round: fc.nat(5), pair, kind: fc.constantFrom('espionage' as const, 'disruption' as const, 'degradation' as const), flag: fc.option(idx, { nil: undefined }), commercial: fc.boolean(), against: fc.constantFrom('networks' as const, 'critical-infrastructure' as const, 'cert' as const) })
        .map(({ round, pair: [actor, target], kind, flag, commercial, against }) => {
          const falseFlag = flag === undefined ? undefined : ids[flag];
          return {
            round,
            type: 'operation' as const,
            actor,
            target,
            kind,
            against,
            ...(falseFlag !== undefined && falseFlag !== target ? { falseFlag } : {}),
            ...(commercial && kind === 'espionage' ? { commercial: true } : {}),
          };
        });
      const sanction: fc.Arbitrary<Inject> = fc
        .record({ round: fc.nat(5), pair, measure: fc.constantFrom('economic' as const, 'indictment' as const) })
        .map(({ round, pair: [by, target], measure }) => ({ round, type: 'sanction' as const, by, target, measure }));
      return fc.record({
        dyads: fc.array(dyad, { maxLength: 6 }),
        agreements: fc.array(agreement, { maxLength: 2 }),
        forum: fc.option(forum, { nil: undefined }),
        injects: fc.array(fc.oneof({ weight: 4, arbitrary: operation }, { weight: 1, arbitrary: sanction }), { maxLength: 8 }),
        seed: fc.integer(),
        rounds: fc.integer({ min: 4, max: 7 }),
      }).map(({ dyads, agreements, forum: f, injects, seed, rounds }) => {
        const isState = (id: string) => (actors.find((a) => a.id === id)?.kind ?? 'state') === 'state';
        const spec: WorldSpec = {
          actors,
          dyads: firstPerRelation(dyads),
          agreements,
          ...(f ? { forums: [f] } : {}),
          injects: injects.filter((inj) => inj.type !== 'sanction' || isState(inj.by)),
        };
        return { spec, seed, rounds };
      });
    });
}

// ---------------------------------------------------------------------------------------------
// The driver.

interface Hooks {
  /** Called on every decision the focus strategy must take, before the engine gets it. */
  onFocusNeed?(need: DecisionNeed, strategy: Strategy): void;
  /** Called with each finished round. */
  onRound?(result: RoundResult, before: World): void;
}

/** Play a scenario with the registry's strategies, asking each actor's strategy with the engine's rng. */
function drive(scenario: Scenario, focus: string, hooks: Hooks = {}): { world: World; log: SimEvent[]; focusActors: Set<string> } {
  let world = createWorld(scenario.spec, { seed: scenario.seed });
  const strategies = new Map<string, Strategy>();
  const focusActors = new Set<string>();
  for (const a of scenario.spec.actors) {
    const name = a.strategy as string;
    strategies.set(a.id, registry.get(name));
    if (name === focus) focusActors.add(a.id);
  }
  const log: SimEvent[] = [];
  for (let r = 0; r < scenario.rounds; r++) {
    const before = world;
    let p: PendingRound | RoundResult = beginRound(world);
    while (!p.done) {
      const decisions: Decision[] = [];
      for (const need of p.needs) {
        const strategy = strategies.get(need.actor) as Strategy;
        if (focusActors.has(need.actor)) hooks.onFocusNeed?.(need, strategy);
        decisions.push(toDecision(need, decide(strategy, need, need.rng)));
      }
      p = submitDecisions(p, decisions);
    }
    hooks.onRound?.(p, before);
    log.push(...p.events);
    world = p.world;
  }
  return { world, log, focusActors };
}

const show = (x: unknown): string => JSON.stringify(x);

/**
 * Rejections that are not the strategy's fault: simultaneous decisions that conflict in the same
 * round. Each is accepted only when the conflicting action really passed earlier in that round.
 */
function isInRoundConflict(e: EventOf<'action.rejected'>, before: readonly SimEvent[]): boolean {
  const a = e.action as Partial<Record<string, unknown>> | null;
  if (!a || typeof a !== 'object' || e.phase !== 'diplomacy') return false;
  const sameRound = before.filter((x) => x.round === e.round && x.phase === 'diplomacy');
  // Two actors proposing talks to each other in the same round: the second proposal is rejected.
  const talks = /^talks between (\S+) and (\S+) are already under way/.exec(e.reason);
  if (talks && a.type === 'propose-talks') {
    return sameRound.some((x) => x.type === 'talks.opened' && [x.by, x.target].includes(e.actor) && [x.by, x.target].includes(String(a.target)));
  }
  // The same sanction (or threat) given twice in one round: the first passed, the second is a duplicate.
  if (/already has (economic|indictment) sanctions on/.test(e.reason) && a.type === 'sanction') {
    return sameRound.some((x) => x.type === 'sanction.imposed' && x.sanction.by === e.actor && x.sanction.target === a.target && x.sanction.measure === a.measure);
  }
  if (/already threatens .* with (economic|indictment) sanctions/.test(e.reason) && a.type === 'threaten-sanctions') {
    return sameRound.some((x) => x.type === 'sanction.threatened' && x.threat.by === e.actor && x.threat.target === a.target && x.threat.measure === a.measure);
  }
  // A package tabled while others adopt its last missing norms earlier in the same phase: the
  // package has become moot. Accepted only when those adoptions really happened this round.
  const moot = /^every member of (\S+) has already adopted (.+)$/.exec(e.reason);
  if (moot && a.type === 'table-package') {
    const norms = (moot[2] ?? '').split(', ');
    return sameRound.some((x) => x.type === 'norm.adopted' && norms.includes(x.norm));
  }
  return false;
}

const property = (focus: string, check: (s: Scenario) => void) =>
  fc.assert(fc.property(arbScenario(focus), (s) => check(s)), { seed: FC_SEED, numRuns: RUNS });

// ---------------------------------------------------------------------------------------------

describe('the registry', () => {
  it('lists every built-in, each with complete classifier metadata', () => {
    expect(NAMES.length).toBeGreaterThanOrEqual(13);
    for (const e of ENTRIES) {
      for (const key of ['stochastic', 'retaliatory', 'forgiving', 'attributionSensitive', 'aggressive'] as const) {
        expect(typeof e.meta[key], `${e.name}: meta.${key}`).toBe('boolean');
      }
      expect(registry.get(e.name).name).toBe(e.name);
    }
  });
});

describe.each(ENTRIES.map((e) => [e.name, e] as const))('built-in strategy %s', (name, entry) => {
  it('decides the same on the same view and the same random stream, whichever instance decides', () => {
    const fresh = registry.get(name);
    let checked = 0;
    property(name, (s) => {
      drive(s, name, {
        onFocusNeed(need, strategy) {
          const seed = (need.view.round * 7919 + checked * 104729) >>> 0;
          const r1 = new CountingRng(seed);
          const r2 = new CountingRng(seed);
          const r3 = new CountingRng(seed);
          const a = show(decide(strategy, need, r1));
          const b = show(decide(strategy, need, r2));
          const c = show(decide(fresh, need, r3));
          expect(b, `${name} decided differently on the same view (round ${need.view.round}, ${need.phase})`).toBe(a);
          expect(c, `a fresh ${name} decided differently on the same view`).toBe(a);
          expect(r2.draws).toBe(r1.draws);
          expect(r3.draws).toBe(r1.draws);
          checked++;
        },
      });
    });
    expect(checked).toBeGreaterThan(0);
  });

  it('gives a byte-identical log for the same scenario and seed', () => {
    property(name, (s) => {
      expect(show(drive(s, name).log)).toBe(show(drive(s, name).log));
    });
  });

  it('never mutates its view or the world', () => {
    let checked = 0;
    property(name, (s) => {
      drive(s, name, {
        onFocusNeed(need, strategy) {
          const v = need.view;
          expect(Object.isFrozen(v)).toBe(true);
          expect(Object.isFrozen(v.incidents)).toBe(true);
          expect(Object.isFrozen(v.actors)).toBe(true);
          expect(Object.isFrozen(v.requests)).toBe(true);
          expect(Object.isFrozen(v.agreements)).toBe(true);
          if (need.request) expect(Object.isFrozen(need.request)).toBe(true);
          const before = viewJson(v);
          const request = show(need.request);
          decide(strategy, need, new CountingRng(checked));
          expect(viewJson(v), `${name} changed its view`).toBe(before);
          expect(show(need.request)).toBe(request);
          checked++;
        },
      });
    });
    expect(checked).toBeGreaterThan(0);
  });

  it('leaves the world it is given unchanged (snapshot JSON before and after each round)', () => {
    property(name, (s) => {
      let world = createWorld(s.spec, { seed: s.seed });
      const strategies = Object.fromEntries(s.spec.actors.map((a) => [a.id, registry.get(a.strategy as string)]));
      for (let r = 0; r < s.rounds; r++) {
        const json = show(snapshot(world));
        let p: PendingRound | RoundResult = beginRound(world);
        while (!p.done) p = submitDecisions(p, p.needs.map((need) => toDecision(need, decide(strategies[need.actor] as Strategy, need, need.rng))));
        expect(show(snapshot(world)), `round ${r} changed the world it started from`).toBe(json);
        world = p.world;
      }
    });
  });

  it('returns only actions the engine accepts and answers that fit their requests', () => {
    let decisions = 0;
    property(name, (s) => {
      const answers: string[] = [];
      const { log, focusActors } = drive(s, name, {
        onFocusNeed(need, strategy) {
          decisions++;
          if (!need.request) return;
          const response = decide(strategy, need, new CountingRng(decisions)) as Response;
          const reason = validateResponse(need.request, response);
          if (reason !== null) answers.push(`${need.actor} answered ${show(need.request)} with ${show(response)}: ${reason}`);
        },
      });
      expect(answers).toEqual([]);
      const bad: string[] = [];
      log.forEach((e, k) => {
        if (e.type !== 'action.rejected' || !focusActors.has(e.actor)) return;
        if (!isInRoundConflict(e, log.slice(0, k))) bad.push(`round ${e.round} ${e.phase}: ${e.actor} (${name}) ${show(e.action)} → ${e.reason}`);
      });
      expect(bad, `rejected actions of ${name}:\n${bad.join('\n')}`).toEqual([]);
    });
    expect(decisions).toBeGreaterThan(0);
  });

  if (!entry.meta.stochastic) {
    it('never draws from its rng (non-stochastic)', () => {
      let checked = 0;
      property(name, (s) => {
        const { log, focusActors } = drive(s, name, {
          onFocusNeed(need, strategy) {
            const counted = new CountingRng(1);
            const expected = show(decide(strategy, need, counted));
            expect(counted.draws).toBe(0);
            expect(show(decide(strategy, need, THROWING_RNG))).toBe(expected);
            checked++;
          },
        });
        for (const e of log) if (e.type === 'decision.made' && focusActors.has(e.actor)) expect(e.draws).toBe(0);
      });
      expect(checked).toBeGreaterThan(0);
    });
  }

  if (!entry.meta.retaliatory) {
    it('never sanctions or strikes back (non-retaliatory)', () => {
      property(name, (s) => {
        drive(s, name, {
          onFocusNeed(need, strategy) {
            if (need.phase !== 'diplomacy') return;
            const actions = decide(strategy, need, new CountingRng(need.view.round)) as readonly Action[];
            const punitive = actions.filter((a) => a.type === 'retaliate' || a.type === 'sanction');
            expect(punitive, `${name} (non-retaliatory) returned ${show(punitive)}`).toEqual([]);
          },
        });
      });
    });
  }

  if (entry.meta.aggressive === false) {
    it('never operates unprovoked (non-aggressive): nothing at round 0, before anyone has operated', () => {
      property(name, (s) => {
        const world = createWorld({ ...s.spec, injects: [] }, { seed: s.seed });
        const p = beginRound(world);
        if (p.done) throw new Error('round 0 asked for no decision');
        for (const need of p.needs) {
          if (s.spec.actors.find((a) => a.id === need.actor)?.strategy !== name) continue;
          expect(need.view.incidents).toEqual([]);
          const ops = registry.get(name).operate(need.view, new CountingRng(need.view.round));
          expect(ops, `${name} (non-aggressive) operated at round 0 as ${need.actor}`).toEqual([]);
        }
      });
    });
  }
});

/** The dyads without those that set a relation an earlier one set: a world refuses a relation set twice. */
function firstPerRelation<D extends { readonly from: string; readonly to: string; readonly mutual?: boolean }>(dyads: readonly D[]): D[] {
  const set = new Set<string>();
  return dyads.filter((d) => {
    const relations = d.mutual === true ? [`${d.from}>${d.to}`, `${d.to}>${d.from}`] : [`${d.from}>${d.to}`];
    if (relations.some((r) => set.has(r))) return false;
    for (const r of relations) set.add(r);
    return true;
  });
}
