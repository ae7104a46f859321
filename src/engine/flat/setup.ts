// prepareFlat's work: the flat arrays and codes of an initial world, and the static check of what
// the flat path covers. Nothing here depends on the seed, and nothing made here is written by a run
// (play.ts copies what it changes), so one setup serves every run of a scenario.

import type { Commitment } from '../../model/agreement.js';
import type { Mechanisms } from '../../model/mechanisms.js';
import { mergeMechanisms } from '../../model/mechanisms.js';
import type { World } from '../../model/world.js';
import { copiedDyads } from '../world.js';
import { GGE15_NORM_IDS } from '../../model/norms.js';
import { clamp01 } from './rules.js';
import type { BuiltinRef } from './types.js';

/** Strategy codes. */
export const DETERRER = 0;
export const PRAGMATIST = 1;
export const CONTRACTOR = 2;
export const HAWK = 3;
export const TIT_FOR_TAT = 4;
export const PASSIVE = 5;

/**
 * The strategies covered, by code, with each parameter's slot, default and range (as `readParams`
 * in src/strategies/builtins: reactive.ts, diplomatic.ts, contractor.ts, simple.ts).
 */
const STRATEGIES: readonly { readonly name: string; readonly params: readonly (readonly [string, number, number, number])[] }[] = [
  { name: 'deterrer', params: [['retaliateAt', 0.7, 0, 1], ['retaliationCost', 1, 0, 1000]] },
  { name: 'pragmatist', params: [['spyBelowExposure', 0.3, 0, 1], ['threshold', 0.7, 0, 1]] },
  { name: 'contractor', params: [['rate', 0.3, 0, 1]] },
  { name: 'hawk', params: [['accuseAt', 0.3, 0, 1], ['sanctionAt', 0.6, 0, 1], ['retaliateAt', 0.8, 0, 1], ['disruptBelowTrust', 0.35, 0, 1], ['tensionWeight', 0.3, 0, 1], ['tensionHalf', 1, 0.001, 1e6]] },
  { name: 'tit-for-tat', params: [['threshold', 0.6, 0, 1], ['generosity', 0, 0, 1], ['tensionWeight', 0.3, 0, 1], ['tensionHalf', 1, 0.001, 1e6]] },
  { name: 'passive', params: [] },
  // --- forums, assistance, talks, diplomatic built-ins ---
  { name: 'cautious', params: [['threshold', 0.9, 0, 1], ['sanctionAt', 0.97, 0, 1]] },
  { name: 'de-escalator', params: [['accuseAt', 0.8, 0, 1], ['minConfidence', 0.3, 0, 1]] },
  // --- simple and reactive built-ins (strategies-simple.ts) ---
  { name: 'dove', params: [['threshold', 0.9, 0, 1]] },
  { name: 'random', params: [['rate', 0.2, 0, 1]] },
  // tit-for-tat's slots, with generosity at 1.
  { name: 'generous-tit-for-tat', params: [['threshold', 0.6, 0, 1], ['generosity', 0.3, 0, 1], ['tensionWeight', 0.3, 0, 1], ['tensionHalf', 1, 0.001, 1e6]] },
  { name: 'grim-trigger', params: [['threshold', 0.7, 0, 1], ['tensionWeight', 0.3, 0, 1], ['tensionHalf', 1, 0.001, 1e6]] },
  // --- spoiler and norm-entrepreneur (diplomatic.ts) ---
  { name: 'spoiler', params: [['cheatBelow', 0.35, 0, 1]] },
  { name: 'norm-entrepreneur', params: [['threshold', 0.9, 0, 1]] },
];
/** Parameter slots per actor (the most any covered strategy takes). */
export const PARAM_SLOTS = 6;
// Slots by strategy.
export const D_RETALIATE_AT = 0;
export const D_COST = 1;
export const P_SPY_BELOW = 0;
export const P_THRESHOLD = 1;
export const C_RATE = 0;
export const H_ACCUSE_AT = 0;
export const H_SANCTION_AT = 1;
export const H_RETALIATE_AT = 2;
export const H_DISRUPT_BELOW = 3;
export const H_WEIGHT = 4;
export const H_HALF = 5;
export const T_THRESHOLD = 0;
export const T_WEIGHT = 2;
export const T_HALF = 3;
// --- forums, assistance, talks, diplomatic built-ins ---
export const CAUTIOUS = 6;
export const CA_THRESHOLD = 0;
export const CA_SANCTION_AT = 1;
export const DE_ESCALATOR = 7;
export const DE_ACCUSE_AT = 0;
export const DE_MIN_CONFIDENCE = 1;
// --- simple and reactive built-ins (strategies-simple.ts) ---
export const DOVE = 8;
export const DV_THRESHOLD = 0;
export const RANDOM = 9;
export const R_RATE = 0;
export const GENEROUS_TFT = 10;
export const G_GENEROSITY = 1;
export const GRIM = 11;
export const GR_THRESHOLD = 0;
export const GR_WEIGHT = 1;
export const GR_HALF = 2;
// --- spoiler and norm-entrepreneur (diplomatic.ts) ---
export const SPOILER = 12;
export const SP_CHEAT_BELOW = 0;
export const NORM_ENTREPRENEUR = 13;
export const NE_THRESHOLD = 0;

