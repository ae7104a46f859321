// The commands a player types, and the options offered each turn. Command words are a fixed
// vocabulary (like command-line flags); every sentence shown comes from the PlayText catalogue.
import type { ActorView } from '../engine/contract.js';
import { validateAction, validateResponse } from '../engine/validate.js';
import { TERM_FIELDS } from '../engine/world.js';
import type { Action, Response } from '../model/action.js';
import { RESPONSE_TYPES, RESPONSES_BY_KIND, RETALIATION_KINDS } from '../model/action.js';
import type { Commitment, CommitmentKind } from '../model/agreement.js';
import { COMMITMENT_KINDS, SANCTION_MEASURES } from '../model/agreement.js';
import { relevantCapability } from '../model/attribution.js';
import { controlCharacter } from '../model/control-characters.js';
import type { DecisionPhase } from '../model/event.js';
import { DECISION_PHASES } from '../model/event.js';
import { GGE15_NORM_IDS, isKnownNorm } from '../model/norms.js';
import type { OperationKind, OperationTarget } from '../model/operation.js';
import { OPERATION_KINDS } from '../model/operation.js';
import { suggest } from '../strategies/registry.js';
import { laterText, PLAY_EN } from '../text/play.en.js';
import type { PlayText } from '../text/play.en.js';
import type { Turn } from './game.js';
import { accusationsAgainst, normTitle, othersOf, validationWorld } from './knowledge.js';

/**
 * What a typed line asks for: an action to queue, an answer to a request, or a command about the
 * game itself.
 *
 * @example
 * ```ts
 * const parsed = parseCommand('pass', turn);
 * if (parsed.ok && parsed.command.kind === 'action') game.queue(parsed.command.action);
 * const save: Command = { kind: 'save', file: 'game.json' };
 * ```
 */
export type Command =
  | { readonly kind: 'action'; readonly action: Action; readonly text: string }
  | { readonly kind: 'answer'; readonly response: Response; readonly text: string }
  | { readonly kind: 'done' | 'pass' | 'undo' | 'help' | 'actions' | 'status' | 'empty' }
  | { readonly kind: 'save'; readonly file?: string }
  /** `withoutSaving`: typed as `quit without saving`, to leave a game whose save cannot be written. */
  | { readonly kind: 'quit'; readonly withoutSaving?: true };

/**
 * The result of {@link parseCommand}: a command, or a message saying what was wrong and what would be accepted.
 *
 * @example
 * ```ts
 * const parsed: ParsedCommand = parseCommand('acuse CN', turn);
 * if (!parsed.ok) console.log(parsed.message); // what was wrong, and what would be accepted
 * ```
 */
export type ParsedCommand = { readonly ok: true; readonly command: Command } | { readonly ok: false; readonly message: string };

/**
 * One numbered option of a turn: a command that parses to a legal action (or answer), and what it does.
 *
 * @example
 * ```ts
 * legalOptions(turn).forEach((o, k) => console.log(`${k + 1}. ${o.command}: ${o.what}`));
 * ```
 */
export interface LegalOption {
  readonly command: string;
  readonly what: string;
}

const META: Readonly<Record<string, Command['kind']>> = {
  done: 'done',
  pass: 'pass',
  undo: 'undo',
  help: 'help',
  '?': 'help',
  actions: 'actions',
  options: 'actions',
  status: 'status',
  look: 'status',
  save: 'save',
  quit: 'quit',
  exit: 'quit',
};
/** The words after `quit` that leave without saving. */
const QUIT_WITHOUT_SAVING = 'without saving';
const OPERATION_VERBS = ['operate', 'spy', 'disrupt', 'degrade'] as const;
const DIPLOMACY_VERBS = ['accuse', 'hotline', 'share', 'assistance', 'sanction', 'lift', 'threaten', 'adopt', 'retaliate', 'deny', 'propose', 'table', 'suspend', 'resume', 'withdraw'] as const;
const AGAINST: Readonly<Record<string, OperationTarget>> = { networks: 'networks', infrastructure: 'critical-infrastructure', 'critical-infrastructure': 'critical-infrastructure', cert: 'cert' };
// The terms written as a bare kind (`hotline`) take neither norms nor rounds; those written `kind[:rounds]` take rounds.
const SIMPLE_TERMS = COMMITMENT_KINDS.filter((k) => !TERM_FIELDS[k].norms && TERM_FIELDS[k].rounds === null);
const COUNTED_TERMS = COMMITMENT_KINDS.filter((k) => TERM_FIELDS[k].rounds !== null);

