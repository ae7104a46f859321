import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseScenario, replay, simulate, validateAction } from '../../src/index.js';
import type { Response, Scenario } from '../../src/index.js';
import {
  actionCommand,
  describeTurn,
  legalOptions,
  parseCommand,
  PLAY_EN,
  PlayError,
  PlayGame,
  requestLine,
  resumeGame,
  saveGame,
  validationWorld,
} from '../../src/play/index.js';
import type { SavedGame, Turn } from '../../src/play/index.js';

const duel: Scenario = parseScenario(readFileSync(resolve(import.meta.dirname, '../e2e/fixtures/duel.yaml'), 'utf8'), { source: 'duel.yaml' });

/** Plays the game with a script: for each human turn, the option number to take (0 = pass). */
function playScript(game: PlayGame, choices: readonly number[], stopAfter = Infinity): number {
  let k = 0;
  while (game.turn && k < stopAfter) {
    const turn: Turn = game.turn;
    const options = legalOptions(turn);
    const pick = options.length === 0 ? 0 : (choices[k % Math.max(1, choices.length)] ?? 0) % (options.length + 1);
    k++;
    if (pick > 0) {
      const parsed = parseCommand(String(pick), turn);
      if (!parsed.ok) throw new Error(parsed.message);
      if (parsed.command.kind === 'answer') expect(game.answer(parsed.command.response)).toBeNull();
      else if (parsed.command.kind === 'action') {
        expect(game.queue(parsed.command.action)).toBeNull();
        game.finishTurn();
      }
    } else if (turn.request) game.answer({ type: 'ignore' });
    else game.finishTurn();
  }
  return k;
}

function turnAt(game: PlayGame, round: number, phase: Turn['phase']): Turn {
  while (game.turn && !(game.turn.round === round && game.turn.phase === phase)) {
    if (game.turn.request) game.answer({ type: 'ignore' });
    else game.finishTurn();
  }
  if (!game.turn) throw new Error('game ended');
  return game.turn;
}

describe('a game session', () => {
  it('with a human who always passes, gives the log of a run where that actor is passive', () => {
    const game = PlayGame.start({ scenario: duel, humans: ['US'] });
    playScript(game, [0]);
    expect(game.finished).toBe(true);
    const run = simulate(duel.spec, { seed: duel.seed, rounds: duel.rounds, strategies: { US: 'passive' } });
    expect(JSON.stringify(game.run.log)).toBe(JSON.stringify(run.log));
    expect(game.roundsPlayed).toBe(10);
  });

  it('replays from its log alone, human decisions included', () => {
    const game = PlayGame.start({ scenario: duel, humans: ['US'] });
    playScript(game, [1, 2, 0, 3, 1, 4]);
    expect(game.run.log.some((e) => e.type === 'decision.made' && e.actor === 'US')).toBe(true);
    const world = replay(game.run.initial, game.run.log);
    expect(world.round).toBe(game.run.world.round);
    expect(Array.from(world.dyads.trustS)).toEqual(Array.from(game.run.world.dyads.trustS));
  });

  it('names an unknown human actor with a did-you-mean, and matches ids case-insensitively', () => {
    expect(() => PlayGame.start({ scenario: duel, humans: ['UK'] })).toThrow(/no actor 'UK'.*did you mean US/);
    expect(() => PlayGame.start({ scenario: duel, humans: [] })).toThrow(PlayError);
    expect(PlayGame.start({ scenario: duel, humans: ['us', 'cn'] }).humans).toEqual(['US', 'CN']);
  });
});

