import { pathUnder, plainDataProblem } from './nesting.js';
import { copied } from './record.js';

/**
 * Every coefficient of the default mechanisms (DESIGN §3). A run takes a deep-partial override
 * (see {@link MechanismOverrides}); anything left out keeps the default below.
 *
 * @example
 * ```ts
 * const m: Mechanisms = DEFAULT_MECHANISMS;
 * m.detection.scale; // 1
 * m.operations.maxPerRound; // 3
 * ```
 */
export interface Mechanisms {
  readonly operations: {
    /** Success probability = capability · (1 − defenseWeight · defense of the target). */
    readonly defenseWeight: number;
    /** How many covert operations one actor may launch in one round. */
    readonly maxPerRound: number;
    /** Severity (DCID scale 1–10) of each operation kind. */
    readonly severity: { readonly espionage: number; readonly disruption: number; readonly degradation: number };
    /** Extra severity when an operation targets critical infrastructure. */
    readonly criticalInfrastructureBonus: number;
  };
  readonly detection: {
    /** p = scale · attribution_victim · (1 − stealth_author) · (1 + severityBonus · severity / 10). */
    readonly scale: number;
    readonly severityBonus: number;
  };
  readonly identification: {
    /** q = base + attributionWeight · attribution_victim + sharingBonus · (information-sharing agreements). */
    readonly base: number;
    readonly attributionWeight: number;
    readonly sharingBonus: number;
    /** Chance that a correct investigation signal on a proxy's operation names the hidden sponsor. */
    readonly proxySponsorLink: number;
  };
  readonly falseAlarm: {
    /** f = rate · (1 − attribution_victim) per round. */
    readonly rate: number;
  };
  readonly posterior: {
    /** Prior weight of "nobody did it" (a false alarm) beside capability × (1 − trust) per suspect. */
    readonly nobodyWeight: number;
    /** Rounds after detection during which investigation adds one signal a round. */
    readonly investigationRounds: number;
  };
  readonly trust: {
    /** Beta-reputation forgetting factor λ applied to r and s every round. */
    readonly decay: number;
    /** Evidence weights added to r (good) or s (bad) of the observer's trust. */
    readonly attributedHostility: number;
    readonly publicAccusation: number;
    readonly privateAccusation: number;
    readonly sanction: number;
    readonly retaliation: number;
    readonly unansweredRequest: number;
    readonly answeredRequest: number;
    readonly cooperation: number;
    readonly sharedInformation: number;
    readonly sanctionLifted: number;
    /** Each round an agreement partner is not perceived to break it. */
    readonly keptCommitment: number;
    /** Times the perceiver's confidence, for a perceived violation of an agreement or adopted norm. */
    readonly brokenCommitment: number;
    readonly walkOut: number;
    readonly threat: number;
    /** A change of trust at least this large in a round is logged as `trust.changed` (for stories). */
    readonly reportThreshold: number;
  };
  readonly talks: {
    /** Rounds an offer stays open by default (a proposal may set its own). */
    readonly deadline: number;
    /** Offers that can be exchanged in one round before the rest waits for the next. */
    readonly maxExchangesPerRound: number;
  };
  readonly assistance: {
    /** Rounds to answer a request for assistance when no agreement sets a deadline. */
    readonly deadline: number;
  };
  readonly audit: {
    /** Confidence from which an attributed incident counts as a perceived violation. */
    readonly confidenceThreshold: number;
  };
  readonly escalation: {
    /** score ← decay · score + Σ weights. */
    readonly decay: number;
    /** Rivera et al. 2024 style weights of observed acts. */
    readonly weights: {
      readonly deescalation: number;
      readonly statusQuo: number;
      readonly posturing: number;
      readonly nonViolent: number;
      readonly violent: number;
    };
    /** Perceived escalation score at which a violent rung (L5+) turns into open conflict (L7). */
    readonly openConflictScore: number;
    /** Rungs a dyad steps down per quiet round (L7 never steps down). */
    readonly rungDecay: number;
  };
  readonly tension: {
    /** Default Richardson reactivity k and fatigue a (actors may override their own). */
    readonly reactivity: number;
    readonly fatigue: number;
    /** Time step Δ of the discrete update x += Δ(k·y − a·x + g). */
    readonly dt: number;
    /** Grievance g per unit of perceived escalation weight. */
    readonly grievanceScale: number;
    /** Tension is kept within ±limit so a divergent arms race cannot overflow to Infinity/NaN. */
    readonly limit: number;
  };
  readonly hotline: {
    /** Likelihood ratio applied to the queried actor's posterior when it denies. */
    readonly denialLikelihoodRatio: number;
    /** Likelihood ratio when it cooperates (opens its logs). */
    readonly cooperationLikelihoodRatio: number;
    /** Likelihood ratio when it acknowledges. */
    readonly acknowledgementLikelihoodRatio: number;
  };
  readonly welfare: {
    /** Gain of successful espionage that is not commercial (intelligence for the state). */
    readonly intelligenceGain: number;
    /** Gain of successful commercial espionage (stolen trade secrets), in place of `intelligenceGain`. */
    readonly commercialGain: number;
    readonly coercionGain: number;
    readonly damagePerSeverity: number;
    readonly sanctionCostTarget: number;
    readonly sanctionCostImposer: number;
    readonly conflictCost: number;
  };
}

