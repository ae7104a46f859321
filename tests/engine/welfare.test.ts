import { describe, expect, it } from 'vitest';
import { DEFAULT_MECHANISMS, simulate } from '../../src/index.js';
import type { OperateAction } from '../../src/index.js';
import { eventsOf, QUIET, scripted, welfareOf } from '../diplomacy/helpers.js';

// The welfare a successful operation brings its principal (docs/engine.md, "Welfare"): stolen trade
// secrets are worth `commercialGain`, other espionage `intelligenceGain`, coercion `coercionGain`.
function oneOperation(op: Omit<OperateAction, 'type' | 'target'>, mechanisms = QUIET) {
  const spy = scripted({ name: 'spy', operate: (v) => (v.round === 0 ? [{ type: 'operate', target: 'B', ...op }] : []) });
  const run = simulate(
    {
      // Certain success: p = espionage (or offense) × (1 − defenseWeight × defense) = 1.
      actors: [
        { id: 'A', strategy: spy, capabilities: { espionage: 1, offense: 1 } },
        { id: 'B', capabilities: { defense: 0 } },
      ],
      mechanisms,
    },
    { seed: 1, rounds: 1 },
  );
  const conducted = eventsOf(run.log, 'operation.conducted');
  expect(conducted).toHaveLength(1);
  expect(conducted[0]?.operation.success).toBe(true);
  return { gain: welfareOf(run.world, 'A'), loss: welfareOf(run.world, 'B'), op: conducted[0]?.operation };
}

describe('welfare of a successful operation', () => {
  const wf = DEFAULT_MECHANISMS.welfare;

  it('commercial espionage earns commercialGain (1.5), other espionage intelligenceGain (1)', () => {
    const commercial = oneOperation({ kind: 'espionage', commercial: true });
    expect(commercial.op?.commercial).toBe(true);
    expect(commercial.gain).toBe(wf.commercialGain);
    const intelligence = oneOperation({ kind: 'espionage' });
    expect(intelligence.op?.commercial).toBe(false);
    expect(intelligence.gain).toBe(wf.intelligenceGain);
    expect(wf.commercialGain).not.toBe(wf.intelligenceGain);
    // The victim's loss depends on severity only, not on what was stolen.
    expect(commercial.loss).toBe(intelligence.loss);
    expect(commercial.loss).toBe(-(wf.damagePerSeverity * (commercial.op?.severity ?? NaN)) / 5);
  });

  it('follows overrides of commercialGain and intelligenceGain', () => {
    const welfare = { commercialGain: 4, intelligenceGain: 0.25 };
    expect(oneOperation({ kind: 'espionage', commercial: true }, { ...QUIET, welfare }).gain).toBe(4);
    expect(oneOperation({ kind: 'espionage' }, { ...QUIET, welfare }).gain).toBe(0.25);
  });

  it('disruption earns coercionGain, whatever commercialGain is', () => {
    const r = oneOperation({ kind: 'disruption' }, { ...QUIET, welfare: { commercialGain: 9 } });
    expect(r.gain).toBe(wf.coercionGain);
  });
});
