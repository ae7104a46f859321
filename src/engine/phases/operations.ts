import { relevantCapability } from '../../model/attribution.js';
import { clamp01 } from '../../model/capability.js';
import type { Operation } from '../../model/operation.js';
import type { World } from '../../model/world.js';
import { actorIndex, worldWith } from '../world.js';
import type { RoundContext } from './context.js';
import type { OperationOrder } from './injects.js';
import { SCANNED } from '../lists.js';

/**
 * The operation of `operations` with id `id`: detection looks up the operation behind each
 * investigated incident, the audit the one behind each violation, in the same list. A short list
 * is scanned (a small world changes its list every round, and a map of it was ≈ 2.6% of a small
 * run: docs/performance.md, ninth pass); a longer one is indexed by id once per round and list.
 *
 * @example
 * ```ts
 * operationById(ctx, world.operations, 'op:3:US:0');
 * ```
 */
export function operationById(ctx: RoundContext, operations: readonly Operation[], id: string): Operation | undefined {
  if (operations.length <= SCANNED) {
    for (let k = 0; k < operations.length; k++) if ((operations[k] as Operation).id === id) return operations[k];
    return undefined;
  }
  if (ctx.operationIndex?.list !== operations) {
    const byId = new Map<string, Operation>();
    for (let k = 0; k < operations.length; k++) byId.set((operations[k] as Operation).id, operations[k] as Operation);
    ctx.operationIndex = { list: operations, byId };
  }
  return ctx.operationIndex.byId.get(id);
}

/**
 * Phase 2: resolve the round's covert operations in canonical order (inject orders first, then
 * each principal's orders in actor-id order and in the order it gave them). Success is drawn from
 * the principal's own `operations` stream: p = capability · (1 − defenseWeight · defense_target).
 * Returns the world with the new operations recorded (hidden) and the list of them.
 */
export function resolveOperations(world: World, ctx: RoundContext, orders: readonly OperationOrder[]): { world: World; operations: Operation[] } {
  if (orders.length === 0) return { world, operations: [] };
  const index = actorIndex(world);
  const m = world.mechanisms.operations;
  const perPrincipal = new Map<string, number>();
  const operations: Operation[] = [];
  for (const { principal, action } of orders) {
    const k = perPrincipal.get(principal) ?? 0;
    perPrincipal.set(principal, k + 1);
    const author = action.via ?? principal;
    const performer = world.actors[index.get(author) ?? -1];
    const target = world.actors[index.get(action.target) ?? -1];
    if (!performer || !target) continue;
    const against = action.against ?? 'networks';
    const p = clamp01(relevantCapability(performer.capabilities, action.kind) * (1 - m.defenseWeight * target.capabilities.defense));
    const success = ctx.streams.of(principal, 'operations').next() < p;
    const operation: Operation = {
      id: `op:${ctx.round}:${principal}:${k}`,
      round: ctx.round,
      author,
      principal,
      target: action.target,
      kind: action.kind,
      against,
      severity: m.severity[action.kind] + (against === 'networks' ? 0 : m.criticalInfrastructureBonus),
      success,
      falseFlag: action.falseFlag ?? null,
      commercial: action.kind === 'espionage' && action.commercial === true,
    };
    operations.push(operation);
    ctx.events.push({ type: 'operation.conducted', round: ctx.round, phase: 'operations', operation });
  }
  return { world: worldWith(world, { operations: [...world.operations, ...operations] }), operations };
}
