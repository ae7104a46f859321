import { nextRung, RUNG } from '../../model/escalation.js';
import { betaTrust } from '../../model/trust.js';
import type { SimEvent } from '../../model/event.js';
import type { World } from '../../model/world.js';
import { actorIndex, floatTables, worldWith } from '../world.js';
import { keptWhere } from '../lists.js';
import { auditCommitments } from './audit.js';
import type { RoundContext } from './context.js';

// Scratch arrays of one update (never part of a world): the acts and grievances of the round and
// the next rungs before they are known to differ from the old ones. Reused from call to call, so a
// round allocates only the dyad arrays that a world keeps.
let scratchActRung = new Uint8Array(0);
let scratchGrievance = new Float64Array(0);
let scratchRung = new Uint8Array(0);

function scratch(nn: number): { actRung: Uint8Array; grievance: Float64Array } {
  if (scratchActRung.length < nn) {
    scratchActRung = new Uint8Array(nn);
    scratchGrievance = new Float64Array(nn);
    scratchRung = new Uint8Array(nn);
  } else {
    scratchActRung.fill(0, 0, nn);
    scratchGrievance.fill(0, 0, nn);
  }
  return { actRung: scratchActRung, grievance: scratchGrievance };
}

/**
 * Phase 6: update every dyad from what was observed this round, in one pass over the round's
 * events and one pass over the dyad arrays, which are replaced whole when they change (never
 * written in place):
 *  - commitments: the audit (see `auditCommitments`) logs real and perceived violations; each
 *    agreement partner not perceived to break it this round earns `trust.keptCommitment`;
 *  - trust: decay r and s by λ, then add the round's evidence (DESIGN §3);
 *  - escalation: score ← decay·score + Σ weights, true (every act) and perceived (what the
 *    target observed, covert acts weighted by the confidence of the attribution);
 *  - rungs: the highest act of the round, stepping down in quiet rounds; L7 is absorbing and mutual;
 *  - tension: x_ij += dt·(k_i·x_ji − a_i·x_ij + g_ij), g from perceived hostile weight;
 *  - welfare: gains and damage of operations and retaliation, sanction and conflict costs.
 * Closed incidents and operations too old to be investigated are dropped (the log keeps them).
 */
