// Every sentence the play UI (src/play, src/cli/play.ts) prints, in English. Another language is
// another object of type PlayText; the command words themselves (accuse, hotline, done…) are a
// fixed vocabulary like command-line flags and live in src/play/commands.ts.
import type { Commitment } from '../model/agreement.js';
import type { DecisionPhase } from '../model/event.js';
import { RUNG_NAMES } from '../model/escalation.js';
import { oneLine } from './english.js';

/**
 * The sentences of the play UI in one language.
 *
 * @example
 * ```ts
 * const t: PlayText = { ...PLAY_EN, prompt: (actor, round, phase) => `${actor} tour ${round} ${phase}> ` };
 * ```
 */
export interface PlayText {
  // Headings and prompt
  readonly turnHeading: (round: string, actor: string, phase: DecisionPhase) => string;
  readonly phaseHint: (phase: DecisionPhase) => string;
  readonly prompt: (actor: string, round: number, phase: DecisionPhase) => string;
  readonly passKeyboard: (actor: string) => string;
  readonly rungName: (rung: number) => string;
  readonly terms: (list: readonly Commitment[]) => string;
  readonly pct: (x: number) => string;
  // What an actor knows
  readonly news: string;
  readonly noNews: string;
  readonly incidentsHeading: string;
  readonly noIncidents: string;
  readonly incident: (n: number, id: string, kind: string, against: string, severity: number, round: number) => string;
  readonly incidentSuspect: (suspect: string | null, confidence: number, nobody: number, investigation: number, revealed: string | null) => string;
  readonly requestsHeading: (phase: DecisionPhase) => string;
  readonly noRequests: string;
  readonly request: (kind: string, from: string, detail: string, due: number) => string;
  readonly accusationDetail: (incidentKind: string, round: number, severity: number, isPublic: boolean, formal: boolean, confidence: number) => string;
  readonly incidentDetail: (incidentKind: string, round: number, severity: number, confidence: number) => string;
  readonly proposalDetail: (terms: string, deadline: number) => string;
  readonly voteDetail: (forum: string, norms: string) => string;
  readonly accusationsAgainstYou: string;
  readonly accusationAgainstYou: (n: number, id: string, by: string, incident: string, isPublic: boolean) => string;
  readonly trustHeading: string;
  readonly trustOf: (other: string, trust: number) => string;
  readonly escalationHeading: string;
  readonly escalationWith: (other: string, rung: number, perceived: number) => string;
  readonly agreementsHeading: string;
  readonly noAgreements: string;
  readonly agreement: (n: number, id: string, others: string, terms: string, since: number) => string;
  readonly talksUnderWay: (id: string, other: string, offer: string, turn: string, deadline: number) => string;
  readonly sanctionsHeading: string;
  readonly noSanctions: string;
  readonly sanction: (by: string, target: string, measure: string, since: number) => string;
  readonly threat: (by: string, target: string, measure: string, unless: string) => string;
  readonly normsAdopted: (norms: string) => string;
  readonly noNormsAdopted: string;
  readonly forumLine: (id: string, name: string, inSession: boolean) => string;
  readonly operationsHeading: string;
  readonly ownOperation: (round: number, kind: string, target: string, via: string | null, success: boolean) => string;
  readonly welfare: (w: number) => string;
  // Options and help
  readonly optionsHeading: string;
  readonly optionsFooter: string;
  readonly queued: (n: number, max: number | null, list: string) => string;
  readonly nothingQueued: string;
  readonly formsHeading: string;
  readonly metaHelp: readonly string[];
  readonly describeOption: (command: string) => string;
  // What options and commands mean (shown beside each numbered option)
  readonly what: {
    readonly operate: (target: string, kind: string, via: string | null) => string;
    readonly accuse: (target: string, how: 'private' | 'public' | 'formal', n: number) => string;
    readonly hotline: (target: string, n: number) => string;
    readonly share: (target: string, n: number) => string;
    readonly assistance: (target: string, n: number) => string;
    readonly sanction: (target: string, measure: string) => string;
    readonly lift: (target: string) => string;
    readonly threaten: (target: string, measure: string) => string;
    readonly adopt: (norm: string, title: string) => string;
    readonly retaliate: (target: string, kind: string) => string;
    readonly deny: (n: number, by: string) => string;
    readonly propose: (target: string, terms: string) => string;
    readonly table: (forum: string, norms: string) => string;
    readonly suspend: (target: string) => string;
    readonly resume: (target: string) => string;
    readonly withdraw: (n: number, others: string) => string;
    readonly pass: string;
    readonly answer: (answer: string) => string;
  };
  readonly forms: Readonly<Record<string, string>>;
  // Messages about input
  readonly unknownCommand: (word: string, suggestion: string | undefined, phase: DecisionPhase) => string;
  readonly otherPhase: (word: string, itsPhase: string, phase: DecisionPhase) => string;
  readonly usage: (form: string) => string;
  readonly unknownActor: (token: string, suggestion: string | undefined, known: string) => string;
  readonly missing: (what: string, form: string) => string;
  readonly unknownIncident: (token: string, known: string) => string;
  readonly noIncidentsYet: string;
  readonly unknownNorm: (token: string, suggestion: string | undefined) => string;
  readonly unknownAgreement: (token: string, known: string) => string;
  readonly unknownAccusation: (token: string, known: string) => string;
  readonly unknownForum: (token: string, known: string) => string;
  readonly badChoice: (what: string, token: string, allowed: readonly string[]) => string;
  readonly badNumber: (token: string, max: number) => string;
  readonly badDeadline: (token: string) => string;
  readonly badTerm: (token: string) => string;
  readonly extraWords: (words: string, form: string) => string;
  /** A typed line holding a control character (`code` like 'U+001B'). */
  readonly controlCharacter: (code: string) => string;
  readonly rejected: (reason: string, form: string) => string;
  readonly wrongAnswer: (reason: string, allowed: readonly string[]) => string;
  readonly tooManyOperations: (max: number) => string;
  readonly queuedOne: (command: string) => string;
  readonly undone: (command: string) => string;
  readonly nothingToUndo: string;
  readonly passWithQueue: (n: number) => string;
  readonly notAnAnswerPhase: string;
  readonly submitted: (actor: string, n: number) => string;
  readonly answered: (actor: string, answer: string) => string;
  // Game flow and files
  readonly gameStart: (title: string, seed: string, rounds: number, humans: string, others: string) => string;
  readonly roundDone: (round: string) => string;
  readonly gameOver: (rounds: number) => string;
  readonly alreadyOver: string;
  readonly saved: (file: string) => string;
  readonly saveNeedsFile: string;
  readonly eofSaved: (file: string) => string;
  readonly eofUnsaved: (round: number) => string;
  readonly quitSaved: (file: string) => string;
  readonly quitUnsaved: (round: number) => string;
  // Words added after the first catalogues. Optional, so that a catalogue written before them
  // still compiles: the English words stand in (laterText).
  /** Under the game's heading, for a game of a what-if (`--set`): the changes, as `path = value` pairs joined by commas. */
  readonly whatIf?: (settings: string) => string;
  // Leaving a game whose save failed.
  /** After 'quit' whose save failed (the failure was just shown): the player stays in the game. */
  readonly quitSaveFailed?: (file: string) => string;
  /** After a round whose save failed (the failure was just shown): the game goes on, and can be saved elsewhere. */
  readonly roundSaveFailed?: (file: string) => string;
  readonly quitWithoutSaving?: (round: number) => string;
  /** After the last round, when the save failed: a prompt stays up until the game is saved or left. */
  readonly gameOverSaveFailed?: (file: string) => string;
  readonly gameOverPrompt?: string;
  readonly gameOverCommands?: string;
  /** End of input with a save that failed: the game was written to `rescue` instead (a new file), or nowhere. */
  readonly eofRescued?: (rescue: string) => string;
  readonly eofLost?: (round: number, tried: string) => string;
  // Who sponsors whom: a secret of the proxy and its sponsor, told on their screens alone.
  /** On a proxy's screen: the state it acts for (`sponsor`). */
  readonly yourSponsor?: (sponsor: string) => string;
  /** On a sponsor's screen: the proxies that act for it, ids joined by commas. */
  readonly yourProxies?: (proxies: readonly string[]) => string;
  readonly resumed: (file: string, round: number, decisions: number) => string;
  readonly resumeHint: (file: string) => string;
  // Errors of the play command (exit code 2)
  readonly unknownHuman: (token: string, suggestion: string | undefined, known: string) => string;
  readonly noHumans: string;
  readonly duplicateHuman: (id: string) => string;
  readonly notAGame: (file: string, why: string) => string;
  readonly scenarioChanged: (file: string) => string;
  readonly replayDiverged: (why: string) => string;
  readonly optionMismatch: (flag: string, given: string, saved: string) => string;
}