/** The command words of a phase (without the commands about the game). @example `commandWords('responses') // ['deny', …]` */
export function commandWords(phase: DecisionPhase): readonly string[] {
  return phase === 'operations' ? OPERATION_VERBS : phase === 'diplomacy' ? DIPLOMACY_VERBS : RESPONSE_TYPES;
}

/**
 * Read one typed line for a turn. Action commands are checked with `validateAction` against what
 * the actor knows, answers with `validateResponse`; a number takes that option of
 * {@link legalOptions}. A mistake comes back as a message that says what was wrong and what would
 * be accepted (with a did-you-mean).
 *
 * @example
 * ```ts
 * parseCommand('accuse CN public 1', turn); // { ok: true, command: { kind: 'action', action: { type: 'accuse', … } } }
 * parseCommand('acuse CN public 1', turn);  // { ok: false, message: "Unknown command 'acuse'. Did you mean 'accuse'? …" }
 * ```
 */
export function parseCommand(line: string, turn: Turn, text: PlayText = PLAY_EN): ParsedCommand {
  const typed = wordsOf(line, text);
  if (!('verb' in typed)) return typed;
  const { verb, args } = typed;
  if (/^\d+$/.test(verb) && args.length === 0) {
    const options = legalOptions(turn, text);
    const chosen = options[Number(verb) - 1];
    if (!chosen) return fail(text.badNumber(verb, options.length));
    return parseCommand(chosen.command, turn, text);
  }
  const meta = META[verb];
  if (meta !== undefined && !(turn.phase === 'diplomacy' && verb === 'resume')) return metaCommand(meta, verb, args, text);
  const own = commandWords(turn.phase);
  if (!own.includes(verb)) {
    const elsewhere = DECISION_PHASES.find((p) => p !== turn.phase && commandWords(p).includes(verb));
    if (elsewhere) return fail(text.otherPhase(verb, elsewhere, turn.phase));
    const all = [...new Set([...OPERATION_VERBS, ...DIPLOMACY_VERBS, ...RESPONSE_TYPES, ...Object.keys(META)])];
    return fail(text.unknownCommand(verb, suggest(verb, all), turn.phase));
  }
  const reader = new Reader(turn, text, args);
  try {
    if (turn.phase === 'responses') return parseAnswer(verb, reader, turn, text);
    const action = turn.phase === 'operations' ? readOperation(verb, reader) : readDiplomacy(verb, reader);
    reader.end();
    const reason = validateAction(validationWorld(turn.view), turn.actor, turn.phase, action);
    if (reason) return fail(text.rejected(reason, reader.form));
    return ok({ kind: 'action', action, text: typed.line });
  } catch (e) {
    if (e instanceof InputProblem) return fail(e.message);
    throw e;
  }
}

/**
 * Read a line typed after the last round while the game's save could not be written: only
 * `save [FILE]`, `quit`, `quit without saving`, `help` (and an empty line) mean something then.
 *
 * @example
 * ```ts
 * parseLeaveCommand('save other.json'); // { ok: true, command: { kind: 'save', file: 'other.json' } }
 * parseLeaveCommand('pass');            // { ok: false, message: 'The game is over: …' }
 * ```
 */
export function parseLeaveCommand(line: string, text: PlayText = PLAY_EN): ParsedCommand {
  const typed = wordsOf(line, text);
  if (!('verb' in typed)) return typed;
  const meta = META[typed.verb];
  if (meta === 'save' || meta === 'quit' || meta === 'help') return metaCommand(meta, typed.verb, typed.args, text);
  return fail(laterText(text).gameOverCommands);
}

