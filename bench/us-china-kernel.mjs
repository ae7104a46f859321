// The us-china kernel: the engine's default mechanisms for the world of `scenarios/us-china-2015.yaml`
// (states playing `deterrer` and `pragmatist`, a proxy playing `contractor`, initial dyads, norms and
// scripted injects), written as one plain loop over flat arrays indexed by actor position — no immer,
// no views, no event objects, no validation, no log. Like bench/reference-kernel.mjs it creates the
// same alea streams (`seed \0 actor/purpose`, as src/engine/rng.ts), draws from them in the same
// order, and adds every piece of evidence (trust, escalation, grievance, welfare) to each dyad or
// actor in the order of the engine's round events, so for the same seed it reaches the same world to
// the last bit. It is the speed limit of our rules on the founding scenario (issue 7, target (a));
// tests/perf/us-china-kernel.test.ts checks that it reaches the engine's outcome. The rules it shares
// with bench/reference-kernel.mjs and the library's flat round path (Bayes' rule, priors, the
// hotline's likelihood ratios, rungs, tension, decay, the summary metrics) are
// src/engine/flat/rules.ts, which it takes from the build through bench/kernel-rules.mjs (run
// `npx tsup` first).
//
// What it covers (and so what the comparison covers):
//   - actors of any kind, a proxy's hidden sponsor: what a proxy and its sponsor see (their rivals
//     leave out each other), investigation signals that trace a proxy's operation to its sponsor,
//     correct attribution to the author or the principal;
//   - the strategies `deterrer` (retaliateAt, retaliationCost), `pragmatist` (spyBelowExposure,
//     threshold) and `contractor` (rate), with the parameters the spec gives; an actor's strategy
//     must be given as a name or as `{ name, params }` (the scenario file's form — see below);
//   - initial dyads (trust as pseudo-evidence, tension, mutual), adopted norms, per-actor
//     reactivity and fatigue;
//   - injects `note`, `operation` (against, falseFlag, commercial), `reveal` (with or without a
//     victim), `agreement` (terms hotline, no-commercial-theft, assistance, information-sharing,
//     norms, sanctions-relief, next-round), `sanction` and `threat` — that is, everything the
//     scenario's summit, leak, note, operation, indictment and sanctions-threat expand to;
//   - phase 2 operations (inject orders first, success draws), phase 3 detection and attribution
//     (identification raised by information-sharing agreements, investigation, false alarms, priors
//     from trust, Bayesian posteriors), phase 4 private and public accusations, hotline queries,
//     disruptive retaliation and offers of talks (a second offer between the same pair rejected),
//     phase 5 answers (deny / cooperate by guilt, hotline likelihood ratios, acceptance, ignored
//     requests left open until due, unanswered requests, expired talks), agreements signed by
//     talks (relief lifts sanctions, norms adopted, hotlines from then on);
//   - phase 6: the commitment audit as victims perceive it (a file that first names a suspect with
//     confidence ≥ the threshold — at detection, investigation, a reveal or a hotline answer —
//     perceives once the commitments in force at the act that the suspect broke: commercial theft
//     under no-commercial-theft, norms (f) and (k); sanctions under a relief commitment signed
//     before them), kept commitments, trust decay and evidence, escalation scores, rungs with
//     mutual absorbing open conflict, Richardson tension, welfare, the retention of incidents and
//     operations; the per-round summary metrics (the same fields as the engine's RoundMetrics).
// What it does not cover (it throws `kernel: … not covered`): other strategies (`passive`, `dove`,
// `hawk`, …), a strategy object (its parameters are closed over and cannot be read: pass the
// `{ name, params }` the scenario file gives, e.g. `scenario.document.actors[i].strategy`),
// mechanism overrides, initial agreements, forums, and `capability` / `mechanisms` injects. Two
// things are left out because they change no number under these strategies: the hidden
// `violation.committed` records, and the dialogues that `next-round` terms schedule (holding one
// is an event that neither the update nor these strategies read). No strategy here asks for
// assistance, tables packages, sanctions, lifts, withdraws, shares information, walks out or
// makes a counter-offer (a pragmatist's offer always holds sanctions relief), so those actions,
// further passes of phase 5 and the audit of unanswered assistance cannot occur (an offer a
// pragmatist would counter throws `not covered`).

import { bayesUpdate, clamp01, decayInto, dyadTables, kernelStreams, newCounts, priorOf, resetCounts, roundArrays, scaleSuspect, settleRungs, stepTension, summaryMetrics, topSuspect } from './kernel-rules.mjs';

/** The strategies the kernel plays. */
export const US_CHINA_STRATEGIES = Object.freeze(['deterrer', 'pragmatist', 'contractor']);

