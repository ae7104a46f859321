import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createWorld, isVisibleTo } from '../../src/index.js';
import type { ActorView, DecisionNeed, World, WorldSpec } from '../../src/index.js';
import { arbWorldSpec } from '../../src/testing/index.js';
import { playInspecting } from '../helpers/engine.js';

const MIX = ['passive', 'dove', 'hawk', 'tit-for-tat', 'generous-tit-for-tat', 'deterrer', 'random', 'cautious', 'de-escalator', 'grim-trigger', 'pragmatist', 'spoiler', 'norm-entrepreneur'];
const HIDDEN_EVENT_TYPES = ['operation.conducted', 'incident.detected', 'incident.investigated', 'decision.made', 'violation.committed'];

/** Every problem with what a view shows, given the world's hidden truth. */
function leaks(need: DecisionNeed, world: World): string[] {
  const out: string[] = [];
  const view: ActorView = need.view;
  const self = view.self;
  // What the view holds as data (accessor functions such as trust() are not data).
  const json = JSON.stringify(view);
  const events = view.events;
  const withoutReveals = JSON.stringify({ ...JSON.parse(json), events: events.filter((e) => e.type !== 'truth.revealed') });
  if (/"op:/.test(withoutReveals)) out.push(`view of ${self} holds an operation id: ${withoutReveals.match(/.{60}"op:.{20}/)?.[0]}`);
  if (need.request && JSON.stringify(need.request).includes('"op:')) out.push(`request to ${self} holds an operation id`);
  for (const inc of view.incidents) {
    if ('operation' in inc) out.push(`incident ${inc.id} in ${self}'s view has an 'operation' field`);
  }
  for (const e of events) {
    if (HIDDEN_EVENT_TYPES.includes(e.type)) out.push(`${self} sees a hidden ${e.type} event`);
    if (e.type === 'violation.perceived' && 'real' in e) out.push(`${self} sees whether its perceived violation was real`);
    if (e.type === 'inject.applied' && e.inject.type === 'operation' && e.inject.actor !== self) out.push(`${self} sees who carried out a scripted covert operation`);
  }
  const proxies = world.actors.filter((a) => a.sponsor !== null);
  for (const a of [...view.actors, view.me]) {
    const truth = world.actors.find((x) => x.id === a.id);
    const entitled = truth?.sponsor != null && (truth.id === self || truth.sponsor === self);
    if (a.sponsor !== undefined && !entitled) out.push(`${self} sees the sponsor of ${a.id}`);
    if (entitled && a.sponsor !== truth?.sponsor) out.push(`${self} should see the sponsor of ${a.id}`);
  }
  // No sponsor field anywhere else in the view's data than the entitled actor entries.
  const entitledCount = proxies.filter((p) => p.id === self || p.sponsor === self).length;
  const sponsorFields = (json.match(/"sponsor":/g) ?? []).length;
  const expected = entitledCount + (view.me.sponsor !== undefined ? 1 : 0); // `me` repeats the viewer's own entry
  if (sponsorFields !== expected) out.push(`${self}'s view has ${sponsorFields} sponsor fields, expected ${expected}`);
  // The view's own operations are the viewer's, and only its own (checked where the view's world
  // is the round's starting world: the operations phase).
  if (need.phase === 'operations') {
    const ownOps = world.operations.filter((o) => o.principal === self);
    if (view.operations.length !== ownOps.length) out.push(`${self} sees ${view.operations.length} own operations, it ordered ${ownOps.length}`);
  }
  return out;
}

