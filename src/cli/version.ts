// The version of detente that is running: what `detente --version` prints and what a results file
// records in its `detente` column (src/cli/sweep/detente-column.ts).
import { readFileSync } from 'node:fs';

declare const __VERSION__: string | undefined;

/**
 * The package's version: put in by the build (tsup's `define`, from package.json), so the built
 * command line and its worker threads need no package.json beside them; read from package.json
 * when the sources are run unbuilt (tests importing src/cli), where the build has put nothing.
 */
export const VERSION: string = typeof __VERSION__ === 'string' ? __VERSION__ : sourceVersion();

function sourceVersion(): string {
  // src/cli/version.ts → the repository's package.json.
  const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version?: unknown };
  if (typeof pkg.version !== 'string') throw new Error("detente's package.json has no version");
  return pkg.version;
}
