import fc from 'fast-check';
import type { Arbitrary, Parameters as FcParameters, RunDetails } from 'fast-check';
import { ConfigError, createRegistry, GGE15_NORM_IDS, MAX_ROUNDS, parseScenario, readScenarioText, serializeScenario, simulate, suggest } from '../index.js';
import type { Run, Scenario, ScenarioActor, ScenarioDocument, ScenarioInject, StrategyRegistry } from '../index.js';
import { ArgumentCheck } from './arguments.js';
import { isRegistryLike } from '../strategies/registry.js';
import { describe as describeValue, isRecord } from '../model/mechanisms.js';
import { plural } from '../text/english.js';
import { messageOf, printed } from '../model/thrown.js';

/**
 * Options of {@link arbScenario}.
 *
 * @example
 * ```ts
 * const options: ArbScenarioOptions = { strategies: ['hawk', 'tit-for-tat'], maxActors: 3, maxRounds: 8, forums: true };
 * fc.assert(escalationProperty(arbScenario(options), (run) => run.metrics.length === run.world.round));
 * ```
 */
export interface ArbScenarioOptions {
  /**
   * Strategy names the states draw from (default: a stateless mix of built-ins): built-ins, or
   * names of `registry`. The optional proxy plays `passive` or `random` whatever this list says:
   * set `proxies: false` for scenarios whose every actor plays one of these.
   */
  readonly strategies?: readonly string[];
  /**
   * Where `strategies` are looked up (default: the built-ins): a registry with strategies of your
   * own (`createRegistry().register(mine)`). Pass the same registry to the claim's search.
   */
  readonly registry?: StrategyRegistry;
  /** Fewest and most states (default 2 and 4). */
  readonly minActors?: number;
  readonly maxActors?: number;
  /** Fewest and most rounds (default 4 and 16). */
  readonly minRounds?: number;
  readonly maxRounds?: number;
  /** Allow a proxy (default true), hotline agreements (default true), scripted operations (default true), a forum (default false). */
  readonly proxies?: boolean;
  readonly hotlines?: boolean;
  readonly injects?: boolean;
  readonly forums?: boolean;
}

const DEFAULT_MIX: readonly string[] = Object.freeze(['passive', 'dove', 'hawk', 'tit-for-tat', 'deterrer', 'cautious', 'de-escalator']);
const STEPS = [0, 0.25, 0.5, 0.75, 1];

interface OperationSeed {
  readonly round: number;
  readonly actor: number;
  readonly target: number;
  readonly kind: 'espionage' | 'disruption' | 'degradation';
  readonly falseFlag: number | null;
}

/** A capability on a coarse grid (shrinks towards 0): readable counterexamples, enough variety. */
const arbLevel = (): Arbitrary<number> => fc.constantFrom(...STEPS);

let builtins: StrategyRegistry | undefined;

/**
 * Refuse options that would make other scenarios than asked for, before any is generated: bounds
 * that are not whole numbers or are out of order (they used to be clamped: `minActors: 1` gave
 * two states), an empty strategy list (it used to mean the default mix), option names that do not
 * exist, and strategy names that are not built-ins — every scenario is parsed with the built-in
 * strategies, so an unknown name would fail each one, and a search would "find" a counterexample
 * to any claim.
 */
function checkScenarioOptions(options: ArbScenarioOptions): void {
  const check = new ArgumentCheck('arbScenario');
  const o = check.options('', options, ['strategies', 'registry', 'minActors', 'maxActors', 'minRounds', 'maxRounds', 'proxies', 'hotlines', 'injects', 'forums']);
  const given = o.registry !== undefined && checkRegistry(check, 'registry', o.registry) ? (o.registry as StrategyRegistry) : undefined;
  const registry = given ?? (builtins ??= createRegistry());
  const known = registry.names();
  const kind = given === undefined ? 'built-in' : 'registered';
  if (o.strategies !== undefined && check.names('strategies', o.strategies, 1, `${kind} strategy names`)) {
    (o.strategies as readonly string[]).forEach((name, k) => {
      if (registry.has(name)) return;
      const hint = suggest(name, known);
      const yours = given === undefined ? 'a strategy of your own? pass the registry that holds it as options.registry' : undefined;
      check.add({ path: `strategies[${k}]`, expected: `a ${kind} strategy (${known.join(', ')})`, received: `'${name}'`, ...(hint ? { hint: `did you mean '${hint}'?` } : yours ? { hint: yours } : {}) });
    });
  }
  const minActors = check.integer('minActors', o.minActors, 2);
  bound(check, 'maxActors', o.maxActors, o.minActors === undefined ? 2 : minActors, 'minActors');
  const minRounds = check.integer('minRounds', o.minRounds, 1, MAX_ROUNDS, `an integer from 1 to ${MAX_ROUNDS}`);
  bound(check, 'maxRounds', o.maxRounds, o.minRounds === undefined ? 4 : minRounds, 'minRounds', MAX_ROUNDS);
  for (const key of ['proxies', 'hotlines', 'injects', 'forums']) check.boolean(key, o[key]);
  check.done();
}

