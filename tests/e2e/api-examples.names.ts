// The names a TSDoc @example of the public API may use without declaring them, with their types:
// what a reader is assumed to have at hand when reading an example (a scenario file's text, a
// parsed scenario, a run, the view a strategy is given, …). tests/e2e/api-examples.test.ts
// compiles every example after an import of these and of every export of `detente` and of the
// example's own entry point; an example that declares one of these names itself shadows it.
// Nothing runs this file: only the compiler reads it (`npm run typecheck` checks that the types
// named here exist).
import type { EscalationClaim } from 'detente/testing';
import type { ActorView, PendingRound, PlayGame, ReportSource, Request, Rng, Run, Scenario, ScenarioDocument, Strategy, StrategyAssignment, SweepPlan, SweepRow, Turn, World, WorldSpec } from 'detente';

// Node's file functions (examples save reports and read scenario files) and the test tools the
// `detente/testing` examples are written for.
export { readFileSync, writeFileSync } from 'node:fs';
export { default as fc } from 'fast-check';
export { expect, it } from 'vitest';

/** A scenario file's text (`readFileSync('scenario.yaml', 'utf8')`). */
export declare const text: string;
/** A scenario file's text already parsed (`parseScenario(text)`). */
export declare const scenario: Scenario;
/** The document of a scenario file (`scenario.document`, or a file's object form). */
export declare const doc: ScenarioDocument;
/** A world specification (what `simulate` and `createWorld` start from). */
export declare const spec: WorldSpec;
/** A world, at any round. */
export declare const world: World;
/** A finished run (`simulate(…)`). */
export declare const run: Run;
/** A run's log and settings, as the reports read them (`reportSource(scenario, run)`). */
export declare const source: ReportSource;
/** A round begun and waiting for decisions (`beginRound(world)`). */
export declare const pending: PendingRound;
/** A strategy for each actor of `world`. */
export declare const strategies: StrategyAssignment;
/** A strategy of the reader's own (`defineStrategy(…)`). */
export declare const myStrategy: Strategy;
/** What a strategy is shown when it decides. */
export declare const view: ActorView;
/** A request addressed to the deciding actor, as `respond` is given it. */
export declare const request: Request;
/** The random numbers a strategy is given. */
export declare const rng: Rng;
/** A sweep's plan (`planSweep(…)`). */
export declare const plan: SweepPlan;
/** A sweep's rows (`sweep(…)`, or `readResults(…)`). */
export declare const rows: readonly SweepRow[];
/** A game in class (`new PlayGame(…)`) and whose turn it is (`game.turn`, when not over). */
export declare const game: PlayGame;
export declare const turn: Turn;
/** A claim about a run, for the `detente/testing` property checks. */
export declare const claim: EscalationClaim;
