// The flat round loop: the engine's six phases (src/engine/round.ts) in order, on one run's mutable
// state. Each phase names the engine function it mirrors.

import { clamp01, decayInto, resetCounts, scaleSuspect, settleRungs, stepTension, summaryMetrics } from './rules.js';
import { CONTRACTOR, ESPIONAGE, NETWORKS, NORM_ENTREPRENEUR, PASSIVE } from './setup.js';
import type { FlatSetup } from './setup.js';
import { ACCEPT, ACKNOWLEDGE, COOPERATE, COUNTER, DENY, HOTLINE, IGNORE, PROPOSAL, FlatRun, S_ATTRIBUTION, S_DETECTION, S_OPERATIONS, WALK_OUT } from './state.js';
import type { FlatIncident, FlatOp, FlatRequest } from './state.js';
import { diplomacy, operate, respond } from './strategies.js';
import { answerMore, auditAssistance, counter, keptOps, mechanismsDue, openVotes, ownSetup, refreshExposure, setCapability, tallyVotes } from './diplomatic.js';
import { ASSISTANCE, FORUM_VOTE } from './state.js';
import type { FlatOutcome } from './types.js';

/** Fields of an operation order in the flat list `orders` (principal, target, kind, against, falseFlag, commercial). */
const ORDER = 6;