/** Whether `value` is a strategy registry (its `has`, `get` and `names`); an issue at `path` when not. */
function checkRegistry(check: ArgumentCheck, path: string, value: unknown): boolean {
  if (isRegistryLike(value)) return true;
  check.issue(path, 'a StrategyRegistry (createRegistry().register(yourStrategy))', value);
  return false;
}

/** A most that is at least the fewest (`least`, or its default when that option is not given). */
function bound(check: ArgumentCheck, path: string, value: unknown, least: number | undefined, leastName: string, most = Number.MAX_SAFE_INTEGER): void {
  if (least === undefined) return void check.integer(path, value, 1, most);
  const fewest = `${leastName} (${least})`;
  check.integer(path, value, least, most, most === Number.MAX_SAFE_INTEGER ? `an integer ≥ ${fewest}` : `an integer from ${fewest} to ${most}`);
}

/**
 * Whole scenario documents, valid by construction (every one parses), bounded in size, and
 * shrinking towards simpler scenarios: fewer states, fewer rounds, no proxy, no hotline, no
 * scripted operations, lower capabilities, the first strategy of the list. Throws a `ConfigError`
 * for options it cannot honour: a strategy name that is not a built-in, nor in `registry` when one
 * is given (with a "did you mean"), an empty strategy list, bounds that are not whole numbers, out of order or out of range, an unknown
 * option name.
 *
 * @example
 * ```ts
 * fc.assert(fc.property(arbScenario({ strategies: ['dove', 'cautious'] }), (doc) => parseScenario(doc).rounds >= 4));
 * // Strategies of your own: the same registry to the arbitrary and to the search.
 * const registry = createRegistry().register(myStrategy);
 * checkEscalationClaim(arbScenario({ strategies: [myStrategy.name, 'dove'], registry }), (run) => peakRung(run) <= 'L4', { registry });
 * ```
 */