/** A deep-partial override of {@link Mechanisms}. @example `const o: MechanismOverrides = { detection: { scale: 2 } };` */
export type MechanismOverrides = DeepPartial<Mechanisms>;

/** Every property optional, recursively. @example `const p: DeepPartial<{ a: { b: number } }> = { a: {} };` */
export type DeepPartial<T> = { readonly [K in keyof T]?: T[K] extends object ? DeepPartial<T[K]> : T[K] };

/**
 * The default coefficients, from DESIGN §3.
 *
 * @example
 * ```ts
 * DEFAULT_MECHANISMS.trust.decay; // 0.9
 * ```
 */
export const DEFAULT_MECHANISMS: Mechanisms = deepFreeze({
  operations: {
    defenseWeight: 0.5,
    maxPerRound: 3,
    severity: { espionage: 3, disruption: 2, degradation: 5 },
    criticalInfrastructureBonus: 1,
  },
  detection: { scale: 1, severityBonus: 0.5 },
  identification: { base: 0.5, attributionWeight: 0.5, sharingBonus: 0.05, proxySponsorLink: 0.25 },
  falseAlarm: { rate: 0.05 },
  posterior: { nobodyWeight: 0.1, investigationRounds: 4 },
  trust: {
    decay: 0.9,
    attributedHostility: 1,
    publicAccusation: 1,
    privateAccusation: 0.25,
    sanction: 1,
    retaliation: 2,
    unansweredRequest: 0.5,
    answeredRequest: 0.5,
    cooperation: 1,
    sharedInformation: 1,
    sanctionLifted: 1,
    keptCommitment: 0.2,
    brokenCommitment: 2,
    walkOut: 1,
    threat: 0.5,
    reportThreshold: 0.05,
  },
  talks: { deadline: 3, maxExchangesPerRound: 2 },
  assistance: { deadline: 1 },
  audit: { confidenceThreshold: 0.5 },
  escalation: {
    decay: 0.8,
    weights: { deescalation: -2, statusQuo: 0, posturing: 4, nonViolent: 12, violent: 28 },
    openConflictScore: 150,
    rungDecay: 1,
  },
  tension: { reactivity: 0.2, fatigue: 0.5, dt: 0.5, grievanceScale: 0.1, limit: 1e9 },
  hotline: { denialLikelihoodRatio: 0.6, cooperationLikelihoodRatio: 0.4, acknowledgementLikelihoodRatio: 4 },
  welfare: {
    intelligenceGain: 1,
    commercialGain: 1.5,
    coercionGain: 0.5,
    damagePerSeverity: 0.5,
    sanctionCostTarget: 1,
    sanctionCostImposer: 0.3,
    conflictCost: 10,
  },
});

/**
 * Merge an override into the defaults, checking that every key exists and every value is a
 * finite number, and that every object of the override is a plain one (a Map, a Date, a boxed
 * value or a class instance is an issue at its path, not read as an empty override). Returns
 * issues instead of throwing so callers can report them all at once.
 * The mechanisms returned are deep-frozen; the caller's `base` is never frozen (it is copied).
 *
 * A `base` that is not an object, or not plain data — nested more than `MAX_NESTING` levels deep,
 * holding itself, or sharing its parts so often that written out it would be exponentially large
 * (see `plainDataProblem`) — is one issue at its path under `base` (`base.a.a.a.a…`), and the
 * defaults are returned: the merge and its freeze walk the base recursively, and overflowed the
 * stack on such a base.
 *
 * @example
 * ```ts
 * const { mechanisms, issues } = mergeMechanisms({ trust: { decay: 0.8 } });
 * ```
 */
