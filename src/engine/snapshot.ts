import { freeze } from 'immer';
import type { Incident } from '../model/incident.js';
import { joined } from '../model/record.js';
import type { World } from '../model/world.js';
import { incidentWith, worldWith } from './world.js';
import { ConfigError } from './errors.js';

/** An incident as plain JSON data: its posterior as a list of numbers. */
export type IncidentSnapshot = Omit<Incident, 'posterior'> & { readonly posterior: readonly number[] };

/**
 * A world as plain JSON data (typed arrays, dyad tables and posteriors, as number lists).
 * `JSON.stringify` it to save a run; {@link restore} brings it back exactly, random streams included.
 */
export type WorldSnapshot = Omit<World, 'dyads' | 'welfare' | 'incidents'> & {
  readonly dyads: { readonly n: number } & { readonly [K in Exclude<keyof World['dyads'], 'n'>]: readonly number[] };
  readonly welfare: readonly number[];
  readonly incidents: readonly IncidentSnapshot[];
};

const DYAD_KEYS = ['trustR', 'trustS', 'tension', 'escalationTrue', 'escalationPerceived', 'rung', 'peakRung'] as const;

/**
 * Snapshot a world as plain JSON-safe data.
 *
 * @example
 * ```ts
 * const saved = JSON.stringify(snapshot(run.world));
 * const world = restore(JSON.parse(saved));
 * ```
 */
export function snapshot(world: World): WorldSnapshot {
  const d = world.dyads;
  return joined(world, {
    dyads: {
      n: d.n,
      trustR: Array.from(d.trustR),
      trustS: Array.from(d.trustS),
      tension: Array.from(d.tension),
      escalationTrue: Array.from(d.escalationTrue),
      escalationPerceived: Array.from(d.escalationPerceived),
      rung: Array.from(d.rung),
      peakRung: Array.from(d.peakRung),
    },
    welfare: Array.from(world.welfare),
    incidents: world.incidents.map((inc) => joined(inc, { posterior: Array.from(inc.posterior) })),
  });
}

/**
 * Restore a world from a snapshot (e.g. parsed JSON). The restored world continues exactly as the
 * original would. Throws a {@link ConfigError} if the snapshot is not a valid world.
 *
 * @example
 * ```ts
 * const world = restore(JSON.parse(fs.readFileSync('round-12.json', 'utf8')));
 * ```
 */
export function restore(snap: WorldSnapshot): World {
  const s = snap as unknown as Record<string, unknown>;
  const issues: { path: string; expected: string; received: string }[] = [];
  if (!s || typeof s !== 'object') throw new ConfigError([{ path: '', expected: 'a world snapshot object', received: typeof s }]);
  if (s.version !== 1) issues.push({ path: 'version', expected: '1', received: String(s.version) });
  const actors = Array.isArray(s.actors) ? s.actors : null;
  if (!actors) issues.push({ path: 'actors', expected: 'a list of actors', received: typeof s.actors });
  const n = actors ? actors.length : 0;
  const dyads = (s.dyads ?? {}) as Record<string, unknown>;
  if (dyads.n !== n) issues.push({ path: 'dyads.n', expected: String(n), received: String(dyads.n) });
  for (const k of DYAD_KEYS) {
    const v = dyads[k];
    if (!Array.isArray(v) || v.length !== n * n || !v.every((x) => typeof x === 'number' && Number.isFinite(x))) {
      issues.push({ path: `dyads.${k}`, expected: `${n * n} finite numbers`, received: Array.isArray(v) ? `${v.length} items` : typeof v });
    }
  }
  if (!Array.isArray(s.welfare) || s.welfare.length !== n) issues.push({ path: 'welfare', expected: `${n} numbers`, received: typeof s.welfare });
  for (const k of ['operations', 'incidents', 'requests', 'agreements', 'sanctions', 'injects', 'recent'] as const) {
    if (!Array.isArray(s[k])) issues.push({ path: k, expected: 'a list', received: typeof s[k] });
  }
  if (Array.isArray(s.incidents)) {
    (s.incidents as unknown[]).forEach((inc, i) => {
      const p = inc !== null && typeof inc === 'object' ? (inc as Record<string, unknown>).posterior : undefined;
      if (!Array.isArray(p) || p.length !== n + 1 || !p.every((x) => typeof x === 'number' && Number.isFinite(x))) {
        const received = inc === null || typeof inc !== 'object' ? typeof inc : Array.isArray(p) ? `${p.length} items` : typeof p;
        issues.push({ path: `incidents[${i}].posterior`, expected: `${n + 1} finite numbers (one per actor, then "nobody")`, received });
      }
    });
  }
  if (typeof s.seed !== 'string') issues.push({ path: 'seed', expected: 'a string', received: typeof s.seed });
  if (!(Number.isInteger(s.round) && (s.round as number) >= 0)) issues.push({ path: 'round', expected: 'a round number ≥ 0', received: String(s.round) });
  if (issues.length > 0) throw new ConfigError(issues, 'snapshot');
  const d = snap.dyads;
  return freeze(
    worldWith(snap as unknown as World, {
      dyads: {
        n,
        trustR: Float64Array.from(d.trustR),
        trustS: Float64Array.from(d.trustS),
        tension: Float64Array.from(d.tension),
        escalationTrue: Float64Array.from(d.escalationTrue),
        escalationPerceived: Float64Array.from(d.escalationPerceived),
        rung: Uint8Array.from(d.rung),
        peakRung: Uint8Array.from(d.peakRung),
      },
      welfare: Float64Array.from(snap.welfare),
      incidents: snap.incidents.map((inc) => incidentWith(inc as unknown as Incident, { posterior: Float64Array.from(inc.posterior) })),
    }),
    true,
  );
}