export function arbScenario(options: ArbScenarioOptions = {}): Arbitrary<ScenarioDocument> {
  checkScenarioOptions(options);
  const strategies = options.strategies ?? DEFAULT_MIX;
  const minActors = options.minActors ?? 2;
  const maxActors = options.maxActors ?? Math.max(minActors, 4);
  const minRounds = options.minRounds ?? 4;
  const maxRounds = options.maxRounds ?? Math.max(minRounds, 16);
  const arbState = fc.record({
    strategy: fc.constantFrom(...strategies),
    espionage: arbLevel(),
    offense: arbLevel(),
    defense: arbLevel(),
    attribution: arbLevel(),
    stealth: arbLevel(),
  });
  return fc
    .record({
      // The states may be any of the list: fast-check shrinks an array with a minimum length only by
      // dropping its leading items, so with `minLength: minActors` a scenario of three states whose
      // first one mattered never lost a later one that did not. Drawn from zero up, then made up to
      // `minActors` from `padding` (shrinking towards the simplest state), any state can go.
      // `size: 'max'`: fast-check 4 otherwise caps a list at 10 items whatever its `maxLength`
      // (fast-check 3 did not), so `maxActors: 14` never drew an 11th state.
      states: fc.array(arbState, { maxLength: maxActors, size: 'max' }),
      padding: fc.array(arbState, { minLength: minActors, maxLength: minActors }),
      rounds: fc.integer({ min: minRounds, max: maxRounds }),
      proxy: options.proxies === false ? fc.constant(null) : fc.option(fc.record({ sponsor: fc.nat(), strategy: fc.constantFrom('passive', 'random'), espionage: arbLevel(), stealth: arbLevel() }), { nil: null }),
      hotlines: options.hotlines === false ? fc.constant<[number, number][]>([]) : fc.array(fc.tuple(fc.nat(), fc.nat()), { maxLength: 2 }),
      operations: options.injects === false ? fc.constant<OperationSeed[]>([]) : fc.array<OperationSeed>(fc.record({ round: fc.nat(), actor: fc.nat(), target: fc.nat(), kind: fc.constantFrom('espionage', 'disruption', 'degradation') as Arbitrary<'espionage' | 'disruption' | 'degradation'>, falseFlag: fc.option(fc.nat(), { nil: null }) }), { maxLength: 3 }),
      forum: options.forums === true ? fc.boolean() : fc.constant(false),
    })
    .map(({ states: drawn, padding, rounds, proxy, hotlines, operations, forum }): ScenarioDocument => {
      const states = drawn.length >= minActors ? drawn : [...drawn, ...padding.slice(0, minActors - drawn.length)];
      const ids = states.map((_, k) => `S${k}`);
      const actors: ScenarioActor[] = states.map((s, k) => ({
        id: ids[k] as string,
        strategy: s.strategy,
        capabilities: { espionage: s.espionage, offense: s.offense, defense: s.defense, attribution: s.attribution, stealth: s.stealth },
      }));
      const all = [...ids];
      if (proxy) {
        actors.push({ id: 'P', kind: 'proxy', sponsor: ids[proxy.sponsor % ids.length] as string, strategy: proxy.strategy, capabilities: { espionage: proxy.espionage, offense: 0.25, defense: 0.25, attribution: 0, stealth: proxy.stealth } });
        all.push('P');
      }
      const pairs = new Set<string>();
      const agreements = hotlines
        .map(([a, b]) => [ids[a % ids.length] as string, ids[b % ids.length] as string] as const)
        .filter(([a, b]) => a !== b && !pairs.has([a, b].sort().join()) && pairs.add([a, b].sort().join()))
        .map(([a, b]) => ({ parties: [a, b], terms: [{ kind: 'hotline' as const }] }));
      const injects: ScenarioInject[] = [];
      for (const op of operations) {
        const actor = all[op.actor % all.length] as string;
        const target = all[op.target % all.length] as string;
        if (actor === target) continue;
        const flag = op.falseFlag === null ? undefined : all[op.falseFlag % all.length];
        injects.push({ round: op.round % rounds, type: 'operation', actor, target, kind: op.kind, ...(flag !== undefined && flag !== target && flag !== actor ? { falseFlag: flag } : {}) });
      }
      return {
        name: 'generated',
        rounds,
        actors,
        ...(agreements.length > 0 ? { agreements } : {}),
        ...(forum ? { forums: [{ id: 'forum', members: ids, agenda: [GGE15_NORM_IDS.slice(0, 3)] }] } : {}),
        ...(injects.length > 0 ? { injects } : {}),
      };
    });
}

/**
 * A run's peak rung as a label `'L0'` … `'L7'` — comparable as text, so a claim reads as the ladder
 * does: `peakRung(run) <= 'L3'`.
 *
 * @example
 * ```ts
 * peakRung(simulate(spec, { seed: 1, rounds: 12 })); // 'L2'
 * ```
 */
export function peakRung(run: Pick<Run, 'metrics'>): `L${number}` {
  if (!Array.isArray((run as { metrics?: unknown } | null)?.metrics)) {
    const check = new ArgumentCheck('peakRung');
    check.issue('run.metrics', 'the list of per-round metrics of a run (from simulate)', (run as { metrics?: unknown } | null)?.metrics);
    check.done();
  }
  let peak = 0;
  for (const m of run.metrics) if (m.peakRung > peak) peak = m.peakRung;
  return `L${peak}`;
}

/**
 * A claim about a run of a scenario: true when it holds, false when the run breaks it (anything else is an {@link EscalationClaimError}).
 *
 * @example
 * ```ts
 * const calm: EscalationClaim = (run) => peakRung(run) <= 'L2';
 * const cx = checkEscalationClaim(arbScenario({ strategies: ['dove', 'cautious'] }), calm);
 * ```
 */
export type EscalationClaim = (run: Run, scenario: Scenario) => boolean;

/**
 * Options of {@link escalationProperty} and {@link checkEscalationClaim}.
 *
 * @example
 * ```ts
 * const options: EscalationOptions = { seeds: fc.integer({ min: 1, max: 100 }) };
 * fc.assert(escalationProperty(arbScenario(), (run) => run.metrics.length > 0, options));
 * ```
 */
