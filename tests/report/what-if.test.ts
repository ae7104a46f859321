// A report of a what-if (`--set PATH=V`): the scenario keeps the file's name and title, so the
// report says under its heading what was changed, and a saved run's settings must be the document's.
import { describe, expect, it } from 'vitest';
import { renderDebrief, renderHtmlReport, REPORT_EN, reportSource, reportSourceFromRecord, runRecord, scenarioAt, simulate } from '../../src/index.js';
import type { ReportText, RunSettings } from '../../src/index.js';
import { scenarioFile } from './helpers.js';
import { configErrorOf } from '../helpers/issues.js';

const duel = scenarioFile('tests/e2e/fixtures/duel.yaml');
const settings: RunSettings = { 'mechanisms.detection.scale': 2, 'actors.CN.strategy': 'hawk' };
const whatIf = scenarioAt(duel.document, settings);
const run = simulate(whatIf.spec, { seed: 5, rounds: whatIf.rounds });
/** The saved run as `detente run --set … --format json` writes it, read back as JSON. */
const saved = (s?: RunSettings): Record<string, unknown> => JSON.parse(JSON.stringify(runRecord(whatIf, run, 5, s))) as Record<string, unknown>;
const LINE = 'A what-if: changed from the scenario file, mechanisms.detection.scale = 2, actors.CN.strategy = hawk.';

describe('the report of a what-if', () => {
  it('says what was changed, in the debrief and in the HTML, whether made on the spot or from run.json', () => {
    const spot = reportSource(whatIf, run, 5, { settings });
    const fromFile = reportSourceFromRecord(saved(settings), 'what-if.json');
    expect(fromFile.settings).toEqual(settings);
    for (const source of [spot, fromFile]) {
      const md = renderDebrief(source);
      expect(md.split('\n').slice(0, 6)).toContain(LINE);
      expect(renderHtmlReport(source)).toContain(`<p class="sub">${LINE}</p>`);
    }
    expect(renderDebrief(fromFile)).toBe(renderDebrief(spot));
    expect(renderHtmlReport(fromFile)).toBe(renderHtmlReport(spot));
  });

  it('says nothing of the kind for a run of the file as written, and writes no settings for none', () => {
    const plain = reportSource(duel, simulate(duel.spec, { seed: 5, rounds: duel.rounds }), 5);
    expect(plain.settings).toBeUndefined();
    expect(renderDebrief(plain)).not.toContain('what-if');
    expect(renderHtmlReport(plain)).not.toContain('what-if');
    expect('settings' in saved()).toBe(false);
    expect('settings' in saved({})).toBe(false);
    expect(reportSource(whatIf, run, 5, { settings: {} }).settings).toBeUndefined();
  });

  it('uses the English line with a catalogue written before it, and the catalogue\'s own when it has one', () => {
    const source = reportSource(whatIf, run, 5, { settings });
    const { changedSettings: _, ...older } = REPORT_EN;
    expect(renderDebrief(source, { text: older as ReportText })).toContain(LINE);
    const own: ReportText = { ...REPORT_EN, changedSettings: (s) => `Variante : ${s}.` };
    expect(renderDebrief(source, { text: own })).toContain('Variante : mechanisms.detection.scale = 2, actors.CN.strategy = hawk.');
    expect(renderHtmlReport(source, { text: own })).toContain('<p class="sub">Variante : mechanisms.detection.scale = 2, actors.CN.strategy = hawk.</p>');
  });

  it('escapes the settings for the format (Markdown, HTML)', () => {
    const source = { ...reportSource(whatIf, run, 5), settings: { 'actors.CN.strategy': '<b>*x*</b>' } };
    expect(renderHtmlReport(source)).toContain('actors.CN.strategy = &lt;b&gt;*x*&lt;/b&gt;');
    expect(renderDebrief(source)).toContain('actors.CN.strategy = &lt;b&gt;\\*x\\*&lt;/b&gt;');
  });
});

