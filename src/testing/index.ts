/**
 * Property-based testing helpers for Détente (the `detente/testing` entry point): fast-check
 * arbitraries that generate valid capabilities, actors, world specifications and strategy mixes,
 * and a checker of the invariants every world must satisfy. Browser-safe: it imports only the
 * library itself and fast-check (a peer you install next to your test runner).
 *
 * Every arbitrary is bounded (few actors, few dyads, few injects) and shrinks towards fewer actors
 * and simpler specifications, so a failing property reports a small counterexample.
 *
 * @example
 * ```ts
 * import fc from 'fast-check';
 * import { simulate } from 'detente';
 * import { arbWorldSpec, worldInvariantViolations } from 'detente/testing';
 *
 * fc.assert(
 *   fc.property(arbWorldSpec({ strategies: ['hawk', 'dove'] }), fc.integer(), (spec, seed) => {
 *     const run = simulate(spec, { seed, rounds: 8 });
 *     return worldInvariantViolations(run.world).length === 0;
 *   }),
 * );
 * ```
 * @packageDocumentation
 */
import fc from 'fast-check';
import type { Arbitrary } from 'fast-check';
import { betaTrust, CAPABILITY_KEYS, OPERATION_KINDS } from '../index.js';
import type { ActorId, ActorSpec, Capabilities, CapabilityKey, DyadSpec, Inject, World, WorldSpec } from '../index.js';
import { ArgumentCheck } from './arguments.js';
import { isRecord } from '../model/mechanisms.js';

/** The built-in strategies that never throw and suit any world, used when no list is given. */
const DEFAULT_STRATEGIES: readonly string[] = Object.freeze(['passive', 'dove', 'hawk', 'tit-for-tat', 'generous-tit-for-tat', 'deterrer', 'random']);

/**
 * A probability on a grid of hundredths (0, 0.01, …, 1): counterexamples shrink fast, to round
 * numbers a person can read in a scenario file.
 */
function arbUnit(): Arbitrary<number> {
  return fc.integer({ min: 0, max: 100 }).map((k) => k / 100);
}

/**
 * Capabilities with every value in [0, 1], in hundredths (shrinking towards 0).
 *
 * @example
 * ```ts
 * fc.assert(fc.property(arbCapabilities(), (c) => Object.values(c).every((v) => v >= 0 && v <= 1)));
 * ```
 */
export function arbCapabilities(): Arbitrary<Capabilities> {
  return fc.record({
    espionage: arbUnit(),
    offense: arbUnit(),
    defense: arbUnit(),
    attribution: arbUnit(),
    stealth: arbUnit(),
  });
}

/**
 * Options of {@link arbActorSpecs}.
 *
 * @example
 * ```ts
 * const options: ArbActorSpecsOptions = { min: 2, max: 4, strategies: ['hawk', 'dove'], proxies: false };
 * ```
 */
export interface ArbActorSpecsOptions {
  /** Fewest actors (default 2, at least 1). */
  readonly min?: number;
  /** Most actors (default 5). Keep it small: runs cost grows with n². */
  readonly max?: number;
  /** Strategy names to draw from (default: the stateless built-ins). */
  readonly strategies?: readonly string[];
  /** Allow proxies with a state sponsor (default true). */
  readonly proxies?: boolean;
  /** Allow criminal groups (default false). */
  readonly criminals?: boolean;
}

/**
 * The id of the k-th generated actor among `count`: `A0`, `A1`, … zero-padded so that the id
 * order is the declaration order (`A00` … `A11` when there are 12).
 *
 * @example
 * ```ts
 * actorId(3, 5);   // 'A3'
 * actorId(3, 12);  // 'A03'
 * ```
 */
export function actorId(k: number, count: number): ActorId {
  const check = new ArgumentCheck('actorId');
  const n = check.integer('count', count, 1, Number.MAX_SAFE_INTEGER, 'an integer ≥ 1', true);
  check.integer('k', k, 0, n === undefined ? Number.MAX_SAFE_INTEGER : n - 1, n === undefined ? 'an integer ≥ 0' : `an integer from 0 to count − 1 (${n - 1})`, true);
  check.done();
  const width = String(Math.max(0, count - 1)).length;
  return `A${String(k).padStart(width, '0')}`;
}

