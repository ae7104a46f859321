// The per-run mutable state of the flat path and the mechanisms' primitives (detect, accuse, query
// a hotline, retaliate, sanction, propose talks, sign, perceive…). Each primitive applies at once
// the effects its event would have in the update phase (applyEvent in src/engine/phases/update.ts),
// to the tables being built: as every event's evidence is added when it happens, each dyad gets its
// evidence in the order of the round's events, as in the engine.

import type { Mechanisms } from '../../model/mechanisms.js';
import { bareStream } from '../rng.js';
import type { RoundMetrics } from '../metrics.js';
import { bayesUpdate, clamp01, dyadTables, newCounts, priorOf, topSuspect } from './rules.js';
import type { DyadTables, RoundCounts } from './rules.js';
import { CERT, CRITICAL, ESPIONAGE, DISRUPTION, NETWORKS, T_HOTLINE, T_NEXT_ROUND, T_NO_THEFT, T_NORMS, T_RELIEF, T_SHARING } from './setup.js';
import type { FlatPackage, FlatSetup, FlatTerm } from './setup.js';

/** A covert operation (Operation in src/model/operation.ts). */
export interface FlatOp {
  readonly round: number;
  readonly principal: number;
  readonly author: number;
  readonly target: number;
  readonly kind: number;
  readonly against: number;
  readonly severity: number;
  readonly falseFlag: number;
  readonly commercial: boolean;
}

/** A victim's file on an incident (Incident in src/model/incident.ts). */
export interface FlatIncident {
  readonly round: number;
  /** k of the engine's id `inc:<victim>:<round>:<k>` (tit-for-tat orders files by id, as text). */
  readonly k: number;
  readonly kind: number;
  readonly against: number;
  readonly severity: number;
  readonly op: FlatOp | null;
  /** The posterior (n suspects, then "nobody"), changed in place: no view ever holds it. */
  readonly post: Float64Array;
  /** Investigation rounds left. */
  inv: number;
  /** The revealed principal, or -1. */
  revealed: number;
  /** Dropped from the world (retention). */
  gone: boolean;
  /** Per suspect, how many commitments in force at the act it broke if it did it (actCommitments); null if none. */
  readonly pledge: Uint8Array | null;
  /** Suspects already perceived (Incident.perceived). */
  perceived: number[] | null;
}

/** Request kinds and answers. */
export const ACCUSATION = 0;
export const HOTLINE = 1;
export const PROPOSAL = 2;
export const IGNORE = 0;
export const DENY = 1;
export const COOPERATE = 2;
export const ACCEPT = 3;
export const REJECT = 4;
/** An admission (moves the accuser's posterior) and walking out of talks. */
export const ACKNOWLEDGE = 5;
export const WALK_OUT = 6;
/** A counter-offer (pragmatist's: the offer with sanctions relief added). */
export const COUNTER = 7;
// --- forums, assistance, talks, diplomatic built-ins ---
export const ASSISTANCE = 3;
export const FORUM_VOTE = 4;

/** Talks under way (Talks in src/model/agreement.ts): a proposer, the other side, the offer and its deadline. */
export interface FlatTalks {
  readonly a: number;
  readonly b: number;
  /** The offer on the table (a counter-offer replaces it). */
  offer: readonly FlatTerm[];
  readonly deadline: number;
  closed: boolean;
  /** Offers made this round (1 when opened; a counter adds one; 0 again at the end of phase 5). */
  exchanges: number;
}

/** A request (Request in src/model/action.ts). */
export interface FlatRequest {
  readonly kind: number;
  readonly from: number;
  readonly to: number;
  readonly due: number;
  readonly inc: FlatIncident | null;
  readonly talks: FlatTalks | null;
  answer: number;
  /** Asked in the next pass of phase 5 (a counter-offer within the round's bound of exchanges). */
  followUp: boolean;
  // --- forums, assistance, talks, diplomatic built-ins ---
  /** A forum vote's package (`from` is then the forum's index). */
  readonly pkg?: FlatPackage;
}

