import type { Request, Response } from '../../model/action.js';
import { identificationProbability, scaleSuspect, topSuspect, updatePosterior } from '../../model/attribution.js';
import type { Commitment } from '../../model/agreement.js';
import { withFields } from '../../model/record.js';
import type { World } from '../../model/world.js';
import type { ConfigIssue } from '../errors.js';
import { actorIndex, checkTerms, incidentIndex, incidentWith, worldWith } from '../world.js';
import { sameOr, sameRecordOr } from '../lists.js';
import { adoptNorm, signAgreement } from './agreements.js';
import type { SigningState } from './agreements.js';
import type { RoundContext } from './context.js';
import { drawSignal } from './detection.js';
import { operationById } from './operations.js';
import { notePerception } from './perception.js';

/**
 * One pass of phase 5: the requests asked in this pass get their addressees' answers (a missing
 * answer is `ignore`). Returns the new world and the ids of the counter-offers made in this pass,
 * which are asked in a further pass of the same round while the talks' exchanges allow it.
 *
 * - accusation / hotline query: the answer is recorded; a hotline answer (or an admission) moves the
 *   requester's posterior on the addressee by a likelihood ratio (`mechanisms.hotline`);
 * - assistance: `cooperate` gives the requester one more forensic signal, drawn with the helper's
 *   own identification skill from the helper's `attribution` stream; `deny` refuses;
 * - proposal: `accept` signs the offer; `reject` and `walk-out` end the talks; `counter` puts a new
 *   offer to the other side;
 * - forum vote: votes are tallied per package once every member has voted (first pass).
 * Answered requests close; `ignore` leaves a request open until its due round (see {@link expireRequests}).
 */
