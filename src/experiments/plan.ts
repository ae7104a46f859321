import { ConfigError } from '../engine/errors.js';
import { clip } from '../model/quote.js';
import type { ConfigIssue } from '../engine/errors.js';
import { CAPABILITY_KEYS } from '../model/capability.js';
import { DEFAULT_MECHANISMS } from '../model/mechanisms.js';
import { plainDataProblem } from '../model/nesting.js';
import { copied, joined, withFields } from '../model/record.js';
import { createRegistry } from '../strategies/builtins/index.js';
import type { StrategyRegistry } from '../strategies/registry.js';
import { suggest } from '../strategies/registry.js';
import { everyMember } from '../model/members.js';
import { checkOptionNames } from '../engine/option-names.js';
import type { ScenarioActor, ScenarioDocument } from '../scenario/format.js';
import { MAX_ROUNDS } from '../scenario/parse.js';
import { parseScenario } from '../scenario/parse.js';
import { FORBIDDEN_KEYS } from '../scenario/read.js';
import type { Scenario } from '../scenario/parse.js';
import { isStrategyColumn, NUMBER_TEXT } from './format.js';
import { checkSeeds, countSeeds, MAX_SEEDS, parseSeeds } from './seeds.js';

/**
 * A value a grid gives a parameter: a number (coefficients, capabilities, strategy parameters, rounds) or a name (strategies).
 *
 * @example
 * ```ts
 * const scale: ParamValue = 0.5;
 * const strategy: ParamValue = 'hawk';
 * planSweep(scenario, { seeds: [1], grid: { 'actors.CN.strategy': [strategy, 'dove'] } });
 * ```
 */
export type ParamValue = number | string;


/**
 * Parameter paths and the values each takes; the sweep runs every combination (the Cartesian
 * product, the last path varying fastest). Paths: `mechanisms.<section>.<coefficient>` (also
 * spelt `mechanism.…`), `actors.<ID>.strategy`, `actors.<ID>.strategy.<parameter>`,
 * `actors.<ID>.capabilities.<key>`, `actors.<ID>.reactivity`, `actors.<ID>.fatigue`, `rounds`.
 * A strategy parameter is set on the actor's strategy at each point (after a strategy axis of the
 * same actor, if any, has named it); which parameters a strategy takes, and their ranges, are
 * checked point by point by the strategy itself.
 *
 * @example
 * ```ts
 * const grid: Grid = { 'mechanisms.detection.scale': [0.5, 1, 2], 'actors.CN.strategy': ['hawk', 'dove'] };
 * const tension: Grid = { 'actors.US.strategy.tensionWeight': [0, 0.3, 0.6] };
 * ```
 */
export type Grid = Readonly<Record<string, readonly ParamValue[]>>;

/**
 * One axis of a grid: a canonical parameter path and its values, in the order given.
 *
 * @example
 * ```ts
 * const plan = planSweep(scenario, { seeds: [1], grid: { 'mechanism.detection.scale': [0.5, 1] } });
 * const axis: GridAxis | undefined = plan.axes[0]; // { path: 'mechanisms.detection.scale', values: [0.5, 1] }
 * ```
 */
export interface GridAxis {
  readonly path: string;
  readonly values: readonly ParamValue[];
}

/**
 * One run of a sweep: its stable id (`p<point>-s<seed>`), the grid point (index into the
 * Cartesian product), the seed and the parameter values of that point.
 *
 * @example
 * ```ts
 * const item: PlanItem = { run: 'p1-s7', point: 1, seed: 7, params: { 'mechanisms.detection.scale': 1 } };
 * ```
 */
export interface PlanItem {
  readonly run: string;
  readonly point: number;
  readonly seed: number;
  readonly params: Readonly<Record<string, ParamValue>>;
}

/**
 * Every run of a sweep, in order: grid points in product order, and for each point every seed.
 *
 * @example
 * ```ts
 * const plan = planSweep(scenario, { seeds: '1..100', grid: { 'mechanisms.detection.scale': [0.5, 1] } });
 * plan.items.length; // 200
 * ```
 */
