import type { DiplomacyAction, Request } from '../../model/action.js';
import { topSuspect, updatePosterior, identificationProbability } from '../../model/attribution.js';
import { clamp01 } from '../../model/capability.js';
import type { Incident } from '../../model/incident.js';
import type { World } from '../../model/world.js';
import { streamKey } from '../rng.js';
import { actorIndex } from '../world.js';
import type { RoundContext } from './context.js';

/** The diplomacy actions of one actor that passed validation, in the order it gave them. */
export interface DiplomacyOrders {
  readonly actor: string;
  readonly actions: readonly DiplomacyAction[];
}

/**
 * Phase 4: apply diplomacy in canonical order (actors by id, each in its own order). Each action
 * is re-validated against the state left by the ones before it (`revalidate`), so two sanctions of
 * the same kind in one round cannot both pass. Accusations and hotline queries become requests
 * answered in phase 5.
 */
export function applyDiplomacy(
  world: World,
  ctx: RoundContext,
  orders: readonly DiplomacyOrders[],
  revalidate: (world: World, actor: string, action: DiplomacyAction) => string | null,
): World {
  if (orders.every((o) => o.actions.length === 0)) return world;
  const index = actorIndex(world);
  const m = world.mechanisms;
  const round = ctx.round;
  const phase = 'diplomacy' as const;
  // Copy-on-write working state instead of an immer draft: validation reads the incident and
  // request lists for every action, and reading through draft proxies cost more than the whole
  // phase (profiled at 128 actors). Nothing of `world` is written; the lists are replaced.
  const next = {
    ...world,
    incidents: [...world.incidents],
    requests: [...world.requests],
    sanctions: [...world.sanctions],
    norms: { ...world.norms },
  };
  {
    for (const { actor, actions } of orders) {
      let accusations = 0;
      let queries = 0;
      for (const action of actions) {
        const reason = revalidate(next, actor, action);
        if (reason !== null) {
          ctx.events.push({ type: 'action.rejected', round, phase, actor, action, reason });
          continue;
        }
        switch (action.type) {
          case 'accuse':
          case 'hotline-query': {
            const inc = next.incidents.find((x) => x.id === action.incident) as Incident;
            const confidence = inc.posterior[index.get(action.target) ?? -1] ?? 0;
            const top = topSuspect(inc.posterior);
            const isAccusation = action.type === 'accuse';
            const id = isAccusation ? `acc:${actor}:${round}:${accusations++}` : `hq:${actor}:${round}:${queries++}`;
            const request: Request = {
              id,
              kind: isAccusation ? 'accusation' : 'hotline-query',
              from: actor,
              to: action.target,
              round,
              incident: { id: inc.id, round: inc.round, kind: inc.kind, severity: inc.severity, confidence: top ? confidence : 0 },
              public: isAccusation ? action.public : false,
              formal: isAccusation ? action.public && action.formal === true : false,
            };
            next.requests.push(request);
            if (isAccusation) {
              ctx.events.push({
                type: 'accusation.made',
                round,
                phase,
                accusation: id,
                by: actor,
                target: action.target,
                incident: inc.id,
                public: request.public,
                formal: request.formal,
                confidence,
              });
            } else {
              ctx.events.push({ type: 'hotline.queried', round, phase, query: id, by: actor, target: action.target, incident: inc.id });
            }
            break;
          }
          case 'sanction': {
            const sanction = { id: `san:${actor}:${action.target}:${action.measure}:${round}`, by: actor, target: action.target, measure: action.measure, since: round };
            next.sanctions.push(sanction);
            ctx.events.push({ type: 'sanction.imposed', round, phase, sanction });
            break;
          }
          case 'lift-sanction': {
            const lifted = next.sanctions.filter((s) => s.by === actor && s.target === action.target);
            next.sanctions = next.sanctions.filter((s) => !(s.by === actor && s.target === action.target));
            for (const s of lifted) ctx.events.push({ type: 'sanction.lifted', round, phase, sanction: s.id, by: actor, target: action.target });
            break;
          }
          case 'adopt-norm': {
            next.norms[actor] = [...(next.norms[actor] ?? []), action.norm].sort();
            ctx.events.push({ type: 'norm.adopted', round, phase, actor, norm: action.norm });
            break;
          }
          case 'share-information': {
            const inc = next.incidents.find((x) => x.id === action.incident) as Incident;
            const top = topSuspect(inc.posterior);
            const suspect = top ? (world.actors[top.index]?.id ?? null) : null;
            ctx.events.push({
              type: 'information.shared',
              round,
              phase,
              by: actor,
              target: action.target,
              incident: inc.id,
              suspect,
              confidence: top ? top.confidence : 0,
            });
            // The recipient learns from it only if it has its own file on the same operation:
            // the sharer's best suspect becomes one more signal, as reliable as the sharer's forensics.
            if (inc.operation !== null && top) {
              const k = next.incidents.findIndex((x) => x.victim === action.target && x.operation === inc.operation);
              const theirs = next.incidents[k];
              const sharer = world.actors[index.get(actor) ?? -1];
              if (theirs && sharer) {
                const q = identificationProbability(sharer.capabilities.attribution, 0, m);
                const posterior = updatePosterior(theirs.posterior, top.index, q);
                next.incidents[k] = { ...theirs, signals: [...theirs.signals, suspect], posterior };
                const t = topSuspect(posterior);
                ctx.events.push({
                  type: 'incident.investigated',
                  round,
                  phase,
                  incident: theirs.id,
                  victim: theirs.victim,
                  signal: suspect,
                  suspect: t ? (world.actors[t.index]?.id ?? null) : null,
                  confidence: t ? t.confidence : 0,
                });
              }
            }
            break;
          }
          case 'retaliate': {
            const me = world.actors[index.get(actor) ?? -1];
            const target = world.actors[index.get(action.target) ?? -1];
            if (!me || !target) break;
            const p = clamp01(me.capabilities.offense * (1 - m.operations.defenseWeight * target.capabilities.defense));
            const success = ctx.streams.get(streamKey(actor, 'retaliation')).next() < p;
            ctx.events.push({
              type: 'retaliation.conducted',
              round,
              phase,
              by: actor,
              target: action.target,
              kind: action.kind,
              severity: m.operations.severity[action.kind],
              success,
              incident: action.incident ?? null,
            });
            break;
          }
          case 'deny': {
            ctx.events.push({ type: 'denial.issued', round, phase, by: actor, accusation: action.accusation, accuser: accuserOf(next, action.accusation) });
            break;
          }
          case 'pass':
            break;
        }
      }
    }
  }
  return next;
}

/** Who made an accusation still open this round or made in the previous round. */
function accuserOf(world: World, accusation: string): string {
  const open = world.requests.find((r) => r.id === accusation);
  if (open) return open.from;
  for (const e of world.recent) if (e.type === 'accusation.made' && e.accusation === accusation) return e.by;
  return '';
}
