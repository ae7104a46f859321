import type { Request } from '../model/action.js';
import type { Actor } from '../model/actor.js';
import { topSuspect } from '../model/attribution.js';
import type { DecisionPhase, SimEvent } from '../model/event.js';
import { isVisibleTo } from '../model/event.js';
import type { Incident } from '../model/incident.js';
import type { Operation } from '../model/operation.js';
import { joined } from '../model/record.js';
import { betaTrust } from '../model/trust.js';
import type { World } from '../model/world.js';
import type { ActorView, ForumView, IncidentView, OwnOperationView, PublicActor, VisibleEvent } from './contract.js';
import { inSession } from './phases/injects.js';
import { actorIndex } from './world.js';
import { hasTerm } from './phases/agreements.js';
import { deepFreeze } from './freeze.js';
import { groupedBy, NONE } from './lists.js';

/**
 * Builds the read-only views of one decision phase. Shared parts (the public actor list, the
 * events of the round) are computed once; each actor's view is built on first request and frozen.
 *
 * A view freezes every part of the world it shares, all the way down, before handing it over: in
 * a run nobody observes, the world itself is not frozen (round.ts, UNOBSERVED), and what a strategy
 * sees must still be immutable. Parts already frozen cost one check.
 */
export class ViewFactory {
  /** The views made so far, by actor position. */
  private readonly cache: (ActorView | undefined)[] = [];
  private readonly publicActors: readonly PublicActor[];
  private incidentsByVictim: ReadonlyMap<string, readonly IncidentView[]> | undefined;
  private requestsByAddressee: ReadonlyMap<string, readonly Request[]> | undefined;
  private forumViews: readonly ForumView[] | undefined;
  private ownOperations: ReadonlyMap<string, readonly OwnOperationView[]> | undefined;
  private accessors: SharedAccessors | undefined;

  constructor(
    private readonly world: World,
    private readonly phase: DecisionPhase,
    private readonly round: number,
    private readonly recent: readonly SimEvent[],
    private readonly events: readonly SimEvent[],
    /** How many of `events` had happened when the phase asked (later ones are not shown). */
    private readonly eventCount: number,
    /** The run's incident and operation views, reused while their objects are the same. */
    private readonly memo: ViewMemo = new ViewMemo(),
  ) {
    this.publicActors = memo.publicActors(world.actors);
    // What every view of the phase shares as it is in the world.
    deepFreeze(world.mechanisms);
    deepFreeze(world.sanctions);
    deepFreeze(world.threats);
    deepFreeze(world.norms);
  }

  view(actorId: string): ActorView {
    const i = actorIndex(this.world).get(actorId);
    if (i === undefined) throw new Error(`no actor '${actorId}' in this world`);
    return (this.cache[i] ??= this.build(actorId, i));
  }

  private build(self: string, i: number): ActorView {
    const world = this.world;
    const index = actorIndex(world);
    const n = world.dyads.n;
    const d = world.dyads;
    const shared = this.sharedAccessors();
    const at = shared.at;
    // A proxy's sponsor is known to the proxy and to the sponsor, nobody else: only their views
    // get their own copy of the actor list.
    const actors = this.memo.sponsorsAndProxies(world.actors).has(self)
      ? this.memo.actorsSeenBy(world.actors, self)
      : this.publicActors;
    return new PhaseView(
      this,
      shared,
      self,
      actors,
      actors[i] as PublicActor,
      actors === this.publicActors
        ? shared.actor
        : (id) => {
            const k = index.get(id);
            return k === undefined ? undefined : actors[k];
          },
      (other) => {
        const k = i * n + at(other);
        return betaTrust(d.trustR[k] ?? 0, d.trustS[k] ?? 0);
      },
      (other) => d.escalationPerceived[at(other) * n + i] ?? 0,
      (other) => hasTerm(world.agreements, self, other, 'hotline') !== undefined,
      world.welfare[i] ?? 0,
    );
  }

  /** The agreements, talks and dialogues `self` is party to (a view's lazy lists). */
  agreementsOf(self: string): ActorView['agreements'] {
    return involving(this.world.agreements, self);
  }
  talksOf(self: string): ActorView['talks'] {
    return involving(this.world.talks, self);
  }
  dialoguesOf(self: string): ActorView['dialogues'] {
    return involving(this.world.dialogues, self);
  }