export interface SweepPlan {
  readonly document: ScenarioDocument;
  readonly axes: readonly GridAxis[];
  readonly seeds: readonly number[];
  readonly items: readonly PlanItem[];
}

/**
 * Options of {@link planSweep}.
 *
 * @example
 * ```ts
 * const options: PlanOptions = { seeds: '1..100', grid: { 'actors.CN.strategy': ['hawk', 'dove'] } };
 * planSweep(scenario, options).items.length; // 200
 * ```
 */
export interface PlanOptions {
  /** Seeds: a list of numbers, or text such as `'1..1000'` or `'1,2,5'`. */
  readonly seeds: readonly number[] | string;
  /** Parameter paths and their values (default: no grid, one point). */
  readonly grid?: Grid;
  /** Where strategy names are looked up (default: the built-ins). */
  readonly registry?: StrategyRegistry;
}

/** The names {@link planSweep} accepts in its options: every field of {@link PlanOptions}. */
const PLAN_OPTIONS = everyMember<keyof PlanOptions & string>()(['seeds', 'grid', 'registry']);

let builtins: StrategyRegistry | undefined;

/**
 * At most this many grid points in one sweep (the product of the numbers of values; a
 * tournament's strategies^roles). Each point is parsed as a scenario when the sweep is planned
 * (about half a millisecond each) and again by each thread that plays it, which keeps it (about
 * 10 KB): at the limit, under a minute of checks and about 1 GB over the threads.
 *
 * @example
 * ```ts
 * MAX_GRID_POINTS; // 100000: e.g. 10 strategies on 5 roles, not 14 on 6
 * ```
 */
export const MAX_GRID_POINTS = 100_000;

/**
 * At most this many runs (grid points × seeds) in one sweep: the plan holds every run (about
 * 110 bytes each), so the limit keeps it near 1 GB, within Node's default heap; it equals
 * {@link MAX_SEEDS}, so one point with the most seeds still plans. Bigger studies are several
 * sweeps over different seeds, each with its own results file (run ids do not depend on the
 * other seeds).
 *
 * @example
 * ```ts
 * MAX_RUNS; // 10000000
 * ```
 */
export const MAX_RUNS = MAX_SEEDS;

/** Refuse a plan bigger than the limits from its counts alone, before any point or run is built. */
function checkPlanSize(axes: readonly GridAxis[], seeds: number): void {
  const n = (x: number) => (Number.isSafeInteger(x) ? String(x).replace(/\B(?=(\d{3})+$)/g, ',') : String(x));
  let points = 1;
  for (const a of axes) points *= a.values.length;
  const product = axes.length > 1 ? ` (${axes.map((a) => a.values.length).join(' × ')})` : '';
  if (points > MAX_GRID_POINTS) {
    throw new ConfigError([{ path: 'grid', expected: `at most ${n(MAX_GRID_POINTS)} grid points (the product of the numbers of values)`, received: `${n(points)}${product}`, hint: 'fewer values per parameter, or a tournament with fewer strategies or --roles' }], 'grid');
  }
  const runs = points * seeds;
  if (runs > MAX_RUNS) {
    throw new ConfigError(
      [{ path: 'seeds', expected: `at most ${n(MAX_RUNS)} runs in one sweep (grid points × seeds)`, received: `${n(points)} grid point${points === 1 ? '' : 's'}${product} × ${n(seeds)} seeds = ${n(runs)} runs`, hint: 'split the seeds over several sweeps, each with its own --out: run ids do not depend on the other seeds' }],
      'seeds',
    );
  }
}

/**
 * Expand seeds and a grid over a scenario into the list of runs. Every path is checked against
 * the scenario document and the mechanisms, every value against what the path takes, and every
 * grid point is parsed as a scenario, so a bad setting fails here (a {@link ConfigError} listing
 * each problem with a "did you mean") rather than in run 3,412. So does an option name it does not
 * know (`grd` for `grid`), which was dropped and the plan made without it.
 *
 * @example
 * ```ts
 * import { parseScenario, planSweep } from 'detente';
 * const plan = planSweep(parseScenario(text), { seeds: '1..10', grid: { 'actors.CN.strategy': ['hawk', 'dove'] } });
 * plan.items[0]; // { run: 'p0-s1', point: 0, seed: 1, params: { 'actors.CN.strategy': 'hawk' } }
 * ```
 */