/** A sanction or a threat in force. */
export interface FlatSanction {
  readonly by: number;
  readonly target: number;
  readonly measure: number;
}

/** Attributions of one round, per suspect (attributedIn in helpers.ts): parallel lists, `count` long. */
export interface Attributions {
  count: number;
  readonly sus: Int32Array;
  readonly conf: Float64Array;
  readonly inc: (FlatIncident | null)[];
}

function attributions(n: number): Attributions {
  return { count: 0, sus: new Int32Array(n), conf: new Float64Array(n), inc: new Array<FlatIncident | null>(n).fill(null) };
}

const PURPOSES = ['operations', 'detection', 'attribution', 'strategy', 'retaliation'] as const;
/** Stream purposes by slot. */
export const S_OPERATIONS = 0;
export const S_DETECTION = 1;
export const S_ATTRIBUTION = 2;
export const S_STRATEGY = 3;
export const S_RETALIATION = 4;

/**
 * One run's state: the dyad tables (at the round's start and being built), welfare, norms and
 * agreement flags, sanctions, talks, requests, files and operations, the round's counts, and the
 * tallies of the results row.
 */
export class FlatRun {
  readonly s: FlatSetup;
  /** The world's mechanisms (replaced by `mechanisms` injects). */
  m: Mechanisms;
  readonly n: number;
  readonly seed: string;
  round = 0;
  /** The tables at the round's start, and those being built (swapped at the round's end). */
  cur: DyadTables;
  nxt: DyadTables;
  readonly peak: Uint8Array;
  readonly actRung: Uint8Array;
  readonly grievance: Float64Array;
  readonly welfare: Float64Array;
  /** Perceived a broken commitment this round (perceiver · n + violator). */
  readonly broke: Uint8Array;
  /** Adopted norms (actor · normIds.length + norm). */
  readonly norms: Uint8Array;
  /** Per ordered pair, whether an agreement in force holds the term (agreements are only ever added). */
  readonly hotline: Uint8Array;
  readonly noTheft: Uint8Array;
  readonly relief: Uint8Array;
  /** Information-sharing agreements each actor is party to. */
  readonly sharing: Int32Array;
  /** Per ordered pair, whether an agreement in force has both as parties (linkedWith in helpers.ts). */
  readonly linked: Uint8Array;
  readonly agreements: (readonly number[])[] = [];
  sanctions: FlatSanction[] = [];
  threats: FlatSanction[] = [];
  talks: FlatTalks[] = [];
  requests: FlatRequest[] = [];
  /** Files per victim, oldest first. */
  readonly incidents: FlatIncident[][];
  /** Operations retained (this round's and those recent enough to be asked about). */
  ops: FlatOp[] = [];
  /** The round's perceived violations for the audit, in event order: by, against, confidence, count. */
  readonly audits: { by: number; against: number; conf: number; count: number }[] = [];
  readonly counts: RoundCounts = newCounts();
  readonly metrics: RoundMetrics[] = [];
  accusations = 0;
  accusationsRight = 0;
  agreementsSigned = 0;
  firstAgreementRound: number | null = null;
  /** Scratch. */
  readonly scratch: Float64Array;
  readonly others: Int32Array;
  readonly bufA: Attributions;
  readonly bufB: Attributions;
  readonly margins: Float64Array;
  readonly picks: Int32Array;
  readonly trusts: Float64Array;
  readonly streams: ((() => number) | null)[];

