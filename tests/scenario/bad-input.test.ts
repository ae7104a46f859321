import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { encodingIssue } from '../../src/model/bom.js';
import { ScenarioError, parseScenario, readScenarioText } from '../../src/index.js';
import type { ConfigIssue, ScenarioFormat } from '../../src/index.js';

/** The issues of the ScenarioError that parsing `input` throws (fails the test if it does not throw). */
function issuesOf(input: string | unknown, source?: string): readonly ConfigIssue[] {
  try {
    parseScenario(input, source === undefined ? {} : { source });
  } catch (e) {
    expect(e).toBeInstanceOf(ScenarioError);
    const issues = (e as ScenarioError).issues;
    for (const i of issues) {
      expect(i.path.length).toBeGreaterThan(0);
      expect(i.expected.length).toBeGreaterThan(0);
      expect(i.received.length).toBeGreaterThan(0);
    }
    return issues;
  }
  throw new Error('expected a ScenarioError');
}

const find = (issues: readonly ConfigIssue[], path: string) => issues.find((i) => i.path === path);

describe('parseScenario on bad input', () => {
  it('malformed JSON: line and column', () => {
    const [issue, ...rest] = issuesOf('{\n  "name": "x",\n  "rounds": 3,,\n  "actors": []\n}', 'bad.json');
    expect(rest).toHaveLength(0);
    expect(issue?.path).toMatch(/^line 3, column \d+$/);
    expect(issue?.expected).toBe('valid JSON');
  });

  it.each([
    ['a bare word', '{\n  "name": "x",\n  "rounds": twelve,\n  "actors": []\n}', 'line 3, column 14', "Unexpected token 'w'"],
    ['NaN', '{\n  "name": "x",\n  "rounds": NaN\n}', 'line 3, column 13', "Unexpected token 'N'"],
    ['a trailing comma in a list', '{\n  "name": "x",\n  "actors": [{ "id": "A" },]\n}', 'line 3, column 28', "Unexpected token ']'"],
    ['YAML in a .json file', 'name: x\nrounds: 3\n', 'line 1, column 2', "Unexpected token 'a'"],
    ['text after the object', '{ "name": "x" }\n}\n', 'line 2, column 1', 'Unexpected non-whitespace character after JSON'],
    // Columns count characters: the emoji before the error is one column, not its two UTF-16 units.
    ['an emoji before the error', '{"name": "é😀", "r": x}', 'line 1, column 21', "Unexpected token 'x'"],
  ])('malformed JSON, %s: line and column, without the parser\'s quote of the text', (_what, text, path, received) => {
    expect(issuesOf(text, 'bad.json')).toEqual([{ path, expected: 'valid JSON', received }]);
  });

  it('malformed YAML: line and column', () => {
    const [issue] = issuesOf('name: x\nrounds: 3\nactors:\n  - { id: A\n  - { id: B }\n', 'bad.yaml');
    expect(issue?.path).toMatch(/^line \d+, column \d+$/);
    expect(issue?.expected).toBe('valid YAML');
  });

  it('a key repeated in YAML or JSON', () => {
    expect(issuesOf('name: x\nname: y\nrounds: 3\nactors: [{ id: A }]\n', 'dup.yaml')[0]?.received).toBe('a key repeated in the same object');
    expect(issuesOf('{"name":"x","name":"y","rounds":3,"actors":[{"id":"A"}]}', 'dup.json')[0]?.received).toBe('a key repeated in the same object');
  });

  it('lists every problem at once, each with path, expected and found', () => {
    const issues = issuesOf(
      [
        'name: Bad_Name',
        'rounds: 0',
        'actors:',
        '  - { id: US, strategy: tit-for-tatt, capabilities: { offense: 1.5 } }',
        '  - { id: US, kind: proxy, sponsor: CN }',
        '  - { id: CR, kind: criminal }',
        '  - { id: PX, kind: proxy, sponsor: CR }',
        'dyads:',
        '  - { from: US, to: CM, trust: 2 }',
        'injects:',
        '  - { round: 3, type: operation, actor: US, target: CR, kind: espionnage }',
      ].join('\n'),
      'many.yaml',
    );
    expect(find(issues, 'name')?.expected).toMatch(/lower-case/);
    expect(find(issues, 'rounds')).toMatchObject({ expected: 'a whole number from 1 to 100000', received: '0' });
    expect(find(issues, 'actors[0].strategy')).toMatchObject({ received: '"tit-for-tatt"', hint: "did you mean 'tit-for-tat'?" });
    expect(find(issues, 'actors[0].capabilities.offense')).toMatchObject({ expected: 'a number from 0 to 1', received: '1.5' });
    expect(find(issues, 'actors[1].id')).toMatchObject({ expected: 'a unique actor id', received: "duplicate 'US'" });
    expect(find(issues, 'actors[1].sponsor')?.expected).toMatch(/declared actor id/);
    expect(find(issues, 'actors[3].sponsor')).toMatchObject({ expected: 'a state (a proxy acts for a state)', received: 'CR, a criminal' });
    expect(find(issues, 'dyads[0].to')?.expected).toMatch(/declared actor id/);
    expect(find(issues, 'dyads[0].trust')).toMatchObject({ expected: 'a number from 0.001 to 0.999', received: '2' });
    expect(find(issues, 'injects[0].kind')?.hint).toBe("did you mean 'espionage'?");
    expect(issues.length).toBeGreaterThanOrEqual(10);
  });

  it('an unknown actor reference gets a did-you-mean', () => {
    const issues = issuesOf({ name: 'x', rounds: 4, actors: [{ id: 'USA' }, { id: 'CHN' }], injects: [{ round: 1, type: 'indictment', by: 'USA', target: 'CHM' }] });
    expect(find(issues, 'injects[0].target')).toMatchObject({ received: '"CHM"', hint: "did you mean 'CHN'?" });
  });

  it('an inject round at or after the last round is out of range', () => {
    const issues = issuesOf({ name: 'x', rounds: 4, actors: [{ id: 'A' }, { id: 'B' }], injects: [{ round: 4, type: 'note', text: 't' }] });
    expect(find(issues, 'injects[0].round')).toMatchObject({ expected: 'a round before the last (0 to 3)', received: '4' });
  });

  it("a scripted operation is held to a strategy's rules: commercial only on espionage, no false flag on the target", () => {
    const op = (fields: Record<string, unknown>) => ({ round: 1, type: 'operation', actor: 'A', target: 'B', kind: 'espionage', ...fields });
    const issues = issuesOf({
      name: 'x',
      rounds: 4,
      actors: [{ id: 'A' }, { id: 'B' }, { id: 'C' }],
      injects: [op({ kind: 'disruption', commercial: true }), op({ falseFlag: 'B' }), op({ kind: 'degradation', commercial: false, falseFlag: 'C' }), op({ commercial: true, falseFlag: 'A' })],
    });
    expect(issues).toEqual([
      { path: 'injects[0].commercial', expected: "commercial: true only on an operation of kind 'espionage' (the theft of trade secrets)", received: 'true, on disruption', hint: 'delete commercial: true' },
      { path: 'injects[1].falseFlag', expected: 'an actor other than the target (the one the evidence frames)', received: '"B"' },
    ]);
  });

  it('a list with a hole, built in code, is refused at the hole instead of crashing the build', () => {
    const holed = <T>(list: T[], at: number): T[] => {
      const copy = [...list];
      copy.splice(at, 0, undefined as T);
      delete copy[at];
      return copy;
    };
    const good = { name: 'x', rounds: 4, actors: [{ id: 'A' }, { id: 'B' }] };
    const hole = { expected: 'a value at every place in the list', received: 'a hole (nothing at this index)' };
    expect(issuesOf({ ...good, actors: holed(good.actors, 1) })).toEqual([{ path: 'actors[1]', ...hole }]);
    expect(issuesOf({ ...good, injects: holed([{ round: 1, type: 'note', text: 't' }], 0) })).toEqual([{ path: 'injects[0]', ...hole }]);
    expect(issuesOf({ ...good, agreements: [{ parties: holed(['A', 'B'], 1), terms: [{ kind: 'hotline' }] }] })).toEqual([{ path: 'agreements[0].parties[1]', ...hole }]);
    expect(issuesOf({ ...good, dyads: holed([{ from: 'A', to: 'B' }], 0) })).toEqual([{ path: 'dyads[0]', ...hole }]);
  });

  it('control characters from the file (a field name, a JSON token) are shown, not sent to the terminal', () => {
    const link = '\u001b]8;;https://example.invalid\u001b\\';
    for (const [text, source] of [
      [`name: x\nrounds: 3\nactors: [{ id: A }, { id: B }]\n"ti${link}tle": x\n`, 'key.yaml'],
      [`{"name": "x", "rounds": 3, "actors": [{ "id": "A", "stra\u009btegy": 1 }]}`, 'key.json'],
      [`{"name": \u001b[31m}`, 'token.json'],
    ] as const) {
      let message = '';
      try {
        parseScenario(text, { source });
      } catch (e) {
        expect(e).toBeInstanceOf(ScenarioError);
        message = (e as Error).message;
        for (const i of (e as ScenarioError).issues) expect(Object.values(i).join(' ')).not.toMatch(/[\u0000-\u0008\u000a-\u001f\u007f-\u009f]/);
      }
      expect(message).toContain(source);
      expect(message).toMatch(/<U\+00(1B|9B)>/);
      expect(message.split('\n').slice(1).every((line) => line.startsWith('  - '))).toBe(true);
    }
  });

  it('a strategy without a name, and an inject without a type, are each reported once as missing', () => {
    const issues = issuesOf('name: x\nrounds: 4\nactors: [{ id: A, strategy: { params: { rate: 0.2 } } }, { id: B }]\ninjects: [{ round: 1, text: t }]\n', 'missing.yaml');
    expect(issues).toEqual([
      { path: 'actors[0].strategy.name', expected: 'a name', received: 'nothing' },
      { path: 'injects[0].type', expected: expect.stringMatching(/^operation \| reveal \| /) as unknown as string, received: 'nothing' },
    ]);
  });

  it('a forum first called after the last round is refused, as an inject at that round is', () => {
    const forum = (first: number) => ({ name: 'x', rounds: 4, actors: [{ id: 'A' }, { id: 'B' }], forums: [{ id: 'f', members: ['A', 'B'], first, agenda: [['gge15.f']] }] });
    expect(issuesOf(forum(4))).toEqual([{ path: 'forums[0].first', expected: 'a round of the run (0 to 3): a forum first called later never meets', received: '4' }]);
    expect(parseScenario(forum(3)).spec.forums?.[0]?.first).toBe(3);
  });

  it.each(['__proto__', 'constructor', 'prototype'])('refuses the reserved key %s and leaves Object.prototype alone', (key) => {
    const json = `{"name":"x","rounds":3,"actors":[{"id":"A","${key}":{"polluted":true}},{"id":"B"}],"${key}":{"polluted":true}}`;
    for (const [text, source] of [
      [json, 'p.json'],
      [`name: x\nrounds: 3\nactors:\n  - { id: A, ${key}: { polluted: true } }\n  - { id: B }\n${key}: { polluted: true }\n`, 'p.yaml'],
    ] as const) {
      const issues = issuesOf(text, source);
      expect(find(issues, key)).toMatchObject({ expected: 'an ordinary field name', received: `the reserved key '${key}'` });
      expect(find(issues, `actors[0].${key}`)).toBeDefined();
      expect(({} as Record<string, unknown>).polluted).toBeUndefined();
      expect(Object.prototype).not.toHaveProperty('polluted');
    }
  });

  it('an actor may not be called constructor or prototype: norms, keyed by actor id, refuse those keys', () => {
    const issues = issuesOf('name: x\nrounds: 3\nactors: [{ id: constructor }, { id: B }]\ndyads: [{ from: constructor, to: B }]\n', 'ids.yaml');
    expect(issues).toEqual([{ path: 'actors[0].id', expected: 'an id other than the reserved keys constructor and prototype', received: "'constructor'", hint: 'rename the actor' }]);
    expect(find(issuesOf({ name: 'x', rounds: 3, actors: [{ id: 'A' }, { id: 'prototype' }] }), 'actors[1].id')?.received).toBe("'prototype'");
  });

  it('a Map, a Date or a boxed value built in code is refused where an object of fields is expected, not read as empty', () => {
    const good = { name: 'x', rounds: 3, actors: [{ id: 'A' }, { id: 'B' }] };
    const refused = (received: string) => ({ expected: 'an object of fields (plain data)', received });
    expect(issuesOf({ ...good, norms: new Map([['A', ['gge15.f']]]) })).toEqual([{ path: 'norms', ...refused('a Map object') }]);
    expect(issuesOf({ ...good, actors: [{ id: 'A', strategy: { name: 'hawk', params: new Map([['accuseAt', 0.1]]) } }, { id: 'B' }] })).toEqual([{ path: 'actors[0].strategy.params', ...refused('a Map object') }]);
    expect(issuesOf({ ...good, actors: [{ id: 'A', capabilities: new Map([['offense', 0.1]]) }, { id: 'B' }] })).toEqual([{ path: 'actors[0].capabilities', ...refused('a Map object') }]);
    expect(issuesOf({ ...good, calendar: new Date(0) })).toEqual([{ path: 'calendar', ...refused('a Date object') }]);
    expect(issuesOf(new Map())).toEqual([{ path: '(top level)', ...refused('a Map object') }]);
    expect(issuesOf(new TextEncoder().encode('name: x\nrounds: 3\n'), 'x.yaml')).toEqual([{ path: '(top level)', ...refused('a Uint8Array object'), hint: "pass the file's text: readFileSync(file, 'utf8')" }]);
    expect(issuesOf({ ...good, dyads: [new Number(1)] })).toEqual([{ path: 'dyads[0]', ...refused('a Number object') }]);
    // An instance of a class of the caller's holds its data in fields: it is read as they are.
    class Actor {
      constructor(readonly id: string) {}
    }
    expect(parseScenario({ ...good, actors: [new Actor('A'), new Actor('B')] }).spec.actors.map((a) => a.id)).toEqual(['A', 'B']);
  });

  it.each(['yml', 'JSON', 5])('a format option that is neither json nor yaml (%s) is refused, not read as an empty scenario', (format) => {
    const text = 'name: x\nrounds: 3\nactors: [{ id: A }, { id: B }]\n';
    expect(() => readScenarioText(text, { format: format as ScenarioFormat })).toThrow(ScenarioError);
    let issues: readonly ConfigIssue[] = [];
    try {
      parseScenario(text, { source: 'x.yml', format: format as ScenarioFormat });
    } catch (e) {
      issues = (e as ScenarioError).issues;
    }
    expect(issues).toEqual([{ path: 'options.format', expected: "'json' or 'yaml' (or none: the file name or the text tells which)", received: typeof format === 'string' ? `"${format}"` : '5' }]);
  });

  it('an empty file, and one of only whitespace or comments', () => {
    expect(issuesOf('', 'e.yaml')[0]).toMatchObject({ path: '(file)', received: 'an empty file' });
    expect(issuesOf('  \n\t\n', 'e.yaml')[0]).toMatchObject({ path: '(file)', received: 'an empty file' });
    expect(issuesOf('# nothing here\n', 'e.yaml')[0]).toMatchObject({ path: '(top level)', expected: 'an object' });
  });

  it('a file over 5 MiB is refused before it is parsed', () => {
    const huge = `name: x\nrounds: 3\nactors: [{ id: A }]\n# ${'é'.repeat(3 * 1024 * 1024)}\n`;
    expect(issuesOf(huge, 'huge.yaml')[0]).toMatchObject({ path: '(file)', expected: 'at most 5 MiB (5242880 bytes) of scenario', received: `${new TextEncoder().encode(huge).length} bytes` });
  });

  it('a byte-order mark before JSON or YAML is skipped, as YAML always did', () => {
    const json = '\ufeff{ "name": "bom", "rounds": 2, "actors": [{ "id": "A" }, { "id": "B" }] }';
    expect(parseScenario(json, { source: 'bom.json' }).name).toBe('bom');
    expect(parseScenario('\ufeffname: bom\nrounds: 2\nactors: [{ id: A }, { id: B }]\n', { source: 'bom.yaml' }).name).toBe('bom');
  });

  it('the error message names the file and every issue', () => {
    try {
      parseScenario('name: x\nrounds: -1\nactors: [{ id: A, strategy: hawkk }]\n', { source: 'named.yaml' });
      expect.unreachable();
    } catch (e) {
      const message = (e as Error).message;
      expect(message).toContain('named.yaml');
      expect(message).toContain('rounds');
      expect(message).toContain("did you mean 'hawk'?");
    }
  });
});