const pct = (x: number) => `${Math.round(x * 100)}%`;
/** Scenario text as one line of the screen (it may be written over several). */

// A term's rounds; one left out (an assistance term the caller did not complete) is the engine's default.
const roundsWord = (n: number | undefined) => (n === undefined ? 'the default number of rounds' : `${n} round${n === 1 ? '' : 's'}`);

function terms(list: readonly Commitment[]): string {
  return list
    .map((t) => (t.kind === 'norms' ? `norms ${(t.norms ?? []).join(', ')}` : t.kind === 'next-round' ? `talks every ${roundsWord(t.rounds)}` : t.kind === 'assistance' ? `assistance within ${roundsWord(t.rounds)}` : t.kind))
    .join('; ');
}

// How an operation's target reads after 'your': the engine's words are identifiers.
const TARGET_WORDS: Readonly<Record<string, string>> = { networks: 'networks', 'critical-infrastructure': 'critical infrastructure', cert: 'CERT' };

const PHASE_HINTS: Readonly<Record<DecisionPhase, string>> = {
  operations: 'Covert operations: what do you do in secret this round? Queue operations, then type done (or pass).',
  diplomacy: 'Diplomacy: accuse, query the hotline, sanction, propose talks, adopt norms… Queue actions, then type done (or pass).',
  responses: 'Responses: answer what was addressed to you.',
};

