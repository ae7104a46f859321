import type { Run } from '../engine/simulate.js';
import type { SimEvent } from '../model/event.js';
import type { NarratedEventType, NarrativeContext, NarrativeText } from '../text/narrative.js';
import { NARRATIVE_EN } from '../text/narrative.js';
import { ConfigError } from '../engine/errors.js';
import { eventIssue } from '../engine/world-check.js';
import { checkRunArgument } from './run-check.js';
import { everyMember } from '../model/members.js';
import { checkOptionNames } from '../engine/option-names.js';

/**
 * Options of {@link narrateEvent} and {@link narrateRun}.
 *
 * @example
 * ```ts
 * const options: NarrativeOptions = { truth: false, verbose: true }; // what the actors could know, bookkeeping too
 * console.log(narrateRun(run, options).join('\n'));
 * ```
 */
export interface NarrativeOptions {
  /** Show the hidden truth (covert operations, who really did it). Default true: the reader is the teacher. */
  readonly truth?: boolean;
  /** Include investigation updates and quiet bookkeeping. Default false. */
  readonly verbose?: boolean;
  /** The sentences, in one language (default: {@link NARRATIVE_EN}). */
  readonly text?: NarrativeText;
}

/** The names {@link narrateEvent} accepts in its options, and those of {@link narrateRun} and {@link storyLines}. */
const NARRATIVE_OPTIONS = everyMember<keyof NarrativeOptions & string>()(['truth', 'verbose', 'text']);
const STORY_OPTIONS = everyMember<keyof StoryOptions & string>()(['truth', 'verbose', 'text', 'roundLabel']);

/** Options of {@link narrateRun} and {@link storyLines}: those of {@link narrateEvent}, and a round's heading. */
type StoryOptions = NarrativeOptions & { readonly roundLabel?: (round: number) => string };

/** Events told only with `verbose`. */
const VERBOSE_ONLY: ReadonlySet<string> = new Set(['incident.investigated', 'norm.adopted', 'action.rejected', 'forum.convened']);
/** Events told only when the reader may see the hidden truth. */
const TRUTH_ONLY: ReadonlySet<string> = new Set(['operation.conducted', 'violation.committed']);

function isNarrated(e: SimEvent): e is Extract<SimEvent, { type: NarratedEventType }> {
  return e.type !== 'decision.made' && e.type !== 'round.ended';
}

/**
 * One line of story for an event, or null when the event is not worth telling. This decides
 * which events are told; the sentences come from the catalogue (`options.text`, English by default).
 * An option name it does not know (`truht` for `truth`) is a {@link ConfigError} naming it.
 *
 * @example
 * ```ts
 * run.log.map((e) => narrateEvent(e)).filter(Boolean);
 * ```
 */
export function narrateEvent(e: SimEvent, options: NarrativeOptions = {}): string | null {
  checkOptionNames(options, NARRATIVE_OPTIONS, 'narrateEvent');
  return told(e, options);
}

/** {@link narrateEvent} once its option names are checked (a story checks its own once, not per event). */
function told(e: SimEvent, options: NarrativeOptions): string | null {
  const notEvent = eventIssue(e, 'event');
  if (notEvent !== undefined) throw new ConfigError([notEvent], 'narrateEvent');
  const truth = options.truth !== false;
  if (!isNarrated(e)) return null;
  if (VERBOSE_ONLY.has(e.type) && !options.verbose) return null;
  if (TRUTH_ONLY.has(e.type) && !truth) return null;
  const say = (options.text ?? NARRATIVE_EN).events[e.type] as (event: SimEvent, c: NarrativeContext) => string | null;
  return say(e, { truth });
}

/**
 * The story of a run, round by round: the notable events of each round in plain English. An
 * option name it does not know (`truht` for `truth`: the hidden truth was told) is a
 * {@link ConfigError} naming it, with a "did you mean".
 *
 * @example
 * ```ts
 * console.log(narrateRun(run).join('\n'));
 * ```
 */
export function narrateRun(run: Pick<Run, 'log'>, options: StoryOptions = {}): string[] {
  checkRunArgument(run, 'narrateRun', false);
  checkOptionNames(options, STORY_OPTIONS, 'narrateRun');
  return storyOf(run, options).map((l) => (l.kind === 'heading' ? l.text : `  ${l.text}`));
}

/**
 * What a line of story is: a round's heading, scripted news (a note), hidden truth (what only the
 * engine knows), or any other event. The HTML report styles lines by it, whatever the language.
 */
export type StoryLineKind = 'heading' | 'news' | 'truth' | 'event';

/** The story of {@link narrateRun}, each line with its kind and without the indentation of items. */
export function storyLines(run: Pick<Run, 'log'>, options: StoryOptions = {}): { readonly kind: StoryLineKind; readonly text: string }[] {
  checkOptionNames(options, STORY_OPTIONS, 'storyLines');
  return storyOf(run, options);
}

function storyOf(run: Pick<Run, 'log'>, options: StoryOptions): { readonly kind: StoryLineKind; readonly text: string }[] {
  const lines: { kind: StoryLineKind; text: string }[] = [];
  let current = -1;
  let buffer: { kind: StoryLineKind; text: string }[] = [];
  const flush = () => {
    if (current >= 0 && buffer.length > 0) {
      lines.push({ kind: 'heading', text: options.roundLabel ? options.roundLabel(current) : (options.text ?? NARRATIVE_EN).roundHeading(current) });
      // A loop, not push(...buffer): a round of a large world can hold more lines than a call takes arguments.
      for (const b of buffer) lines.push(b);
    }
    buffer = [];
  };
  for (const e of run.log) {
    if (e.round !== current) {
      flush();
      current = e.round;
    }
    const text = told(e, options);
    if (text) buffer.push({ kind: e.type === 'inject.applied' && e.inject.type === 'note' ? 'news' : TRUTH_ONLY.has(e.type) ? 'truth' : 'event', text });
  }
  flush();
  return lines;
}
