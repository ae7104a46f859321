import type { ActorView } from '../engine/contract.js';

/**
 * A copy of a view with some fields replaced: what a strategy that wraps another hands it (a
 * filtered incident list, a different `trust`). Use it instead of a spread: a view makes its lists
 * on first read, on its prototype (see {@link ActorView}), so `{ ...view }` would leave them out.
 * The copy is frozen; the fields not replaced are the view's own (already frozen) values.
 *
 * @example
 * ```ts
 * const inner = titForTat();
 * const sceptic = defineStrategy({
 *   name: 'sceptic',
 *   meta: { ...inner.meta, description: 'Tit-for-tat on well-attributed incidents only.' },
 *   operate: (view, rng) => inner.operate(view, rng),
 *   diplomacy: (view, rng) => inner.diplomacy(viewWith(view, { incidents: view.incidents.filter((i) => i.confidence > 0.9) }), rng),
 *   respond: (request, view, rng) => inner.respond(request, view, rng),
 * });
 * ```
 */
export function viewWith(view: ActorView, changes: Partial<ActorView>): ActorView {
  const copy: ActorView = {
    round: view.round,
    phase: view.phase,
    self: view.self,
    me: view.me,
    actors: view.actors,
    actor: view.actor,
    mechanisms: view.mechanisms,
    trust: view.trust,
    tension: view.tension,
    perceivedEscalation: view.perceivedEscalation,
    rung: view.rung,
    hasHotline: view.hasHotline,
    norms: view.norms,
    agreements: view.agreements,
    sanctions: view.sanctions,
    threats: view.threats,
    talks: view.talks,
    dialogues: view.dialogues,
    forums: view.forums,
    incidents: view.incidents,
    operations: view.operations,
    requests: view.requests,
    events: view.events,
    welfare: view.welfare,
    ...changes,
  };
  return Object.freeze(copy);
}