/**
 * The options that bound the actors, for arbActorSpecs (`min`, `max`) and arbWorldSpec
 * (`minActors`, `maxActors`): a fewest of at least 1, a most of at least the fewest (and at least
 * the default fewest, 2, when only the most is given), strategy names, whether proxies may appear.
 */
function checkActorOptions(check: ArgumentCheck, o: Readonly<Record<string, unknown>>, minKey: string, maxKey: string): void {
  const min = check.integer(minKey, o[minKey], 1);
  const fewest = min ?? (o[minKey] === undefined ? 2 : 1);
  check.integer(maxKey, o[maxKey], fewest, Number.MAX_SAFE_INTEGER, `an integer ≥ ${o[minKey] === undefined ? `${fewest} (the default ${minKey})` : `${minKey} (${fewest})`}`);
  if (o.strategies !== undefined) check.names('strategies', o.strategies, 1, 'strategy names');
  check.boolean('proxies', o.proxies);
}

/**
 * A list of valid actor specs: unique ids `A0`, `A1`, … (see {@link actorId}), every capability
 * given, a strategy name from `strategies`, and, where allowed, proxies whose sponsor is a state
 * declared among the states (which come first). Shrinks towards fewer actors: as few states,
 * proxies and criminal groups as a counterexample needs.
 *
 * @example
 * ```ts
 * fc.assert(fc.property(arbActorSpecs({ min: 2, max: 4 }), (actors) => createWorld({ actors }, { seed: 1 }).actors.length === actors.length));
 * ```
 */
export function arbActorSpecs(options: ArbActorSpecsOptions = {}): Arbitrary<ActorSpec[]> {
  const check = new ArgumentCheck('arbActorSpecs');
  checkActorOptions(check, check.options('', options, ['min', 'max', 'strategies', 'proxies', 'criminals']), 'min', 'max');
  check.boolean('criminals', options.criminals);
  check.done();
  const min = options.min ?? 2;
  const max = options.max ?? Math.max(min, 5);
  const strategies = options.strategies ?? DEFAULT_STRATEGIES;
  const proxies = options.proxies ?? true;
  const criminals = options.criminals ?? false;
  const actor = fc.record({ capabilities: arbCapabilities(), strategy: fc.constantFrom(...strategies) });
  // Which state sponsors a proxy (an index into the states, taken modulo their count).
  const proxy = fc.record({ sponsorPick: fc.nat({ max: 64 }), capabilities: arbCapabilities(), strategy: fc.constantFrom(...strategies) });
  const none = fc.constant([] as never[]);
  // `size: 'max'` on every list whose most the caller sets: fast-check 4 otherwise caps a list
  // at its default size (10 items), whatever its `maxLength` (fast-check 3 did not), so
  // `max: 14` silently never drew an 11th actor. At 10 or fewer it draws exactly as before.
  const upTo = (maxLength: number) => ({ maxLength, size: 'max' as const });
  // States, then proxies, then criminal groups, each in its own list: fast-check shrinks each list
  // on its own (dropping leading items), so a counterexample shrinks to as few of each as it needs.
  return fc
    .tuple(
      // From zero up: an array with a minimum length shrinks only by dropping leading items, so
      // with `minLength: 1` a first state that mattered kept a second one that did not.
      fc.array(actor, upTo(max)),
      proxies && max > 1 ? fc.array(proxy, upTo(Math.max(1, Math.floor(max / 2)))) : none,
      criminals && max > 1 ? fc.array(actor, upTo(Math.max(1, Math.floor(max / 3)))) : none,
      fc.array(actor, { minLength: min, maxLength: min }),
    )
    .map(([drawn, proxyList, criminalList, padding]) => {
      // No state drawn: the first of the padding is the state (there is always one, to sponsor proxies).
      const states = drawn.length > 0 ? drawn : padding.slice(0, 1);
      type Entry = { kind: 'state' | 'proxy' | 'criminal'; sponsorPick: number; capabilities: Capabilities; strategy: string };
      const entries: Entry[] = [
        ...states.map((a) => ({ kind: 'state' as const, sponsorPick: 0, ...a })),
        ...proxyList.map((a) => ({ kind: 'proxy' as const, ...a })),
        ...criminalList.map((a) => ({ kind: 'criminal' as const, sponsorPick: 0, ...a })),
      ].slice(0, max);
      // Too few actors: more states at the end.
      for (let k = states === drawn ? 0 : 1; entries.length < min; k++) entries.push({ kind: 'state', sponsorPick: 0, ...(padding[k] as (typeof padding)[number]) });
      const count = entries.length;
      const stateIds = entries.slice(0, states.length).map((_, k) => actorId(k, count));
      return entries.map((e, k): ActorSpec => {
        const id = actorId(k, count);
        if (e.kind === 'proxy') return { id, kind: 'proxy', sponsor: stateIds[e.sponsorPick % stateIds.length] as ActorId, capabilities: e.capabilities, strategy: e.strategy };
        return { id, kind: e.kind, capabilities: e.capabilities, strategy: e.strategy };
      });
    });
}

