// Forums, assistance and the diplomatic built-ins on the flat state (issue 7): forum votes
// (applyDiplomacy's vote requests, applyResponses' tally), requests for assistance (made in phase 4,
// answered in phase 5 with the helper's signal, audited when unanswered), capability and mechanisms
// injects, share-information, dialogues resumed, tabled packages, counter-offers, and the built-ins
// of src/strategies/builtins/diplomatic.ts but pragmatist's phases 2 and 4 and grim-trigger: cautious,
// de-escalator, spoiler and norm-entrepreneur. Each function names the engine code it mirrors.

import { betaTrust, clamp01, topSuspect } from './rules.js';
import type { Mechanisms } from '../../model/mechanisms.js';
import { withFields } from '../../model/record.js';
import { CA_SANCTION_AT, CA_THRESHOLD, DE_ACCUSE_AT, DE_MIN_CONFIDENCE, ECONOMIC, ESPIONAGE, NE_THRESHOLD, P_SPY_BELOW, PARAM_SLOTS, PRAGMATIST, SP_CHEAT_BELOW, STATE, T_ASSISTANCE, T_HOTLINE, T_NO_THEFT, T_NORMS, T_RELIEF, T_SHARING } from './setup.js';
import type { FlatForum, FlatInject, FlatPackage, FlatSetup, FlatTerm } from './setup.js';
import { ACCEPT, ACKNOWLEDGE, ASSISTANCE, COOPERATE, COUNTER, DENY, FORUM_VOTE, IGNORE, PROPOSAL, REJECT, S_ATTRIBUTION } from './state.js';
import type { FlatIncident, FlatOp, FlatRequest, FlatRun, FlatTalks } from './state.js';

/** Whether forum f sits this round (inSession in phases/injects.ts). */
export function inSession(r: FlatRun, f: number): boolean {
  const forum = r.s.forums[f];
  return forum !== undefined && r.round >= forum.first && (r.round - forum.first) % forum.every === 0;
}

/**
 * End of phase 4 (applyDiplomacy): each forum in session asks every member, in member order, to
 * vote on each package before it: its agenda, then the packages tabled this round with a new key.
 */
export function openVotes(r: FlatRun): void {
  const forums = r.s.forums;
  for (let f = 0; f < forums.length; f++) {
    if (!inSession(r, f)) continue;
    const packages: FlatPackage[] = [];
    for (const pkg of r.agenda(f)) if (!packages.some((p) => p.key === pkg.key)) packages.push(pkg);
    for (const t of r.tabled) if (t.forum === f && !packages.some((p) => p.key === t.pkg.key)) packages.push(t.pkg);
    const members = (forums[f] as NonNullable<(typeof forums)[number]>).members;
    for (const pkg of packages) {
      for (let k = 0; k < members.length; k++) r.requests.push({ kind: FORUM_VOTE, from: f, to: members[k] as number, due: r.round, inc: null, talks: null, answer: IGNORE, followUp: false, pkg });
    }
  }
  r.tabled.length = 0;
}

/**
 * Phase 5 (applyResponses) for a request for assistance or a forum vote: returns whether the
 * request stays open. Assistance: `cooperate` gives the requester one signal drawn from the
 * helper's attribution stream (with the helper's identification skill, no sharing bonus), `deny`
 * refuses; a vote is recorded for the tally (votes close whatever the answer).
 */
export function answerMore(r: FlatRun, req: FlatRequest): boolean {
  if (req.kind === FORUM_VOTE) {
    r.votes.push(req);
    return false;
  }
  const answer = req.answer;
  if (answer !== COOPERATE && answer !== DENY) return true;
  const T = r.m.trust;
  if (answer === DENY) {
    r.good(req.from, req.to, T.answeredRequest * 0.5);
    return false;
  }
  r.good(req.from, req.to, T.cooperation);
  r.overt(req.to, req.from, r.m.escalation.weights.deescalation);
  const inc = req.inc as FlatIncident;
  if (inc.gone || inc.revealed >= 0) return false;
  const id = r.m.identification;
  const q = clamp01(id.base + id.attributionWeight * (r.s.att[req.to] as number) + id.sharingBonus * 0);
  const named = r.signal(inc.op, inc.kind, req.from, q, false, r.rng(req.to, S_ATTRIBUTION));
  r.update(inc.post, named, q);
  r.notice(req.from, inc);
  return false;
}