export interface EscalationOptions {
  /** Simulation seeds to draw from (default: integers 1 … 1,000,000). */
  readonly seeds?: Arbitrary<number>;
  /** Where the scenarios' strategy names are looked up (default: the built-ins): the registry given to `arbScenario`. */
  readonly registry?: StrategyRegistry;
}

/**
 * Where checking a claim on one scenario threw: parsing the scenario, running it, or the claim.
 *
 * @example
 * ```ts
 * const stage: EscalationClaimStage = 'run'; // the run of a generated scenario threw
 * try { checkEscalationClaim(arbScenario(), claim); } catch (e) { if (e instanceof EscalationClaimError && e.stage === stage) console.log(e.message); }
 * ```
 */
export type EscalationClaimStage = 'scenario' | 'run' | 'claim';

const STAGE: Readonly<Record<EscalationClaimStage, string>> = {
  scenario: 'a generated scenario does not parse',
  run: 'the run of a generated scenario threw before the claim could be checked',
  claim: 'the claim threw on a generated scenario (it neither held nor broke)',
};

/**
 * Checking a claim threw instead of answering true or false: the claim itself threw (or answered
 * something else than true or false: `cause` is then a `TypeError` saying what), or the
 * generated scenario did not parse, or its run threw. It is not a counterexample — the claim is
 * neither confirmed nor broken — so it says which, with what was thrown (`cause`) and the scenario
 * (with its seed) it was thrown on, as a scenario file. From {@link checkEscalationClaim} and
 * {@link assertEscalationClaim} it is the smallest scenario fast-check shrank to that still threw,
 * with the search's numbers.
 *
 * @example
 * ```ts
 * // An off-by-one in the claim: the last round's metrics are at length − 1.
 * try { checkEscalationClaim(arbScenario(), (run) => run.metrics[run.metrics.length]!.peakRung < 7); }
 * catch (e) { if (e instanceof EscalationClaimError) console.log(e.stage, e.message); } // 'claim' 'the claim threw … TypeError: Cannot read properties of undefined …'
 * ```
 */
export class EscalationClaimError extends Error {
  override readonly name = 'EscalationClaimError';
  /** The scenario document thrown on, its `seed` set to the simulation seed (a document that did not parse keeps a `seed` of its own). */
  readonly scenario: ScenarioDocument;
  constructor(
    readonly stage: EscalationClaimStage,
    document: ScenarioDocument,
    readonly seed: number,
    cause: unknown,
    /** How the search got there, when it comes from a search. */
    readonly search?: { readonly numRuns: number; readonly numShrinks: number; readonly replay: { readonly seed: number; readonly path: string } },
  ) {
    // The simulation seed goes into the file, except into a document that did not parse and has a
    // seed of its own: no run was made, and that seed may be what did not parse.
    const scenario: ScenarioDocument = stage === 'scenario' && isRecord(document) && document.seed !== undefined ? document : { ...document, seed };
    const what = thrownText(cause);
    super(search ? `${STAGE[stage]} after ${plural(search.numRuns, 'run')} and ${plural(search.numShrinks, 'shrink')}: ${what}\n\n${scenarioFile(scenario, stage, search)}` : `${STAGE[stage]} (seed ${seed}): ${what}`, { cause });
    this.scenario = scenario;
  }

  /** The scenario as a YAML file (written when asked for: a search makes one error per failing try). */
  get yaml(): string {
    return scenarioFile(this.scenario, this.stage, this.search);
  }
}


/**
 * What was thrown, as text, never throwing itself: `String` throws for an object without a
 * prototype (or whose toString throws), and that TypeError, escaping the error meant to report the
 * throw, made the search take it for a broken claim.
 */
function thrownText(cause: unknown): string {
  if (!(cause instanceof Error)) return printed(cause);
  try {
    return `${cause.name}: ${cause.message}`;
  } catch {
    return messageOf(cause);
  }
}

/** A scenario as a YAML file with a comment header; a document YAML cannot write is shown as JSON. */
function scenarioFile(scenario: ScenarioDocument, stage: EscalationClaimStage, search: EscalationClaimError['search']): string {
  const what = stage === 'claim' ? 'the claim threw on' : stage === 'run' ? 'whose run threw' : 'that does not parse';
  const header = `# The scenario ${what}${search ? ` (fast-check seed ${search.replay.seed}, path ${search.replay.path})` : ''}.\n`;
  try {
    return header + serializeScenario(scenario, 'yaml');
  } catch {
    try {
      return `${header}# (not writable as YAML) ${String(JSON.stringify(scenario))}\n`;
    } catch (e) {
      // Not as JSON either (it holds itself, or a BigInt): say so, rather than throw that instead.
      return `${header}# (not writable as YAML or JSON: ${messageOf(e).split('\n')[0]})\n`;
    }
  }
}

