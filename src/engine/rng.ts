// The only module that touches seedrandom. We load the alea generator directly: it is fast
// (≈2 µs to create, ≈22 ns a draw, DESIGN §8), keeps an exact, plain-JSON state for snapshots,
// and skips seedrandom's entry point, which probes Node's crypto for auto-seeding we never use.
import alea from 'seedrandom/lib/alea.js';
import type { RngState } from '../model/world.js';
import { copied } from '../model/record.js';
import { ProtocolError } from './errors.js';

/**
 * A source of uniform random numbers handed to strategies. Every draw comes from the actor's
 * own seeded stream and is counted, so a run replays without calling the strategy again. It
 * serves the call (`simulate`, `step`, a pending round) that handed it out: once another call
 * starts, a draw from it throws a `ProtocolError` (or moves a stream that no run uses any more),
 * so a kept rng cannot change a later run.
 *
 * @example
 * ```ts
 * const operate: Strategy['operate'] = (view, rng) => (rng.chance(0.1) ? [{ type: 'operate', target: 'US', kind: 'espionage' }] : []);
 * ```
 */
export interface Rng {
  /** A uniform number in [0, 1). */
  next(): number;
  /** A uniform integer in [0, n). */
  int(n: number): number;
  /** True with probability p. */
  chance(p: number): boolean;
  /** A uniformly chosen item, or undefined for an empty list. */
  pick<T>(items: readonly T[]): T | undefined;
}

type Generator = ReturnType<typeof alea>;

/**
 * The four draws of `stream`, delegating to it, frozen (see {@link Stream.facade}), and the
 * function that cuts the facade off its stream for good (see {@link Stream.retire}). Cutting it
 * changes the binding the closures already read, so a draw costs what it cost before.
 */
function facadeOf(stream: Stream): { readonly rng: Rng; readonly retire: () => void } {
  let s = stream;
  const rng = Object.freeze({
    next: () => s.next(),
    int: (n: number) => s.int(n),
    chance: (p: number) => s.chance(p),
    pick: <T>(items: readonly T[]) => s.pick(items),
  });
  return { rng, retire: () => (s = RETIRED) };
}

/** One keyed stream: a generator plus a draw counter. */
export class Stream implements Rng {
  draws = 0;
  #facade: Rng | undefined;
  #retire: (() => void) | undefined;
  // The frozen record of the generator's state, kept until the generator moves again: most
  // streams are not drawn from in a given round, and a world's `rng` reuses their records.
  #state: RngState | undefined;
  constructor(
    private readonly gen: Generator,
    state?: RngState,
  ) {
    this.#state = state;
  }
  /**
   * What a strategy is handed: the four draws and nothing else (no `skip`, no state, no counter to
   * reset). It only delegates, so every phase of a run hands out the same one.
   */
  facade(): Rng {
    // Made by a separate function: closures here would make V8 allocate their context (holding
    // `this`) on every call, cached facade or not (≈ 1% of a small run's bytes, 1.01× in an A/B;
    // docs/performance.md, tenth pass).
    if (this.#facade === undefined) {
      const made = facadeOf(this);
      this.#facade = made.rng;
      this.#retire = made.retire;
    }
    return this.#facade;
  }
  /**
   * Cut the facade handed out so far off this stream (any draw from it throws a
   * {@link ProtocolError}); the next call of `facade` makes a new one. A strategy that kept the
   * rng of an earlier call can then not move the stream of a later one (see startRound in round.ts).
   */
  retire(): void {
    this.#retire?.();
    this.#retire = undefined;
    this.#facade = undefined;
  }
  /** No draw since the state record was last made (`state()`, or the saved state it was created from). */
  atSavedState(): boolean {
    return this.#state !== undefined;
  }
  next(): number {
    this.draws++;
    this.#state = undefined;
    return this.gen();
  }
  int(n: number): number {
    return Math.floor(this.next() * n);
  }
  chance(p: number): boolean {
    return this.next() < p;
  }
  pick<T>(items: readonly T[]): T | undefined {
    if (items.length === 0) return undefined;
    return items[this.int(items.length)];
  }
  /** Advance by `n` draws (used by replay to skip a strategy's recorded draws). */
  skip(n: number): void {
    if (n > 0) this.#state = undefined;
    for (let i = 0; i < n; i++) this.gen();
  }
  /** The generator's state, as a frozen record (the same record while no draw is made). */
  state(): RngState {
    return (this.#state ??= Object.freeze(this.gen.state()));
  }
}

/** Where a retired facade delegates: a stream whose every draw throws. */
const RETIRED = new Stream(Object.assign(retiredDraw, { state: retiredDraw }));

function retiredDraw(): never {
  throw new ProtocolError('an rng handed out in an earlier call was drawn from: a strategy must draw only from the rng each call gives it');
}

/**
 * The random streams of one run, keyed by (who, why): `"US/detection"`, `"CN/strategy"`. A stream
 * is created from the master seed and its key the first time it is drawn from, or from its saved
 * state, so adding an actor or an extra draw in one stream never shifts another stream.
 */
export class StreamSet {
  private readonly live = new Map<string, Stream>();
  /** The same streams by actor, then purpose: the hot path's lookups build no key string. */
  private readonly byActor = new Map<string, Map<StreamPurpose, Stream>>();
  /** Every key (saved or live), sorted; rebuilt only when a stream is first drawn from. */
  private sorted: string[] | undefined;
  constructor(
    private readonly seed: string,
    private readonly saved: Readonly<Record<string, RngState>>,
  ) {}

