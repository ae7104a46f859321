/**
 * Identifier of an actor (a state, proxy or criminal group), e.g. `'US'`.
 *
 * @example
 * ```ts
 * const us: ActorId = 'US';
 * const accusation: AccuseAction = { type: 'accuse', target: us, incident: 'inc-3', public: true };
 * ```
 */
export type ActorId = string;

/**
 * Identifier of a norm, e.g. `'gge15.f'`.
 *
 * @example
 * ```ts
 * const norm: NormId = 'gge15.f';
 * isKnownNorm(norm); // true
 * const adopt: AdoptNormAction = { type: 'adopt-norm', norm };
 * ```
 */
export type NormId = string;

/**
 * What an actor or forum id may be: letters, digits, `_`, `.` and `-`, from 1 to 64 characters,
 * starting with a letter or a digit. Specs, scenario files and snapshots all check ids with it.
 *
 * @example
 * ```ts
 * ID_PATTERN.test('APT-1'); // true
 * ```
 */
export const ID_PATTERN = /^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}$/;