describe('what an actor knows', () => {
  it('shows incidents with top suspect and confidence, trust, escalation, agreements and threats', () => {
    const game = PlayGame.start({ scenario: duel, humans: ['US'] });
    const turn = turnAt(game, 9, 'diplomacy');
    const text = describeTurn(turn).join('\n');
    expect(text).toMatch(/\[1\] inc:US:\d+:\d+: espionage against your networks, severity 3/);
    expect(text).toMatch(/top suspect CN \(\d+% sure\), false alarm \d+%/);
    expect(text).toMatch(/Your trust in the others .*: APT 0\.\d\d · CN 0\.\d\d/);
    expect(text).toMatch(/with CN: L\d [a-zé ]+; their score \d+\.\d/);
    expect(text).toMatch(/\[1\] ag:4:\d with CN: hotline; no-commercial-theft \(since round 4\)/);
    expect(text).toContain('US threatens CN with economic sanctions unless: stop commercial cyber-theft');
  });

  it('does not reveal a proxy sponsor to others, but shows it to the sponsor', () => {
    const us = turnAt(PlayGame.start({ scenario: duel, humans: ['US'] }), 0, 'operations');
    expect(legalOptions(us).some((o) => o.command.includes('via'))).toBe(false);
    const cn = turnAt(PlayGame.start({ scenario: duel, humans: ['CN'] }), 0, 'operations');
    expect(legalOptions(cn).map((o) => o.command)).toContain('operate US espionage via APT');
    expect(legalOptions(cn).some((o) => o.command.startsWith('operate APT'))).toBe(false);
  });
});

describe('typed commands', () => {
  const game = PlayGame.start({ scenario: duel, humans: ['US'] });
  const early = turnAt(game, 1, 'diplomacy');

  it('reads an action with numbered incidents and case-insensitive actors', () => {
    const g = PlayGame.start({ scenario: duel, humans: ['US'] });
    const turn = turnAt(g, 9, 'diplomacy');
    const p = parseCommand('accuse cn public 1', turn);
    expect(p).toEqual({ ok: true, command: { kind: 'action', action: { type: 'accuse', target: 'CN', incident: turn.view.incidents[0]?.id, public: true }, text: 'accuse cn public 1' } });
    const formal = parseCommand('accuse CN formal 1', turn);
    expect(formal.ok && formal.command.kind === 'action' && formal.command.action).toMatchObject({ public: true, formal: true });
    expect(parseCommand('hotline CN 1', turn).ok).toBe(true);
  });

  it('explains mistakes: unknown command, wrong target, missing field, hotline without a hotline, wrong phase', () => {
    const g = PlayGame.start({ scenario: duel, humans: ['US'] });
    const turn = turnAt(g, 2, 'diplomacy');
    const msg = (line: string, t: Turn = turn) => {
      const p = parseCommand(line, t);
      if (p.ok) throw new Error(`expected '${line}' to be refused`);
      return p.message;
    };
    expect(msg('acuse CN public 1')).toMatch(/Unknown command 'acuse'\. Did you mean 'accuse'\?/);
    expect(msg('sanction CM economic')).toMatch(/No actor 'CM'\. Did you mean CN\? Actors: APT, CN, US\./);
    expect(msg('sanction CN')).toMatch(/Missing <sanction measure>\. Usage: sanction <actor> economic\|indictment/);
    expect(msg('sanction CN money')).toMatch(/'money' is not a sanction measure: use economic or indictment/);
    expect(msg('sanction US economic')).toMatch(/Not allowed: an actor cannot target itself/);
    expect(msg('accuse CN public 7')).toMatch(/No incident '7' of yours|no incident to refer to/);
    expect(msg('adopt z')).toMatch(/No norm 'z'/);
    expect(msg('operate CN espionage')).toMatch(/'operate' belongs to the operations phase/);
    expect(msg('99')).toMatch(/There is no option 99: the options go from 1 to \d+/);
    expect(msg('done now')).toMatch(/Unexpected 'now'/);
    // A deadline may be 0 (decide this round): the options' "from 1" was wrong for it.
    expect(msg('propose CN hotline deadline -3')).toBe('There is no deadline -3: a deadline is a whole number of rounds from 0 to 1000.');
  });

  it('refuses a hotline query where there is no hotline yet (the summit of round 4 creates it)', () => {
    let found: Turn | undefined;
    for (let seed = 1; seed <= 30 && !found; seed++) {
      const g = PlayGame.start({ scenario: duel, humans: ['US'], seed, rounds: 4 });
      for (let r = 0; r < 4 && !found; r++) {
        const t = turnAt(g, r, 'diplomacy');
        if (t.view.incidents.length > 0) found = t;
      }
    }
    if (!found) throw new Error('no seed gives US an incident before the hotline exists');
    const p = parseCommand('hotline CN 1', found);
    expect(p.ok).toBe(false);
    expect(!p.ok && p.message).toMatch(/^Not allowed: no hotline between US and CN\. Usage: hotline <actor> <incident>/);
  });

  it('reads meta commands and answers', () => {
    for (const [line, kind] of [['done', 'done'], ['pass', 'pass'], ['?', 'help'], ['help', 'help'], ['actions', 'actions'], ['status', 'status'], ['undo', 'undo'], ['quit', 'quit'], ['', 'empty']] as const) {
      const p = parseCommand(line, early);
      expect(p.ok && p.command.kind).toBe(kind);
    }
    expect(parseCommand('save game.json', early)).toEqual({ ok: true, command: { kind: 'save', file: 'game.json' } });
  });

  it('every queued action reads back from its command', () => {
    const g = PlayGame.start({ scenario: duel, humans: ['US'] });
    const turn = turnAt(g, 9, 'diplomacy');
    for (const o of legalOptions(turn)) {
      const p = parseCommand(o.command, turn);
      if (!p.ok || p.command.kind !== 'action') throw new Error(o.command);
      const again = parseCommand(actionCommand(p.command.action), turn);
      expect(again.ok && again.command.kind === 'action' && again.command.action).toEqual(p.command.action);
    }
  });
});

