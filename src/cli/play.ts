// `detente play`: students play one or more actors at the terminal (hot-seat for several); the
// other actors follow their strategies. Reads lines with readline, so it works both at a TTY and
// with scripted standard input. All game logic lives in src/play; all sentences in src/text.
import { parseCommandArgs, roundsOf, seedOf } from './args.js';
import { readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join, resolve as resolvePath } from 'node:path';
import { createInterface } from 'node:readline';
import { ConfigError, formatSummary, roundHeading, scenarioAt } from '../index.js';
import type { RunSettings, Scenario, ScenarioDocument } from '../index.js';
import { showControlCharacters } from '../model/control-characters.js';
import { actionCommand, commandForms, describeTurn, legalOptions, parseCommand, PlayError, PlayGame, PLAY_EN, requestLine, resumeGame, saveGame, turnHeading } from '../play/index.js';
import { laterText } from '../text/play.en.js';
import { settingsText } from '../report/record.js';
import { readOverrides, refuseTwoRounds, setHelp, withOverrides } from './overrides.js';
import type { PlayText, Turn } from '../play/index.js';
import { parseLeaveCommand } from '../play/commands.js';
import { checkOutputs, loadScenario, withLoadHints, writeFileAtomic } from './files.js';
import { notAnEarlierSave } from '../play/save.js';
import { finishLater, onStdoutClosed, UsageError, WriteError } from './run.js';
import { loadedFiles, loadHelp } from './load.js';
import type { CliContext } from './load.js';
import { jsonSyntaxIssue } from '../scenario/read.js';
import { shownTitle } from '../scenario/title.js';
import { encodingIssue, withoutByteOrderMark } from '../model/bom.js';

type Out = (text: string) => void;


export const PLAY_HELP = `detente play <scenario> --as ACTOR[,ACTOR…] [options]
detente play --resume FILE [options]

Play one or more actors of a scenario at the terminal; the other actors follow their strategies.
With several actors (--as US,CN) the players take turns at one keyboard (hot-seat).
Each turn shows what your actor knows and numbered options; type a number or a command.
Type 'help' at the prompt for every command.

Options:
  --as A[,B]      The actor(s) you play (ids of the scenario, e.g. US or US,CN).
  --seed N        Master seed (default: the scenario's own, else 1).
  --rounds N      Number of rounds (default: the scenario's).
  --save FILE     Save the game to FILE after every round, on 'save', on 'quit' and at the end
                  of input, so it can be resumed after a break. Checked before the first round:
                  its folder must exist, and it may not be a folder or the scenario file.
                  If it cannot be written on 'quit' or after the last round, the prompt stays:
                  'save OTHER-FILE' then 'quit', or 'quit without saving'. At the end of input
                  the game goes to a new file NAME.rescued.json instead (exit code 2).
                  An existing FILE is replaced only if it is a save of this same game (at this
                  point or an earlier one), as the --resume file is; anything else is refused.
  --force         Replace an existing --save FILE that is not a save of this game.
  --resume FILE   Continue a saved game exactly where it stopped (saves back to FILE unless
                  --save names another file). The scenario argument may be left out.
${setHelp(18)}
                  Kept in the save; a resumed game keeps its own (no --set with --resume).
${loadHelp(18)}
  -h, --help      Show this help.`;

interface PlayOptions {
  readonly game: PlayGame;
  readonly saveFile: string | undefined;
  /** The scenario file the game was started from, when given, and the `--load` modules: never saved over. */
  readonly inputs: readonly string[];
  readonly resumedFrom: string | undefined;
  readonly text: PlayText;
  /** The files (resolved) a save may replace whatever they hold: the --resume file, the --save file once checked, and those saved to. */
  readonly replaceable: Set<string>;
}

/** The most bytes read as text to tell whether a file is a save (about V8's longest string). */
const MAX_TEXT_BYTES = 2 ** 29;

/**
 * A save never replaces a file of the user's by surprise (a scenario, a results table, the save of
 * another game): an existing file not in `replaceable` must be a save of this same game at this
 * point or an earlier one, which the game's next save merely carries on. Reads only regular
 * files (checkOutputs refused the others).
 */