/** Actor kinds. */
export const STATE = 0;
const ACTOR_KINDS: Readonly<Record<string, number>> = { state: 0, proxy: 1, criminal: 2 };
/** Operation kinds (indices of `severity`). */
export const ESPIONAGE = 0;
export const DISRUPTION = 1;
export const DEGRADATION = 2;
const OPERATION_KINDS: Readonly<Record<string, number>> = { espionage: 0, disruption: 1, degradation: 2 };
/** What an operation is against. */
export const NETWORKS = 0;
export const CRITICAL = 1;
export const CERT = 2;
const TARGETS: Readonly<Record<string, number>> = { networks: 0, 'critical-infrastructure': 1, cert: 2 };
/** Sanction measures. */
const MEASURES: Readonly<Record<string, number>> = { economic: 0, indictment: 1 };
export const ECONOMIC = 0;

/** Commitment kinds (a term's code). */
export const T_HOTLINE = 0;
export const T_NO_THEFT = 1;
export const T_ASSISTANCE = 2;
export const T_SHARING = 3;
export const T_NORMS = 4;
export const T_RELIEF = 5;
export const T_NEXT_ROUND = 6;
const TERM_KINDS: Readonly<Record<string, number>> = { hotline: 0, 'no-commercial-theft': 1, assistance: 2, 'information-sharing': 3, norms: 4, 'sanctions-relief': 5, 'next-round': 6 };

/** One term of an agreement: its kind's code and, for `norms`, the norms' indices in {@link FlatSetup.normIds}. */
export interface FlatTerm {
  readonly kind: number;
  readonly norms: readonly number[];
  /** The term's `rounds` (assistance, next-round), if it gives them. */
  readonly rounds?: number;
}

/** An inject, with actor indices and codes. */
export type FlatInject =
  | { readonly type: 'operation'; readonly round: number; readonly principal: number; readonly target: number; readonly kind: number; readonly against: number; readonly falseFlag: number; readonly commercial: boolean }
  | { readonly type: 'reveal'; readonly round: number; readonly victim: number }
  | { readonly type: 'agreement'; readonly round: number; readonly parties: readonly number[]; readonly terms: readonly FlatTerm[] }
  | { readonly type: 'sanction' | 'threat'; readonly round: number; readonly by: number; readonly target: number; readonly measure: number }
  | { readonly type: 'note'; readonly round: number }
  // --- forums, assistance, talks, diplomatic built-ins ---
  /** A capability replaced: `cap` indexes esp, off, def, att, stl. */
  | { readonly type: 'capability'; readonly round: number; readonly actor: number; readonly cap: number; readonly value: number }
  /** The world's mechanisms after this inject (merged with all earlier ones, in order). */
  | { readonly type: 'mechanisms'; readonly round: number; readonly mechanisms: Mechanisms };

/**
 * What `prepareFlat` reads of an initial world, as flat arrays indexed by actor position. Never
 * written by a run: `playFlat` copies what it changes.
 */
