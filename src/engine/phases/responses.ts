import type { Response } from '../../model/action.js';
import { scaleSuspect } from '../../model/attribution.js';
import type { World } from '../../model/world.js';
import { actorIndex } from '../world.js';
import type { RoundContext } from './context.js';

/**
 * Phase 5: every open request gets its addressee's answer (missing answers count as `ignore`).
 * Hotline answers move the querier's posterior on the queried actor by a likelihood ratio: a
 * denial or an offer of cooperation lowers it, an acknowledgement raises it. All requests close.
 */
export function applyResponses(world: World, ctx: RoundContext, answers: ReadonlyMap<string, Response>): World {
  if (world.requests.length === 0) return world;
  const index = actorIndex(world);
  const h = world.mechanisms.hotline;
  const round = ctx.round;
  const phase = 'responses' as const;
  const incidents = [...world.incidents];
  {
    for (const req of world.requests) {
      const answer = answers.get(req.id)?.type ?? 'ignore';
      if (answer === 'ignore') {
        ctx.events.push({ type: 'request.unanswered', round, phase, request: req.id, kind: req.kind, by: req.to, to: req.from });
        continue;
      }
      const ratio = answer === 'deny' ? h.denialLikelihoodRatio : answer === 'cooperate' ? h.cooperationLikelihoodRatio : h.acknowledgementLikelihoodRatio;
      const k = incidents.findIndex((x) => x.id === req.incident.id && x.victim === req.from);
      const inc = incidents[k];
      const suspect = index.get(req.to) ?? -1;
      let confidence = inc ? (inc.posterior[suspect] ?? 0) : 0;
      // Accusations are answered in public or in private; only a hotline exchange, or an admission,
      // is informative enough to move the accuser's posterior.
      if (inc && inc.revealed === null && (req.kind === 'hotline-query' || answer === 'acknowledge')) {
        const posterior = scaleSuspect(inc.posterior, suspect, ratio);
        incidents[k] = { ...inc, posterior };
        confidence = posterior[suspect] ?? 0;
      }
      if (req.kind === 'hotline-query') {
        ctx.events.push({ type: 'hotline.answered', round, phase, query: req.id, by: req.to, to: req.from, answer, confidence });
      } else {
        ctx.events.push({ type: 'accusation.answered', round, phase, accusation: req.id, by: req.to, to: req.from, answer, public: req.public });
      }
    }
  }
  return { ...world, incidents, requests: [] };
}
