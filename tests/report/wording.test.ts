// What readers see in edge cases: one round, one actor, one norm, three parties. Counts agree with
// their nouns, lists read "A, B and C", and sentences say who did what to whom.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { narrateEvent, narrateRun, parseScenario, renderDebrief, renderHtmlReport, REPORT_EN, simulate, trustCauseSides } from '../../src/index.js';
import type { SimEvent } from '../../src/index.js';
import { cliHarness } from '../helpers/cli.js';
import { root, sourceOf } from './helpers.js';

const { tmp, detente } = cliHarness('detente-wording-');
const stamp = { round: 2, phase: 'diplomacy' } as const;
const say = (e: Record<string, unknown>) => narrateEvent({ ...stamp, ...e } as unknown as SimEvent);

describe('the narrative', () => {
  it('a formal attribution attributes the incident to the target', () => {
    expect(say({ type: 'accusation.made', accusation: 'acc:1', by: 'US', target: 'CN', incident: 'inc:1', public: true, formal: true, confidence: 0.78 })).toBe(
      'US formally attributed an incident to CN (78% sure), threatening sanctions.',
    );
    expect(say({ type: 'accusation.made', accusation: 'acc:1', by: 'US', target: 'CN', incident: 'inc:1', public: true, formal: false, confidence: 0.5 })).toBe('US publicly blamed CN for an incident (50% sure).');
  });

  it('lists of parties, holdouts and norms read "A, B and C"; one norm is a norm', () => {
    const agreement = { id: 'ag:1', parties: ['CN', 'RU', 'US'], terms: [{ kind: 'hotline' }], since: 2 };
    expect(say({ type: 'agreement.signed', agreement })).toBe('CN, RU and US signed an agreement: hotline.');
    expect(say({ type: 'dialogue.held', parties: ['CN', 'US'], proposer: 'US' })).toBe('Scheduled dialogue between CN and US (US to propose).');
    expect(say({ type: 'talks.ended', talks: 't:1', parties: ['CN', 'RU', 'US'], by: 'US', outcome: 'walked-out' })).toBe('US walked out of the talks with CN and RU.');
    expect(say({ type: 'forum.tabled', forum: 'gge', by: 'US', norms: ['gge15.f'] })).toBe('US tabled norm gge15.f in gge.');
    expect(say({ type: 'forum.adopted', forum: 'gge', norms: ['gge15.f', 'gge15.k'], holdouts: ['CN', 'RU', 'KP'] })).toBe('gge adopted norms gge15.f and gge15.k over the objection of CN, RU and KP.');
    expect(say({ type: 'forum.failed', forum: 'gge', norms: ['gge15.f'], holdouts: ['RU'] })).toBe('gge failed to adopt norm gge15.f: RU objected.');
  });
});

describe('a request left unanswered', () => {
  it('is named by its kind: a request for help is not a hotline call', () => {
    const left = (kind: string) => say({ type: 'request.unanswered', request: 'r:1', kind, by: 'B', to: 'A' });
    expect(left('assistance')).toBe("B left A's request for help unanswered.");
    expect(left('hotline-query')).toBe("B left A's hotline call unanswered.");
    expect(left('accusation')).toBe("B left A's accusation unanswered.");
    expect(left('proposal')).toBe("B left A's offer in talks unanswered.");
    expect(left('forum-vote')).toBe("B left A's call for a vote unanswered.");
  });

  it('in a run: an assistance request expires as a request for help (the reviewer\'s world)', () => {
    const run = simulate(
      {
        actors: [
          { id: 'A', strategy: 'cautious', capabilities: { attribution: 0.5 } },
          { id: 'B', strategy: 'passive', capabilities: { attribution: 0.9 } },
          { id: 'C', strategy: 'passive' },
        ],
        injects: [0, 1, 2].map((round) => ({ round, type: 'operation', actor: 'C', target: 'A', kind: 'disruption' }) as const),
      },
      { seed: 3, rounds: 5 },
    );
    expect(run.log).toContainEqual(expect.objectContaining({ type: 'request.unanswered', kind: 'assistance', by: 'B', to: 'A' }));
    const story = narrateRun(run);
    expect(story).toContain("  B left A's request for help unanswered.");
    expect(story.join('\n')).not.toContain('hotline call');
  });
});