const DETERRER = 0;
const PRAGMATIST = 1;
const CONTRACTOR = 2;
const CODE = { deterrer: DETERRER, pragmatist: PRAGMATIST, contractor: CONTRACTOR };
// Each strategy's parameters, defaults and ranges (as readParams in src/strategies/builtins).
const PARAMS = [
  { retaliateAt: [0.7, 0, 1], retaliationCost: [1, 0, 1000] },
  { spyBelowExposure: [0.3, 0, 1], threshold: [0.7, 0, 1] },
  { rate: [0.3, 0, 1] },
];
const STATE = 0;
const ACTOR_KINDS = { state: 0, proxy: 1, criminal: 2 };
const ESPIONAGE = 0;
const DISRUPTION = 1;
const KINDS = { espionage: 0, disruption: 1, degradation: 2 };
const NETWORKS = 0;
const CRITICAL = 1;
const CERT = 2;
const TARGETS = { networks: 0, 'critical-infrastructure': 1, cert: 2 };
const TERMS = ['hotline', 'no-commercial-theft', 'assistance', 'information-sharing', 'norms', 'sanctions-relief', 'next-round'];
// Requests and answers.
const ACCUSATION = 0;
const HOTLINE = 1;
const PROPOSAL = 2;
const IGNORE = 0;
const DENY = 1;
const COOPERATE = 2;
const ACCEPT = 3;

