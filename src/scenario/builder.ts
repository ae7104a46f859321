import { stringify } from 'yaml';
import type { Commitment } from '../model/agreement.js';
import type { ActorId, NormId } from '../model/ids.js';
import type { MechanismOverrides } from '../model/mechanisms.js';
import type { Calendar, ScenarioActor, ScenarioDocument, ScenarioForum, ScenarioInject } from './format.js';
import { parseScenario } from './parse.js';
import type { ParseScenarioOptions, Scenario } from './parse.js';

type Dyad = NonNullable<ScenarioDocument['dyads']>[number];

/**
 * Builds a scenario in TypeScript, equivalent to the file format: every method returns a new
 * builder (so a base scenario can be varied), `document()` gives the plain document and `build()`
 * checks it exactly as a file would be checked.
 *
 * @example
 * ```ts
 * import { scenarioBuilder, simulate } from 'detente';
 * const s = scenarioBuilder('duel')
 *   .rounds(12)
 *   .calendar('month', '2015-01')
 *   .actor({ id: 'US', capabilities: 'us', strategy: 'tit-for-tat' })
 *   .actor({ id: 'CN', capabilities: 'china', strategy: { name: 'deterrer', params: { retaliateAt: 0.8 } } })
 *   .agreement(['US', 'CN'], [{ kind: 'hotline' }])
 *   .build();
 * const run = simulate(s.spec, { seed: s.seed, rounds: s.rounds });
 * ```
 */
export class ScenarioBuilder {
  private constructor(private readonly doc: ScenarioDocument) {}

  /** Start a scenario with a name (lower-case letters, digits and dashes). */
  static create(name: string): ScenarioBuilder {
    return new ScenarioBuilder({ name, rounds: 12, actors: [] });
  }

  private with(patch: Partial<ScenarioDocument>): ScenarioBuilder {
    return new ScenarioBuilder({ ...this.doc, ...patch });
  }

  title(title: string): ScenarioBuilder {
    return this.with({ title });
  }
  description(description: string): ScenarioBuilder {
    return this.with({ description });
  }
  rounds(rounds: number): ScenarioBuilder {
    return this.with({ rounds });
  }
  seed(seed: string | number): ScenarioBuilder {
    return this.with({ seed });
  }
  calendar(unit: Calendar['unit'], start?: string): ScenarioBuilder {
    return this.with({ calendar: start === undefined ? { unit } : { unit, start } });
  }
  actor(actor: ScenarioActor): ScenarioBuilder {
    return this.with({ actors: [...this.doc.actors, actor] });
  }
  dyad(dyad: Dyad): ScenarioBuilder {
    return this.with({ dyads: [...(this.doc.dyads ?? []), dyad] });
  }
  agreement(parties: readonly ActorId[], terms: readonly Commitment[]): ScenarioBuilder {
    return this.with({ agreements: [...(this.doc.agreements ?? []), { parties, terms }] });
  }
  norms(actor: ActorId, norms: readonly NormId[]): ScenarioBuilder {
    return this.with({ norms: { ...(this.doc.norms ?? {}), [actor]: norms } });
  }
  forum(forum: ScenarioForum): ScenarioBuilder {
    return this.with({ forums: [...(this.doc.forums ?? []), forum] });
  }
  inject(inject: ScenarioInject): ScenarioBuilder {
    return this.with({ injects: [...(this.doc.injects ?? []), inject] });
  }
  mechanisms(mechanisms: MechanismOverrides): ScenarioBuilder {
    return this.with({ mechanisms });
  }

  /** The plain document, as a file would hold it. */
  document(): ScenarioDocument {
    return this.doc;
  }

  /** Check and build the scenario (throws a `ScenarioError` listing every problem). */
  build(options: ParseScenarioOptions = {}): Scenario {
    return parseScenario(this.doc, options);
  }
}

/**
 * Start building a scenario. @example `scenarioBuilder('duel').rounds(6).actor({ id: 'A' }).actor({ id: 'B' }).build()`
 */
export function scenarioBuilder(name: string): ScenarioBuilder {
  return ScenarioBuilder.create(name);
}

/**
 * Write a scenario document as JSON or YAML text that `parseScenario` (and `detente run`) reads
 * back to an equal scenario.
 *
 * @example
 * ```ts
 * const text = serializeScenario(scenarioBuilder('duel').actor({ id: 'A' }).actor({ id: 'B' }).document(), 'yaml');
 * ```
 */
export function serializeScenario(doc: ScenarioDocument, format: 'json' | 'yaml' = 'yaml'): string {
  return format === 'json' ? `${JSON.stringify(doc, null, 2)}\n` : stringify(doc, { lineWidth: 0, aliasDuplicateObjects: false });
}