export function planSweep(scenario: Scenario | ScenarioDocument, options: PlanOptions): SweepPlan {
  checkOptionNames(options, PLAN_OPTIONS, 'planSweep');
  return planOf(scenario, options);
}

/** Internal: {@link planSweep} once the option names are checked, for a caller whose options hold more (`sweep`). */
export function planOf(scenario: Scenario | ScenarioDocument, options: PlanOptions): SweepPlan {
  const document = 'document' in scenario ? scenario.document : scenario;
  const registry = options.registry ?? (builtins ??= createRegistry());
  // Values are printed (String of a list) and shown as JSON in the messages below: nested too
  // deep that overflowed the stack, cyclic it threw a TypeError, shared over and over it never ended.
  // The seeds are walked only once their number is known to be within bounds (below).
  const problem = plainDataProblem({ grid: options.grid });
  if (problem !== undefined) throw new ConfigError([problem], 'grid');
  const given: unknown = options.seeds;
  if (typeof given !== 'string' && !Array.isArray(given)) {
    const unplain = plainDataProblem({ seeds: given });
    if (unplain !== undefined) throw new ConfigError([unplain], 'seeds');
    throw new ConfigError([{ path: 'seeds', expected: "a list of seeds or a text such as '1..100'", received: clip(JSON.stringify(given) ?? String(given)) }], 'seeds');
  }
  const issues: ConfigIssue[] = [];
  const axes: GridAxis[] = [];
  for (const [raw, values] of Object.entries(options.grid ?? {})) {
    const path = canonicalPath(raw);
    if (axes.some((a) => a.path === path)) {
      issues.push({ path: `grid.${clip(raw)}`, expected: 'each parameter once', received: 'a second setting of the same parameter' });
      continue;
    }
    const checked = checkAxis(document, path, values, registry, issues);
    if (checked) axes.push(checked);
  }
  if (issues.length > 0) throw new ConfigError(issues, 'grid');
  // The size is checked from the counts, before the seeds, the points or the runs are built, and
  // before a list of seeds is walked: a list's length is its count, holes included (a list of
  // length 5·10^7 holding one seed was walked whole, seconds to minutes, before being refused).
  checkPlanSize(axes, typeof options.seeds === 'string' ? countSeeds(options.seeds) : options.seeds.length);
  const seedsProblem = plainDataProblem({ seeds: options.seeds });
  if (seedsProblem !== undefined) throw new ConfigError([seedsProblem], 'seeds');
  const seeds = typeof options.seeds === 'string' ? parseSeeds(options.seeds) : checkSeeds(options.seeds);
  const points = gridPoints(axes);
  // Parse every point once now: a value the scenario rejects (a capability of 1.5, 0 rounds) is
  // reported with the point that carries it.
  points.forEach((params) => {
    try {
      scenarioAt(document, params, registry);
    } catch (e) {
      if (e instanceof ConfigError) {
        const at = Object.entries(params)
          .map(([k, v]) => `${clip(k)}=${clip(String(v))}`)
          .join(', ');
        issues.push(...e.issues.map((i) => withFields(i, { path: `grid point (${at}): ${i.path}` })));
      } else throw e;
    }
  });
  if (issues.length > 0) throw new ConfigError(issues, 'grid');
  const items: PlanItem[] = [];
  points.forEach((params, point) => {
    for (const seed of seeds) items.push({ run: runId(point, seed), point, seed, params });
  });
  return { document, axes, seeds, items };
}

/** The run id of a grid point and a seed. @example `runId(2, 17); // 'p2-s17'` */
export function runId(point: number, seed: number): string {
  return `p${point}-s${seed}`;
}

/**
 * Order run ids by grid point, then seed (numerically, so `p0-s9` comes before `p0-s10`). Ids
 * that are not `p<point>-s<seed>` come last, in text order.
 *
 * @example
 * ```ts
 * ['p1-s2', 'p0-s10', 'p0-s9'].sort(compareRunIds); // ['p0-s9', 'p0-s10', 'p1-s2']
 * ```
 */
