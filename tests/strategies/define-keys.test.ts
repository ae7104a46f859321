// A misspelt key of a strategy definition (`respnd`) or of its meta (`agressive`) was kept like any
// other key: the strategy then ignored every request, or listed no flag, without a word. Extra
// keys of the definition must stay allowed (its methods are called with it as `this`).
import { describe, expect, it } from 'vitest';
import { defineStrategy, type Response, type StrategyDefinition } from '../../src/index.js';

const meta = { stochastic: false, retaliatory: false, forgiving: true, attributionSensitive: true };
const define = (def: Record<string, unknown>) => () => defineStrategy(def as unknown as StrategyDefinition);
const answer = (s: ReturnType<typeof defineStrategy>) => s.respond(undefined as never, undefined as never, undefined as never);

describe('defineStrategy and keys it does not know', () => {
  it('refuses a near miss of a decision function it lacks, naming the key and the did-you-mean', () => {
    expect(define({ name: 'x', meta, respnd: () => ({ type: 'deny' }) })).toThrow(TypeError);
    expect(define({ name: 'x', meta, respnd: () => ({ type: 'deny' }) })).toThrow(
      "strategy 'x': unknown key 'respnd'; did you mean 'respond'? (a key that resembles none of name, meta, params, operate, diplomacy, respond is kept, for the methods' `this`)",
    );
    expect(define({ name: 'x', meta, Operate: () => [] })).toThrow(/unknown key 'Operate'; did you mean 'operate'\?/);
    expect(define({ name: 'x', meta, diplomacies: () => [] })).toThrow(/unknown key 'diplomacies'; did you mean 'diplomacy'\?/);
    expect(define({ name: 'x', meta, param: { threshold: 0.5 } })).toThrow(/unknown key 'param'; did you mean 'params'\?/);
  });

  it('names a misspelt name or meta before saying they are missing', () => {
    expect(define({ nmae: 'x', meta })).toThrow("defineStrategy: unknown key 'nmae'; did you mean 'name'?");
    expect(define({ name: 'x', meat: meta })).toThrow(/^strategy 'x': unknown key 'meat'; did you mean 'meta'\?/);
  });

  it("keeps other keys, and a key that resembles one the definition has, for the methods' `this`", () => {
    const deny: Response = { type: 'deny' };
    const def = {
      name: 'helped',
      meta,
      beta: 0.5, // near 'meta', which is there
      reply: deny,
      pick(this: { reply: Response; beta: number }): Response {
        return this.beta === 0.5 ? this.reply : { type: 'ignore' };
      },
      respond(this: { pick(): Response }): Response {
        return this.pick();
      },
    };
    expect(answer(defineStrategy(def))).toEqual({ type: 'deny' });
    expect(answer(defineStrategy({ ...def, response: { type: 'cooperate' } } as StrategyDefinition))).toEqual({ type: 'deny' });
  });
});

describe('defineStrategy and meta', () => {
  it('refuses a meta key that is not one, with a did-you-mean when one is near', () => {
    expect(define({ name: 'x', meta: { ...meta, agressive: true } })).toThrow(TypeError);
    expect(define({ name: 'x', meta: { ...meta, agressive: true } })).toThrow(
      "strategy 'x': meta.agressive is not a meta field; did you mean 'aggressive'? (meta fields: stochastic, retaliatory, forgiving, attributionSensitive, aggressive, normEntrepreneur, description)",
    );
    expect(define({ name: 'x', meta: { stochastc: false, retaliatory: false, forgiving: true, attributionSensitive: true } })).toThrow(/meta\.stochastc is not a meta field; did you mean 'stochastic'\?/);
    expect(define({ name: 'x', meta: { ...meta, colour: 'red' } })).toThrow(/^strategy 'x': meta\.colour is not a meta field \(meta fields: stochastic, /);
  });

  it('checks the optional meta fields', () => {
    expect(define({ name: 'x', meta: { ...meta, aggressive: 'yes' } })).toThrow("strategy 'x': meta.aggressive must be true or false");
    expect(define({ name: 'x', meta: { ...meta, normEntrepreneur: 1 } })).toThrow("strategy 'x': meta.normEntrepreneur must be true or false");
    expect(define({ name: 'x', meta: { ...meta, description: 3 } })).toThrow("strategy 'x': meta.description must be a text, got 3");
    expect(define({ name: 'x', meta: { ...meta, aggressive: true, normEntrepreneur: false, description: 'Waits.' } })).not.toThrow();
    expect(define({ name: 'x', meta: { ...meta, aggressive: undefined, description: undefined } })).not.toThrow();
  });
});
