import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

/**
 * The package as a user gets it: `npm pack` the freshly built dist/ (tests/global-setup.ts builds
 * once before every test file, so this file does not rebuild and race the other e2e tests), install
 * the tarball into an empty project, and use it from ESM, from CommonJS, through `detente/testing`
 * and through its `bin`.
 */

const root = resolve(import.meta.dirname, '../..');
const tmp = mkdtempSync(join(tmpdir(), 'detente-package-'));
const consumer = join(tmp, 'consumer');
const installed = join(consumer, 'node_modules/detente');
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
const TIMEOUT = 240_000;

let tarball = '';
let packed: string[] = [];

afterAll(() => rmSync(tmp, { recursive: true, force: true }));

beforeAll(() => {
  for (const f of ['dist/index.js', 'dist/index.cjs', 'dist/cli/main.js']) {
    if (!existsSync(join(root, f))) throw new Error(`${f} is missing: the test run builds dist/ first (tests/global-setup.ts); run \`npx tsup\`?`);
  }
  const out = execFileSync(npm, ['pack', '--pack-destination', tmp, '--json', '--ignore-scripts'], {
    cwd: root,
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
    timeout: TIMEOUT,
  });
  const [info] = JSON.parse(out) as { filename: string; files: { path: string }[] }[];
  if (!info) throw new Error(`npm pack printed no package:\n${out}`);
  tarball = join(tmp, info.filename);
  packed = info.files.map((f) => f.path);

  // fast-check is an optional peer dependency that `detente/testing` needs: install the version
  // the project itself uses, so the install can come from the local npm cache.
  const fastCheck = (JSON.parse(readFileSync(join(root, 'node_modules/fast-check/package.json'), 'utf8')) as { version: string }).version;
  mkdirSync(consumer, { recursive: true });
  writeFileSync(join(consumer, 'package.json'), `${JSON.stringify({ name: 'detente-consumer', version: '1.0.0', private: true }, null, 2)}\n`);
  execFileSync(npm, ['install', tarball, `fast-check@${fastCheck}`, '--prefer-offline', '--no-audit', '--no-fund', '--ignore-scripts'], {
    cwd: consumer,
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
    timeout: TIMEOUT,
  });
}, TIMEOUT);

/** Run a script of the consumer project with node and parse the JSON it prints. */
function runScript(name: string, source: string): Record<string, unknown> {
  writeFileSync(join(consumer, name), source);
  const r = spawnSync(process.execPath, [name], { cwd: consumer, encoding: 'utf8', timeout: 60_000 });
  if (r.status !== 0) throw new Error(`node ${name} exited with ${r.status}:\n${r.stderr}`);
  return JSON.parse(r.stdout) as Record<string, unknown>;
}

/** The same three-round duel from either module system; the log is hashed so the outputs compare whole. */
const duel = (load: string) => `${load}
const run = simulate({ actors: [{ id: 'US', strategy: 'tit-for-tat' }, { id: 'CN', strategy: 'hawk' }] }, { seed: 42, rounds: 3 });
console.log(JSON.stringify({
  rounds: run.metrics.length,
  worldRound: run.world.round,
  logLength: run.log.length,
  lastRound: run.log.length > 0 ? run.log[run.log.length - 1].round : null,
  logHash: createHash('sha256').update(JSON.stringify(run.log)).digest('hex'),
}));
`;

