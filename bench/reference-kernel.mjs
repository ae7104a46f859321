// The reference kernel: the engine's default mechanisms for one fixed mix of built-in strategies
// (hawk, tit-for-tat, passive), written as one plain loop over flat arrays — no immer, no views,
// no event objects, no validation, no log. It draws the same numbers from the same seeded streams
// (alea, keyed `seed \0 actor/purpose`, as src/engine/rng.ts) in the same order, and adds evidence
// in the same order as the engine's update phase, so for the same seed it reaches the same world
// to the last bit. It is the speed limit of our rules: bench/compare.mjs times the engine against
// it, and tests/perf/kernel-equality.test.ts checks that both reach the same outcome. The rules it
// shares with bench/us-china-kernel.mjs and the library's flat round path (Bayes' rule, priors,
// rungs, tension, decay, the summary metrics) are src/engine/flat/rules.ts, which it takes from the
// build through bench/kernel-rules.mjs (run `npx tsup` first).
//
// What it covers (and so what the comparison covers):
//   - worlds of states only (no proxies), no agreements, norms, forums, talks, injects or
//     mechanism overrides; every actor plays `hawk`, `tit-for-tat` or `passive` with default
//     parameters (no strategy draws a random number), hawk's and tit-for-tat's confidence
//     thresholds lowered by the actor's tension towards the suspect (`underTension` in
//     src/strategies/builtins/helpers.ts);
//   - phase 2 operations (success draws), phase 3 detection and attribution (investigation
//     signals, detection draws, false alarms, priors from trust, Bayesian posteriors),
//   - phase 4 accusations (public, formal, private), economic sanctions and disruptive
//     retaliation (success draws), phase 5 answers (deny / cooperate / ignore → unanswered),
//   - phase 6 trust decay and evidence, escalation scores, rungs (open conflict mutual and
//     absorbing), Richardson tension, welfare, retention of incidents and operations,
//   - the per-round summary metrics (the same fields as the engine's RoundMetrics).
// Not covered: hotlines, assistance, talks, forums, norms and the commitment audit (none of them
// can occur in such a world), and the `random`, `dove`, `deterrer`, generous and diplomatic
// strategies.

import { bayesUpdate, betaTrust, clamp01, decayInto, dyadTables, kernelStreams, newCounts, priorOf, resetCounts, roundArrays, settleRungs, stepTension, summaryMetrics, topSuspect } from './kernel-rules.mjs';

/** The strategies the kernel plays. */
export const KERNEL_STRATEGIES = Object.freeze(['hawk', 'tit-for-tat', 'passive']);

const HAWK = 0;
const TFT = 1;
const PASSIVE = 2;
const CODE = { hawk: HAWK, 'tit-for-tat': TFT, passive: PASSIVE };
const ESPIONAGE = 0;
const DISRUPTION = 1;
const DEGRADATION = 2;
const KIND_NAMES = ['espionage', 'disruption', 'degradation'];
// The built-ins' default tension sensitivity (TENSION_DEFAULTS in src/strategies/builtins/helpers.ts).
const TENSION_WEIGHT = 0.3;
const TENSION_HALF = 1;

/**
 * Play `rounds` rounds of a kernel-covered world. `spec` is a WorldSpec of states sorted by id
 * with `strategy` one of KERNEL_STRATEGIES (default 'passive') and no other sections; `mechanisms`
 * is DEFAULT_MECHANISMS. Returns the per-round metrics, the final dyad arrays and welfare.
 */