/**
 * A fast-check property: for every generated scenario and seed, the claim holds of its run. Use it
 * with `fc.assert`, or use {@link checkEscalationClaim} to get the shrunk counterexample as a
 * scenario file. A throw while checking one scenario (the claim's own, or the scenario's parse or
 * run) fails the property with an {@link EscalationClaimError} saying which, not as a `false`.
 *
 * @example
 * ```ts
 * fc.assert(escalationProperty(arbScenario({ strategies: ['dove', 'cautious'] }), (run) => peakRung(run) <= 'L4'));
 * ```
 */
export function escalationProperty(arb: Arbitrary<ScenarioDocument>, claim: EscalationClaim, options: EscalationOptions = {}) {
  const check = new ArgumentCheck('escalationProperty');
  checkClaimArguments(check, arb, claim, options, false);
  check.done();
  return claimProperty(arb, claim, options.seeds, options.registry);
}

function claimProperty(arb: Arbitrary<ScenarioDocument>, claim: EscalationClaim, seeds: Arbitrary<number> | undefined, registry: StrategyRegistry | undefined) {
  const parseOptions = registry === undefined ? {} : { registry };
  return fc.property(arb, seeds ?? fc.integer({ min: 1, max: 1_000_000 }), (input, seed) => {
    const scenario = attempt('scenario', input, seed, () => parseScenario(input, parseOptions));
    // The document as data: parseScenario reads text too, and a hand-made arbitrary may make some.
    const doc = documentOf(input, scenario);
    const run = attempt('run', doc, seed, () => simulate(scenario.spec, { seed, rounds: scenario.rounds }));
    const answer: unknown = attempt('claim', doc, seed, () => claim(run, scenario));
    // fast-check takes `undefined` for a pass: a claim written with a block body and no `return`
    // would then hold of every scenario. A claim answers true or false.
    if (typeof answer !== 'boolean') throw new EscalationClaimError('claim', doc, seed, new TypeError(`a claim must return true or false, but it returned ${notABoolean(answer)}`));
    return answer;
  });
}

/**
 * The parameters of fast-check's runner (versions 3 and 4): a search passes them through, so they
 * are not unknown options, though only `numRuns`, `seed` and `path` are the kit's own.
 */
const FAST_CHECK_PARAMETERS: readonly string[] = Object.freeze([
  'seed', 'randomType', 'numRuns', 'maxSkipsPerRun', 'timeout', 'skipAllAfterTimeLimit', 'interruptAfterTimeLimit', 'markInterruptAsFailure',
  'skipEqualValues', 'ignoreEqualValues', 'path', 'logger', 'unbiased', 'verbose', 'examples', 'endOnFailure', 'reporter', 'asyncReporter',
  'errorWithCause', 'includeErrorInReport', 'plugins',
]);

/** The kit's own options: of a property, and of a search. */
const PROPERTY_OPTIONS: readonly string[] = Object.freeze(['seeds', 'registry']);
const SEARCH_OPTIONS: readonly string[] = Object.freeze(['seeds', 'registry', 'numRuns', 'seed', 'path']);

/** What a claim returned instead of true or false, with the likely slip when there is one. */
function notABoolean(answer: unknown): string {
  if (answer === undefined) return 'undefined (a block body without `return`?)';
  // An async claim: its promise is an object, and "returned an object" did not say why.
  if (isRecord(answer) && typeof answer.then === 'function') return 'a promise (an async claim? A claim is checked at once: make it synchronous)';
  return describeValue(answer);
}

/**
 * The arguments every entry point shares: an arbitrary, a claim function, and options with
 * `seeds` an arbitrary; for a search (`search`, with fast-check parameters) `numRuns` a whole
 * number ≥ 1 (with 0 runs a claim would "hold" untested), `seed` an integer, `path` a replay path
 * with the seed it was found with (fast-check would replay it from a fresh seed: another
 * scenario, or none). Other fast-check parameters pass through unchecked; any other name is
 * refused, with a did-you-mean (a misspelt `numruns` ran the default number of scenarios).
 */