export interface FlatSetup {
  readonly n: number;
  readonly ids: readonly string[];
  readonly mechanisms: Mechanisms;
  /** Actor kind codes, sponsor indices (-1: none), capabilities, reactivity and fatigue. */
  readonly kind: Uint8Array;
  readonly sponsor: Int32Array;
  readonly esp: Float64Array;
  readonly off: Float64Array;
  readonly def: Float64Array;
  readonly att: Float64Array;
  readonly stl: Float64Array;
  readonly reactivity: Float64Array;
  readonly fatigue: Float64Array;
  /** Strategy code per actor, and its parameters ({@link PARAM_SLOTS} per actor). */
  readonly strat: Uint8Array;
  readonly params: Float64Array;
  /** Each actor's rivals (not itself, its proxies or its sponsor: `rivals` in helpers.ts), in id order. */
  readonly rivals: readonly Int32Array[];
  /**
   * exposure(view, target, 'espionage') of helpers.ts for actor i against t (pair i · n + t): public
   * numbers only, so fixed for the run.
   */
  readonly exposure: Float64Array;
  /** A pragmatist's targets: its rivals whose exposure is below `spyBelowExposure`, in id order (empty for others). */
  readonly spyTargets: readonly Int32Array[];
  /** The initial dyad tables and welfare. */
  readonly dyads: World['dyads'];
  readonly welfare: Float64Array;
  /** Norm ids met anywhere in the world (adopted, or in an agreement's terms; then every GGE norm), and the adopted ones (actor · normIds.length + norm). */
  readonly normIds: readonly string[];
  readonly norms: Uint8Array;
  /** Indices of gge15.f and gge15.k in normIds (-1: never met). */
  readonly normF: number;
  readonly normK: number;
  /** Agreements in force at the start: parties sorted, terms. */
  readonly agreements: readonly { readonly parties: readonly number[]; readonly terms: readonly FlatTerm[] }[];
  /** Injects, stable-sorted by round. */
  readonly injects: readonly FlatInject[];
  // --- forums, assistance, talks, diplomatic built-ins ---
  /** Forums, in the world's order. */
  readonly forums: readonly FlatForum[];
  /** Indices in normIds of the GGE norms gge15.a … gge15.k, in catalogue order (all registered). */
  readonly gge: Int32Array;
  /** Whether a `capability` or `mechanisms` inject changes capabilities or mechanisms during a run (each run then plays on its own copy of the setup: diplomatic.ts, ownSetup). */
  readonly changing: boolean;
}

/** The strategy code and parameters of a ref, or why it is not covered. */
function readRef(ref: BuiltinRef | undefined, id: string, params: Float64Array, at: number): number | string {
  if (ref === undefined) return `actor '${id}' plays no built-in strategy`;
  const code = STRATEGIES.findIndex((s) => s.name === ref.name);
  const spec = STRATEGIES[code];
  if (spec === undefined) return `strategy '${ref.name}' (actor '${id}') is not covered`;
  for (let k = 0; k < spec.params.length; k++) params[at + k] = (spec.params[k] as readonly [string, number, number, number])[1];
  for (const key of Object.keys(ref.params)) {
    const slot = spec.params.findIndex((p) => p[0] === key);
    const range = spec.params[slot];
    const v = ref.params[key];
    if (range === undefined) return `parameter '${key}' of strategy '${ref.name}' (actor '${id}') is not covered`;
    if (typeof v !== 'number' || !(v >= range[2] && v <= range[3])) return `parameter '${key}' of strategy '${ref.name}' (actor '${id}') is out of range`;
    params[at + slot] = v;
  }
  return code;
}

/**
 * The flat setup of an initial world, or the first thing in it the flat path does not cover (see
 * index.ts for the list). Reads everything from `world`: actors (sorted by id), merged mechanisms,
 * dyad tables, norms, agreements and injects.
 */