const byId = (a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/** A strategy's code and parameters from a name or `{ name, params }`. */
function readStrategy(a) {
  const s = a.strategy;
  let name;
  let params;
  if (typeof s === 'string') name = s;
  else if (s !== null && typeof s === 'object' && typeof s.name === 'string' && typeof s.operate !== 'function') {
    name = s.name;
    params = s.params;
  } else if (s === undefined) name = 'passive';
  else throw new Error(`kernel: actor '${a.id}' has a strategy object, whose parameters cannot be read: not covered (give its name or { name, params }, as the scenario file does)`);
  const code = CODE[name];
  if (code === undefined) throw new Error(`kernel: strategy '${name}' (actor '${a.id}') is not covered`);
  const spec = PARAMS[code];
  const p = {};
  for (const key of Object.keys(spec)) p[key] = spec[key][0];
  for (const key of Object.keys(params ?? {})) {
    const range = spec[key];
    const v = params[key];
    if (!range) throw new Error(`kernel: parameter '${key}' of strategy '${name}' is not covered`);
    if (typeof v !== 'number' || !(v >= range[1] && v <= range[2])) throw new Error(`kernel: parameter '${key}' of strategy '${name}' must be a number in [${range[1]}, ${range[2]}]`);
    p[key] = v;
  }
  return { code, p };
}

/**
 * Play `rounds` rounds of a world the kernel covers (see the header). `spec` is a WorldSpec whose
 * actors' strategies are names or `{ name, params }`; `mechanisms` is DEFAULT_MECHANISMS. Returns
 * the per-round metrics, the final dyad arrays and welfare.
 */
export function usChinaRun(spec, { seed, rounds, mechanisms: m }) {
  if (spec.mechanisms !== undefined) throw new Error('kernel: mechanism overrides are not covered');
  if (spec.forums !== undefined && spec.forums.length > 0) throw new Error('kernel: forums are not covered');
  if (spec.agreements !== undefined && spec.agreements.length > 0) throw new Error('kernel: initial agreements are not covered');
  const actors = [...spec.actors].sort(byId);
  const n = actors.length;
  const nn = n * n;
  const ids = actors.map((a) => a.id);
  const index = new Map(ids.map((id, i) => [id, i]));
  const at = (id, what) => {
    const i = index.get(id);
    if (i === undefined) throw new Error(`kernel: unknown actor '${id}' in ${what}`);
    return i;
  };
  const cap = (a, k) => a.capabilities?.[k] ?? 0.5;
  const esp = Float64Array.from(actors, (a) => cap(a, 'espionage'));
  const off = Float64Array.from(actors, (a) => cap(a, 'offense'));
  const def = Float64Array.from(actors, (a) => cap(a, 'defense'));
  const att = Float64Array.from(actors, (a) => cap(a, 'attribution'));
  const stl = Float64Array.from(actors, (a) => cap(a, 'stealth'));
  const kindOf = Uint8Array.from(actors, (a) => {
    const k = ACTOR_KINDS[a.kind ?? 'state'];
    if (k === undefined) throw new Error(`kernel: actor kind '${a.kind}' is not covered`);
    return k;
  });
  const sponsor = Int32Array.from(actors, (a) => (a.sponsor === undefined ? -1 : at(a.sponsor, 'a sponsor')));
  const reactivity = Float64Array.from(actors, (a) => a.reactivity ?? m.tension.reactivity);
  const fatigue = Float64Array.from(actors, (a) => a.fatigue ?? m.tension.fatigue);
  const strategies = actors.map(readStrategy);
  const strat = Uint8Array.from(strategies, (s) => s.code);
  const params = strategies.map((s) => s.p);

  const W = m.escalation.weights;
  const T = m.trust;
  const WF = m.welfare;
  const H = m.hotline;
  const sev = [m.operations.severity.espionage, m.operations.severity.disruption, m.operations.severity.degradation];
  const dw = m.operations.defenseWeight;
  const maxOps = m.operations.maxPerRound;
  const IR = m.posterior.investigationRounds;
  const nobodyW = m.posterior.nobodyWeight > 0 ? m.posterior.nobodyWeight : 0;
  const auditThreshold = m.audit.confidenceThreshold;
  const talksDeadline = Math.max(0, Math.floor(m.talks.deadline));
  const capOf = (x, kind) => (kind === ESPIONAGE ? esp[x] : off[x]);
  const opWeight = (kind, against) => (kind === ESPIONAGE ? W.posturing : kind === DISRUPTION ? W.nonViolent : against === NETWORKS ? W.nonViolent : W.violent);
  const detectionP = (victim, stealth, severity) => clamp01(m.detection.scale * att[victim] * (1 - stealth) * (1 + (m.detection.severityBonus * severity) / 10));
  const identificationQ = (attribution, sharing) => clamp01(m.identification.base + m.identification.attributionWeight * attribution + m.identification.sharingBonus * sharing);
  // exposure(view, target, 'espionage') of src/strategies/builtins/helpers.ts: public numbers only.
  const exposure = (me, target) => detectionP(target, stl[me], sev[ESPIONAGE]) * identificationQ(att[target], 0);
  // Rivals as each actor's view shows them: everyone but itself, its own proxies and its sponsor.
  const rivals = ids.map((_, i) => {
    const out = [];
    for (let x = 0; x < n; x++) if (x !== i && sponsor[x] !== i && sponsor[i] !== x) out.push(x);
    return Int32Array.from(out);
  });

  const { stream, opsRng, detRng, retRng, attr } = kernelStreams(seed, ids);
  const strRng = new Array(n).fill(null);

  // Dyad tables at the start of the round (what strategies and priors read) and being built; the
  // two sets swap at the round's end. Their arrays are also held in locals, for the loops below.
  let cur = dyadTables(nn);
  let nxt = dyadTables(nn);
  let { trustR, trustS, tension, escT, escP, rung } = cur;
  let { trustR: nR, trustS: nS, tension: nTension, escT: nEscT, escP: nEscP, rung: nRung } = nxt;
  const { peak, actRung, grievance, welfare } = roundArrays(n);
  const broke = new Uint8Array(nn); // perceived a broken commitment this round (perceiver · n + violator)

  // Initial dyads (readDyads and evidenceForTrust in src/engine/world.ts, src/model/trust.ts).
  for (const d of spec.dyads ?? []) {
    const i = at(d.from, 'dyads');
    const j = at(d.to, 'dyads');
    const pairs = d.mutual ? [i * n + j, j * n + i] : [i * n + j];
    if (d.trust !== undefined) {
      const t = d.trust;
      const weight = Math.max(10, 1 / t - 2, 1 / (1 - t) - 2);
      const tt = Math.min(Math.max(t, 1 / (weight + 2)), (weight + 1) / (weight + 2));
      const r = tt * (weight + 2) - 1;
      for (const k of pairs) (trustR[k] = r), (trustS[k] = weight - r);
    }
    if (d.tension !== undefined) for (const k of pairs) tension[k] = d.tension;
  }
  // Adopted norms per actor, sorted (only read by the audit's norms (f) and (k)).
  const norms = ids.map((id) => (spec.norms?.[id] ? [...new Set(spec.norms[id])].sort() : []));
  for (const id of Object.keys(spec.norms ?? {})) at(id, 'norms');

  // Injects, stable-sorted by round, as plain records with actor indices.
  const injects = (spec.injects ?? [])
    .map((inj, k) => [inj, k])
    .sort((a, b) => a[0].round - b[0].round || a[1] - b[1])
    .map(([inj]) => readInject(inj));
  function readInject(inj) {
    switch (inj.type) {
      case 'note':
        return { round: inj.round, type: 0 };
      case 'operation': {
        const kind = KINDS[inj.kind];
        const against = TARGETS[inj.against ?? 'networks'];
        if (kind === undefined || against === undefined) throw new Error('kernel: an operation inject of this kind is not covered');
        return { round: inj.round, type: 1, principal: at(inj.actor, 'an inject'), target: at(inj.target, 'an inject'), kind, against, falseFlag: inj.falseFlag === undefined ? -1 : at(inj.falseFlag, 'an inject'), commercial: inj.commercial === true };
      }
      case 'reveal':
        return { round: inj.round, type: 2, victim: inj.victim === undefined ? -1 : at(inj.victim, 'an inject') };
      case 'agreement':
        return { round: inj.round, type: 3, parties: inj.parties.map((p) => at(p, 'an inject')), terms: readTerms(inj.terms) };
      case 'sanction':
        return { round: inj.round, type: 4, by: at(inj.by, 'an inject'), target: at(inj.target, 'an inject'), measure: inj.measure };
      case 'threat':
        return { round: inj.round, type: 5, by: at(inj.by, 'an inject'), target: at(inj.target, 'an inject'), measure: inj.measure };
      default:
        throw new Error(`kernel: '${inj.type}' injects are not covered`);
    }
  }
  function readTerms(terms) {
    for (const t of terms) if (!TERMS.includes(t.kind)) throw new Error(`kernel: commitment '${t.kind}' is not covered`);
    return terms;
  }
  let nextInject = 0;

  // Agreements in force: their parties (indices, sorted) and, per ordered pair, whether a term is
  // in force (agreements are only ever added here, so a flag set at signing says "signed before").
  const agreements = [];
  const hotline = new Uint8Array(nn);
  const noTheft = new Uint8Array(nn);
  const relief = new Uint8Array(nn);
  const sharing = new Int32Array(n); // information-sharing agreements each actor is party to
  const sanctions = []; // { by, target, measure } in force, in order imposed
  let threats = []; // { by, target, measure }
  let talks = []; // { a (proposer), b, offer, deadline, closed }
  let requests = []; // { kind, from, to, due, inc, pub, formal, talks, terms, answer }
  // Incidents per victim, oldest first: { round, kind, against, severity, commercial, op (or null),
  // post (Float64Array n + 1), inv (investigation rounds left), revealed (principal or -1), gone,
  // pledge (per suspect, how many commitments in force at the act it broke if that suspect did it;
  // null if none), perceived (suspects already perceived, as Incident.perceived) }.
  const incidents = ids.map(() => []);
  let ops = []; // retained operations: { round, principal, author, target, kind, against, severity, success, falseFlag, commercial }
  const audits = []; // the round's perceptions for the audit, in event order: { by, against, conf, count }
  const metrics = [];
  const others = new Int32Array(n);
  const bufA = { sus: new Int32Array(n), conf: new Float64Array(n), inc: new Array(n) };
  const bufB = { sus: new Int32Array(n), conf: new Float64Array(n), inc: new Array(n) };
  const marginOf = new Float64Array(n);
  const picks = new Int32Array(n);
  const scratch = new Float64Array(n + 1);

  // Round counters for the metrics, and the effects of events (update.ts's applyEvent) applied
  // as the events happen, to the tables being built.
  const counts = newCounts();
  let round = 0;
  const good = (observer, about, x) => {
    nR[observer * n + about] += x;
  };
  const bad = (observer, about, x) => {
    nS[observer * n + about] += x;
  };
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

  /** One forensic signal (drawSignal in src/engine/phases/detection.ts), an actor index or -1. */
  function signal(op, kind, v, q, initial, rng) {
    const author = op === null ? -1 : op.author;
    if (op !== null) {
      if (rng() < q) {
        if (!initial && sponsor[author] >= 0 && rng() < m.identification.proxySponsorLink) return sponsor[author];
        return author;
      }
      if (op.falseFlag >= 0) return op.falseFlag;
    }
    let c = 0;
    for (let x = 0; x < n; x++) if (x !== v && x !== author && capOf(x, kind) > 0) others[c++] = x;
    if (c === 0) return -1;
    return others[Math.floor(rng() * c)];
  }
  const update = (post, named, q) => bayesUpdate(post, named, q, n, scratch);
  const prior = (v, kind) => priorOf(v, kind === ESPIONAGE ? esp : off, trustR, trustS, n, nobodyW);
  /**
   * attributedIn(view, round, threshold) of helpers.ts: for each suspect the first incident of
   * `round` with its highest confidence (a revealed incident counts as certain), sorted by suspect
   * (ids are sorted, so index order is id order). Fills `out` and returns the count.
   */
  function attributed(v, r, threshold, out) {
    let c = 0;
    const list = incidents[v];
    for (let k = 0; k < list.length; k++) {
      const inc = list[k];
      if (inc.round !== r) continue;
      let s;
      let conf;
      if (inc.revealed >= 0) (s = inc.revealed), (conf = 1);
      else (s = topSuspect(inc.post, n)), (conf = s < 0 ? 0 : inc.post[s]);
      if (s < 0 || s === v || conf < threshold) continue;
      let x = 0;
      while (x < c && out.sus[x] !== s) x++;
      if (x === c) {
        out.sus[c] = s;
        out.conf[c] = conf;
        out.inc[c] = inc;
        c++;
      } else if (conf > out.conf[x]) {
        out.conf[x] = conf;
        out.inc[x] = inc;
      }
    }
    for (let a = 1; a < c; a++) {
      const s = out.sus[a], cf = out.conf[a], inc = out.inc[a];
      let b = a - 1;
      while (b >= 0 && out.sus[b] > s) {
        out.sus[b + 1] = out.sus[b];
        out.conf[b + 1] = out.conf[b];
        out.inc[b + 1] = out.inc[b];
        b--;
      }
      out.sus[b + 1] = s;
      out.conf[b + 1] = cf;
      out.inc[b + 1] = inc;
    }
    return c;
  }

  /** signAgreement (phases/agreements.ts) with the effects of its events applied in their order. */
  function sign(parties, terms) {
    const sorted = [...parties].sort((a, b) => a - b);
    agreements.push(sorted);
    for (const a of sorted) for (const b of sorted) if (a !== b) overt(a, b, W.deescalation);
    for (const term of terms) {
      if (term.kind === 'norms') {
        for (const p of sorted) {
          for (const norm of term.norms ?? []) {
            if (norms[p].includes(norm)) continue;
            norms[p] = [...norms[p], norm].sort();
            counts.normsAdopted++;
          }
        }
      } else if (term.kind === 'sanctions-relief') {
        for (let k = 0; k < sanctions.length; ) {
          const s = sanctions[k];
          if (sorted.includes(s.by) && sorted.includes(s.target)) {
            sanctions.splice(k, 1);
            good(s.target, s.by, T.sanctionLifted);
            overt(s.by, s.target, W.deescalation);
          } else k++;
        }
      }
      // next-round: a scheduled dialogue, which changes no number here (see the header).
    }
    let shares = false;
    for (const term of terms) {
      const flags = term.kind === 'hotline' ? hotline : term.kind === 'no-commercial-theft' ? noTheft : term.kind === 'sanctions-relief' ? relief : null;
      if (term.kind === 'information-sharing') shares = true;
      if (flags !== null) for (const a of sorted) for (const b of sorted) if (a !== b) flags[a * n + b] = 1;
    }
    if (shares) for (const p of sorted) sharing[p]++;
  }

  function imposeSanction(by, target, measure) {
    for (const s of sanctions) if (s.by === by && s.target === target && s.measure === measure) return;
    sanctions.push({ by, target, measure });
    threats = threats.filter((t) => !(t.by === by && t.target === target));
    counts.sanctionsImposed++;
    bad(target, by, T.sanction);
    overt(by, target, W.nonViolent);
    act(by, target, 4);
    if (relief[by * n + target]) audits.push({ by: target, against: by, conf: 1, count: 1 });
  }

  /** A request's answer, as the addressee's strategy gives it (decided on the world at the pass's start). */
  function respond(req) {
    const me = req.to;
    const s = strat[me];
    if (req.kind === PROPOSAL) {
      if (s === CONTRACTOR) return IGNORE;
      if (s === PRAGMATIST) {
        let sanctioning = false;
        for (const x of sanctions) if (x.target === me && x.by === req.from) sanctioning = true;
        // Every offer here comes from a pragmatist and holds relief; a counter-offer is not covered.
        if (sanctioning && !req.terms.some((t) => t.kind === 'sanctions-relief')) throw new Error('kernel: counter-offers are not covered');
      }
      return ACCEPT;
    }
    if (s !== PRAGMATIST) return DENY;
    // isGuilty: did it (as principal) run an operation against the requester of that round and kind?
    const inc = req.inc;
    for (const op of ops) if (op.principal === me && op.target === req.from && op.round === inc.round && op.kind === inc.kind) return DENY;
    return COOPERATE;
  }

  /**
   * What the act broke if each actor did it, by the commitments in force now (actCommitments in
   * src/engine/phases/perception.ts): a no-commercial-theft term, norms (f) and (k). Null if nothing.
   */
  function pledgesOf(v, kind, against, commercial) {
    let pledge = null;
    for (let x = 0; x < n; x++) {
      if (x === v) continue;
      const c = (commercial && noTheft[v * n + x] === 1 ? 1 : 0) + (against === CRITICAL && kind !== ESPIONAGE && norms[x].includes('gge15.f') ? 1 : 0) + (against === CERT && norms[x].includes('gge15.k') ? 1 : 0);
      if (c > 0) (pledge ??= new Uint8Array(n))[x] = c;
    }
    return pledge;
  }
  /** A file whose belief may have changed (notePerception): its first naming of a suspect at the threshold. */
  function notice(v, inc) {
    if (inc.pledge === null) return;
    const s = topSuspect(inc.post, n);
    if (s < 0 || inc.post[s] < auditThreshold || inc.pledge[s] === 0 || inc.perceived.includes(s)) return;
    inc.perceived.push(s);
    audits.push({ by: v, against: s, conf: inc.post[s], count: inc.pledge[s] });
  }
  function detected(v, op, kind, against, severity, named, q) {
    const post = prior(v, kind);
    update(post, named, q);
    const commercial = op === null ? false : op.commercial;
    const inc = { round, kind, against, severity, commercial, op, post, inv: IR, revealed: -1, gone: false, pledge: pledgesOf(v, kind, against, commercial), perceived: [] };
    incidents[v].push(inc);
    notice(v, inc);
    counts.detections++;
    const s = topSuspect(post, n);
    const c = s < 0 ? 0 : post[s];
    if (op === null) {
      counts.falseAlarms++;
      if (s >= 0) counts.misattributions++;
    } else if (s === op.author || s === op.principal) counts.correctAttributions++;
    else if (s >= 0) counts.misattributions++; // no suspect is neither right nor wrong, as in the engine's metrics
    if (s < 0) return;
    bad(v, s, T.attributedHostility * c * (severity / 10));
    const weight = c * opWeight(kind, against);
    nEscP[s * n + v] += weight;
    grievance[v * n + s] += weight;
    if (kind === 2 && against !== NETWORKS && c >= 0.5) act(s, v, 6);
  }
  function accuse(by, to, inc, pub, formal) {
    requests.push({ kind: ACCUSATION, from: by, to, due: round, inc, pub, formal, talks: null, terms: null, answer: IGNORE });
    counts.accusations++;
    if (pub) counts.publicAccusations++;
    bad(to, by, pub ? T.publicAccusation : T.privateAccusation);
    overt(by, to, pub ? W.nonViolent : W.posturing);
    act(by, to, formal ? 3 : pub ? 2 : 1);
  }
  function hotlineQuery(by, to, inc) {
    requests.push({ kind: HOTLINE, from: by, to, due: round, inc, pub: false, formal: false, talks: null, terms: null, answer: IGNORE });
    counts.hotlineQueries++;
    overt(by, to, W.statusQuo);
    act(by, to, 1);
  }
  function retaliate(by, to) {
    const p = clamp01(off[by] * (1 - dw * def[to]));
    const success = (retRng[by] ??= stream(by, 'retaliation'))() < p;
    counts.retaliations++;
    bad(to, by, T.retaliation);
    overt(by, to, W.nonViolent);
    act(by, to, 5);
    if (success) {
      welfare[by] += WF.coercionGain;
      welfare[to] -= (WF.damagePerSeverity * sev[DISRUPTION]) / 5;
    }
  }
  function proposeTalks(by, to, terms) {
    for (const t of talks) {
      if ((t.a === by || t.b === by) && (t.a === to || t.b === to)) {
        counts.rejectedActions++;
        return;
      }
    }
    const deadline = round + talksDeadline;
    const t = { a: by, b: to, offer: terms, deadline, closed: false };
    talks.push(t);
    requests.push({ kind: PROPOSAL, from: by, to, due: deadline, inc: null, pub: false, formal: false, talks: t, terms, answer: IGNORE });
  }
  function perceive(by, against, conf) {
    bad(by, against, T.brokenCommitment * conf);
    grievance[by * n + against] += W.posturing * conf;
    broke[by * n + against] = 1;
  }

  for (round = 0; round < rounds; round++) {
    resetCounts(counts);
    decayInto(cur, nxt, T.decay, m.escalation.decay);
    actRung.fill(0);
    grievance.fill(0);
    broke.fill(0);
    audits.length = 0;

    // Phase 1: injects due this round, in order; operations they order wait for phase 2.
    const orders = []; // [principal, target, kind, against, falseFlag, commercial]
    while (nextInject < injects.length && injects[nextInject].round <= round) {
      const inj = injects[nextInject++];
      switch (inj.type) {
        case 1:
          orders.push([inj.principal, inj.target, inj.kind, inj.against, inj.falseFlag, inj.commercial]);
          break;
        case 2:
          for (let v = 0; v < n; v++) {
            if (inj.victim >= 0 && v !== inj.victim) continue;
            for (const inc of incidents[v]) {
              if (inc.revealed >= 0 || (inc.op === null && inc.post[n] === 1)) continue;
              const principal = inc.op === null ? -1 : inc.op.principal;
              inc.post.fill(0);
              inc.post[principal >= 0 ? principal : n] = 1;
              inc.inv = 0;
              inc.revealed = principal;
              notice(v, inc);
            }
          }
          break;
        case 3:
          sign(inj.parties, inj.terms);
          break;
        case 4:
          imposeSanction(inj.by, inj.target, inj.measure);
          break;
        case 5: {
          if (threats.some((t) => t.by === inj.by && t.target === inj.target && t.measure === inj.measure)) break;
          threats.push({ by: inj.by, target: inj.target, measure: inj.measure });
          bad(inj.target, inj.by, T.threat);
          overt(inj.by, inj.target, W.posturing);
          act(inj.by, inj.target, 3);
          break;
        }
        default:
          break;
      }
    }

    // Phase 2: the strategies' operations, principals in id order, after the injects' orders.
    for (let i = 0; i < n; i++) {
      const s = strat[i];
      const p = params[i];
      const rv = rivals[i];
      if (s === DETERRER) {
        if (!(esp[i] > 0)) continue;
        let c = 0;
        for (let k = 0; k < rv.length; k++) {
          const t = rv[k];
          const success = Math.min(1, esp[i] * (1 - dw * def[t]));
          const benefit = WF.intelligenceGain * success;
          const retaliation = p.retaliationCost * off[t] * (1 + Math.max(0, tension[t * n + i]) / 10);
          const margin = benefit - exposure(i, t) * retaliation;
          if (!(margin > 0)) continue;
          // Insert by margin (descending), then id.
          let b = c - 1;
          while (b >= 0 && (marginOf[b] < margin || (marginOf[b] === margin && picks[b] > t))) {
            marginOf[b + 1] = marginOf[b];
            picks[b + 1] = picks[b];
            b--;
          }
          marginOf[b + 1] = margin;
          picks[b + 1] = t;
          c++;
        }
        for (let k = 0; k < c && k < maxOps; k++) orders.push([i, picks[k], ESPIONAGE, NETWORKS, -1, false]);
      } else if (s === PRAGMATIST) {
        if (!(esp[i] > 0)) continue;
        // Each rival below the bound, in id order, up to maxPerRound.
        let count = 0;
        for (let k = 0; k < rv.length && count < maxOps; k++) {
          if (exposure(i, rv[k]) < p.spyBelowExposure) {
            orders.push([i, rv[k], ESPIONAGE, NETWORKS, -1, false]);
            count++;
          }
        }
      } else {
        if (esp[i] <= 0) continue;
        let count = 0;
        for (let k = 0; k < rv.length; k++) {
          const t = rv[k];
          if (kindOf[t] !== STATE) continue;
          // One draw per target whatever happens.
          const steal = (strRng[i] ??= stream(i, 'strategy'))() < p.rate;
          if (steal && count < maxOps) {
            count++;
            orders.push([i, t, ESPIONAGE, NETWORKS, -1, true]);
          }
        }
      }
    }
    const roundOps = [];
    for (const [principal, target, kind, against, falseFlag, commercial] of orders) {
      const author = principal;
      const p = clamp01(capOf(author, kind) * (1 - dw * def[target]));
      const success = opsRng[principal]() < p;
      const op = { round, principal, author, target, kind, against, severity: sev[kind] + (against === NETWORKS ? 0 : m.operations.criticalInfrastructureBonus), success, falseFlag, commercial: kind === ESPIONAGE && commercial === true };
      roundOps.push(op);
      counts.operations++;
      nEscT[principal * n + target] += opWeight(kind, against);
      if (success) {
        counts.successfulOperations++;
        welfare[principal] += kind !== ESPIONAGE ? WF.coercionGain : op.commercial ? WF.commercialGain : WF.intelligenceGain;
        welfare[target] -= (WF.damagePerSeverity * op.severity) / 5;
      }
    }
    for (const op of roundOps) ops.push(op);

    // Phase 3: detection and attribution, victim by victim.
    for (let v = 0; v < n; v++) {
      const q = identificationQ(att[v], sharing[v]);
      const det = detRng[v];
      const list = incidents[v];
      const open = list.length;
      for (let k = 0; k < open; k++) {
        const inc = list[k];
        if (inc.inv <= 0) continue;
        const named = signal(inc.op, inc.kind, v, q, false, attr(v));
        update(inc.post, named, q);
        inc.inv--;
        notice(v, inc);
      }
      for (const op of roundOps) {
        if (op.target !== v) continue;
        if (!(det() < detectionP(v, stl[op.author], op.severity))) continue;
        const named = signal(op, op.kind, v, q, true, attr(v));
        detected(v, op, op.kind, op.against, op.severity, named, q);
      }
      if (det() < clamp01(m.falseAlarm.rate * (1 - att[v]))) {
        const named = signal(null, ESPIONAGE, v, q, true, attr(v));
        if (named >= 0) detected(v, null, ESPIONAGE, NETWORKS, sev[ESPIONAGE], named, q);
      }
    }

    // Phase 4: diplomacy, actors in id order, each in its own order (decided on the phase's world:
    // only offers of talks change what a later actor's strategy reads, hence `talksBefore`).
    const talksBefore = talks.length;
    for (let i = 0; i < n; i++) {
      const s = strat[i];
      if (s === CONTRACTOR) continue;
      const p = params[i];
      if (s === DETERRER) {
        const ca = attributed(i, round, 0.5, bufA);
        for (let k = 0; k < ca; k++) if (hotline[i * n + bufA.sus[k]]) hotlineQuery(i, bufA.sus[k], bufA.inc[k]);
        const cb = attributed(i, round - 1, 0.5, bufB);
        for (let pass = 0; pass < 2; pass++) {
          const buf = pass === 0 ? bufA : bufB;
          const c = pass === 0 ? ca : cb;
          for (let k = 0; k < c; k++) {
            const sus = buf.sus[k];
            const hot = hotline[i * n + sus] === 1;
            if (hot !== (pass === 1)) continue;
            if (buf.conf[k] >= p.retaliateAt) {
              accuse(i, sus, buf.inc[k], true, false);
              if (off[i] > 0) retaliate(i, sus);
            } else if (!hot) accuse(i, sus, buf.inc[k], false, false);
          }
        }
      } else {
        // sanctionedBy: who sanctions it, by id, once each.
        for (let by = 0; by < n; by++) {
          let sanctioning = false;
          for (const x of sanctions) if (x.target === i && x.by === by) sanctioning = true;
          if (!sanctioning) continue;
          let linked = false;
          for (let k = 0; k < talksBefore; k++) {
            const t = talks[k];
            if ((t.a === i || t.b === i) && (t.a === by || t.b === by)) linked = true;
          }
          if (!linked) proposeTalks(i, by, [{ kind: 'no-commercial-theft' }, { kind: 'hotline' }, { kind: 'sanctions-relief' }]);
        }
        const ca = attributed(i, round, p.threshold, bufA);
        for (let k = 0; k < ca; k++) {
          const sus = bufA.sus[k];
          if (hotline[i * n + sus]) hotlineQuery(i, sus, bufA.inc[k]);
          else accuse(i, sus, bufA.inc[k], false, false);
        }
      }
    }

    // Phase 5: answers (decided on the world before any is applied), in one pass: no strategy here
    // makes a counter-offer, so no further pass is ever asked. Then unanswered requests expire and
    // talks past their deadline end.
    if (requests.length > 0) {
      for (const req of requests) req.answer = respond(req);
      const kept = [];
      for (const req of requests) {
        const answer = req.answer;
        if (req.kind === PROPOSAL) {
          const t = req.talks;
          if (t.closed) continue;
          if (answer === IGNORE) {
            kept.push(req);
            continue;
          }
          sign([t.a, t.b], t.offer);
          t.closed = true;
          talks = talks.filter((x) => x !== t);
          continue;
        }
        if (answer === IGNORE) {
          kept.push(req);
          continue;
        }
        const inc = req.inc;
        if (req.kind === HOTLINE) {
          if (!inc.gone && inc.revealed < 0) {
            scaleSuspect(inc.post, req.to, answer === DENY ? H.denialLikelihoodRatio : H.cooperationLikelihoodRatio, n);
            notice(req.from, inc);
          }
          good(req.from, req.to, T.answeredRequest);
          if (answer === COOPERATE) overt(req.to, req.from, W.deescalation);
        } else if (answer === COOPERATE) {
          good(req.from, req.to, T.cooperation);
          overt(req.to, req.from, W.deescalation);
        } else good(req.from, req.to, T.answeredRequest * 0.5);
      }
      requests = kept;
      const open = [];
      for (const req of requests) {
        if (req.due > round) open.push(req);
        else if (req.kind !== PROPOSAL) bad(req.from, req.to, T.unansweredRequest);
      }
      for (const t of talks) if (t.deadline <= round) t.closed = true;
      talks = talks.filter((t) => !t.closed);
      requests = open.filter((r) => r.kind !== PROPOSAL || !r.talks.closed);
    }

    // Phase 6: the rest of the update. The audit's perceived violations, in event order.
    for (const a of audits) for (let j = 0; j < a.count; j++) perceive(a.by, a.against, a.conf);
    for (const parties of agreements) {
      for (let a = 0; a < parties.length; a++) {
        const p = parties[a];
        for (let b = 0; b < parties.length; b++) {
          const q = parties[b];
          if (p !== q && !broke[q * n + p]) good(q, p, T.keptCommitment);
        }
      }
    }
    for (const s of sanctions) {
      welfare[s.target] -= WF.sanctionCostTarget;
      welfare[s.by] -= WF.sanctionCostImposer;
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
      if (list.length > 0 && list[0].round <= horizon) {
        incidents[v] = list.filter((inc) => {
          const keep = inc.round > horizon || inc.inv > 0;
          if (!keep) inc.gone = true;
          return keep;
        });
      }
    }
    if (ops.length > 0 && ops[0].round <= horizon) ops = ops.filter((op) => op.round > horizon);

    // The round's summary metrics (roundMetrics in src/engine/metrics.ts).
    metrics.push(summaryMetrics(round, counts, sanctions.length, n, cur, peak, welfare));
  }
  return {
    metrics,
    dyads: { n, trustR, trustS, tension, escalationTrue: escT, escalationPerceived: escP, rung, peakRung: peak },
    welfare,
  };
}