  constructor(s: FlatSetup, seed: string) {
    this.s = s;
    this.m = s.mechanisms;
    const n = (this.n = s.n);
    const nn = n * n;
    this.seed = seed;
    const d = s.dyads;
    this.cur = { trustR: Float64Array.from(d.trustR), trustS: Float64Array.from(d.trustS), tension: Float64Array.from(d.tension), escT: Float64Array.from(d.escalationTrue), escP: Float64Array.from(d.escalationPerceived), rung: Uint8Array.from(d.rung) };
    this.nxt = dyadTables(nn);
    this.peak = Uint8Array.from(d.peakRung);
    this.actRung = new Uint8Array(nn);
    this.grievance = new Float64Array(nn);
    this.welfare = Float64Array.from(s.welfare);
    this.broke = new Uint8Array(nn);
    this.norms = Uint8Array.from(s.norms);
    this.normsOpen = new Uint8Array(s.norms.length);
    this.hotline = new Uint8Array(nn);
    this.noTheft = new Uint8Array(nn);
    this.relief = new Uint8Array(nn);
    this.sharing = new Int32Array(n);
    this.linked = new Uint8Array(nn);
    for (const ag of s.agreements) this.record(ag.parties, ag.terms);
    this.incidents = [];
    for (let v = 0; v < n; v++) this.incidents.push([]);
    this.scratch = new Float64Array(n + 1);
    this.others = new Int32Array(n);
    this.bufA = attributions(n);
    this.bufB = attributions(n);
    this.margins = new Float64Array(n);
    this.picks = new Int32Array(n);
    this.trusts = new Float64Array(n);
    this.streams = new Array<(() => number) | null>(n * PURPOSES.length).fill(null);
  }

  /** Actor i's stream for a purpose (made on first use, as StreamSet does: same numbers either way). */
  rng(i: number, purpose: number): () => number {
    const k = i * PURPOSES.length + purpose;
    let g = this.streams[k];
    if (g == null) this.streams[k] = g = bareStream(this.seed, this.s.ids[i] as string, PURPOSES[purpose] as (typeof PURPOSES)[number]);
    return g;
  }

  // Evidence (applyEvent's good, bad, overt and act), on the tables being built.
  good(observer: number, about: number, x: number): void {
    const t = this.nxt.trustR;
    const k = observer * this.n + about;
    t[k] = (t[k] as number) + x;
  }
  bad(observer: number, about: number, x: number): void {
    const t = this.nxt.trustS;
    const k = observer * this.n + about;
    t[k] = (t[k] as number) + x;
  }
  overt(from: number, to: number, w: number): void {
    const k = from * this.n + to;
    const { escT, escP } = this.nxt;
    escT[k] = (escT[k] as number) + w;
    escP[k] = (escP[k] as number) + w;
    if (w > 0) {
      const g = this.grievance;
      const j = to * this.n + from;
      g[j] = (g[j] as number) + w;
    }
  }
  act(from: number, to: number, r: number): void {
    const k = from * this.n + to;
    if (r > (this.actRung[k] as number)) this.actRung[k] = r;
  }

  /** The weight of an operation in the escalation scores (opWeight in update.ts). */
  opWeight(kind: number, against: number): number {
    const w = this.m.escalation.weights;
    return kind === ESPIONAGE ? w.posturing : kind === DISRUPTION ? w.nonViolent : against === NETWORKS ? w.nonViolent : w.violent;
  }

  /** Whether actor x has adopted norm k. */
  hasNorm(x: number, k: number): boolean {
    return k >= 0 && this.norms[x * this.s.normIds.length + k] === 1;
  }

  /** An agreement's lasting flags: its hotline, no-theft and relief terms between every pair, and information sharing. */
  private record(parties: readonly number[], terms: readonly FlatTerm[]): void {
    this.agreements.push(parties);
    this.agTerms.push(terms);
    const n = this.n;
    let shares = false;
    for (const term of terms) {
      const flags = term.kind === T_HOTLINE ? this.hotline : term.kind === T_NO_THEFT ? this.noTheft : term.kind === T_RELIEF ? this.relief : null;
      if (term.kind === T_SHARING) shares = true;
      if (term.kind === T_NEXT_ROUND) this.dialogues.push({ parties, suspended: false, wasSuspended: false });
      if (flags !== null) for (const a of parties) for (const b of parties) if (a !== b) flags[a * n + b] = 1;
    }
    for (const a of parties) for (const b of parties) this.linked[a * n + b] = 1;
    if (shares) for (const p of parties) this.sharing[p] = (this.sharing[p] as number) + 1;
  }

