/**
 * A 64-bit fingerprint of text fed in pieces: two 32-bit FNV-1a hashes of the UTF-16 code units
 * (different offsets), as 16 hex digits. Not cryptographic: it tells apart saved logs and sweep
 * scenarios on every machine the same way, without a Node-only hash in the core.
 */
export class Fingerprint {
  #a = 0x811c9dc5;
  #b = 0x01000193 ^ 0x5bd1e995;

  feed(text: string): this {
    let a = this.#a;
    let b = this.#b;
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      a = Math.imul(a ^ c, 0x01000193);
      b = Math.imul(b ^ c, 0x01000193 + 0x2000);
    }
    this.#a = a;
    this.#b = b;
    return this;
  }

  digest(): string {
    return (this.#a >>> 0).toString(16).padStart(8, '0') + (this.#b >>> 0).toString(16).padStart(8, '0');
  }
}
