import type { Commitment, ForumRule, SanctionMeasure } from '../model/agreement.js';
import type { ActorKind } from '../model/actor.js';
import type { Capabilities, CapabilityKey } from '../model/capability.js';
import type { ActorId, NormId } from '../model/ids.js';
import type { Inject } from '../model/inject.js';
import type { MechanismOverrides } from '../model/mechanisms.js';
import type { OperationKind, OperationTarget } from '../model/operation.js';

/**
 * What one round stands for, and (optionally) the date of round 0, so reports can say "Sep 2015"
 * instead of "round 27".
 *
 * @example
 * ```ts
 * const calendar: Calendar = { unit: 'month', start: '2013-06' };
 * ```
 */
export interface Calendar {
  readonly unit: 'day' | 'week' | 'month' | 'quarter' | 'year';
  /** ISO date of round 0: `YYYY`, `YYYY-MM` or `YYYY-MM-DD`. */
  readonly start?: string;
}

/** A strategy by registered name, optionally with parameters. @example `{ name: 'tit-for-tat', params: { threshold: 0.7 } }` */
export type StrategyRef = string | { readonly name: string; readonly params?: Readonly<Record<string, number>> };

/**
 * Capabilities in a scenario file: a preset name (see `CAPABILITY_PRESETS`), numbers, or a preset
 * with some numbers overridden.
 *
 * @example
 * ```ts
 * const a: CapabilitiesRef = 'us';
 * const b: CapabilitiesRef = { preset: 'china', stealth: 0.7 };
 * ```
 */
export type CapabilitiesRef = string | (Partial<Capabilities> & { readonly preset?: string });

/** An actor in a scenario file. @example `{ id: 'US', name: 'United States', capabilities: 'us', strategy: 'tit-for-tat' }` */
export interface ScenarioActor {
  readonly id: ActorId;
  readonly name?: string;
  readonly kind?: ActorKind;
  readonly sponsor?: ActorId;
  readonly capabilities?: CapabilitiesRef;
  readonly strategy?: StrategyRef;
  readonly reactivity?: number;
  readonly fatigue?: number;
}

/**
 * Scripted events of a scenario: every engine inject (`operation`, `reveal`, `agreement`,
 * `sanction`, `threat`, `capability`, `mechanisms`, `note`) plus storytelling forms that expand into them —
 * `indictment` (an indictment sanction with a note), `leak` (a reveal with a note), `summit` (a note,
 * and an agreement when it has terms), `sanctions-threat` (a threat). Any inject may carry `text`,
 * told in the narrative.
 *
 * @example
 * ```ts
 * const i: ScenarioInject = { round: 12, type: 'indictment', by: 'US', target: 'CN', text: 'Five PLA officers indicted' };
 * ```
 */
export type ScenarioInject =
  | (Inject & { readonly text?: string })
  | { readonly round: number; readonly type: 'indictment'; readonly by: ActorId; readonly target: ActorId; readonly text?: string }
  | { readonly round: number; readonly type: 'leak'; readonly victim?: ActorId; readonly text?: string }
  | { readonly round: number; readonly type: 'summit'; readonly parties: readonly ActorId[]; readonly terms?: readonly Commitment[]; readonly text?: string }
  | { readonly round: number; readonly type: 'sanctions-threat'; readonly by: ActorId; readonly target: ActorId; readonly measure?: SanctionMeasure; readonly unless?: string; readonly text?: string };

/** A forum in a scenario file. @example `{ id: 'gge', members: ['US', 'CN'], every: 3, rule: 'consensus', agenda: [['gge15.f']] }` */
export interface ScenarioForum {
  readonly id: string;
  readonly name?: string;
  readonly members: readonly ActorId[];
  readonly every?: number;
  readonly first?: number;
  readonly rule?: ForumRule;
  readonly agenda?: readonly (readonly NormId[])[];
}

/**
 * A scenario as written in a file (JSON or YAML) or built with `scenarioBuilder`. The JSON Schema
 * shipped as `scenarios/scenario.schema.json` describes the same format.
 *
 * @example
 * ```yaml
 * name: two-states
 * rounds: 12
 * calendar: { unit: month, start: 2015-01 }
 * actors:
 *   - { id: US, capabilities: us, strategy: tit-for-tat }
 *   - { id: CN, capabilities: china, strategy: { name: deterrer, params: { retaliateAt: 0.8 } } }
 * ```
 */
export interface ScenarioDocument {
  readonly $schema?: string;
  /** Identifier (lower-case letters, digits and dashes). */
  readonly name: string;
  readonly title?: string;
  readonly description?: string;
  readonly rounds: number;
  readonly calendar?: Calendar;
  /** Default seed (the command line's `--seed` overrides it). */
  readonly seed?: string | number;
  readonly actors: readonly ScenarioActor[];
  readonly dyads?: readonly { readonly from: ActorId; readonly to: ActorId; readonly trust?: number; readonly tension?: number; readonly mutual?: boolean }[];
  readonly agreements?: readonly { readonly parties: readonly ActorId[]; readonly terms: readonly Commitment[] }[];
  readonly norms?: Readonly<Record<ActorId, readonly NormId[]>>;
  readonly forums?: readonly ScenarioForum[];
  readonly injects?: readonly ScenarioInject[];
  readonly mechanisms?: MechanismOverrides;
}

/** Operation fields an `operation` inject takes (re-exported for builders). */
export type { CapabilityKey, OperationKind, OperationTarget };
