/**
 * A misspelt option name of the report functions is refused, named with the names taken and a
 * "did you mean": `truht: false` was dropped, and a story meant for students told the hidden truth.
 */
import { describe, expect, it } from 'vitest';
import { formatSummary, narrateEvent, narrateRun, renderDebrief, renderHtmlReport, reportSource, scenarioBuilder, simulate } from '../../src/index.js';
import { storyLines } from '../../src/report/narrative.js';
import { configErrorOf } from '../helpers/issues.js';

const scenario = scenarioBuilder('duel').rounds(4).actor({ id: 'US', strategy: 'hawk' }).actor({ id: 'CN', strategy: 'tit-for-tat' }).build();
const run = simulate(scenario.spec, { seed: 1, rounds: 4 });
const source = reportSource(scenario, run, 1);

describe('the report functions refuse option names they do not know', () => {
  it('narrateRun and storyLines: truht for truth; their own names still taken', () => {
    expect(narrateRun(run, { truth: false, verbose: true, text: undefined as never, roundLabel: (r) => `R${r}` }).length).toBeGreaterThan(0);
    expect(storyLines(run, { truth: false, roundLabel: (r) => `R${r}` }).length).toBeGreaterThan(0);
    const e = configErrorOf(() => narrateRun(run, { truht: false } as never));
    expect(e.source).toBe('narrateRun');
    expect(e.issues).toEqual([{ path: 'options.truht', expected: 'one of the options truth, verbose, text, roundLabel', received: 'an unknown option', hint: "did you mean 'truth'?" }]);
    expect(configErrorOf(() => storyLines(run, { verbos: true } as never)).issues[0]?.hint).toBe("did you mean 'verbose'?");
  });

  it('narrateEvent: roundLabel is no option of one event', () => {
    const event = run.log[0]!;
    expect(() => narrateEvent(event, { truth: true, verbose: true })).not.toThrow();
    const e = configErrorOf(() => narrateEvent(event, { roundLabel: () => '' } as never));
    expect(e.source).toBe('narrateEvent');
    expect(e.issues).toEqual([{ path: 'options.roundLabel', expected: 'one of the options truth, verbose, text', received: 'an unknown option' }]);
  });

  it('reportSource: the run\'s own policies (run.options) are checked, names and values, apart from its own options', () => {
    const failing = simulate(scenario.spec, { seed: 1, rounds: 4, onStrategyError: 'reject', onInvalidAction: 'reject' });
    expect(reportSource(scenario, failing, 1).frames).toHaveLength(4);
    const misspelt = configErrorOf(() => reportSource(scenario, { ...run, options: { onInvalidActon: 'reject' } as never }, 1));
    expect(misspelt.source).toBe('reportSource');
    expect(misspelt.issues).toEqual([{ path: 'run.options.onInvalidActon', expected: 'one of the options onInvalidAction, onStrategyError', received: 'an unknown option', hint: "did you mean 'onInvalidAction'?" }]);
    expect(misspelt.message).toContain("run.options.onInvalidActon: expected one of the options onInvalidAction, onStrategyError, received an unknown option (did you mean 'onInvalidAction'?)");
    expect(configErrorOf(() => reportSource(scenario, { ...run, options: { onInvalidAction: 'skip', onStrategyErorr: 'reject' } as never }, 1)).issues.map((i) => [i.path, i.expected])).toEqual([
      ['run.options.onStrategyErorr', 'one of the options onInvalidAction, onStrategyError'],
      ['run.options.onInvalidAction', "'reject' | 'throw'"],
    ]);
    expect(configErrorOf(() => reportSource(scenario, { ...run, options: 'throw' as never }, 1)).issues.map((i) => i.path)).toEqual(['run.options']);
  });

  it('formatSummary, renderHtmlReport and renderDebrief', () => {
    expect(formatSummary(run, undefined, { truth: false })).toContain('US');
    expect(configErrorOf(() => formatSummary(run, undefined, { truht: false } as never)).issues.map((i) => [i.path, i.hint])).toEqual([['options.truht', "did you mean 'truth'?"]]);
    expect(renderHtmlReport(source, { maxIncidents: 10, maxStoryLines: 10, maxTrustCells: 100 })).toContain('<html');
    const html = configErrorOf(() => renderHtmlReport(source, { maxIncident: 10 } as never));
    expect(html.source).toBe('renderHtmlReport');
    expect(html.issues.map((i) => [i.path, i.hint])).toEqual([['options.maxIncident', "did you mean 'maxIncidents'?"]]);
    expect(renderDebrief(source, {})).toContain('#');
    expect(configErrorOf(() => renderDebrief(source, { txt: undefined } as never)).issues.map((i) => [i.path, i.hint])).toEqual([['options.txt', "did you mean 'text'?"]]);
  });
});
