import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cliHarness, duelFixture, expectInputError } from '../helpers/cli.js';

const fixture = duelFixture;
const { tmp, detente } = cliHarness('detente-report-');

describe('detente report', () => {
  it('writes the HTML report and the debrief of a scenario, the same as of its saved run', () => {
    const r = detente('report', fixture, '--html', 'a.html', '--md', 'a.md');
    expect(r.status).toBe(0);
    expect(r.stderr).toBe('');
    expect(r.stdout).toMatch(/^wrote a\.html \(HTML report, \d+ KiB\)\nwrote a\.md \(Markdown debrief\)\n$/);
    const html = readFileSync(join(tmp, 'a.html'), 'utf8');
    expect(html).toMatch(/^<!DOCTYPE html>/);
    expect(html).toContain('<title>A duel with a hotline</title>');
    expect(readFileSync(join(tmp, 'a.md'), 'utf8')).toMatch(/^# Debrief: A duel with a hotline\n\nScenario `duel`, seed 3, 10 rounds \(Jan 2015 – Oct 2015\)\./);

    expect(detente('run', fixture, '--format', 'json', '--out', 'run.json').status).toBe(0);
    const saved = JSON.parse(readFileSync(join(tmp, 'run.json'), 'utf8')) as Record<string, unknown>;
    // The first JSON format's keys are all still there.
    for (const key of ['scenario', 'seed', 'rounds', 'log', 'metrics', 'dyads', 'title', 'calendar', 'document']) expect(saved).toHaveProperty(key);
    expect(detente('report', 'run.json', '--html', 'b.html', '--md', 'b.md').status).toBe(0);
    expect(readFileSync(join(tmp, 'b.html'), 'utf8')).toBe(html);
    expect(readFileSync(join(tmp, 'b.md'), 'utf8')).toBe(readFileSync(join(tmp, 'a.md'), 'utf8'));
  });

  it('reads a saved run edited in an editor that wrote a byte-order mark, as it reads such a scenario', () => {
    expect(detente('run', fixture, '--format', 'json', '--out', 'plain.json').status).toBe(0);
    writeFileSync(join(tmp, 'bom.json'), `\uFEFF${readFileSync(join(tmp, 'plain.json'), 'utf8')}`);
    expect(detente('report', 'plain.json', '--md', 'plain.md').status).toBe(0);
    const r = detente('report', 'bom.json', '--md', 'bom.md');
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(readFileSync(join(tmp, 'bom.md'), 'utf8')).toBe(readFileSync(join(tmp, 'plain.md'), 'utf8'));
  });

  it('takes --seed and --rounds for a scenario, and a bundled scenario by name', () => {
    expect(detente('report', fixture, '--seed', '9', '--rounds', '4', '--md', 'c.md').status).toBe(0);
    expect(readFileSync(join(tmp, 'c.md'), 'utf8')).toContain('seed 9, 4 rounds (Jan 2015 – Apr 2015)');
    expect(detente('report', 'us-china-2015', '--md', 'd.md').status).toBe(0);
    expect(readFileSync(join(tmp, 'd.md'), 'utf8')).toContain('Scenario `us-china-2015`, seed 1, 37 rounds');
  });

  it('refuses a saved run whose log goes past its rounds, or whose metrics are not the replayed ones (exit 2, nothing written)', () => {
    expect(detente('run', 'classroom-crisis', '--format', 'json', '--out', 'cc.json').status).toBe(0);
    const saved = () => JSON.parse(readFileSync(join(tmp, 'cc.json'), 'utf8')) as { rounds: number; log: { round: number }[]; metrics: Record<string, unknown>[] };
    expect(detente('report', 'cc.json', '--md', 'ok.md').status).toBe(0);

    const forged = saved();
    forged.log.push({ type: 'inject.applied', round: 99, phase: 'injects', inject: { round: 99, type: 'note', text: 'FORGED NEWS' } } as unknown as { round: number });
    writeFileSync(join(tmp, 'forged.json'), JSON.stringify(forged));
    expectInputError(detente('report', 'forged.json', '--md', 'x.md', '--html', 'x.html'), /forged\.json: 1 problem\n {2}- log\[\d+\]: expected an event of rounds 0–7 .*received 'inject\.applied' of round 99/);

    const cut = saved();
    cut.rounds = 3;
    cut.metrics = cut.metrics.slice(0, 3);
    writeFileSync(join(tmp, 'cut.json'), JSON.stringify(cut));
    expectInputError(detente('report', 'cut.json', '--md', 'x.md', '--html', 'x.html'), /cut\.json: 1 problem\n {2}- log\[\d+\]: expected an event of rounds 0–2 \(the 3 rounds of the run's metrics\)/);

    const wrong = saved();
    wrong.metrics = wrong.metrics.map((m) => ({ ...m, peakRung: 'x' }));
    writeFileSync(join(tmp, 'wrong.json'), JSON.stringify(wrong));
    expectInputError(detente('report', 'wrong.json', '--md', 'x.md', '--html', 'x.html'), /wrong\.json: 8 problems\n {2}- metrics\[0\]\.peakRung: expected \d, the peakRung of round 0 in the replayed log, received "x"/);
    expect(existsSync(join(tmp, 'x.md')) || existsSync(join(tmp, 'x.html'))).toBe(false);
  });

  it('prints its help', () => {
    const r = detente('report', '--help');
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('detente report <run.json | game.json | scenario> [options]');
    expect(detente('--help').stdout).toContain('detente report <run.json | game.json | scenario>');
  });

  it('refuses bad input with exit code 2 and a clear message, writing nothing', () => {
    expectInputError(detente('report', fixture), /report needs --html FILE and\/or --md FILE/);
    expectInputError(detente('report', '--html', 'x.html'), /report needs a saved run \(run\.json\), a saved game \(detente play --save\) or a scenario/);
    expectInputError(detente('report', fixture, '--html', 'x.html', '--rounds', '0'), /--rounds must be a whole number from 1 to 100000, not '0'/);
    expectInputError(detente('report', fixture, '--html', 'same', '--md', 'same'), /--html and --md must be different files/);
    expectInputError(detente('report', 'missing.json', '--html', 'x.html'), /missing\.json: 1 problem\n {2}- \(file\): expected an existing saved run/);
    expectInputError(detente('report', 'missing.yaml', '--html', 'x.html'), /expected an existing scenario file/);
    expectInputError(detente('report', fixture, '--html', 'x.html', '--colour'), /Unknown option '--colour'/);
    writeFileSync(join(tmp, 'old.json'), JSON.stringify({ scenario: 'duel', seed: 3, rounds: 0, log: [], metrics: [], dyads: [] }));
    expectInputError(detente('report', 'old.json', '--html', 'x.html'), /old\.json: 1 problem\n {2}- document: expected the scenario document/);
    writeFileSync(join(tmp, 'broken.json'), '{"log": [}');
    expectInputError(detente('report', 'broken.json', '--html', 'x.html'), /broken\.json: 1 problem\n {2}- line 1, column 10: expected valid JSON/);
    const saved = JSON.parse(readFileSync(join(tmp, 'run.json'), 'utf8')) as { log: { type: string; suspect?: string }[] };
    const tampered = saved.log.find((e) => e.type === 'incident.detected');
    if (tampered) tampered.suspect = tampered.suspect === 'US' ? 'CN' : 'US';
    writeFileSync(join(tmp, 'tampered.json'), JSON.stringify(saved));
    expectInputError(detente('report', 'tampered.json', '--html', 'x.html'), /tampered\.json: 1 problem\n {2}- log: expected the event log of scenario 'duel' with seed 3, received replay diverged/);
    expectInputError(detente('report', 'run.json', '--html', 'x.html', '--seed', '2'), /--seed and --rounds apply to a scenario/);
    expect(existsSync(join(tmp, 'x.html'))).toBe(false);
  });
});