describe('legal options (property)', () => {
  it('every listed option parses to an action validateAction accepts, and the engine never rejects it', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 40 }), fc.array(fc.nat(30), { minLength: 1, maxLength: 12 }), fc.constantFrom(['US'], ['CN'], ['APT'], ['US', 'CN']), (seed, choices, humans) => {
        const game = PlayGame.start({ scenario: duel, humans, seed, rounds: 6 });
        let k = 0;
        while (game.turn) {
          const turn = game.turn;
          const options = legalOptions(turn);
          for (const o of options) {
            const p = parseCommand(o.command, turn);
            if (!p.ok) throw new Error(`option '${o.command}' does not parse: ${p.message}`);
            if (p.command.kind === 'action') expect(validateAction(validationWorld(turn.view), turn.actor, turn.phase, p.command.action)).toBeNull();
          }
          const pick = (choices[k++ % choices.length] ?? 0) % (options.length + 1);
          const p = pick > 0 ? parseCommand(String(pick), turn) : null;
          if (p?.ok && p.command.kind === 'answer') game.answer(p.command.response);
          else if (p?.ok && p.command.kind === 'action') {
            expect(game.queue(p.command.action)).toBeNull();
            game.finishTurn();
          } else if (turn.request) game.answer({ type: 'ignore' });
          else game.finishTurn();
        }
        const rejected = game.run.log.filter((e) => e.type === 'action.rejected' && (humans as readonly string[]).includes(e.actor));
        expect(rejected).toEqual([]);
      }),
      { numRuns: 25 },
    );
  });
});

describe('what a player is told', () => {
  it('tells a player that the engine refused one of its actions (talks the other side opened in the same phase)', () => {
    const game = PlayGame.start({ scenario: duel, humans: ['US', 'CN'] });
    turnAt(game, 0, 'diplomacy');
    while (game.turn?.phase === 'diplomacy') {
      expect(game.queue({ type: 'propose-talks', target: game.turn.actor === 'US' ? 'CN' : 'US', terms: [{ kind: 'hotline' }] })).toBeNull();
      game.finishTurn();
    }
    turnAt(game, 1, 'operations');
    const rejected = game.run.log.filter((e) => e.type === 'action.rejected');
    expect(rejected).toHaveLength(1);
    const loser = rejected[0]!.type === 'action.rejected' ? rejected[0]!.actor : '';
    while (game.turn?.actor !== loser) game.finishTurn();
    expect(describeTurn(game.turn)).toContainEqual(expect.stringMatching(new RegExp(`^  \\(${loser}'s action was rejected: talks between \\w+ and \\w+ are already under way`)));
  });
});

