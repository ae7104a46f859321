// Text a player enters (a threat's condition) reaches the other players' screens, the save and the
// reports. The typed line is checked in parseCommand; this checks the same text wherever else it
// comes from: an action queued through the API, or a save edited by hand.
import { controlCharacter } from '../model/control-characters.js';

/**
 * The first text in plain data (an action, a list of decisions) that holds a control character a
 * terminal would execute (line ends and tabs are text here, as in a scenario), with its path from
 * `path` (`decisions[1].actions[0].unless`), or undefined. The data is nested a few levels only
 * (saves are checked for nesting first), so plain recursion is safe.
 */
export function controlCharacterIn(value: unknown, path: string): { readonly path: string; readonly code: string; readonly at: number } | undefined {
  if (typeof value === 'string') {
    const found = controlCharacter(value);
    return found ? { path, ...found } : undefined;
  }
  if (Array.isArray(value)) {
    for (let k = 0; k < value.length; k++) {
      const found = controlCharacterIn(value[k], `${path}[${k}]`);
      if (found) return found;
    }
    return undefined;
  }
  if (typeof value === 'object' && value !== null) {
    for (const [key, v] of Object.entries(value)) {
      const found = controlCharacterIn(v, path === '' ? key : `${path}.${key}`);
      if (found) return found;
    }
  }
  return undefined;
}
