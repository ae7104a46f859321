// The message of anything thrown, for the errors that report it. In model/ so that every layer,
// and the Node entry (which must not bundle a copy of the engine's error classes), can use it.

/**
 * The message of anything thrown, never throwing itself: a strategy may throw an object without a
 * prototype (which `String` cannot convert), an Error whose `message` getter throws, or a proxy
 * whose every trap throws, and the error that reports it must still be made.
 */
export function messageOf(e: unknown): string {
  try {
    if (e instanceof Error) return String(e.message);
  } catch {
    // Fall through: the value is printed as whatever it is.
  }
  return printed(e);
}

/** `String(v)`, or the most that can be said of `v` when converting it throws. */
export function printed(v: unknown): string {
  try {
    return String(v);
  } catch {
    try {
      return Object.prototype.toString.call(v);
    } catch {
      return `(a ${typeof v} that cannot be printed)`;
    }
  }
}
