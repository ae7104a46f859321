// A one-line progress bar with an ETA on standard error, drawn only on a terminal (quiet in logs,
// pipes and CI). Wall-clock time is read here only to estimate the ETA; it never reaches results.

/** Something that is told how many runs are done. */
export interface Progress {
  tick(done: number): void;
  end(): void;
}

const QUIET: Progress = { tick: () => undefined, end: () => undefined };

/** A progress bar for `total` runs, or one that draws nothing when stderr is not a TTY or `quiet`. */
export function progressBar(total: number, label: string, quiet: boolean): Progress {
  const stream = process.stderr;
  if (quiet || !stream.isTTY || total === 0) return QUIET;
  const start = Date.now(); // allow-nondeterminism: ETA display only
  let last = 0;
  const draw = (done: number) => {
    const elapsed = (Date.now() - start) / 1000; // allow-nondeterminism: ETA display only
    const rate = elapsed > 0 ? done / elapsed : 0;
    const eta = rate > 0 ? (total - done) / rate : NaN;
    const width = Math.max(10, Math.min(40, (stream.columns ?? 80) - 60));
    const filled = Math.round((done / total) * width);
    const bar = `${'█'.repeat(filled)}${'░'.repeat(width - filled)}`;
    stream.write(`\r${label} ${bar} ${done}/${total} ${((done / total) * 100).toFixed(0)}% ${rate.toFixed(1)} runs/s ETA ${clock(eta)}\u001b[K`);
  };
  return {
    tick(done) {
      const now = Date.now(); // allow-nondeterminism: redraw at most 10 times a second
      if (now - last < 100 && done < total) return;
      last = now;
      draw(done);
    },
    end() {
      stream.write('\n');
    },
  };
}

function clock(seconds: number): string {
  if (!Number.isFinite(seconds)) return '--:--';
  const s = Math.round(seconds);
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  const sec = String(s % 60).padStart(2, '0');
  return h > 0 ? `${h}:${String(m).padStart(2, '0')}:${sec}` : `${m}:${sec}`;
}