/**
 * Options of {@link arbWorldSpec}.
 *
 * @example
 * ```ts
 * const options: ArbWorldSpecOptions = { maxActors: 4, strategies: ['tit-for-tat', 'random'], reveals: false };
 * ```
 */
export interface ArbWorldSpecOptions {
  /** Fewest actors (default 2). */
  readonly minActors?: number;
  /** Most actors (default 5). */
  readonly maxActors?: number;
  /** Strategy names to draw from (default: the stateless built-ins). */
  readonly strategies?: readonly string[];
  /** Allow proxies (default true). */
  readonly proxies?: boolean;
  /** Allow scripted injects (default true). */
  readonly injects?: boolean;
  /** Injects are scheduled in rounds 0 … `injectRounds − 1` (default 10). */
  readonly injectRounds?: number;
  /** Allow a `reveal` inject among them (default true). */
  readonly reveals?: boolean;
  /** Allow `note` injects among them (default true). */
  readonly notes?: boolean;
}

/**
 * A world specification that is valid by construction: actors from {@link arbActorSpecs}; a few
 * directed dyads with trust in (0.05, 0.95) and a small tension; maybe a hotline agreement between
 * two actors; maybe scripted injects (notes, operations, reveals, capability changes, sanctions,
 * hotline agreements). Shrinks towards fewer actors, no dyads, no agreement and no injects, and
 * at the same time towards capabilities of 0 and the first strategy of the list: dyads and injects
 * name actors by position, so they survive the actors shrinking under them.
 *
 * @example
 * ```ts
 * fc.assert(
 *   fc.property(arbWorldSpec({ maxActors: 4, strategies: ['hawk', 'tit-for-tat'] }), fc.nat(), (spec, seed) => {
 *     simulate(spec, { seed, rounds: 5 }); // never throws: the spec is valid
 *   }),
 * );
 * ```
 */
