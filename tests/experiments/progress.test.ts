import { afterEach, describe, expect, it, vi } from 'vitest';
import { progressBar } from '../../src/cli/sweep/progress.js';

describe('progress bar', () => {
  const tty = Object.getOwnPropertyDescriptor(process.stderr, 'isTTY');
  afterEach(() => {
    vi.restoreAllMocks();
    if (tty) Object.defineProperty(process.stderr, 'isTTY', tty);
    else delete (process.stderr as { isTTY?: boolean }).isTTY;
  });

  it('draws done/total, percentage, rate and ETA on a terminal, and finishes the line', () => {
    Object.defineProperty(process.stderr, 'isTTY', { value: true, configurable: true });
    const written: string[] = [];
    vi.spyOn(process.stderr, 'write').mockImplementation((chunk: string | Uint8Array) => {
      written.push(String(chunk));
      return true;
    });
    const bar = progressBar(10, 'sweep', false);
    bar.tick(5);
    bar.tick(10);
    bar.end();
    expect(written[0]).toMatch(/^\rsweep █+░+ 5\/10 50% [\d.]+ runs\/s ETA (\d+:\d\d|--:--)/);
    expect(written[1]).toMatch(/^\rsweep █+ 10\/10 100% /);
    expect(written.at(-1)).toBe('\n');
  });

  it('draws nothing when standard error is not a terminal, or when asked to be quiet', () => {
    const write = vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
    Object.defineProperty(process.stderr, 'isTTY', { value: false, configurable: true });
    const bar = progressBar(10, 'sweep', false);
    bar.tick(10);
    bar.end();
    Object.defineProperty(process.stderr, 'isTTY', { value: true, configurable: true });
    const quiet = progressBar(10, 'sweep', true);
    quiet.tick(10);
    quiet.end();
    expect(write).not.toHaveBeenCalled();
  });
});
