import type { Run } from '../engine/simulate.js';
import { RUNG_NAMES } from '../model/escalation.js';
import type { SimEvent } from '../model/event.js';

/** Options of {@link narrateEvent} and {@link narrateRun}. */
export interface NarrativeOptions {
  /** Show the hidden truth (covert operations, who really did it). Default true: the reader is the teacher. */
  readonly truth?: boolean;
  /** Include investigation updates and quiet bookkeeping. Default false. */
  readonly verbose?: boolean;
}

const pct = (x: number) => `${Math.round(x * 100)}%`;

/**
 * One line of story for an event, or null when the event is not worth telling.
 *
 * @example
 * ```ts
 * run.log.map((e) => narrateEvent(e)).filter(Boolean);
 * ```
 */
export function narrateEvent(e: SimEvent, options: NarrativeOptions = {}): string | null {
  const truth = options.truth !== false;
  switch (e.type) {
    case 'inject.applied':
      return e.inject.type === 'note' ? `📰 ${e.inject.text}` : null;
    case 'operation.conducted': {
      if (!truth) return null;
      const o = e.operation;
      const via = o.author !== o.principal ? ` through ${o.author}` : '';
      const flag = o.falseFlag ? `, planting evidence against ${o.falseFlag}` : '';
      const what = o.against === 'networks' ? '' : ` against ${o.against === 'cert' ? 'its CERT' : 'critical infrastructure'}`;
      return `[hidden] ${o.principal} ran ${o.kind}${what} on ${o.target}${via}${flag} — ${o.success ? 'it worked' : 'it failed'}.`;
    }
    case 'incident.detected': {
      const real = e.operation === null ? (truth ? ' [in truth a false alarm]' : '') : '';
      const who = e.suspect === null ? 'no suspect yet' : `suspects ${e.suspect} (${pct(e.confidence)} sure)`;
      return `${e.victim} detected ${article(e.kind)} ${e.kind} incident; ${who}.${real}`;
    }
    case 'incident.investigated':
      return options.verbose ? `${e.victim}'s investigation of ${e.incident}: now ${e.suspect ?? 'nobody'} at ${pct(e.confidence)}.` : null;
    case 'accusation.made':
      return e.public
        ? `${e.by} ${e.formal ? 'formally attributed' : 'publicly blamed'} ${e.target} for an incident (${pct(e.confidence)} sure)${e.formal ? ', threatening sanctions' : ''}.`
        : `${e.by} privately confronted ${e.target} about an incident (${pct(e.confidence)} sure).`;
    case 'accusation.answered':
      return `${e.by} ${answerVerb(e.answer)} ${e.to}'s accusation.`;
    case 'denial.issued':
      return `${e.by} publicly denied ${e.accuser}'s accusation.`;
    case 'hotline.queried':
      return `${e.by} called ${e.target} on the hotline about an incident.`;
    case 'hotline.answered':
      return `${e.by} ${answerVerb(e.answer)} on the hotline; ${e.to} now puts it at ${pct(e.confidence)}.`;
    case 'request.unanswered':
      return `${e.by} left ${e.to}'s ${e.kind === 'accusation' ? 'accusation' : 'hotline call'} unanswered.`;
    case 'sanction.imposed':
      return `${e.sanction.by} imposed ${e.sanction.measure === 'indictment' ? 'indictments' : 'economic sanctions'} on ${e.sanction.target}.`;
    case 'sanction.lifted':
      return `${e.by} lifted its sanctions on ${e.target}.`;
    case 'norm.adopted':
      return options.verbose ? `${e.actor} adopted norm ${e.norm}.` : null;
    case 'information.shared':
      return `${e.by} shared forensic findings with ${e.target}${e.suspect ? ` (pointing at ${e.suspect})` : ''}.`;
    case 'retaliation.conducted':
      return `${e.by} struck back at ${e.target} with a ${e.kind} attack — ${e.success ? 'it hit' : 'it failed'}.`;
    case 'truth.revealed':
      return e.principal === null
        ? `It came out that ${e.victim}'s incident was a false alarm.`
        : `It came out that ${e.principal}${e.author && e.author !== e.principal ? ` (through ${e.author})` : ''} was behind ${e.victim}'s incident.`;
    case 'agreement.signed':
      return `${e.agreement.parties.join(' and ')} signed an agreement: ${e.agreement.terms.map((t) => t.kind).join(', ')}.`;
    case 'escalation.changed':
      return `${e.from} → ${e.to} escalated to ${RUNG_NAMES[e.rung] ?? `L${e.rung}`}${CAUSES[e.cause] ? ` (${CAUSES[e.cause]})` : ''}.`;
    case 'trust.changed':
      return `${e.from}'s trust in ${e.to} ${e.after > e.before ? 'rose' : 'fell'} from ${e.before.toFixed(2)} to ${e.after.toFixed(2)}: ${e.causes.map((c) => CAUSES[c] ?? c).join(', ')}.`;
    case 'conflict.opened':
      return `⚠ Open conflict between ${e.between[0]} and ${e.between[1]}.`;
    case 'action.rejected':
      return options.verbose ? `(${e.actor}'s action was rejected: ${e.reason})` : null;
    case 'strategy.failed':
      return `(${e.actor}'s strategy failed: ${e.message})`;
    case 'talks.opened':
      return `${e.by} proposed talks to ${e.target}: ${terms(e.terms)}.`;
    case 'talks.offered':
      return `${e.by} countered ${e.to}'s offer: ${terms(e.terms)}.`;
    case 'talks.ended':
      return e.outcome === 'agreed'
        ? null
        : e.outcome === 'expired'
          ? `Talks between ${e.parties.join(' and ')} ran out of time.`
          : `${e.by} ${e.outcome === 'rejected' ? 'turned down' : 'walked out of'} the talks with ${e.parties.filter((p) => p !== e.by).join(', ')}.`;
    case 'agreement.withdrawn':
      return `${e.by} withdrew from its agreement with ${e.parties.filter((p) => p !== e.by).join(', ')}.`;
    case 'assistance.requested':
      return `${e.by} asked ${e.target} for help investigating an incident.`;
    case 'assistance.answered':
      return `${e.by} ${e.answer === 'cooperate' ? 'helped' : 'refused to help'} ${e.to}.`;
    case 'sanction.threatened':
      return `${e.threat.by} threatened ${e.threat.target} with ${e.threat.measure === 'indictment' ? 'indictments' : 'economic sanctions'}${e.threat.unless ? ` (condition: ${e.threat.unless})` : ''}.`;
    case 'dialogue.held':
      return `Scheduled dialogue between ${e.parties.join(' and ')} (${e.proposer} to propose).`;
    case 'dialogue.skipped':
      return `The scheduled dialogue between ${e.parties.join(' and ')} did not take place (suspended).`;
    case 'dialogue.suspended':
      return `${e.by} suspended its dialogue with ${e.target}.`;
    case 'dialogue.resumed':
      return `${e.by} resumed its dialogue with ${e.target}.`;
    case 'forum.convened':
      return options.verbose ? `Forum ${e.forum} met.` : null;
    case 'forum.tabled':
      return `${e.by} tabled norms ${e.norms.join(', ')} in ${e.forum}.`;
    case 'forum.adopted':
      return `${e.forum} adopted ${e.norms.join(', ')}${e.holdouts.length ? ` over the objection of ${e.holdouts.join(', ')}` : ''}.`;
    case 'forum.failed':
      return `${e.forum} failed to adopt ${e.norms.join(', ')}${e.holdouts.length ? `: ${e.holdouts.join(', ')} objected` : ''}.`;
    case 'violation.committed':
      return truth ? `[hidden] ${e.by} broke ${e.commitment ? `its ${e.commitment} commitment` : `norm ${e.norm}`} towards ${e.against}.` : null;
    case 'violation.perceived':
      return `${e.by} believes ${e.against} broke ${e.commitment ? `its ${e.commitment} commitment` : `norm ${e.norm}`} (${pct(e.confidence)} sure)${truth && !e.real ? ' [in truth it did not]' : ''}.`;
    default:
      return null;
  }
}