  /**
   * signAgreement (phases/agreements.ts) with its events' effects in their order: the signing
   * (de-escalation between every pair), then each term: norms adopted, sanctions between the parties
   * lifted. `next-round` schedules a dialogue, which changes no number of a covered world (holding
   * one is an event that neither the update nor a covered strategy reads).
   */
  sign(parties: readonly number[], terms: readonly FlatTerm[]): void {
    const sorted = [...parties].sort((a, b) => a - b);
    const W = this.m.escalation.weights;
    this.agreementsSigned++;
    if (this.firstAgreementRound === null) this.firstAgreementRound = this.round;
    for (const a of sorted) for (const b of sorted) if (a !== b) this.overt(a, b, W.deescalation);
    for (const term of terms) {
      if (term.kind === T_NORMS) {
        for (const p of sorted) for (const norm of term.norms) this.adopt(p, norm);
      } else if (term.kind === T_RELIEF) {
        const kept: FlatSanction[] = [];
        for (const s of this.sanctions) {
          if (sorted.includes(s.by) && sorted.includes(s.target)) {
            this.good(s.target, s.by, this.m.trust.sanctionLifted);
            this.overt(s.by, s.target, W.deescalation);
          } else kept.push(s);
        }
        this.sanctions = kept;
      }
    }
    this.record(sorted, terms);
  }

  /** A sanction imposed (phase 1's inject or phase 4's action): its threats end; under a relief commitment the target perceives it broken (the audit). */
  imposeSanction(by: number, target: number, measure: number): void {
    this.sanctions.push({ by, target, measure });
    this.threats = this.threats.filter((t) => !(t.by === by && t.target === target));
    this.counts.sanctionsImposed++;
    this.bad(target, by, this.m.trust.sanction);
    this.overt(by, target, this.m.escalation.weights.nonViolent);
    this.act(by, target, 4);
    if (this.relief[by * this.n + target] === 1) this.audits.push({ by: target, against: by, conf: 1, count: 1 });
  }

  /** Whether `by` has a sanction of `measure` in force on `target`. */
  sanctioning(by: number, target: number, measure: number): boolean {
    for (const s of this.sanctions) if (s.by === by && s.target === target && s.measure === measure) return true;
    return false;
  }

  /** One forensic signal (drawSignal in phases/detection.ts): an actor index or -1. */
  signal(op: FlatOp | null, kind: number, v: number, q: number, initial: boolean, rng: () => number): number {
    const s = this.s;
    const author = op === null ? -1 : op.author;
    if (op !== null) {
      if (rng() < q) {
        const sponsor = s.sponsor[author] as number;
        if (!initial && sponsor >= 0 && rng() < this.m.identification.proxySponsorLink) return sponsor;
        return author;
      }
      if (op.falseFlag >= 0) return op.falseFlag;
    }
    const cap = kind === ESPIONAGE ? s.esp : s.off;
    const others = this.others;
    let c = 0;
    for (let x = 0; x < this.n; x++) if (x !== v && x !== author && (cap[x] as number) > 0) others[c++] = x;
    if (c === 0) return -1;
    return others[Math.floor(rng() * c)] as number;
  }

  /** updatePosterior in place. */
  update(post: Float64Array, named: number, q: number): void {
    bayesUpdate(post, named, q, this.n, this.scratch);
  }

  /**
   * What the act broke if each actor did it, by the commitments in force now (actCommitments in
   * phases/perception.ts): a no-commercial-theft term with the victim, norms (f) and (k). Null if nothing.
   */
  private pledgesOf(v: number, kind: number, against: number, commercial: boolean): Uint8Array | null {
    const s = this.s;
    const n = this.n;
    let pledge: Uint8Array | null = null;
    for (let x = 0; x < n; x++) {
      if (x === v) continue;
      const c = (commercial && this.noTheft[v * n + x] === 1 ? 1 : 0) + (against === CRITICAL && kind !== ESPIONAGE && this.hasNorm(x, s.normF) ? 1 : 0) + (against === CERT && this.hasNorm(x, s.normK) ? 1 : 0);
      if (c > 0) (pledge ??= new Uint8Array(n))[x] = c;
    }
    return pledge;
  }

