// A strategy of one's own, in a module that worker threads can import: plain JavaScript, because
// on Node 20 a worker thread cannot import TypeScript. Its default export lists the strategies;
// `detente --load examples/proportionate.mjs` and `modules: […]` in detente/node both read it.
import { defineStrategy } from 'detente';

/**
 * Answers in proportion to what it is sure of, and through the quietest channel it has: a hotline
 * query when there is a hotline, a private accusation otherwise, and a sanction only for a
 * disruptive or destructive act it is nearly certain of. It never operates, and it keeps nothing
 * between calls (everything it needs is in its view), as strategies on worker threads must.
 */
export const proportionate = defineStrategy({
  name: 'proportionate',
  meta: { stochastic: false, retaliatory: true, forgiving: true, attributionSensitive: true, description: 'hotline or private accusation first; sanctions only near-certain disruption' },
  diplomacy(view) {
    const actions = [];
    for (const incident of view.incidents) {
      if (incident.round !== view.round || incident.suspect === null) continue;
      const suspect = incident.suspect;
      if (view.hasHotline(suspect) && incident.confidence >= 0.5) actions.push({ type: 'hotline-query', target: suspect, incident: incident.id });
      else if (incident.confidence >= 0.7) actions.push({ type: 'accuse', target: suspect, incident: incident.id, public: false });
      if (incident.kind !== 'espionage' && incident.confidence >= 0.95) actions.push({ type: 'sanction', target: suspect, measure: 'economic' });
    }
    return actions;
  },
  respond(request) {
    // Agrees to talks and norms; helps investigations; answers accusations by opening its logs.
    if (request.kind === 'proposal' || request.kind === 'forum-vote') return { type: 'accept' };
    return { type: 'cooperate' };
  },
});

export default [proportionate];