function refuseOthersFile(file: string, flag: string, game: PlayGame, replaceable: ReadonlySet<string>, how: string): void {
  if (replaceable.has(resolvePath(file))) return;
  let raw: string;
  try {
    // Larger than the longest text JavaScript holds: no save (resuming reads it whole), not read.
    if (statSync(file).size > MAX_TEXT_BYTES) throw Object.assign(new Error('too large to be a save'), { code: 'too large to be a save' });
    raw = readFileSync(file, 'utf8');
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') return; // Not there: nothing to lose.
    // Unreadable, or too large to be read as text: it cannot be told to be a save, so it is kept.
    throw new UsageError(`will not write '${file}' (${flag}): it already exists, and it cannot be read to check that it is a save of this game (${code ?? (e as Error).message})${how}`);
  }
  let data: unknown;
  try {
    data = JSON.parse(withoutByteOrderMark(raw));
  } catch {
    data = undefined;
  }
  const why = notAnEarlierSave(data, game);
  if (why === undefined) return;
  const aSave = typeof data === 'object' && data !== null && (data as { format?: unknown }).format === 'detente-play';
  throw new UsageError(`will not write '${file}' (${flag}): it already exists, and ${why}${aSave ? `; to go on with that game: detente play --resume ${file}` : ''}${how}`);
}

/**
 * Check the flags, load or resume the game (problems are usage errors: exit code 2), then play it
 * from standard input. Returns at once; the game sets `process.exitCode` when it ends.
 */
export function playCommand(args: readonly string[], out: Out, context: CliContext = {}): number {
  const text = PLAY_EN;
  const { values, positionals } = parseCommandArgs(args, {
    as: { type: 'string' },
    seed: { type: 'string' },
    rounds: { type: 'string' },
    save: { type: 'string' },
    resume: { type: 'string' },
    force: { type: 'boolean' },
    set: { type: 'string', multiple: true },
    help: { type: 'boolean', short: 'h' },
  });
  if (values.help) {
    out(PLAY_HELP);
    return 0;
  }
  if (positionals.length > 1) throw new UsageError(`unexpected argument '${positionals[1]}'`);
  const rounds = values.rounds === undefined ? undefined : roundsOf(values.rounds);
  const seed = values.seed === undefined ? undefined : seedOf(values.seed);
  const humans = values.as === undefined ? undefined : values.as.split(',').filter((s) => s.trim() !== '');
  // --force only lets --save replace a file of the user's: without --save it would be ignored.
  if (values.force === true && values.save === undefined) throw new UsageError("--force applies to --save (it lets --save replace an existing file that is not a save of this game); there is no --save here");
  const overrides = readOverrides(values.set, 'play');
  refuseTwoRounds(values.rounds, overrides);
  // A saved game is played on as it was set up: its scenario (the changes written in) is in the save.
  if (values.resume !== undefined && values.set !== undefined) throw new UsageError(`--set applies to a new game; '${values.resume}' is a saved game, resumed as it was set up (its changes, if any, are in the save)`);
  let game: PlayGame;
  let scenarioFile: string | undefined;
  try {
    if (values.resume !== undefined) {
      ({ game, scenarioFile } = resume(values.resume, positionals[0], { humans, seed, rounds }, text, context));
    } else {
      const arg = positionals[0];
      if (arg === undefined) throw new UsageError('play needs a scenario (a file or a bundled name), or --resume FILE');
      if (humans === undefined) throw new UsageError(`${text.noHumans} (see 'detente play --help')`);
      const loaded = loadScenario(arg, context.registry);
      scenarioFile = loaded.path;
      const scenario = withOverrides(loaded.scenario, overrides, context.registry);
      const changed = Object.keys(overrides).length > 0 ? { settings: overrides } : {};
      const registry = context.registry !== undefined ? { registry: context.registry } : {};
      game = PlayGame.start({ scenario, humans, ...(seed !== undefined ? { seed } : {}), ...(rounds !== undefined ? { rounds } : {}), text, ...changed, ...registry });
      // A strategy of an actor people play never decides: the what-if would change nothing it says it changes.
      for (const id of game.humans) {
        const idle = Object.keys(overrides).find((path) => path === `actors.${id}.strategy` || path.startsWith(`actors.${id}.strategy.`));
        if (idle !== undefined) throw new UsageError(`--set ${idle}: ${id} is played by people (--as), so its strategy never decides; leave this --set out, or play another actor`);
      }
    }
  } catch (e) {
    if (e instanceof PlayError) throw new UsageError(e.message);
    throw e;
  }
  const saveFile = values.save ?? values.resume;
  // Before the first round: a save file that cannot be written would end the game after it.
  const inputs = [...(scenarioFile === undefined ? [] : [scenarioFile]), ...loadedFiles(context)];
  const replaceable = new Set<string>();
  if (saveFile !== undefined) {
    const flag = values.save !== undefined ? '--save' : '--resume';
    checkOutputs([{ flag, path: saveFile }], { inputs });
    if (values.resume !== undefined) replaceable.add(resolvePath(values.resume));
    if (values.force !== true) refuseOthersFile(saveFile, flag, game, replaceable, "; choose another file, or pass --force to replace it");
    replaceable.add(resolvePath(saveFile));
  }
  const options: PlayOptions = { game, saveFile, inputs, replaceable, resumedFrom: values.resume, text };
  return finishLater(play(options, out));
}