  /** The actor list the two lists below were made for. */
  private strategyActors: readonly { readonly id: string }[] | undefined;
  private strategyIds: readonly string[] = [];
  private strategyList: readonly Stream[] = [];

  /**
   * The ids of `actors` and their `strategy` streams, by position: every decision phase but the
   * responses asks every actor, and the list is the same from phase to phase until the actors change.
   */
  strategyStreams(actors: readonly { readonly id: string }[]): { readonly ids: readonly string[]; readonly streams: readonly Stream[] } {
    if (actors !== this.strategyActors) {
      const ids: string[] = [];
      const streams: Stream[] = [];
      for (let k = 0; k < actors.length; k++) {
        const id = (actors[k] as { readonly id: string }).id;
        ids.push(id);
        streams.push(this.of(id, 'strategy'));
      }
      this.strategyActors = actors;
      this.strategyIds = ids;
      this.strategyList = streams;
    }
    return { ids: this.strategyIds, streams: this.strategyList };
  }

  /** The stream of an actor and a purpose (the same as `get(streamKey(actor, purpose))`, without building the key each time). */
  of(actor: string, purpose: StreamPurpose): Stream {
    let byPurpose = this.byActor.get(actor);
    if (byPurpose === undefined) this.byActor.set(actor, (byPurpose = new Map()));
    let s = byPurpose.get(purpose);
    if (s === undefined) byPurpose.set(purpose, (s = this.get(streamKey(actor, purpose))));
    return s;
  }

  get(key: string): Stream {
    let s = this.live.get(key);
    if (s === undefined) {
      const state = this.saved[key];
      s = state ? new Stream(alea('', { state: copied(state) }), state) : new Stream(alea(`${this.seed}\u0000${key}`, { state: true }));
      this.live.set(key, s);
      if (state === undefined) this.sorted = undefined;
    }
    return s;
  }

  /**
   * Every stream still at the state `states()` last saved (or was created from): nothing drew
   * from this set since its states were saved in a world.
   */
  untouched(): boolean {
    for (const s of this.live.values()) if (!s.atSavedState()) return false;
    return true;
  }

  /** Retire every facade handed out so far (see {@link Stream.retire}). */
  retireFacades(): void {
    for (const s of this.live.values()) s.retire();
  }

  /** The saved states updated with every stream used since construction, keys sorted. */
  states(): Readonly<Record<string, RngState>> {
    if (this.live.size === 0) return this.saved;
    if (!this.sorted) {
      const keys = new Set<string>(Object.keys(this.saved));
      for (const k of this.live.keys()) keys.add(k);
      this.sorted = [...keys].sort();
    }
    const out: Record<string, RngState> = {};
    for (const k of this.sorted) {
      const s = this.live.get(k);
      // Frozen records, so the deep freeze of the next world stops at each at once.
      out[k] = s ? s.state() : (this.saved[k] as RngState);
    }
    return Object.freeze(out);
  }
}

/**
 * Internal: the bare generator of one stream — alea keyed `seed \0 actor/purpose`, as
 * {@link StreamSet} makes it, so the same numbers in the same order — for the flat round path
 * (src/engine/flat), which counts no draws and saves no state.
 */
export function bareStream(seed: string, actor: string, purpose: StreamPurpose): () => number {
  return alea(`${seed}\u0000${streamKey(actor, purpose)}`, { state: true });
}

/** Stream key for an actor and a purpose. @example `streamKey('US', 'detection') // 'US/detection'` */
export function streamKey(actor: string, purpose: StreamPurpose): string {
  return `${actor}/${purpose}`;
}

/** Why a stream draws: operation outcomes, detection, identification, or the actor's strategy. */
export type StreamPurpose = 'operations' | 'detection' | 'attribution' | 'strategy' | 'retaliation';
