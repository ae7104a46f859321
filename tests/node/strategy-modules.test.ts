// Strategies from files (`loadStrategies`): what a module must export, and a clear error naming
// the file for everything else. tests/cli/load.test.ts runs the same loader in plain Node.
import { mkdtempSync, mkdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { ConfigError, createRegistry, defineStrategy, simulate } from '../../src/index.js';
import { loadStrategies, moduleUrls } from '../../src/node/strategy-modules.js';

const tmp = mkdtempSync(join(tmpdir(), 'detente-modules-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));
const fixture = resolve(import.meta.dirname, 'fixtures/strategies.mjs');

// A strategy written by hand (no `detente` import: these files live outside the package).
const plain = (name: string) => `{ name: '${name}', meta: { stochastic: false, retaliatory: false, forgiving: true, attributionSensitive: false }, operate: () => [], diplomacy: () => [], respond: () => ({ type: 'ignore' }) }`;
let n = 0;
/** A module file with this text, under a fresh name (a module is imported once per name). */
function moduleFile(text: string, ext = '.mjs'): string {
  const file = join(tmp, `m${++n}${ext}`);
  writeFileSync(file, text);
  return file;
}

/** The ConfigError `loadStrategies` rejects with. */
async function failure(modules: Parameters<typeof loadStrategies>[0]): Promise<ConfigError> {
  const e: unknown = await loadStrategies(modules).then(
    () => undefined,
    (x: unknown) => x,
  );
  expect(e).toBeInstanceOf(ConfigError);
  return e as ConfigError;
}

describe('loadStrategies', () => {
  it('registers the default export of a module (strategies and factories) beside the built-ins', async () => {
    const registry = await loadStrategies(fixture);
    expect(registry.has('grudging')).toBe(true);
    expect(registry.has('forgetful')).toBe(true);
    expect(registry.has('hawk')).toBe(true);
    // A factory's parameters reach it.
    expect(registry.get('forgetful', { patience: 5 }).params).toEqual({ patience: 5 });
    // The strategies play.
    const run = simulate({ actors: [{ id: 'US', strategy: registry.get('grudging') }, { id: 'CN', strategy: 'hawk' }] }, { seed: 4, rounds: 6 });
    expect(run.log.some((e) => e.type === 'accusation.made' && e.by === 'US')).toBe(true);
  });

  it('takes a path relative to the working directory, an absolute path, a file: URL text or a URL', async () => {
    const file = moduleFile(`export default ${plain('one')};`);
    for (const given of [file, pathToFileURL(file).href, pathToFileURL(file)]) expect((await loadStrategies(given)).has('one')).toBe(true);
    const cwd = process.cwd();
    process.chdir(tmp);
    try {
      expect((await loadStrategies(`./${file.slice(tmp.length + 1)}`)).has('one')).toBe(true);
    } finally {
      process.chdir(cwd);
    }
  });

  it('adds to a registry it is given, several modules in order, a CommonJS module too', async () => {
    const registry = createRegistry();
    const a = moduleFile(`export default [${plain('alpha')}];`);
    const b = moduleFile(`module.exports = ${plain('beta')};`, '.cjs');
    expect(await loadStrategies([a, b], registry)).toBe(registry);
    expect(registry.names()).toContain('alpha');
    expect(registry.names()).toContain('beta');
  });

  it('names the file and says what is missing: no file, a folder, nothing given', async () => {
    const missing = join(tmp, 'nope.mjs');
    let e = await failure(missing);
    expect(e.message).toContain(missing);
    expect(e.message).toMatch(/nothing at/);
    const folder = join(tmp, 'folder.mjs');
    mkdirSync(folder);
    e = await failure(folder);
    expect(e.message).toMatch(/a directory/);
    e = await failure('');
    expect(e.message).toMatch(/the path of a JavaScript module/);
    e = await failure(new URL('https://example.com/x.js'));
    expect(e.message).toMatch(/a file: URL of this machine, or a path/);
  });

  it("reports a module that throws while it is imported with the module's own error", async () => {
    // (Syntax errors and TypeScript files are checked through the command line, in plain Node:
    // under vitest, modules are imported by vite, which reads TypeScript and words errors its own way.)
    const e = await failure(moduleFile(`throw new Error('broken on purpose'); export default [];`));
    expect(e.message).toMatch(/an error while importing it: broken on purpose/);
    // Something that String() cannot convert: the report is still made.
    const odd = await failure(moduleFile(`throw Object.create(null); export default [];`));
    expect(odd.message).toMatch(/an error while importing it: \[object Object\]/);
    const factory = await failure(moduleFile(`export default [() => { throw Object.create(null); }];`));
    expect(factory.issues[0]).toMatchObject({ path: 'default[0]()', received: 'an error: [object Object]' });
  });

  it('asks for a default export, naming the exports it found', async () => {
    const e = await failure(moduleFile(`export const mine = ${plain('mine')};`));
    expect(e.issues[0]).toMatchObject({ path: 'default', received: 'no default export (it exports mine)' });
    expect(e.message).toMatch(/export default \[mine\]/);
  });

  it('refuses what is not a strategy, with the entry it is at, and registers nothing from that file', async () => {
    const registry = createRegistry();
    const e = await loadStrategies(
      moduleFile(`export default [${plain('fine')}, 42, { name: 'Bad Name', meta: {} }, { name: 'half', meta: { stochastic: false, retaliatory: false, forgiving: true, attributionSensitive: false }, operate() {} }, () => { throw new Error('no defaults'); }, []];`),
      registry,
    ).then(
      () => undefined,
      (x: unknown) => x as ConfigError,
    );
    expect(e).toBeInstanceOf(ConfigError);
    const issues = (e as ConfigError).issues;
    expect(issues.map((i) => i.path)).toEqual(['default[1]', 'default[2]', 'default[3]', 'default[4]()', 'default[5]']);
    expect(issues[0]?.received).toBe('number');
    expect(issues[1]?.received).toMatch(/'Bad Name' \(lower-case letters, digits and dashes only\)/);
    expect(issues[2]?.received).toMatch(/without diplomacy, respond/);
    expect(issues[3]?.received).toMatch(/no defaults/);
    expect(registry.has('fine')).toBe(false);
    expect((await failure(moduleFile('export default [];'))).issues[0]).toMatchObject({ expected: 'at least one strategy' });
  });

  it('checks the meta of a strategy written by hand, as defineStrategy does', async () => {
    const e = await failure(moduleFile("export default { name: 'loose', meta: { stochastic: 'yes', description: 42 }, operate() {}, diplomacy() {}, respond() {} };"));
    expect(e.issues[0]?.received).toBe("'loose', whose meta.stochastic, meta.retaliatory, meta.forgiving, meta.attributionSensitive must be true or false");
    const d = await failure(moduleFile(`export default { name: 'mute', meta: { ...${JSON.stringify({ stochastic: false, retaliatory: false, forgiving: true, attributionSensitive: false })}, description: 42 }, operate() {}, diplomacy() {}, respond() {} };`));
    expect(d.issues[0]?.received).toBe("'mute', whose meta.description must be a text, got 42");
    // Printed as one line of `detente list`: no line break, tab or terminal escape.
    const c = await failure(moduleFile(`export default { name: 'loud', meta: { ...${JSON.stringify({ stochastic: false, retaliatory: false, forgiving: true, attributionSensitive: false })}, description: 'line one\\n\\u001b[31mRED' }, operate() {}, diplomacy() {}, respond() {} };`));
    expect(c.issues[0]?.received).toMatch(/^'loud', whose meta\.description holds a control character/);
    // A misspelt optional flag was left unset without a word; a flag that is no flag was taken.
    const flags = JSON.stringify({ stochastic: false, retaliatory: false, forgiving: true, attributionSensitive: false });
    const a = await failure(moduleFile(`export default { name: 'brash', meta: { ...${flags}, agressive: true }, operate() {}, diplomacy() {}, respond() {} };`));
    expect(a.issues[0]?.received).toBe("'brash', whose meta.agressive is not a meta field; did you mean 'aggressive'? (meta fields: stochastic, retaliatory, forgiving, attributionSensitive, aggressive, normEntrepreneur, description)");
    const n = await failure(moduleFile(`export default { name: 'brash', meta: { ...${flags}, normEntrepreneur: 'yes' }, operate() {}, diplomacy() {}, respond() {} };`));
    expect(n.issues[0]?.received).toBe("'brash', whose meta.normEntrepreneur must be true or false");
  });

  it('reads the default export of a module compiled to CommonJS from ESM (exports.default, __esModule)', async () => {
    // What `tsc --module commonjs` writes for `export const wary = …; export default [wary];`.
    const file = moduleFile(`"use strict";\nObject.defineProperty(exports, "__esModule", { value: true });\nexports.wary = void 0;\nexports.wary = ${plain('compiled')};\nexports.default = [exports.wary];\n`, '.cjs');
    expect((await loadStrategies(file)).has('compiled')).toBe(true);
  });

  it('reports a default export that throws when it is read, at its entry, as an issue and not a crash', async () => {
    let e = await failure(moduleFile("export default [{ get name() { throw new Error('boom getter'); } }];"));
    expect(e.issues[0]).toMatchObject({ path: 'default[0]', received: 'an object that cannot be read: boom getter' });
    e = await failure(moduleFile("export default new Proxy([], { get(t, k) { if (k === 'length') throw new Error('boom length'); return Reflect.get(t, k); } });"));
    expect(e.issues[0]).toMatchObject({ path: 'default', received: 'an error while reading it: boom length' });
    e = await failure(moduleFile("export default new Proxy({}, { get() { throw new Error('boom proxy'); } });"));
    expect(e.issues[0]).toMatchObject({ path: 'default', received: 'an object that cannot be read: boom proxy' });
    // A promise is not a strategy (nor awaited: the threads would have to await it the same way).
    e = await failure(moduleFile(`export default Promise.resolve(${plain('later')});`));
    expect(e.issues[0]).toMatchObject({ path: 'default', received: 'an object whose name is missing' });
  });

  it('registers what it checked: a factory or a getter that answers differently the second time changes nothing', async () => {
    const file = moduleFile(`let calls = 0;
let reads = 0;
const meta = { stochastic: false, retaliatory: false, forgiving: true, attributionSensitive: false };
export default [
  (params) => { if (calls++ > 0 && params === undefined) throw new Error('factory second call'); return { name: 'once-made', meta, params, operate: () => [], diplomacy: () => [], respond: () => ({ type: 'ignore' }) }; },
  { get name() { if (reads++ > 1) throw new Error('name read again'); return 'read-once'; }, meta, operate: () => [], diplomacy: () => [], respond: () => ({ type: 'ignore' }) },
];`);
    const registry = await loadStrategies(file);
    expect(registry.get('once-made').name).toBe('once-made');
    expect(registry.get('read-once').name).toBe('read-once');
    const run = simulate({ actors: [{ id: 'A', strategy: registry.get('read-once') }, { id: 'B', strategy: registry.get('once-made') }] }, { seed: 1, rounds: 3 });
    expect(run.metrics).toHaveLength(3);
    const e = await failure(moduleFile(`export default { name: 'odd-params', meta: ${JSON.stringify({ stochastic: false, retaliatory: false, forgiving: true, attributionSensitive: false })}, params: { rate: 'high' }, operate() {}, diplomacy() {}, respond() {} };`));
    expect(e.issues[0]?.received).toBe("'odd-params', whose params are not an object of finite numbers");
  });

  it('takes each file once, however it is named (twice, or through a link), and resolves every path before the first import', async () => {
    const file = moduleFile(`export default ${plain('once')};`);
    const link = join(tmp, 'link-to-once.mjs');
    symlinkSync(file, link);
    expect(moduleUrls([file, link, pathToFileURL(file)])).toEqual([pathToFileURL(file).href]);
    expect((await loadStrategies([file, link])).has('once')).toBe(true);
  });

  it('refuses a name that is taken: by a built-in, by an earlier module, twice in one module', async () => {
    let e = await failure(moduleFile(`export default ${plain('hawk')};`));
    expect(e.issues[0]).toMatchObject({ path: 'default.name', received: "'hawk', the name of a built-in strategy" });
    const first = moduleFile(`export default ${plain('twin')};`);
    e = await failure([first, moduleFile(`export default ${plain('twin')};`)]);
    expect(e.issues[0]?.received).toBe(`'twin', the name of a strategy of ${first}`);
    e = await failure(moduleFile(`export default [${plain('dup')}, ${plain('dup')}];`));
    expect(e.issues[0]).toMatchObject({ path: 'default[1].name', received: "'dup', the name of an earlier entry of this module" });
    const registry = createRegistry().register(defineStrategy({ name: 'own', meta: { stochastic: false, retaliatory: false, forgiving: true, attributionSensitive: false } }));
    e = await loadStrategies(moduleFile(`export default ${plain('own')};`), registry).then(
      () => new ConfigError([]),
      (x: unknown) => x as ConfigError,
    );
    expect(e.issues[0]?.received).toBe("'own', the name of a strategy already registered");
  });
});