function resume(file: string, scenarioArg: string | undefined, given: { humans: string[] | undefined; seed: string | number | undefined; rounds: number | undefined }, text: PlayText, context: CliContext): { game: PlayGame; scenarioFile: string | undefined } {
  let raw: string;
  try {
    raw = readFileSync(file, 'utf8');
  } catch (e) {
    throw new UsageError(text.notAGame(file, `cannot read it (${(e as NodeJS.ErrnoException).code ?? String(e)})`));
  }
  const encoding = encodingIssue(raw);
  if (encoding) throw new UsageError(text.notAGame(file, `${encoding.received}: ${encoding.hint ?? `expected ${encoding.expected}`}`));
  // A save edited by hand in Notepad reads as JSON, as a scenario file does.
  const json = withoutByteOrderMark(raw);
  let data: unknown;
  try {
    data = JSON.parse(json);
  } catch (e) {
    // Where it breaks, as for a scenario file: V8's message quoted the text across lines, with no line or column.
    const issue = jsonSyntaxIssue(json, e);
    throw new UsageError(text.notAGame(file, `not JSON (${issue.path}: ${issue.received})`));
  }
  const game = withLoadHints(() => resumeGame(data, { source: file, text, ...(context.registry !== undefined ? { registry: context.registry } : {}) }), context.registry);
  let scenarioFile: string | undefined;
  if (scenarioArg !== undefined) {
    const { scenario, path } = loadScenario(scenarioArg, context.registry);
    scenarioFile = path;
    // A what-if's save holds the file with its changes written in: the file named is compared with those changes made.
    if (JSON.stringify(asPlayed(scenario, game.settings, context)) !== JSON.stringify(game.scenario.document)) throw new UsageError(text.scenarioChanged(file));
  }
  if (given.humans !== undefined) {
    const named = PlayGame.start({ scenario: game.scenario, humans: given.humans, rounds: 1, text }).humans;
    if (named.join(',') !== game.humans.join(',')) throw new UsageError(text.optionMismatch('--as', named.join(','), game.humans.join(',')));
  }
  if (given.seed !== undefined && String(given.seed) !== String(game.seed)) throw new UsageError(text.optionMismatch('--seed', String(given.seed), String(game.seed)));
  if (given.rounds !== undefined && given.rounds !== game.rounds) throw new UsageError(text.optionMismatch('--rounds', String(given.rounds), String(game.rounds)));
  return { game, scenarioFile };
}