  /** notePerception (phases/perception.ts): a file's first naming of a suspect at the audit's threshold, if the act broke its commitments. */
  notice(v: number, inc: FlatIncident, threshold = this.m.audit.confidenceThreshold): void {
    const pledge = inc.pledge;
    if (pledge === null) return;
    const s = topSuspect(inc.post, this.n);
    if (s < 0) return;
    const conf = inc.post[s] as number;
    if (conf < threshold || pledge[s] === 0) return;
    if (inc.perceived !== null && inc.perceived.includes(s)) return;
    (inc.perceived ??= []).push(s);
    this.audits.push({ by: v, against: s, conf, count: pledge[s] as number });
  }

  /** openIncident (phases/detection.ts) with its `incident.detected` event's effects and metrics. */
  detected(v: number, k: number, op: FlatOp | null, kind: number, against: number, severity: number, named: number, q: number): void {
    const s = this.s;
    const n = this.n;
    const post = priorOf(v, kind === ESPIONAGE ? s.esp : s.off, this.cur.trustR, this.cur.trustS, n, this.m.posterior.nobodyWeight);
    this.update(post, named, q);
    const commercial = op === null ? false : op.commercial;
    const inc: FlatIncident = { round: this.round, k, kind, against, severity, op, post, inv: this.m.posterior.investigationRounds, revealed: -1, gone: false, pledge: this.pledgesOf(v, kind, against, commercial), perceived: null };
    (this.incidents[v] as FlatIncident[]).push(inc);
    const c = this.counts;
    c.detections++;
    const sus = topSuspect(post, n);
    const conf = sus < 0 ? 0 : (post[sus] as number);
    if (op === null) {
      c.falseAlarms++;
      if (sus >= 0) c.misattributions++;
    } else if (sus === op.author || sus === op.principal) c.correctAttributions++;
    else if (sus >= 0) c.misattributions++;
    if (sus >= 0) {
      this.bad(v, sus, this.m.trust.attributedHostility * conf * (severity / 10));
      const weight = conf * this.opWeight(kind, against);
      const escP = this.nxt.escP;
      escP[sus * n + v] = (escP[sus * n + v] as number) + weight;
      const g = this.grievance;
      g[v * n + sus] = (g[v * n + sus] as number) + weight;
      if (kind === 2 && against !== NETWORKS && conf >= 0.5) this.act(sus, v, 6);
    }
    // The event comes first, then the file's perception (openIncident).
    this.notice(v, inc);
  }

  /** An accusation (applyDiplomacy's `accuse`, its `accusation.made` event) and the row's tally of right ones. */
  accuse(by: number, to: number, inc: FlatIncident, pub: boolean, formal: boolean): void {
    this.requests.push({ kind: ACCUSATION, from: by, to, due: this.round, inc, talks: null, answer: IGNORE, followUp: false });
    const c = this.counts;
    c.accusations++;
    if (pub) c.publicAccusations++;
    this.accusations++;
    const op = inc.op;
    if (op !== null && (op.author === to || op.principal === to)) this.accusationsRight++;
    const T = this.m.trust;
    const W = this.m.escalation.weights;
    this.bad(to, by, pub ? T.publicAccusation : T.privateAccusation);
    this.overt(by, to, pub ? W.nonViolent : W.posturing);
    this.act(by, to, pub && formal ? 3 : pub ? 2 : 1);
  }

  /** A hotline query (`hotline.queried`). */
  hotlineQuery(by: number, to: number, inc: FlatIncident): void {
    this.requests.push({ kind: HOTLINE, from: by, to, due: this.round, inc, talks: null, answer: IGNORE, followUp: false });
    this.counts.hotlineQueries++;
    this.overt(by, to, this.m.escalation.weights.statusQuo);
    this.act(by, to, 1);
  }

