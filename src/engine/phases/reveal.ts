import type { Incident } from '../../model/incident.js';
import type { Phase } from '../../model/event.js';
import type { World } from '../../model/world.js';
import { floatSlots } from '../../model/slab.js';
import { actorIndex, incidentWith } from '../world.js';
import type { RoundContext } from './context.js';
import { operationById } from './operations.js';
import { notePerception } from './perception.js';

/**
 * The incident with its truth revealed: the posterior becomes certain on the operation's
 * principal (or on "nobody" for a false alarm) and the investigation closes.
 */
export function revealIncident(world: World, inc: Incident, ctx: RoundContext, phase: Phase): Incident {
  const op = inc.operation === null ? undefined : operationById(ctx, world.operations, inc.operation);
  const n = world.actors.length;
  const posterior = floatSlots(n + 1);
  const principal = op ? op.principal : null;
  const k = principal === null ? n : (actorIndex(world).get(principal) ?? n);
  posterior[k] = 1;
  ctx.events.push({
    type: 'truth.revealed',
    round: ctx.round,
    phase,
    incident: inc.id,
    victim: inc.victim,
    operation: op ? op.id : null,
    author: op ? op.author : null,
    principal,
  });
  // Certain now: the victim perceives the principal's broken commitments, if it had not yet.
  return notePerception(world, ctx, incidentWith(inc, { posterior, investigation: 0, revealed: principal }));
}