async function play(o: PlayOptions, out: Out): Promise<number> {
  const { game, text } = o;
  const leave = laterText(text);
  const scenario: Scenario = game.scenario;
  const tty = Boolean(process.stdin.isTTY && process.stdout.isTTY);
  const rl = createInterface({ input: process.stdin, output: process.stdout, terminal: tty });
  rl.on('SIGINT', () => rl.close());
  // A reader that stopped reading (| head) ends the game as the end of input does (saving it).
  const forget = onStdoutClosed(() => rl.close());
  const lines = rl[Symbol.asyncIterator]();
  const ask = async (prompt: string): Promise<string | null> => {
    rl.setPrompt(prompt);
    rl.prompt();
    const next = await lines.next();
    if (next.done) return null;
    // Piped input is not echoed by a terminal: echo it so a transcript reads like a session, with
    // any control character shown, not executed (the line itself is refused by parseCommand).
    if (!tty) process.stdout.write(`${showControlCharacters(next.value)}\n`);
    return next.value;
  };
  const saveText = () => `${JSON.stringify(saveGame(game), null, 2)}\n`;
  // The last save typed at the prompt, to leave without --save saying where the game is (if
  // nothing was entered since), not that it was never saved.
  let typedSave: { readonly file: string; readonly text: string } | null = null;
  const unchangedSince = (): string | undefined => (typedSave !== null && typedSave.text === saveText() ? typedSave.file : undefined);
  const save = (file: string) => {
    const content = saveText();
    writeFileAtomic(file, content);
    return content;
  };
  // A save that fails is explained and the game goes on: after a round, at the prompt, and on
  // 'quit' or after the last round, where the player then saves elsewhere or leaves on purpose
  // ('quit without saving'): the class never loses a game to a file it cannot write.
  const trySave = (file: string, flag: string): boolean => {
    try {
      checkOutputs([{ flag, path: file }], { inputs: o.inputs });
      refuseOthersFile(file, flag, game, o.replaceable, '; choose another file');
      const content = save(file);
      o.replaceable.add(resolvePath(file));
      if (flag === 'save') typedSave = { file, text: content };
      return true;
    } catch (e) {
      if (!(e instanceof UsageError) && !(e instanceof WriteError)) throw e;
      out(e.message);
      return false;
    }
  };
  // Leaving: the --save file written, else the file last typed at 'save' if nothing was entered
  // since; undefined when the game is in neither (the failure was explained).
  const leftIn = (file: string): string | undefined => (trySave(file, '--save') ? file : unchangedSince());
  // Nobody is left to ask: the game is kept in a new file (or said to be lost), and the command
  // fails with the save's error, so a script sees it.
  const endOfInput = (round: number): number => {
    if (o.saveFile === undefined) {
      const file = unchangedSince();
      out(`\n${file === undefined ? text.eofUnsaved(round) : text.eofSaved(file)}`);
      return 0;
    }
    try {
      checkOutputs([{ flag: '--save', path: o.saveFile }], { inputs: o.inputs });
      save(o.saveFile);
      out(`\n${text.eofSaved(o.saveFile)}`);
      return 0;
    } catch (e) {
      if (!(e instanceof UsageError) && !(e instanceof WriteError)) throw e;
      const typed = unchangedSince();
      const kept = typed !== undefined ? { file: typed, tried: [] } : rescue(o.saveFile, saveText());
      const why = `${e.message}; ${kept.file !== undefined ? leave.eofRescued(kept.file) : leave.eofLost(round, kept.tried.join(', '))}`;
      throw e instanceof UsageError ? new UsageError(why) : new WriteError(why, { cause: e });
    }
  };
  const label = (round: number) => roundHeading(scenario.calendar, round);
  try {
    const others = scenario.spec.actors.map((a) => a.id).filter((id) => !game.humans.includes(id));
    out(text.gameStart(shownTitle(scenario), String(game.seed), game.rounds, game.humans.join(', '), others.join(', ')));
    const changed = settingsText(game, showControlCharacters);
    if (changed) out(leave.whatIf(changed));
    if (o.resumedFrom !== undefined) out(text.resumed(o.resumedFrom, game.run.world.round, game.decisions.length));
    let lastActor: string | null = null;
    let shown = '';
    for (let turn = game.turn; turn !== null; turn = game.turn) {
      const key = `${turn.round}\u0000${turn.phase}\u0000${turn.actor}\u0000${turn.request?.id ?? ''}`;
      if (key !== shown) {
        if (game.humans.length > 1 && turn.actor !== lastActor) out(`\n${text.passKeyboard(turn.actor)}`);
        lastActor = turn.actor;
        shown = key;
        showTurn(turn, game, text, scenario, out);
      }
      const line = await ask(text.prompt(turn.actor, turn.round, turn.phase));
      if (line === null) return endOfInput(turn.round);
      const parsed = parseCommand(line, turn, text);
      if (!parsed.ok) {
        out(parsed.message);
        continue;
      }
      const before = game.roundsPlayed;
      const c = parsed.command;
      switch (c.kind) {
        case 'empty':
          continue;
        case 'help':
          out([text.formsHeading, ...commandForms(turn.phase, text).map((f) => `  ${f}`), ...text.metaHelp].join('\n'));
          continue;
        case 'actions':
          showOptions(turn, game, text, out);
          continue;
        case 'status':
          showTurn(turn, game, text, scenario, out, true);
          continue;
        case 'undo': {
          const removed = game.undo();
          out(removed === undefined ? text.nothingToUndo : text.undone(actionCommand(removed)));
          continue;
        }
        case 'save': {
          const file = c.file ?? o.saveFile;
          if (file === undefined) out(text.saveNeedsFile);
          else if (trySave(file, 'save')) out(text.saved(file));
          continue;
        }
        case 'quit': {
          if (c.withoutSaving === true || o.saveFile === undefined) {
            const file = unchangedSince();
            out(file !== undefined ? text.quitSaved(file) : c.withoutSaving === true ? leave.quitWithoutSaving(turn.round) : text.quitUnsaved(turn.round));
            return 0;
          }
          const file = leftIn(o.saveFile);
          if (file === undefined) {
            out(leave.quitSaveFailed(o.saveFile));
            continue;
          }
          out(text.quitSaved(file));
          return 0;
        }
        case 'action': {
          // parseCommand checked the action against the same view: what queue() can still refuse
          // is a sentence about the turn (the operations of the round are used up), not a usage.
          const reason = game.queue(c.action);
          out(reason === null ? text.queuedOne(c.text) : reason);
          continue;
        }
        case 'answer':
        case 'done':
        case 'pass': {
          if (turn.request) {
            const response = c.kind === 'answer' ? c.response : { type: 'ignore' as const };
            const reason = game.answer(response);
            if (reason !== null) {
              out(reason);
              continue;
            }
            out(text.answered(turn.actor, c.kind === 'answer' ? c.text : 'ignore'));
          } else if (c.kind === 'answer') {
            out(text.notAnAnswerPhase);
            continue;
          } else if (c.kind === 'pass' && game.queued.length > 0) {
            out(text.passWithQueue(game.queued.length));
            continue;
          } else {
            const n = game.queued.length;
            game.finishTurn();
            out(text.submitted(turn.actor, n));
          }
          if (game.roundsPlayed > before) {
            out(text.roundDone(label(game.run.world.round - 1)));
            // After the last round the game-over save below is the one (a failure is said once, with what to do then).
            if (o.saveFile !== undefined && game.turn !== null && !trySave(o.saveFile, '--save')) out(leave.roundSaveFailed(o.saveFile));
          }
          continue;
        }
      }
    }
    out(`\n${text.gameOver(game.roundsPlayed)}\n`);
    // The actors the class played are said as the debrief and the HTML report say them.
    out(formatSummary(game.run, undefined, { players: game.humans }));
    if (o.saveFile === undefined || trySave(o.saveFile, '--save')) return 0;
    // The last round is played but not saved: the class stays at a prompt until it is saved
    // elsewhere or left on purpose (the report of the debrief reads the save).
    const round = game.run.world.round;
    out(leave.gameOverSaveFailed(o.saveFile));
    for (;;) {
      const line = await ask(leave.gameOverPrompt);
      if (line === null) return endOfInput(round);
      const parsed = parseLeaveCommand(line, text);
      if (!parsed.ok) {
        out(parsed.message);
        continue;
      }
      const c = parsed.command;
      if (c.kind === 'save') {
        const file = c.file ?? o.saveFile;
        if (trySave(file, 'save')) out(text.saved(file));
      } else if (c.kind === 'help') {
        out(leave.gameOverSaveFailed(o.saveFile));
      } else if (c.kind === 'quit') {
        const file = c.withoutSaving === true ? unchangedSince() : leftIn(o.saveFile);
        if (file !== undefined) {
          out(text.saved(file));
          return 0;
        }
        if (c.withoutSaving === true) {
          out(leave.quitWithoutSaving(round));
          return 0;
        }
        out(leave.gameOverSaveFailed(o.saveFile));
      }
    }
  } finally {
    forget();
    rl.close();
  }
}