export function arbWorldSpec(options: ArbWorldSpecOptions = {}): Arbitrary<WorldSpec> {
  const check = new ArgumentCheck('arbWorldSpec');
  const o = check.options('', options, ['minActors', 'maxActors', 'strategies', 'proxies', 'injects', 'injectRounds', 'reveals', 'notes']);
  checkActorOptions(check, o, 'minActors', 'maxActors');
  check.integer('injectRounds', o.injectRounds, 1);
  for (const key of ['injects', 'reveals', 'notes']) check.boolean(key, o[key]);
  check.done();
  const actorOptions: ArbActorSpecsOptions = {
    min: options.minActors ?? 2,
    max: options.maxActors ?? Math.max(options.minActors ?? 2, 5),
    ...(options.strategies ? { strategies: options.strategies } : {}),
    ...(options.proxies !== undefined ? { proxies: options.proxies } : {}),
  };
  const withInjects = options.injects ?? true;
  const injectRounds = options.injectRounds ?? 10;
  const reveals = options.reveals ?? true;
  const notes = options.notes ?? true;
  // Most actors there can be (as arbActorSpecs bounds them): the range of the actor picks below.
  const most = Math.max(actorOptions.min ?? 2, actorOptions.max ?? 5);
  // Dyads, the agreement and injects pick actors by index, independently of the actors, and are
  // resolved against them afterwards. (A `chain` from the actors drew new dyads and injects for
  // every smaller set of actors, so shrinking the actors lost the failure and stopped early:
  // counterexamples kept stray capabilities and strategies.)
  return fc
    .record({
      actors: arbActorSpecs(actorOptions),
      dyads: fc.array(arbDyadSeed(most), { maxLength: 6 }),
      hotline: fc.option(arbPairSeed(most), { nil: null }),
      injects: withInjects ? fc.array(arbInjectSeed(most, injectRounds, reveals, notes, true), { maxLength: 4 }) : fc.constant([] as InjectSeed[]),
    })
    .map(({ actors, dyads, hotline, injects }): WorldSpec => {
      const ids = actors.map((a) => a.id);
      if (ids.length < 2) return { actors };
      const states = actors.filter((a) => (a.kind ?? 'state') === 'state').map((a) => a.id);
      const ds = firstPerRelation(dyads.map((d) => dyadOf(d, ids)));
      const inj = injects.flatMap((i) => injectOf(i, ids, states) ?? []);
      return {
        actors,
        ...(ds.length > 0 ? { dyads: ds } : {}),
        ...(hotline ? { agreements: [{ parties: pairOf(hotline, ids), terms: [{ kind: 'hotline' as const }] }] } : {}),
        ...(inj.length > 0 ? { injects: inj } : {}),
      };
    });
}

/**
 * Two different actors, as picks resolved against however many actors there turn out to be: the
 * first modulo their count, the second among the others. Shrinks towards the first two actors.
 */
interface PairSeed {
  readonly first: number;
  readonly other: number;
}

function arbPairSeed(most: number): Arbitrary<PairSeed> {
  const pick = fc.nat({ max: Math.max(0, most - 1) });
  return fc.record({ first: pick, other: pick });
}

/** The pair a seed names among `ids` (at least two). */
function pairOf(p: PairSeed, ids: readonly ActorId[]): [ActorId, ActorId] {
  const i = p.first % ids.length;
  return [ids[i] as ActorId, otherThan(i, p.other, ids)];
}

/** The actor `pick` names among `ids` without the one at index `i`. */
function otherThan(i: number, pick: number, ids: readonly ActorId[]): ActorId {
  return ids[(i + 1 + (pick % (ids.length - 1))) % ids.length] as ActorId;
}

interface DyadSeed {
  readonly pair: PairSeed;
  readonly trust: number;
  readonly tension: number | undefined;
  readonly mutual: boolean;
}

function arbDyadSeed(most: number): Arbitrary<DyadSeed> {
  return fc.record({
    pair: arbPairSeed(most),
    trust: fc.integer({ min: 6, max: 94 }).map((k) => k / 100),
    tension: fc.option(fc.integer({ min: 0, max: 50 }).map((k) => k / 10), { nil: undefined }),
    mutual: fc.boolean(),
  });
}

function dyadOf(d: DyadSeed, ids: readonly ActorId[]): DyadSpec {
  const [from, to] = pairOf(d.pair, ids);
  return { from, to, trust: d.trust, ...(d.tension !== undefined ? { tension: d.tension } : {}), mutual: d.mutual };
}

/**
 * The dyads without those that set a relation an earlier one set (directly or through `mutual`):
 * a world refuses a relation set twice. Seeds pick actors independently, so repeats happen, and
 * dropping them keeps every spec valid while shrinking still moves towards fewer dyads.
 */
