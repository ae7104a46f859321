import type { Capabilities } from '../model/capability.js';

/**
 * A named capability profile with where its numbers come from.
 *
 * @example
 * ```ts
 * const us: CapabilityPreset | undefined = CAPABILITY_PRESETS['us'];
 * us?.capabilities.offense; // 0.95
 * ```
 */
export interface CapabilityPreset {
  readonly name: string;
  readonly label: string;
  readonly capabilities: Capabilities;
  /** How the numbers were derived, with the public indices they follow. */
  readonly source: string;
}

const BELFER = 'Belfer Center National Cyber Power Index 2020 (Voo, Hemani, Jones, DeSombre, Cassidy, Schwarzenbach)';
const GCI = 'ITU Global Cybersecurity Index 2020 (published 2021)';

const preset = (name: string, label: string, c: Capabilities, source: string): CapabilityPreset =>
  Object.freeze({ name, label, capabilities: Object.freeze(c), source });

/**
 * Capability presets for scenario files (`capabilities: us`). The numbers are our calibration, not
 * values published by the indices: `espionage` and `offense` follow the actor's rank in the
 * {@link https://www.belfercenter.org/publication/national-cyber-power-index-2020 | Belfer National
 * Cyber Power Index 2020} (surveillance and offensive objectives), `defense` its ITU Global
 * Cybersecurity Index 2020 score, `attribution` its forensic and intelligence capacity as both
 * indices describe it, and `stealth` the tradecraft attributed to its known operations. Each
 * preset's `source` says which.
 *
 * @example
 * ```ts
 * CAPABILITY_PRESETS.us?.capabilities.attribution; // 0.9
 * ```
 */
export const CAPABILITY_PRESETS: Readonly<Record<string, CapabilityPreset>> = Object.freeze({
  us: preset('us', 'United States', { espionage: 0.95, offense: 0.95, defense: 0.8, attribution: 0.9, stealth: 0.8 }, `${BELFER}: ranked 1st overall; ${GCI}: score 100 (1st).`),
  china: preset('china', 'China', { espionage: 0.9, offense: 0.75, defense: 0.65, attribution: 0.6, stealth: 0.55 }, `${BELFER}: ranked 2nd overall; ${GCI}: score 92.53 (33rd).`),
  russia: preset('russia', 'Russia', { espionage: 0.85, offense: 0.85, defense: 0.7, attribution: 0.65, stealth: 0.8 }, `${BELFER}: ranked 4th overall; ${GCI}: score 98.06 (5th, tied).`),
  uk: preset('uk', 'United Kingdom', { espionage: 0.85, offense: 0.8, defense: 0.8, attribution: 0.85, stealth: 0.75 }, `${BELFER}: ranked 3rd overall; ${GCI}: score 99.54 (2nd, tied).`),
  eu: preset('eu', 'European Union (aggregate)', { espionage: 0.6, offense: 0.5, defense: 0.75, attribution: 0.7, stealth: 0.5 }, `${BELFER}: the Netherlands 5th, France 6th, Germany 7th; ${GCI}: Spain 98.52 (4th, tied), Germany 97.41 (13th). Aggregated by us.`),
  japan: preset('japan', 'Japan', { espionage: 0.55, offense: 0.4, defense: 0.75, attribution: 0.65, stealth: 0.45 }, `${BELFER}: ranked 9th overall; ${GCI}: ranked 7th (the score 97.82 not verified by us).`),
  'south-korea': preset('south-korea', 'South Korea', { espionage: 0.55, offense: 0.45, defense: 0.75, attribution: 0.65, stealth: 0.45 }, `${BELFER}: rank not verified by us; ${GCI}: score 98.52 (4th, tied).`),
  'middle-power': preset('middle-power', 'A middle power', { espionage: 0.5, offense: 0.4, defense: 0.6, attribution: 0.5, stealth: 0.45 }, `Generic profile between the ${BELFER} middle ranks and a ${GCI} score around 80.`),
  'small-state': preset('small-state', 'A small state', { espionage: 0.25, offense: 0.15, defense: 0.45, attribution: 0.35, stealth: 0.3 }, `Generic profile for a state outside the ${BELFER} top thirty with a ${GCI} score around 50.`),
  'proxy-apt': preset('proxy-apt', 'A state-backed hacking group', { espionage: 0.7, offense: 0.5, defense: 0.2, attribution: 0.1, stealth: 0.65 }, 'Generic profile of a contractor or APT group acting for a state: capable intrusion teams, no national defence or forensic apparatus.'),
  'criminal-group': preset('criminal-group', 'A criminal group', { espionage: 0.4, offense: 0.55, defense: 0.15, attribution: 0.05, stealth: 0.5 }, 'Generic profile of a ransomware or fraud group acting for itself.'),
});
