/**
 * Détente: a deterministic, seeded simulation of cyber diplomacy.
 *
 * @example
 * ```ts
 * import { simulate } from 'detente';
 * const run = simulate({ actors: [{ id: 'US', strategy: 'dove' }, { id: 'CN', strategy: 'hawk' }] }, { seed: 1, rounds: 12 });
 * ```
 * @packageDocumentation
 */

// Domain model
export type { Actor, ActorKind } from './model/actor.js';
export type { Capabilities, CapabilityKey } from './model/capability.js';
export { CAPABILITY_KEYS, clamp01 } from './model/capability.js';
export type { ActorId, NormId } from './model/ids.js';
export type { Norm } from './model/norms.js';
export { GGE15_NORMS, GGE15_NORM_IDS, isKnownNorm } from './model/norms.js';
export type { Operation, OperationKind, OperationTarget } from './model/operation.js';
export { OPERATION_KINDS } from './model/operation.js';
export type { Incident, IncidentCommitment } from './model/incident.js';
export type { Agreement, Commitment, CommitmentKind, Dialogue, Forum, ForumRule, Sanction, SanctionMeasure, SanctionThreat, Talks } from './model/agreement.js';
export type {
  AccuseAction,
  Action,
  AdoptNormAction,
  DenyAction,
  DialogueAction,
  DiplomacyAction,
  IncidentRef,
  ProposeTalksAction,
  RequestAssistanceAction,
  TablePackageAction,
  ThreatenSanctionsAction,
  WithdrawAction,
  HotlineQueryAction,
  LiftSanctionAction,
  OperateAction,
  PassAction,
  Request,
  RequestKind,
  Response,
  RetaliateAction,
  SanctionAction,
  ShareInformationAction,
} from './model/action.js';
export { DIPLOMACY_ACTION_TYPES, RESPONSE_TYPES, RESPONSES_BY_KIND } from './model/action.js';
export type { DecisionPhase, EventOf, ForumVote, Phase, SimEvent, SimEventType } from './model/event.js';
export { isVisibleTo, PHASES } from './model/event.js';
export type { Inject } from './model/inject.js';
export type { DeepPartial, MechanismIssue, MechanismOverrides, Mechanisms } from './model/mechanisms.js';
export { DEFAULT_MECHANISMS, mergeMechanisms } from './model/mechanisms.js';
export type { Rung } from './model/escalation.js';
export { nextRung, RUNG, RUNG_NAMES, rungLabel } from './model/escalation.js';
export { betaTrust, evidenceForTrust } from './model/trust.js';
export type { RichardsonParams } from './model/tension.js';
export { richardsonEquilibrium, richardsonStep } from './model/tension.js';
export {
  detectionProbability,
  falseAlarmProbability,
  identificationProbability,
  priorOverSuspects,
  relevantCapability,
  scaleSuspect,
  topSuspect,
  updatePosterior,
} from './model/attribution.js';
export type { DyadTable, RngState, World } from './model/world.js';

// Engine
export type { ActorView, ForumView, IncidentView, OwnOperationView, PublicActor, Strategy, StrategyMeta, VisibleEvent } from './engine/contract.js';
export type { Rng } from './engine/rng.js';
export type { ActorSpec, CreateWorldOptions, DyadSpec, ForumSpec, WorldSpec } from './engine/world.js';
export { actorIndex, createWorld } from './engine/world.js';
export type { ConfigIssue } from './engine/errors.js';
export { ConfigError, InvalidActionError, ProtocolError, StrategyError } from './engine/errors.js';
export type { Decision, DecisionNeed, PendingRound, RoundOptions, RoundResult } from './engine/round.js';
export { beginRound, submitDecisions } from './engine/round.js';
export type { StepOptions, StrategyAssignment } from './engine/step.js';
export { decideWithStrategies, step } from './engine/step.js';
export type { Run, RunRoundsOptions } from './engine/simulate.js';
export { runRounds } from './engine/simulate.js';
export type { RoundMetrics } from './engine/metrics.js';
export { roundMetrics } from './engine/metrics.js';
export type { IncidentSnapshot, WorldSnapshot } from './engine/snapshot.js';
export { restore, snapshot } from './engine/snapshot.js';
export type { ReplayOptions } from './engine/replay.js';
export { replay } from './engine/replay.js';
export type { ForkOptions, Intervention } from './engine/fork.js';
export type { ValidationWorld } from './engine/validate.js';
export { validateAction, validateResponse } from './engine/validate.js';