describe('text that is not UTF-8', () => {
  it('a UTF-16 file read as UTF-8 is refused as such, by the library too', () => {
    const bytes = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('name: x\nrounds: 2\n', 'utf16le')]);
    const text = new TextDecoder().decode(bytes);
    let issues: readonly ConfigIssue[] = [];
    try {
      parseScenario(text, { source: 'win.yaml' });
    } catch (e) {
      if (e instanceof ScenarioError) issues = e.issues;
    }
    expect(issues).toEqual([expect.objectContaining({ path: '(file)', expected: 'UTF-8 text', received: 'UTF-16 text (a NUL byte between characters)' })]);
    // Without its byte-order mark too: the NULs tell.
    expect(() => readScenarioText(Buffer.from('name: x\n', 'utf16le').toString('utf8'))).toThrow(/expected UTF-8 text, received UTF-16 text/);
  });

  it('text without a NUL is never taken for UTF-16', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), (s) => {
        const text = s.replaceAll('\u0000', '');
        fc.pre(!text.startsWith('\uFFFD\uFFFD'));
        expect(encodingIssue(text)).toBeUndefined();
      }),
    );
  });
});

describe('actors that cannot be read', () => {
  const issuesOf = (text: string): readonly ConfigIssue[] => {
    try {
      parseScenario(text, { source: 'x.yaml' });
    } catch (e) {
      if (e instanceof ScenarioError) return e.issues;
      throw e;
    }
    return [];
  };

  it('actors written as a map keyed by id: one problem with the list form, not one per reference to an actor', () => {
    const issues = issuesOf(
      [
        'name: mapped',
        'rounds: 3',
        'actors:',
        '  US: { strategy: dove }',
        '  CN: { strategy: hawk }',
        'dyads: [{ from: US, to: CN, trust: 0.4 }]',
        'agreements: [{ parties: [US, CN], terms: [{ kind: hotline }] }]',
        'norms: { US: [gge15.a] }',
        'injects: [{ round: 1, type: operation, actor: CN, target: US, kind: espionage }]',
      ].join('\n'),
    );
    expect(issues).toEqual([{ path: 'actors', expected: 'a list of actors, each with its id', received: 'a map keyed by id', hint: 'write it as a list: actors: [{ id: US, … }, …]' }]);
  });

  it('with actors unreadable, what is wrong elsewhere is still said', () => {
    const issues = issuesOf('name: x\nrounds: 2\nactors: 7\nnorms: { US: [gge15.z] }\ninjects:\n  - { round: 0, type: operation, actor: CN, target: CN, kind: espionage }\n  - { round: 0, type: sanction, by: 3, target: CN, measure: economic }\n');
    expect(issues.map((i) => i.path)).toEqual(['actors', 'norms.US[0]', 'injects[0].target', 'injects[1].by']);
    expect(issues[3]).toMatchObject({ expected: 'an actor id', received: '3' });
  });
});

describe('a section named as other models name it', () => {
  it.each([
    ['relations', 'dyads'],
    ['events', 'injects'],
    ['treaties', 'agreements'],
    ['parameters', 'mechanisms'],
  ])("'%s' is pointed to '%s', which no spelling distance finds", (word, field) => {
    let issues: readonly ConfigIssue[] = [];
    try {
      parseScenario(`name: x\nrounds: 2\nactors: [{ id: A }, { id: B }]\n${word}: []\n`);
    } catch (e) {
      if (e instanceof ScenarioError) issues = e.issues;
    }
    expect(issues).toEqual([expect.objectContaining({ path: word, received: `unknown field '${word}'`, hint: `did you mean '${field}'?` })]);
  });
});
