import type { Strategy } from '../../engine/contract.js';
import type { OperateAction, Response } from '../../model/action.js';
import { defineStrategy } from '../define.js';
import { branded } from './brand.js';
import { readParams, rivals } from './helpers.js';

/**
 * A contractor hacking group (the APT behind much of the commercial cyber-theft of the founding
 * story): each round, with probability `rate`, it steals trade secrets (commercial espionage) from
 * each state that is not its sponsor; it stays out of diplomacy — no accusations, no norms, no talks —
 * denies every accusation and hotline query, and ignores other requests. Its thefts are its own
 * operations, not its sponsor's orders, so in truth they break no commitment of the sponsor (the
 * audit's `violation.committed` names an operation's principal); but a victim whose file on one
 * names the sponsor with confidence ≥ `audit.confidenceThreshold` — at detection, or on a later
 * investigation signal, which is where forensics can trace a proxy to its sponsor — perceives the
 * sponsor's no-commercial-theft commitment broken (once per file), if it was in force when the theft
 * happened: the gap between truth and perception the commitment audit is there to show.
 *
 * @example
 * ```ts
 * simulate({ actors: [{ id: 'US' }, { id: 'CN' }, { id: 'APT', kind: 'proxy', sponsor: 'CN', strategy: contractor({ rate: 0.3 }) }] }, { seed: 1, rounds: 12 });
 * ```
 */
export function contractor(params?: Readonly<Record<string, unknown>>): Strategy {
  const p = readParams('contractor', params, { rate: 0.3 }, { rate: [0, 1] });
  return branded(defineStrategy({
    name: 'contractor',
    params: p,
    meta: {
      stochastic: true,
      retaliatory: false,
      forgiving: true,
      attributionSensitive: false,
      aggressive: true,
      description: "Steals trade secrets from its sponsor's rivals at a steady rate; stays out of diplomacy and denies everything.",
    },
    operate(view, rng) {
      const out: OperateAction[] = [];
      if (view.me.capabilities.espionage <= 0) return out;
      for (const target of rivals(view)) {
        if (view.actor(target)?.kind !== 'state') continue;
        // One draw per target whatever happens, so a target added later never shifts the others.
        const steal = rng.chance(p.rate);
        if (steal && out.length < view.mechanisms.operations.maxPerRound) out.push({ type: 'operate', target, kind: 'espionage', commercial: true });
      }
      return out;
    },
    respond(request): Response {
      return { type: request.kind === 'accusation' || request.kind === 'hotline-query' ? 'deny' : 'ignore' } as Response;
    },
  }), 'contractor', p);
}