  /** The incidents of `self`'s view (a lazy list). */
  incidentsOf(self: string): readonly IncidentView[] {
    return this.incidents().get(self) ?? NONE;
  }

  /** `self`'s own operations (a lazy list). */
  operationsOf(self: string): readonly OwnOperationView[] {
    return this.operationsByPrincipal().get(self) ?? NONE;
  }

  /** The requests addressed to `self` (a lazy list). */
  requestsTo(self: string): readonly Request[] {
    return Object.freeze(this.requests().get(self) ?? NONE);
  }

  /** The events `self` may see (a lazy list). */
  eventsSeenBy(self: string): readonly VisibleEvent[] {
    const seen: VisibleEvent[] = [];
    // The events shown are the log's own objects: frozen here, before the copy that drops
    // hidden truth shares their parts, because in a run nobody observes they were not frozen
    // when they were made (round.ts, UNOBSERVED). Already frozen otherwise, which costs nothing.
    const recent = this.recent;
    for (let k = 0; k < recent.length; k++) {
      const e = recent[k] as SimEvent;
      if (isVisibleTo(e, self)) seen.push(withoutHiddenTruth(deepFreeze(e)));
    }
    const events = this.events;
    for (let k = 0; k < this.eventCount; k++) {
      const e = events[k] as SimEvent;
      if (isVisibleTo(e, self)) seen.push(withoutHiddenTruth(deepFreeze(e)));
    }
    return Object.freeze(seen);
  }

  /**
   * The accessors that do not depend on who is looking, made once per phase and shared by every
   * view of it (they only read the phase's world, which nothing changes, so sharing shows no
   * viewer anything new).
   */
  private sharedAccessors(): SharedAccessors {
    if (!this.accessors) {
      const world = this.world;
      const index = actorIndex(world);
      const d = world.dyads;
      const n = d.n;
      const actors = this.publicActors;
      const at = (id: string): number => {
        const k = index.get(id);
        if (k === undefined) throw new RangeError(`unknown actor '${id}'`);
        return k;
      };
      this.accessors = {
        round: this.round,
        phase: this.phase,
        mechanisms: world.mechanisms,
        sanctions: world.sanctions,
        threats: world.threats,
        at,
        actor: (id) => {
          const k = index.get(id);
          return k === undefined ? undefined : actors[k];
        },
        tension: (from, to) => d.tension[at(from) * n + at(to)] ?? 0,
        rung: (a, b) => {
          const x = at(a);
          const y = at(b);
          return Math.max(d.rung[x * n + y] ?? 0, d.rung[y * n + x] ?? 0);
        },
        norms: (actor) => world.norms[actor] ?? [],
      };
    }
    return this.accessors;
  }

  /** Every forum, as every view of the phase shows it (made on the first read). */
  forums(): readonly ForumView[] {
    // Most worlds have no forum: their views share one frozen empty list.
    this.forumViews ??=
      this.world.forums.length === 0 ? NONE : Object.freeze(deepFreeze(this.world.forums).map((f) => Object.freeze(joined(f, { inSession: inSession(f, this.round) }))));
    return this.forumViews;
  }

  private operationsByPrincipal(): ReadonlyMap<string, readonly OwnOperationView[]> {
    this.ownOperations ??= this.memo.ownOperations(this.world.operations);
    return this.ownOperations;
  }

  private incidents(): ReadonlyMap<string, readonly IncidentView[]> {
    this.incidentsByVictim ??= this.memo.incidents(this.world);
    return this.incidentsByVictim;
  }

  private requests(): ReadonlyMap<string, readonly Request[]> {
    if (!this.requestsByAddressee) {
      // Each request frozen as a view hands it out; the world's list itself is left as it is.
      const requests = this.world.requests;
      for (let k = 0; k < requests.length; k++) deepFreeze(requests[k]);
      this.requestsByAddressee = groupedBy(requests, (r) => r.to);
    }
    return this.requestsByAddressee;
  }
}

