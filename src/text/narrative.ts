// The sentences of the narrative (src/report/narrative.ts), one catalogue per language. The
// narrative decides WHICH events to tell (truth, verbose); a catalogue decides HOW to say them, so
// word order, articles and plurals stay with the language that needs them.
import type { EventOf, SimEventType } from '../model/event.js';
import { RUNG_NAMES } from '../model/escalation.js';
import type { Commitment } from '../model/agreement.js';
import type { RequestKind } from '../model/action.js';
import { showControlCharacters } from '../model/control-characters.js';
import { andList, oneLine } from './english.js';

/**
 * The event types the narrative can tell.
 *
 * @example
 * ```ts
 * const told: NarratedEventType = 'accusation.made';
 * const sentence = NARRATIVE_EN.events[told]; // (event, context) => string | null
 * ```
 */
export type NarratedEventType = Exclude<SimEventType, 'decision.made' | 'round.ended'>;

/**
 * What a sentence may depend on besides its event.
 *
 * @example
 * ```ts
 * const context: NarrativeContext = { truth: false }; // a reader who may not see the hidden truth
 * const e = run.log.find((x) => x.type === 'accusation.made');
 * if (e?.type === 'accusation.made') console.log(NARRATIVE_EN.events['accusation.made'](e, context));
 * ```
 */
export interface NarrativeContext {
  /** Whether the reader may see the hidden truth (covert operations, who really did it). */
  readonly truth: boolean;
}

/**
 * The sentences of the narrative in one language: one function per event type (returning null
 * when the event is not told), the causes of trust and escalation changes, the round heading.
 *
 * @example
 * ```ts
 * const t: NarrativeText = { ...NARRATIVE_EN, roundHeading: (r) => `Tour ${r}` };
 * ```
 */
export interface NarrativeText {
  readonly events: { readonly [K in NarratedEventType]: (e: EventOf<K>, c: NarrativeContext) => string | null };
  /** Why a number moved, by the type of the event behind it. */
  readonly causes: Readonly<Record<string, string>>;
  /** A rung's long name, e.g. 'L2 public accusation'. */
  readonly rungName: (rung: number) => string;
  /** The heading of a round, with the date it stands for when the scenario has a calendar. */
  readonly roundHeading: (round: number, date?: string) => string;
}

const pct = (x: number) => `${Math.round(x * 100)}%`;

function article(word: string): string {
  return /^[aeiou]/.test(word) ? 'an' : 'a';
}

function hotlineVerb(answer: string): string {
  switch (answer) {
    case 'deny':
      return 'denied on the hotline';
    case 'cooperate':
      return 'denied on the hotline and offered to cooperate';
    case 'acknowledge':
      return 'acknowledged on the hotline';
    default:
      return 'did not answer the hotline';
  }
}

function answerVerb(answer: string): string {
  switch (answer) {
    case 'deny':
      return 'denied';
    case 'cooperate':
      return 'denied and offered cooperation on';
    case 'acknowledge':
      return 'acknowledged';
    default:
      return 'ignored';
  }
}

function terms(list: readonly Commitment[]): string {
  return list
    .map((t) => (t.kind === 'norms' ? `norms ${(t.norms ?? []).join(', ')}` : t.kind === 'next-round' ? `talks every ${t.rounds} rounds` : t.kind === 'assistance' ? `answers within ${t.rounds ?? 1} rounds` : t.kind))
    .join('; ');
}

// What was left unanswered, by the kind of request: an assistance request is a request for help
// in an investigation, not a hotline call. Every kind is named (the compiler checks it), though
// the engine lets only the first three expire unanswered (offers and votes end otherwise).
const REQUEST_WORDS: Readonly<Record<RequestKind, string>> = {
  accusation: 'accusation',
  'hotline-query': 'hotline call',
  assistance: 'request for help',
  proposal: 'offer in talks',
  'forum-vote': 'call for a vote',
};