function checkClaimArguments(check: ArgumentCheck, arb: unknown, claim: unknown, options: unknown, search: boolean): void {
  check.arbitrary('arb', arb);
  if (typeof claim !== 'function') check.issue('claim', 'a function (run, scenario) => true or false', claim);
  if (options === undefined) return;
  if (!isRecord(options)) return void check.issue('options', 'an object of options', options);
  const own = search ? SEARCH_OPTIONS : PROPERTY_OPTIONS;
  for (const key of Object.keys(options)) {
    if (own.includes(key) || (search && FAST_CHECK_PARAMETERS.includes(key))) continue;
    const near = FAST_CHECK_PARAMETERS.includes(key) ? null : suggest(key, search ? [...own, ...FAST_CHECK_PARAMETERS] : own);
    const hint = near ? `did you mean '${near}'?` : FAST_CHECK_PARAMETERS.includes(key) ? `${key} is a parameter of fc.assert: pass it there` : undefined;
    check.add({ path: `options.${key}`, expected: `one of the options ${own.join(', ')}${search ? ' (or a parameter of fast-check)' : ''}`, received: 'an unknown option', ...(hint ? { hint } : {}) });
  }
  if (options.seeds !== undefined) check.arbitrary('options.seeds', options.seeds);
  if (options.registry !== undefined) checkRegistry(check, 'options.registry', options.registry);
  if (!search) return;
  check.integer('options.numRuns', options.numRuns, 1);
  if (options.seed !== undefined && !(typeof options.seed === 'number' && Number.isSafeInteger(options.seed))) check.issue('options.seed', 'an integer (the fast-check seed)', options.seed);
  if (options.path === undefined || options.path === '') return;
  if (typeof options.path !== 'string' || !/^\d+(:\d+)*$/.test(options.path)) return void check.issue('options.path', "a replay path such as '0:1:1' (numbers joined by colons, from a counterexample's replay)", options.path);
  // A seed set with fc.configureGlobal serves too: fc.check reads it.
  if (options.seed === undefined && (fc.readConfigureGlobal() as { readonly seed?: number } | undefined)?.seed === undefined) check.issue('options.seed', 'the fast-check seed the path was found with (a path replays only from its own seed: pass the whole `replay`)', undefined);
}

/**
 * The scenario document an arbitrary's value stands for: the value itself, or, when it is
 * scenario text (which parseScenario reads too), the document the text holds — spreading the text
 * into the counterexample made an object of one key per character. Text that cannot even be read
 * is kept as a note in the document, so the error still shows it.
 */
function documentOf(input: ScenarioDocument, parsed?: Scenario): ScenarioDocument {
  if (typeof input !== 'string') return input;
  if (parsed) return parsed.document;
  try {
    const data = readScenarioText(input);
    if (isRecord(data)) return data as unknown as ScenarioDocument;
  } catch {
    // Not YAML or JSON at all: fall through.
  }
  return { description: `the generated text, which is not a scenario document: ${JSON.stringify(input)}` } as unknown as ScenarioDocument;
}

function attempt<T>(stage: EscalationClaimStage, doc: ScenarioDocument, seed: number, work: () => T): T {
  try {
    return work();
  } catch (e) {
    // fc.pre inside a claim skips the scenario: fast-check must see its own signal.
    if (fc.PreconditionFailure.isFailure(e)) throw e;
    throw new EscalationClaimError(stage, documentOf(doc), seed, e);
  }
}

/**
 * The smallest scenario found that breaks a claim, ready to run with `detente run`.
 *
 * @example
 * ```ts
 * const cx: Counterexample | null = checkEscalationClaim(arbScenario(), (run) => peakRung(run) <= 'L1');
 * if (cx) writeFileSync('counterexample.yaml', cx.yaml); // broken after round cx.round, with seed cx.seed
 * ```
 */
export interface Counterexample {
  /** The scenario document, its `seed` set to the failing seed. */
  readonly scenario: ScenarioDocument;
  readonly seed: number;
  /** The same as a YAML scenario file. */
  readonly yaml: string;
  /** fast-check's seed and path, to replay the search itself. */
  readonly replay: { readonly seed: number; readonly path: string };
  readonly numRuns: number;
  readonly numShrinks: number;
  /**
   * The first round (numbered as in the log, from 0) after which the claim is broken: the same run
   * stopped there already breaks it — the last round when only the whole run does (or when the
   * scenario has more than 200 rounds, which are not searched). It reads best for claims that,
   * once broken, stay broken (a peak rung, a count of strikes); a run of fewer rounds is exactly
   * the start of the whole one.
   */
  readonly round: number;
}