export function referenceRun(spec, { seed, rounds, mechanisms: m }) {
  const n = spec.actors.length;
  const nn = n * n;
  const ids = spec.actors.map((a) => a.id);
  for (let i = 1; i < n; i++) if (!(ids[i - 1] < ids[i])) throw new Error('kernel: actors must be sorted by id');
  const cap = (a, k) => a.capabilities?.[k] ?? 0.5;
  const esp = Float64Array.from(spec.actors, (a) => cap(a, 'espionage'));
  const off = Float64Array.from(spec.actors, (a) => cap(a, 'offense'));
  const def = Float64Array.from(spec.actors, (a) => cap(a, 'defense'));
  const att = Float64Array.from(spec.actors, (a) => cap(a, 'attribution'));
  const stl = Float64Array.from(spec.actors, (a) => cap(a, 'stealth'));
  const strat = Uint8Array.from(spec.actors, (a) => {
    const c = CODE[a.strategy ?? 'passive'];
    if (c === undefined) throw new Error(`kernel: strategy '${a.strategy}' is not covered`);
    return c;
  });
  if (spec.dyads || spec.agreements || spec.forums || spec.norms || spec.injects || spec.mechanisms) throw new Error('kernel: only actors are covered');
  // Every actor with the default reactivity and fatigue (no per-actor overrides here).
  const reactivity = new Float64Array(n).fill(m.tension.reactivity);
  const fatigue = new Float64Array(n).fill(m.tension.fatigue);

  const { stream, opsRng, detRng, retRng, attr } = kernelStreams(seed, ids);

  // Dyad tables at the start of the round (what strategies and priors read) and being built; the
  // two sets swap at the round's end. Their arrays are also held in locals, for the loops below.
  let cur = dyadTables(nn);
  let nxt = dyadTables(nn);
  let { trustR, trustS, tension, escT, escP, rung } = cur;
  let { trustR: nR, trustS: nS, tension: nTension, escT: nEscT, escP: nEscP, rung: nRung } = nxt;
  const { peak, actRung, grievance, welfare } = roundArrays(n);
  const trust = (i, j) => betaTrust(trustR[i * n + j], trustS[i * n + j]);

  // Incidents per victim, oldest first: { round, kind, severity, op (or null), posterior, investigation }.
  const incidents = ids.map(() => []);
  // This round's operations and the recent ones (for tit-for-tat's "did I do it?").
  let ops = []; // { round, principal, target, kind, severity, success }
  const sanctions = []; // [by, target] economic sanctions in force, in order imposed
  const sanctioning = new Uint8Array(nn);

  const W = m.escalation.weights;
  const T = m.trust;
  const WF = m.welfare;
  const sev = [m.operations.severity.espionage, m.operations.severity.disruption, m.operations.severity.degradation];
  const opWeight = (kind) => (kind === ESPIONAGE ? W.posturing : W.nonViolent); // against networks only
  const maxOps = m.operations.maxPerRound;
  const IR = m.posterior.investigationRounds;
  const nobodyW = m.posterior.nobodyWeight > 0 ? m.posterior.nobodyWeight : 0;
  const qOf = Float64Array.from(att, (a) => clamp01(m.identification.base + m.identification.attributionWeight * a + m.identification.sharingBonus * 0));
  const falseAlarm = Float64Array.from(att, (a) => clamp01(m.falseAlarm.rate * (1 - a)));
  const metrics = [];
  const counts = newCounts(); // the round's counts for the metrics
  const others = new Int32Array(n);
  const rivals = new Int32Array(n);

  const overt = (from, to, w) => {
    const k = from * n + to;
    nEscT[k] += w;
    nEscP[k] += w;
    if (w > 0) grievance[to * n + from] += w;
  };
  const act = (from, to, r) => {
    const k = from * n + to;
    if (r > actRung[k]) actRung[k] = r;
  };

  /** One forensic signal (see drawSignal in src/engine/phases/detection.ts; no proxies, no false flags). */
  function signal(author, kind, v, q, rng) {
    if (author >= 0 && rng() < q) return author;
    let c = 0;
    for (let x = 0; x < n; x++) if (x !== v && x !== author && (kind === ESPIONAGE ? esp[x] : off[x]) > 0) others[c++] = x;
    if (c === 0) return -1;
    return others[Math.floor(rng() * c)];
  }
  const scratch = new Float64Array(n + 1);
  const update = (post, named, q) => bayesUpdate(post, named, q, n, scratch);
  const prior = (v, kind) => priorOf(v, kind === ESPIONAGE ? esp : off, trustR, trustS, n, nobodyW);
  // underTension(view, suspect, threshold, TENSION_DEFAULTS): v's threshold against s lowered by
  // v's tension towards s at the start of the round, the same float operations in the same order.
  const lowered = (v, s, threshold) => {
    const x = Math.max(0, tension[v * n + s]);
    return threshold * (1 - TENSION_WEIGHT * (x / (x + TENSION_HALF)));
  };
  // attributedIn(view, round, threshold, TENSION_DEFAULTS): for each suspect the first incident of
  // `round` with the highest confidence ≥ the threshold lowered for it, by suspect index (ids are
  // sorted, so index order is id order).
  const bestConf = new Float64Array(n);
  const bestInc = new Array(n);
  const found = [];
  function attributed(v, round, threshold) {
    found.length = 0;
    for (const inc of incidents[v]) {
      if (inc.round !== round) continue;
      const s = topSuspect(inc.posterior, n);
      const c = s < 0 ? 0 : inc.posterior[s];
      if (s < 0 || s === v || c < lowered(v, s, threshold)) continue;
      if (bestInc[s] === undefined) {
        found.push(s);
        bestConf[s] = c;
        bestInc[s] = inc;
      } else if (c > bestConf[s]) {
        bestConf[s] = c;
        bestInc[s] = inc;
      }
    }
    found.sort((a, b) => a - b);
    return found;
  }
  const clearFound = () => {
    for (const s of found) bestInc[s] = undefined;
  };
  // attributionsIn(view, round, threshold, TENSION_DEFAULTS): every incident of `round` whose top
  // suspect's confidence is ≥ the threshold lowered for it, by suspect index, then incident id (the
  // engine's `inc:<victim>:<round>:<k>` compared as text, so k = 10 comes before k = 2).
  const every = [];
  function attributions(v, round, threshold) {
    every.length = 0;
    for (const inc of incidents[v]) {
      if (inc.round !== round) continue;
      const s = topSuspect(inc.posterior, n);
      const c = s < 0 ? 0 : inc.posterior[s];
      if (s < 0 || s === v || c < lowered(v, s, threshold)) continue;
      every.push({ s, inc });
    }
    every.sort((a, b) => a.s - b.s || (a.inc.key < b.inc.key ? -1 : a.inc.key > b.inc.key ? 1 : 0));
    return every;
  }

  for (let round = 0; round < rounds; round++) {
    resetCounts(counts);
    decayInto(cur, nxt, T.decay, m.escalation.decay);
    actRung.fill(0);
    grievance.fill(0);

    // Phase 2: operations, principals in id order.
    const roundOps = [];
    for (let i = 0; i < n; i++) {
      const s = strat[i];
      if (s === PASSIVE) continue;
      let count = 0;
      const order = (target, kind) => {
        if (count >= maxOps) return;
        count++;
        const p = clamp01((kind === ESPIONAGE ? esp[i] : off[i]) * (1 - m.operations.defenseWeight * def[target]));
        const success = opsRng[i]() < p;
        roundOps.push({ round, principal: i, target, kind, severity: sev[kind], success });
      };
      if (s === HAWK) {
        // The three least trusted rivals (ties by id): a partial selection of the engine's sort.
        let r = 0;
        for (let x = 0; x < n; x++) if (x !== i) rivals[r++] = x;
        const pick = Math.min(maxOps, r);
        for (let a = 0; a < pick; a++) {
          let best = a;
          for (let b = a + 1; b < r; b++) {
            const tb = trust(i, rivals[b]);
            const tx = trust(i, rivals[best]);
            if (tb - tx < 0 || (tb - tx === 0 && rivals[b] < rivals[best])) best = b;
          }
          const t = rivals[a];
          rivals[a] = rivals[best];
          rivals[best] = t;
        }
        const planned = [];
        if (r > 0 && off[i] > 0 && trust(i, rivals[0]) < 0.35) planned.push([rivals[0], DISRUPTION]);
        if (esp[i] > 0) for (let a = 0; a < pick && planned.length < maxOps; a++) planned.push([rivals[a], ESPIONAGE]);
        for (const [t, k] of planned) order(t, k);
      } else {
        // Each attributed incident of the previous round, answered in kind.
        for (const { s: sus, inc } of attributions(i, round - 1, 0.6)) {
          const kind = inc.kind === DEGRADATION ? DISRUPTION : inc.kind;
          if ((kind === ESPIONAGE ? esp[i] : off[i]) > 0) order(sus, kind);
        }
      }
    }
    for (const op of roundOps) {
      counts.operations++;
      const p = op.principal;
      const v = op.target;
      nEscT[p * n + v] += opWeight(op.kind);
      if (op.success) {
        counts.successfulOperations++;
        welfare[p] += op.kind === ESPIONAGE ? WF.intelligenceGain : WF.coercionGain;
        welfare[v] -= (WF.damagePerSeverity * op.severity) / 5;
      }
    }
    ops = ops.concat(roundOps);

    // Phase 3: detection and attribution, victim by victim.
    const byTarget = ids.map(() => []);
    for (const op of roundOps) byTarget[op.target].push(op);
    for (let v = 0; v < n; v++) {
      const q = qOf[v];
      const det = detRng[v];
      // The k of this round's incident ids (`inc:<victim>:<round>:<k>`), in the order they open.
      let k = 0;
      for (const inc of incidents[v]) {
        if (inc.investigation <= 0) continue;
        const named = signal(inc.op ? inc.op.principal : -1, inc.kind, v, q, attr(v));
        update(inc.posterior, named, q);
        inc.investigation--;
      }
      for (const op of byTarget[v]) {
        const p = clamp01(m.detection.scale * att[v] * (1 - stl[op.principal]) * (1 + (m.detection.severityBonus * op.severity) / 10));
        if (!(det() < p)) continue;
        const named = signal(op.principal, op.kind, v, q, attr(v));
        detected(v, round, op, op.kind, op.severity, named, q, k++);
      }
      if (det() < falseAlarm[v]) {
        const named = signal(-1, ESPIONAGE, v, q, attr(v));
        if (named >= 0) detected(v, round, null, ESPIONAGE, sev[ESPIONAGE], named, q, k++);
      }
    }
    function detected(v, round, op, kind, severity, named, q, k) {
      const posterior = prior(v, kind);
      update(posterior, named, q);
      incidents[v].push({ round, kind, severity, op, posterior, investigation: IR, key: String(k) });
      counts.detections++;
      const s = topSuspect(posterior, n);
      const c = s < 0 ? 0 : posterior[s];
      if (op === null) {
        counts.falseAlarms++;
        if (s >= 0) counts.misattributions++;
      } else if (s === op.principal) counts.correctAttributions++;
      else if (s >= 0) counts.misattributions++; // no suspect is neither right nor wrong, as in the engine's metrics
      if (s < 0) return;
      nS[v * n + s] += T.attributedHostility * c * (severity / 10);
      const weight = c * opWeight(kind);
      nEscP[s * n + v] += weight;
      grievance[v * n + s] += weight;
    }

    // Phase 4: diplomacy (accusations, sanctions, retaliation) in actor order; phase 5 answers.
    const requests = []; // [accuser, accused, incident]
    for (let i = 0; i < n; i++) {
      const s = strat[i];
      if (s === PASSIVE) continue;
      const threshold = s === HAWK ? 0.3 : 0.6;
      for (const sus of attributed(i, round, threshold)) {
        const c = bestConf[sus];
        const pub = s === HAWK;
        const formal = pub && c >= lowered(i, sus, 0.6);
        requests.push([i, sus, bestInc[sus]]);
        counts.accusations++;
        if (pub) counts.publicAccusations++;
        nS[sus * n + i] += pub ? T.publicAccusation : T.privateAccusation;
        overt(i, sus, pub ? W.nonViolent : W.posturing);
        act(i, sus, formal ? 3 : pub ? 2 : 1);
        if (s !== HAWK) continue;
        if (c >= lowered(i, sus, 0.6) && !sanctioning[i * n + sus]) {
          sanctioning[i * n + sus] = 1;
          sanctions.push([i, sus]);
          counts.sanctionsImposed++;
          nS[sus * n + i] += T.sanction;
          overt(i, sus, W.nonViolent);
          act(i, sus, 4);
        }
        if (c >= lowered(i, sus, 0.8) && off[i] > 0) {
          const p = clamp01(off[i] * (1 - m.operations.defenseWeight * def[sus]));
          const success = (retRng[i] ??= stream(i, 'retaliation'))() < p;
          counts.retaliations++;
          nS[sus * n + i] += T.retaliation;
          overt(i, sus, W.nonViolent);
          act(i, sus, 5);
          if (success) {
            welfare[i] += WF.coercionGain;
            welfare[sus] -= (WF.damagePerSeverity * sev[DISRUPTION]) / 5;
          }
        }
      }
      clearFound();
    }
    const unanswered = [];
    for (const req of requests) {
      const [from, to, inc] = req;
      const s = strat[to];
      if (s === PASSIVE) {
        unanswered.push(req);
        continue;
      }
      const guilty = s === TFT && roundOps.some((op) => op.principal === to && op.target === from && op.round === inc.round && op.kind === inc.kind);
      if (s === TFT && !guilty) {
        nR[from * n + to] += T.cooperation;
        overt(to, from, W.deescalation);
      } else nR[from * n + to] += T.answeredRequest * 0.5;
    }
    for (const [from, to] of unanswered) nS[from * n + to] += T.unansweredRequest;

    // Phase 6: the rest of the update.
    for (const [by, to] of sanctions) {
      welfare[to] -= WF.sanctionCostTarget;
      welfare[by] -= WF.sanctionCostImposer;
    }
    settleRungs(rung, actRung, nEscP, nRung, peak, n, m, welfare);
    stepTension(tension, grievance, nTension, n, reactivity, fatigue, m);
    // The round's tables become the current ones.
    const built = nxt;
    nxt = cur;
    cur = built;
    ({ trustR, trustS, tension, escT, escP, rung } = cur);
    ({ trustR: nR, trustS: nS, tension: nTension, escT: nEscT, escP: nEscP, rung: nRung } = nxt);
    const horizon = round - IR - 1;
    for (let v = 0; v < n; v++) {
      const list = incidents[v];
      if (list.length > 0 && list[0].round <= horizon) incidents[v] = list.filter((inc) => inc.round > horizon || inc.investigation > 0);
    }
    if (ops.length > 0 && ops[0].round <= horizon) ops = ops.filter((op) => op.round > horizon);

    // The round's summary metrics (roundMetrics in src/engine/metrics.ts).
    metrics.push(summaryMetrics(round, counts, sanctions.length, n, cur, peak, welfare));
  }
  return {
    metrics,
    dyads: { n, trustR, trustS, tension, escalationTrue: escT, escalationPerceived: escP, rung, peakRung: peak },
    welfare,
    kinds: KIND_NAMES,
  };
}