describe('the packed tarball', () => {
  it(
    'holds the builds, the types, the CLI and the README, and no sources, tests or internal builds',
    () => {
      for (const f of ['package.json', 'README.md', 'LICENSE', 'dist/index.js', 'dist/index.cjs', 'dist/index.d.ts', 'dist/index.d.cts', 'dist/cli/main.js']) {
        expect(packed, f).toContain(f);
      }
      expect(packed.filter((f) => f.startsWith('src/') || f.startsWith('tests/') || f.startsWith('bench/'))).toEqual([]);
      expect(packed.filter((f) => f.endsWith('.tgz') || f.startsWith('node_modules/'))).toEqual([]);
      // The benchmarks' build of the flat rules (tsup.config.ts) is internal: "files" leaves it out.
      expect(packed.filter((f) => f.startsWith('dist/internal/'))).toEqual([]);
    },
    TIMEOUT,
  );

  it(
    'ships detente/testing as the exports map promises',
    () => {
      for (const f of ['dist/testing/index.js', 'dist/testing/index.cjs', 'dist/testing/index.d.ts', 'dist/testing/index.d.cts']) {
        expect(packed, f).toContain(f);
      }
    },
    TIMEOUT,
  );

  it(
    'ships detente/node, with its worker beside it',
    () => {
      for (const f of ['dist/node/index.js', 'dist/node/index.cjs', 'dist/node/index.d.ts', 'dist/node/index.d.cts', 'dist/node/sweep-worker.js']) {
        expect(packed, f).toContain(f);
      }
    },
    TIMEOUT,
  );
});

