import { ConfigError } from '../engine/errors.js';
import type { ConfigIssue } from '../engine/errors.js';
import { showControlCharacters } from '../model/control-characters.js';

/**
 * A scenario that cannot be used: lists **every** problem found, each with its path, what was
 * expected, what was found and, for near-miss names, a suggestion. `source` names the file.
 * Control characters that came from the file (a field name, a JSON parser's quote of the text)
 * are written as `<U+001B>`: `detente validate` prints the message on a terminal.
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
    super(issues.map(shown), source === undefined ? undefined : showControlCharacters(source));
  }
}

// Field values are quoted escaped already (describe); field names and parsers' messages were not.
function shown(issue: ConfigIssue): ConfigIssue {
  const { path, expected, received, hint } = issue;
  return {
    path: showControlCharacters(path),
    expected: showControlCharacters(expected),
    received: showControlCharacters(received),
    ...(hint !== undefined ? { hint: showControlCharacters(hint) } : {}),
  };
}
