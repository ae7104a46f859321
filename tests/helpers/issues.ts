import { ConfigError, parseScenario, ScenarioError } from '../../src/index.js';
import type { ConfigIssue } from '../../src/index.js';

/** The issues of the ConfigError that `f` throws; any other outcome (no throw, another error) fails the test. */
export function configIssuesOf(f: () => unknown): readonly ConfigIssue[] {
  return configErrorOf(f).issues;
}

/** The ConfigError that `f` throws; any other outcome (no throw, another error) fails the test. */
export function configErrorOf(f: () => unknown): ConfigError {
  try {
    f();
  } catch (e) {
    if (e instanceof ConfigError) return e;
    throw e;
  }
  throw new Error('expected a ConfigError');
}

/** What `f` returns, or the issues of the ConfigError it throws; anything else thrown fails the property. */
export function resultOrIssues<T>(f: () => T): T | readonly ConfigIssue[] {
  try {
    return f();
  } catch (e) {
    if (e instanceof ConfigError) return e.issues;
    throw e;
  }
}

/** The ScenarioError that parsing `input` throws (from a file named `source`, if given); any other outcome fails the test. */
export function scenarioErrorOf(input: unknown, source?: string): ScenarioError {
  try {
    parseScenario(input, source === undefined ? {} : { source });
  } catch (e) {
    if (e instanceof ScenarioError) return e;
    throw e;
  }
  throw new Error('expected a ScenarioError');
}

/** The issues of the ScenarioError that parsing `input` throws; any other outcome fails the test. */
export function scenarioIssuesOf(input: unknown): readonly ConfigIssue[] {
  return scenarioErrorOf(input).issues;
}