/** Why a number moved, by the type of the event behind it. */
const CAUSES: Readonly<Record<string, string>> = {
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

function terms(list: readonly { readonly kind: string; readonly rounds?: number; readonly norms?: readonly string[] }[]): string {
  return list
    .map((t) => (t.kind === 'norms' ? `norms ${(t.norms ?? []).join(', ')}` : t.kind === 'next-round' ? `talks every ${t.rounds} rounds` : t.kind === 'assistance' ? `answers within ${t.rounds ?? 1} rounds` : t.kind))
    .join('; ');
}

function article(word: string): string {
  return /^[aeiou]/.test(word) ? 'an' : 'a';
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

/**
 * The story of a run, round by round: the notable events of each round in plain English.
 *
 * @example
 * ```ts
 * console.log(narrateRun(run).join('\n'));
 * ```
 */
export function narrateRun(run: Pick<Run, 'log'>, options: NarrativeOptions & { readonly roundLabel?: (round: number) => string } = {}): string[] {
  const lines: string[] = [];
  let current = -1;
  let buffer: string[] = [];
  const flush = () => {
    if (current >= 0 && buffer.length > 0) {
      lines.push(`${options.roundLabel ? options.roundLabel(current) : `Round ${current}`}`);
      for (const b of buffer) lines.push(`  ${b}`);
    }
    buffer = [];
  };
  for (const e of run.log) {
    if (e.round !== current) {
      flush();
      current = e.round;
    }
    const line = narrateEvent(e, options);
    if (line) buffer.push(line);
  }
  flush();
  return lines;
}
