import { ConfigError } from '../engine/errors.js';
import type { ConfigIssue } from '../engine/errors.js';

/**
 * A scenario that cannot be used: lists **every** problem found, each with its path, what was
 * expected, what was found and, for near-miss names, a suggestion. `source` names the file.
 *
 * @example
 * ```ts
 * try { parseScenario(text, { source: 'my.yaml' }); }
 * catch (e) { if (e instanceof ScenarioError) for (const i of e.issues) console.log(i.path, i.expected, i.received, i.hint); }
 * ```
 */
export class ScenarioError extends ConfigError {
  override readonly name: string = 'ScenarioError';
  constructor(issues: readonly ConfigIssue[], source?: string) {
    super(issues, source);
  }
}