export function mergeMechanisms(
  override: unknown,
  base: Mechanisms = DEFAULT_MECHANISMS,
  path = 'mechanisms',
): { mechanisms: Mechanisms; issues: MechanismIssue[] } {
  const problem = baseProblem(base);
  if (problem) return { mechanisms: DEFAULT_MECHANISMS, issues: [problem] };
  const issues: MechanismIssue[] = [];
  // The result shares the parts of the base that the override leaves alone, and is frozen: a base
  // from elsewhere is copied first, so that the caller's object is never frozen.
  const from = (plainBases.has(base) ? base : plainCopy(base)) as unknown as Tree;
  const merged = deepFreeze(mergeNode(from, override, path, issues) as unknown as Mechanisms);
  plainBases.add(merged);
  return { mechanisms: merged, issues };
}

// Bases known to be plain data: the defaults and every merge's result (the mechanisms of every
// world createWorld makes), so that only a base from elsewhere is walked by the check.
const plainBases = new WeakSet<object>([DEFAULT_MECHANISMS]);

/** A copy of the lists and plain objects of `data` (checked plain data: no cycle, at most MAX_NESTING deep); other values as they are. */
function plainCopy(data: unknown): unknown {
  if (Array.isArray(data)) return data.map(plainCopy);
  if (!isRecord(data)) return data;
  const proto: unknown = Object.getPrototypeOf(data);
  if (proto !== Object.prototype && proto !== null) return data;
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(data)) Object.defineProperty(out, key, { value: plainCopy(data[key]), writable: true, enumerable: true, configurable: true });
  return out;
}

/** Why `base` cannot be merged into, as an issue; undefined when it can. */
function baseProblem(base: unknown): MechanismIssue | undefined {
  if (!isRecord(base)) return { path: 'base', expected: 'the mechanisms to merge into (an object)', received: describe(base) };
  if (plainBases.has(base)) return undefined;
  const problem = plainDataProblem(base);
  return problem && { path: pathUnder('base', problem.path), expected: problem.expected, received: problem.received };
}

/**
 * A problem found while merging mechanism overrides.
 *
 * @example
 * ```ts
 * const { issues } = mergeMechanisms({ detection: { scale: -1 } });
 * const issue: MechanismIssue | undefined = issues[0]; // { path: 'mechanisms.detection.scale', expected: 'a finite number ≥ 0', received: '-1' }
 * ```
 */
export interface MechanismIssue {
  readonly path: string;
  readonly expected: string;
  readonly received: string;
}

type Tree = { readonly [key: string]: number | Tree };

/** What a coefficient may be: a test and the words of an error that names it. */
interface CoefficientRule {
  readonly holds: (x: number) => boolean;
  readonly expected: string;
}

const ANY: CoefficientRule = { holds: () => true, expected: 'a finite number' };
const NON_NEGATIVE: CoefficientRule = { holds: (x) => x >= 0, expected: 'a finite number ≥ 0' };
const POSITIVE: CoefficientRule = { holds: (x) => x > 0, expected: 'a finite number > 0' };
const UNIT: CoefficientRule = { holds: (x) => x >= 0 && x <= 1, expected: 'a number from 0 to 1' };
const COUNT: CoefficientRule = { holds: (x) => Number.isInteger(x) && x >= 0, expected: 'a whole number ≥ 0' };
const COUNT_1: CoefficientRule = { holds: (x) => Number.isInteger(x) && x >= 1, expected: 'a whole number ≥ 1' };

/**
 * The coefficients that are not simply ≥ 0, by path below `mechanisms`. Every other coefficient is
 * a weight, gain, cost, scale or rate that a negative value would turn into nonsense without any
 * error (a negative evidence weight pushes trust out of (0, 1)), so it must be ≥ 0.
 */