describe('why trust moved', () => {
  const trust = (before: number, after: number, causes: string[]) => say({ type: 'trust.changed', from: 'CN', to: 'US', before, after, causes });

  it('gives as reasons only the causes that pushed the way it moved; the others follow "despite"', () => {
    expect(trust(0.55, 0.47, ['sanction.imposed', 'incident.detected', 'commitment.kept'])).toBe("CN's trust in US fell from 0.55 to 0.47: sanctions, an incident attributed to them; despite commitments kept.");
    expect(trust(0.4, 0.5, ['information.shared', 'accusation.made'])).toBe("CN's trust in US rose from 0.40 to 0.50: shared information; despite an accusation.");
    expect(trust(0.5, 0.37, ['incident.detected', 'request.unanswered'])).toBe("CN's trust in US fell from 0.50 to 0.37: an incident attributed to them, a request left unanswered.");
    // Good evidence alone can lose to older evidence fading away.
    expect(trust(0.9, 0.8, ['commitment.kept'])).toBe("CN's trust in US fell from 0.90 to 0.80: older evidence faded; despite commitments kept.");
  });

  it('working-group-2013, round 11: no cause that raised trust is told as a reason it fell', () => {
    const run = sourceOf(parseScenario(readFileSync(join(root, 'scenarios/working-group-2013.yaml'), 'utf8'), { source: 'working-group-2013.yaml' }));
    const story = narrateRun(run);
    expect(story).toContain("  CN's trust in US fell from 0.55 to 0.47: sanctions, an incident attributed to them; despite commitments kept.");
    for (const line of story.filter((l) => / fell from /.test(l))) expect(line.replace(/; despite .*/, ''), line).not.toMatch(/commitments kept|shared information|sanctions lifted|an answer|helped/);
  });

  it("sorts the causes as the engine weighs them: over the bundled scenarios, causes that all raise trust never come with a fall, nor all lowering ones with a rise", () => {
    for (const file of ['us-china-2015', 'working-group-2013', 'classroom-crisis', 'false-flag-hotline', 'cyber-cold-war', 'gge-2015']) {
      const scenario = parseScenario(readFileSync(join(root, `scenarios/${file}.yaml`), 'utf8'), { source: `${file}.yaml` });
      for (const seed of [1, 2, 3]) {
        for (const e of sourceOf(scenario, seed).log) {
          if (e.type !== 'trust.changed') continue;
          const { along, against } = trustCauseSides(e);
          expect(along.length + against.length).toBe(e.causes.length);
          // Decay aside, the evidence of a round moves trust its way: something pushed the way it moved.
          expect(along.length, `${file} seed ${seed}: ${JSON.stringify(e)}`).toBeGreaterThan(0);
        }
      }
    }
  });
});

describe("text that comes from a strategy, not from the scenario", () => {
  it("a strategy's error message and a rejected action's reason are told on one line, their control characters shown, not executed", () => {
    expect(say({ type: 'strategy.failed', actor: 'A', decision: 'operations', message: "strategy 'x' threw: bad\u001b[31m red\nsecond\r line\u202e" })).toBe(
      "(A's strategy failed: strategy 'x' threw: bad<U+001B>[31m red second<U+000D> line<U+202E>)",
    );
    const rejected = narrateEvent({ ...stamp, type: 'action.rejected', actor: 'A', action: {}, reason: "unknown target '\u001b]8;;x\u0007'\nhere" } as SimEvent, { verbose: true });
    expect(rejected).toBe("(A's action was rejected: unknown target '<U+001B>]8;;x<U+0007>' here)");
  });
});

describe('scripted changes of the rules', () => {
  it("a capability inject is told, as a mechanisms inject is (a scripted change the story left out)", () => {
    expect(say({ type: 'inject.applied', inject: { round: 2, type: 'capability', actor: 'CN', capability: 'stealth', value: 0.9 } })).toBe("⚙ From this round on: CN's stealth = 0.9.");
    expect(narrateEvent({ ...stamp, type: 'inject.applied', inject: { round: 2, type: 'capability', actor: 'CN', capability: 'stealth', value: 0.9 } } as SimEvent, { truth: false })).toBe("⚙ From this round on: CN's stealth = 0.9.");
  });
});