export function applyResponses(
  world: World,
  ctx: RoundContext,
  asked: ReadonlySet<string>,
  answers: ReadonlyMap<string, Response>,
  reject: (actor: string, response: unknown, reason: string) => void,
): { world: World; followUps: string[] } {
  const index = actorIndex(world);
  const m = world.mechanisms;
  const h = m.hotline;
  const round = ctx.round;
  const phase = 'responses' as const;
  const incidents = [...world.incidents];
  let talks = [...world.talks];
  const state: SigningState = { agreements: [...world.agreements], dialogues: [...world.dialogues], sanctions: [...world.sanctions], norms: world.norms };
  const requests: Request[] = [];
  const followUps: string[] = [];
  const votes = new Map<string, { forum: string; norms: readonly string[]; accepted: string[]; holdouts: string[]; abstained: string[] }>();
  let forums = world.forums;
  // Ids of agreements signed by talks are numbered per round, across the phase's passes: counted
  // from 0 in each pass, an agreement accepted in a second pass took the id of one accepted in the
  // first, and withdrawing either removed both.
  let signed = talksSignedIn(world.agreements, round);

  for (const req of world.requests) {
    if (!asked.has(req.id)) {
      requests.push(req);
      continue;
    }
    const response = answers.get(req.id) ?? { type: 'ignore' as const };
    const answer = response.type;
    switch (req.kind) {
      case 'accusation':
      case 'hotline-query': {
        if (answer === 'ignore') {
          requests.push(req);
          break;
        }
        const ratio = answer === 'deny' ? h.denialLikelihoodRatio : answer === 'cooperate' ? h.cooperationLikelihoodRatio : h.acknowledgementLikelihoodRatio;
        const k = incidentIndex(incidents, req.incident.id, req.from);
        const inc = incidents[k];
        const suspect = index.get(req.to) ?? -1;
        let confidence = inc ? (inc.posterior[suspect] ?? 0) : 0;
        // Accusations are answered in public or in private; only a hotline exchange, or an
        // admission, is informative enough to move the accuser's posterior.
        if (inc && inc.revealed === null && (req.kind === 'hotline-query' || answer === 'acknowledge')) {
          const posterior = scaleSuspect(inc.posterior, suspect, ratio);
          incidents[k] = notePerception(world, ctx, incidentWith(inc, { posterior }));
          confidence = posterior[suspect] ?? 0;
        }
        if (req.kind === 'hotline-query') ctx.events.push({ type: 'hotline.answered', round, phase, query: req.id, by: req.to, to: req.from, answer: answer as 'deny', confidence });
        else ctx.events.push({ type: 'accusation.answered', round, phase, accusation: req.id, by: req.to, to: req.from, answer: answer as 'deny', public: req.public });
        break;
      }
      case 'assistance': {
        if (answer === 'ignore') {
          requests.push(req);
          break;
        }
        ctx.events.push({ type: 'assistance.answered', round, phase, request: req.id, by: req.to, to: req.from, answer: answer === 'cooperate' ? 'cooperate' : 'deny' });
        if (answer !== 'cooperate') break;
        const k = incidentIndex(incidents, req.incident.id, req.from);
        const inc = incidents[k];
        const helper = world.actors[index.get(req.to) ?? -1];
        const v = index.get(req.from) ?? -1;
        if (!inc || !helper || inc.revealed !== null) break;
        const op = inc.operation === null ? undefined : operationById(ctx, world.operations, inc.operation);
        const q = identificationProbability(helper.capabilities.attribution, 0, m);
        const named = drawSignal(world, index, op, inc.kind, v, q, false, ctx.streams.of(helper.id, 'attribution'));
        const posterior = updatePosterior(inc.posterior, named, q);
        const signal = named === null ? null : (world.actors[named]?.id ?? null);
        incidents[k] = notePerception(world, ctx, incidentWith(inc, { signals: [...inc.signals, signal], posterior }));
        // Narrative only: an unobserved round does not make it (round.ts, UNOBSERVED).
        if (!ctx.observed) break;
        const t = topSuspect(posterior);
        ctx.events.push({ type: 'incident.investigated', round, phase, incident: inc.id, victim: inc.victim, signal, suspect: t ? (world.actors[t.index]?.id ?? null) : null, confidence: t ? t.confidence : 0 });
        break;
      }
      case 'proposal': {
        const t = talks.find((x) => x.id === req.talks);
        if (!t) break;
        if (answer === 'ignore') {
          requests.push(req);
          break;
        }
        const other = t.parties[0] === req.to ? t.parties[1] : t.parties[0];
        if (answer === 'accept') {
          signAgreement(state, ctx.events, { round, phase }, `ag:${round}:t${signed++}`, t.parties, t.offer, t.offeredBy);
          ctx.events.push({ type: 'talks.ended', round, phase, talks: t.id, parties: t.parties, outcome: 'agreed', by: req.to });
          talks = talks.filter((x) => x.id !== t.id);
        } else if (answer === 'reject' || answer === 'walk-out') {
          ctx.events.push({ type: 'talks.ended', round, phase, talks: t.id, parties: t.parties, outcome: answer === 'reject' ? 'rejected' : 'walked-out', by: req.to });
          talks = talks.filter((x) => x.id !== t.id);
        } else if (response.type === 'counter') {
          const issues: ConfigIssue[] = [];
          const terms = checkTerms(response.terms, 'terms', issues);
          if (issues.length > 0) {
            reject(req.to, response, `invalid counter-offer: ${issues.map((i) => `${i.path}: expected ${i.expected}, received ${i.received}`).join('; ')}`);
            requests.push(req);
            break;
          }
          const n = Number(req.id.slice(req.id.lastIndexOf('#') + 1)) + 1;
          const id = `${t.id}#${n}`;
          talks = talks.map((x) => (x.id === t.id ? withFields(x, { offer: terms, offeredBy: req.to, turn: other, exchanges: x.exchanges + 1 }) : x));
          requests.push({ id, kind: 'proposal', from: req.to, to: other, round, due: t.deadline, talks: t.id, terms, deadline: t.deadline });
          ctx.events.push({ type: 'talks.offered', round, phase, talks: t.id, by: req.to, to: other, terms });
          // Within the per-round bound the other side answers in a further pass of this round;
          // beyond it, the offer waits for next round's responses phase.
          if (t.exchanges + 1 <= m.talks.maxExchangesPerRound) followUps.push(id);
        }
        break;
      }
      case 'forum-vote': {
        const key = `${req.forum}\u0000${req.norms.join(',')}`;
        let tally = votes.get(key);
        if (!tally) votes.set(key, (tally = { forum: req.forum, norms: req.norms, accepted: [], holdouts: [], abstained: [] }));
        (answer === 'accept' ? tally.accepted : answer === 'reject' ? tally.holdouts : tally.abstained).push(req.to);
        break;
      }
    }
  }

  for (const tally of votes.values()) {
    const forum = forums.find((f) => f.id === tally.forum);
    if (!forum) continue;
    const adopted =
      forum.rule === 'consensus'
        ? tally.holdouts.length === 0 && tally.accepted.length > 0
        : tally.accepted.length >= Math.ceil(forum.rule.threshold * forum.members.length - 1e-9);
    ctx.events.push({ type: adopted ? 'forum.adopted' : 'forum.failed', round, phase, forum: forum.id, norms: tally.norms, accepted: tally.accepted, holdouts: tally.holdouts, abstained: tally.abstained });
    if (!adopted) continue;
    for (const member of tally.accepted) {
      for (const norm of tally.norms) {
        if (!adoptNorm(state, member, norm)) continue;
        ctx.events.push({ type: 'norm.adopted', round, phase, actor: member, norm });
      }
    }
    const key = tally.norms.join(',');
    forums = forums.map((f) => (f.id === forum.id ? withFields(f, { agenda: f.agenda.filter((p) => p.join(',') !== key) }) : f));
  }

  // Most passes only close requests: the lists they did not change stay the world's own.
  return {
    world: worldWith(world, {
      agreements: sameOr(state.agreements, world.agreements),
      dialogues: sameOr(state.dialogues, world.dialogues),
      sanctions: sameOr(state.sanctions, world.sanctions),
      norms: sameRecordOr(state.norms, world.norms),
      incidents: sameOr(incidents, world.incidents),
      talks: sameOr(talks, world.talks),
      requests: sameOr(requests, world.requests),
      forums,
    }),
    followUps,
  };
}