/**
 * A typed line (trimmed) with its verb (lower case) and the words after it; an empty line, or one holding a
 * control character, is already answered. What a player types is shown to the others (a threat's
 * condition) and written into the save and the reports: control characters a terminal would
 * execute are refused, as in a scenario.
 */
function wordsOf(line: string, text: PlayText): ParsedCommand | { readonly line: string; readonly verb: string; readonly args: readonly string[] } {
  const trimmed = line.trim();
  if (trimmed === '') return ok({ kind: 'empty' });
  const control = controlCharacter(trimmed, true);
  if (control) return fail(text.controlCharacter(control.code));
  const words = trimmed.split(/\s+/);
  return { line: trimmed, verb: (words[0] as string).toLowerCase(), args: words.slice(1) };
}

// A command about the game itself (its words checked here: only save takes a file, only quit the
// words that leave without saving).
function metaCommand(meta: Command['kind'], verb: string, args: readonly string[], text: PlayText): ParsedCommand {
  if (meta === 'save') {
    if (args.length > 1) return fail(text.extraWords(args.slice(1).join(' '), 'save [FILE]'));
    return ok(args[0] === undefined ? { kind: 'save' } : { kind: 'save', file: args[0] });
  }
  // Three words, so that leaving a game that cannot be saved is never typed by accident.
  if (meta === 'quit' && args.length > 0) {
    if (args.map((w) => w.toLowerCase()).join(' ') === QUIT_WITHOUT_SAVING) return ok({ kind: 'quit', withoutSaving: true });
    return fail(text.extraWords(args.join(' '), `${verb} [${QUIT_WITHOUT_SAVING}]`));
  }
  if (args.length > 0) return fail(text.extraWords(args.join(' '), verb));
  return ok({ kind: meta } as Command);
}

/**
 * The numbered options of a turn: concrete commands that are legal now (the operations the actor
 * can mount, accusations and hotline queries about its incidents, sanctions and threats towards
 * its suspects, answers to a request…). Each parses back to a valid action or answer. The full
 * forms (any target, any norm) are in {@link commandForms}.
 *
 * @example
 * ```ts
 * legalOptions(turn).map((o, i) => `${i + 1}. ${o.command} — ${o.what}`);
 * ```
 */