function firstPerRelation(dyads: readonly DyadSpec[]): DyadSpec[] {
  const set = new Set<string>();
  const out: DyadSpec[] = [];
  for (const d of dyads) {
    const relations = d.mutual === true ? [`${d.from}\u0000${d.to}`, `${d.to}\u0000${d.from}`] : [`${d.from}\u0000${d.to}`];
    if (relations.some((r) => set.has(r))) continue;
    for (const r of relations) set.add(r);
    out.push(d);
  }
  return out;
}

/**
 * A few directed dyads between the given actors (at most 6), each with an initial trust in
 * (0.05, 0.95), maybe a tension in [0, 5], and maybe mutual. Shrinks towards no dyad.
 *
 * @example
 * ```ts
 * fc.assert(fc.property(arbDyads(['US', 'CN', 'RU']), (dyads) => dyads.every((d) => d.from !== d.to && (d.trust ?? 0) > 0.05)));
 * ```
 */
export function arbDyads(ids: readonly ActorId[]): Arbitrary<DyadSpec[]> {
  const check = new ArgumentCheck('arbDyads');
  check.names('ids', ids, 0, 'actor ids', true);
  check.done();
  const n = ids.length;
  if (n < 2) return fc.constant([]);
  return fc.array(arbDyadSeed(n), { maxLength: Math.min(6, n * (n - 1)) }).map((seeds) => firstPerRelation(seeds.map((d) => dyadOf(d, ids))));
}

/** Options of {@link arbInjects}. @example `const o: ArbInjectsOptions = { rounds: 12, reveals: false };` */
export interface ArbInjectsOptions {
  /** Actors that may impose sanctions (default: all of `ids`). */
  readonly states?: readonly ActorId[];
  /** Injects are scheduled in rounds 0 … `rounds − 1` (default 10). */
  readonly rounds?: number;
  /** Allow `reveal` injects (default true). */
  readonly reveals?: boolean;
  /** Allow `note` injects (default true). */
  readonly notes?: boolean;
  /** Most injects (default 4). */
  readonly max?: number;
}

/**
 * Up to a few scripted injects between the given actors, valid by construction: operations by a
 * named actor, capability changes, hotline agreements, sanctions by a state, and (optionally)
 * notes and reveals. Shrinks towards no inject.
 *
 * @example
 * ```ts
 * fc.assert(fc.property(arbInjects(['US', 'CN'], { rounds: 6 }), (injects) => injects.every((i) => i.round < 6)));
 * ```
 */
export function arbInjects(ids: readonly ActorId[], options: ArbInjectsOptions = {}): Arbitrary<Inject[]> {
  const check = new ArgumentCheck('arbInjects');
  check.names('ids', ids, 2, 'actors', true);
  const o = check.options('options', options, ['states', 'rounds', 'reveals', 'notes', 'max']);
  if (o.states !== undefined) check.names('options.states', o.states, 0, 'actor ids', true);
  check.integer('options.rounds', o.rounds, 1);
  check.integer('options.max', o.max, 0);
  check.boolean('options.reveals', o.reveals);
  check.boolean('options.notes', o.notes);
  check.done();
  const rounds = options.rounds ?? 10;
  const states = options.states ?? ids;
  // `size: 'max'`: fast-check 4 would otherwise cap the list at 10 injects, whatever `max` says.
  const seeds = fc.array(arbInjectSeed(Math.max(ids.length, states.length), rounds, options.reveals ?? true, options.notes ?? true, states.length > 0), { maxLength: options.max ?? 4, size: 'max' });
  return seeds.map((list) => list.flatMap((i) => injectOf(i, ids, states) ?? []));
}

/** An inject with its actors as picks (see {@link PairSeed}), resolved by {@link injectOf}. */
type InjectSeed =
  | { readonly type: 'operation'; readonly round: number; readonly pair: PairSeed; readonly kind: (typeof OPERATION_KINDS)[number] }
  | { readonly type: 'capability'; readonly round: number; readonly actor: number; readonly capability: CapabilityKey; readonly value: number }
  | { readonly type: 'agreement'; readonly round: number; readonly pair: PairSeed }
  | { readonly type: 'note' | 'reveal'; readonly round: number }
  | { readonly type: 'sanction'; readonly round: number; readonly by: number; readonly target: number; readonly measure: 'economic' | 'indictment' };