/**
 * One actor's view of one phase. A frozen class, not an object literal: a literal with getters is
 * created in V8's dictionary mode, which cost a hash table per view and slow property reads in
 * every strategy.
 *
 * The facts and accessors are own properties. The lists that take work to make (agreements, talks,
 * dialogues, forums, incidents, operations, requests, events) are getters on the frozen prototype,
 * each made on its first read and kept (in private fields, which freezing leaves writable): most
 * strategies read few of them, and making every list of every view was ≈ 6% of a small run
 * (docs/performance.md, ninth pass). What a list holds does not depend on when it is read: the
 * phase's world never changes. `toJSON` gives the same data as before, so a view still prints
 * whole; a spread (`{ ...view }`) copies only the own properties, so a strategy that hands another
 * a changed view copies it with `viewWith` (strategies/view-with.ts). The fourth pass kept the lists
 * own properties for the spread's sake, which `events` (a getter since 1f3d40f) had already broken.
 */
class PhaseView implements ActorView {
  readonly round: number;
  readonly phase: DecisionPhase;
  readonly self: string;
  readonly me: PublicActor;
  readonly actors: readonly PublicActor[];
  readonly actor: ActorView['actor'];
  readonly mechanisms: ActorView['mechanisms'];
  readonly trust: ActorView['trust'];
  readonly tension: ActorView['tension'];
  readonly perceivedEscalation: ActorView['perceivedEscalation'];
  readonly rung: ActorView['rung'];
  readonly hasHotline: ActorView['hasHotline'];
  readonly norms: ActorView['norms'];
  readonly sanctions: ActorView['sanctions'];
  readonly threats: ActorView['threats'];
  readonly welfare: number;
  readonly #source: ViewFactory;
  #agreements: ActorView['agreements'] | undefined;
  #talks: ActorView['talks'] | undefined;
  #dialogues: ActorView['dialogues'] | undefined;
  #incidents: ActorView['incidents'] | undefined;
  #operations: ActorView['operations'] | undefined;
  #requests: ActorView['requests'] | undefined;
  #visible: readonly VisibleEvent[] | undefined;

  constructor(
    source: ViewFactory,
    shared: SharedAccessors,
    self: string,
    actors: readonly PublicActor[],
    me: PublicActor,
    actor: ActorView['actor'],
    trust: ActorView['trust'],
    perceivedEscalation: ActorView['perceivedEscalation'],
    hasHotline: ActorView['hasHotline'],
    welfare: number,
  ) {
    this.round = shared.round;
    this.phase = shared.phase;
    this.self = self;
    this.me = me;
    this.actors = actors;
    this.actor = actor;
    this.mechanisms = shared.mechanisms;
    this.trust = trust;
    this.tension = shared.tension;
    this.perceivedEscalation = perceivedEscalation;
    this.rung = shared.rung;
    this.hasHotline = hasHotline;
    this.norms = shared.norms;
    this.sanctions = shared.sanctions;
    this.threats = shared.threats;
    this.welfare = welfare;
    this.#source = source;
    this.#agreements = undefined;
    this.#talks = undefined;
    this.#dialogues = undefined;
    this.#incidents = undefined;
    this.#operations = undefined;
    this.#requests = undefined;
    this.#visible = undefined;
    Object.freeze(this);
  }

