// What a student sees each turn: news told once (not again at the next round's operations turn),
// typed lines with control characters refused (they would reach the other player's screen, the
// save and the reports), and counts in the singular.
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseScenario } from '../../src/index.js';
import { describeTurn, parseCommand, PLAY_EN, PlayGame } from '../../src/play/index.js';
import type { Turn } from '../../src/play/index.js';
import type { PlayText } from '../../src/text/play.en.js';
import { cli, cliHarness, duelFixture } from '../helpers/cli.js';

const { tmp } = cliHarness('detente-student-screen-');

const notes = parseScenario({
  name: 'notes',
  rounds: 4,
  actors: [
    { id: 'A', strategy: 'passive' },
    { id: 'B', strategy: 'passive' },
  ],
  injects: [0, 1, 2, 3].map((r) => ({ round: r, type: 'note', text: `Note of round ${r}` })),
});

describe('the news of a turn', () => {
  it('is told once: an inject at its own round, what followed the diplomacy turn at the next operations turn', () => {
    const game = PlayGame.start({ scenario: notes, humans: ['A'] });
    const told: string[] = [];
    while (game.turn) {
      const turn: Turn = game.turn;
      const news = describeTurn(turn).filter((l) => l.startsWith('  ') && !l.startsWith('   '));
      told.push(...news.map((l) => `${turn.round} ${turn.phase}:${l.trim()}`));
      if (turn.request) game.answer({ type: 'ignore' });
      else {
        if (turn.phase === 'diplomacy' && turn.round === 1) expect(game.queue({ type: 'sanction', target: 'B', measure: 'economic' })).toBeNull();
        game.finishTurn();
      }
    }
    for (const r of [0, 1, 2, 3]) expect(told.filter((l) => l.endsWith(`📰 Note of round ${r}`))).toEqual([`${r} operations:📰 Note of round ${r}`]);
    expect(told.filter((l) => l.includes('A imposed economic sanctions on B.'))).toEqual(['2 operations:A imposed economic sanctions on B.']);
  });
});

describe('a typed line', () => {
  const game = PlayGame.start({ scenario: notes, humans: ['A'] });
  game.finishTurn();
  const turn = game.turn as Turn;

  it('with a control character is refused with a message that does not echo it', () => {
    expect(turn.phase).toBe('diplomacy');
    for (const line of ['threaten B economic unless \u001b[2Jnow', 'threaten B economic unless a\rb', 'threaten B economic unless \u202Eevil', 'pass\u0007']) {
      const parsed = parseCommand(line, turn);
      expect(parsed.ok).toBe(false);
      if (!parsed.ok) {
        expect(parsed.message).toMatch(/^That line holds a control character \(U\+(001B|000D|202E|0007)\)/);
        expect(parsed.message).not.toMatch(/[\u0000-\u001f\u202e]/);
      }
    }
  });

  it('of ordinary text, emoji and other scripts is taken', () => {
    const parsed = parseCommand('threaten B economic unless stop 🚀 漢字 now', turn);
    expect(parsed.ok && parsed.command.kind === 'action' && parsed.command.action).toEqual({ type: 'threaten-sanctions', target: 'B', measure: 'economic', unless: 'stop 🚀 漢字 now' });
  });

  it('at the terminal: neither the echo of piped input nor the other player’s screen carries the characters', () => {
    const lines = ['pass', 'pass', 'pass', 'threaten CN economic unless \u001b[2J\u001b]8;;http://evil.example/\u001b\\click', 'done', ...Array<string>(40).fill('pass')];
    const r = spawnSync(process.execPath, [cli, 'play', duelFixture, '--as', 'US,CN', '--rounds', '2'], { encoding: 'utf8', cwd: tmp, input: lines.map((l) => `${l}\n`).join('') });
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('US r0 diplomacy> threaten CN economic unless <U+001B>[2J<U+001B>]8;;http://evil.example/<U+001B>\\click\nThat line holds a control character (U+001B)');
    expect(r.stdout).not.toMatch(/[\u0000-\u0009\u000b-\u001f]/);
  });
});