export function updateWorld(world: World, ctx: RoundContext): World {
  auditCommitments(world, ctx);
  const n = world.actors.length;
  const nn = n * n;
  const m = world.mechanisms;
  const index = actorIndex(world);
  const d = world.dyads;
  const w = m.escalation.weights;
  const t = m.trust;

  // The five new dyad tables share one buffer, a slab when they are small (see floatTables).
  // (The welfare in the same buffer was 3–5% slower at 128 actors; it stays on its own.)
  const table = floatTables(nn);
  const trustR = table(0);
  const trustS = table(1);
  const escTrue = table(2);
  const escPerc = table(3);
  const lambda = t.decay;
  const ed = m.escalation.decay;
  for (let k = 0; k < nn; k++) {
    trustR[k] = (d.trustR[k] as number) * lambda;
    trustS[k] = (d.trustS[k] as number) * lambda;
    escTrue[k] = (d.escalationTrue[k] as number) * ed;
    escPerc[k] = (d.escalationPerceived[k] as number) * ed;
  }
  const { actRung, grievance } = scratch(nn);
  const welfare = world.welfare.slice();
  const wf = m.welfare;
  const at = (id: string): number => index.get(id) ?? -1;
  let cause = '';
  const actCause = new Map<number, string>();
  const trustCauses = new Map<number, string[]>();
  const noteCause = (k: number) => {
    const list = trustCauses.get(k);
    if (!list) trustCauses.set(k, [cause]);
    else if (!list.includes(cause)) list.push(cause);
  };
  const act = (from: number, to: number, rung: number) => {
    if (from < 0 || to < 0) return;
    const k = from * n + to;
    if (rung > (actRung[k] as number)) {
      actRung[k] = rung;
      actCause.set(k, cause);
    }
  };
  // An overt act: everyone sees it, so it counts fully in both scores.
  const overt = (from: number, to: number, weight: number) => {
    if (from < 0 || to < 0) return;
    const k = from * n + to;
    escTrue[k] = (escTrue[k] as number) + weight;
    escPerc[k] = (escPerc[k] as number) + weight;
    if (weight > 0) grievance[to * n + from] = (grievance[to * n + from] as number) + weight;
  };
  const good = (observer: number, about: number, x: number) => {
    if (observer < 0 || about < 0) return;
    trustR[observer * n + about] = (trustR[observer * n + about] as number) + x;
    noteCause(observer * n + about);
  };
  const bad = (observer: number, about: number, x: number) => {
    if (observer < 0 || about < 0) return;
    trustS[observer * n + about] = (trustS[observer * n + about] as number) + x;
    noteCause(observer * n + about);
  };
  const opWeight = (kind: string, against: string) =>
    kind === 'espionage' ? w.posturing : kind === 'disruption' ? w.nonViolent : against === 'networks' ? w.nonViolent : w.violent;

  const brokeWith = new Set<string>();
  for (const e of ctx.events) {
    cause = e.type;
    applyEvent(e);
  }
  cause = 'commitment.kept';

  function applyEvent(e: SimEvent): void {
    switch (e.type) {
      case 'operation.conducted': {
        const op = e.operation;
        const p = at(op.principal);
        const v = at(op.target);
        if (p < 0 || v < 0) return;
        escTrue[p * n + v] = (escTrue[p * n + v] as number) + opWeight(op.kind, op.against);
        if (op.success) {
          welfare[p] = (welfare[p] as number) + (op.kind !== 'espionage' ? wf.coercionGain : op.commercial ? wf.commercialGain : wf.intelligenceGain);
          welfare[v] = (welfare[v] as number) - (wf.damagePerSeverity * op.severity) / 5;
        }
        return;
      }
      case 'incident.detected': {
        if (e.suspect === null) return;
        const v = at(e.victim);
        const s = at(e.suspect);
        if (v < 0 || s < 0) return;
        bad(v, s, t.attributedHostility * e.confidence * (e.severity / 10));
        const weight = e.confidence * opWeight(e.kind, e.against);
        escPerc[s * n + v] = (escPerc[s * n + v] as number) + weight;
        grievance[v * n + s] = (grievance[v * n + s] as number) + weight;
        // A CERT counts with critical infrastructure, as its weight does (opWeight): L6 is the
        // ladder's rung for degrading what norms (f) and (k) protect.
        if (e.kind === 'degradation' && e.against !== 'networks' && e.confidence >= 0.5) act(s, v, RUNG.INFRASTRUCTURE_ATTACK);
        return;
      }
      case 'accusation.made': {
        const by = at(e.by);
        const to = at(e.target);
        bad(to, by, e.public ? t.publicAccusation : t.privateAccusation);
        overt(by, to, e.public ? w.nonViolent : w.posturing);
        act(by, to, e.formal ? RUNG.FORMAL_ATTRIBUTION : e.public ? RUNG.PUBLIC_ACCUSATION : RUNG.PRIVATE_DEMARCHE);
        return;
      }
      case 'hotline.queried':
        overt(at(e.by), at(e.target), w.statusQuo);
        act(at(e.by), at(e.target), RUNG.PRIVATE_DEMARCHE);
        return;
      case 'hotline.answered':
        good(at(e.to), at(e.by), t.answeredRequest);
        if (e.answer === 'cooperate') overt(at(e.by), at(e.to), w.deescalation);
        return;
      case 'accusation.answered':
        if (e.answer === 'cooperate') {
          good(at(e.to), at(e.by), t.cooperation);
          overt(at(e.by), at(e.to), w.deescalation);
        } else good(at(e.to), at(e.by), t.answeredRequest * 0.5);
        return;
      case 'request.unanswered':
        bad(at(e.to), at(e.by), t.unansweredRequest);
        return;
      case 'sanction.imposed': {
        const by = at(e.sanction.by);
        const to = at(e.sanction.target);
        bad(to, by, t.sanction);
        overt(by, to, w.nonViolent);
        act(by, to, RUNG.SANCTIONS);
        return;
      }
      case 'sanction.lifted':
        good(at(e.target), at(e.by), t.sanctionLifted);
        overt(at(e.by), at(e.target), w.deescalation);
        return;
      case 'information.shared':
        good(at(e.target), at(e.by), t.sharedInformation);
        overt(at(e.by), at(e.target), w.deescalation);
        return;
      case 'retaliation.conducted': {
        const by = at(e.by);
        const to = at(e.target);
        bad(to, by, t.retaliation);
        overt(by, to, e.kind === 'degradation' ? w.violent : w.nonViolent);
        act(by, to, e.kind === 'degradation' ? RUNG.INFRASTRUCTURE_ATTACK : RUNG.DISRUPTIVE_RETALIATION);
        if (e.success && by >= 0 && to >= 0) {
          welfare[by] = (welfare[by] as number) + wf.coercionGain;
          welfare[to] = (welfare[to] as number) - (wf.damagePerSeverity * e.severity) / 5;
        }
        return;
      }
      case 'violation.perceived': {
        const by = at(e.by);
        const against = at(e.against);
        bad(by, against, t.brokenCommitment * e.confidence);
        if (by >= 0 && against >= 0) {
          grievance[by * n + against] = (grievance[by * n + against] as number) + w.posturing * e.confidence;
          brokeWith.add(`${e.by}\u0000${e.against}`);
        }
        return;
      }
      case 'assistance.answered':
        if (e.answer === 'cooperate') {
          good(at(e.to), at(e.by), t.cooperation);
          overt(at(e.by), at(e.to), w.deescalation);
        } else good(at(e.to), at(e.by), t.answeredRequest * 0.5);
        return;
      case 'sanction.threatened': {
        const by = at(e.threat.by);
        const to = at(e.threat.target);
        bad(to, by, t.threat);
        overt(by, to, w.posturing);
        act(by, to, RUNG.FORMAL_ATTRIBUTION);
        return;
      }
      case 'talks.ended':
        if ((e.outcome === 'walked-out' || e.outcome === 'rejected') && e.by !== null) {
          const by = at(e.by);
          for (const p of e.parties) if (p !== e.by) {
            if (e.outcome === 'walked-out') {
              bad(at(p), by, t.walkOut);
              overt(by, at(p), w.posturing);
            }
          }
        }
        return;
      case 'agreement.signed':
        for (const a of e.agreement.parties) for (const b of e.agreement.parties) if (a !== b) overt(at(a), at(b), w.deescalation);
        return;
      case 'agreement.withdrawn':
        for (const p of e.parties) if (p !== e.by) {
          bad(at(p), at(e.by), t.walkOut);
          overt(at(e.by), at(p), w.posturing);
        }
        return;
      case 'dialogue.suspended':
        overt(at(e.by), at(e.target), w.posturing);
        return;
      case 'dialogue.resumed':
        overt(at(e.by), at(e.target), w.deescalation);
        return;
      default:
        return;
    }
  }

  // Kept commitments: every party of an agreement in force earns credit with each partner that
  // did not perceive it breaking a commitment this round.
  // Indexed loops over the world's frozen lists (docs/performance.md, frozen arrays).
  const agreements = world.agreements;
  for (let a = 0; a < agreements.length; a++) {
    const parties = (agreements[a] as World['agreements'][number]).parties;
    for (let i = 0; i < parties.length; i++) {
      const p = parties[i] as string;
      for (let j = 0; j < parties.length; j++) {
        const q = parties[j] as string;
        if (p !== q && !brokeWith.has(`${q}\u0000${p}`)) good(at(q), at(p), t.keptCommitment);
      }
    }
  }

  for (const s of world.sanctions) {
    const by = at(s.by);
    const to = at(s.target);
    if (by < 0 || to < 0) continue;
    welfare[to] = (welfare[to] as number) - wf.sanctionCostTarget;
    welfare[by] = (welfare[by] as number) - wf.sanctionCostImposer;
  }

  // Rungs: per directed dyad, then open conflict is made mutual. Computed into scratch; the
  // world gets a new array only if some rung (or peak) moved, else it keeps the old one.
  const rung = scratchRung;
  const rp = { openConflictScore: m.escalation.openConflictScore, rungDecay: m.escalation.rungDecay };
  for (let k = 0; k < nn; k++) rung[k] = nextRung(d.rung[k] as number, actRung[k] as number, escPerc[k] as number, rp);
  for (let i = 0; i < n; i++) {
    for (let j = i + 1; j < n; j++) {
      const a = i * n + j;
      const b = j * n + i;
      if (rung[a] === 7 || rung[b] === 7) {
        if (d.rung[a] !== 7 && d.rung[b] !== 7) {
          ctx.events.push({ type: 'conflict.opened', round: ctx.round, phase: 'update', between: [world.actors[i]?.id ?? '', world.actors[j]?.id ?? ''] });
        }
        rung[a] = 7;
        rung[b] = 7;
        welfare[i] = (welfare[i] as number) - wf.conflictCost;
        welfare[j] = (welfare[j] as number) - wf.conflictCost;
      }
    }
  }
  let rungMoved = false;
  let peak = d.peakRung;
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < n; j++) {
      const k = i * n + j;
      const r = rung[k] as number;
      if (r > (peak[k] as number)) {
        if (peak === d.peakRung) peak = Uint8Array.from(d.peakRung);
        (peak as Uint8Array)[k] = r;
      }
      const prev = d.rung[k] as number;
      if (r !== prev) rungMoved = true;
      if (r > prev) {
        ctx.events.push({
          type: 'escalation.changed',
          round: ctx.round,
          phase: 'update',
          from: world.actors[i]?.id ?? '',
          to: world.actors[j]?.id ?? '',
          rung: r,
          previous: prev,
          cause: r === 7 && actRung[k] !== 7 ? 'conflict.opened' : (actCause.get(k) ?? ''),
        });
      }
    }
  }

  // Richardson tension, from the tension at the start of the round (simultaneous update).
  const tension = table(4);
  const dt = m.tension.dt;
  const gs = m.tension.grievanceScale;
  const limit = m.tension.limit;
  for (let i = 0; i < n; i++) {
    const a = world.actors[i];
    const kI = a ? a.reactivity : 0;
    const aI = a ? a.fatigue : 0;
    for (let j = 0; j < n; j++) {
      if (i === j) continue;
      const k = i * n + j;
      const x = d.tension[k] as number;
      const y = d.tension[j * n + i] as number;
      const next = x + dt * (kI * y - aI * x + gs * (grievance[k] as number));
      tension[k] = next > limit ? limit : next < -limit ? -limit : next;
    }
  }

  // Trust moves worth telling: decay alone moves trust slowly, so only evidence crosses the
  // threshold in practice; scanning only the dyads that got evidence keeps this O(evidence).
  const threshold = t.reportThreshold;
  const evidenced: number[] = [];
  for (const k of trustCauses.keys()) evidenced.push(k);
  evidenced.sort((a, b) => a - b);
  for (const k of evidenced) {
    const causes = trustCauses.get(k) as string[];
    const before = betaTrust(d.trustR[k] as number, d.trustS[k] as number);
    const after = betaTrust(trustR[k] as number, trustS[k] as number);
    if (Math.abs(after - before) < threshold) continue;
    const i = Math.floor(k / n);
    ctx.events.push({ type: 'trust.changed', round: ctx.round, phase: 'update', from: world.actors[i]?.id ?? '', to: world.actors[k - i * n]?.id ?? '', before, after, causes });
  }
  ctx.events.push({ type: 'round.ended', round: ctx.round, phase: 'update', actors: n });
  const horizon = ctx.round - m.posterior.investigationRounds - 1;
  // A file opened before investigationRounds was lowered (a mechanisms inject, a fork) is still
  // open past the new horizon: keep its operation, or its later signals and a reveal would read
  // the operation as a false alarm. None in a run whose investigationRounds never fell; noted in
  // the pass over the files that the world makes anyway (no second loop on the hot path).
  let stillInvestigated: Set<string> | undefined;
  const incidents = keptWhere(world.incidents, (inc) => {
    if (inc.round > horizon) return true;
    if (inc.investigation <= 0) return false;
    if (inc.operation !== null) (stillInvestigated ??= new Set()).add(inc.operation);
    return true;
  });
  const operations = keptWhere(world.operations, (op) => op.round > horizon || (stillInvestigated !== undefined && stillInvestigated.has(op.id)));
  return worldWith(world, {
    round: ctx.round + 1,
    dyads: { n, trustR, trustS, tension, escalationTrue: escTrue, escalationPerceived: escPerc, rung: rungMoved ? rung.slice(0, nn) : d.rung, peakRung: peak },
    welfare,
    incidents,
    operations,
    tabled: world.tabled.length === 0 ? world.tabled : [],
  });
}