/** The words added to {@link PlayText} after its first catalogues (its optional members). */
type LaterText = Required<
  Pick<PlayText, 'whatIf' | 'quitSaveFailed' | 'roundSaveFailed' | 'quitWithoutSaving' | 'gameOverSaveFailed' | 'gameOverPrompt' | 'gameOverCommands' | 'eofRescued' | 'eofLost' | 'yourSponsor' | 'yourProxies'>
>;

const LATER_EN: LaterText = {
  whatIf: (settings) => `A what-if: changed from the scenario file, ${settings}.`,
  quitSaveFailed: (file) => `The game was not saved to ${file}, so you are still in it. Type save OTHER-FILE and then quit again, or type 'quit without saving' to leave and lose what was not saved.`,
  roundSaveFailed: (file) => `The game goes on, but this round is not saved to ${file}: type save OTHER-FILE to keep it elsewhere.`,
  quitWithoutSaving: (round) => `Left the game in round ${round} without saving it.`,
  gameOverSaveFailed: (file) =>
    `The game is over, but it was not saved to ${file}. Type save OTHER-FILE and then quit, 'quit' to try ${file} again, or 'quit without saving' to leave without a save.`,
  gameOverPrompt: 'game over> ',
  gameOverCommands: "The game is over: type save FILE, then quit (or 'quit without saving').",
  eofRescued: (rescue) => `the game was written to ${rescue} instead. Continue with: detente play --resume ${rescue}`,
  eofLost: (round, tried) => `nor could it be written to ${tried}: the game (round ${round}) was not saved`,
  yourSponsor: (sponsor) => `Your sponsor: ${sponsor}. You act for it in secret: only you and ${sponsor} know.`,
  yourProxies: (proxies) =>
    `Your ${proxies.length === 1 ? 'proxy' : 'proxies'}: ${proxies.join(', ')} (operate … via ${proxies[0]}). ${proxies.length === 1 ? 'It acts' : 'They act'} for you in secret: only you and ${proxies.length === 1 ? proxies[0] : 'they'} know.`,
};

