import type { SimEvent } from '../model/event.js';
import { betaTrust } from '../model/trust.js';
import type { World } from '../model/world.js';
import { ConfigError } from './errors.js';
import type { ConfigIssue } from './errors.js';
import { eventListIssue, worldIssue } from './world-check.js';

/**
 * Summary numbers of one round, computed from the round's events and the world at its end.
 *
 * @example
 * ```ts
 * const run = simulate(spec, { seed: 1, rounds: 12 });
 * run.metrics.map((m) => m.maxRung);
 * ```
 */
export interface RoundMetrics {
  readonly round: number;
  readonly operations: number;
  readonly successfulOperations: number;
  readonly detections: number;
  readonly falseAlarms: number;
  /** Detected operations whose first top suspect was the author or its principal. */
  readonly correctAttributions: number;
  /**
   * Detections (including false alarms) whose first top suspect was someone else. A detection with
   * no suspect at all (no actor the victim finds capable of it) is neither this nor a correct one.
   */
  readonly misattributions: number;
  readonly accusations: number;
  readonly publicAccusations: number;
  readonly hotlineQueries: number;
  readonly sanctionsImposed: number;
  readonly sanctionsInForce: number;
  readonly retaliations: number;
  readonly normsAdopted: number;
  readonly rejectedActions: number;
  /** Mean trust over all ordered pairs of distinct actors. */
  readonly meanTrust: number;
  readonly maxTension: number;
  /** Highest current rung of any dyad, and highest rung reached so far. */
  readonly maxRung: number;
  readonly peakRung: number;
  readonly totalWelfare: number;
}

/**
 * Compute the metrics of a finished round from the world at its end and the round's events. A
 * value that is not a world, or events that are not a list of events, is a `ConfigError`.
 *
 * @example
 * ```ts
 * const result = step(world, strategies);
 * roundMetrics(result.world, result.events); // equal to result.metrics
 * ```
 */
export function roundMetrics(world: World, events: readonly SimEvent[]): RoundMetrics {
  const issues: ConfigIssue[] = [];
  const notWorld = worldIssue(world, 'world');
  if (notWorld !== undefined) issues.push(notWorld);
  const notEvents = eventListIssue(events, 'events', "a list of the round's events");
  if (notEvents !== undefined) issues.push(notEvents);
  if (issues.length > 0) throw new ConfigError(issues, 'roundMetrics');
  return metricsOfRound(world, events);
}

/** Internal: {@link roundMetrics} of a round the engine just played, whose world and events need no check. */
export function metricsOfRound(world: World, events: readonly SimEvent[]): RoundMetrics {
  let operations = 0;
  let successful = 0;
  let detections = 0;
  let falseAlarms = 0;
  let correct = 0;
  let wrong = 0;
  let accusations = 0;
  let publicAccusations = 0;
  let hotlineQueries = 0;
  let sanctionsImposed = 0;
  let retaliations = 0;
  let normsAdopted = 0;
  let rejected = 0;
  const principal = new Map<string, { author: string; principal: string }>();
  // Indexed: the round's events are a frozen list (docs/performance.md, frozen arrays).
  for (let k = 0; k < events.length; k++) {
    const e = events[k] as SimEvent;
    switch (e.type) {
      case 'operation.conducted':
        operations++;
        if (e.operation.success) successful++;
        principal.set(e.operation.id, { author: e.operation.author, principal: e.operation.principal });
        break;
      case 'incident.detected': {
        detections++;
        if (e.operation === null) {
          falseAlarms++;
          if (e.suspect !== null) wrong++;
          break;
        }
        // A real operation can be detected with no suspect: no one the victim finds capable of it
        // (every prior but "nobody" is 0). That is no one else, so neither right nor wrong (the
        // report's 'unattributed'), as a false alarm with no suspect is no misattribution.
        if (e.suspect === null) break;
        const truth = principal.get(e.operation);
        if (truth && (e.suspect === truth.author || e.suspect === truth.principal)) correct++;
        else wrong++;
        break;
      }
      case 'accusation.made':
        accusations++;
        if (e.public) publicAccusations++;
        break;
      case 'hotline.queried':
        hotlineQueries++;
        break;
      case 'sanction.imposed':
        sanctionsImposed++;
        break;
      case 'retaliation.conducted':
        retaliations++;
        break;
      case 'norm.adopted':
        normsAdopted++;
        break;
      case 'action.rejected':
        rejected++;
        break;
      default:
        break;
    }
  }
  const n = world.actors.length;
  const d = world.dyads;
  let trustSum = 0;
  let maxTension = 0;
  let maxRung = 0;
  let peakRung = 0;
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < n; j++) {
      if (i === j) continue;
      const k = i * n + j;
      trustSum += betaTrust(d.trustR[k] as number, d.trustS[k] as number);
      const x = d.tension[k] as number;
      if (x > maxTension) maxTension = x;
      const r = d.rung[k] as number;
      if (r > maxRung) maxRung = r;
      const p = d.peakRung[k] as number;
      if (p > peakRung) peakRung = p;
    }
  }
  let totalWelfare = 0;
  for (let i = 0; i < n; i++) totalWelfare += world.welfare[i] as number;
  return {
    round: world.round - 1,
    operations,
    successfulOperations: successful,
    detections,
    falseAlarms,
    correctAttributions: correct,
    misattributions: wrong,
    accusations,
    publicAccusations,
    hotlineQueries,
    sanctionsImposed,
    sanctionsInForce: world.sanctions.length,
    retaliations,
    normsAdopted,
    rejectedActions: rejected,
    meanTrust: n > 1 ? trustSum / (n * (n - 1)) : 0.5,
    maxTension,
    maxRung,
    peakRung,
    totalWelfare,
  };
}
