import { Fingerprint } from '../model/fingerprint.js';
import type { ScenarioDocument } from '../scenario/format.js';

/**
 * The column of a results file that names the scenario its runs come from.
 *
 * @example
 * ```ts
 * SCENARIO_COLUMN; // 'scenario'
 * sweep(scenario, { seeds: [1] })[0]?.[SCENARIO_COLUMN]; // the scenarioTag, e.g. 'us-china-2015@…'
 * ```
 */
export const SCENARIO_COLUMN = 'scenario';

const tags = new WeakMap<object, string>();

/**
 * The identity of a scenario document in a results file: its name and a 64-bit hash (16 hex
 * digits) of its canonical JSON — object keys sorted, so the same content gives the same tag
 * whatever the order, layout or comments of the file it was read from, while any change to the
 * content (a capability, an inject, a strategy's parameter) gives another. Resume and merge
 * compare it so that runs of different scenarios never share a file. The `@` keeps the cell from
 * ever reading as a number.
 *
 * @example
 * ```ts
 * scenarioTag(parseScenario(text).document); // e.g. 'false-flag@3b0c5e9a1f27d468'
 * ```
 */
export function scenarioTag(document: ScenarioDocument): string {
  let tag = tags.get(document);
  if (tag === undefined) tags.set(document, (tag = `${document.name}@${new Fingerprint().feed(canonicalJson(document)).digest()}`));
  return tag;
}

/** JSON with every object's keys sorted (arrays keep their order), so equal data gives equal text. */
function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map((v) => (v === undefined ? 'null' : canonicalJson(v))).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const obj = value as Record<string, unknown>;
    const keys = Object.keys(obj)
      .filter((k) => obj[k] !== undefined)
      .sort();
    return `{${keys.map((k) => `${JSON.stringify(k)}:${canonicalJson(obj[k])}`).join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}