/** The words added to a catalogue after its first version: its own, the English for those it lacks. */
export function laterText(text: PlayText): LaterText {
  return {
    whatIf: text.whatIf ?? LATER_EN.whatIf,
    quitSaveFailed: text.quitSaveFailed ?? LATER_EN.quitSaveFailed,
    roundSaveFailed: text.roundSaveFailed ?? LATER_EN.roundSaveFailed,
    quitWithoutSaving: text.quitWithoutSaving ?? LATER_EN.quitWithoutSaving,
    gameOverSaveFailed: text.gameOverSaveFailed ?? LATER_EN.gameOverSaveFailed,
    gameOverPrompt: text.gameOverPrompt ?? LATER_EN.gameOverPrompt,
    gameOverCommands: text.gameOverCommands ?? LATER_EN.gameOverCommands,
    eofRescued: text.eofRescued ?? LATER_EN.eofRescued,
    eofLost: text.eofLost ?? LATER_EN.eofLost,
    yourSponsor: text.yourSponsor ?? LATER_EN.yourSponsor,
    yourProxies: text.yourProxies ?? LATER_EN.yourProxies,
  };
}

/**
 * The English sentences of the play UI.
 *
 * @example
 * ```ts
 * PLAY_EN.passKeyboard('CN'); // '── Pass the keyboard to CN ──'
 * ```
 */