export function compareRunIds(a: string, b: string): number {
  const x = /^p(\d+)-s(\d+)$/.exec(a);
  const y = /^p(\d+)-s(\d+)$/.exec(b);
  if (x && y) return Number(x[1]) - Number(y[1]) || Number(x[2]) - Number(y[2]);
  if (x) return -1;
  if (y) return 1;
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * The runs of shard `index` of `count` (numbered from 0): every `count`-th run starting at
 * `index`, so shards are disjoint, together hold every run, and long and short grid points are
 * spread evenly. Deterministic: the same plan and shard always give the same runs.
 *
 * @example
 * ```ts
 * shardItems(plan.items, 0, 3); // runs 0, 3, 6, …
 * ```
 */
export function shardItems<T>(items: readonly T[], index: number, count: number): T[] {
  if (!Number.isInteger(count) || count < 1 || !Number.isInteger(index) || index < 0 || index >= count) {
    throw new ConfigError([{ path: 'shard', expected: 'i/n with whole numbers 0 ≤ i < n (shards are numbered from 0)', received: `${index}/${count}` }]);
  }
  return items.filter((_, k) => k % count === index);
}

/**
 * Read a shard argument `i/n` (0 ≤ i < n).
 *
 * @example
 * ```ts
 * parseShard('2/8'); // { index: 2, count: 8 }
 * ```
 */
export function parseShard(text: string): { readonly index: number; readonly count: number } {
  const m = /^(\d+)\/(\d+)$/.exec(text.trim());
  const index = m ? Number(m[1]) : NaN;
  const count = m ? Number(m[2]) : NaN;
  if (!m || count < 1 || index >= count) {
    throw new ConfigError([{ path: 'shard', expected: "'i/n' with whole numbers 0 ≤ i < n (shards are numbered from 0)", received: `'${clip(text)}'` }]);
  }
  return { index, count };
}

/**
 * Read one `--set` argument, `path=v1,v2,…`, into a grid entry. Values that look like numbers
 * become numbers, except those of `actors.<ID>.strategy`, which are strategy names (a strategy
 * may be named `007` or `1e5`); the path is checked later by {@link planSweep}.
 *
 * @example
 * ```ts
 * parseSetting('mechanism.detection.scale=0.5,1,2'); // ['mechanism.detection.scale', [0.5, 1, 2]]
 * ```
 */
export function parseSetting(text: string): [string, ParamValue[]] {
  const eq = text.indexOf('=');
  const path = eq < 0 ? '' : text.slice(0, eq).trim();
  const values = eq < 0 ? [] : text.slice(eq + 1).split(',').map((v) => v.trim());
  if (path === '' || values.length === 0 || values.some((v) => v === '')) {
    throw new ConfigError([{ path: 'set', expected: "'path=value1,value2,…' (e.g. mechanism.detection.scale=0.5,1,2)", received: `'${clip(text)}'` }]);
  }
  // Strategy names stay text: '007' became 7, which no strategy is called.
  if (isStrategyColumn(canonicalPath(path))) return [path, values];
  // The number syntax of a results file, so a value written there reads back as the same number.
  return [path, values.map((v) => (NUMBER_TEXT.test(v) ? Number(v) : v))];
}

/**
 * The scenario of one grid point: the document with the point's values written in, parsed and
 * checked like a file.
 *
 * @example
 * ```ts
 * const s = scenarioAt(doc, { 'mechanisms.detection.scale': 2 });
 * ```
 */
export function scenarioAt(document: ScenarioDocument, params: Readonly<Record<string, ParamValue>>, registry?: StrategyRegistry): Scenario {
  let doc: ScenarioDocument = document;
  // Strategy names before strategy parameters, whatever the order of the axes: a name replaces the
  // strategy with its bare name, which would drop a parameter set before it.
  const entries = Object.entries(params);
  const ids = document.actors.map((a) => a.id);
  const isParameter = ([path]: readonly [string, ParamValue]) => {
    const split = splitActorPath(canonicalPath(path), ids);
    return split !== undefined && split.rest[0] === 'strategy' && split.rest.length === 2;
  };
  for (const [path, value] of [...entries.filter((e) => !isParameter(e)), ...entries.filter(isParameter)]) doc = setParam(doc, canonicalPath(path), value);
  return parseScenario(doc, registry === undefined ? {} : { registry });
}

/**
 * The canonical spelling of a parameter path: `mechanism.x.y` is accepted for `mechanisms.x.y`.
 *
 * @example
 * ```ts
 * canonicalPath('mechanism.detection.scale'); // 'mechanisms.detection.scale'
 * ```
 */
export function canonicalPath(path: string): string {
  return path.startsWith('mechanism.') ? `mechanisms.${path.slice('mechanism.'.length)}` : path;
}

const ACTOR_FIELDS = ['strategy', 'capabilities', 'reactivity', 'fatigue'];

function checkAxis(document: ScenarioDocument, path: string, values: readonly ParamValue[], registry: StrategyRegistry, issues: ConfigIssue[]): GridAxis | undefined {
  // The path, values and hints quoted below are clipped (clip): a path may be as long as an argument.
  const at = `grid.${clip(path)}`;
  const issue = (expected: string, received: string, hint?: string) => {
    issues.push(hint === undefined ? { path: at, expected, received } : { path: at, expected, received, hint: `did you mean '${clip(hint)}'?` });
    return undefined;
  };
  if (!Array.isArray(values) || values.length === 0) return issue('a list of at least one value', clip(JSON.stringify(values) ?? String(values)));
  const seen = new Set<ParamValue>();
  for (const v of values) {
    if (seen.has(v)) return issue('each value once', `${clip(String(v))} twice`);
    seen.add(v);
  }
  const parts = path.split('.');
  const numbers = (min: number, max: number, integer = false): GridAxis | undefined => {
    const bad = values.find((v) => typeof v !== 'number' || !Number.isFinite(v) || v < min || v > max || (integer && !Number.isInteger(v)));
    if (bad !== undefined) return issue(`${integer ? 'whole numbers' : 'numbers'} from ${min} to ${max}`, `'${clip(String(bad))}'`);
    return { path, values: [...values] };
  };
  const head = parts[0] ?? '';
  if (head === 'rounds' && parts.length === 1) return numbers(1, MAX_ROUNDS, true);
  if (head === 'mechanisms') {
    let node: unknown = DEFAULT_MECHANISMS;
    for (let k = 1; k < parts.length; k++) {
      const key = parts[k] as string;
      if (node === null || typeof node !== 'object') return issue('a path to one mechanism coefficient', `'${clip(path)}' goes below a number`);
      const keys = Object.keys(node);
      if (!keys.includes(key)) return issue(`a mechanism coefficient: ${parts.slice(0, k).join('.')}.<${keys.join('|')}>`, `'${clip(key)}'`, suggestHint(parts, k, key, keys));
      node = (node as Record<string, unknown>)[key];
    }
    if (typeof node !== 'number') return issue('a path to one mechanism coefficient (a number)', `'${clip(path)}' names a section; its coefficients: ${Object.keys(node as object).join(', ')}`);
    return numbers(-1e9, 1e9);
  }
  if (head === 'actors') {
    const ids = document.actors.map((a) => a.id);
    const split = splitActorPath(path, ids);
    // The text before a known field is the id meant: when it is not declared (and no declared id
    // makes the path valid), the id is what to fix, e.g. 'actors.A.Y.strategy' with ids A and A.Z.
    const body = path.slice('actors.'.length);
    const tail = /\.(strategy|reactivity|fatigue|(?:capabilities|strategy)\.[^.]*)$/.exec(body);
    const meant = tail ? body.slice(0, tail.index) : undefined;
    if (!split || (!split.valid && meant !== undefined && !ids.includes(meant))) {
      const id = meant ?? parts[1] ?? '';
      const rest = tail ? (tail[0] as string).slice(1) : parts.slice(2).join('.');
      const near = suggest(id, ids);
      return issue(`actors.<ID>.… with a declared actor id (${ids.join(', ')})`, `'${clip(id)}'`, near === undefined ? undefined : ['actors', near, ...(rest === '' ? [] : [rest])].join('.'));
    }
    const { id, rest } = split;
    const field = rest[0] ?? '';
    const hintAt = (k: number, key: string, known: readonly string[]) => {
      const near = suggest(key, known);
      return near === undefined ? undefined : ['actors', id, ...rest.slice(0, k), near, ...rest.slice(k + 1)].join('.');
    };
    if (!ACTOR_FIELDS.includes(field)) return issue(`actors.${id}.<${ACTOR_FIELDS.join('|')}>`, `'${clip(field)}'`, hintAt(0, field, ACTOR_FIELDS));
    if (field === 'strategy' && rest.length === 2) {
      // The strategy's own check (at each point, in planSweep) knows its parameters and their
      // ranges; a scenario's parameters are finite numbers, with any name.
      if (rest[1] === '') return issue(`actors.${id}.strategy.<parameter>, a parameter name`, "''");
      // As in a scenario file: a reserved key is no parameter ('__proto__' was dropped on the way
      // into the document, and the point ran the strategy unchanged under the grid's label).
      if (FORBIDDEN_KEYS.includes(rest[1] as string)) return issue(`actors.${id}.strategy.<parameter>, an ordinary parameter name (keys ${FORBIDDEN_KEYS.join(', ')} are refused)`, `the reserved key '${rest[1] as string}'`);
      const bad = values.find((v) => typeof v !== 'number' || !Number.isFinite(v));
      if (bad !== undefined) return issue('finite numbers (the strategy checks its own range)', `'${clip(String(bad))}'`);
      return { path, values: [...values] };
    }
    if (field === 'strategy' && rest.length === 1) {
      const names = registry.names();
      const bad = values.find((v) => typeof v !== 'string' || !names.includes(v));
      if (bad !== undefined) return issue(`registered strategy names (${names.join(', ')})`, `'${clip(String(bad))}'`, suggest(String(bad), names));
      return { path, values: [...values] };
    }
    if (field === 'capabilities' && rest.length === 2) {
      const key = rest[1] as string;
      if (!(CAPABILITY_KEYS as readonly string[]).includes(key)) return issue(`actors.${id}.capabilities.<${CAPABILITY_KEYS.join('|')}>`, `'${clip(key)}'`, hintAt(1, key, CAPABILITY_KEYS));
      return numbers(0, 1);
    }
    if ((field === 'reactivity' || field === 'fatigue') && rest.length === 1) return numbers(0, 100);
    return issue(`actors.${id}.strategy, actors.${id}.strategy.<parameter>, actors.${id}.capabilities.<key>, actors.${id}.reactivity or actors.${id}.fatigue`, `'${clip(path)}'`);
  }
  return issue('a parameter path: mechanisms.<section>.<coefficient>, actors.<ID>.strategy, actors.<ID>.strategy.<parameter>, actors.<ID>.capabilities.<key>, actors.<ID>.reactivity|fatigue, or rounds', `'${clip(path)}'`, suggest(head, ['mechanisms', 'actors', 'rounds']));
}

/**
 * Split `actors.<ID>.<field…>` at a declared actor id. Ids may hold dots (`A.Z`), so the path is
 * matched against the ids rather than cut at its second dot: of the ids that start the path, the
 * longest after which a valid field follows, else the longest (whose field is then reported).
 */
function splitActorPath(path: string, ids: readonly string[]): { id: string; rest: string[]; valid: boolean } | undefined {
  if (!path.startsWith('actors.')) return undefined;
  const body = path.slice('actors.'.length);
  let best: { id: string; rest: string[]; valid: boolean } | undefined;
  for (const id of ids) {
    if (!body.startsWith(`${id}.`)) continue;
    const rest = body.slice(id.length + 1).split('.');
    const field = rest[0] ?? '';
    const valid = field === 'capabilities' ? rest.length === 2 : field === 'strategy' ? rest.length <= 2 : ACTOR_FIELDS.includes(field) && rest.length === 1;
    if (!best || (valid && !best.valid) || (valid === best.valid && id.length > best.id.length)) best = { id, rest, valid };
  }
  return best;
}

/** The whole path with the misspelt segment replaced by its nearest known name, for the hint. */
function suggestHint(parts: readonly string[], k: number, key: string, known: readonly string[]): string | undefined {
  const near = suggest(key, known);
  return near === undefined ? undefined : [...parts.slice(0, k), near, ...parts.slice(k + 1)].join('.');
}

function gridPoints(axes: readonly GridAxis[]): Record<string, ParamValue>[] {
  let points: Record<string, ParamValue>[] = [{}];
  for (const axis of axes) {
    const next: Record<string, ParamValue>[] = [];
    for (const p of points) for (const v of axis.values) next.push(joined(p, { [axis.path]: v }));
    points = next;
  }
  return points;
}

/**
 * Whether `document` already holds `value` at the (checked) grid path: writing it in would change
 * nothing. A strategy's name is compared as a name: writing a bare name drops the parameters the
 * document gives that strategy, which is no sign that the name differs.
 */
export function settingHeld(document: ScenarioDocument, path: string, value: ParamValue): boolean {
  const canonical = canonicalPath(path);
  const split = splitActorPath(canonical, document.actors.map((a) => a.id));
  if (split !== undefined && split.rest.length === 1 && split.rest[0] === 'strategy') {
    const s = document.actors.find((a) => a.id === split.id)?.strategy;
    // An actor without a strategy plays 'passive' (createWorld's default).
    return (typeof s === 'string' ? s : s === undefined ? 'passive' : s.name) === value;
  }
  return JSON.stringify(setParam(document, canonical, value)) === JSON.stringify(document);
}

function setParam(doc: ScenarioDocument, path: string, value: ParamValue): ScenarioDocument {
  const parts = path.split('.');
  if (parts[0] === 'rounds') return withFields(doc, { rounds: value as number });
  if (parts[0] === 'mechanisms') return withFields(doc, { mechanisms: setIn((doc.mechanisms ?? {}) as Record<string, unknown>, parts.slice(1), value) });
  const split = splitActorPath(path, doc.actors.map((a) => a.id));
  if (!split) throw new ConfigError([{ path: clip(path), expected: `actors.<ID>.… with a declared actor id (${doc.actors.map((a) => a.id).join(', ')})`, received: `'${clip(path)}'` }], 'grid');
  const { id, rest } = split;
  const field = rest[0] as string;
  return withFields(doc, {
    actors: doc.actors.map((a): ScenarioActor => {
      if (a.id !== id) return a;
      if (field === 'capabilities') {
        const base = a.capabilities;
        // A preset name keeps its other numbers: { preset, key: value }.
        const caps = typeof base === 'string' ? { preset: base } : copied(base ?? {});
        return withFields(a, { capabilities: joined(caps, { [rest[1] as string]: value }) });
      }
      if (field === 'strategy' && rest.length === 2) {
        // One parameter more on the strategy as the point has it so far (scenarioAt names it first).
        const s = a.strategy;
        // An actor without a strategy plays 'passive' (createWorld's default).
        const named = typeof s === 'string' ? { name: s, params: {} } : s === undefined ? { name: 'passive', params: {} } : { name: s.name, params: s.params ?? {} };
        return withFields(a, { strategy: { name: named.name, params: joined(named.params, { [rest[1] as string]: value as number }) } });
      }
      // A strategy given with parameters is replaced by the bare name: the grid names strategies.
      return joined(a, { [field]: value });
    }),
  });
}

function setIn(obj: Readonly<Record<string, unknown>>, keys: readonly string[], value: ParamValue): Record<string, unknown> {
  const [k, ...rest] = keys as [string, ...string[]];
  if (rest.length === 0) return joined(obj, { [k]: value });
  const inner = obj[k];
  return joined(obj, { [k]: setIn(inner !== null && typeof inner === 'object' ? (inner as Record<string, unknown>) : {}, rest, value) });
}