// A responses turn opens with the request alone (there may be several in a row); 'status' shows
// what the actor knows there too, as it does in the other phases.
function showTurn(turn: Turn, game: PlayGame, text: PlayText, scenario: Scenario, out: Out, status = false): void {
  const lines = ['', turnHeading(turn, scenario.calendar, text), text.phaseHint(turn.phase)];
  if (!turn.request || status) lines.push(...describeTurn(turn, text));
  if (turn.request) lines.push(`(${turn.index}/${turn.of}) ${requestLine(turn.request, text, turn.view.mechanisms).trim()}`);
  out(lines.join('\n'));
  showOptions(turn, game, text, out);
}

function showOptions(turn: Turn, game: PlayGame, text: PlayText, out: Out): void {
  const options = legalOptions(turn, text);
  const width = String(options.length).length;
  const lines = [text.optionsHeading, ...options.map((opt, k) => `  ${String(k + 1).padStart(width)}. ${opt.command.padEnd(28)} ${opt.what}`)];
  if (!turn.request) {
    lines.push(game.queued.length === 0 ? text.nothingQueued : text.queued(game.queued.length, turn.phase === 'operations' ? turn.view.mechanisms.operations.maxPerRound : null, game.queued.map(actionCommand).join('; ')));
    lines.push(text.optionsFooter);
  }
  out(lines.join('\n'));
}