const RULES: Readonly<Record<string, CoefficientRule>> = {
  'operations.defenseWeight': UNIT,
  'operations.maxPerRound': COUNT,
  'identification.base': UNIT,
  'identification.proxySponsorLink': UNIT,
  'falseAlarm.rate': UNIT,
  'posterior.investigationRounds': COUNT,
  'trust.decay': UNIT,
  'talks.deadline': COUNT_1,
  'talks.maxExchangesPerRound': COUNT_1,
  'assistance.deadline': COUNT,
  'audit.confidenceThreshold': UNIT,
  'escalation.decay': UNIT,
  // De-escalation lowers the score: its weight is negative by default; the others may be too.
  'escalation.weights.deescalation': ANY,
  'escalation.weights.statusQuo': ANY,
  'escalation.weights.posturing': ANY,
  'escalation.weights.nonViolent': ANY,
  'escalation.weights.violent': ANY,
  'escalation.openConflictScore': POSITIVE,
  'escalation.rungDecay': COUNT,
  'tension.dt': POSITIVE,
  'tension.limit': POSITIVE,
  'hotline.denialLikelihoodRatio': POSITIVE,
  'hotline.cooperationLikelihoodRatio': POSITIVE,
  'hotline.acknowledgementLikelihoodRatio': POSITIVE,
};

function coefficientRule(at: string): CoefficientRule {
  return Object.prototype.hasOwnProperty.call(RULES, at) ? (RULES[at] as CoefficientRule) : NON_NEGATIVE;
}

function mergeNode(base: Tree, override: unknown, path: string, issues: MechanismIssue[], at = ''): Tree {
  if (override === undefined) return base;
  if (override === null || typeof override !== 'object' || Array.isArray(override)) {
    issues.push({ path, expected: 'an object', received: describe(override) });
    return base;
  }
  const other = notPlainObject(override);
  if (other !== undefined) {
    issues.push({ path, expected: 'an object of fields (plain data)', received: other });
    return base;
  }
  const out: Record<string, number | Tree> = copied(base);
  for (const key of Object.keys(override)) {
    const value = (override as Record<string, unknown>)[key];
    const sub = `${path}.${key}`;
    // The coefficient's place within the mechanisms, whatever the path of the override (an inject's `set`, a fork).
    const rel = at === '' ? key : `${at}.${key}`;
    if (!Object.prototype.hasOwnProperty.call(base, key)) {
      issues.push({ path: sub, expected: `one of ${Object.keys(base).join(', ')}`, received: `unknown key '${key}'` });
      continue;
    }
    const baseValue = base[key];
    if (typeof baseValue === 'number') {
      const rule = coefficientRule(rel);
      if (typeof value !== 'number' || !Number.isFinite(value) || !rule.holds(value)) {
        issues.push({ path: sub, expected: rule.expected, received: describe(value) });
      } else {
        out[key] = value;
      }
    } else if (baseValue !== undefined) {
      out[key] = mergeNode(baseValue, value, sub, issues, rel);
    }
  }
  return out;
}

/**
 * How to name `value` when it is not a plain object (its prototype neither Object.prototype nor
 * null), in the scenario checker's words ('a Map object'); undefined when it is one. Only own
 * fields are read: a Map holds its entries elsewhere, a Date or a boxed number its value, a class
 * its getters on the prototype, and each was read as an empty override, so the run went on with
 * the defaults, silently.
 */
function notPlainObject(value: object): string | undefined {
  const proto: unknown = Object.getPrototypeOf(value);
  if (proto === Object.prototype || proto === null) return undefined;
  const tag = Object.prototype.toString.call(value).slice(8, -1);
  if (tag !== 'Object') return `a ${tag} object`;
  const name: unknown = (proto as { readonly constructor?: { readonly name?: unknown } }).constructor?.name;
  // A plain object of another realm (a vm context, an iframe): its Object.prototype is not ours.
  if (name === 'Object' && Object.getPrototypeOf(proto) === null) return undefined;
  return typeof name === 'string' && name !== '' ? `an object of class ${name}` : 'an object of a class';
}

/**
 * A non-null object that is not an array: what every entry of a spec, a snapshot or an options
 * argument must be before its fields are read.
 *
 * @example
 * ```ts
 * isRecord({ id: 'US' }); // true
 * isRecord([1]) || isRecord(null); // false
 * ```
 */
export function isRecord(x: unknown): x is Readonly<Record<string, unknown>> {
  return typeof x === 'object' && x !== null && !Array.isArray(x);
}

/** Short description of a value for error messages. */
export function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  // Not String(value), which prints a function's whole source.
  if (typeof value === 'function') return 'a function';
  if (typeof value === 'string') return JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value);
  if (typeof value === 'object') return 'an object';
  return String(value);
}

// Frozen before its values are walked, so that a cycle stops (a base is checked to have none, but
// the freeze must not depend on it).
function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const v of Object.values(value)) deepFreeze(v);
  }
  return value;
}