  /** A disruptive retaliation (`retaliation.conducted`): one draw from the retaliator's stream. */
  retaliate(by: number, to: number): void {
    const s = this.s;
    const m = this.m;
    const p = clamp01((s.off[by] as number) * (1 - m.operations.defenseWeight * (s.def[to] as number)));
    const success = this.rng(by, S_RETALIATION)() < p;
    this.counts.retaliations++;
    this.bad(to, by, m.trust.retaliation);
    this.overt(by, to, m.escalation.weights.nonViolent);
    this.act(by, to, 5);
    if (success) {
      const w = this.welfare;
      w[by] = (w[by] as number) + m.welfare.coercionGain;
      w[to] = (w[to] as number) - (m.welfare.damagePerSeverity * m.operations.severity.disruption) / 5;
    }
  }

  /** An offer of talks (`talks.opened`), rejected when talks between the pair are under way (validateAction). */
  proposeTalks(by: number, to: number, terms: readonly FlatTerm[]): void {
    for (const t of this.talks) {
      if ((t.a === by || t.b === by) && (t.a === to || t.b === to)) {
        this.counts.rejectedActions++;
        return;
      }
    }
    const deadline = this.round + Math.max(0, Math.floor(this.m.talks.deadline));
    const t: FlatTalks = { a: by, b: to, offer: terms, deadline, closed: false, exchanges: 1 };
    this.talks.push(t);
    this.requests.push({ kind: PROPOSAL, from: by, to, due: deadline, inc: null, talks: t, answer: IGNORE, followUp: false });
  }

  /**
   * attributedIn(view, round, threshold, tension?) of helpers.ts for viewer v: for each suspect the
   * first file of round `r` with its highest confidence (a revealed file counts as certain) at or
   * above the threshold — lowered by v's tension towards the suspect when `weight` is given
   * (underTension) — sorted by suspect (index order is id order). Fills `out`.
   */
  attributed(v: number, r: number, threshold: number, weight: number, half: number, out: Attributions): void {
    let c = 0;
    const list = this.incidents[v] as FlatIncident[];
    const n = this.n;
    const tension = this.cur.tension;
    for (let k = 0; k < list.length; k++) {
      const inc = list[k] as FlatIncident;
      if (inc.round !== r) continue;
      let s: number;
      let conf: number;
      if (inc.revealed >= 0) {
        s = inc.revealed;
        conf = 1;
      } else {
        s = topSuspect(inc.post, n);
        conf = s < 0 ? 0 : (inc.post[s] as number);
      }
      if (s < 0 || s === v) continue;
      let bar = threshold;
      if (weight >= 0) {
        const x = Math.max(0, tension[v * n + s] as number);
        bar = threshold * (1 - weight * (x / (x + half)));
      }
      if (conf < bar) continue;
      let x = 0;
      while (x < c && out.sus[x] !== s) x++;
      if (x === c) {
        out.sus[c] = s;
        out.conf[c] = conf;
        out.inc[c] = inc;
        c++;
      } else if (conf > (out.conf[x] as number)) {
        out.conf[x] = conf;
        out.inc[x] = inc;
      }
    }
    // Insertion sort by suspect.
    for (let a = 1; a < c; a++) {
      const s = out.sus[a] as number;
      const cf = out.conf[a] as number;
      const inc = out.inc[a] as FlatIncident | null;
      let b = a - 1;
      while (b >= 0 && (out.sus[b] as number) > s) {
        out.sus[b + 1] = out.sus[b] as number;
        out.conf[b + 1] = out.conf[b] as number;
        out.inc[b + 1] = out.inc[b] as FlatIncident | null;
        b--;
      }
      out.sus[b + 1] = s;
      out.conf[b + 1] = cf;
      out.inc[b + 1] = inc;
    }
    out.count = c;
  }