/** After a pass's answers: each package's votes tallied in first-seen order, adopted by the accepting members (applyResponses' tally). */
export function tallyVotes(r: FlatRun): void {
  const votes = r.votes;
  let k = 0;
  while (k < votes.length) {
    const first = votes[k] as FlatRequest;
    const f = first.from;
    const pkg = first.pkg as FlatPackage;
    let end = k;
    let accepted = 0;
    let holdouts = 0;
    while (end < votes.length && (votes[end] as FlatRequest).from === f && (votes[end] as FlatRequest).pkg === pkg) {
      const a = (votes[end] as FlatRequest).answer;
      if (a === ACCEPT) accepted++;
      else if (a === REJECT) holdouts++;
      end++;
    }
    const forum = r.s.forums[f] as NonNullable<FlatRun['s']['forums'][number]>;
    const adopted = forum.threshold < 0 ? holdouts === 0 && accepted > 0 : accepted >= Math.ceil(forum.threshold * forum.members.length - 1e-9);
    if (adopted) {
      for (let j = k; j < end; j++) {
        const v = votes[j] as FlatRequest;
        if (v.answer !== ACCEPT) continue;
        for (const norm of pkg.norms) r.adopt(v.to, norm);
      }
      r.dropFromAgenda(f, pkg.key);
    }
    k = end;
  }
  votes.length = 0;
}

/** request-assistance (applyDiplomacy): due by the first agreement with an assistance term between them, else the mechanism's deadline. */
export function requestAssistance(r: FlatRun, by: number, to: number, inc: FlatIncident): void {
  const k = r.agreementWith(by, to, T_ASSISTANCE);
  let rounds: number | undefined;
  if (k >= 0) for (const t of r.agTerms[k] as FlatRun['agTerms'][number]) if (t.kind === T_ASSISTANCE) {
    rounds = t.rounds;
    break;
  }
  const due = r.round + Math.max(0, Math.floor(rounds ?? r.m.assistance.deadline));
  r.requests.push({ kind: ASSISTANCE, from: by, to, due, inc, talks: null, answer: IGNORE, followUp: false });
}

/** The audit of an unanswered request for assistance at its expiry: a broken assistance commitment, then norm (h) of the addressee. */
export function auditAssistance(r: FlatRun, req: FlatRequest): void {
  if (r.agreementWith(req.from, req.to, T_ASSISTANCE) >= 0) r.audits.push({ by: req.from, against: req.to, conf: 1, count: 1 });
  if (r.hasNorm(req.to, r.s.gge[7] as number)) r.audits.push({ by: req.from, against: req.to, conf: 1, count: 1 });
}

/** de-escalator's answer: it admits (acknowledges) what it did, else cooperativeResponse. */
export function deEscalatorRespond(r: FlatRun, req: FlatRequest): number {
  if (req.kind === ASSISTANCE || req.kind === FORUM_VOTE || req.kind === PROPOSAL) return cooperative(r, req);
  return r.guilty(req.to, req.from, req.inc as FlatIncident) ? ACKNOWLEDGE : COOPERATE;
}

/** cooperativeResponse of helpers.ts: accept, cooperate, vote yes; deny only what it did. */
export function cooperative(r: FlatRun, req: FlatRequest): number {
  switch (req.kind) {
    case PROPOSAL:
    case FORUM_VOTE:
      return ACCEPT;
    case ASSISTANCE:
      return COOPERATE;
    default:
      return r.guilty(req.to, req.from, req.inc as FlatIncident) ? DENY : COOPERATE;
  }
}