function arbInjectSeed(most: number, rounds: number, reveals: boolean, notes: boolean, sanctions: boolean): Arbitrary<InjectSeed> {
  const round = fc.nat({ max: rounds - 1 });
  const pick = fc.nat({ max: Math.max(0, most - 1) });
  const pair = arbPairSeed(most);
  const choices: Arbitrary<InjectSeed>[] = [
    fc.record({ type: fc.constant('operation' as const), round, pair, kind: fc.constantFrom(...OPERATION_KINDS) }),
    fc.record({ type: fc.constant('capability' as const), round, actor: pick, capability: fc.constantFrom<CapabilityKey>(...CAPABILITY_KEYS), value: arbUnit() }),
    fc.record({ type: fc.constant('agreement' as const), round, pair }),
  ];
  if (notes) choices.push(fc.record({ type: fc.constant('note' as const), round }));
  if (reveals) choices.push(fc.record({ type: fc.constant('reveal' as const), round }));
  if (sanctions) choices.push(fc.record({ type: fc.constant('sanction' as const), round, by: pick, target: pick, measure: fc.constantFrom('economic' as const, 'indictment' as const) }));
  return fc.oneof(...choices);
}

/** The inject a seed names among `ids` (at least two), sanctions by one of `states`; null if none can. */
function injectOf(seed: InjectSeed, ids: readonly ActorId[], states: readonly ActorId[]): Inject | null {
  const round = seed.round;
  switch (seed.type) {
    case 'operation': {
      const [actor, target] = pairOf(seed.pair, ids);
      return { round, type: 'operation', actor, target, kind: seed.kind };
    }
    case 'capability':
      return { round, type: 'capability', actor: ids[seed.actor % ids.length] as ActorId, capability: seed.capability, value: seed.value };
    case 'agreement':
      return { round, type: 'agreement', parties: pairOf(seed.pair, ids), terms: [{ kind: 'hotline' }] };
    case 'note':
      return { round, type: 'note', text: `note ${round}` };
    case 'reveal':
      return { round, type: 'reveal' };
    case 'sanction': {
      if (states.length === 0) return null;
      const by = states[seed.by % states.length] as ActorId;
      const at = ids.indexOf(by);
      // A sanctioning state outside `ids` (arbInjects lets a caller name any) may target anyone.
      const target = at < 0 ? (ids[seed.target % ids.length] as ActorId) : otherThan(at, seed.target, ids);
      return target === by ? null : { round, type: 'sanction', by, target, measure: seed.measure };
    }
  }
}

/**
 * A strategy for each actor id, drawn from `names`: pass it as `simulate(spec, { strategies })`.
 * Shrinks towards the first name for every actor.
 *
 * @example
 * ```ts
 * fc.assert(
 *   fc.property(
 *     arbWorldSpec().chain((spec) => arbStrategyMix(['hawk', 'dove'], spec.actors.map((a) => a.id)).map((mix) => ({ spec, mix }))),
 *     ({ spec, mix }) => simulate(spec, { seed: 1, rounds: 4, strategies: mix }).world.round === 4,
 *   ),
 * );
 * ```
 */
export function arbStrategyMix(names: readonly string[], ids: readonly ActorId[]): Arbitrary<Record<ActorId, string>> {
  const check = new ArgumentCheck('arbStrategyMix');
  check.names('names', names, 1, 'strategy names');
  check.names('ids', ids, 0, 'actor ids', true);
  check.done();
  return fc.tuple(...ids.map(() => fc.constantFrom(...names))).map((picked) => {
    const out: Record<ActorId, string> = {};
    ids.forEach((id, k) => {
      out[id] = picked[k] as string;
    });
    return out;
  });
}

