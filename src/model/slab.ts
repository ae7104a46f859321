// Small float arrays carved from shared slabs.
//
// A typed array of more than 64 bytes gets a buffer of its own outside V8's heap. Allocating one
// was ≈ 40% of the update's own time at 3 actors (the dyad tables, ≈ 1 µs a round), and the
// posteriors of 128-actor worlds, as arrays of boxed numbers, were a third of the bytes allocated
// and kept the scavenger copying them (docs/performance.md, eighth pass). A view into a slab is an
// ordinary small heap object, and the slab's bytes are never copied by the collector.
//
// Every array gets fresh, zeroed bytes that no other array shares (a slab is only ever cut, never
// reused), so no array can see another's writes. A slab lives as long as any array cut from it: at
// most 64 KiB kept alive by one small array that a caller holds on to.

const SLAB_BYTES = 64 * 1024;
/** Arrays larger than this get a buffer of their own: an eighth of a slab at most is wasted. */
const LARGEST_CUT = SLAB_BYTES / 8;

let slab = new ArrayBuffer(0);
let slabUsed = 0;

/**
 * A new zeroed `Float64Array` of `length` entries, cut from a shared slab when it is small (at
 * most 8 KiB), else with a buffer of its own. It shares no byte with any other array this returns.
 *
 * @example
 * ```ts
 * const posterior = floatSlots(4); // Float64Array [0, 0, 0, 0]
 * ```
 */
export function floatSlots(length: number): Float64Array {
  const bytes = length * Float64Array.BYTES_PER_ELEMENT;
  if (bytes > LARGEST_CUT) return new Float64Array(length);
  if (slabUsed + bytes > slab.byteLength) {
    slab = new ArrayBuffer(SLAB_BYTES);
    slabUsed = 0;
  }
  const out = new Float64Array(slab, slabUsed, length);
  slabUsed += bytes;
  return out;
}
