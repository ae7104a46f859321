import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseScenario, reportSource, simulate } from '../../src/index.js';
import type { ReportSource, Scenario } from '../../src/index.js';

export const root = resolve(import.meta.dirname, '../..');

export function scenarioFile(path: string): Scenario {
  return parseScenario(readFileSync(join(root, path), 'utf8'), { source: path });
}

export function sourceOf(scenario: Scenario, seed: string | number = scenario.seed, rounds = scenario.rounds): ReportSource {
  return reportSource(scenario, simulate(scenario.spec, { seed, rounds }), seed);
}

/**
 * Two rivals framed by a third state (false flags every round) and a summit with a hotline in
 * round 3: a run with misattributions and an agreement.
 */
export const FRAMED = `
name: framed
title: Framed
rounds: 8
seed: 2
calendar: { unit: month, start: 2020-01 }
actors:
  - { id: AZ, capabilities: { espionage: 0, offense: 0.8, defense: 0.5, attribution: 0.75, stealth: 0.5 }, strategy: deterrer }
  - { id: BV, capabilities: { espionage: 0, offense: 0.8, defense: 0.5, attribution: 0.75, stealth: 0.5 }, strategy: deterrer }
  - { id: KL, capabilities: { espionage: 0.8, offense: 0.8, defense: 0.5, attribution: 0.5, stealth: 0.5 }, strategy: passive }
injects:
${Array.from({ length: 8 }, (_, r) => `  - { round: ${r}, type: operation, actor: KL, target: AZ, kind: disruption, falseFlag: BV }\n  - { round: ${r}, type: operation, actor: KL, target: BV, kind: disruption, falseFlag: AZ }`).join('\n')}
  - { round: 3, type: summit, parties: [AZ, BV], terms: [{ kind: hotline }], text: Summit }
`;

/** Every `<svg>…</svg>` of a document. */
export function svgsOf(html: string): string[] {
  return html.match(/<svg[\s\S]*?<\/svg>/g) ?? [];
}

/**
 * Check that markup is well formed: tags balance and nest, attributes are quoted, no stray `<`
 * or `&`. Returns the problems found (empty when well formed). Void HTML elements are allowed
 * outside SVG.
 */
export function markupProblems(text: string): string[] {
  const problems: string[] = [];
  const stack: string[] = [];
  const voids = new Set(['meta', 'input', 'br', 'img', 'link', 'hr']);
  const tag = /<(\/?)([a-zA-Z][\w:-]*)((?:\s+[\w:-]+(?:="[^"<]*")?)*)\s*(\/?)>|<!DOCTYPE html>|<!--[\s\S]*?-->/g;
  let last = 0;
  for (let m = tag.exec(text); m; m = tag.exec(text)) {
    const between = text.slice(last, m.index);
    if (between.includes('<')) problems.push(`stray '<' before offset ${m.index}: ${between.slice(between.indexOf('<'), between.indexOf('<') + 40)}`);
    if (/&(?!(amp|lt|gt|quot|#39);)/.test(between)) problems.push(`bare '&' before offset ${m.index}`);
    last = tag.lastIndex;
    if (m[0].startsWith('<!')) continue;
    const [, closing, name = '', , self] = m;
    if (closing) {
      const open = stack.pop();
      if (open !== name) problems.push(`</${name}> closes <${open ?? 'nothing'}>`);
    } else if (!self && !voids.has(name.toLowerCase())) stack.push(name);
  }
  if (stack.length > 0) problems.push(`unclosed: ${stack.join(', ')}`);
  return problems;
}
