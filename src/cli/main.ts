// The command line: argv → load → run → print/write. No simulation logic lives here.
import { listCommand, runCommand, validateCommand } from './commands.js';
import { reportCommand } from './report.js';
import { playCommand } from './play.js';
import { UsageError, commandsSettled, exitWhenFlushed, runCli, watchStdout } from './run.js';
import { mergeCommand, summarizeCommand, sweepCommand, tournamentCommand } from './experiments.js';
import { LOADING_COMMANDS, loadContext, takeLoadOptions } from './load.js';
import type { CliContext } from './load.js';
import { VERSION } from '../version.js';

const HELP = `detente — a deterministic simulation of cyber diplomacy

Usage:
  detente run <scenario> [--seed N] [--rounds N] [--set PATH=V]... [--format narrative|json|csv] [--out FILE]
  detente validate <scenario> [--set PATH=V]...
  detente report <run.json | game.json | scenario> [--html FILE] [--md FILE] [--seed N] [--rounds N] [--set PATH=V]...
  detente list
  detente play <scenario> --as ACTOR[,ACTOR] [--seed N] [--rounds N] [--set PATH=V]... [--save FILE] [--resume FILE]
  detente sweep <scenario> --seeds 1..1000 [--set PATH=V,...] [--workers N] [--out FILE] [--resume] [--shard i/n]
  detente merge <results>... --out FILE
  detente summarize <results> [--by PARAM]
  detente tournament <scenario> --strategies A,B,... --seeds 1..20 [--roles IDS]
  detente <command> --help | detente --help | detente --version

<scenario> is a .yaml/.yml/.json file or the name of a bundled scenario (see 'detente list').
Strategies of your own: --load FILE (a module that exports them) with run, validate, report,
list, play, sweep and tournament.

Exit codes: 0 ok, 1 runtime error, 2 usage or input error, 141 standard output closed early
(as in 'detente list | head -1': the command stops quietly, like cat or git).

Commands:
  run       run a scenario and print its story (or JSON, or CSV)
  validate  check a scenario file and list every problem
  report    an HTML report with charts and/or a Markdown debrief of a run
  list      list the built-in strategies and the bundled scenarios
  play      play actors of a scenario at the terminal (hot-seat, save and resume)
  sweep     run a scenario over many seeds and a parameter grid, on worker threads
  merge     combine the results files of a sharded sweep
  summarize mean, sd, 95% CI and quantiles of a sweep's metrics per parameter value
  tournament round-robin of strategies over a scenario, ranked by welfare and by peace`;

const out = (text: string) => {
  process.stdout.write(`${text}\n`);
};

watchStdout();

const [command, ...given] = process.argv.slice(2);
let context: CliContext = {};
let rest = given;
let loaded = true;
// Whether code of the user's may have run in this process (a module imported, even one of several that failed).
let importing = false;
// Strategy modules are imported before the command runs: importing is asynchronous, the commands
// are not. Any problem with one (a missing file, no default export, a taken name) is exit 2.
try {
  if (command !== undefined && LOADING_COMMANDS.has(command)) {
    const taken = takeLoadOptions(given);
    rest = taken.rest;
    // Help is shown whatever the modules are.
    if (!asksForHelp(rest) && taken.modules.length > 0) {
      importing = true;
      context = await loadContext(taken.modules);
    }
  } else if (command === '--load' || command?.startsWith('--load=')) {
    throw new UsageError("--load goes after the command, e.g. 'detente run my.yaml --load my-strategies.js'");
  }
} catch (e) {
  loaded = false;
  process.exitCode = runCli(() => {
    throw e;
  });
}
if (loaded) process.exitCode = runCli(() => dispatch(command, rest, context));
// A module's open timer or socket would keep the process alive after the command: once every
// command's work is over, it ends (docs/engine.md, "Strategies from files").
if (importing) {
  await commandsSettled();
  exitWhenFlushed();
}

/** Whether a command's arguments ask for its help (before any `--`). */
function asksForHelp(args: readonly string[]): boolean {
  const end = args.indexOf('--');
  return (end < 0 ? args : args.slice(0, end)).some((a) => a === '-h' || a === '--help');
}

function dispatch(command: string | undefined, rest: readonly string[], context: CliContext): number {
  switch (command) {
    case 'run':
      return runCommand(rest, out, context);
    case 'validate':
      return validateCommand(rest, out, context);
    case 'list':
      return listCommand(rest, out, context);
    case 'report':
      return reportCommand(rest, out, context);
    case 'play':
      return playCommand(rest, out, context);
    case 'sweep':
      return sweepCommand(rest, out, context);
    case 'merge':
      return mergeCommand(rest, out);
    case 'summarize':
      return summarizeCommand(rest, out);
    case 'tournament':
      return tournamentCommand(rest, out, context);
    case '-h':
    case '--help':
    case 'help':
      out(HELP);
      return 0;
    case '-v':
    case '--version':
      out(VERSION);
      return 0;
    case undefined:
      process.stderr.write(`${HELP}\n`);
      return 2;
    default:
      throw new UsageError(`unknown command '${command}' (try 'detente --help')`);
  }
}