describe('a run of one round', () => {
  const doc = { name: 'lone', rounds: 1, actors: [{ id: 'A', strategy: 'passive' }] };

  it('the report says "1 round", not "1 rounds"', () => {
    const html = renderHtmlReport(sourceOf(parseScenario(doc)));
    expect(html).toContain('Summary after 1 round<');
    expect(html).not.toMatch(/\b1 rounds\b/);
  });

  it('a world of one actor says there is no pair to chart, instead of an empty escalation frame', () => {
    const html = renderHtmlReport(sourceOf(parseScenario(doc)));
    const section = html.slice(html.indexOf('id="escalation"'), html.indexOf('</section>', html.indexOf('id="escalation"')));
    expect(section).toContain('There is no pair of actors to chart: the world has one actor.');
    expect(section).not.toContain('<svg');
  });

  it('a one-round run with a calendar is dated once, not "Jan 2015 – Jan 2015"', () => {
    const source = sourceOf(parseScenario({ ...doc, calendar: { unit: 'month', start: '2015-01' } }));
    expect(renderHtmlReport(source)).toContain('Scenario lone · seed 1 · 1 round · Jan 2015</p>');
    expect(renderDebrief(source)).toContain('Scenario `lone`, seed 1, 1 round (Jan 2015).');
  });

  it('detente run and validate count in the singular, and an empty story says so', () => {
    const file = join(tmp, 'lone.json');
    writeFileSync(file, JSON.stringify(doc));
    const run = detente('run', file);
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/^lone — seed 1, 1 round\n\nNothing worth telling happened\.\n\nSummary after 1 round\n/);
    expect(detente('validate', file).stdout).toContain('lone: 1 actor, 1 round\n');
  });
});

describe('empty text where a scenario allows it', () => {
  const scenario = parseScenario({ name: 'blank', title: ' ', rounds: 2, actors: [{ id: 'A', name: '', strategy: 'passive' }, { id: 'B', strategy: 'passive' }], injects: [{ round: 1, type: 'note', text: '' }] });
  const source = sourceOf(scenario);

  it('an empty title gives way to the scenario name, in the page, the debrief and detente run', () => {
    const html = renderHtmlReport(source);
    expect(html).toContain('<title>blank</title>');
    expect(html).toContain('<h1>blank</h1>');
    expect(renderDebrief(source)).toMatch(/^# Debrief: blank\n/);
    const file = join(tmp, 'blank.json');
    writeFileSync(file, JSON.stringify(scenario.document));
    expect(detente('run', file).stdout).toMatch(/^blank — seed 1, 2 rounds\n/);
  });

  it('an empty note is not told as an empty line of news', () => {
    expect(narrateRun(source)).not.toContain('  📰 ');
    expect(renderHtmlReport(source)).not.toContain('<li class="news"></li>');
  });
});

describe('scenario text written over several lines', () => {
  it('is told as one line of story, so it cannot pass for a round heading', () => {
    const scenario = parseScenario({ name: 'lines', rounds: 3, actors: [{ id: 'A', strategy: 'passive' }, { id: 'B', strategy: 'passive' }], injects: [{ round: 1, type: 'note', text: 'First line\nRound 7\n  indented\n' }, { round: 1, type: 'sanctions-threat', by: 'A', target: 'B', unless: 'stop\nnow' }] });
    const story = narrateRun(sourceOf(scenario));
    expect(story).toEqual(['Round 1', '  📰 First line Round 7 indented', '  A threatened B with economic sanctions (condition: stop now).', ...story.slice(3)]);
    expect(story.every((line) => !line.includes('\n'))).toBe(true);
  });

  it('the notes of a cut report agree with a count of one', () => {
    expect(REPORT_EN.charts.incidents.truncated(1, 19, 'Jan 2020')).toBe('Only the first incident of 19 is drawn and listed, up to Jan 2020; the figures at the top count them all.');
    expect(REPORT_EN.charts.incidents.truncated(4, 19, 'Jan 2020')).toMatch(/^Only the first 4 of 19 incidents are drawn/);
    expect(REPORT_EN.storyTruncated({ last: 'Round 0', told: 1, total: 37 })).toMatch(/: 1 of the 37 rounds in which something happened is told;/);
  });
});
