import type { NormId } from './ids.js';

/** A voluntary norm of responsible state behaviour. @example `GGE15_NORMS[5]?.id // 'gge15.f'` */
export interface Norm {
  readonly id: NormId;
  readonly title: string;
  readonly text: string;
}

/**
 * The eleven voluntary norms of the 2015 UN Group of Governmental Experts report (A/70/174,
 * §13 a–k), paraphrased. The ids are stable and used in scenario files.
 *
 * @example
 * ```ts
 * import { GGE15_NORMS } from 'detente';
 * GGE15_NORMS.map((n) => n.id); // ['gge15.a', …, 'gge15.k']
 * ```
 */
export const GGE15_NORMS: readonly Norm[] = Object.freeze([
  { id: 'gge15.a', title: 'Cooperate for stability', text: 'Cooperate to increase stability and security in the use of ICTs and prevent harmful practices.' },
  { id: 'gge15.b', title: 'Weigh all evidence', text: 'In case of ICT incidents, consider all relevant information, including the larger context and the challenges of attribution.' },
  { id: 'gge15.c', title: 'No hosting of wrongful acts', text: 'Do not knowingly allow your territory to be used for internationally wrongful acts using ICTs (e.g. by proxies).' },
  { id: 'gge15.d', title: 'Cooperate against crime and terrorism', text: 'Consider how best to cooperate to exchange information, assist each other and prosecute criminal and terrorist use of ICTs.' },
  { id: 'gge15.e', title: 'Respect human rights', text: 'Respect human rights online, including the right to privacy in the digital age.' },
  { id: 'gge15.f', title: 'No attacks on critical infrastructure', text: 'Do not conduct or knowingly support ICT activity that intentionally damages critical infrastructure.' },
  { id: 'gge15.g', title: 'Protect critical infrastructure', text: 'Take appropriate measures to protect your own critical infrastructure from ICT threats.' },
  { id: 'gge15.h', title: 'Answer requests for assistance', text: 'Respond to appropriate requests for assistance by another state whose critical infrastructure is subject to malicious ICT acts.' },
  { id: 'gge15.i', title: 'Trustworthy supply chains', text: 'Take reasonable steps to ensure the integrity of the supply chain and prevent the proliferation of malicious ICT tools.' },
  { id: 'gge15.j', title: 'Responsible disclosure', text: 'Encourage responsible reporting of ICT vulnerabilities and share remedies.' },
  { id: 'gge15.k', title: 'Do not harm CERTs', text: 'Do not conduct or knowingly support activity that harms the emergency response teams (CERTs/CSIRTs) of another state.' },
].map((n) => Object.freeze(n)));

/** The ids of the GGE 2015 norms, in order. @example `GGE15_NORM_IDS[0] // 'gge15.a'` */
export const GGE15_NORM_IDS: readonly NormId[] = Object.freeze(GGE15_NORMS.map((n) => n.id));

/** Whether `id` names a norm in the catalogue. @example `isKnownNorm('gge15.k') // true` */
export function isKnownNorm(id: string): boolean {
  return GGE15_NORM_IDS.includes(id);
}