describe('the installed package', () => {
  it(
    'lets a script find the bundled scenarios through the package name, from ESM and from CommonJS',
    () => {
      const find = (load: string) => `${load}
const file = req.resolve('detente/scenarios/us-china-2015.yaml');
console.log(JSON.stringify({ name: parseScenario(readFileSync(file, 'utf8'), { source: file }).document.name }));
`;
      const esm = runScript('scenarios.mjs', find("import { createRequire } from 'node:module';\nimport { readFileSync } from 'node:fs';\nimport { parseScenario } from 'detente';\nconst req = createRequire(import.meta.url);"));
      const cjs = runScript('scenarios.cjs', find("const { readFileSync } = require('node:fs');\nconst { parseScenario } = require('detente');\nconst req = require;"));
      expect(esm).toEqual({ name: 'us-china-2015' });
      expect(cjs).toEqual(esm);
    },
    TIMEOUT,
  );

  it(
    'says which version of detente it is (VERSION, from package.json), from ESM and from CommonJS, as the CLI does',
    () => {
      const version = (JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { version: string }).version;
      const esm = runScript('version.mjs', "import { VERSION } from 'detente';\nconsole.log(JSON.stringify({ VERSION }));\n");
      const cjs = runScript('version.cjs', "const { VERSION } = require('detente');\nconsole.log(JSON.stringify({ VERSION }));\n");
      expect(esm).toEqual({ VERSION: version });
      expect(cjs).toEqual(esm);
      const cli = spawnSync(process.execPath, [join(installed, 'dist/cli/main.js'), '--version'], { encoding: 'utf8' });
      expect(cli.stdout.trim()).toContain(version);
    },
    TIMEOUT,
  );

  it(
    'runs from ESM and from CommonJS, and both give the same log for the same seed',
    () => {
      const esm = runScript('duel.mjs', duel(`import { createHash } from 'node:crypto';\nimport { simulate } from 'detente';`));
      const cjs = runScript('duel.cjs', duel(`const { createHash } = require('node:crypto');\nconst { simulate } = require('detente');`));
      for (const out of [esm, cjs]) {
        expect(out.rounds).toBe(3);
        expect(out.worldRound).toBe(3);
        expect(out.logLength).toBeGreaterThan(0);
        expect(out.lastRound).toBe(2);
      }
      expect(cjs).toEqual(esm);
    },
    TIMEOUT,
  );

  it(
    'resolves the ESM and CommonJS builds through the exports map, not the sources',
    () => {
      const esm = runScript('resolve.mjs', `console.log(JSON.stringify({ url: import.meta.resolve('detente'), testing: import.meta.resolve('detente/testing'), node: import.meta.resolve('detente/node') }));\n`);
      const cjs = runScript('resolve.cjs', `console.log(JSON.stringify({ main: require.resolve('detente'), testing: require.resolve('detente/testing'), node: require.resolve('detente/node') }));\n`);
      expect(String(esm.url)).toMatch(/node_modules\/detente\/dist\/index\.js$/);
      expect(String(esm.testing)).toMatch(/node_modules\/detente\/dist\/testing\/index\.js$/);
      expect(String(cjs.main)).toMatch(/node_modules[\\/]detente[\\/]dist[\\/]index\.cjs$/);
      expect(String(cjs.testing)).toMatch(/node_modules[\\/]detente[\\/]dist[\\/]testing[\\/]index\.cjs$/);
      expect(String(esm.node)).toMatch(/node_modules\/detente\/dist\/node\/index\.js$/);
      expect(String(cjs.node)).toMatch(/node_modules[\\/]detente[\\/]dist[\\/]node[\\/]index\.cjs$/);
    },
    TIMEOUT,
  );

  it(
    'imports detente/testing from ESM: a generated world runs and keeps the invariants',
    () => {
      const out = runScript(
        'testing.mjs',
        `import fc from 'fast-check';
import { simulate } from 'detente';
import * as testing from 'detente/testing';
const [spec] = fc.sample(testing.arbWorldSpec(), { seed: 7, numRuns: 1 });
const run = simulate(spec, { seed: 7, rounds: 3 });
console.log(JSON.stringify({
  exports: Object.keys(testing).sort(),
  rounds: run.metrics.length,
  violations: testing.worldInvariantViolations(run.world),
}));
`,
      );
      expect(out.exports).toEqual(expect.arrayContaining(['arbWorldSpec', 'worldInvariantViolations']));
      expect(out.rounds).toBe(3);
      expect(out.violations).toEqual([]);
    },
    TIMEOUT,
  );

  it(
    'requires detente/testing from CommonJS with the same exports as ESM',
    () => {
      const esm = runScript('testing-keys.mjs', `import * as t from 'detente/testing';\nconsole.log(JSON.stringify({ keys: Object.keys(t).filter((k) => k !== 'default').sort() }));\n`);
      const cjs = runScript('testing-keys.cjs', `const t = require('detente/testing');\nconsole.log(JSON.stringify({ keys: Object.keys(t).sort() }));\n`);
      expect(cjs.keys).toEqual(esm.keys);
    },
    TIMEOUT,
  );

  it(
    'detente/testing uses the library of detente, not a copy: its errors are instances of the classes detente exports',
    () => {
      // A misspelt strategy (a ConfigError), and a scenario that does not parse (its cause a ScenarioError).
      const body = `let config = null;
try { testing.arbScenario({ strategies: ['hawkk'] }); } catch (e) { config = e instanceof detente.ConfigError; }
let scenario = null;
try { testing.checkEscalationClaim(fc.constant({ name: 'x', rounds: 2, actors: [{ id: 'A', strategy: 'hawkk' }, { id: 'B' }] }), () => true, { numRuns: 1, seed: 1 }); }
catch (e) { scenario = e instanceof testing.EscalationClaimError && e.cause instanceof detente.ScenarioError; }
console.log(JSON.stringify({ config, scenario }));
`;
      const esm = runScript('testing-classes.mjs', `import fc from 'fast-check';\nimport * as detente from 'detente';\nimport * as testing from 'detente/testing';\n${body}`);
      const cjs = runScript('testing-classes.cjs', `const fc = require('fast-check');\nconst detente = require('detente');\nconst testing = require('detente/testing');\n${body}`);
      expect(esm).toEqual({ config: true, scenario: true });
      expect(cjs).toEqual({ config: true, scenario: true });
    },
    TIMEOUT,
  );

  it(
    'sweeps on worker threads through detente/node, from ESM and CommonJS, with a strategy module of the project that imports detente',
    () => {
      // The project's own strategy: its module imports the installed detente, as a user's would.
      writeFileSync(
        join(consumer, 'mine.mjs'),
        `import { defineStrategy } from 'detente';
export default defineStrategy({
  name: 'mine',
  meta: { stochastic: true, retaliatory: false, forgiving: true, attributionSensitive: true },
  diplomacy: (view, rng) => view.incidents.filter((i) => i.round === view.round && i.suspect !== null && rng.next() < 0.5).map((i) => ({ type: 'accuse', target: i.suspect, incident: i.id, public: false })),
});
`,
      );
      const body = `const doc = { name: 'pair', rounds: 8, actors: [{ id: 'US', strategy: 'mine' }, { id: 'CN', strategy: 'hawk' }] };
const registry = await node.loadStrategies('./mine.mjs');
const expected = detente.sweep(detente.parseScenario(doc, { registry }), { seeds: '1..40', grid: { 'actors.US.strategy': ['mine', 'dove'] }, registry });
const rows = await node.sweepOnWorkers(doc, { seeds: '1..40', grid: { 'actors.US.strategy': ['mine', 'dove'] }, modules: './mine.mjs', workers: 2 });
let config = null;
try { await node.loadStrategies('./missing.mjs'); } catch (e) { config = e instanceof detente.ConfigError; }
console.log(JSON.stringify({ same: JSON.stringify(rows) === JSON.stringify(expected), runs: rows.length, accusations: rows.reduce((n, r) => n + Number(r.accusations), 0), config, keys: Object.keys(node).filter((k) => k !== 'default').sort() }));
`;
      const esm = runScript('node-sweep.mjs', `import * as detente from 'detente';\nimport * as node from 'detente/node';\n${body}`);
      const cjs = runScript('node-sweep.cjs', `const detente = require('detente');\nconst node = require('detente/node');\n(async () => {\n${body}})();\n`);
      expect(esm).toMatchObject({ same: true, runs: 80, config: true, keys: ['SweepFailure', 'loadStrategies', 'moduleUrls', 'sweepOnWorkers', 'tournamentOnWorkers'] });
      expect(Number(esm.accusations)).toBeGreaterThan(0);
      expect(cjs).toEqual(esm);
    },
    TIMEOUT,
  );

  it(
    'has types that a strict TypeScript consumer resolves, from ESM and from CommonJS',
    () => {
      const tsconfig = {
        compilerOptions: {
          module: 'nodenext',
          moduleResolution: 'nodenext',
          target: 'es2022',
          strict: true,
          exactOptionalPropertyTypes: true,
          noUncheckedIndexedAccess: true,
          types: [],
          noEmit: true,
        },
        files: ['types.mts', 'types.cts'],
      };
      writeFileSync(join(consumer, 'tsconfig.json'), JSON.stringify(tsconfig, null, 2));
      const body = `
const spec: WorldSpec = { actors: [{ id: 'US', strategy: 'tit-for-tat' }, { id: 'CN', strategy: 'hawk' }] };
const run: Run = simulate(spec, { seed: 1, rounds: 3 });
const rounds: number = run.metrics.length;
export const out = { rounds, arb: typeof arbWorldSpec };
`;
      writeFileSync(
        join(consumer, 'types.mts'),
        `import { simulate, type Run, type WorldSpec } from 'detente';\nimport { arbWorldSpec } from 'detente/testing';\n${body}`,
      );
      writeFileSync(
        join(consumer, 'types.cts'),
        `import detente = require('detente');\nimport testing = require('detente/testing');\nconst { simulate } = detente;\nconst { arbWorldSpec } = testing;\ntype Run = detente.Run;\ntype WorldSpec = detente.WorldSpec;\n${body}`,
      );
      const tsc = spawnSync(process.execPath, [join(root, 'node_modules/typescript/bin/tsc'), '-p', join(consumer, 'tsconfig.json')], {
        cwd: consumer,
        encoding: 'utf8',
        timeout: 120_000,
      });
      expect(tsc.stdout + tsc.stderr).toBe('');
      expect(tsc.status).toBe(0);
      // Older projects resolve with "node10", which reads no exports map: typesVersions gives the
      // subpaths their types. (skipLibCheck: fast-check's own types need a newer resolution.)
      writeFileSync(
        join(consumer, 'tsconfig.node10.json'),
        JSON.stringify({ compilerOptions: { ...tsconfig.compilerOptions, module: 'commonjs', moduleResolution: 'node10', skipLibCheck: true }, files: ['types-node10.ts'] }, null, 2),
      );
      writeFileSync(join(consumer, 'types-node10.ts'), `import { simulate, type Run, type WorldSpec } from 'detente';\nimport { arbWorldSpec } from 'detente/testing';\nimport type { WorkerSweepOptions } from 'detente/node';\nexport const options: WorkerSweepOptions = { seeds: '1' };\n${body}`);
      const old = spawnSync(process.execPath, [join(root, 'node_modules/typescript/bin/tsc'), '-p', join(consumer, 'tsconfig.node10.json')], { cwd: consumer, encoding: 'utf8', timeout: 120_000 });
      expect(old.stdout + old.stderr).toBe('');
      expect(old.status).toBe(0);
    },
    TIMEOUT,
  );

  it(
    "has types for detente/node that a strict TypeScript consumer with Node's types resolves, from ESM and from CommonJS",
    () => {
      // Node's types from the project's own node_modules (the consumer installs none).
      const tsconfig = {
        compilerOptions: { module: 'nodenext', moduleResolution: 'nodenext', target: 'es2022', strict: true, exactOptionalPropertyTypes: true, noUncheckedIndexedAccess: true, typeRoots: [join(root, 'node_modules/@types')], types: ['node'], noEmit: true },
        files: ['node-types.mts', 'node-types.cts'],
      };
      writeFileSync(join(consumer, 'tsconfig.node.json'), JSON.stringify(tsconfig, null, 2));
      const body = `
// Options left undefined are accepted (exactOptionalPropertyTypes), as they are at run time.
export const maybe = (workers: number | undefined, signal: AbortSignal | undefined) => sweepOnWorkers({ name: 'x', rounds: 2, actors: [{ id: 'A' }, { id: 'B' }] }, { seeds: '1', workers, signal, modules: undefined, onRow: undefined });
export async function study(registry: StrategyRegistry): Promise<number> {
  const more: StrategyRegistry = await loadStrategies(new URL('file:///x.mjs'), registry);
  const rows: SweepRow[] = await sweepOnWorkers({ name: 'x', rounds: 2, actors: [{ id: 'A' }, { id: 'B' }] }, { seeds: '1..2', workers: 2, modules: ['./a.mjs'], signal: new AbortController().signal, onRow: (row: SweepRow, done: number) => void [row, done] });
  return rows.length + more.names().length;
}
`;
      writeFileSync(join(consumer, 'node-types.mts'), `import type { StrategyRegistry, SweepRow } from 'detente';\nimport { loadStrategies, sweepOnWorkers } from 'detente/node';\n${body}`);
      writeFileSync(
        join(consumer, 'node-types.cts'),
        `import detente = require('detente');\nimport node = require('detente/node');\nconst { loadStrategies, sweepOnWorkers } = node;\ntype StrategyRegistry = detente.StrategyRegistry;\ntype SweepRow = detente.SweepRow;\n${body}`,
      );
      const tsc = spawnSync(process.execPath, [join(root, 'node_modules/typescript/bin/tsc'), '-p', join(consumer, 'tsconfig.node.json')], { cwd: consumer, encoding: 'utf8', timeout: 120_000 });
      expect(tsc.stdout + tsc.stderr).toBe('');
      expect(tsc.status).toBe(0);
    },
    TIMEOUT,
  );

  it(
    'has a working bin: detente --help exits 0, by path and through node_modules/.bin',
    () => {
      const byPath = spawnSync(process.execPath, [join(installed, 'dist/cli/main.js'), '--help'], { cwd: consumer, encoding: 'utf8', timeout: 60_000 });
      expect(byPath.stderr).toBe('');
      expect(byPath.status).toBe(0);
      expect(byPath.stdout).toMatch(/detente/i);
      if (process.platform !== 'win32') {
        const bin = spawnSync(join(consumer, 'node_modules/.bin/detente'), ['--help'], { cwd: consumer, encoding: 'utf8', timeout: 60_000 });
        expect(bin.status).toBe(0);
        expect(bin.stdout).toBe(byPath.stdout);
      }
    },
    TIMEOUT,
  );
});