describe('terms as the engine applies them', () => {
  it('an assistance term without its rounds shows the scenario’s assistance deadline, not 1', () => {
    const scenario = parseScenario(
      [
        'name: assistance-deadline',
        'rounds: 2',
        'mechanisms: { assistance: { deadline: 3 } }',
        'actors:',
        '  - { id: US, capabilities: us, strategy: tit-for-tat }',
        '  - { id: CN, capabilities: china, strategy: tit-for-tat }',
        'agreements:',
        '  - { parties: [US, CN], terms: [{ kind: assistance }, { kind: assistance, rounds: 1 }] }',
      ].join('\n'),
    );
    const game = PlayGame.start({ scenario, humans: ['US', 'CN'] });
    expect(describeTurn(game.turn!)).toContainEqual(expect.stringMatching(/^  \[1\] ag:init:0 with (CN|US): assistance within 3 rounds; assistance within 1 round \(since round 0\)$/));
    // An offer in talks, as the other side reads it.
    turnAt(game, 0, 'diplomacy');
    while (game.turn?.phase === 'diplomacy') {
      if (game.turn.actor === 'US') expect(game.queue({ type: 'propose-talks', target: 'CN', terms: [{ kind: 'assistance' }] })).toBeNull();
      game.finishTurn();
    }
    expect(game.turn?.actor).toBe('CN');
    expect(requestLine(game.turn!.request!, PLAY_EN, game.turn!.view.mechanisms)).toMatch(/^  offer in talks from US: offers assistance within 3 rounds /);
  });
});

describe('calls that do not fit the turn', () => {
  it('say that the turn asks for an answer, or that the game is over (not that answers come later)', () => {
    const game = PlayGame.start({ scenario: duel, humans: ['CN'], rounds: 3 });
    while (game.turn && !game.turn.request) {
      if (game.turn.phase === 'operations') expect(game.queue({ type: 'operate', target: 'US', kind: 'espionage' })).toBeNull();
      game.finishTurn();
    }
    expect(game.turn?.phase).toBe('responses');
    expect(game.queue({ type: 'pass' })).toBe('Responses: answer what was addressed to you.');
    expect(() => game.finishTurn()).toThrow(new PlayError('Responses: answer what was addressed to you.'));
    playScript(game, [0]);
    expect(game.finished).toBe(true);
    expect(game.queue({ type: 'pass' })).toBe('This game is already over.');
    expect(() => game.finishTurn()).toThrow(new PlayError('This game is already over.'));
    expect(game.answer({ type: 'ignore' })).toBe('This game is already over.');
  });
});