/**
 * cautious's diplomacy: norm (b); then last round's unrevealed files and this round's: at
 * `threshold` a public accusation (once per file) and from `sanctionAt` an economic sanction (a
 * state, not already sanctioning, no relief promised, once per suspect); below it, in the round of
 * detection, a hotline query or a request for assistance to the most capable trusted third party.
 */
export function cautiousDiplomacy(r: FlatRun, i: number): void {
  const s = r.s;
  const n = r.n;
  const p = i * PARAM_SLOTS;
  const normB = s.gge[1] as number;
  if (!r.hasNorm(i, normB)) r.adopt(i, normB);
  const threshold = s.params[p + CA_THRESHOLD] as number;
  const sanctionAt = s.params[p + CA_SANCTION_AT] as number;
  const list = r.incidents[i] as FlatIncident[];
  const round = r.round;
  const tr = r.cur.trustR;
  const ts = r.cur.trustS;
  for (let pass = 0; pass < 2; pass++) {
    const want = pass === 0 ? round - 1 : round;
    // The list may grow (never during this loop: only the victim's own detection adds files).
    for (let k = 0; k < list.length; k++) {
      const inc = list[k] as FlatIncident;
      if (inc.round !== want || inc.revealed >= 0) continue;
      const sus = topSuspect(inc.post, n);
      if (sus < 0 || sus === i) continue;
      const conf = inc.post[sus] as number;
      const fresh = pass === 1;
      if (conf >= threshold) {
        if (!fresh && r.accusedAt.get(inc) === round - 1) continue;
        r.accuse(i, sus, inc, true, false);
        r.accusedAt.set(inc, round);
        if (conf >= sanctionAt && s.kind[i] === STATE && !r.sanctioning(i, sus, ECONOMIC) && r.relief[i * n + sus] !== 1) r.imposeSanction(i, sus, ECONOMIC);
      } else if (!fresh) {
        // Below the bar a round later: left alone.
      } else if (r.hotline[i * n + sus] === 1) {
        r.hotlineQuery(i, sus, inc);
      } else {
        let h = -1;
        for (let x = 0; x < n; x++) {
          if (x === i || x === sus || betaTrust(tr[i * n + x] as number, ts[i * n + x] as number) < 0.5) continue;
          if (h < 0 || (s.att[x] as number) > (s.att[h] as number)) h = x;
        }
        if (h >= 0) requestAssistance(r, i, h, inc);
      }
    }
  }
}

// --- capability and mechanisms injects ---

/** A run's own copy of a setup whose capabilities or mechanisms change during the run (the setup is shared by every run). */
export function ownSetup(setup: FlatSetup): FlatSetup {
  // withFields, not a literal opening with a spread (tests/model/record.test.ts, docs/performance.md, twelfth pass).
  return withFields(setup, {
    esp: Float64Array.from(setup.esp),
    off: Float64Array.from(setup.off),
    def: Float64Array.from(setup.def),
    att: Float64Array.from(setup.att),
    stl: Float64Array.from(setup.stl),
    exposure: Float64Array.from(setup.exposure),
    spyTargets: [...setup.spyTargets],
  });
}

/** The mechanisms after the `mechanisms` injects due this round from inject `from` on (injects are sorted by round), or null if none is due. */
export function mechanismsDue(s: FlatSetup, from: number, round: number): Mechanisms | null {
  let out: Mechanisms | null = null;
  for (let k = from; k < s.injects.length; k++) {
    const inj = s.injects[k] as FlatInject;
    if (inj.round > round) break;
    if (inj.type === 'mechanisms') out = inj.mechanisms;
  }
  return out;
}