export const PLAY_EN: Required<PlayText> = Object.freeze<Required<PlayText>>({
  turnHeading: (round, actor, phase) => `═══ ${round} · ${actor} · ${phase} ═══`,
  phaseHint: (phase) => PHASE_HINTS[phase],
  prompt: (actor, round, phase) => `${actor} r${round} ${phase}> `,
  passKeyboard: (actor) => `── Pass the keyboard to ${actor} ──`,
  rungName: (rung) => RUNG_NAMES[rung] ?? `L${rung}`,
  terms,
  pct,
  news: 'News you have heard:',
  noNews: 'News you have heard: nothing new.',
  incidentsHeading: 'Your incidents (refer to them by number):',
  noIncidents: 'Your incidents: none detected.',
  incident: (n, id, kind, against, severity, round) => `  [${n}] ${id}: ${kind} against your ${TARGET_WORDS[against] ?? against}, severity ${severity}, detected in round ${round}`,
  incidentSuspect: (suspect, confidence, nobody, investigation, revealed) =>
    revealed !== null
      ? `      revealed: it was ${revealed}`
      : `      ${suspect === null ? 'no suspect' : `top suspect ${suspect} (${pct(confidence)} sure)`}, false alarm ${pct(nobody)}${investigation > 0 ? `, ${investigation} more round${investigation === 1 ? '' : 's'} of investigation` : ''}`,
  requestsHeading: (phase) => (phase === 'responses' ? 'Waiting for your answer:' : 'Waiting for your answer (you answer them after diplomacy):'),
  noRequests: 'Waiting for your answer: nothing.',
  request: (kind, from, detail, due) => `  ${kind} from ${from}: ${detail} (answer by round ${due})`,
  accusationDetail: (kind, round, severity, isPublic, formal, confidence) =>
    `${formal ? 'formally attributes' : isPublic ? 'publicly accuses you of' : 'privately raises'} the ${kind} incident of round ${round} (severity ${severity}${formal || isPublic ? '' : ', with you as suspect'}), ${pct(confidence)} sure`,
  incidentDetail: (kind, round, severity, confidence) => `about its ${kind} incident of round ${round} (severity ${severity}); it suspects you at ${pct(confidence)}`,
  proposalDetail: (t, deadline) => `offers ${t} (talks end after round ${deadline})`,
  voteDetail: (forum, norms) => `vote in ${forum} on ${norms}`,
  accusationsAgainstYou: 'Accusations against you (deny them by number):',
  accusationAgainstYou: (n, id, by, incident, isPublic) => `  [${n}] ${id}: ${by} ${isPublic ? 'publicly' : 'privately'} accused you over ${incident}`,
  trustHeading: 'Your trust in the others (0 = none, 1 = full):',
  trustOf: (other, trust) => `${other} ${trust.toFixed(2)}`,
  escalationHeading: 'Escalation (rung of the dyad; score of their acts towards you as you saw them):',
  escalationWith: (other, rung, perceived) => `  with ${other}: ${RUNG_NAMES[rung] ?? `L${rung}`}; their score ${perceived.toFixed(1)}`,
  agreementsHeading: 'Your agreements (refer to them by number):',
  noAgreements: 'Your agreements: none.',
  agreement: (n, id, others, t, since) => `  [${n}] ${id} with ${others}: ${t} (since round ${since})`,
  talksUnderWay: (id, other, offer, turn, deadline) => `  talks ${id} with ${other}: on the table ${offer}; ${turn}'s turn; until round ${deadline}`,
  sanctionsHeading: 'Sanctions and threats in force:',
  noSanctions: 'Sanctions and threats in force: none.',
  sanction: (by, target, measure, since) => `  ${by} sanctions ${target} (${measure}, since round ${since})`,
  threat: (by, target, measure, unless) => `  ${by} threatens ${target} with ${measure} sanctions unless: ${oneLine(unless)}`,
  normsAdopted: (norms) => `Norms you have adopted: ${norms}`,
  noNormsAdopted: 'Norms you have adopted: none.',
  forumLine: (id, name, inSession) => `Forum ${id}${name.trim() === '' || name === id ? '' : ` (${oneLine(name)})`}: ${inSession ? 'in session this round' : 'not in session'}`,
  operationsHeading: 'Your recent covert operations:',
  ownOperation: (round, kind, target, via, success) => `  round ${round}: ${kind} against ${target}${via === null ? '' : ` via ${via}`}, ${success ? 'succeeded' : 'failed'}`,
  welfare: (w) => `Your welfare: ${w.toFixed(1)}`,
  optionsHeading: 'What you can do now (type the number or the command):',
  optionsFooter: "Other forms: type 'help'. Finish with 'done' (or 'pass' to do nothing).",
  queued: (n, max, list) => `Queued (${n}${max === null ? '' : ` of at most ${max}`}): ${list}`,
  nothingQueued: 'Queued: nothing yet.',
  formsHeading: 'Commands of this phase:',
  metaHelp: [
    'At any time:',
    '  <number>      take the numbered option',
    '  actions       list what you can do now',
    '  status        show again what you know',
    '  undo          remove the last queued action',
    '  done          finish your turn with the queued actions',
    '  pass          finish your turn doing nothing (answers: ignore)',
    '  save [FILE]   save the game (default: the --save file)',
    '  quit          leave (saves first when --save was given; if that save fails, you stay)',
    '  quit without saving',
    '                leave even though the game could not be saved',
    '  help, ?       this help',
  ],
  describeOption: (command) => command,
  what: {
    operate: (target, kind, via) => `${kind} against ${target}${via === null ? '' : ` through your proxy ${via}`}`,
    accuse: (target, how, n) =>
      how === 'private' ? `private démarche to ${target} about incident ${n}` : how === 'public' ? `accuse ${target} publicly of incident ${n}` : `formal attribution of incident ${n} to ${target}, with a threat of sanctions`,
    hotline: (target, n) => `ask ${target} over the hotline about incident ${n}`,
    share: (target, n) => `share what you know of incident ${n} with ${target}`,
    assistance: (target, n) => `ask ${target} for help investigating incident ${n}`,
    sanction: (target, measure) => `impose ${measure} sanctions on ${target}`,
    lift: (target) => `lift your sanctions on ${target}`,
    threaten: (target, measure) => `threaten ${target} with ${measure} sanctions`,
    adopt: (norm, title) => `adopt norm ${norm} (${title})`,
    retaliate: (target, kind) => `overt ${kind} strike against ${target}`,
    deny: (n, by) => `publicly deny accusation ${n} by ${by}`,
    propose: (target, t) => `propose talks to ${target}: ${t}`,
    table: (forum, norms) => `table ${norms} in ${forum}`,
    suspend: (target) => `suspend the dialogue with ${target}`,
    resume: (target) => `resume the dialogue with ${target}`,
    withdraw: (n, others) => `withdraw from agreement ${n} with ${others}`,
    pass: 'do nothing more this phase',
    answer: (answer) =>
      ({
        deny: 'deny: "not us"',
        cooperate: 'cooperate: deny and open your logs (assistance: help)',
        acknowledge: 'acknowledge: admit it',
        ignore: 'ignore: no answer (abstain in a vote)',
        accept: 'accept the offer',
        reject: 'reject (ends the talks; in a vote: object)',
        counter: 'counter with other terms, e.g. counter hotline,no-commercial-theft',
        'walk-out': 'walk out of the talks',
      })[answer] ?? answer,
  },
  forms: {
    operate: 'operate <actor> espionage|disruption|degradation [networks|infrastructure|cert] [via <proxy>] [flag <actor>] [commercial]   (short: spy <actor>, disrupt <actor>, degrade <actor>)',
    accuse: 'accuse <actor> private|public|formal <incident>',
    hotline: 'hotline <actor> <incident>',
    share: 'share <actor> <incident>',
    assistance: 'assistance <actor> <incident>',
    sanction: 'sanction <actor> economic|indictment',
    lift: 'lift <actor>',
    threaten: 'threaten <actor> economic|indictment [unless <condition…>]',
    adopt: 'adopt <norm>   (gge15.a … gge15.k, or just a … k)',
    retaliate: 'retaliate <actor> disruption|degradation [<incident>]',
    deny: 'deny <accusation>',
    propose: 'propose <actor> <term>[,<term>…] [deadline N]   terms: hotline, no-commercial-theft, information-sharing, sanctions-relief, assistance:N, next-round:N, norms:f+k',
    table: 'table <forum> <norm>[,<norm>…]',
    suspend: 'suspend <actor>',
    resume: 'resume <actor>',
    withdraw: 'withdraw <agreement>',
    answer: 'one of the answers listed, e.g. deny, cooperate, accept, counter <term>[,<term>…]',
  },
  unknownCommand: (word, suggestion, phase) =>
    `Unknown command '${word}'.${suggestion ? ` Did you mean '${suggestion}'?` : ''} Type 'actions' for what you can do in the ${phase} phase, or 'help'.`,
  otherPhase: (word, itsPhase, phase) => `'${word}' belongs to the ${itsPhase} phase; this is the ${phase} phase. Type 'done' or 'pass' to move on, or 'actions' for what you can do now.`,
  usage: (form) => `Usage: ${form}`,
  unknownActor: (token, suggestion, known) => `No actor '${token}'.${suggestion ? ` Did you mean ${suggestion}?` : ''} Actors: ${known}.`,
  missing: (what, form) => `Missing ${what}. Usage: ${form}`,
  unknownIncident: (token, known) => `No incident '${token}' of yours. Your incidents: ${known}.`,
  noIncidentsYet: 'You have no incident to refer to yet.',
  unknownNorm: (token, suggestion) => `No norm '${token}'.${suggestion ? ` Did you mean ${suggestion}?` : ''} Norms are gge15.a … gge15.k (or just a … k).`,
  unknownAgreement: (token, known) => `No agreement '${token}' of yours. ${known ? `Your agreements: ${known}.` : 'You have none.'}`,
  unknownAccusation: (token, known) => `No accusation '${token}' against you. ${known ? `Accusations you can deny: ${known}.` : 'There is none to deny.'}`,
  unknownForum: (token, known) => `No forum '${token}'. ${known ? `Forums: ${known}.` : 'This scenario has no forum.'}`,
  badChoice: (what, token, allowed) => `'${token}' is not a ${what}: use ${allowed.join(' or ')}.`,
  badNumber: (token, max) => `There is no option ${token}: the options go from 1 to ${max}.`,
  badDeadline: (token) => `There is no deadline ${token}: a deadline is a whole number of rounds from 0 to 1000.`,
  badTerm: (token) => `Unknown term '${token}'. Terms: hotline, no-commercial-theft, information-sharing, sanctions-relief, assistance:N, next-round:N, norms:f+k.`,
  extraWords: (words, form) => `Unexpected '${words}'. Usage: ${form}`,
  controlCharacter: (code) => `That line holds a control character (${code}), which is not allowed: type the command again with letters, digits and punctuation only.`,
  rejected: (reason, form) => `Not allowed: ${reason}. Usage: ${form}`,
  wrongAnswer: (reason, allowed) => `Not an answer here: ${reason}. Answer with ${allowed.join(', ')}.`,
  tooManyOperations: (max) => `At most ${max} operations a round: type 'done' to submit them, or 'undo'.`,
  queuedOne: (command) => `Queued: ${command}`,
  undone: (command) => `Removed: ${command}`,
  nothingToUndo: 'Nothing queued to undo.',
  passWithQueue: (n) => `You have ${n} queued action${n === 1 ? '' : 's'}: type 'done' to submit ${n === 1 ? 'it' : 'them'}, or 'undo' to remove ${n === 1 ? 'it' : 'them'} first.`,
  notAnAnswerPhase: "Answers come in the responses phase; now queue actions and type 'done'.",
  submitted: (actor, n) => `${actor} submitted ${n === 0 ? 'no action' : `${n} action${n === 1 ? '' : 's'}`}.`,
  answered: (actor, answer) => `${actor} answered: ${answer}.`,
  gameStart: (title, seed, rounds, humans, others) =>
    `${title} — seed ${seed}, ${rounds} round${rounds === 1 ? '' : 's'}. You play ${humans}; ${others === '' ? 'nobody else plays' : others.includes(',') ? `${others} follow their strategies` : `${others} follows its strategy`}.`,
  roundDone: (round) => `── ${round} is over ──`,
  gameOver: (rounds) => `Game over. Summary after ${rounds} round${rounds === 1 ? '' : 's'}:`,
  alreadyOver: 'This game is already over.',
  saved: (file) => `Game saved to ${file}.`,
  saveNeedsFile: 'Save where? Type save FILE (or start with --save FILE).',
  eofSaved: (file) => `End of input: game saved to ${file}. Continue with: detente play --resume ${file}`,
  eofUnsaved: (round) => `End of input: the game stopped in round ${round} and was not saved (use --save FILE).`,
  quitSaved: (file) => `Game saved to ${file}. Continue with: detente play --resume ${file}`,
  quitUnsaved: (round) => `Left the game in round ${round}; not saved (use --save FILE, or type save FILE before quit).`,
  ...LATER_EN,
  resumed: (file, round, decisions) => `Resumed ${file}: ${decisions} recorded decision${decisions === 1 ? '' : 's'} replayed, now in round ${round}.`,
  resumeHint: (file) => `Continue later with: detente play --resume ${file}`,
  unknownHuman: (token, suggestion, known) => `--as: no actor '${token}' in this scenario${suggestion ? ` (did you mean ${suggestion}?)` : ''}; actors: ${known}`,
  noHumans: '--as needs at least one actor, e.g. --as US or --as US,CN',
  duplicateHuman: (id) => `--as names ${id} twice`,
  notAGame: (file, why) => `${file} is not a saved Détente game: ${why}`,
  scenarioChanged: (file) => `the scenario differs from the one saved in ${file}; resume without naming a scenario to use the saved one`,
  replayDiverged: (why) => `the saved game does not replay on this version of Détente (${why}); it cannot be resumed exactly`,
  optionMismatch: (flag, given, saved) => `${flag} ${given} differs from the saved game's ${saved}; leave it out when resuming`,
});
