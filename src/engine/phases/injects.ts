import type { OperateAction } from '../../model/action.js';
import type { Dialogue } from '../../model/agreement.js';
import { mergeMechanisms } from '../../model/mechanisms.js';
import { withFields } from '../../model/record.js';
import type { World } from '../../model/world.js';
import { actorIndex, worldWith } from '../world.js';
import { signAgreement } from './agreements.js';
import type { SigningState } from './agreements.js';
import type { RoundContext } from './context.js';
import { revealIncident } from './reveal.js';
import { anyOf, keptWhere, sameOr, sameRecordOr, where } from '../lists.js';

/** A covert operation ordered by someone: a strategy, or an inject. */
export interface OperationOrder {
  readonly principal: string;
  readonly action: OperateAction;
}

/** Whether a forum sits in this round. */
export function inSession(forum: { readonly first: number; readonly every: number }, round: number): boolean {
  return round >= forum.first && (round - forum.first) % forum.every === 0;
}

/**
 * Phase 1: the scripted events due this round, then the calendar — scheduled dialogues take
 * place (or are skipped while suspended) and forums in session convene with their agenda.
 * Operations ordered by injects are returned, to be resolved with the strategies' in phase 2.
 */
export function applyInjects(world: World, ctx: RoundContext): { world: World; orders: OperationOrder[] } {
  const round = ctx.round;
  const phase = 'injects' as const;
  const due = where(world.injects, (inj) => inj.round <= round);
  const dialoguesDue = anyOf(world.dialogues, (d) => d.next <= round);
  const forumsDue = where(world.forums, (f) => inSession(f, round));
  if (due.length === 0 && !dialoguesDue && forumsDue.length === 0) return { world, orders: [] };

  const orders: OperationOrder[] = [];
  const state: SigningState & { threats: World['threats'][number][] } = {
    agreements: [...world.agreements],
    dialogues: [...world.dialogues],
    sanctions: [...world.sanctions],
    threats: [...world.threats],
    norms: world.norms,
  };
  let incidents = world.incidents;
  let actors = world.actors;
  let mechanisms = world.mechanisms;
  due.forEach((inj, k) => {
    ctx.events.push({ type: 'inject.applied', round, phase, inject: inj });
    switch (inj.type) {
      case 'operation':
        orders.push({
          principal: inj.actor,
          action: {
            type: 'operate',
            target: inj.target,
            kind: inj.kind,
            ...(inj.against !== undefined ? { against: inj.against } : {}),
            ...(inj.falseFlag !== undefined ? { falseFlag: inj.falseFlag } : {}),
            ...(inj.commercial !== undefined ? { commercial: inj.commercial } : {}),
          },
        });
        break;
      case 'reveal':
        incidents = incidents.map((inc) =>
          (inj.victim === undefined || inc.victim === inj.victim) && inc.revealed === null && !(inc.operation === null && inc.posterior[inc.posterior.length - 1] === 1)
            ? revealIncident(world, inc, ctx, phase)
            : inc,
        );
        break;
      case 'agreement':
        signAgreement(state, ctx.events, { round, phase }, `ag:${round}:${k}`, inj.parties, inj.terms);
        break;
      case 'sanction': {
        if (state.sanctions.some((s) => s.by === inj.by && s.target === inj.target && s.measure === inj.measure)) break;
        const sanction = { id: `san:${inj.by}:${inj.target}:${inj.measure}:${round}`, by: inj.by, target: inj.target, measure: inj.measure, since: round };
        state.sanctions.push(sanction);
        state.threats = state.threats.filter((t) => !(t.by === inj.by && t.target === inj.target));
        ctx.events.push({ type: 'sanction.imposed', round, phase, sanction });
        break;
      }
      case 'threat': {
        if (state.threats.some((t) => t.by === inj.by && t.target === inj.target && t.measure === inj.measure)) break;
        const threat = { id: `thr:${inj.by}:${inj.target}:${round}`, by: inj.by, target: inj.target, measure: inj.measure, unless: inj.unless ?? '', since: round };
        state.threats.push(threat);
        ctx.events.push({ type: 'sanction.threatened', round, phase, threat });
        break;
      }
      case 'capability': {
        const i = actorIndex(world).get(inj.actor);
        if (i !== undefined) actors = actors.map((a, j) => (j === i ? withFields(a, { capabilities: withFields(a.capabilities, { [inj.capability]: inj.value }) }) : a));
        break;
      }
      case 'mechanisms':
        // Checked when the world was created (readInjects), so a merge here cannot fail.
        mechanisms = mergeMechanisms(inj.set, mechanisms).mechanisms;
        break;
      case 'note':
        break;
    }
  });

  // Scheduled dialogues (including any created by an agreement signed just above for a later round).
  state.dialogues = state.dialogues.map((d): Dialogue => {
    if (d.next > round) return d;
    if (d.suspended) {
      ctx.events.push({ type: 'dialogue.skipped', round, phase, dialogue: d.id, parties: d.parties });
      return withFields(d, { next: round + d.every });
    }
    ctx.events.push({ type: 'dialogue.held', round, phase, dialogue: d.id, parties: d.parties, proposer: d.proposer });
    // The turn passes to the next party in the agreement's order, so every party of a dialogue of
    // three or more proposes in turn (with two, they alternate).
    const at = d.parties.indexOf(d.proposer);
    const next = d.parties[(at + 1) % d.parties.length] ?? d.proposer;
    return withFields(d, { next: round + d.every, proposer: next });
  });

  for (const f of forumsDue) ctx.events.push({ type: 'forum.convened', round, phase, forum: f.id, members: f.members, packages: f.agenda });

  return {
    // The lists nothing changed stay the world's own (see sameOr).
    world: worldWith(world, {
      agreements: sameOr(state.agreements, world.agreements),
      dialogues: sameOr(state.dialogues, world.dialogues),
      sanctions: sameOr(state.sanctions, world.sanctions),
      threats: sameOr(state.threats, world.threats),
      norms: sameRecordOr(state.norms, world.norms),
      actors,
      incidents,
      mechanisms,
      injects: keptWhere(world.injects, (inj) => inj.round > round),
    }),
    orders,
  };
}