describe('save and resume', () => {
  const script = [3, 1, 0, 2, 5, 1, 4, 0, 2, 6, 1, 3];

  it('a game saved mid-way and resumed continues exactly as if uninterrupted', () => {
    const whole = PlayGame.start({ scenario: duel, humans: ['US'] });
    const total = playScript(whole, script);
    for (const k of [0, 5, Math.floor(total / 2), total - 1]) {
      const first = PlayGame.start({ scenario: duel, humans: ['US'] });
      playScript(first, script, k);
      const saved = JSON.parse(JSON.stringify(saveGame(first))) as unknown;
      const resumed = resumeGame(saved);
      expect(resumed.decisions.length).toBe(first.decisions.length);
      // The rest of the script, from where it stopped.
      playScript(resumed, [...script.slice(k % script.length), ...script.slice(0, k % script.length)]);
      expect(JSON.stringify(resumed.run.log)).toBe(JSON.stringify(whole.run.log));
      expect(saveGame(resumed).progress.logHash).toBe(saveGame(whole).progress.logHash);
    }
  });

  it('hot-seat: a save between two players of one phase keeps the first player’s decision and queued actions', () => {
    const whole = PlayGame.start({ scenario: duel, humans: ['US', 'CN'] });
    turnAt(whole, 2, 'operations');
    const part = PlayGame.start({ scenario: duel, humans: ['US', 'CN'] });
    turnAt(part, 2, 'operations');
    for (const g of [whole, part]) {
      expect(g.turn?.actor).toBe('CN');
      expect(g.queue({ type: 'operate', target: 'US', kind: 'espionage' })).toBeNull();
      g.finishTurn();
      expect(g.turn?.actor).toBe('US');
      expect(g.queue({ type: 'operate', target: 'CN', kind: 'espionage' })).toBeNull();
    }
    const resumed = resumeGame(JSON.parse(JSON.stringify(saveGame(part))));
    expect(resumed.turn?.actor).toBe('US');
    expect(resumed.queued).toEqual([{ type: 'operate', target: 'CN', kind: 'espionage' }]);
    for (const g of [whole, resumed]) {
      g.finishTurn();
      playScript(g, [0]);
    }
    expect(JSON.stringify(resumed.run.log)).toBe(JSON.stringify(whole.run.log));
  });

  it('fails clearly when the save is not a game, was tampered with, or its scenario no longer replays', () => {
    const game = PlayGame.start({ scenario: duel, humans: ['US'] });
    playScript(game, script, 8);
    const saved = saveGame(game);
    expect(() => resumeGame({ hello: 1 }, { source: 'x.json' })).toThrow(/x\.json is not a saved Détente game: "format" must be "detente-play"/);
    expect(() => resumeGame({ ...saved, progress: { ...saved.progress, logHash: '0000000000000000' } })).toThrow(/does not replay.*hash/);
    // An edited number of rounds beyond the format's limit would set the game going for ever.
    expect(() => resumeGame({ ...saved, rounds: 1e15 })).toThrow(/"rounds" must be a whole number from 1 to 100,000/);
    const changed = { ...saved, scenario: { ...saved.scenario, actors: saved.scenario.actors.map((a) => (a.id === 'CN' ? { ...a, strategy: 'hawk' } : a)) } };
    expect(() => resumeGame(changed)).toThrow(PlayError);
    expect(() => resumeGame({ ...saved, decisions: [...saved.decisions, ...saved.decisions] })).toThrow(/does not replay/);
  });

  it('refuses a field that is a near miss of one the save lacks (settngs: the what-if was lost), and leaves others unread', () => {
    const game = PlayGame.start({ scenario: duel, humans: ['US'] });
    playScript(game, script, 2);
    const saved = saveGame(game);
    expect(() => resumeGame({ ...saved, settngs: { 'mechanisms.detection.scale': 2 } }, { source: 'game.json' })).toThrow(/game\.json is not a saved Détente game: "settngs" is not a field of a saved game; did you mean "settings"\?/);
    // Shown, not executed, on the player's terminal.
    expect(() => resumeGame({ ...saved, 'settings\u001b': 1 }, { source: 'game.json' })).toThrow(/"settings<U\+001B>" is not a field/);
    // A note of the teacher's, or a field a later version adds, is no near miss of an absent field.
    expect(resumeGame({ ...saved, note: 'class 3B' }).turn?.actor).toBe(game.turn?.actor);
  });

  it('refuses a save edited to hold a control character (it would reach every player’s terminal)', () => {
    const ESC = '\u001b';
    const game = PlayGame.start({ scenario: duel, humans: ['US'] });
    turnAt(game, 1, 'diplomacy');
    expect(game.queue({ type: 'threaten-sanctions', target: 'CN', measure: 'economic', unless: 'stop' })).toBeNull();
    const saved = JSON.parse(JSON.stringify(saveGame(game))) as SavedGame;
    const edited = (change: (d: { -readonly [K in keyof SavedGame]: unknown }) => void) => {
      const d = structuredClone(saved) as { -readonly [K in keyof SavedGame]: unknown };
      change(d);
      return () => resumeGame(d, { source: 'game.json' });
    };
    const unless = `stop${ESC}]8;;http://evil.example/${ESC}\\`;
    expect(edited((d) => (d.queued = [{ type: 'threaten-sanctions', target: 'CN', measure: 'economic', unless }]))).toThrow(
      'game.json is not a saved Détente game: "queued[0].unless" holds a control character (U+001B at character 5)',
    );
    // The seed is printed in the game's heading; before any round draws, a new seed replays.
    const fresh = saveGame(PlayGame.start({ scenario: duel, humans: ['US'] }));
    expect(() => resumeGame({ ...fresh, seed: `x${ESC}[2J` }, { source: 'game.json' })).toThrow(/"seed" holds a control character \(U\+001B at character 2\)/);
    expect(() => resumeGame({ ...fresh, seed: 'a\u202eb' }, { source: 'game.json' })).toThrow(/"seed" holds a control character \(U\+202E/);
    const k = saved.decisions.findIndex((d) => d.phase === 'operations');
    expect(edited((d) => ((d.decisions as { actions: unknown[] }[])[k]!.actions = [{ type: 'operate', target: `CN${ESC}[2J`, kind: 'espionage' }]))).toThrow(
      `"decisions[${k}].actions[0].target" holds a control character (U+001B at character 3)`,
    );
    // Printed in the message of a save that does not replay.
    expect(edited((d) => (d.progress = { ...saved.progress, logHash: `${ESC}[31m` }))).toThrow('"progress.logHash" holds a control character (U+001B at character 1)');
    expect(edited((d) => (d.progress = { ...saved.progress, turn: { ...saved.progress.turn, actor: `US${ESC}[2J` } }))).toThrow('"progress.turn.actor" holds a control character');
    // A line end or a tab is text, as in a scenario; the saved game resumes.
    expect(edited((d) => (d.queued = [{ type: 'threaten-sanctions', target: 'CN', measure: 'economic', unless: 'stop\tthe theft' }]))().queued).toHaveLength(1);
  });

  it('names the field of the save for a seed or players that PlayGame.start would refuse (not --as, which nobody typed)', () => {
    const fresh = saveGame(PlayGame.start({ scenario: duel, humans: ['US'] }));
    const resume = (change: Partial<Record<keyof SavedGame, unknown>>) => () => resumeGame({ ...fresh, ...change }, { source: 'game.json' });
    expect(resume({ seed: '' })).toThrow('game.json is not a saved Détente game: "seed" must be a non-empty text or a finite number');
    // 1e400 in the JSON text reads as Infinity.
    expect(() => resumeGame(JSON.parse(JSON.stringify(fresh).replace('"seed":3,"rounds"', '"seed":1e400,"rounds"')), { source: 'game.json' })).toThrow('game.json is not a saved Détente game: "seed" must be');
    expect(resume({ humans: [] })).toThrow('game.json is not a saved Détente game: "humans" must be a non-empty list of actor ids');
    expect(resume({ humans: ['UK'] })).toThrow('game.json is not a saved Détente game: "humans[0]" is "UK", not an actor of the saved scenario (actors: APT, CN, US)');
    expect(resume({ humans: ['US', 'us'] })).toThrow('game.json is not a saved Détente game: "humans" names US twice');
    expect(resume({ humans: ['U\u001b[2JS'] })).toThrow('"humans[0]" holds a control character (U+001B at character 2)');
    // Ids are matched as --as matches them.
    expect(resumeGame({ ...fresh, humans: ['us'] }).humans).toEqual(['US']);
  });

  it('resumes a save that queues many actions in linear time (each action copied the whole queue)', () => {
    const game = PlayGame.start({ scenario: duel, humans: ['US'] });
    turnAt(game, 0, 'diplomacy');
    const saved = saveGame(game);
    const many = Array.from({ length: 40_000 }, () => ({ type: 'adopt-norm', norm: 'gge15.f' }) as const);
    const started = performance.now();
    const resumed = resumeGame({ ...saved, queued: many });
    expect(resumed.queued).toHaveLength(40_000);
    expect(performance.now() - started).toBeLessThan(4000); // quadratic: about 30 s
  });

  it('queue() refuses a control character in an action, as a typed line is refused', () => {
    const game = PlayGame.start({ scenario: duel, humans: ['US'] });
    turnAt(game, 0, 'diplomacy');
    expect(game.queue({ type: 'threaten-sanctions', target: 'CN', measure: 'economic', unless: 'stop\u001b[2J' })).toMatch(/control character \(U\+001B\)/);
    expect(game.queued).toEqual([]);
    // So a game played through the API always resumes.
    expect(game.queue({ type: 'threaten-sanctions', target: 'CN', measure: 'economic', unless: 'stop\nnow' })).toBeNull();
    expect(resumeGame(JSON.parse(JSON.stringify(saveGame(game)))).queued).toHaveLength(1);
  });

  it('answer() refuses a control character in an answer (a field the engine does not read is still saved)', () => {
    const game = PlayGame.start({ scenario: duel, humans: ['CN'], rounds: 3 });
    while (game.turn && !game.turn.request) {
      if (game.turn.phase === 'operations') game.queue({ type: 'operate', target: 'US', kind: 'espionage' });
      game.finishTurn();
    }
    expect(game.turn?.request).toBeDefined();
    const answer = { type: 'deny', note: 'x\u001b[2J' } as unknown as Response;
    expect(game.answer(answer)).toMatch(/control character \(U\+001B\)/);
    expect(game.decisions.filter((d) => d.phase === 'responses')).toEqual([]);
    expect(game.answer({ type: 'deny' })).toBeNull();
    expect(resumeGame(JSON.parse(JSON.stringify(saveGame(game)))).decisions).toHaveLength(game.decisions.length);
  });
});
