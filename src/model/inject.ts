import type { Commitment, SanctionMeasure } from './agreement.js';
import type { CapabilityKey } from './capability.js';
import type { ActorId } from './ids.js';
import type { MechanismOverrides } from './mechanisms.js';
import { everyMember } from './members.js';
import type { OperationKind, OperationTarget } from './operation.js';

/**
 * A scripted event applied at the start of a round (phase 1), by a scenario or by a `fork`
 * intervention.
 *
 * - `operation`: a named actor carries out a covert operation (it is resolved with the others);
 * - `reveal`: the engine reveals the true author of every incident still open against `victim`
 *   (or of all open incidents when `victim` is omitted), as a leak or a forensic report would;
 * - `agreement`: the parties sign an agreement (e.g. a hotline);
 * - `sanction`: a state imposes a sanction (an indictment, an executive order);
 * - `threat`: a state threatens a sanction unless a stated condition is met;
 * - `capability`: an actor's capability changes (a new cyber command, a patch campaign);
 * - `mechanisms`: coefficients change from this round on (`set` overrides the ones in force, as a
 *   scenario's `mechanisms` overrides the defaults): better forensics for everyone, a new trust
 *   regime. A `fork` records its intervention's mechanism change this way, so the fork replays;
 * - `note`: a narrative marker (a summit, a leak) that changes nothing but appears in the story.
 *
 * @example
 * ```ts
 * const injects: Inject[] = [
 *   { round: 3, type: 'agreement', parties: ['CN', 'US'], terms: [{ kind: 'hotline' }] },
 *   { round: 5, type: 'note', text: 'Summit in Washington' },
 * ];
 * ```
 */
export type Inject =
  | {
      readonly round: number;
      readonly type: 'operation';
      readonly actor: ActorId;
      readonly target: ActorId;
      readonly kind: OperationKind;
      readonly against?: OperationTarget;
      readonly falseFlag?: ActorId;
      readonly commercial?: boolean;
    }
  | { readonly round: number; readonly type: 'reveal'; readonly victim?: ActorId }
  | { readonly round: number; readonly type: 'agreement'; readonly parties: readonly ActorId[]; readonly terms: readonly Commitment[] }
  | { readonly round: number; readonly type: 'sanction'; readonly by: ActorId; readonly target: ActorId; readonly measure: SanctionMeasure }
  | { readonly round: number; readonly type: 'threat'; readonly by: ActorId; readonly target: ActorId; readonly measure: SanctionMeasure; readonly unless?: string }
  | { readonly round: number; readonly type: 'capability'; readonly actor: ActorId; readonly capability: CapabilityKey; readonly value: number }
  | { readonly round: number; readonly type: 'mechanisms'; readonly set: MechanismOverrides }
  | { readonly round: number; readonly type: 'note'; readonly text: string };

/**
 * The types of engine inject (a scenario file adds storytelling forms that expand into them), in
 * the order messages list them.
 *
 * @example
 * ```ts
 * INJECT_TYPES.includes('reveal'); // true
 * ```
 */
export const INJECT_TYPES: readonly Inject['type'][] = everyMember<Inject['type']>()(['operation', 'reveal', 'agreement', 'sanction', 'threat', 'capability', 'mechanisms', 'note']);
