// The digest of a module of strategies: what a results file records of the code its runs were
// computed with (the command line's `modules` column), and what each worker thread checks before
// it imports the module. Node only (files and hashes).
import { createHash } from 'node:crypto';
import { readFileSync, realpathSync } from 'node:fs';
import { basename } from 'node:path';

/** One module of strategies as a results file records it. */
export interface ModuleDigest {
  /** The file as the command line resolved it (absolute), for messages. */
  readonly file: string;
  /** The name of the real file (through links): the same whichever path or link names it. */
  readonly name: string;
  /** The first 16 hex digits of the SHA-256 of the file's bytes (as `sha256sum` prints it). */
  readonly digest: string;
}

/** Hex digits of the SHA-256 kept: 64 bits, as the scenario tag, to tell an edited file from the one a sweep started with. */
export const DIGEST_DIGITS = 16;

/**
 * The digest of a module's file: its bytes now. Only the file itself is covered, not the files it
 * imports: what those are is only known by importing it (and a package's files are not the user's
 * to version), so an edit of an imported helper is not seen.
 */
export function moduleDigest(file: string): ModuleDigest {
  const real = realpathSync(file);
  return { file, name: basename(real), digest: createHash('sha256').update(readFileSync(real)).digest('hex').slice(0, DIGEST_DIGITS) };
}
