// The command line: argv → load → run → print/write. No simulation logic lives here.
import { listCommand, runCommand, validateCommand } from './commands.js';
import { reportCommand } from './report.js';
import { playCommand } from './play.js';
import { UsageError, runCli, watchStdout } from './run.js';
import { mergeCommand, summarizeCommand, sweepCommand, tournamentCommand } from './experiments.js';

const HELP = `detente — a deterministic simulation of cyber diplomacy

Usage:
  detente run <scenario> [--seed N] [--rounds N] [--format narrative|json|csv] [--out FILE]
  detente validate <scenario>
  detente report <run.json | scenario> [--html FILE] [--md FILE] [--seed N] [--rounds N]
  detente list
  detente play <scenario> --as ACTOR[,ACTOR] [--seed N] [--rounds N] [--save FILE] [--resume FILE]
  detente sweep <scenario> --seeds 1..1000 [--set PATH=V,...] [--workers N] [--out FILE] [--resume] [--shard i/n]
  detente merge <results>... --out FILE
  detente summarize <results> [--by PARAM]
  detente tournament <scenario> --strategies A,B,... --seeds 1..20 [--roles IDS]
  detente <command> --help | detente --help | detente --version

<scenario> is a .yaml/.yml/.json file or the name of a bundled scenario (see 'detente list').

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

declare const __VERSION__: string | undefined;
const VERSION = typeof __VERSION__ === 'string' ? __VERSION__ : 'dev';

const out = (text: string) => {
  process.stdout.write(`${text}\n`);
};

watchStdout();

process.exitCode = runCli(() => {
  const [command, ...rest] = process.argv.slice(2);
  switch (command) {
    case 'run':
      return runCommand(rest, out);
    case 'validate':
      return validateCommand(rest, out);
    case 'list':
      return listCommand(rest, out);
    case 'report':
      return reportCommand(rest, out);
    case 'play':
      return playCommand(rest, out);
    case 'sweep':
      return sweepCommand(rest, out);
    case 'merge':
      return mergeCommand(rest, out);
    case 'summarize':
      return summarizeCommand(rest, out);
    case 'tournament':
      return tournamentCommand(rest, out);
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
});