/** Most rounds {@link brokenAfter} replays one stop at a time (the cost grows with their square). */
const MAX_ROUND_SEARCH = 200;

/**
 * The first round after which a run of the scenario, stopped there, breaks the claim; null when no
 * shorter run does (or the scenario is too long to search). A claim that throws on a shorter run
 * (reading a round it does not have), or skips it with `fc.pre` (it needs more rounds to speak),
 * does not count as broken there: the search goes on to the next stop.
 */
function brokenAfter(doc: ScenarioDocument, seed: number, claim: EscalationClaim, registry: StrategyRegistry | undefined): number | null {
  const scenario = parseScenario(doc, registry === undefined ? {} : { registry });
  if (scenario.rounds > MAX_ROUND_SEARCH) return null;
  for (let rounds = 1; rounds < scenario.rounds; rounds++) {
    const run = simulate(scenario.spec, { seed, rounds });
    try {
      if (claim(run, scenario) === false) return rounds - 1;
    } catch {
      // Thrown, or skipped by fc.pre: not broken at this stop.
    }
  }
  return null;
}

/**
 * Check a claim over generated scenarios. Returns null when it held for every one; otherwise the
 * counterexample fast-check shrank to, as a scenario file with its seed. When checking a scenario
 * threw instead (the claim, or the scenario's parse or run), throws an {@link EscalationClaimError}
 * with what was thrown and the smallest scenario that still threw: a throw is not a counterexample.
 * When `fc.pre` in the claim rejects so many scenarios that fast-check gives up, it throws an
 * error saying how many were checked (none, often) and skipped: the claim was not tested.
 *
 * @example
 * ```ts
 * const cx = checkEscalationClaim(arbScenario({ strategies: ['hawk', 'tit-for-tat'] }), (run) => peakRung(run) <= 'L2', { numRuns: 200 });
 * if (cx) writeFileSync('counterexample.yaml', cx.yaml); // then: detente run counterexample.yaml
 * ```
 */
export function checkEscalationClaim(
  arb: Arbitrary<ScenarioDocument>,
  claim: EscalationClaim,
  options: EscalationOptions & Pick<FcParameters<[ScenarioDocument, number]>, 'numRuns' | 'seed' | 'path'> = {},
): Counterexample | null {
  return searchClaim('checkEscalationClaim', arb, claim, options);
}

function searchClaim(fn: string, arb: Arbitrary<ScenarioDocument>, claim: EscalationClaim, options: EscalationOptions & Pick<FcParameters<[ScenarioDocument, number]>, 'numRuns' | 'seed' | 'path'>): Counterexample | null {
  const check = new ArgumentCheck(fn);
  checkClaimArguments(check, arb, claim, options, true);
  check.done();
  const { seeds, registry, ...params } = options;
  const path = typeof params.path === 'string' && params.path !== '' ? params.path : undefined;
  let result: RunDetails<[ScenarioDocument, number]>;
  try {
    result = fc.check(claimProperty(arb, claim, seeds, registry), params);
  } catch (e) {
    // fast-check walks the path before it checks anything: a step past the scenarios it draws and
    // shrinks threw its own "Unable to replay, got wrong path".
    if (path !== undefined && e instanceof Error && /\bpath\b/.test(e.message)) throw pathMisfit(fn, path, params.seed, e);
    throw e;
  }
  // A last step past the end replayed no scenario at all: the claim "held" untested.
  if (path !== undefined && !result.failed && result.numRuns === 0 && result.numSkips === 0) throw pathMisfit(fn, path, params.seed);
  if (!result.failed) return null;
  const thrown = result.errorInstance;
  if (thrown instanceof EscalationClaimError) {
    const replay = { seed: result.seed, path: result.counterexamplePath ?? '' };
    throw new EscalationClaimError(thrown.stage, { ...thrown.scenario, name: 'counterexample' }, thrown.seed, thrown.cause, { numRuns: result.numRuns, numShrinks: result.numShrinks, replay });
  }
  if (!result.counterexample) {
    // fast-check gave up (fc.pre rejected too many scenarios) or was interrupted: the claim is
    // neither confirmed nor broken, and fast-check's report says why and what to try.
    const skipped = result.numSkips > 0 ? `: fc.pre in the claim skipped ${result.numSkips} of them (fast-check gives up past maxSkipsPerRun × numRuns)` : '';
    throw new Error(`the claim was checked on ${plural(result.numRuns, 'scenario')}${skipped}. ${fc.defaultReportMessage(result)}`);
  }
  const [input, seed] = result.counterexample as [ScenarioDocument, number];
  const parsed = parseScenario(input, registry === undefined ? {} : { registry });
  const doc = documentOf(input, parsed);
  const scenario: ScenarioDocument = { ...doc, name: 'counterexample', seed };
  const rounds = parsed.rounds;
  const round = brokenAfter(doc, seed, claim, registry) ?? rounds - 1;
  // A strategy of the caller's own is not known to `detente run` without the module that exports it.
  const own = ownStrategies(parsed);
  const runIt = own.length === 0 ? 'detente run counterexample.yaml' : `detente run counterexample.yaml --load <the module that exports ${own.join(', ')}>`;
  // Past MAX_ROUND_SEARCH rounds no shorter stop was tried: the last round is not known to be the first.
  const when = rounds > MAX_ROUND_SEARCH ? `The whole run of ${rounds} rounds breaks it (a run of more than ${MAX_ROUND_SEARCH} rounds is not searched for the first round that does).` : `It is broken after round ${round} (rounds count from 0; the run has ${rounds}).`;
  const header = `# Smallest scenario found that breaks the claim (fast-check seed ${result.seed}, path ${result.counterexample ? result.counterexamplePath : ''}).\n# ${when}\n# Run it with: ${runIt}\n`;
  return {
    round,
    scenario,
    seed,
    yaml: header + serializeScenario(scenario, 'yaml'),
    replay: { seed: result.seed, path: result.counterexamplePath ?? '' },
    numRuns: result.numRuns,
    numShrinks: result.numShrinks,
  };
}

