import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { beginRound, createWorld, defineStrategy, simulate, titForTat, viewWith } from '../../src/index.js';
import type { ActorView, DecisionNeed } from '../../src/index.js';
import { arbWorldSpec } from '../../src/testing/index.js';
import { playInspecting } from '../helpers/engine.js';

// A view makes its lists (agreements, talks, dialogues, forums, incidents, operations, requests,
// events) on first read (view.ts, PhaseView). What a list holds must not depend on when it is read.

const MIX = ['passive', 'dove', 'hawk', 'tit-for-tat', 'generous-tit-for-tat', 'deterrer', 'random', 'cautious', 'de-escalator', 'grim-trigger', 'pragmatist', 'spoiler', 'norm-entrepreneur'];
const LAZY = ['agreements', 'talks', 'dialogues', 'forums', 'incidents', 'operations', 'requests', 'events'] as const;

/** Everything a view shows as data, its lazy lists included, with each incident's posterior over every actor. */
function shown(view: ActorView): string {
  const incidents = view.incidents.map((inc) => ({ ...inc, posterior: view.actors.map((a) => inc.posterior(a.id)) }));
  return JSON.stringify({ ...JSON.parse(JSON.stringify(view)), incidents, events: view.events });
}

describe('lazy view lists', () => {
  it('a view read after the run shows what it showed when it was asked for', () => {
    let lists = 0;
    fc.assert(
      fc.property(arbWorldSpec({ strategies: MIX, maxActors: 5 }), fc.nat(), (spec, seed) => {
        const eager: string[] = [];
        playInspecting(createWorld(spec, { seed }), 8, (need) => eager.push(shown(need.view)));
        const kept: ActorView[] = [];
        playInspecting(createWorld(spec, { seed }), 8, (need) => kept.push(need.view));
        expect(kept.map(shown)).toEqual(eager);
        for (const v of kept) for (const key of LAZY) lists += v[key].length;
      }),
      { numRuns: 25 },
    );
    // The runs made lists to compare, not only empty ones.
    expect(lists).toBeGreaterThan(1000);
  });

  it('each list is made once, frozen, and printed with the view; a spread copies only the facts', () => {
    const world = createWorld(
      {
        actors: [
          { id: 'US', strategy: 'hawk', capabilities: { offense: 0.9, attribution: 0.9 } },
          { id: 'CN', strategy: 'hawk', capabilities: { offense: 0.9, attribution: 0.9 } },
        ],
        agreements: [{ parties: ['US', 'CN'], terms: [{ kind: 'hotline' }] }],
      },
      { seed: 2 },
    );
    const p = beginRound(world);
    if (p.done) throw new Error('expected a pending round');
    const view = (p.needs[0] as DecisionNeed).view;
    for (const key of LAZY) {
      expect(view[key], key).toBe(view[key]);
      expect(Object.isFrozen(view[key]), key).toBe(true);
    }
    expect(view.agreements).toHaveLength(1);
    expect(Object.isFrozen(view)).toBe(true);
    const printed = JSON.parse(JSON.stringify(view)) as Record<string, unknown>;
    for (const key of LAZY) if (key !== 'events') expect(printed[key], key).toEqual(JSON.parse(JSON.stringify(view[key])));
    expect(printed.events).toBeUndefined();
    const spread: Record<string, unknown> = { ...view };
    expect(spread.trust).toBe(view.trust);
    expect(spread.agreements).toBeUndefined();
  });

  it('viewWith copies every field, lists included, and replaces only what it is given', () => {
    let views = 0;
    playInspecting(createWorld({ actors: [
      { id: 'US', strategy: 'deterrer', capabilities: { offense: 0.9, attribution: 0.9 } },
      { id: 'CN', strategy: 'hawk', capabilities: { offense: 0.9, attribution: 0.9 } },
      { id: 'RU', strategy: 'pragmatist', capabilities: { offense: 0.6, attribution: 0.6 } },
    ] }, { seed: 5 }), 8, (need) => {
      const view = need.view;
      const none = viewWith(view, {});
      expect(Object.isFrozen(none)).toBe(true);
      for (const key of Object.keys(none) as (keyof typeof none)[]) expect(none[key], key).toBe(view[key]);
      expect(Object.keys(none).sort()).toEqual([...Object.keys(view), ...LAZY].sort());
      const incidents = view.incidents.slice(1);
      const copy = viewWith(view, { incidents });
      expect(copy.incidents).toBe(incidents);
      expect(copy.events).toBe(view.events);
      views++;
    });
    expect(views).toBeGreaterThan(40);
  });

  it('a strategy that hands its inner strategy a filtered copy plays as the inner one on the same incidents', () => {
    const inner = titForTat();
    const wrapped = defineStrategy({
      name: 'wrapped',
      meta: inner.meta,
      operate: (view, rng) => inner.operate(viewWith(view, {}), rng),
      diplomacy: (view, rng) => inner.diplomacy(viewWith(view, { incidents: view.incidents.filter(() => true) }), rng),
      respond: (request, view, rng) => inner.respond(request, viewWith(view, {}), rng),
    });
    const spec = (s: typeof inner) => ({
      actors: [
        { id: 'US', strategy: s, capabilities: { offense: 0.8, attribution: 0.9 } },
        { id: 'CN', strategy: 'hawk', capabilities: { offense: 0.9, attribution: 0.7 } },
      ],
    });
    const a = simulate(spec(inner), { seed: 9, rounds: 20 });
    const b = simulate(spec(wrapped), { seed: 9, rounds: 20 });
    expect(a.log.some((e) => e.type === 'accusation.made' && e.by === 'US')).toBe(true);
    expect(JSON.stringify(b.metrics)).toBe(JSON.stringify(a.metrics));
  });
});