  get agreements(): ActorView['agreements'] {
    return (this.#agreements ??= this.#source.agreementsOf(this.self));
  }
  get talks(): ActorView['talks'] {
    return (this.#talks ??= this.#source.talksOf(this.self));
  }
  get dialogues(): ActorView['dialogues'] {
    return (this.#dialogues ??= this.#source.dialoguesOf(this.self));
  }
  get forums(): ActorView['forums'] {
    return this.#source.forums();
  }
  get incidents(): ActorView['incidents'] {
    return (this.#incidents ??= this.#source.incidentsOf(this.self));
  }
  get operations(): ActorView['operations'] {
    return (this.#operations ??= this.#source.operationsOf(this.self));
  }
  get requests(): ActorView['requests'] {
    return (this.#requests ??= this.#source.requestsTo(this.self));
  }
  get events(): readonly VisibleEvent[] {
    return (this.#visible ??= this.#source.eventsSeenBy(this.self));
  }

  /** The view's data as before its lists were made lazily, in the same key order (without `events`, as ever). */
  toJSON(): Omit<ActorView, 'events'> {
    return {
      round: this.round,
      phase: this.phase,
      self: this.self,
      me: this.me,
      actors: this.actors,
      actor: this.actor,
      mechanisms: this.mechanisms,
      trust: this.trust,
      tension: this.tension,
      perceivedEscalation: this.perceivedEscalation,
      rung: this.rung,
      hasHotline: this.hasHotline,
      norms: this.norms,
      agreements: this.agreements,
      sanctions: this.sanctions,
      threats: this.threats,
      talks: this.talks,
      dialogues: this.dialogues,
      forums: this.forums,
      incidents: this.incidents,
      operations: this.operations,
      requests: this.requests,
      welfare: this.welfare,
    };
  }
}
Object.freeze(PhaseView.prototype);
Object.freeze(PhaseView);

/** What every view of one phase shares: its facts and the accessors that do not depend on the viewer. */
interface SharedAccessors {
  readonly round: number;
  readonly phase: DecisionPhase;
  readonly mechanisms: ActorView['mechanisms'];
  readonly sanctions: ActorView['sanctions'];
  readonly threats: ActorView['threats'];
  readonly at: (id: string) => number;
  readonly actor: ActorView['actor'];
  readonly tension: ActorView['tension'];
  readonly rung: ActorView['rung'];
  readonly norms: ActorView['norms'];
}

/** The entries of `list` that `self` is a party to, deeply frozen (one shared empty list when none is). */
function involving<T extends { readonly parties: readonly string[] }>(list: readonly T[], self: string): readonly T[] {
  let out: T[] | undefined;
  for (let k = 0; k < list.length; k++) {
    const x = list[k] as T;
    if (x.parties.includes(self)) (out ??= []).push(deepFreeze(x));
  }
  return out ? Object.freeze(out) : NONE;
}

/**
 * The incident and operation views of one run, carried from phase to phase and round to round.
 * Incidents, operations and the world's lists never change once in a world, and are shared
 * (structurally) from world to world, so a view made of one stays valid as long as the object
 * lives; rebuilding every view of the retained history for every decision phase was ≈ 10% of a
 * run (docs/performance.md). They are known not to change without being frozen: a memo only sees
 * the worlds of one run, whose first world `beginRound` froze and whose later ones the engine made
 * (in a run nobody observes they are not frozen: round.ts, UNOBSERVED).
 *
 * Strong maps pruned to the current world's objects, not WeakMaps keyed by them: V8's scavenger
 * keeps a WeakMap entry whose key is young alive until the next full collection, so WeakMap
 * caches made every round's incidents, operations and their views survive into the old
 * generation (≈ 1 MB copied per scavenge at 3 actors; docs/performance.md). A memo belongs to the
 * round context of one run, so what it keeps is bounded by one world's retained history.
 */
export class ViewMemo {
  private readonly operations = new GroupedViews<Operation, OwnOperationView>((op) => op.principal);
  private readonly incidentsByVictim = new GroupedViews<Incident, IncidentView>((inc) => inc.victim);
  /** The actor index the incident views were made with (a suspect's id is read from it). */
  private incidentIndex: ReadonlyMap<string, number> | undefined;
  /** The actor list the two below were made from. */
  private actorList: readonly Actor[] | undefined;
  private actorViews: readonly PublicActor[] = NONE;
  private involved: ReadonlySet<string> = new Set();
  /**
   * The actor list as a proxy or its sponsor sees it, by viewer, made once per actor list: it was
   * copied for each of their views (3.7% of an `us-china-2015` run, which has a proxy).
   */
  private seenBy = new Map<string, readonly PublicActor[]>();

  /** The public face of every actor, made again only when the actor list changes. */
  publicActors(actors: readonly Actor[]): readonly PublicActor[] {
    this.sync(actors);
    return this.actorViews;
  }

  /** Every proxy and every sponsor of one (their views alone show who sponsors whom). */
  sponsorsAndProxies(actors: readonly Actor[]): ReadonlySet<string> {
    this.sync(actors);
    return this.involved;
  }

  /**
   * The actor list as `self` — a proxy or a sponsor of one — sees it: the public faces, and the
   * sponsor of each proxy that is `self` or that `self` sponsors.
   */
  actorsSeenBy(actors: readonly Actor[], self: string): readonly PublicActor[] {
    this.sync(actors);
    let seen = this.seenBy.get(self);
    if (seen === undefined) {
      const out: PublicActor[] = [];
      for (let k = 0; k < actors.length; k++) {
        const a = actors[k] as Actor;
        const p = this.actorViews[k] as PublicActor;
        out.push(a.sponsor !== null && (a.id === self || a.sponsor === self) ? Object.freeze(joined(p, { sponsor: a.sponsor })) : p);
      }
      this.seenBy.set(self, (seen = Object.freeze(out)));
    }
    return seen;
  }

  private sync(actors: readonly Actor[]): void {
    if (actors === this.actorList) return;
    this.seenBy = new Map();
    this.actorViews = Object.freeze(actors.map(publicActor));
    const involved = new Set<string>();
    for (const a of actors) {
      if (a.sponsor !== null) {
        involved.add(a.id);
        involved.add(a.sponsor);
      }
    }
    this.involved = involved;
    this.actorList = actors;
  }

  /** Each principal's own operations, as frozen views (one per operation object, made once). */
  ownOperations(operations: readonly Operation[]): ReadonlyMap<string, readonly OwnOperationView[]> {
    return this.operations.of(operations, ownOperationView);
  }

  /** Each victim's incidents, as frozen views (one per incident object and actor list, made once). */
  incidents(world: World): ReadonlyMap<string, readonly IncidentView[]> {
    const index = actorIndex(world);
    if (index !== this.incidentIndex) {
      this.incidentsByVictim.clear();
      this.incidentIndex = index;
    }
    return this.incidentsByVictim.of(world.incidents, (inc) => incidentView(inc, world));
  }
}

/** Lists at least this long are checked for a shift (see `GroupedViews.shifted`) before a full regrouping. */
const SHIFTED_FROM = 32;

/** Views of immutable objects grouped by an actor id, each view made once per object. */
class GroupedViews<T extends object, V> {
  private views = new Map<T, V>();
  private list: readonly T[] | undefined;
  private groups: ReadonlyMap<string, readonly V[]> | undefined;

  constructor(private readonly groupOf: (item: T) => string) {}

  /** Forget every view (they were made with another actor index). */
  clear(): void {
    this.views = new Map();
    this.list = undefined;
    this.groups = undefined;
  }

  /** The views of `items` by group, reused while the list (or each object) is the same. */
  of(items: readonly T[], make: (item: T) => V): ReadonlyMap<string, readonly V[]> {
    if (items === this.list && this.groups) return this.groups;
    const prev = this.list;
    // Short lists are cheaper to regroup than to compare (small worlds).
    if (prev !== undefined && this.groups !== undefined && prev.length >= SHIFTED_FROM) {
      const groups = this.shifted(prev, this.groups, items, make);
      if (groups !== undefined) return groups;
    }
    const known = this.views;
    const groups = new Map<string, V[]>();
    // Indexed: the world's lists are often frozen (docs/performance.md, frozen arrays).
    for (let k = 0; k < items.length; k++) {
      const item = items[k] as T;
      const key = this.groupOf(item);
      let group = groups.get(key);
      if (!group) groups.set(key, (group = []));
      let v = known.get(item);
      if (v === undefined) {
        v = make(item);
        known.set(item, v);
      }
      group.push(v);
    }
    for (const group of groups.values()) Object.freeze(group);
    this.views = pruned(known, items);
    this.list = items;
    this.groups = groups;
    return groups;
  }

  /**
   * The groups of `items` made from those of `prev` when `items` is `prev` with some items dropped
   * from its front and some appended — how a world's operations move from round to round (the
   * update drops the oldest, the operations phase appends the new) — else undefined. Only the
   * groups that lost or gained items are copied; the others are the same frozen lists, which hold
   * the same views. Regrouping all of a 128-actor world's operations twice a round was ≈ 5% of a
   * run (docs/performance.md, eighth pass).
   */
  private shifted(prev: readonly T[], groups: ReadonlyMap<string, readonly V[]>, items: readonly T[], make: (item: T) => V): ReadonlyMap<string, readonly V[]> | undefined {
    // How many were dropped: items starts where prev's kept part starts.
    let cut = 0;
    if (items.length === 0) cut = prev.length;
    else while (cut < prev.length && prev[cut] !== items[0]) cut++;
    const kept = prev.length - cut;
    if (kept > items.length) return undefined;
    for (let k = 0; k < kept; k++) if (items[k] !== prev[cut + k]) return undefined;
    // Nothing of prev kept and something new: another list altogether, regrouped in full.
    if (kept === 0 && prev.length > 0 && items.length > 0) return undefined;
    const known = this.views;
    const dropped = new Map<string, number>();
    for (let k = 0; k < cut; k++) {
      const item = prev[k] as T;
      const key = this.groupOf(item);
      dropped.set(key, (dropped.get(key) ?? 0) + 1);
      known.delete(item);
    }
    const added = new Map<string, V[]>();
    for (let k = kept; k < items.length; k++) {
      const item = items[k] as T;
      const key = this.groupOf(item);
      let v = known.get(item);
      if (v === undefined) {
        v = make(item);
        known.set(item, v);
      }
      let list = added.get(key);
      if (!list) added.set(key, (list = []));
      list.push(v);
    }
    // (The order of the keys may differ from a full regrouping's: a view reads only its own group.)
    const next = new Map<string, readonly V[]>();
    for (const [key, group] of groups) {
      const drop = dropped.get(key) ?? 0;
      const more = added.get(key);
      if (drop === 0 && more === undefined) next.set(key, group);
      else if (drop < group.length || more !== undefined) {
        // Indexed copies: the groups are frozen, and slice or spread of a frozen list is slow.
        const copy: V[] = [];
        for (let k = drop; k < group.length; k++) copy.push(group[k] as V);
        if (more !== undefined) for (let k = 0; k < more.length; k++) copy.push(more[k] as V);
        if (copy.length > 0) next.set(key, Object.freeze(copy));
      }
    }
    for (const [key, more] of added) if (!next.has(key)) next.set(key, Object.freeze(more));
    this.list = items;
    this.groups = next;
    return next;
  }
}

/** What an actor knows of one of its own operations. */
function ownOperationView(op: Operation): OwnOperationView {
  return Object.freeze({
    round: op.round,
    target: op.target,
    kind: op.kind,
    against: op.against,
    via: op.author === op.principal ? null : op.author,
    success: op.success,
  });
}

/**
 * `views` itself while it holds at most 32 objects more than `current` (each phase adds the new
 * ones; rebuilding the map every time cost more than the views), else a new map of the current
 * objects' views only, so that what a memo keeps stays bounded by one world. A looser bound (twice
 * the current objects) was 4% slower at 128 actors: a large long-lived map written every round
 * keeps young views alive for the collector.
 */
function pruned<K extends object, V>(views: Map<K, V>, current: readonly K[]): Map<K, V> {
  if (views.size <= current.length + 32) return views;
  const kept = new Map<K, V>();
  for (const k of current) {
    const v = views.get(k);
    if (v !== undefined) kept.set(k, v);
  }
  return kept;
}

/** A visible event as a view shows it: a perceived violation loses `real` (hidden truth). */
function withoutHiddenTruth(e: SimEvent): VisibleEvent {
  if (e.type !== 'violation.perceived') return e;
  const { real: _real, ...seen } = e;
  return Object.freeze(seen);
}

function publicActor(a: Actor): PublicActor {
  return Object.freeze({ id: a.id, name: a.name, kind: a.kind, capabilities: deepFreeze(a.capabilities) });
}

/** The victim's perception of an incident, without the hidden link to the operation. */
export function incidentView(inc: Incident, world: World): IncidentView {
  const index = actorIndex(world);
  const top = topSuspect(inc.posterior);
  const posterior = inc.posterior;
  return Object.freeze({
    id: inc.id,
    round: inc.round,
    kind: inc.kind,
    against: inc.against,
    severity: inc.severity,
    signals: deepFreeze(inc.signals),
    suspect: top ? (world.actors[top.index]?.id ?? null) : null,
    confidence: top ? top.confidence : 0,
    nobody: posterior[posterior.length - 1] ?? 0,
    posterior: (actor: string) => {
      const k = index.get(actor);
      return k === undefined ? 0 : (posterior[k] ?? 0);
    },
    investigation: inc.investigation,
    revealed: inc.revealed,
  });
}