export function legalOptions(turn: Turn, text: PlayText = PLAY_EN): LegalOption[] {
  const v = turn.view;
  const out: LegalOption[] = [];
  const add = (command: string, what: string) => out.push({ command, what });
  if (turn.request) {
    for (const answer of RESPONSES_BY_KIND[turn.request.kind]) {
      if (answer !== 'counter') add(answer, text.what.answer(answer));
      else if (turn.request.kind === 'proposal' && turn.request.terms.length > 1) add(`counter ${termsToken(turn.request.terms.slice(0, -1))}`, text.what.answer(answer));
    }
    return out;
  }
  const others = othersOf(v);
  const myProxies = v.actors.filter((a) => a.sponsor === v.self && a.id !== v.self);
  const mySponsor = v.me.sponsor;
  if (turn.phase === 'operations') {
    const targets = others.filter((o) => o !== mySponsor && !myProxies.some((p) => p.id === o));
    for (const t of targets) {
      for (const kind of OPERATION_KINDS) if (relevantCapability(v.me.capabilities, kind) > 0) add(`operate ${t} ${kind}`, text.what.operate(t, kind, null));
    }
    for (const p of myProxies) {
      for (const t of targets) for (const kind of OPERATION_KINDS) if (relevantCapability(p.capabilities, kind) > 0) add(`operate ${t} ${kind} via ${p.id}`, text.what.operate(t, kind, p.id));
    }
    return out.filter((o) => isLegal(o.command, turn, text));
  }
  const suspects = new Set<string>();
  v.incidents.forEach((inc, k) => {
    const n = k + 1;
    const s = inc.revealed ?? inc.suspect;
    if (s === null || s === v.self) return;
    suspects.add(s);
    add(`accuse ${s} private ${n}`, text.what.accuse(s, 'private', n));
    add(`accuse ${s} public ${n}`, text.what.accuse(s, 'public', n));
    add(`accuse ${s} formal ${n}`, text.what.accuse(s, 'formal', n));
    if (v.hasHotline(s)) add(`hotline ${s} ${n}`, text.what.hotline(s, n));
    if (v.me.capabilities.offense > 0) add(`retaliate ${s} disruption ${n}`, text.what.retaliate(s, 'disruption'));
    for (const ag of v.agreements) {
      for (const p of ag.parties) {
        if (p === v.self || p === s) continue;
        if (ag.terms.some((t) => t.kind === 'information-sharing')) add(`share ${p} ${n}`, text.what.share(p, n));
        if (ag.terms.some((t) => t.kind === 'assistance')) add(`assistance ${p} ${n}`, text.what.assistance(p, n));
      }
    }
  });
  accusationsAgainst(v).forEach((a, k) => add(`deny ${k + 1}`, text.what.deny(k + 1, a.by)));
  const threatened = new Set(v.threats.filter((t) => t.by === v.self).map((t) => t.target));
  for (const t of others) {
    if (!suspects.has(t) && !threatened.has(t)) continue;
    for (const m of SANCTION_MEASURES) {
      add(`threaten ${t} ${m}`, text.what.threaten(t, m));
      add(`sanction ${t} ${m}`, text.what.sanction(t, m));
    }
  }
  for (const t of new Set(v.sanctions.filter((s) => s.by === v.self).map((s) => s.target))) add(`lift ${t}`, text.what.lift(t));
  for (const t of others) {
    if (v.actor(t)?.kind === 'state' && !v.hasHotline(t)) add(`propose ${t} hotline`, text.what.propose(t, text.terms([{ kind: 'hotline' }])));
  }
  const adoptedByOthers = new Set(others.flatMap((o) => v.norms(o)));
  for (const n of GGE15_NORM_IDS) if (adoptedByOthers.has(n)) add(`adopt ${n}`, text.what.adopt(n, normTitle(n)));
  for (const d of v.dialogues) {
    const t = d.parties.find((p) => p !== v.self);
    if (t !== undefined) add(`${d.suspended ? 'resume' : 'suspend'} ${t}`, d.suspended ? text.what.resume(t) : text.what.suspend(t));
  }
  v.agreements.forEach((ag, k) => add(`withdraw ${k + 1}`, text.what.withdraw(k + 1, ag.parties.filter((p) => p !== v.self).join(', '))));
  return out.filter((o) => isLegal(o.command, turn, text));
}

/**
 * Every command form of a turn's phase, with its fields, for help.
 *
 * @example
 * ```ts
 * commandForms('diplomacy')[0]; // 'accuse <actor> private|public|formal <incident>'
 * ```
 */
export function commandForms(phase: DecisionPhase, text: PlayText = PLAY_EN): string[] {
  if (phase === 'operations') return [text.forms.operate as string];
  if (phase === 'responses') return [text.forms.answer as string];
  return DIPLOMACY_VERBS.map((v) => text.forms[v] as string);
}

/**
 * A list of commitments as the command token `propose` and `counter` read.
 *
 * @example
 * ```ts
 * termsToken([{ kind: 'hotline' }, { kind: 'norms', norms: ['gge15.f'] }]); // 'hotline,norms:f'
 * ```
 */
export function termsToken(terms: readonly Commitment[]): string {
  return terms
    .map((t) => {
      if (t.kind === 'norms') return `norms:${(t.norms ?? []).map((n) => n.replace(/^gge15\./, '')).join('+')}`;
      if ((t.kind === 'assistance' || t.kind === 'next-round') && t.rounds !== undefined) return `${t.kind}:${t.rounds}`;
      return t.kind;
    })
    .join(',');
}

