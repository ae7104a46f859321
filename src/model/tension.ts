/**
 * One discrete Richardson arms-race step for the pair (x, y):
 * `x' = x + dt·(k·y − a·x + g)`, `y' = y + dt·(l·x − b·y + h)`.
 *
 * @example
 * ```ts
 * richardsonStep({ x: 0, y: 0 }, { a: 0.5, b: 0.5, k: 0.2, l: 0.2, g: 1, h: 1, dt: 0.5 });
 * ```
 */
export function richardsonStep(
  state: { readonly x: number; readonly y: number },
  p: RichardsonParams & { readonly dt: number },
): { x: number; y: number } {
  return {
    x: state.x + p.dt * (p.k * state.y - p.a * state.x + p.g),
    y: state.y + p.dt * (p.l * state.x - p.b * state.y + p.h),
  };
}

/**
 * Coefficients of a Richardson pair: fatigue a, b; reactivity k, l; grievance g, h.
 *
 * @example
 * ```ts
 * const p: RichardsonParams = { a: 0.5, b: 0.5, k: 0.2, l: 0.2, g: 1, h: 1 };
 * richardsonEquilibrium(p); // stable, as a·b > k·l: { x: 3.333…, y: 3.333… }
 * ```
 */
export interface RichardsonParams {
  readonly a: number;
  readonly b: number;
  readonly k: number;
  readonly l: number;
  readonly g: number;
  readonly h: number;
}

/**
 * The closed-form equilibrium of the Richardson system, or `null` when it is not stable
 * (stability needs a·b > k·l).
 *
 * @example
 * ```ts
 * richardsonEquilibrium({ a: 0.5, b: 0.5, k: 0.2, l: 0.2, g: 1, h: 1 }); // { x: 3.333…, y: 3.333… }
 * ```
 */
export function richardsonEquilibrium(p: RichardsonParams): { x: number; y: number } | null {
  const det = p.a * p.b - p.k * p.l;
  if (!(det > 0)) return null;
  return { x: (p.b * p.g + p.k * p.h) / det, y: (p.a * p.h + p.l * p.g) / det };
}
