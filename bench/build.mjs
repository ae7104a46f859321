// Which build of the package a bench script measures: `dist/` of this repository, or the one whose
// index.js `DETENTE_DIST` names (e.g. a private build kept while dist/ is rebuilt). The CLI and the
// sweep worker are taken next to it, so that every part of one report measures the same build.

import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The repository's root directory. */
export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');

/** The measured build's `index.js`. */
export const DIST = process.env.DETENTE_DIST ? resolve(process.env.DETENTE_DIST) : resolve(ROOT, 'dist/index.js');

/** The measured build's command line (`detente`). */
export const CLI = resolve(dirname(DIST), 'cli/main.js');

/** The measured build's sweep worker (what each thread of a sweep's pool runs). */
export const WORKER = resolve(dirname(DIST), 'cli/sweep-worker.js');