/**
 * A replay path that does not lead to a scenario of this search: one noted with another arbitrary
 * (other `arbScenario` options), another `seeds`, another fast-check seed or major version, or
 * mistyped. fast-check said only "Unable to replay, got wrong path=…", or replayed nothing and
 * the claim "held".
 */
function pathMisfit(fn: string, path: string, seed: number | undefined, cause?: Error): ConfigError {
  const from = seed === undefined ? 'the configured seed' : `seed ${seed}`;
  const error = new ConfigError(
    [
      {
        path: 'options.path',
        expected: `a replay path of this claim's scenarios (found with this same arbitrary and \`seeds\`, from the same fast-check seed, on the same major version of fast-check)`,
        received: `'${path}', which does not fit the scenarios fast-check draws and shrinks from ${from}`,
        hint: "replay with the counterexample's whole `replay` ({ seed, path }) and the arbitrary it was found with, or leave out `path` to search again from the seed and get the right one",
      },
    ],
    fn,
  );
  if (cause !== undefined) Object.defineProperty(error, 'cause', { value: cause, enumerable: false, configurable: true, writable: true });
  return error;
}

/**
 * Like {@link checkEscalationClaim}, but throws an error whose message is the counterexample's
 * scenario file (and how to run it) — for use inside a test. A claim that threw (or a scenario
 * that could not be parsed or run) is an {@link EscalationClaimError} instead, saying so.
 *
 * @example
 * ```ts
 * it('no mix of cautious strategies reaches open conflict', () => {
 *   assertEscalationClaim(arbScenario({ strategies: ['cautious', 'dove'] }), (run) => peakRung(run) < 'L7');
 * });
 * ```
 */
export function assertEscalationClaim(
  arb: Arbitrary<ScenarioDocument>,
  claim: EscalationClaim,
  options: EscalationOptions & Pick<FcParameters<[ScenarioDocument, number]>, 'numRuns' | 'seed' | 'path'> = {},
): void {
  const cx = searchClaim('assertEscalationClaim', arb, claim, options);
  if (cx) throw new Error(`escalation claim broken after ${plural(cx.numRuns, 'run')} and ${plural(cx.numShrinks, 'shrink')}; smallest counterexample:\n\n${cx.yaml}`);
}

/** The strategy names a scenario's actors play that are not built-ins, sorted. */
function ownStrategies(scenario: Scenario): string[] {
  const builtIn = (builtins ??= createRegistry());
  const names = new Set<string>();
  for (const a of scenario.spec.actors) {
    const name = typeof a.strategy === 'string' ? a.strategy : a.strategy?.name;
    if (name !== undefined && !builtIn.has(name)) names.add(name);
  }
  return [...names].sort();
}