describe('the settings of a saved run are held to its document', () => {
  const refused = (data: Record<string, unknown>) => {
    try {
      reportSourceFromRecord(data, 'what-if.json');
    } catch (e) {
      return String(e instanceof Error ? e.message : e);
    }
    throw new Error('accepted');
  };

  it('refuses a value the document does not hold, naming the setting', () => {
    const edited = saved({ ...settings, 'mechanisms.detection.scale': 3 });
    const message = refused(edited);
    expect(message).toContain('what-if.json');
    expect(message).toContain('settings.mechanisms.detection.scale: expected the value of mechanisms.detection.scale in the scenario played (its document), received 3');
    expect(message).not.toContain('actors.CN.strategy');
    // Settings of a what-if copied onto the run of the file as written.
    const plainRun = simulate(duel.spec, { seed: 5, rounds: duel.rounds });
    const copied = JSON.parse(JSON.stringify(runRecord(duel, plainRun, 5, settings))) as Record<string, unknown>;
    expect(refused(copied)).toMatch(/settings\.mechanisms\.detection\.scale: .*received 2[\s\S]*settings\.actors\.CN\.strategy: .*received "hawk"/);
  });

  it('blames only the wrong setting when a strategy is named with its parameters', () => {
    const tft: RunSettings = { 'actors.CN.strategy': 'tit-for-tat', 'actors.CN.strategy.threshold': 0.5 };
    const scenario = scenarioAt(duel.document, tft);
    const record = JSON.parse(JSON.stringify(runRecord(scenario, simulate(scenario.spec, { seed: 2, rounds: 4 }), 2, tft))) as Record<string, unknown>;
    expect(reportSourceFromRecord(record, 'tt.json').settings).toEqual(tft);
    const message = refused({ ...record, settings: { ...tft, 'actors.CN.strategy.threshold': 0.6 } });
    expect(message).toContain('settings.actors.CN.strategy.threshold: expected the value of actors.CN.strategy.threshold in the scenario played (its document), received 0.6');
    expect(message).not.toContain('settings.actors.CN.strategy:');
  });

  it('names the file and the settings when they name a parameter the document\'s strategy does not take', () => {
    // The what-if's run, where CN plays hawk: settings of another run of tit-for-tat copied onto it.
    const message = refused({ ...saved(), settings: { 'actors.CN.strategy': 'tit-for-tat', 'actors.CN.strategy.threshold': 0.5 } });
    expect(message).toMatch(/^what-if\.json: 2 problems/);
    expect(message).toContain('settings.actors.CN.strategy: expected the value of actors.CN.strategy in the scenario played (its document)');
    expect(message).toContain('settings.actors.CN.strategy.threshold: expected the value of actors.CN.strategy.threshold in the scenario played (its document)');
  });

  it('names under settings a parameter the strategy played does not take, with no strategy setting beside it', () => {
    const message = refused({ ...saved(settings), settings: { 'actors.CN.strategy.foo': 1 } });
    expect(message).toMatch(/^what-if\.json: 1 problem\n {2}- settings\.actors\.CN\.strategy\.foo: expected the value of actors\.CN\.strategy\.foo in the scenario played \(its document\), received 1$/);
    expect(message).not.toContain('grid point');
  });

  it('holds a rounds setting to the rounds played, which --rounds may have cut', () => {
    const short = simulate(duel.spec, { seed: 5, rounds: 4 });
    const record = JSON.parse(JSON.stringify(runRecord(duel, short, 5))) as Record<string, unknown>;
    expect(refused({ ...record, settings: { rounds: duel.rounds } })).toContain(`settings.rounds: expected 4, the rounds played, received ${duel.rounds}`);
  });

  it('says what is wrong with settings that name a strategy without the parameters the document gives it', () => {
    const withParams: RunSettings = { 'actors.CN.strategy': 'tit-for-tat', 'actors.CN.strategy.threshold': 0.5 };
    const scenario = scenarioAt(duel.document, withParams);
    const record = JSON.parse(JSON.stringify(runRecord(scenario, simulate(scenario.spec, { seed: 2, rounds: 4 }), 2, withParams))) as Record<string, unknown>;
    expect(refused({ ...record, settings: { 'actors.CN.strategy': 'tit-for-tat' } })).toContain(
      'settings: expected settings that leave the scenario played (its document) as it is when written into it, received {"actors.CN.strategy":"tit-for-tat"}, which change it: a strategy named without its parameters drops those the document gives it; list them in the settings too',
    );
  });

  it('refuses more than 1,000 settings at once, before writing any into the document', () => {
    const many = Object.fromEntries(Array.from({ length: 1001 }, (_, k) => [`actors.CN.strategy.p${k}`, 1]));
    expect(refused({ ...saved(settings), settings: many })).toContain('settings: expected at most 1,000 changed parameters, received 1,001');
  });

  it('refuses a path no sweep can set, with the sweep\'s message under settings', () => {
    expect(refused({ ...saved(settings), settings: { 'mechanisms.nope.x': 1 } })).toMatch(/settings\.mechanisms\.nope\.x: expected a mechanism coefficient/);
    expect(refused({ ...saved(settings), settings: { 'actors.XX.strategy': 'hawk' } })).toMatch(/settings\.actors\.XX\.strategy: expected actors\.<ID>/);
  });

  it('refuses settings that are not path → value', () => {
    expect(refused({ ...saved(settings), settings: [1] })).toContain('settings: expected the changed parameters, path → value (an object), received an array');
    expect(refused({ ...saved(settings), settings: { 'mechanisms.detection.scale': [2] } })).toContain('settings.mechanisms.detection.scale: expected the value the run gave it (a finite number or a text), received an array');
    expect(refused({ ...saved(settings), settings: { '': 2 } })).toContain('settings.: expected a parameter path');
    expect(refused({ ...saved(settings), settings: { 'actors.CN.strategy': 'hawk\u001b[2J' } })).toContain('settings.actors.CN.strategy');
  });

  it('keeps a run.json written before settings existed readable', () => {
    const old = saved(settings);
    delete old.settings;
    const source = reportSourceFromRecord(old, 'old.json');
    expect(source.settings).toBeUndefined();
    expect(renderDebrief(source)).not.toContain('what-if');
  });
});

describe('a misspelt field of a saved run', () => {
  it('is refused when it is a near miss of a field the file lacks: settngs lost the what-if heading', () => {
    const { settings: kept, ...rest } = saved(settings);
    const e = configErrorOf(() => reportSourceFromRecord({ ...rest, settngs: kept }, 'what-if.json'));
    expect(e.source).toBe('what-if.json');
    expect(e.issues).toEqual([
      { path: 'settngs', expected: 'a field of a run written by `detente run --format json` (scenario, title, calendar, seed, rounds, log, metrics, dyads, document, settings)', received: 'an unknown field', hint: "did you mean 'settings'?" },
    ]);
    // Beside the file's other problems, not instead of them.
    expect(configErrorOf(() => reportSourceFromRecord({ ...rest, settngs: kept, rounds: -1 }, 'what-if.json')).issues.map((i) => i.path)).toEqual(['settngs', 'rounds', 'metrics']);
  });

  it('is left unread when it resembles no field, or one the file has (a later version may add fields)', () => {
    expect(reportSourceFromRecord({ ...saved(settings), notes: 'for class 3B' }, 'what-if.json').settings).toEqual(settings);
    // `setting` is a near miss of `settings`, which the file has: it cannot have been meant for it.
    expect(reportSourceFromRecord({ ...saved(settings), setting: 1 }, 'what-if.json').settings).toEqual(settings);
  });
});