/** Play `rounds` rounds from the setup's world with master seed `seed`. */
export function play(setup: FlatSetup, seed: string, rounds: number): FlatOutcome {
  const r = new FlatRun(setup.changing ? ownSetup(setup) : setup, seed);
  const s = r.s;
  let m = r.m;
  const n = r.n;
  let T = m.trust;
  let W = m.escalation.weights;
  let sev = [m.operations.severity.espionage, m.operations.severity.disruption, m.operations.severity.degradation];
  let IR = m.posterior.investigationRounds;
  let max = m.operations.maxPerRound;
  const orders: number[] = [];
  const planned: number[] = [];
  const roundOps: FlatOp[] = [];
  let nextInject = 0;
  // Whether a norm-entrepreneur may table a package (it reads the members' norms as phase 4 opened).
  const tabling = s.forums.length > 0 && s.strat.includes(NORM_ENTREPRENEUR);

  for (let round = 0; round < rounds; round++) {
    r.round = round;
    resetCounts(r.counts);
    // The round's mechanisms are those after its `mechanisms` injects, from the decay on (a
    // reveal of phase 1 judges its file with the round's first ones).
    let revealAt = m.audit.confidenceThreshold;
    if (s.changing) {
      const next = mechanismsDue(s, nextInject, round);
      if (next !== null) {
        r.m = m = next;
        T = m.trust;
        W = m.escalation.weights;
        sev = [m.operations.severity.espionage, m.operations.severity.disruption, m.operations.severity.degradation];
        IR = m.posterior.investigationRounds;
        max = m.operations.maxPerRound;
      }
    }
    decayInto(r.cur, r.nxt, T.decay, m.escalation.decay);
    r.actRung.fill(0);
    r.grievance.fill(0);
    r.broke.fill(0);
    r.keepPerceived();
    r.audits.length = 0;
    orders.length = 0;

    // Phase 1 (applyInjects): the injects due, in order; operations they order wait for phase 2.
    while (nextInject < s.injects.length && (s.injects[nextInject] as FlatSetup['injects'][number]).round <= round) {
      const inj = s.injects[nextInject++] as FlatSetup['injects'][number];
      switch (inj.type) {
        case 'operation':
          orders.push(inj.principal, inj.target, inj.kind, inj.against, inj.falseFlag, inj.commercial ? 1 : 0);
          break;
        case 'reveal':
          // revealIncident: certain on the principal (or "nobody"), investigation closed.
          for (let v = 0; v < n; v++) {
            if (inj.victim >= 0 && v !== inj.victim) continue;
            for (const inc of r.incidents[v] as FlatIncident[]) {
              if (inc.revealed >= 0 || (inc.op === null && inc.post[n] === 1)) continue;
              const principal = inc.op === null ? -1 : inc.op.principal;
              inc.post.fill(0);
              inc.post[principal >= 0 ? principal : n] = 1;
              inc.inv = 0;
              inc.revealed = principal;
              r.notice(v, inc, revealAt);
            }
          }
          break;
        case 'agreement':
          r.sign(inj.parties, inj.terms);
          break;
        case 'sanction':
          if (!r.sanctioning(inj.by, inj.target, inj.measure)) r.imposeSanction(inj.by, inj.target, inj.measure);
          break;
        case 'threat': {
          if (r.threats.some((t) => t.by === inj.by && t.target === inj.target && t.measure === inj.measure)) break;
          r.threats.push({ by: inj.by, target: inj.target, measure: inj.measure });
          r.bad(inj.target, inj.by, T.threat);
          r.overt(inj.by, inj.target, W.posturing);
          r.act(inj.by, inj.target, 3);
          break;
        }
        case 'capability':
          setCapability(r, inj.actor, inj.cap, inj.value);
          break;
        default:
          break;
      }
    }
    if (s.changing) refreshExposure(r);

    // Phase 2 (resolveOperations): the injects' orders, then each actor's in id order, up to the
    // round's cap (the rest rejected, as the engine's operations phase does).
    for (let i = 0; i < n; i++) {
      if (s.strat[i] === PASSIVE) continue;
      planned.length = 0;
      operate(r, i, planned);
      for (let k = 0; k < planned.length; k += 3) {
        if (k / 3 >= max) {
          r.counts.rejectedActions++;
          continue;
        }
        orders.push(i, planned[k] as number, planned[k + 1] as number, NETWORKS, -1, planned[k + 2] as number);
      }
    }
    roundOps.length = 0;
    for (let k = 0; k < orders.length; k += ORDER) {
      const principal = orders[k] as number;
      const target = orders[k + 1] as number;
      const kind = orders[k + 2] as number;
      const against = orders[k + 3] as number;
      const author = principal;
      const p = clamp01(((kind === ESPIONAGE ? s.esp[author] : s.off[author]) as number) * (1 - m.operations.defenseWeight * (s.def[target] as number)));
      const success = r.rng(principal, S_OPERATIONS)() < p;
      const commercial = kind === ESPIONAGE && orders[k + 5] === 1;
      const op: FlatOp = { round, principal, author, target, kind, against, severity: (sev[kind] as number) + (against === NETWORKS ? 0 : m.operations.criticalInfrastructureBonus), falseFlag: orders[k + 4] as number, commercial };
      roundOps.push(op);
      r.ops.push(op);
      r.counts.operations++;
      const escT = r.nxt.escT;
      escT[principal * n + target] = (escT[principal * n + target] as number) + r.opWeight(kind, against);
      if (success) {
        r.counts.successfulOperations++;
        const w = r.welfare;
        w[principal] = (w[principal] as number) + (kind !== ESPIONAGE ? m.welfare.coercionGain : commercial ? m.welfare.commercialGain : m.welfare.intelligenceGain);
        w[target] = (w[target] as number) - (m.welfare.damagePerSeverity * op.severity) / 5;
      }
    }

    // Phase 3 (detectAndAttribute): victim by victim, open files first, then new operations, then a false alarm.
    for (let v = 0; v < n; v++) {
      const q = clamp01(m.identification.base + m.identification.attributionWeight * (s.att[v] as number) + m.identification.sharingBonus * (r.sharing[v] as number));
      const list = r.incidents[v] as FlatIncident[];
      const open = list.length;
      for (let k = 0; k < open; k++) {
        const inc = list[k] as FlatIncident;
        if (inc.inv <= 0) continue;
        const named = r.signal(inc.op, inc.kind, v, q, false, r.rng(v, S_ATTRIBUTION));
        r.update(inc.post, named, q);
        inc.inv--;
        r.notice(v, inc);
      }
      let k = 0;
      for (let j = 0; j < roundOps.length; j++) {
        const op = roundOps[j] as FlatOp;
        if (op.target !== v) continue;
        const p = clamp01(m.detection.scale * (s.att[v] as number) * (1 - (s.stl[op.author] as number)) * (1 + (m.detection.severityBonus * op.severity) / 10));
        if (!(r.rng(v, S_DETECTION)() < p)) continue;
        const named = r.signal(op, op.kind, v, q, true, r.rng(v, S_ATTRIBUTION));
        r.detected(v, k++, op, op.kind, op.against, op.severity, named, q);
      }
      if (r.rng(v, S_DETECTION)() < clamp01(m.falseAlarm.rate * (1 - (s.att[v] as number)))) {
        const named = r.signal(null, ESPIONAGE, v, q, true, r.rng(v, S_ATTRIBUTION));
        if (named >= 0) r.detected(v, k++, null, ESPIONAGE, NETWORKS, sev[ESPIONAGE] as number, named, q);
      }
    }

    // Phase 4 (applyDiplomacy): actors in id order, each deciding on the phase's world.
    const sanctionsAtStart = r.sanctions.length;
    r.sanctionsOpen = r.sanctions;
    if (r.dialogues.length > 0) r.openDialogues();
    if (tabling) r.normsOpen.set(r.norms);
    const talksAtStart = r.talks.length;
    for (let i = 0; i < n; i++) {
      const code = s.strat[i];
      if (code !== PASSIVE && code !== CONTRACTOR) diplomacy(r, i, sanctionsAtStart, talksAtStart);
    }
    if (s.forums.length > 0) openVotes(r);

    // Phase 5 (applyResponses, expireRequests): the open requests answered on the world before any
    // answer is applied; a counter-offer within the round's bound of exchanges is answered in a
    // further pass (the follow-ups alone, on the world the pass before left); then unanswered
    // requests expire and talks past their deadline end.
    if (r.requests.length > 0) {
      let pass = 0;
      let followUps = 0;
      do {
        const requests = r.requests;
        for (let k = 0; k < requests.length; k++) {
          const req = requests[k] as FlatRequest;
          if (pass === 0 || req.followUp) req.answer = respond(r, req);
        }
        followUps = 0;
        const kept: FlatRequest[] = [];
        for (let k = 0; k < requests.length; k++) {
          const req = requests[k] as FlatRequest;
          if (pass > 0 && !req.followUp) {
            kept.push(req);
            continue;
          }
          req.followUp = false;
          const answer = req.answer;
          if (req.kind === PROPOSAL) {
            const t = req.talks;
            if (t === null || t.closed) continue;
            if (answer === IGNORE) {
              kept.push(req);
              continue;
            }
            if (answer === COUNTER) {
              const next = counter(r, req, t);
              kept.push(next);
              if (next.followUp) followUps++;
              continue;
            }
            if (answer === ACCEPT) r.sign([t.a, t.b], t.offer);
            else if (answer === WALK_OUT) r.walkOut(req.to, t);
            // Accepted or rejected, the talks end (a rejection is no evidence: only a walk-out is).
            t.closed = true;
            r.talks = r.talks.filter((x) => x !== t);
            continue;
          }
          if (req.kind === ASSISTANCE || req.kind === FORUM_VOTE) {
            if (answerMore(r, req)) kept.push(req);
            continue;
          }
          if (answer === IGNORE) {
            kept.push(req);
            continue;
          }
          const inc = req.inc as FlatIncident;
          // Only a hotline exchange, or an admission, moves the requester's posterior.
          if ((req.kind === HOTLINE || answer === ACKNOWLEDGE) && !inc.gone && inc.revealed < 0) {
            scaleSuspect(inc.post, req.to, answer === DENY ? m.hotline.denialLikelihoodRatio : answer === COOPERATE ? m.hotline.cooperationLikelihoodRatio : m.hotline.acknowledgementLikelihoodRatio, n);
            r.notice(req.from, inc);
          }
          if (req.kind === HOTLINE) {
            r.good(req.from, req.to, T.answeredRequest);
            if (answer === COOPERATE) r.overt(req.to, req.from, W.deescalation);
          } else if (answer === COOPERATE) {
            r.good(req.from, req.to, T.cooperation);
            r.overt(req.to, req.from, W.deescalation);
          } else r.good(req.from, req.to, T.answeredRequest * 0.5);
        }
        if (r.votes.length > 0) tallyVotes(r);
        r.requests = kept;
        pass++;
      } while (followUps > 0);
      const open: FlatRequest[] = [];
      for (const req of r.requests) {
        if (req.due > round) open.push(req);
        else if (req.kind !== PROPOSAL) {
          r.bad(req.from, req.to, T.unansweredRequest);
          if (req.kind === ASSISTANCE) auditAssistance(r, req);
        }
      }
      for (const t of r.talks) if (t.deadline <= round) t.closed = true;
      r.talks = r.talks.filter((t) => !t.closed);
      for (const t of r.talks) t.exchanges = 0;
      r.requests = open.filter((q) => q.kind !== PROPOSAL || !(q.talks as NonNullable<FlatRequest['talks']>).closed);
    }

    // Phase 6 (updateWorld): the audit's perceived violations in event order, kept commitments,
    // sanctions' costs, rungs, tension; then the round's tables become the current ones.
    for (const a of r.audits) for (let j = 0; j < a.count; j++) r.perceive(a.by, a.against, a.conf);
    for (const parties of r.agreements) {
      for (let a = 0; a < parties.length; a++) {
        const p = parties[a] as number;
        for (let b = 0; b < parties.length; b++) {
          const q = parties[b] as number;
          if (p !== q && r.broke[q * n + p] === 0) r.good(q, p, T.keptCommitment);
        }
      }
    }
    const welfare = r.welfare;
    for (const x of r.sanctions) {
      welfare[x.target] = (welfare[x.target] as number) - m.welfare.sanctionCostTarget;
      welfare[x.by] = (welfare[x.by] as number) - m.welfare.sanctionCostImposer;
    }
    settleRungs(r.cur.rung, r.actRung, r.nxt.escP, r.nxt.rung, r.peak, n, m, welfare);
    stepTension(r.cur.tension, r.grievance, r.nxt.tension, n, s.reactivity, s.fatigue, m);
    const done = r.cur;
    r.cur = r.nxt;
    r.nxt = done;
    // Files and operations too old to be investigated or asked about are dropped.
    const horizon = round - IR - 1;
    for (let v = 0; v < n; v++) {
      const list = r.incidents[v] as FlatIncident[];
      if (list.length > 0 && (list[0] as FlatIncident).round <= horizon) {
        r.incidents[v] = list.filter((inc) => {
          const keep = inc.round > horizon || inc.inv > 0;
          if (!keep) inc.gone = true;
          return keep;
        });
      }
    }
    if (r.ops.length > 0 && (r.ops[0] as FlatOp).round <= horizon) r.ops = s.changing ? keptOps(r, horizon) : r.ops.filter((op) => op.round > horizon);
    r.metrics.push(summaryMetrics(round, r.counts, r.sanctions.length, n, r.cur, r.peak, welfare));
  }
  return {
    metrics: r.metrics,
    ids: s.ids,
    peakRung: r.peak,
    welfare: r.welfare,
    accusations: r.accusations,
    accusationsRight: r.accusationsRight,
    agreementsSigned: r.agreementsSigned,
    firstAgreementRound: r.firstAgreementRound,
  };
}