/**
 * The invariants every world must satisfy, as a list of readable violations (empty when all hold):
 * capabilities in [0, 1]; trust evidence non-negative and trust in [0, 1]; finite tension and
 * escalation scores; rungs within 0–7, peak rung ≥ rung, open conflict (L7) mutual; every incident
 * posterior a distribution (non-negative, one entry per actor plus "nobody", summing to 1 within
 * `1e-9`); welfare finite. With `previous` (the world one or more rounds earlier) it also checks
 * that L7 is absorbing and peak rungs never fall.
 *
 * @example
 * ```ts
 * simulate(spec, { seed: 1, rounds: 10, onRound: (r) => expect(worldInvariantViolations(r.world)).toEqual([]) });
 * ```
 */
export function worldInvariantViolations(world: World, previous?: World): string[] {
  const check = new ArgumentCheck('worldInvariantViolations');
  const isWorld = (w: unknown) => isRecord(w) && Array.isArray(w.actors) && Array.isArray(w.incidents) && isRecord(w.dyads) && w.welfare !== undefined;
  if (!isWorld(world)) check.issue('world', 'a world (from createWorld, or the `world` of a run)', world);
  if (previous !== undefined && !isWorld(previous)) check.issue('previous', 'a world (an earlier one of the same run)', previous);
  check.done();
  const out: string[] = [];
  const n = world.actors.length;
  const d = world.dyads;
  if (d.n !== n) out.push(`dyads.n is ${d.n}, expected ${n}`);
  for (const a of world.actors) {
    for (const key of CAPABILITY_KEYS) {
      const v = a.capabilities[key];
      if (!(v >= 0 && v <= 1)) out.push(`${a.id}.capabilities.${key} = ${v} is outside [0, 1]`);
    }
  }
  const name = (k: number) => `${world.actors[Math.floor(k / n)]?.id}→${world.actors[k % n]?.id}`;
  for (let k = 0; k < n * n; k++) {
    const r = d.trustR[k] as number;
    const s = d.trustS[k] as number;
    if (!(r >= -1e-12 && s >= -1e-12)) out.push(`trust evidence of ${name(k)} is negative (r=${r}, s=${s})`);
    const t = betaTrust(r, s);
    if (!(t >= 0 && t <= 1)) out.push(`trust of ${name(k)} = ${t} is outside [0, 1]`);
    for (const key of ['tension', 'escalationTrue', 'escalationPerceived'] as const) {
      if (!Number.isFinite(d[key][k])) out.push(`${key} of ${name(k)} = ${d[key][k]} is not finite`);
    }
    const rung = d.rung[k] as number;
    const peak = d.peakRung[k] as number;
    if (rung > 7) out.push(`rung of ${name(k)} = ${rung} is above 7`);
    if (peak < rung) out.push(`peak rung of ${name(k)} = ${peak} is below its rung ${rung}`);
    const i = Math.floor(k / n);
    const j = k % n;
    if (rung === 7 && d.rung[j * n + i] !== 7) out.push(`open conflict ${name(k)} is not mutual`);
    if (previous && previous.dyads.n === n) {
      if (previous.dyads.rung[k] === 7 && rung !== 7) out.push(`rung of ${name(k)} left L7 (now ${rung})`);
      if (peak < (previous.dyads.peakRung[k] as number)) out.push(`peak rung of ${name(k)} fell from ${previous.dyads.peakRung[k]} to ${peak}`);
    }
  }
  for (const inc of world.incidents) {
    if (inc.posterior.length !== n + 1) out.push(`incident ${inc.id}: posterior has ${inc.posterior.length} entries, expected ${n + 1}`);
    let sum = 0;
    for (const p of inc.posterior) {
      if (!(p >= 0 && p <= 1)) out.push(`incident ${inc.id}: posterior entry ${p} is outside [0, 1]`);
      sum += p;
    }
    if (!(Math.abs(sum - 1) <= 1e-9)) out.push(`incident ${inc.id}: posterior sums to ${sum}`);
  }
  for (let i = 0; i < n; i++) if (!Number.isFinite(world.welfare[i])) out.push(`welfare of ${world.actors[i]?.id} = ${world.welfare[i]} is not finite`);
  return out;
}
export * from './escalation.js';
