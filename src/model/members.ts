/** What a list must add to name every member of `T`: nothing, or (so the compiler says which) the missing ones. */
type NoneMissing<T, L extends readonly unknown[]> = [Exclude<T, L[number]>] extends [never] ? unknown : { readonly 'missing members': Exclude<T, L[number]> };

/**
 * A frozen list of the members of the string union `T`, which fails typecheck when the list names
 * something `T` does not have or leaves out a member of `T`. The validators read allowed values
 * from such lists: a member added to a type and forgotten in its list would be refused by one
 * checker and accepted by the code behind another, with nothing to say so.
 *
 * @example
 * ```ts
 * const OPERATION_TARGETS = everyMember<OperationTarget>()(['networks', 'critical-infrastructure', 'cert']);
 * ```
 */
export function everyMember<T extends string>(): <const L extends readonly T[]>(list: L & NoneMissing<T, L>) => L {
  return (list) => Object.freeze([...list]) as unknown as typeof list;
}