describe('views never expose the hidden truth', () => {
  it('in random worlds with proxies, injects and every built-in', () => {
    let checked = 0;
    let withIncidents = 0;
    let proxyViews = 0;
    fc.assert(
      fc.property(arbWorldSpec({ strategies: MIX, maxActors: 5 }), fc.nat(), (spec, seed) => {
        const problems: string[] = [];
        playInspecting(createWorld(spec, { seed }), 10, (need, world) => {
          checked++;
          if (need.view.incidents.length > 0) withIncidents++;
          if (need.view.actors.some((a) => a.sponsor !== undefined)) proxyViews++;
          problems.push(...leaks(need, world));
        });
        expect(problems).toEqual([]);
      }),
      { numRuns: 30 },
    );
    expect(checked).toBeGreaterThan(500);
    expect(withIncidents).toBeGreaterThan(50);
    expect(proxyViews).toBeGreaterThan(10);
  });

  it('a proxy and its sponsor see the link; the victim sees its perceptions and reveals, never the truth behind them', () => {
    const spec: WorldSpec = {
      actors: [
        { id: 'RU', strategy: 'passive', capabilities: { espionage: 0.9, offense: 0.9, defense: 0.5, attribution: 0.9, stealth: 0 } },
        { id: 'APT', kind: 'proxy', sponsor: 'RU', strategy: 'passive', capabilities: { espionage: 0.9, offense: 0.9, defense: 0.5, attribution: 0.5, stealth: 0 } },
        { id: 'US', strategy: 'tit-for-tat', capabilities: { espionage: 0.5, offense: 0.5, defense: 0.5, attribution: 1, stealth: 0.5 } },
      ],
      norms: { RU: ['gge15.c', 'gge15.f'] },
      injects: [
        { round: 1, type: 'operation', actor: 'RU', target: 'US', kind: 'degradation', against: 'critical-infrastructure' },
        { round: 1, type: 'operation', actor: 'APT', target: 'US', kind: 'disruption' },
        { round: 3, type: 'reveal', victim: 'US' },
      ],
    };
    const seen = new Map<string, string | undefined>();
    const problems: string[] = [];
    let perceived = 0;
    const revealed = new Set<string>();
    playInspecting(createWorld(spec, { seed: 3 }), 6, (need, world) => {
      seen.set(need.actor, need.view.actor('APT')?.sponsor);
      problems.push(...leaks(need, world));
      if (need.actor !== 'US') return;
      perceived += need.view.events.filter((e) => e.type === 'violation.perceived' && e.by === 'US' && e.against === 'RU').length;
      for (const inc of need.view.incidents) {
        if (inc.revealed === null) continue;
        revealed.add(inc.revealed);
        expect(inc.posterior(inc.revealed)).toBe(1);
        expect(inc.investigation).toBe(0);
      }
    });
    expect(problems).toEqual([]);
    expect(seen.get('APT')).toBe('RU');
    expect(seen.get('RU')).toBe('RU');
    expect(seen.get('US')).toBeUndefined();
    expect(perceived).toBeGreaterThan(0);
    expect([...revealed].sort()).toEqual(['APT', 'RU']);
  });

  it('the actor list a proxy or its sponsor sees follows a change of capabilities, sponsor link kept', () => {
    // Their lists are made once per actor list and viewer (view memo): a new actor list must
    // give new ones, in every phase of the round it changes.
    const spec: WorldSpec = {
      actors: [
        { id: 'APT', kind: 'proxy', sponsor: 'RU', strategy: 'passive', capabilities: { stealth: 0.2 } },
        { id: 'RU', strategy: 'hawk', capabilities: { offense: 0.9, stealth: 0.3 } },
        { id: 'US', strategy: 'hawk', capabilities: { attribution: 0.9 } },
      ],
      injects: [
        { round: 2, type: 'capability', actor: 'APT', capability: 'stealth', value: 0.8 },
        { round: 3, type: 'capability', actor: 'RU', capability: 'offense', value: 0.1 },
      ],
    };
    const seen: string[] = [];
    playInspecting(createWorld(spec, { seed: 5 }), 5, (need, world) => {
      const list = need.view.actors.map((a) => `${a.id}${a.sponsor ? `<${a.sponsor}` : ''}:${a.capabilities.stealth}/${a.capabilities.offense}`).join(' ');
      seen.push(`${world.round} ${need.phase} ${need.actor}: ${list}`);
    });
    const at = (round: number, actor: string) => new Set(seen.filter((s) => s.startsWith(`${round} `) && s.includes(` ${actor}: `)).map((s) => s.slice(s.indexOf(': ') + 2)));
    expect(at(1, 'APT')).toEqual(new Set(['APT<RU:0.2/0.5 RU:0.3/0.9 US:0.5/0.5']));
    expect(at(2, 'APT')).toEqual(new Set(['APT<RU:0.8/0.5 RU:0.3/0.9 US:0.5/0.5']));
    expect(at(3, 'RU')).toEqual(new Set(['APT<RU:0.8/0.5 RU:0.3/0.1 US:0.5/0.5']));
    expect(at(3, 'US')).toEqual(new Set(['APT:0.8/0.5 RU:0.3/0.1 US:0.5/0.5']));
  });

  it('isVisibleTo hides covert and private events from outsiders', () => {
    const op = { id: 'op:0:A:0', round: 0, author: 'A', principal: 'A', target: 'B', kind: 'espionage', against: 'networks', severity: 3, success: true, falseFlag: null, commercial: false } as const;
    expect(isVisibleTo({ type: 'operation.conducted', round: 0, phase: 'operations', operation: op }, 'A')).toBe(false);
    expect(isVisibleTo({ type: 'operation.conducted', round: 0, phase: 'operations', operation: op }, 'B')).toBe(false);
    const hq = { type: 'hotline.queried', round: 0, phase: 'diplomacy', query: 'hq:B:0:0', by: 'B', target: 'A', incident: 'inc:B:0:0' } as const;
    expect(isVisibleTo(hq, 'A')).toBe(true);
    expect(isVisibleTo(hq, 'C')).toBe(false);
    const acc = { type: 'accusation.made', round: 0, phase: 'diplomacy', accusation: 'acc:B:0:0', by: 'B', target: 'A', incident: 'inc:B:0:0', public: false, formal: false, confidence: 0.7 } as const;
    expect(isVisibleTo(acc, 'C')).toBe(false);
    expect(isVisibleTo({ ...acc, public: true }, 'C')).toBe(true);
    const scripted = { type: 'inject.applied', round: 0, phase: 'injects', inject: { round: 0, type: 'operation', actor: 'A', target: 'B', kind: 'espionage' } } as const;
    expect(isVisibleTo(scripted, 'B')).toBe(false);
    expect(isVisibleTo(scripted, 'C')).toBe(false);
    expect(isVisibleTo(scripted, 'A')).toBe(true);
    expect(isVisibleTo({ ...scripted, inject: { round: 0, type: 'note', text: 'summit' } }, 'B')).toBe(true);
  });

  it('the ladder rung is public (docs/engine.md): a third party sees a pair climb to L1 and its cause, not the private act', () => {
    const climbed = { type: 'escalation.changed', round: 0, phase: 'update', from: 'B', to: 'A', rung: 1, previous: 0, cause: 'hotline.queried' } as const;
    expect(isVisibleTo(climbed, 'C')).toBe(true);
    const hq = { type: 'hotline.queried', round: 0, phase: 'diplomacy', query: 'hq:B:0:0', by: 'B', target: 'A', incident: 'inc:B:0:0' } as const;
    expect(isVisibleTo(hq, 'C')).toBe(false);
  });
});