const measure = (m: string) => (m === 'indictment' ? 'indictments' : 'economic sanctions');
const broke = (e: { readonly commitment: string | null; readonly norm: string | null }) => (e.commitment ? `its ${e.commitment} commitment` : `norm ${e.norm}`);

const CAUSES_EN: Readonly<Record<string, string>> = {
  'incident.detected': 'an incident attributed to them',
  'accusation.made': 'an accusation',
  'accusation.answered': 'an answer to an accusation',
  'hotline.queried': 'a hotline call',
  'hotline.answered': 'an answer on the hotline',
  'request.unanswered': 'a request left unanswered',
  'sanction.imposed': 'sanctions',
  'sanction.lifted': 'sanctions lifted',
  'sanction.threatened': 'a threat of sanctions',
  'information.shared': 'shared information',
  'retaliation.conducted': 'a retaliatory strike',
  'violation.perceived': 'a broken commitment',
  'assistance.answered': 'an answer to a request for help',
  'talks.ended': 'a walk-out',
  'agreement.withdrawn': 'a withdrawal from an agreement',
  'commitment.kept': 'commitments kept',
  'conflict.opened': 'open conflict',
};

// The side each cause of a trust change pushes. Trust is a Beta reputation: an event adds good
// evidence (raising trust) or bad evidence (lowering it), by its type alone, as the update phase
// weighs it (src/engine/phases/update.ts; the weights are ≥ 0, so a type never changes side).
// A cause in neither set is told as before, with the move.
const RAISES_TRUST: ReadonlySet<string> = new Set(['hotline.answered', 'accusation.answered', 'sanction.lifted', 'information.shared', 'assistance.answered', 'commitment.kept']);
const LOWERS_TRUST: ReadonlySet<string> = new Set([
  'incident.detected',
  'accusation.made',
  'request.unanswered',
  'sanction.imposed',
  'sanction.threatened',
  'retaliation.conducted',
  'violation.perceived',
  'talks.ended',
  'agreement.withdrawn',
]);

/**
 * The causes of a trust change split by the way they pushed: `along` pushed trust the way it moved
 * (with any cause whose side is unknown), `against` the other way (it moved despite them). A
 * round's evidence can go both ways: trust fell on sanctions despite commitments kept.
 *
 * @example
 * ```ts
 * trustCauseSides({ before: 0.55, after: 0.47, causes: ['sanction.imposed', 'commitment.kept'] });
 * // { along: ['sanction.imposed'], against: ['commitment.kept'] }
 * ```
 */
export function trustCauseSides(e: { readonly before: number; readonly after: number; readonly causes: readonly string[] }): { readonly along: string[]; readonly against: string[] } {
  const opposite = e.after > e.before ? LOWERS_TRUST : RAISES_TRUST;
  return { along: e.causes.filter((c) => !opposite.has(c)), against: e.causes.filter((c) => opposite.has(c)) };
}

function trustSentence(e: EventOf<'trust.changed'>): string {
  const { along, against } = trustCauseSides(e);
  const say = (list: readonly string[]) => list.map((c) => CAUSES_EN[c] ?? c).join(', ');
  // Evidence that all pushed the other way can still lose to the fading of older evidence.
  const why = along.length > 0 ? say(along) : 'older evidence faded';
  return `${e.from}'s trust in ${e.to} ${e.after > e.before ? 'rose' : 'fell'} from ${e.before.toFixed(2)} to ${e.after.toFixed(2)}: ${why}${against.length > 0 ? `; despite ${say(against)}` : ''}.`;
}

/** A mechanism override as `path = value` lines, in the order written: `detection.scale = 2`. */
function settings(set: unknown, prefix = ''): string[] {
  if (set === null || typeof set !== 'object' || Array.isArray(set)) return [`${prefix} = ${JSON.stringify(set)}`];
  return Object.entries(set).flatMap(([k, v]) => settings(v, prefix ? `${prefix}.${k}` : k));
}