/**
 * The command that reads back as `action` (ids written out in full), for showing queued actions.
 *
 * @example
 * ```ts
 * actionCommand({ type: 'accuse', target: 'CN', incident: 'inc:US:2:0', public: true }); // 'accuse CN public inc:US:2:0'
 * ```
 */
export function actionCommand(action: Action): string {
  switch (action.type) {
    case 'operate':
      return ['operate', action.target, action.kind, ...(action.against && action.against !== 'networks' ? [action.against] : []), ...(action.via ? ['via', action.via] : []), ...(action.falseFlag ? ['flag', action.falseFlag] : []), ...(action.commercial ? ['commercial'] : [])].join(' ');
    case 'accuse':
      return `accuse ${action.target} ${action.formal ? 'formal' : action.public ? 'public' : 'private'} ${action.incident}`;
    case 'hotline-query':
      return `hotline ${action.target} ${action.incident}`;
    case 'share-information':
      return `share ${action.target} ${action.incident}`;
    case 'request-assistance':
      return `assistance ${action.target} ${action.incident}`;
    case 'sanction':
      return `sanction ${action.target} ${action.measure}`;
    case 'lift-sanction':
      return `lift ${action.target}`;
    case 'threaten-sanctions':
      return `threaten ${action.target} ${action.measure}${action.unless !== undefined ? ` unless ${action.unless}` : ''}`;
    case 'adopt-norm':
      return `adopt ${action.norm}`;
    case 'retaliate':
      return `retaliate ${action.target} ${action.kind}${action.incident !== undefined ? ` ${action.incident}` : ''}`;
    case 'deny':
      return `deny ${action.accusation}`;
    case 'propose-talks':
      return `propose ${action.target} ${termsToken(action.terms)}${action.deadline !== undefined ? ` deadline ${action.deadline}` : ''}`;
    case 'table-package':
      return `table ${action.forum} ${action.norms.join(',')}`;
    case 'suspend-dialogue':
      return `suspend ${action.target}`;
    case 'resume-dialogue':
      return `resume ${action.target}`;
    case 'withdraw':
      return `withdraw ${action.agreement}`;
    case 'pass':
      return 'pass';
  }
}

function isLegal(command: string, turn: Turn, text: PlayText): boolean {
  const p = parseCommand(command, turn, text);
  return p.ok;
}

const ok = (command: Command): ParsedCommand => ({ ok: true, command });
const fail = (message: string): ParsedCommand => ({ ok: false, message });

class InputProblem extends Error {}

/** Reads the words of one command, with the form to show when something is missing or wrong. */
class Reader {
  form = '';
  private i = 0;
  readonly view: ActorView;
  constructor(
    private readonly turn: Turn,
    readonly text: PlayText,
    private readonly words: readonly string[],
  ) {
    this.view = turn.view;
  }

  skip(): void {
    this.i++;
  }

  missingText(what: string): string {
    return this.text.missing(what, this.form);
  }

  usage(verb: string): void {
    this.form = (this.text.forms[verb] as string | undefined) ?? verb;
  }

  private next(what: string): string {
    const w = this.words[this.i];
    if (w === undefined) throw new InputProblem(this.text.missing(what, this.form));
    this.i++;
    return w;
  }

  peek(): string | undefined {
    return this.words[this.i];
  }

  rest(): string {
    const r = this.words.slice(this.i).join(' ');
    this.i = this.words.length;
    return r;
  }

  end(): void {
    if (this.i < this.words.length) throw new InputProblem(this.text.extraWords(this.words.slice(this.i).join(' '), this.form));
  }

  actor(what = '<actor>'): string {
    const token = this.next(what);
    const ids = this.turn.view.actors.map((a) => a.id);
    const id = ids.find((x) => x === token) ?? ids.find((x) => x.toLowerCase() === token.toLowerCase());
    if (id === undefined) throw new InputProblem(this.text.unknownActor(token, suggest(token, ids), ids.join(', ')));
    return id;
  }