/** A `capability` inject on the run's own copy of the setup. */
export function setCapability(r: FlatRun, actor: number, cap: number, value: number): void {
  const s = r.s;
  const list = cap === 0 ? s.esp : cap === 1 ? s.off : cap === 2 ? s.def : cap === 3 ? s.att : s.stl;
  list[actor] = value;
}

/** exposure and the pragmatists' targets anew, from the capabilities and mechanisms in force (as setupOf makes them). */
export function refreshExposure(r: FlatRun): void {
  const s = r.s;
  const m = r.m;
  const n = r.n;
  const sevE = m.operations.severity.espionage;
  const exposure = s.exposure;
  for (let i = 0; i < n; i++) {
    for (let t = 0; t < n; t++) {
      const p = clamp01(m.detection.scale * (s.att[t] as number) * (1 - (s.stl[i] as number)) * (1 + (m.detection.severityBonus * sevE) / 10));
      const q = clamp01(m.identification.base + m.identification.attributionWeight * (s.att[t] as number) + m.identification.sharingBonus * 0);
      exposure[i * n + t] = p * q;
    }
  }
  const targets = s.spyTargets as Int32Array[];
  for (let i = 0; i < n; i++) {
    if (s.strat[i] !== PRAGMATIST) continue;
    const bound = s.params[i * PARAM_SLOTS + P_SPY_BELOW] as number;
    targets[i] = Int32Array.from([...(s.rivals[i] as Int32Array)].filter((t) => (exposure[i * n + t] as number) < bound));
  }
}

/** The operations kept at the round's end: recent ones, and those of files still investigated past the horizon (investigationRounds lowered by a `mechanisms` inject). */
export function keptOps(r: FlatRun, horizon: number): FlatOp[] {
  let still: Set<FlatOp> | null = null;
  for (const list of r.incidents) for (const inc of list) if (inc.round <= horizon && inc.op !== null) (still ??= new Set()).add(inc.op);
  return r.ops.filter((op) => op.round > horizon || (still !== null && still.has(op)));
}

// --- share-information, lift-sanction, acknowledge, de-escalator ---

/**
 * share-information (applyDiplomacy): the sharer's top suspect on its file as it stands (live)
 * becomes one more signal on the recipient's file on the same operation, as reliable as the
 * sharer's forensics (no sharing bonus); trust and a de-escalation in any case.
 *
 * The recipient never holds such a file: only an operation's target opens a file on it, and the
 * sharer's file is on an operation against the sharer. So the signal is never given, and no
 * decision of the phase can read a posterior changed by it (were it given to a recipient later in
 * id order, that recipient would have to decide on the posterior of the phase's opening).
 */
export function shareInformation(r: FlatRun, by: number, to: number, inc: FlatIncident): void {
  const n = r.n;
  r.good(to, by, r.m.trust.sharedInformation);
  r.overt(by, to, r.m.escalation.weights.deescalation);
  const top = topSuspect(inc.post, n);
  if (inc.op === null || top < 0) return;
  const theirs = (r.incidents[to] as FlatIncident[]).find((x) => x.op === inc.op);
  if (theirs === undefined) return;
  const id = r.m.identification;
  const q = clamp01(id.base + id.attributionWeight * (r.s.att[by] as number) + id.sharingBonus * 0);
  r.update(theirs.post, top, q);
  r.notice(to, theirs);
}

const DE_ESCALATOR_OFFER: readonly FlatTerm[] = Object.freeze([
  { kind: T_HOTLINE, norms: [] },
  { kind: T_SHARING, norms: [] },
]);

/**
 * de-escalator's diplomacy: lift its sanctions; then for each file of this round with a suspect at
 * `minConfidence`: a hotline query, or an offer of talks (hotline, information sharing) once per
 * suspect with no talks under way; a private accusation when two files name the suspect at
 * `accuseAt`; the file shared with every other party of its information-sharing agreements.
 * Before the files, its dialogues suspended when the phase opened are resumed.
 */