describe('the game’s counts', () => {
  it('are in the singular for one round and one other actor', () => {
    expect(PLAY_EN.gameStart('Duel', '1', 1, 'US', 'CN')).toBe('Duel — seed 1, 1 round. You play US; CN follows its strategy.');
    expect(PLAY_EN.gameStart('Duel', '1', 2, 'US', 'CN, APT')).toBe('Duel — seed 1, 2 rounds. You play US; CN, APT follow their strategies.');
    expect(PLAY_EN.gameOver(1)).toBe('Game over. Summary after 1 round:');
  });
});

describe('a forum', () => {
  it('without a name of its own is shown by its id alone', () => {
    const scenario = parseScenario({ name: 'forum', rounds: 2, actors: [{ id: 'A', strategy: 'passive' }, { id: 'B', strategy: 'passive' }], forums: [{ id: 'gge', members: ['A', 'B'] }, { id: 'osce', name: '', members: ['A', 'B'] }, { id: 'un', name: 'United Nations', members: ['A', 'B'] }] });
    const lines = describeTurn(PlayGame.start({ scenario, humans: ['A'] }).turn as Turn).filter((l) => l.startsWith('Forum '));
    expect(lines.map((l) => l.replace(/:.*/, ''))).toEqual(['Forum gge', 'Forum osce', 'Forum un (United Nations)']);
  });
});

describe('an incident in the list', () => {
  it('names what was hit in words', () => {
    expect(PLAY_EN.incident(1, 'inc:US:3:0', 'degradation', 'critical-infrastructure', 5, 3)).toBe('  [1] inc:US:3:0: degradation against your critical infrastructure, severity 5, detected in round 3');
    expect(PLAY_EN.incident(2, 'inc:US:4:0', 'disruption', 'cert', 2, 4)).toContain('disruption against your CERT,');
    expect(PLAY_EN.incident(3, 'inc:US:5:0', 'espionage', 'networks', 3, 5)).toContain('espionage against your networks,');
  });
});

describe('scenario text written over several lines', () => {
  it('is one line of the screen in a threat and a forum name', () => {
    expect(PLAY_EN.threat('US', 'CN', 'economic', 'stop\ncommercial theft\n')).toBe('  US threatens CN with economic sanctions unless: stop commercial theft');
    expect(PLAY_EN.forumLine('un', 'United\nNations', true)).toBe('Forum un (United Nations): in session this round');
  });
});

describe('who sponsors whom, on the screens of the two who know it', () => {
  const duel = parseScenario(readFileSync(duelFixture, 'utf8'), { source: 'duel.yaml' });
  const firstScreen = (actor: string, text?: PlayText) => {
    const game = PlayGame.start({ scenario: duel, humans: [actor], rounds: 1 });
    return describeTurn(game.turn as Turn, text);
  };

  it("tells the proxy its sponsor and the sponsor its proxy (docs/play.md: hidden from everyone but the two of them)", () => {
    expect(firstScreen('APT')).toContain('Your sponsor: CN. You act for it in secret: only you and CN know.');
    expect(firstScreen('CN')).toContain('Your proxy: APT (operate … via APT). It acts for you in secret: only you and APT know.');
  });

  it('tells no one else', () => {
    const us = firstScreen('US').join('\n');
    expect(us).not.toMatch(/sponsor|prox/i);
  });

  it('a catalogue written before these words gets the English ones', () => {
    const { yourSponsor: _a, yourProxies: _b, ...older } = PLAY_EN;
    const before: PlayText = older;
    expect(firstScreen('APT', before)).toEqual(firstScreen('APT'));
    expect(firstScreen('CN', { ...before, yourProxies: (p) => `Vos mandataires : ${p.join(', ')}` })).toContain('Vos mandataires : APT');
  });
});