export function setupOf(world: World, refs: readonly (BuiltinRef | undefined)[]): FlatSetup | { readonly gap: string } {
  const gap = (reason: string) => ({ gap: reason });
  if (world.round !== 0) return gap(`the world is at round ${world.round}, not 0`);
  const actors = world.actors;
  const n = actors.length;
  if (refs.length !== n) return gap(`${refs.length} strategy refs for ${n} actors`);
  for (const [what, list] of [['operations', world.operations], ['incidents', world.incidents], ['requests', world.requests], ['sanctions', world.sanctions], ['threats', world.threats], ['talks', world.talks]] as const) {
    if (list.length > 0) return gap(`${what} in the initial world are not covered`);
  }
  const ids = actors.map((a) => a.id);
  for (let i = 1; i < n; i++) if (!((ids[i - 1] as string) < (ids[i] as string))) return gap('actors not sorted by id');
  const index = new Map(ids.map((id, i) => [id, i] as const));
  const m = world.mechanisms;

  const params = new Float64Array(n * PARAM_SLOTS);
  const strat = new Uint8Array(n);
  const kind = new Uint8Array(n);
  const sponsor = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    const a = actors[i] as World['actors'][number];
    const code = readRef(refs[i], a.id, params, i * PARAM_SLOTS);
    if (typeof code === 'string') return gap(code);
    strat[i] = code;
    const k = ACTOR_KINDS[a.kind];
    if (k === undefined) return gap(`actor kind '${a.kind}' is not covered`);
    kind[i] = k;
    const s = a.sponsor === null ? -1 : index.get(a.sponsor);
    if (s === undefined) return gap(`unknown sponsor '${a.sponsor}'`);
    sponsor[i] = s;
  }
  const cap = (key: 'espionage' | 'offense' | 'defense' | 'attribution' | 'stealth') => Float64Array.from(actors, (a) => a.capabilities[key]);
  const esp = cap('espionage');
  const off = cap('offense');
  const def = cap('defense');
  const att = cap('attribution');
  const stl = cap('stealth');

  // Rivals and exposure (rivals and exposure in src/strategies/builtins/helpers.ts).
  const rivals: Int32Array[] = [];
  for (let i = 0; i < n; i++) {
    const out: number[] = [];
    for (let x = 0; x < n; x++) if (x !== i && sponsor[x] !== i && sponsor[i] !== x) out.push(x);
    rivals.push(Int32Array.from(out));
  }
  const exposure = new Float64Array(n * n);
  const sevE = m.operations.severity.espionage;
  for (let i = 0; i < n; i++) {
    for (let t = 0; t < n; t++) {
      const p = clamp01(m.detection.scale * (att[t] as number) * (1 - (stl[i] as number)) * (1 + (m.detection.severityBonus * sevE) / 10));
      const q = clamp01(m.identification.base + m.identification.attributionWeight * (att[t] as number) + m.identification.sharingBonus * 0);
      exposure[i * n + t] = p * q;
    }
  }
  const spyTargets = rivals.map((rv, i) => {
    if (strat[i] !== PRAGMATIST) return new Int32Array(0);
    const bound = params[i * PARAM_SLOTS + P_SPY_BELOW] as number;
    return Int32Array.from([...rv].filter((t) => (exposure[i * n + t] as number) < bound));
  });

  // Norms: every id met, and the adopted ones.
  const normIds: string[] = [];
  const normIndex = (id: string): number => {
    let k = normIds.indexOf(id);
    if (k < 0) k = normIds.push(id) - 1;
    return k;
  };
  const adopted: [number, number][] = [];
  for (const id of Object.keys(world.norms)) {
    const i = index.get(id);
    if (i === undefined) return gap(`norms of unknown actor '${id}'`);
    for (const norm of world.norms[id] ?? []) adopted.push([i, normIndex(norm)]);
  }
  const readTerms = (terms: readonly Commitment[]): FlatTerm[] | string => {
    const out: FlatTerm[] = [];
    for (const t of terms) {
      const code = TERM_KINDS[t.kind];
      if (code === undefined) return `commitment '${t.kind}' is not covered`;
      out.push({ kind: code, norms: code === T_NORMS ? (t.norms ?? []).map(normIndex) : [], ...(t.rounds !== undefined ? { rounds: t.rounds } : {}) });
    }
    return out;
  };
  const partiesOf = (parties: readonly string[]): number[] | string => {
    const out: number[] = [];
    for (const p of parties) {
      const i = index.get(p);
      if (i === undefined) return `unknown party '${p}'`;
      out.push(i);
    }
    return out.sort((a, b) => a - b);
  };
  const agreements: { parties: number[]; terms: FlatTerm[] }[] = [];
  for (const ag of world.agreements) {
    const parties = partiesOf(ag.parties);
    const terms = readTerms(ag.terms);
    if (typeof parties === 'string') return gap(parties);
    if (typeof terms === 'string') return gap(terms);
    agreements.push({ parties, terms });
  }
  const injects: FlatInject[] = [];
  let merged = m;
  const sorted = world.injects.map((inj, k) => [inj, k] as const).sort((a, b) => a[0].round - b[0].round || a[1] - b[1]);
  for (const [inj] of sorted) {
    const at = (id: string | undefined): number => (id === undefined ? -1 : (index.get(id) ?? -2));
    switch (inj.type) {
      case 'note':
        injects.push({ type: 'note', round: inj.round });
        break;
      case 'operation': {
        const k = OPERATION_KINDS[inj.kind];
        const against = TARGETS[inj.against ?? 'networks'];
        const principal = at(inj.actor);
        const target = at(inj.target);
        const falseFlag = at(inj.falseFlag);
        if (k === undefined || against === undefined || principal < 0 || target < 0 || falseFlag < -1) return gap('an operation inject of this form is not covered');
        injects.push({ type: 'operation', round: inj.round, principal, target, kind: k, against, falseFlag, commercial: inj.commercial === true });
        break;
      }
      case 'reveal': {
        const victim = at(inj.victim);
        if (victim < -1) return gap('a reveal inject of an unknown victim');
        injects.push({ type: 'reveal', round: inj.round, victim });
        break;
      }
      case 'agreement': {
        const parties = partiesOf(inj.parties);
        const terms = readTerms(inj.terms);
        if (typeof parties === 'string') return gap(parties);
        if (typeof terms === 'string') return gap(terms);
        injects.push({ type: 'agreement', round: inj.round, parties, terms });
        break;
      }
      case 'sanction':
      case 'threat': {
        const by = at(inj.by);
        const target = at(inj.target);
        const measure = MEASURES[inj.measure];
        if (by < 0 || target < 0 || measure === undefined) return gap(`a ${inj.type} inject of this form is not covered`);
        injects.push({ type: inj.type, round: inj.round, by, target, measure });
        break;
      }
      // --- forums, assistance, talks, diplomatic built-ins ---
      case 'capability': {
        const actor = at(inj.actor);
        const cap = CAPABILITY_KEYS.indexOf(inj.capability);
        if (actor < 0 || cap < 0) return gap('a capability inject of this form is not covered');
        injects.push({ type: 'capability', round: inj.round, actor, cap, value: inj.value });
        break;
      }
      case 'mechanisms':
        merged = mergeMechanisms(inj.set, merged).mechanisms;
        injects.push({ type: 'mechanisms', round: inj.round, mechanisms: merged });
        break;
      default:
        return gap(`'${(inj as { type: string }).type}' injects are not covered`);
    }
  }
  // --- forums, assistance, talks, diplomatic built-ins ---
  for (const id of GGE15_NORM_IDS) normIndex(id);
  const forums: FlatForum[] = [];
  for (const f of world.forums) {
    const members = partiesOf(f.members);
    if (typeof members === 'string') return gap(members);
    const threshold = f.rule === 'consensus' ? -1 : f.rule.threshold;
    forums.push(Object.freeze({ members: Int32Array.from(members), first: f.first, every: f.every, threshold, agenda: Object.freeze(f.agenda.map((pkg) => packageOf(pkg, normIndex))) }));
  }
  const norms = new Uint8Array(n * Math.max(1, normIds.length));
  for (const [i, k] of adopted) norms[i * normIds.length + k] = 1;
  const copyDyads = copiedDyads(n, world.dyads);
  return Object.freeze({
    n,
    ids: Object.freeze(ids),
    mechanisms: m,
    kind,
    sponsor,
    esp,
    off,
    def,
    att,
    stl,
    reactivity: Float64Array.from(actors, (a) => a.reactivity),
    fatigue: Float64Array.from(actors, (a) => a.fatigue),
    strat,
    params,
    rivals: Object.freeze(rivals),
    exposure,
    spyTargets: Object.freeze(spyTargets),
    dyads: Object.freeze(copyDyads),
    welfare: Float64Array.from(world.welfare),
    normIds: Object.freeze(normIds),
    norms,
    normF: normIds.indexOf('gge15.f'),
    normK: normIds.indexOf('gge15.k'),
    agreements: Object.freeze(agreements.map((a) => Object.freeze(a))),
    injects: Object.freeze(injects),
    // --- forums, assistance, talks, diplomatic built-ins ---
    forums: Object.freeze(forums),
    gge: Int32Array.from(GGE15_NORM_IDS, (id) => normIds.indexOf(id)),
    changing: injects.some((x) => x.type === 'capability' || x.type === 'mechanisms'),
  });
}

/** The capabilities a `capability` inject may replace, by the code of {@link FlatInject}'s `cap`. */
const CAPABILITY_KEYS: readonly string[] = ['espionage', 'offense', 'defense', 'attribution', 'stealth'];

// --- forums, assistance, talks, diplomatic built-ins ---

/** A package of norms voted on in a forum: its key (the norm ids joined by ',', as the engine keys packages) and the norms' indices in {@link FlatSetup.normIds}, in the package's order. */
export interface FlatPackage {
  readonly key: string;
  readonly norms: readonly number[];
}

/** A forum (Forum in src/model/agreement.ts): members (indices, sorted), calendar, rule (threshold, or -1 for consensus) and its initial agenda. */
export interface FlatForum {
  readonly members: Int32Array;
  readonly first: number;
  readonly every: number;
  readonly threshold: number;
  readonly agenda: readonly FlatPackage[];
}

/** A package of norm ids (already in the order the engine keeps it) with its key. */
export function packageOf(norms: readonly string[], normIndex: (id: string) => number): FlatPackage {
  return Object.freeze({ key: norms.join(','), norms: Object.freeze(norms.map(normIndex)) });
}