export function deEscalatorDiplomacy(r: FlatRun, i: number, sanctionsAtStart: number, talksAtStart: number): void {
  const s = r.s;
  const n = r.n;
  const p = i * PARAM_SLOTS;
  const accuseAt = s.params[p + DE_ACCUSE_AT] as number;
  const minConfidence = s.params[p + DE_MIN_CONFIDENCE] as number;
  liftOwnSanctions(r, i, sanctionsAtStart);
  // Its dialogues suspended when the phase opened, each resumed with its first other party, once per party.
  const dialogues = r.dialogues;
  let resumed: number[] | null = null;
  for (let k = 0; k < dialogues.length; k++) {
    const d = dialogues[k] as FlatRun['dialogues'][number];
    if (!d.wasSuspended || !d.parties.includes(i)) continue;
    const other = d.parties[0] === i ? d.parties[1] : d.parties[0];
    if (other === undefined || (resumed !== null && resumed.includes(other))) continue;
    (resumed ??= []).push(other);
  }
  if (resumed !== null) for (const t of resumed) r.setDialogue(i, t, false);
  const list = r.incidents[i] as FlatIncident[];
  const agreementsAtStart = r.agreements.length;
  const offered: number[] = [];
  for (let k = 0; k < list.length; k++) {
    const inc = list[k] as FlatIncident;
    if (inc.round !== r.round || inc.revealed >= 0) continue;
    const sus = topSuspect(inc.post, n);
    if (sus < 0) continue;
    const conf = inc.post[sus] as number;
    if (conf < minConfidence) continue;
    if (r.hotline[i * n + sus] === 1) r.hotlineQuery(i, sus, inc);
    else if (!offered.includes(sus) && !talksWith(r, i, sus, talksAtStart)) {
      offered.push(sus);
      r.proposeTalks(i, sus, DE_ESCALATOR_OFFER);
    }
    let files = 0;
    for (const g of list) {
      const t = topSuspect(g.post, n);
      if (t === sus && (g.post[t] as number) >= accuseAt) files++;
    }
    if (files >= 2 && conf >= accuseAt) r.accuse(i, sus, inc, false, false);
    for (let a = 0; a < agreementsAtStart; a++) {
      const parties = r.agreements[a] as readonly number[];
      if (!parties.includes(i) || !(r.agTerms[a] as readonly FlatTerm[]).some((t) => t.kind === T_SHARING)) continue;
      for (const q of parties) if (q !== i && q !== sus) shareInformation(r, i, q, inc);
    }
  }
}

/** Whether talks under way at the phase's opening (the first `count` of the list) include both. */
function talksWith(r: FlatRun, a: number, b: number, count: number): boolean {
  for (let k = 0; k < count; k++) {
    const t = r.talks[k];
    if (t !== undefined && (t.a === a || t.b === a) && (t.a === b || t.b === b)) return true;
  }
  return false;
}

// --- counter-offers ---

/**
 * A counter-offer (applyResponses' `counter`): the talks take the new offer (the offer answered,
 * with sanctions relief added: the only counter a covered strategy makes) and one more exchange;
 * the other side is asked, in a further pass of this round if the exchanges stay within
 * `talks.maxExchangesPerRound`, else in next round's first pass. The request answered closes.
 */
export function counter(r: FlatRun, req: FlatRequest, t: FlatTalks): FlatRequest {
  const other = t.a === req.to ? t.b : t.a;
  t.offer = [...t.offer, RELIEF];
  t.exchanges++;
  return { kind: PROPOSAL, from: req.to, to: other, due: t.deadline, inc: null, talks: t, answer: IGNORE, followUp: t.exchanges <= r.m.talks.maxExchangesPerRound };
}

const RELIEF: FlatTerm = Object.freeze({ kind: T_RELIEF, norms: [] });

