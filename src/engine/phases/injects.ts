import { produce } from 'immer';
import type { OperateAction } from '../../model/action.js';
import type { Inject } from '../../model/inject.js';
import type { World } from '../../model/world.js';
import { actorIndex } from '../world.js';
import type { RoundContext } from './context.js';
import { revealIncident } from './reveal.js';

/** A covert operation ordered by someone: a strategy, or an inject. */
export interface OperationOrder {
  readonly principal: string;
  readonly action: OperateAction;
}

/**
 * Phase 1: apply the scripted events due this round. Operations ordered by injects are returned,
 * to be resolved with the strategies' operations in phase 2.
 */
export function applyInjects(world: World, ctx: RoundContext): { world: World; orders: OperationOrder[] } {
  const due = world.injects.filter((inj) => inj.round <= ctx.round);
  if (due.length === 0) return { world, orders: [] };
  const orders: OperationOrder[] = [];
  const next = produce(world, (draft) => {
    draft.injects = world.injects.filter((inj) => inj.round > ctx.round) as typeof draft.injects;
    due.forEach((inj: Inject, k) => {
      ctx.events.push({ type: 'inject.applied', round: ctx.round, phase: 'injects', inject: inj });
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
            },
          });
          break;
        case 'reveal':
          draft.incidents.forEach((inc, i) => {
            if (inj.victim !== undefined && inc.victim !== inj.victim) return;
            if (inc.revealed !== null || (inc.operation === null && inc.investigation === 0 && inc.posterior[inc.posterior.length - 1] === 1)) return;
            draft.incidents[i] = revealIncident(world, inc, ctx, 'injects') as (typeof draft.incidents)[number];
          });
          break;
        case 'agreement': {
          const agreement = { id: `ag:${ctx.round}:${k}`, parties: [...inj.parties].sort(), terms: inj.terms, since: ctx.round };
          draft.agreements.push(agreement as (typeof draft.agreements)[number]);
          ctx.events.push({ type: 'agreement.signed', round: ctx.round, phase: 'injects', agreement });
          break;
        }
        case 'sanction': {
          if (draft.sanctions.some((s) => s.by === inj.by && s.target === inj.target && s.measure === inj.measure)) break;
          const sanction = { id: `san:${inj.by}:${inj.target}:${inj.measure}:${ctx.round}`, by: inj.by, target: inj.target, measure: inj.measure, since: ctx.round };
          draft.sanctions.push(sanction);
          ctx.events.push({ type: 'sanction.imposed', round: ctx.round, phase: 'injects', sanction });
          break;
        }
        case 'capability': {
          const i = actorIndex(world).get(inj.actor);
          const a = i === undefined ? undefined : draft.actors[i];
          if (a) a.capabilities = { ...a.capabilities, [inj.capability]: inj.value };
          break;
        }
        case 'note':
          break;
      }
    });
  });
  return { world: next, orders };
}
