/** Identifier of an actor (a state, proxy or criminal group), e.g. `'US'`. */
export type ActorId = string;

/** Identifier of a norm, e.g. `'gge15.f'`. */
export type NormId = string;
