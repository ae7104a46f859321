// Warm runs of a scenario in a child process over a built package, shared by bench/collector.mjs
// and tests/perf/hidden-classes.test.ts (the twelfth pass of issue 7 in docs/performance.md).

import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

/** The line a script of {@link runsScript} prints between its warm-up and its measured runs. */
export const MEASURED = '-- measured --';

/**
 * An ES module that plays `warm` runs of the scenario file with the package at `dist` (seeds 1…),
 * prints {@link MEASURED}, plays `measured` more, and prints `runs/s <figure>` for those.
 */
export function runsScript(dist, scenarioFile, warm, measured) {
  return `
    import { readFileSync } from 'node:fs';
    import { parseScenario, simulate } from ${JSON.stringify(pathToFileURL(dist).href)};
    const file = ${JSON.stringify(scenarioFile)};
    const scenario = parseScenario(readFileSync(file, 'utf8'), { source: file });
    const play = (seed) => simulate(scenario.spec, { seed, rounds: scenario.rounds, log: false });
    for (let seed = 1; seed <= ${warm}; seed++) play(seed);
    console.log(${JSON.stringify(MEASURED)});
    const t = performance.now();
    for (let seed = ${warm} + 1; seed <= ${warm + measured}; seed++) play(seed);
    console.log('runs/s ' + (${measured} / (performance.now() - t)) * 1000);
  `;
}

/** Run `script` (an ES module's text) in a child Node process with V8 `flags`; its standard output. */
export function runNode(flags, script) {
  return execFileSync(process.execPath, [...flags, '--input-type=module', '-e', script], { encoding: 'utf8', maxBuffer: 1 << 28 });
}

/**
 * Hidden classes V8 made in a child process that plays `measured` runs after a warm-up of `warm`:
 * the events of its map log (`--log-maps`), less `NormalizeCached`, which reuses a class. Compare
 * two counts that differ only in `measured` to get the classes the extra runs made.
 */
export function hiddenClassesMade(dist, scenarioFile, warm, measured) {
  const dir = mkdtempSync(join(tmpdir(), 'detente-maps-'));
  try {
    const log = join(dir, 'maps.log');
    runNode(['--log-maps', '--no-log-maps-details', `--logfile=${log}`, '--no-logfile-per-isolate'], runsScript(dist, scenarioFile, warm, measured));
    return readFileSync(log, 'utf8')
      .split('\n')
      .filter((line) => line.startsWith('map,') && !line.startsWith('map,NormalizeCached')).length;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
