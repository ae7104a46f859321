import { createHash } from 'node:crypto';
import { beginRound, createRegistry, decideWithStrategies, defineStrategy, snapshot, submitDecisions } from '../../src/index.js';
import type { ActorView, DecisionNeed, OperateAction, OperationKind, PendingRound, Rng, RoundResult, SimEvent, Strategy, StrategyMeta, World } from '../../src/index.js';

/** sha256 of the JSON of a value (a log, a snapshot). */
export function sha256(value: unknown): string {
  return createHash('sha256').update(JSON.stringify(value)).digest('hex');
}

/** JSON of a world's snapshot: the canonical byte form two worlds are compared by. */
export function worldJson(world: World): string {
  return JSON.stringify(snapshot(world));
}

const registry = createRegistry();

/**
 * Plays `rounds` rounds with the world's named strategies (the built-in registry), handing every
 * need to `inspect` before the decisions are made; returns the last world.
 */
export function playInspecting(world: World, rounds: number, inspect: (need: DecisionNeed, world: World) => void): World {
  const strategies: Record<string, Strategy> = {};
  for (const a of world.actors) strategies[a.id] = registry.get(a.strategy);
  let w = world;
  for (let r = 0; r < rounds; r++) {
    let p: PendingRound | RoundResult = beginRound(w);
    while (!p.done) {
      for (const need of p.needs) inspect(need, w);
      p = submitDecisions(p, decideWithStrategies(p, strategies));
    }
    w = p.world;
  }
  return w;
}

/** Metadata of a deterministic test strategy. */
export const PLAIN_META: StrategyMeta = Object.freeze({ stochastic: false, retaliatory: false, forgiving: true, attributionSensitive: false });

/**
 * A strategy that operates against fixed targets every round (whatever the world holds), and
 * otherwise does nothing. Its choices never depend on the actor list.
 */
export function attacker(targets: readonly string[], kind: OperationKind = 'espionage', name = 'fixed-attacker', extra: Partial<OperateAction> = {}): Strategy {
  return defineStrategy({
    name,
    meta: PLAIN_META,
    operate: (): OperateAction[] => targets.map((target) => ({ type: 'operate', target, kind, ...extra })),
    respond: (request) => ({ type: request.kind === 'proposal' || request.kind === 'forum-vote' ? 'accept' : 'deny' }),
  });
}

/** A strategy that attacks a fixed target every round, drawing from its stream to choose the kind. */
export function randomKindAttacker(target: string, name = 'random-kind-attacker'): Strategy {
  const kinds = ['espionage', 'disruption', 'degradation'] as const;
  return defineStrategy({
    name,
    meta: { ...PLAIN_META, stochastic: true },
    operate: (_view: ActorView, rng) => [{ type: 'operate', target, kind: kinds[rng.int(3)] ?? 'espionage' }],
    diplomacy: (view, rng) =>
      view.incidents
        .filter((i) => i.round === view.round && i.suspect !== null && rng.chance(0.5))
        .map((i) => ({ type: 'accuse' as const, target: i.suspect as string, incident: i.id, public: rng.chance(0.5) })),
  });
}

/** Whether an event mentions an actor id anywhere (as a field value or inside a string id). */
export function mentions(event: SimEvent, id: string): boolean {
  const json = JSON.stringify(event);
  return json.includes(`"${id}"`) || json.includes(`:${id}:`) || json.includes(`:${id}"`);
}

/** Every round's world of a run, collected through `onRound`. */
export function collectWorlds(): { worlds: World[]; onRound: (r: { world: World }) => void } {
  const worlds: World[] = [];
  return { worlds, onRound: (r) => void worlds.push(r.world) };
}

/** A strategy that does nothing but note each rng it is given (`seen`), to tell calls and rounds apart. */
export function rngWatcher(): { readonly strategy: Strategy; readonly seen: Set<Rng> } {
  const seen = new Set<Rng>();
  const strategy = defineStrategy({
    name: 'watcher',
    meta: Object.freeze({ stochastic: true, retaliatory: false, forgiving: false, attributionSensitive: false }),
    operate(_view, rng) {
      seen.add(rng);
      return [];
    },
  });
  return { strategy, seen };
}