/**
 * pragmatist's answer: an offer without sanctions relief from a state sanctioning it (sanctionedBy,
 * on the sanctions as the pass opened) is countered with relief added; else cooperativeResponse.
 */
export function pragmatistRespond(r: FlatRun, req: FlatRequest): number {
  if (req.kind === PROPOSAL) {
    const t = req.talks as FlatTalks;
    if (!t.offer.some((x) => x.kind === T_RELIEF)) for (const x of r.sanctions) if (x.target === req.to && x.by === req.from) return COUNTER;
  }
  return cooperative(r, req);
}

/**
 * dove's and de-escalator's lifts: the targets of its sanctions as phase 4 opened, in list order,
 * once each, lifted in that order (each lift ends every measure on the target).
 */
export function liftOwnSanctions(r: FlatRun, i: number, sanctionsAtStart: number): void {
  let lifted: number[] | null = null;
  for (let k = 0; k < sanctionsAtStart; k++) {
    const x = r.sanctionsOpen[k];
    if (x === undefined || x.by !== i || (lifted !== null && lifted.includes(x.target))) continue;
    (lifted ??= []).push(x.target);
  }
  if (lifted !== null) for (const t of lifted) r.liftSanction(i, t);
}

/** dove's and norm-entrepreneur's adoptions: every GGE norm it has not adopted, in catalogue order. */
export function adoptEveryNorm(r: FlatRun, i: number): void {
  const gge = r.s.gge;
  for (let k = 0; k < gge.length; k++) if (!r.hasNorm(i, gge[k] as number)) r.adoptNorm(i, gge[k] as number);
}

/**
 * dove's and norm-entrepreneur's messages: each file of this round (unrevealed) whose suspect it
 * holds at `threshold` raised over the hotline, or in a private accusation where there is none.
 */
export function raiseFiles(r: FlatRun, i: number, threshold: number): void {
  const n = r.n;
  const list = r.incidents[i] as FlatIncident[];
  for (let k = 0; k < list.length; k++) {
    const inc = list[k] as FlatIncident;
    if (inc.round !== r.round || inc.revealed >= 0) continue;
    const sus = topSuspect(inc.post, n);
    if (sus < 0 || (inc.post[sus] as number) < threshold) continue;
    if (r.hotline[i * n + sus] === 1) r.hotlineQuery(i, sus, inc);
    else r.accuse(i, sus, inc, false, false);
  }
}

// --- spoiler and norm-entrepreneur ---

/**
 * unlinkedStates(view)[0] of helpers.ts: the first state (by id) other than i with neither talks
 * (as phase 4 opened) nor an agreement with it, or -1.
 */
function firstUnlinkedState(r: FlatRun, i: number, talksAtStart: number): number {
  const s = r.s;
  const linked = r.linked;
  const n = r.n;
  for (let x = 0; x < n; x++) if (x !== i && s.kind[x] === STATE && linked[i * n + x] === 0 && !talksWith(r, i, x, talksAtStart)) return x;
  return -1;
}

const SPOILER_OFFER: readonly FlatTerm[] = Object.freeze([
  { kind: T_NO_THEFT, norms: [] },
  { kind: T_HOTLINE, norms: [] },
]);

/** spoiler's operations: commercial espionage on each rival (id order) whose exposure is below `cheatBelow`, up to the cap. */
export function spoilerOperate(r: FlatRun, i: number, planned: number[]): void {
  const s = r.s;
  if (!((s.esp[i] as number) > 0)) return;
  const bound = s.params[i * PARAM_SLOTS + SP_CHEAT_BELOW] as number;
  const max = r.m.operations.maxPerRound;
  const rv = s.rivals[i] as Int32Array;
  let out = 0;
  for (let k = 0; k < rv.length && out < max; k++) {
    const t = rv[k] as number;
    if ((s.exposure[i * r.n + t] as number) < bound) {
      planned.push(t, ESPIONAGE, 1);
      out++;
    }
  }
}

