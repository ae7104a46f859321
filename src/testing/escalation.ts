import fc from 'fast-check';
import type { Arbitrary, Parameters as FcParameters } from 'fast-check';
import { GGE15_NORM_IDS, parseScenario, serializeScenario, simulate } from '../index.js';
import type { Run, Scenario, ScenarioActor, ScenarioDocument, ScenarioInject } from '../index.js';

/** Options of {@link arbScenario}. */
export interface ArbScenarioOptions {
  /** Strategy names the actors draw from (default: a stateless mix of built-ins). */
  readonly strategies?: readonly string[];
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

/**
 * Whole scenario documents, valid by construction (every one parses), bounded in size, and
 * shrinking towards simpler scenarios: fewer states, fewer rounds, no proxy, no hotline, no
 * scripted operations, lower capabilities, the first strategy of the list.
 *
 * @example
 * ```ts
 * fc.assert(fc.property(arbScenario({ strategies: ['dove', 'cautious'] }), (doc) => parseScenario(doc).rounds >= 4));
 * ```
 */
export function arbScenario(options: ArbScenarioOptions = {}): Arbitrary<ScenarioDocument> {
  const strategies = options.strategies && options.strategies.length > 0 ? options.strategies : DEFAULT_MIX;
  const minActors = Math.max(2, options.minActors ?? 2);
  const maxActors = Math.max(minActors, options.maxActors ?? 4);
  const minRounds = Math.max(1, options.minRounds ?? 4);
  const maxRounds = Math.max(minRounds, options.maxRounds ?? 16);
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
      states: fc.array(arbState, { minLength: minActors, maxLength: maxActors }),
      rounds: fc.integer({ min: minRounds, max: maxRounds }),
      proxy: options.proxies === false ? fc.constant(null) : fc.option(fc.record({ sponsor: fc.nat(), strategy: fc.constantFrom('passive', 'random'), espionage: arbLevel(), stealth: arbLevel() }), { nil: null }),
      hotlines: options.hotlines === false ? fc.constant<[number, number][]>([]) : fc.array(fc.tuple(fc.nat(), fc.nat()), { maxLength: 2 }),
      operations: options.injects === false ? fc.constant<OperationSeed[]>([]) : fc.array<OperationSeed>(fc.record({ round: fc.nat(), actor: fc.nat(), target: fc.nat(), kind: fc.constantFrom('espionage', 'disruption', 'degradation') as Arbitrary<'espionage' | 'disruption' | 'degradation'>, falseFlag: fc.option(fc.nat(), { nil: null }) }), { maxLength: 3 }),
      forum: options.forums === true ? fc.boolean() : fc.constant(false),
    })
    .map(({ states, rounds, proxy, hotlines, operations, forum }): ScenarioDocument => {
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
  let peak = 0;
  for (const m of run.metrics) if (m.peakRung > peak) peak = m.peakRung;
  return `L${peak}`;
}

/** A claim about a run of a scenario. */
export type EscalationClaim = (run: Run, scenario: Scenario) => boolean;

/** Options of {@link escalationProperty} and {@link checkEscalationClaim}. */
export interface EscalationOptions {
  /** Simulation seeds to draw from (default: integers 1 … 1,000,000). */
  readonly seeds?: Arbitrary<number>;
}

/**
 * A fast-check property: for every generated scenario and seed, the claim holds of its run. Use it
 * with `fc.assert`, or use {@link checkEscalationClaim} to get the shrunk counterexample as a
 * scenario file.
 *
 * @example
 * ```ts
 * fc.assert(escalationProperty(arbScenario({ strategies: ['dove', 'cautious'] }), (run) => peakRung(run) <= 'L4'));
 * ```
 */
export function escalationProperty(arb: Arbitrary<ScenarioDocument>, claim: EscalationClaim, options: EscalationOptions = {}) {
  return fc.property(arb, options.seeds ?? fc.integer({ min: 1, max: 1_000_000 }), (doc, seed) => {
    const scenario = parseScenario(doc);
    return claim(simulate(scenario.spec, { seed, rounds: scenario.rounds }), scenario);
  });
}

/** The smallest scenario found that breaks a claim, ready to run with `detente run`. */
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
}

/**
 * Check a claim over generated scenarios. Returns null when it held for every one; otherwise the
 * counterexample fast-check shrank to, as a scenario file with its seed.
 *
 * @example
 * ```ts
 * const cx = checkEscalationClaim(arbScenario({ strategies: ['hawk', 'tit-for-tat'] }), (run) => peakRung(run) <= 'L2', { numRuns: 200 });
 * if (cx) fs.writeFileSync('counterexample.yaml', cx.yaml); // then: detente run counterexample.yaml
 * ```
 */
export function checkEscalationClaim(
  arb: Arbitrary<ScenarioDocument>,
  claim: EscalationClaim,
  options: EscalationOptions & Pick<FcParameters<[ScenarioDocument, number]>, 'numRuns' | 'seed' | 'path'> = {},
): Counterexample | null {
  const { seeds, ...params } = options;
  const result = fc.check(escalationProperty(arb, claim, seeds ? { seeds } : {}), params);
  if (!result.failed) return null;
  if (!result.counterexample) throw result.errorInstance ?? new Error('the escalation property failed without a counterexample');
  const [doc, seed] = result.counterexample as [ScenarioDocument, number];
  const scenario: ScenarioDocument = { ...doc, name: 'counterexample', seed };
  const header = `# Smallest scenario found that breaks the claim (fast-check seed ${result.seed}, path ${result.counterexample ? result.counterexamplePath : ''}).\n# Run it with: detente run counterexample.yaml\n`;
  return {
    scenario,
    seed,
    yaml: header + serializeScenario(scenario, 'yaml'),
    replay: { seed: result.seed, path: result.counterexamplePath ?? '' },
    numRuns: result.numRuns,
    numShrinks: result.numShrinks,
  };
}

/**
 * Like {@link checkEscalationClaim}, but throws an error whose message is the counterexample's
 * scenario file (and how to run it) — for use inside a test.
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
  const cx = checkEscalationClaim(arb, claim, options);
  if (cx) throw new Error(`escalation claim broken after ${cx.numRuns} runs and ${cx.numShrinks} shrinks; smallest counterexample:\n\n${cx.yaml}`);
}
