// The round policies a caller may set (what to do with an invalid action, with a strategy that
// throws), checked alike wherever they are taken: beginRound (onInvalidAction), step and
// decideWithStrategies (both), runRounds (both, once per run).
import { describe } from '../model/mechanisms.js';
import type { ConfigIssue } from './errors.js';
import type { RoundOptions } from './round.js';
import type { StepOptions } from './step.js';

/** A round policy's name. */
export type PolicyName = 'onInvalidAction' | 'onStrategyError';

const POLICIES = {
  onInvalidAction: ['reject', 'throw'],
  onStrategyError: ['throw', 'reject'],
} as const satisfies { readonly onInvalidAction: readonly NonNullable<RoundOptions['onInvalidAction']>[]; readonly onStrategyError: readonly NonNullable<StepOptions['onStrategyError']>[] };

/** Both policies: what step, decideWithStrategies and runRounds take. */
export const ALL_POLICIES: readonly PolicyName[] = ['onInvalidAction', 'onStrategyError'];

/**
 * What is wrong with the policies `names` of `options` (a misspelt value would otherwise run as
 * the default without a word): one issue per policy given a value it does not take, named
 * `path.<policy>`, or the policy alone when `path` is empty (step and runRounds name them so;
 * replay names its options `options.…`, the report a run's `run.options.…`).
 */
export function policyIssues(options: Readonly<Record<string, unknown>>, names: readonly PolicyName[] = ALL_POLICIES, path = ''): ConfigIssue[] {
  const issues: ConfigIssue[] = [];
  for (const key of names) {
    if (!policyValid(options, key)) issues.push({ path: path === '' ? key : `${path}.${key}`, expected: POLICIES[key].map((p) => `'${p}'`).join(' | '), received: describe(options[key]) });
  }
  return issues;
}

/**
 * Whether {@link policyIssues} finds nothing, without making its list: for the checks a caller
 * may make once per round (beginRound, step).
 */
export function policiesValid(options: Readonly<Record<string, unknown>>, names: readonly PolicyName[] = ALL_POLICIES): boolean {
  for (let k = 0; k < names.length; k++) if (!policyValid(options, names[k] as PolicyName)) return false;
  return true;
}

function policyValid(options: Readonly<Record<string, unknown>>, key: PolicyName): boolean {
  const value = options[key];
  return value === undefined || (POLICIES[key] as readonly unknown[]).includes(value);
}