  choice<T extends string>(what: string, allowed: readonly T[]): T {
    const token = this.next(`<${what}>`).toLowerCase();
    const hit = allowed.find((a) => a === token);
    if (hit === undefined) throw new InputProblem(this.text.badChoice(what, token, allowed));
    return hit;
  }

  incident(): string {
    const list = this.turn.view.incidents;
    if (list.length === 0 && this.peek() === undefined) throw new InputProblem(`${this.text.noIncidentsYet} ${this.text.usage(this.form)}`);
    return this.numbered('<incident>', list.map((i) => i.id), (token, known) => (list.length === 0 ? this.text.noIncidentsYet : this.text.unknownIncident(token, known)));
  }

  numbered(what: string, ids: readonly string[], message: (token: string, known: string) => string): string {
    const token = this.next(what);
    const known = ids.map((id, k) => `${k + 1} (${id})`).join(', ');
    if (/^\d+$/.test(token)) {
      const id = ids[Number(token) - 1];
      if (id === undefined) throw new InputProblem(message(token, known));
      return id;
    }
    if (!ids.includes(token)) throw new InputProblem(message(token, known));
    return token;
  }

  norm(): string {
    return normOf(this.next('<norm>'), this.text);
  }

  terms(): Commitment[] {
    return termsOf(this.next('<terms>'), this.text);
  }
}

function normOf(token: string, text: PlayText): string {
  const t = token.toLowerCase();
  const id = /^[a-k]$/.test(t) ? `gge15.${t}` : t;
  if (!isKnownNorm(id)) throw new InputProblem(text.unknownNorm(token, suggest(id, GGE15_NORM_IDS)));
  return id;
}

function termsOf(token: string, text: PlayText): Commitment[] {
  return token
    .split(',')
    .filter((t) => t !== '')
    .map((raw): Commitment => {
      const [name = '', value] = raw.toLowerCase().split(':');
      if ((SIMPLE_TERMS as readonly string[]).includes(name) && value === undefined) return { kind: name as CommitmentKind };
      if ((COUNTED_TERMS as readonly string[]).includes(name) && (value === undefined || /^\d+$/.test(value))) {
        return value === undefined ? { kind: name as CommitmentKind } : { kind: name as CommitmentKind, rounds: Number(value) };
      }
      if (name === 'norms' && value !== undefined) return { kind: 'norms', norms: value.split('+').map((n) => normOf(n, text)) };
      throw new InputProblem(text.badTerm(raw));
    });
}

function readOperation(verb: string, r: Reader): Action {
  r.usage('operate');
  const target = r.actor();
  const kind: OperationKind = verb === 'spy' ? 'espionage' : verb === 'disrupt' ? 'disruption' : verb === 'degrade' ? 'degradation' : r.choice('operation kind', OPERATION_KINDS);
  let against: OperationTarget | undefined;
  let via: string | undefined;
  let falseFlag: string | undefined;
  let commercial = false;
  for (let w = r.peek(); w !== undefined; w = r.peek()) {
    const word = w.toLowerCase();
    if (AGAINST[word] !== undefined) {
      against = AGAINST[word];
      r.skip();
    } else if (word === 'via') {
      r.skip();
      via = r.actor('<proxy>');
    } else if (word === 'flag') {
      r.skip();
      falseFlag = r.actor('<actor to blame>');
    } else if (word === 'commercial') {
      r.skip();
      commercial = true;
    } else break;
  }
  return {
    type: 'operate',
    target,
    kind,
    ...(against !== undefined && against !== 'networks' ? { against } : {}),
    ...(via !== undefined ? { via } : {}),
    ...(falseFlag !== undefined ? { falseFlag } : {}),
    ...(commercial ? { commercial: true } : {}),
  };
}