/** The document of `scenario` with a saved game's settings written in (undefined when they no longer fit it: the file changed). */
function asPlayed(scenario: Scenario, settings: RunSettings | undefined, context: CliContext): ScenarioDocument | undefined {
  if (settings === undefined) return scenario.document;
  try {
    return scenarioAt(scenario.document, settings, context.registry).document;
  } catch (e) {
    if (e instanceof ConfigError) return undefined;
    throw e;
  }
}

/**
 * Keep a game whose save file cannot be written, once nobody is left to ask: a new file (never
 * one that exists) named after the save, `game.json` → `game.rescued.json` (or `-2`, `-3`…),
 * in the current folder, else in the system's temporary folder. The name written, or every
 * place tried when none could be.
 */
function rescue(saveFile: string, content: string): { readonly file?: string; readonly tried: readonly string[] } {
  const stem = basename(saveFile).replace(/\.json$/i, '') || 'game';
  const tried: string[] = [];
  let here: string | undefined;
  try {
    here = process.cwd();
  } catch {
    // The current folder was removed too.
  }
  const places = [...(here === undefined ? [] : [{ dir: here, shown: (name: string) => name }]), { dir: tmpdir(), shown: (name: string) => join(tmpdir(), name) }];
  for (const { dir, shown } of places) {
    for (let k = 1; k <= 20; k++) {
      const name = `${stem}.rescued${k === 1 ? '' : `-${k}`}.json`;
      try {
        writeFileSync(join(dir, name), content, { flag: 'wx' });
        return { file: shown(name), tried };
      } catch (e) {
        const code = (e as NodeJS.ErrnoException).code;
        if (code === 'EEXIST' && k < 20) continue;
        // Created but not written whole (a full disk): not left behind as a save that does not read.
        if (code !== 'EEXIST' && code !== 'EACCES') rmSync(join(dir, name), { force: true });
        tried.push(shown(name));
        break;
      }
    }
  }
  return { tried };
}