/**
 * End of phase 5: requests whose due round has come and that nobody answered expire
 * (`request.unanswered`), and talks whose deadline has passed end (`talks.ended`, expired).
 */
export function expireRequests(world: World, ctx: RoundContext): World {
  const round = ctx.round;
  const phase = 'responses' as const;
  const requests: Request[] = [];
  for (const req of world.requests) {
    if (req.due > round) {
      requests.push(req);
      continue;
    }
    if (req.kind !== 'forum-vote' && req.kind !== 'proposal') {
      ctx.events.push({ type: 'request.unanswered', round, phase, request: req.id, kind: req.kind, by: req.to, to: req.from });
    }
  }
  const expired = world.talks.filter((t) => t.deadline <= round);
  for (const t of expired) ctx.events.push({ type: 'talks.ended', round, phase, talks: t.id, parties: t.parties, outcome: 'expired', by: null });
  const live = expired.length === 0 ? world.talks : world.talks.filter((t) => t.deadline > round);
  const openTalks = new Set(live.map((t) => t.id));
  return worldWith(world, {
    requests: sameOr(
      requests.filter((r) => r.kind !== 'proposal' || openTalks.has(r.talks)),
      world.requests,
    ),
    talks: sameOr(
      live.map((t) => (t.exchanges === 0 ? t : withFields(t, { exchanges: 0 }))),
      world.talks,
    ),
  });
}

/** Terms as plain commitments (re-export for validation of proposals). */
export type { Commitment };

/** How many agreements in `agreements` talks signed in `round` (ids `ag:<round>:t<k>`): the next k. */
function talksSignedIn(agreements: readonly { readonly id: string }[], round: number): number {
  const prefix = `ag:${round}:t`;
  let count = 0;
  for (const a of agreements) if (a.id.startsWith(prefix)) count++;
  return count;
}