function readDiplomacy(verb: string, r: Reader): Action {
  r.usage(verb);
  switch (verb) {
    case 'accuse': {
      const target = r.actor();
      const how = r.choice('way to accuse', ['private', 'public', 'formal'] as const);
      const incident = r.incident();
      return how === 'formal' ? { type: 'accuse', target, incident, public: true, formal: true } : { type: 'accuse', target, incident, public: how === 'public' };
    }
    case 'hotline':
      return { type: 'hotline-query', target: r.actor(), incident: r.incident() };
    case 'share':
      return { type: 'share-information', target: r.actor(), incident: r.incident() };
    case 'assistance':
      return { type: 'request-assistance', target: r.actor(), incident: r.incident() };
    case 'sanction':
      return { type: 'sanction', target: r.actor(), measure: r.choice('sanction measure', SANCTION_MEASURES) };
    case 'lift':
      return { type: 'lift-sanction', target: r.actor() };
    case 'threaten': {
      const target = r.actor();
      const measure = r.choice('sanction measure', SANCTION_MEASURES);
      if (r.peek()?.toLowerCase() === 'unless') {
        r.skip();
        const unless = r.rest();
        if (unless === '') throw new InputProblem(r.missingText('<condition…>'));
        return { type: 'threaten-sanctions', target, measure, unless };
      }
      return { type: 'threaten-sanctions', target, measure };
    }
    case 'adopt':
      return { type: 'adopt-norm', norm: r.norm() };
    case 'retaliate': {
      const target = r.actor();
      const kind = r.choice('retaliation', RETALIATION_KINDS);
      return r.peek() === undefined ? { type: 'retaliate', target, kind } : { type: 'retaliate', target, kind, incident: r.incident() };
    }
    case 'deny': {
      const list = accusationsAgainst(r.view);
      const accusation = r.numbered('<accusation>', list.map((a) => a.id), (token, known) => r.text.unknownAccusation(token, known));
      return { type: 'deny', accusation };
    }
    case 'propose': {
      const target = r.actor();
      const terms = r.terms();
      if (r.peek()?.toLowerCase() === 'deadline') {
        r.skip();
        const d = r.rest();
        if (!/^\d+$/.test(d)) throw new InputProblem(r.text.badDeadline(d || '(none)'));
        return { type: 'propose-talks', target, terms, deadline: Number(d) };
      }
      return { type: 'propose-talks', target, terms };
    }
    case 'table': {
      const forums = r.view.forums.map((f) => f.id);
      const forum = r.numbered('<forum>', forums, (token) => r.text.unknownForum(token, forums.join(', ')));
      const norms = r.rest().split(/[,\s]+/).filter((n) => n !== '');
      if (norms.length === 0) throw new InputProblem(r.missingText('<norm>[,<norm>…]'));
      return { type: 'table-package', forum, norms: norms.map((n) => normOf(n, r.text)) };
    }
    case 'suspend':
      return { type: 'suspend-dialogue', target: r.actor() };
    case 'resume':
      return { type: 'resume-dialogue', target: r.actor() };
    case 'withdraw': {
      const list = r.view.agreements;
      const agreement = r.numbered('<agreement>', list.map((a) => a.id), (token, known) => r.text.unknownAgreement(token, known));
      return { type: 'withdraw', agreement };
    }
    default:
      throw new InputProblem(r.text.unknownCommand(verb, undefined, 'diplomacy'));
  }
}

function parseAnswer(verb: string, r: Reader, turn: Turn, text: PlayText): ParsedCommand {
  const request = turn.request;
  if (!request) return fail(text.notAnAnswerPhase);
  const allowed = RESPONSES_BY_KIND[request.kind];
  r.form = text.forms.answer as string;
  let response: Response;
  if (verb === 'counter') {
    response = { type: 'counter', terms: r.terms() };
  } else response = { type: verb as Exclude<Response['type'], 'counter'> };
  r.end();
  const reason = validateResponse(request, response);
  if (reason) return fail(text.wrongAnswer(reason, allowed));
  return ok({ kind: 'answer', response, text: [verb, ...(response.type === 'counter' ? [termsToken(response.terms)] : [])].join(' ') });
}
