import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatSummary, narrateRun, parseScenario, roundDate, simulate } from '../../src/index.js';
import { PlayGame } from '../../src/play/index.js';

const dir = resolve(import.meta.dirname, '../../scenarios');
const files = readdirSync(dir).filter((f) => f.endsWith('.yaml')).sort();

describe('bundled scenarios', () => {
  it('include the library of issue 4', () => {
    expect(files).toEqual(
      expect.arrayContaining(['us-china-2015.yaml', 'working-group-2013.yaml', 'gge-2015.yaml', 'cyber-cold-war.yaml', 'false-flag.yaml', 'false-flag-hotline.yaml', 'classroom-crisis.yaml']),
    );
  });

  it.each(files)('%s parses, is named after its file, runs all its rounds deterministically and has a sourced note', (file) => {
    const text = readFileSync(join(dir, file), 'utf8');
    expect(text.startsWith('# yaml-language-server: $schema=./scenario.schema.json\n')).toBe(true);
    const s = parseScenario(text, { source: file });
    expect(s.name).toBe(file.replace(/\.yaml$/, ''));
    for (const field of ['title', 'description', 'rounds', 'calendar', 'seed'] as const) expect(s.document[field], field).toBeDefined();
    const a = simulate(s.spec, { seed: s.seed, rounds: s.rounds });
    const b = simulate(s.spec, { seed: s.seed, rounds: s.rounds });
    expect(a.metrics).toHaveLength(s.rounds);
    expect(JSON.stringify(a.log)).toBe(JSON.stringify(b.log));
    expect(JSON.stringify(a.metrics)).toBe(JSON.stringify(b.metrics));
    const note = join(dir, file.replace(/\.yaml$/, '.md'));
    expect(existsSync(note), `${note} exists`).toBe(true);
    expect(readFileSync(note, 'utf8')).toMatch(/Sources/);
  });

  it('the classroom crisis is an 8-round exercise with learning goals and debrief questions', () => {
    const s = parseScenario(readFileSync(join(dir, 'classroom-crisis.yaml'), 'utf8'));
    expect(s.rounds).toBe(8);
    const states = s.spec.actors.filter((a) => (a.kind ?? 'state') === 'state').length;
    expect(states).toBeGreaterThanOrEqual(3);
    expect(states).toBeLessThanOrEqual(6);
    const note = readFileSync(join(dir, 'classroom-crisis.md'), 'utf8');
    expect(note).toMatch(/Learning goals/i);
    expect(note).toMatch(/Debrief questions/i);
  });

  it("no teaching note hands teams the story with the [hidden] lines taken out: the rest still tells the truth and every actor's secrets", () => {
    for (const file of readdirSync(dir).filter((f) => f.endsWith('.md'))) {
      expect(readFileSync(join(dir, file), 'utf8'), file).not.toMatch(/without the `\[hidden\]` lines/);
    }
    const s = parseScenario(readFileSync(join(dir, 'classroom-crisis.yaml'), 'utf8'));
    const run = simulate(s.spec, { seed: s.seed, rounds: s.rounds });
    // Why: a story without its [hidden] lines still marks the false alarm, and tells each actor's detections.
    const stripped = narrateRun(run).filter((l) => !l.includes('[hidden]'));
    expect(stripped.some((l) => l.includes('[in truth a false alarm]'))).toBe(true);
    // What the note says --no-truth leaves out, and what it still tells.
    const note = readFileSync(join(dir, 'classroom-crisis.md'), 'utf8');
    expect(note).toContain('`detente play classroom-crisis --as NOR,SUD,OST,WES --save crisis.json`');
    expect(note).toContain('`detente run classroom-crisis --no-truth` leaves out exactly what only the engine knows — the covert operations (the `[hidden]` lines), the `[in truth …]` marks, and the closing table\'s columns of operations, misattributions and false alarms (with the line under them)');
    const story = narrateRun(run, { truth: false }).join('\n');
    expect(story).not.toMatch(/\[hidden\]|\[in truth/);
    for (const victim of ['NOR', 'RAN', 'SUD']) expect(story).toContain(`${victim} detected`);
    const table = formatSummary(run, undefined, { truth: false });
    expect(table).not.toMatch(/ops true|misattributed|false alarms/);
    expect(PlayGame.start({ scenario: s, humans: ['NOR', 'SUD', 'OST', 'WES'] }).humans).toEqual(['NOR', 'SUD', 'OST', 'WES']);
  });

  it('the classroom crisis says on which day its council meets: round 6 is day 7', () => {
    const s = parseScenario(readFileSync(join(dir, 'classroom-crisis.yaml'), 'utf8'));
    const day = (s.document.forums?.[0]?.first ?? -1) + 1;
    expect(s.description).toContain(`meets on day ${day} `);
    expect(readFileSync(join(dir, 'classroom-crisis.md'), 'utf8')).toContain(`on day ${day}.`);
    expect(s.document.injects?.find((i) => i.round === day - 1 && i.type === 'note')?.text).toMatch(new RegExp(`^Day ${day}: the regional security council meets`));
  });

  it("us-china-2015's note dates the US's false perceived violation as its seed-1 run does", () => {
    const s = parseScenario(readFileSync(join(dir, 'us-china-2015.yaml'), 'utf8'));
    const run = simulate(s.spec, { seed: s.seed, rounds: s.rounds });
    const perceived = run.log.find((e) => e.type === 'violation.perceived' && e.by === 'US' && e.against === 'CN');
    expect(perceived).toMatchObject({ real: false, commitment: 'no-commercial-theft' });
    const [month, year] = roundDate(s.calendar, perceived?.round ?? 0).split(' ');
    const months = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
    const names = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
    const confidence = Math.round(((perceived as { confidence?: number } | undefined)?.confidence ?? 0) * 100);
    expect(readFileSync(join(dir, 'us-china-2015.md'), 'utf8')).toMatch(new RegExp(`In ${names[months.indexOf(month ?? '')]} ${year}[^.]*the US becomes ${confidence}% sure that China broke its no-commercial-theft`));
  });

  it('working-group-2013 collapses under accusations for its seed: formal accusations and a suspended dialogue', () => {
    const s = parseScenario(readFileSync(join(dir, 'working-group-2013.yaml'), 'utf8'));
    const run = simulate(s.spec, { seed: s.seed, rounds: s.rounds });
    const types = run.log.map((e) => e.type);
    expect(types).toContain('dialogue.suspended');
    expect(run.log.filter((e) => e.type === 'accusation.made').length).toBeGreaterThanOrEqual(1);
    expect(run.log.filter((e) => e.type === 'sanction.imposed').length).toBeGreaterThanOrEqual(2);
  });

  it("working-group-2013's note says what its seed-1 run detects before the indictment", () => {
    const s = parseScenario(readFileSync(join(dir, 'working-group-2013.yaml'), 'utf8'));
    const run = simulate(s.spec, { seed: s.seed, rounds: s.rounds });
    const before = run.log.filter((e) => e.type === 'incident.detected' && e.round < 11);
    expect(before).toEqual([expect.objectContaining({ round: 2, victim: 'US', suspect: 'CN', kind: 'espionage' })]);
    const confidence = Math.round(((before[0] as { confidence?: number } | undefined)?.confidence ?? 0) * 100);
    expect(readFileSync(join(dir, 'working-group-2013.md'), 'utf8')).toContain(`the only intrusion detected is China's theft of August 2013, which the US puts at ${confidence}%`);
    expect(run.log.some((e) => e.type === 'accusation.made' && e.round < 11)).toBe(false);
  });

  it("gge-2015's note says who holds the norms before the vote in its seed-1 run", () => {
    const s = parseScenario(readFileSync(join(dir, 'gge-2015.yaml'), 'utf8'));
    const vote = s.document.forums?.[0]?.first ?? 0;
    const run = simulate(s.spec, { seed: s.seed, rounds: s.rounds });
    const before = new Map<string, number>();
    for (const e of run.log) if (e.type === 'norm.adopted' && e.round < vote) before.set(e.actor, (before.get(e.actor) ?? 0) + 1);
    const ids = s.spec.actors.map((a) => a.id);
    const all = ids.filter((id) => before.get(id) === 11);
    const rest = ids.filter((id) => before.get(id) !== 11).sort();
    for (const id of ids) expect(run.world.norms[id], id).toHaveLength(11);
    expect(run.log.some((e) => e.type === 'forum.failed')).toBe(false);
    const words = ['no', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten', 'eleven', 'twelve', 'thirteen', 'fourteen', 'fifteen', 'sixteen', 'seventeen', 'eighteen', 'nineteen', 'twenty'];
    expect(readFileSync(join(dir, 'gge-2015.md'), 'utf8')).toContain(`${words[all.length] ?? all.length} members hold the eleven norms before it; the other ${words[rest.length] ?? rest.length} (${rest.join(', ')}) adopt them at the vote`);
  });

  it('false-flag and false-flag-hotline differ only by the hotline, and the hotline keeps the rivals below L5 for the seed', () => {
    const plain = parseScenario(readFileSync(join(dir, 'false-flag.yaml'), 'utf8'));
    const hot = parseScenario(readFileSync(join(dir, 'false-flag-hotline.yaml'), 'utf8'));
    expect(hot.document.actors).toEqual(plain.document.actors);
    expect(hot.document.injects).toEqual(plain.document.injects);
    expect(plain.document.agreements).toBeUndefined();
    expect(hot.document.agreements).toEqual([{ parties: ['AZ', 'BV'], terms: [{ kind: 'hotline' }] }]);
    const peak = (s: typeof plain) => {
      const run = simulate(s.spec, { seed: s.seed, rounds: s.rounds });
      const ids = run.world.actors.map((a) => a.id);
      const n = ids.length;
      const a = ids.indexOf('AZ');
      const b = ids.indexOf('BV');
      return Math.max(run.world.dyads.peakRung[a * n + b] ?? 0, run.world.dyads.peakRung[b * n + a] ?? 0);
    };
    expect(peak(plain)).toBe(5);
    expect(peak(hot)).toBeLessThan(5);
  });

  it('gge-2015 has about twenty members with ids of 2–3 capitals in a consensus forum on the eleven norms', () => {
    const s = parseScenario(readFileSync(join(dir, 'gge-2015.yaml'), 'utf8'));
    expect(s.spec.actors.length).toBeGreaterThanOrEqual(15);
    for (const a of s.spec.actors) expect(a.id).toMatch(/^[A-Z]{2,3}$/);
    const forum = s.document.forums?.[0];
    expect(forum?.rule ?? 'consensus').toBe('consensus');
    expect(new Set(forum?.agenda?.flat()).size).toBe(11);
  });
});