/** spoiler's diplomacy: an offer of talks (no commercial theft, a hotline) to the first unlinked state. */
export function spoilerDiplomacy(r: FlatRun, i: number, talksAtStart: number): void {
  const partner = firstUnlinkedState(r, i, talksAtStart);
  if (partner >= 0) r.proposeTalks(i, partner, SPOILER_OFFER);
}

/** spoiler's answer: accept offers and votes, deny everything else. */
export function spoilerRespond(req: FlatRequest): number {
  return req.kind === PROPOSAL || req.kind === FORUM_VOTE ? ACCEPT : DENY;
}

/**
 * norm-entrepreneur's diplomacy: adopt every GGE norm; in each forum in session it is a member of,
 * table the GGE norms some member lacked as the phase opened unless a package of just those is on
 * the agenda; offer talks on the whole GGE package and a hotline to the first unlinked state; raise
 * its files of this round from `threshold` as a dove does.
 */
export function normEntrepreneurDiplomacy(r: FlatRun, i: number, talksAtStart: number): void {
  const s = r.s;
  adoptEveryNorm(r, i);
  const forums = s.forums;
  for (let f = 0; f < forums.length; f++) {
    const members = (forums[f] as FlatForum).members;
    if (!inSession(r, f) || !members.includes(i)) continue;
    const missing = lacking(r, f);
    if (missing.length === 0) continue;
    if (r.agenda(f).some((pkg) => pkg.norms.length === missing.length && pkg.norms.every((x) => missing.includes(x)))) continue;
    tablePackage(r, f, missing);
  }
  const partner = firstUnlinkedState(r, i, talksAtStart);
  if (partner >= 0) r.proposeTalks(i, partner, (r.wholePackage ??= Object.freeze([{ kind: T_NORMS, norms: Array.from(s.gge) }, { kind: T_HOTLINE, norms: [] }])));
  raiseFiles(r, i, s.params[i * PARAM_SLOTS + NE_THRESHOLD] as number);
}

/** The GGE norms (catalogue order) some member of forum f lacked as phase 4 opened: counted once a round, the same for every norm entrepreneur. */
function lacking(r: FlatRun, f: number): readonly number[] {
  if (r.lackingAt[f] === r.round) return r.lacking[f] as number[];
  const s = r.s;
  const members = (s.forums[f] as FlatForum).members;
  const width = s.normIds.length;
  const out = (r.lacking[f] ??= []);
  out.length = 0;
  for (let k = 0; k < s.gge.length; k++) {
    const norm = s.gge[k] as number;
    for (let m = 0; m < members.length; m++) {
      if (r.normsOpen[(members[m] as number) * width + norm] !== 1) {
        out.push(norm);
        break;
      }
    }
  }
  r.lackingAt[f] = r.round;
  return out;
}

/**
 * `table-package` (applyDiplomacy, validated by validateAction): rejected if every member of the
 * forum has adopted every norm of it (as the phase stands); else tabled, its norms deduplicated and
 * sorted by id, to be voted on at the phase's end (openVotes) if no package with its key is there.
 */
export function tablePackage(r: FlatRun, f: number, norms: readonly number[]): void {
  const s = r.s;
  const members = (s.forums[f] as FlatForum).members;
  let done = true;
  for (let m = 0; m < members.length && done; m++) for (const x of norms) if (!r.hasNorm(members[m] as number, x)) done = false;
  if (done) {
    r.counts.rejectedActions++;
    return;
  }
  const sorted = [...new Set(norms)].sort((a, b) => ((s.normIds[a] as string) < (s.normIds[b] as string) ? -1 : (s.normIds[a] as string) > (s.normIds[b] as string) ? 1 : 0));
  r.tabled.push({ forum: f, pkg: Object.freeze({ key: sorted.map((x) => s.normIds[x] as string).join(','), norms: Object.freeze(sorted) }) });
}