// Strategies
export type { StrategyDefinition } from './strategies/define.js';
export { defineStrategy } from './strategies/define.js';
export { viewWith } from './strategies/view-with.js';
export type { RegisteredStrategy, StrategyFactory } from './strategies/registry.js';
export { StrategyRegistry, suggest } from './strategies/registry.js';
export {
  BUILTIN_STRATEGIES,
  cautious,
  contractor,
  createRegistry,
  deEscalator,
  deterrer,
  dove,
  generousTitForTat,
  grimTrigger,
  hawk,
  normEntrepreneur,
  passive,
  pragmatist,
  random,
  spoiler,
  titForTat,
} from './strategies/builtins/index.js';
export type { SimulateOptions } from './strategies/simulate.js';
export { fork, simulate } from './strategies/simulate.js';

// Scenarios and reports
export type { NarrativeOptions } from './report/narrative.js';
export { narrateEvent, narrateRun } from './report/narrative.js';
export type { DyadSummary, SummaryOptions } from './report/summary.js';
export { formatSummary, formatTable, summarizeDyads } from './report/summary.js';
export { csvField, METRIC_COLUMNS, metricsCsv, toCsv } from './report/csv.js';
export type { ReportSource, RunRecord, RunSettings } from './report/record.js';
export { reportSource, reportSourceFromRecord, runRecord } from './report/record.js';
export type { AttributionOutcome, IncidentRecord } from './report/series.js';
export { incidentRecords } from './report/series.js';
export type { HtmlReportOptions } from './report/html.js';
export { renderHtmlReport } from './report/html.js';
export type { DebriefOptions, KeyMoment } from './report/debrief.js';
export { keyMoments, renderDebrief } from './report/debrief.js';
export type { NarratedEventType, NarrativeContext, NarrativeText } from './text/narrative.js';
export { NARRATIVE_EN, trustCauseSides } from './text/narrative.js';
export type { DebriefText, ReportText } from './text/report.js';
export { REPORT_EN } from './text/report.js';

// Scenario files
export type { Calendar, CapabilitiesRef, ScenarioActor, ScenarioDocument, ScenarioForum, ScenarioInject, StrategyRef } from './scenario/format.js';
export type { CapabilityPreset } from './scenario/presets.js';
export { CAPABILITY_PRESETS } from './scenario/presets.js';
export { ScenarioError } from './scenario/errors.js';
export type { ScenarioFormat } from './scenario/read.js';
export { FORBIDDEN_KEYS, forbiddenKeys, MAX_SCENARIO_BYTES, readScenarioText } from './scenario/read.js';
export { MAX_NESTING, nestingTooDeep } from './model/nesting.js';
export type { ParseScenarioOptions, Scenario } from './scenario/parse.js';
export { expandInjects, MAX_ROUNDS, parseScenario, resolveCapabilities } from './scenario/parse.js';
export { ScenarioBuilder, scenarioBuilder, serializeScenario } from './scenario/builder.js';
export { roundDate, roundHeading } from './scenario/calendar.js';

// Experiments: sweeps, statistics and tournaments (parallel runs and files: `detente sweep`)
export type { Cell, Grid, GridAxis, MetricSummary, ParamValue, PlanItem, PlanOptions, Results, ResultsFormat, RunOneOptions, SummarizeOptions, SweepOptions, SweepPlan, SweepRow, TournamentOptions, TournamentResult, TournamentStanding } from './experiments/index.js';
export {
  canonicalPath,
  compareRunIds,
  csvHeader,
  describeSample,
  formatOf,
  formatRow,
  isMetricColumn,
  MAX_GRID_POINTS,
  MAX_RUNS,
  MAX_SEEDS,
  parseCsv,
  parseSeeds,
  parseSetting,
  parseShard,
  planSweep,
  quantile,
  rankStrategies,
  readResults,
  runId,
  runItems,
  runOne,
  scenarioAt,
  SCENARIO_COLUMN,
  scenarioTag,
  SERIES_METRICS,
  shardItems,
  STANDING_COLUMNS,
  SUMMARY_COLUMNS,
  SUMMARY_STAT_COLUMNS,
  summarize,
  summarizeRun,
  sweep,
  sweepColumns,
  tCritical95,
  tournament,
  tournamentGrid,
} from './experiments/index.js';

// Classroom play: a game session where people decide for some actors (the CLI's `detente play` is a front end)
export * from './play/index.js';

// The version of detente, to record beside results computed with the library
export { VERSION } from './version.js';
