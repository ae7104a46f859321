// The command line: argv → run → print. No simulation logic lives here.
import { parseArgs } from 'node:util';
import { DEMO_ROUNDS, DEMO_SCENARIO, demoRoundLabel, formatSummary, narrateRun, simulate } from '../index.js';
import { UsageError, runCli } from './run.js';

const HELP = `detente — a deterministic simulation of cyber diplomacy

Usage:
  detente [demo] [--seed N] [--rounds N] [--format narrative|json] [--verbose] [--no-truth]
  detente --help | --version

Commands:
  demo        Run the built-in demo (the US, China and a hidden Chinese proxy, 24 months)
              and print its story and closing summary. This is the default.

Options:
  --seed N       Master seed (default 1). Same seed, same story.
  --rounds N     Number of rounds (default ${DEMO_ROUNDS}).
  --format F     narrative (default) or json (the whole event log and metrics).
  --verbose      Also tell investigation updates, adopted norms and rejected actions.
  --no-truth     Hide what only the engine knows (covert operations, false alarms).
  -h, --help     Show this help.
  -v, --version  Show the version.

Exit codes: 0 ok, 1 runtime error, 2 usage or input error.`;

process.exitCode = runCli(() => {
  const { values, positionals } = parseArgs({
    args: process.argv.slice(2),
    allowPositionals: true,
    strict: true,
    options: {
      seed: { type: 'string' },
      rounds: { type: 'string' },
      format: { type: 'string' },
      verbose: { type: 'boolean' },
      'no-truth': { type: 'boolean' },
      help: { type: 'boolean', short: 'h' },
      version: { type: 'boolean', short: 'v' },
    },
  });
  if (values.help) return print(HELP);
  if (values.version) return print(VERSION);
  const command = positionals[0] ?? 'demo';
  if (command !== 'demo') throw new UsageError(`unknown command '${command}' (try 'detente --help')`);
  if (positionals.length > 1) throw new UsageError(`unexpected argument '${positionals[1]}'`);
  const seed = values.seed ?? '1';
  const rounds = values.rounds === undefined ? DEMO_ROUNDS : wholeNumber('--rounds', values.rounds);
  const format = values.format ?? 'narrative';
  if (format !== 'narrative' && format !== 'json') throw new UsageError(`--format must be narrative or json, not '${format}'`);
  const run = simulate(DEMO_SCENARIO, { seed: /^-?\d+$/.test(seed) ? Number(seed) : seed, rounds });
  if (format === 'json') return print(JSON.stringify({ seed, rounds, log: run.log, metrics: run.metrics }));
  const truth = values['no-truth'] !== true;
  const verbose = values.verbose === true;
  print(`Détente demo — seed ${seed}, ${rounds} monthly rounds\n`);
  print(narrateRun(run, { truth, verbose, roundLabel: demoRoundLabel }).join('\n'));
  print(`\nSummary after ${rounds} rounds\n`);
  print(formatSummary(run));
  return 0;
});

function print(text: string): 0 {
  process.stdout.write(`${text}\n`);
  return 0;
}

function wholeNumber(flag: string, v: string): number {
  if (!/^\d+$/.test(v)) throw new UsageError(`${flag} must be a whole number ≥ 0, not '${v}'`);
  return Number(v);
}

declare const __VERSION__: string | undefined;
const VERSION = typeof __VERSION__ === 'string' ? __VERSION__ : 'dev';