/**
 * The narrative in English (the default).
 *
 * @example
 * ```ts
 * narrateRun(run, { text: NARRATIVE_EN });
 * ```
 */
export const NARRATIVE_EN: NarrativeText = Object.freeze<NarrativeText>({
  causes: CAUSES_EN,
  rungName: (rung: number) => RUNG_NAMES[rung] ?? `L${rung}`,
  roundHeading: (round: number, date?: string) => (date === undefined ? `Round ${round}` : `Round ${round} (${date})`),
  events: {
    'inject.applied': (e) => {
      // A note without words has nothing to tell.
      if (e.inject.type === 'note') return e.inject.text.trim() === '' ? null : `📰 ${oneLine(e.inject.text)}`;
      if (e.inject.type === 'mechanisms') return `⚙ From this round on: ${settings(e.inject.set).join(', ')}.`;
      // Capabilities are public (every view shows them), and a scripted change moves every draw after it.
      if (e.inject.type === 'capability') return `⚙ From this round on: ${e.inject.actor}'s ${e.inject.capability} = ${e.inject.value}.`;
      return null;
    },
    // A strategy's error message, and a reason quoting what a strategy returned, are not scenario
    // text and were never checked: one line, control characters shown rather than executed.
    'strategy.failed': (e) => `(${e.actor}'s strategy failed: ${showControlCharacters(oneLine(e.message))})`,
    'action.rejected': (e) => `(${e.actor}'s action was rejected: ${showControlCharacters(oneLine(e.reason))})`,
    'operation.conducted': (e) => {
      const o = e.operation;
      const via = o.author !== o.principal ? ` through ${o.author}` : '';
      const flag = o.falseFlag ? `, planting evidence against ${o.falseFlag}` : '';
      const what = o.against === 'networks' ? '' : ` against ${o.against === 'cert' ? 'its CERT' : 'critical infrastructure'}`;
      return `[hidden] ${o.principal} ran ${o.kind}${what} on ${o.target}${via}${flag} — ${o.success ? 'it worked' : 'it failed'}.`;
    },
    'incident.detected': (e, c) => {
      const real = e.operation === null ? (c.truth ? ' [in truth a false alarm]' : '') : '';
      const who = e.suspect === null ? 'no suspect yet' : `suspects ${e.suspect} (${pct(e.confidence)} sure)`;
      return `${e.victim} detected ${article(e.kind)} ${e.kind} incident; ${who}.${real}`;
    },
    'incident.investigated': (e) => `${e.victim}'s investigation of ${e.incident}: now ${e.suspect ?? 'nobody'} at ${pct(e.confidence)}.`,
    'accusation.made': (e) =>
      e.public
        ? e.formal
          ? `${e.by} formally attributed an incident to ${e.target} (${pct(e.confidence)} sure), threatening sanctions.`
          : `${e.by} publicly blamed ${e.target} for an incident (${pct(e.confidence)} sure).`
        : `${e.by} privately confronted ${e.target} about an incident (${pct(e.confidence)} sure).`,
    'accusation.answered': (e) => `${e.by} ${answerVerb(e.answer)} ${e.to}'s accusation.`,
    'denial.issued': (e) => `${e.by} publicly denied ${e.accuser}'s accusation.`,
    'hotline.queried': (e) => `${e.by} called ${e.target} on the hotline about an incident.`,
    'hotline.answered': (e) => `${e.by} ${hotlineVerb(e.answer)}; ${e.to} now puts it at ${pct(e.confidence)}.`,
    'request.unanswered': (e) => `${e.by} left ${e.to}'s ${REQUEST_WORDS[e.kind]} unanswered.`,
    'sanction.imposed': (e) => `${e.sanction.by} imposed ${measure(e.sanction.measure)} on ${e.sanction.target}.`,
    'sanction.lifted': (e) => `${e.by} lifted its sanctions on ${e.target}.`,
    'norm.adopted': (e) => `${e.actor} adopted norm ${e.norm}.`,
    'information.shared': (e) => `${e.by} shared forensic findings with ${e.target}${e.suspect ? ` (pointing at ${e.suspect})` : ''}.`,
    'retaliation.conducted': (e) => `${e.by} struck back at ${e.target} with a ${e.kind} attack — ${e.success ? 'it hit' : 'it failed'}.`,
    'truth.revealed': (e) =>
      e.principal === null
        ? `It came out that ${e.victim}'s incident was a false alarm.`
        : `It came out that ${e.principal}${e.author && e.author !== e.principal ? ` (through ${e.author})` : ''} was behind ${e.victim}'s incident.`,
    'agreement.signed': (e) => `${andList(e.agreement.parties)} signed an agreement: ${e.agreement.terms.map((t) => t.kind).join(', ')}.`,
    'escalation.changed': (e) => `${e.from} → ${e.to} escalated to ${NARRATIVE_EN.rungName(e.rung)}${CAUSES_EN[e.cause] ? ` (${CAUSES_EN[e.cause]})` : ''}.`,
    'trust.changed': (e) => trustSentence(e),
    'conflict.opened': (e) => `⚠ Open conflict between ${e.between[0]} and ${e.between[1]}.`,
    'talks.opened': (e) => `${e.by} proposed talks to ${e.target}: ${terms(e.terms)}.`,
    'talks.offered': (e) => `${e.by} countered ${e.to}'s offer: ${terms(e.terms)}.`,
    'talks.ended': (e) =>
      e.outcome === 'agreed'
        ? null
        : e.outcome === 'expired'
          ? `Talks between ${andList(e.parties)} ran out of time.`
          : `${e.by} ${e.outcome === 'rejected' ? 'turned down' : 'walked out of'} the talks with ${andList(e.parties.filter((p) => p !== e.by))}.`,
    'agreement.withdrawn': (e) => `${e.by} withdrew from its agreement with ${andList(e.parties.filter((p) => p !== e.by))}.`,
    'assistance.requested': (e) => `${e.by} asked ${e.target} for help investigating an incident.`,
    'assistance.answered': (e) => `${e.by} ${e.answer === 'cooperate' ? 'helped' : 'refused to help'} ${e.to}.`,
    'sanction.threatened': (e) => `${e.threat.by} threatened ${e.threat.target} with ${measure(e.threat.measure)}${e.threat.unless ? ` (condition: ${oneLine(e.threat.unless)})` : ''}.`,
    'dialogue.held': (e) => `Scheduled dialogue between ${andList(e.parties)} (${e.proposer} to propose).`,
    'dialogue.skipped': (e) => `The scheduled dialogue between ${andList(e.parties)} did not take place (suspended).`,
    'dialogue.suspended': (e) => `${e.by} suspended its dialogue with ${e.target}.`,
    'dialogue.resumed': (e) => `${e.by} resumed its dialogue with ${e.target}.`,
    'forum.convened': (e) => `Forum ${e.forum} met.`,
    'forum.tabled': (e) => `${e.by} tabled ${e.norms.length === 1 ? 'norm' : 'norms'} ${andList(e.norms)} in ${e.forum}.`,
    'forum.adopted': (e) => `${e.forum} adopted ${e.norms.length === 1 ? 'norm' : 'norms'} ${andList(e.norms)}${e.holdouts.length ? ` over the objection of ${andList(e.holdouts)}` : ''}.`,
    'forum.failed': (e) => `${e.forum} failed to adopt ${e.norms.length === 1 ? 'norm' : 'norms'} ${andList(e.norms)}${e.holdouts.length ? `: ${andList(e.holdouts)} objected` : ''}.`,
    'violation.committed': (e) => `[hidden] ${e.by} broke ${broke(e)} towards ${e.against}.`,
    'violation.perceived': (e, c) => `${e.by} believes ${e.against} broke ${broke(e)} (${pct(e.confidence)} sure)${c.truth && !e.real ? ' [in truth it did not]' : ''}.`,
  },
});
