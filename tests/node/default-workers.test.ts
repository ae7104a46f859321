// sweepOnWorkers' default number of workers on a machine with more cores than it allows (256):
// the default is the bound, not an error. node:os is mocked to report 300 cores.
import { describe, expect, it, vi } from 'vitest';

vi.mock('node:os', async (importOriginal) => ({ ...(await importOriginal<typeof import('node:os')>()), availableParallelism: () => 300 }));

describe('sweepOnWorkers on a machine with 300 cores', () => {
  it('takes 256 workers by default and still refuses 300 given explicitly', async () => {
    const { sweepOnWorkers } = await import('../../src/node/sweep.js');
    const { ConfigError } = await import('../../src/index.js');
    const scenario = { name: 'pair', rounds: 2, actors: [{ id: 'A' }, { id: 'B' }] };
    // From the sources there is no built worker beside the pool: getting that far means the options were accepted.
    const byDefault = await sweepOnWorkers(scenario, { seeds: '1..2' }).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(byDefault).not.toBeInstanceOf(ConfigError);
    expect(String(byDefault)).toMatch(/the sweep worker is missing/);
    const explicit = await sweepOnWorkers(scenario, { seeds: '1..2', workers: 300 }).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(explicit).toBeInstanceOf(ConfigError);
    expect(String(explicit)).toMatch(/options\.workers: expected a whole number from 1 to 256, received 300/);
  });
});