  /** isGuilty of helpers.ts: did `me` (as principal) run an operation against `from` of that file's round and kind? */
  guilty(me: number, from: number, inc: FlatIncident): boolean {
    const ops = this.ops;
    for (let k = 0; k < ops.length; k++) {
      const op = ops[k] as FlatOp;
      if (op.principal === me && op.target === from && op.round === inc.round && op.kind === inc.kind) return true;
    }
    return false;
  }

  /** A perceived violation (`violation.perceived`), applied in the audit's order. */
  perceive(by: number, against: number, conf: number): void {
    this.bad(by, against, this.m.trust.brokenCommitment * conf);
    const g = this.grievance;
    const k = by * this.n + against;
    g[k] = (g[k] as number) + this.m.escalation.weights.posturing * conf;
    this.broke[k] = 1;
  }

  // --- forums, assistance, talks, diplomatic built-ins ---
  /** Terms of each agreement in force, parallel to {@link agreements}. */
  readonly agTerms: (readonly FlatTerm[])[] = [];
  /** Each forum's agenda (packages leave it when adopted), copied from the setup on first use. */
  private agendas: FlatPackage[][] | null = null;
  agenda(f: number): FlatPackage[] {
    return (this.agendas ??= this.s.forums.map((x) => [...x.agenda]))[f] as FlatPackage[];
  }
  /** An adopted package leaves its forum's agenda (every package with its key). */
  dropFromAgenda(f: number, key: string): void {
    const list = this.agenda(f);
    (this.agendas as FlatPackage[][])[f] = list.filter((p) => p.key !== key);
  }
  /** Packages tabled this round: forum index, package. */
  readonly tabled: { readonly forum: number; readonly pkg: FlatPackage }[] = [];
  /** Forum votes asked this pass, in request order. */
  readonly votes: FlatRequest[] = [];
  /**
   * The sanctions list as phase 4 opened (its first `sanctionsAtStart` entries): a lift replaces
   * `sanctions` by a new list, so this one only ever grows at its end.
   */
  sanctionsOpen: FlatSanction[] = [];
  /** The adopted norms as phase 4 opened (what norm-entrepreneur's view shows of the members'), kept only when one plays. */
  readonly normsOpen: Uint8Array;
  /** Per forum, the GGE norms some member lacked as phase 4 opened, and the round they were counted in (norm-entrepreneur's tabling: diplomatic.ts, lacking). */
  readonly lacking: number[][] = [];
  readonly lackingAt: number[] = [];
  /** norm-entrepreneur's offer: the whole GGE package (this setup's indices) and a hotline. */
  wholePackage: readonly FlatTerm[] | null = null;
  /** The last round in which a file's victim accused anyone over it (cautious's accusedLastRound). */
  readonly accusedAt = new Map<FlatIncident, number>();

  /** The first agreement in force (list order) between a and b with a term of `kind`: its index, or -1 (hasTerm). */
  agreementWith(a: number, b: number, kind: number): number {
    const list = this.agreements;
    for (let k = 0; k < list.length; k++) {
      const parties = list[k] as readonly number[];
      if (!parties.includes(a) || !parties.includes(b)) continue;
      for (const t of this.agTerms[k] as readonly FlatTerm[]) if (t.kind === kind) return k;
    }
    return -1;
  }

  /** adoptNorm (phases/agreements.ts) with its `norm.adopted` event (counted): false, changing nothing, if already adopted. */
  adopt(x: number, k: number): boolean {
    const at = x * this.s.normIds.length + k;
    if (this.norms[at] === 1) return false;
    this.norms[at] = 1;
    this.counts.normsAdopted++;
    return true;
  }

  /** The `adopt-norm` action of norm k (an index in normIds): rejected (validateAction) if already adopted. */
  adoptNorm(i: number, k: number): void {
    if (!this.adopt(i, k)) this.counts.rejectedActions++;
  }

  /**
   * `lift-sanction` (applyDiplomacy): every sanction by → target lifted, one `sanction.lifted` each
   * in list order; rejected (validateAction) if there is none. The list is replaced, never changed
   * in place, so {@link sanctionsOpen} keeps the phase's opening entries.
   */
  liftSanction(by: number, target: number): void {
    let found = false;
    for (const x of this.sanctions) if (x.by === by && x.target === target) found = true;
    if (!found) {
      this.counts.rejectedActions++;
      return;
    }
    const kept: FlatSanction[] = [];
    for (const x of this.sanctions) {
      if (x.by === by && x.target === target) {
        this.good(target, by, this.m.trust.sanctionLifted);
        this.overt(by, target, this.m.escalation.weights.deescalation);
      } else kept.push(x);
    }
    this.sanctions = kept;
  }

  // --- simple/reactive built-ins (dove, random, gtft, grim) ---

  /** Last round's perceived violations (`violation.perceived` of the audit), as (by, against) pairs in event order. */
  lastPerceived: number[] = [];
  /** Scratch marks per actor (see `marked`). */
  private marks: Uint8Array = new Uint8Array(0);

  /** The scratch marks, n long and all 0 (the caller clears what it sets). */
  marked(): Uint8Array {
    if (this.marks.length !== this.n) this.marks = new Uint8Array(this.n);
    return this.marks;
  }

  /** Keep the round's perceived violations for the next round (call before clearing `audits`). */
  keepPerceived(): void {
    const out = this.lastPerceived;
    out.length = 0;
    for (const a of this.audits) for (let j = 0; j < a.count; j++) out.push(a.by, a.against);
  }

  /** `talks.ended` walked-out by `by` (applyEvent): the other party's distrust and a posturing overt act. */
  walkOut(by: number, t: FlatTalks): void {
    const T = this.m.trust;
    const w = this.m.escalation.weights.posturing;
    for (const p of [t.a, t.b]) {
      if (p === by) continue;
      this.bad(p, by, T.walkOut);
      this.overt(by, p, w);
    }
  }

  // --- dialogues ---

  /**
   * Dialogues (scheduled by `next-round` terms; Dialogue in src/model/agreement.ts), in the
   * engine's order: parties sorted, whether suspended now, and whether suspended when phase 4
   * opened (what the strategies' views show: {@link openDialogues}). Their meetings (held or
   * skipped) change no number; suspending and resuming do.
   */
  readonly dialogues: FlatDialogue[] = [];

  /** Phase 4 opens: the strategies decide on the dialogues as they stand now. */
  openDialogues(): void {
    for (const d of this.dialogues) d.wasSuspended = d.suspended;
  }

  /** Whether a dialogue with both was running (`suspended`: suspended) when phase 4 opened (view.dialogues). */
  dialogueWith(a: number, b: number, suspended: boolean): boolean {
    for (const d of this.dialogues) if (d.wasSuspended === suspended && d.parties.includes(a) && d.parties.includes(b)) return true;
    return false;
  }

  /**
   * `suspend-dialogue` or `resume-dialogue` (applyDiplomacy), on the dialogues as they stand: every
   * dialogue with both not already so is switched, one event each (a posturing act to suspend, a
   * de-escalation to resume: applyEvent); rejected (validateAction) if there is none with both, or
   * none to switch.
   */
  setDialogue(by: number, target: number, suspend: boolean): void {
    let found = false;
    for (const d of this.dialogues) if (d.suspended !== suspend && d.parties.includes(by) && d.parties.includes(target)) found = true;
    if (!found) {
      this.counts.rejectedActions++;
      return;
    }
    const w = suspend ? this.m.escalation.weights.posturing : this.m.escalation.weights.deescalation;
    for (const d of this.dialogues) {
      if (d.suspended === suspend || !d.parties.includes(by) || !d.parties.includes(target)) continue;
      d.suspended = suspend;
      this.overt(by, target, w);
    }
  }
}

/** A dialogue (see {@link FlatRun.dialogues}). */
export interface FlatDialogue {
  readonly parties: readonly number[];
  suspended: boolean;
  wasSuspended: boolean;
}
