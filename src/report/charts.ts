// The report's charts as SVG strings: deterministic (same input, same bytes), every piece of text
// escaped, sized by a viewBox so they scale with the page. Each root carries `data-chart="…"`.
import { rungLabel } from '../model/escalation.js';
import type { ReportText } from '../text/report.js';
import { maxOf } from './max.js';
import type { DyadRungSeries, IncidentRecord, NormAdoption, TrustFrame } from './series.js';

/** Escape text for HTML/SVG element content and double-quoted attributes. */
export function escapeXml(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');
}

/** A coordinate with at most two decimals (no exponent, no locale). */
const f = (x: number): string => {
  const r = Math.round(x * 100) / 100;
  return Object.is(r, -0) ? '0' : String(r);
};

/** Okabe–Ito colours (distinguishable with colour-blindness), then greys. */
const PALETTE = ['#0072B2', '#D55E00', '#009E73', '#CC79A7', '#E69F00', '#56B4E9', '#7F6E00', '#000000'];

/** Palette colours light enough to need dark letters on them. */
const LIGHT: ReadonlySet<string> = new Set(['#E69F00', '#56B4E9', '#CC79A7', '#ffffff']);

/** The colour of the actor at position `index` of the canonical order. */
export function actorColor(index: number): string {
  return PALETTE[((index % PALETTE.length) + PALETTE.length) % PALETTE.length] as string;
}

/** How a chart labels rounds on its axis (a date from the calendar, or the number). */
export type RoundLabel = (round: number) => string;

interface Axis {
  readonly rounds: readonly number[];
  readonly label: RoundLabel;
}

function svgOpen(chart: string, width: number, height: number, label: string): string {
  return `<svg data-chart="${escapeXml(chart)}" viewBox="0 0 ${f(width)} ${f(height)}" width="${f(width)}" height="${f(height)}" role="img" aria-label="${escapeXml(label)}">`;
}

/**
 * About how wide a text is drawn, in pixels, at a font size (the page's sans-serif, semi-bold):
 * an estimate on the generous side, so that a chart can leave room for its longest label (an
 * actor id may be 64 characters long) without a browser to measure it.
 */
function textWidth(text: string, px: number): number {
  let em = 0;
  for (const ch of text) em += /[MWmw@]/.test(ch) ? 1.15 : /[A-Z0-9#%&]/.test(ch) ? 0.8 : /[a-z]/.test(ch) ? 0.66 : 0.5;
  return em * px;
}

/** The widest of some labels, in pixels (0 for none). */
const widest = (labels: readonly string[], px: number) => maxOf(labels.map((l) => textWidth(l, px)), 0);

/** Round ticks: at most `max`, evenly spread, always the first and last. */
function ticks(rounds: readonly number[], max: number): number[] {
  if (rounds.length <= max) return [...rounds];
  const step = Math.ceil((rounds.length - 1) / (max - 1));
  const out: number[] = [];
  for (let k = 0; k < rounds.length; k += step) out.push(rounds[k] as number);
  const last = rounds[rounds.length - 1] as number;
  if (out[out.length - 1] !== last) {
    if (out.length > 1 && rounds.indexOf(last) - rounds.indexOf(out[out.length - 1] as number) < step * 0.7) out.pop();
    out.push(last);
  }
  return out;
}

function xScale(rounds: readonly number[], x0: number, x1: number): (round: number) => number {
  const first = rounds[0] ?? 0;
  const last = rounds[rounds.length - 1] ?? first;
  const span = Math.max(1, last - first);
  return (r) => x0 + ((r - first) / span) * (x1 - x0);
}

function xAxis(axis: Axis, x: (r: number) => number, y: number, maxTicks: number): string {
  const shown = spacedTicks(axis, x, maxTicks);
  // The first and last labels hang inwards so they never spill out of the chart.
  const anchor = (k: number) => (shown.length > 1 && k === 0 ? 'start' : shown.length > 1 && k === shown.length - 1 ? 'end' : 'middle');
  return shown
    .map((r, k) => `<line x1="${f(x(r))}" y1="${f(y)}" x2="${f(x(r))}" y2="${f(y + 4)}" class="axis"/><text x="${f(x(r))}" y="${f(y + 15)}" text-anchor="${anchor(k)}" class="tick">${escapeXml(axis.label(r))}</text>`)
    .join('');
}

/**
 * The round ticks of an axis, as many as fit apart: the labels (10px, lighter than the estimate's
 * semi-bold, hence 0.8) need room for a whole label beside half of the next, as the first and
 * last hang inwards. A chart narrowed by long actor ids, or short rounds of long dates, gets fewer.
 */
function spacedTicks(axis: Axis, x: (r: number) => number, maxTicks: number): number[] {
  let shown = ticks(axis.rounds, maxTicks);
  for (let max = maxTicks; max > 2; max--) {
    shown = ticks(axis.rounds, max);
    const need = 1.5 * widest(shown.map((r) => axis.label(r)), 10) * 0.8 + 4;
    let closest = Infinity;
    for (let k = 1; k < shown.length; k++) closest = Math.min(closest, x(shown[k] as number) - x(shown[k - 1] as number));
    if (closest >= need) break;
  }
  return shown;
}

/** A step line through one value per round. */
function stepPath(values: readonly number[], rounds: readonly number[], x: (r: number) => number, y: (v: number) => number): string {
  let d = '';
  values.forEach((v, k) => {
    const r = rounds[k] as number;
    if (k === 0) d += `M${f(x(r))} ${f(y(v))}`;
    else d += `H${f(x(r))}V${f(y(v))}`;
  });
  return d;
}

/**
 * Small multiples, one panel per pair: the rung of each side towards the other over the rounds.
 * Shows at most `maxPanels` pairs, the most escalated first.
 *
 * @example
 * ```ts
 * escalationChart(rungSeries(source), { rounds, label: String }, colorOf, REPORT_EN);
 * ```
 */
export function escalationChart(series: readonly DyadRungSeries[], axis: Axis, colorOf: (id: string) => string, text: ReportText, maxPanels = 12): { svg: string; omitted: number } {
  // With more pairs than panels: the most escalated (peak, then rung-rounds), never a pair that stayed at L0.
  const weight = (d: DyadRungSeries) => d.ab.reduce((a, b) => a + b, 0) + d.ba.reduce((a, b) => a + b, 0);
  const ranked = series.length <= maxPanels ? [...series] : [...series].filter((d) => d.peak > 0).sort((p, q) => q.peak - p.peak || weight(q) - weight(p));
  const shown = ranked.slice(0, maxPanels);
  // Keep the canonical pair order among those shown, so panels do not jump between seeds.
  const order = new Map(series.map((s, i) => [s, i] as const));
  shown.sort((p, q) => (order.get(p) ?? 0) - (order.get(q) ?? 0));
  // A panel is wide enough for its title and its legend's two entries, whatever the ids' length.
  const legendGap = (d: DyadRungSeries) => Math.max(120, 22 + textWidth(`${d.a} → ${d.b}`, 10) + 12);
  const needed = maxOf(shown.map((d) => Math.max(textWidth(`${d.a} ↔ ${d.b} (${text.keyFigures.peak} L7)`, 12), legendGap(d) + 22 + textWidth(`${d.b} → ${d.a}`, 10))), 0);
  const pw = Math.max(300, Math.ceil(34 + needed + 10));
  const cols = Math.min(3, Math.max(1, shown.length), Math.max(1, Math.floor(900 / pw)));
  const ph = 180;
  const rows = Math.max(1, Math.ceil(shown.length / cols));
  const width = cols * pw;
  const height = rows * ph;
  let body = '';
  shown.forEach((s, i) => {
    const ox = (i % cols) * pw;
    const oy = Math.floor(i / cols) * ph;
    const x = xScale(axis.rounds, ox + 34, ox + pw - 24);
    const y = (v: number) => oy + 36 + ((7 - v) / 7) * (ph - 72);
    body += `<g class="panel"><text x="${f(ox + 34)}" y="${f(oy + 14)}" class="panel-title">${escapeXml(`${s.a} ↔ ${s.b}`)} <tspan class="muted">${escapeXml(`(${text.keyFigures.peak} ${rungLabel(s.peak)})`)}</tspan></text>`;
    for (let v = 0; v <= 7; v++) {
      body += `<line x1="${f(ox + 34)}" y1="${f(y(v))}" x2="${f(ox + pw - 24)}" y2="${f(y(v))}" class="grid"/>`;
      if (v % 2 === 0 || v === 7) body += `<text x="${f(ox + 30)}" y="${f(y(v) + 3)}" text-anchor="end" class="tick">${rungLabel(v)}</text>`;
    }
    body += xAxis(axis, x, y(0), 3);
    body += `<path d="${stepPath(s.ab, axis.rounds, x, y)}" fill="none" stroke="${colorOf(s.a)}" stroke-width="2"><title>${escapeXml(`${s.a} → ${s.b}`)}</title></path>`;
    body += `<path d="${stepPath(s.ba, axis.rounds, x, y)}" fill="none" stroke="${colorOf(s.b)}" stroke-width="2" stroke-dasharray="5 3"><title>${escapeXml(`${s.b} → ${s.a}`)}</title></path>`;
    const lx = ox + 34;
    const ly = oy + 26;
    body += `<g class="legend"><line x1="${f(lx)}" y1="${f(ly)}" x2="${f(lx + 18)}" y2="${f(ly)}" stroke="${colorOf(s.a)}" stroke-width="2"/><text x="${f(lx + 22)}" y="${f(ly + 3)}" class="tick">${escapeXml(`${s.a} → ${s.b}`)}</text>`;
    const gap = legendGap(s);
    body += `<line x1="${f(lx + gap)}" y1="${f(ly)}" x2="${f(lx + gap + 18)}" y2="${f(ly)}" stroke="${colorOf(s.b)}" stroke-width="2" stroke-dasharray="5 3"/><text x="${f(lx + gap + 22)}" y="${f(ly + 3)}" class="tick">${escapeXml(`${s.b} → ${s.a}`)}</text></g></g>`;
  });
  return { svg: `${svgOpen('escalation', width, height, text.charts.escalation.heading)}${body}</svg>`, omitted: series.length - shown.length };
}

/** Diverging colour for trust: red (0) through white (0.5) to blue (1). */
export function trustColor(t: number): string {
  const c = Math.max(0, Math.min(1, t));
  const mix = (a: number, b: number, k: number) => Math.round(a + (b - a) * k);
  const [r, g, b] = c < 0.5 ? [mix(202, 255, c / 0.5), mix(0, 255, c / 0.5), mix(32, 255, c / 0.5)] : [mix(255, 5, (c - 0.5) / 0.5), mix(255, 113, (c - 0.5) / 0.5), mix(255, 176, (c - 0.5) / 0.5)];
  return `#${[r, g, b].map((v) => v.toString(16).padStart(2, '0')).join('')}`;
}

/**
 * The trust matrix, one `<g class="frame" data-round="…">` per round shown; the last one is
 * visible (`class="frame on"`), the page's slider shows the others.
 *
 * @example
 * ```ts
 * trustChart(trustFrames(source), actorIds(source), String, REPORT_EN);
 * ```
 */
export function trustChart(frames: readonly TrustFrame[], ids: readonly string[], label: RoundLabel, text: ReportText): string {
  const n = ids.length;
  const cell = n <= 6 ? 56 : n <= 12 ? 36 : Math.max(8, Math.floor(480 / n));
  // Room on the left for the longest row label; column labels too long for their cell are turned
  // upright, with room above the matrix for them.
  const longest = widest(ids, 12);
  const upright = longest > cell;
  const left = Math.max(70, Math.ceil(longest + 16));
  const top = upright ? Math.max(64, Math.ceil(longest + 52)) : 64;
  // Wide enough for the colour key too (11 steps of 16), which is wider than one or two actors' cells.
  const width = Math.max(left + n * cell + 20, left + 11 * 16 + 10);
  const height = top + n * cell + 36;
  const showValues = cell >= 30;
  let body = `<text x="${f(left)}" y="16" class="muted">${escapeXml(text.charts.trust.rowsColumns)}</text>`;
  ids.forEach((id, j) => {
    const x = left + j * cell + cell / 2;
    body += upright
      ? `<text x="${f(x + 4)}" y="${f(top - 8)}" transform="rotate(-90 ${f(x + 4)} ${f(top - 8)})" class="label">${escapeXml(id)}</text>`
      : `<text x="${f(x)}" y="${f(top - 8)}" text-anchor="middle" class="label">${escapeXml(id)}</text>`;
  });
  ids.forEach((id, i) => {
    body += `<text x="${f(left - 8)}" y="${f(top + i * cell + cell / 2 + 4)}" text-anchor="end" class="label">${escapeXml(id)}</text>`;
  });
  frames.forEach((fr, k) => {
    const on = k === frames.length - 1;
    let g = `<g class="frame${on ? ' on' : ''}" data-round="${fr.round}"><text x="${f(left)}" y="36" class="panel-title">${escapeXml(label(fr.round))}</text>`;
    fr.trust.forEach((row, i) => {
      row.forEach((t, j) => {
        const x = left + j * cell;
        const y = top + i * cell;
        if (i === j) {
          g += `<rect x="${f(x)}" y="${f(y)}" width="${f(cell - 2)}" height="${f(cell - 2)}" class="diag"/>`;
          return;
        }
        g += `<rect x="${f(x)}" y="${f(y)}" width="${f(cell - 2)}" height="${f(cell - 2)}" fill="${trustColor(t)}"><title>${escapeXml(`${ids[i]} → ${ids[j]}: ${t.toFixed(2)}`)}</title></rect>`;
        if (showValues) g += `<text x="${f(x + (cell - 2) / 2)}" y="${f(y + cell / 2 + 3)}" text-anchor="middle" class="${Math.abs(t - 0.5) > 0.3 ? 'cell-value light' : 'cell-value'}">${t.toFixed(2)}</text>`;
      });
    });
    body += `${g}</g>`;
  });
  // Colour key.
  const kx = left;
  const ky = top + n * cell + 12;
  for (let s = 0; s <= 10; s++) body += `<rect x="${f(kx + s * 16)}" y="${f(ky)}" width="16" height="8" fill="${trustColor(s / 10)}"/>`;
  body += `<text x="${f(kx)}" y="${f(ky + 20)}" class="tick">0</text><text x="${f(kx + 88)}" y="${f(ky + 20)}" text-anchor="middle" class="tick">0.5</text><text x="${f(kx + 176)}" y="${f(ky + 20)}" text-anchor="end" class="tick">1</text>`;
  return `${svgOpen('trust', width, height, text.charts.trust.heading)}${body}</svg>`;
}

/** Up to two characters of an actor id, for a marker. */
const short = (id: string) => [...id].slice(0, 2).join('');

/**
 * The incident timeline: one row per victim, one marker per detected incident (fill: the first
 * suspect; ring: the true principal; a red mark on misattributions), ticks for undetected operations.
 *
 * @example
 * ```ts
 * incidentChart(incidentRecords(source.log), [], actorIds(source), axis, colorOf, REPORT_EN);
 * ```
 */
export function incidentChart(
  incidents: readonly IncidentRecord[],
  undetected: readonly { readonly round: number; readonly target: string; readonly principal: string; readonly kind: string }[],
  ids: readonly string[],
  axis: Axis,
  colorOf: (id: string) => string,
  text: ReportText,
): string {
  const victims = ids.filter((id) => incidents.some((i) => i.victim === id) || undetected.some((u) => u.target === id));
  const rowsOf = victims.length > 0 ? victims : ids;
  // Stack incidents of the same victim in the same round.
  const stack = new Map<string, number>();
  const slots = incidents.map((inc) => {
    const key = `${inc.victim}\u0000${inc.round}`;
    const k = stack.get(key) ?? 0;
    stack.set(key, k + 1);
    return k;
  });
  const depth = maxOf(stack.values(), 1);
  const rowH = 26 + depth * 22;
  const left = Math.max(60, Math.ceil(widest(rowsOf, 12) + 14));
  const width = 900;
  const top = 10;
  const height = top + rowsOf.length * rowH + 30;
  const x = xScale(axis.rounds, left + 12, width - 20);
  let body = '';
  rowsOf.forEach((v, r) => {
    const y0 = top + r * rowH;
    body += `<rect x="${f(left)}" y="${f(y0)}" width="${f(width - left - 4)}" height="${f(rowH - 4)}" class="${r % 2 ? 'band odd' : 'band'}"/><text x="${f(left - 8)}" y="${f(y0 + rowH / 2)}" text-anchor="end" class="label">${escapeXml(v)}</text>`;
  });
  for (const u of undetected) {
    const r = rowsOf.indexOf(u.target);
    if (r < 0) continue;
    const y = top + r * rowH + rowH - 10;
    body += `<line x1="${f(x(u.round))}" y1="${f(y - 6)}" x2="${f(x(u.round))}" y2="${f(y)}" class="undetected"><title>${escapeXml(`${axis.label(u.round)}: ${text.charts.incidents.undetected} — ${u.principal} → ${u.target} (${u.kind})`)}</title></line>`;
  }
  incidents.forEach((inc, k) => {
    const r = rowsOf.indexOf(inc.victim);
    const cx = x(inc.round);
    const cy = top + r * rowH + 16 + (slots[k] ?? 0) * 22;
    const truth = inc.principal === null ? null : inc.author !== null && inc.author !== inc.principal ? text.incidentTable.via(inc.principal, inc.author) : inc.principal;
    const title = text.incidentTitle({ round: axis.label(inc.round), victim: inc.victim, kind: inc.kind, suspect: inc.firstSuspect, confidence: inc.firstConfidence, truth, outcome: inc.outcome });
    const fill = inc.firstSuspect === null ? '#ffffff' : colorOf(inc.firstSuspect);
    const ring = inc.principal === null ? 'stroke="#888888" stroke-dasharray="3 2"' : `stroke="${colorOf(inc.principal)}"`;
    body += `<g class="incident" data-outcome="${inc.outcome}"><title>${escapeXml(title)}</title><circle cx="${f(cx)}" cy="${f(cy)}" r="9" fill="${fill}" ${ring} stroke-width="3"/>`;
    if (inc.firstSuspect !== null) body += `<text x="${f(cx)}" y="${f(cy + 3)}" text-anchor="middle" class="${LIGHT.has(fill) ? 'marker dark' : 'marker'}">${escapeXml(short(inc.firstSuspect))}</text>`;
    if (inc.outcome === 'misattributed' || (inc.outcome === 'false-alarm' && inc.firstSuspect !== null)) body += `<path d="M${f(cx - 4)} ${f(cy - 17)}L${f(cx + 4)} ${f(cy - 11)}M${f(cx + 4)} ${f(cy - 17)}L${f(cx - 4)} ${f(cy - 11)}" class="wrong"/>`;
    body += '</g>';
  });
  body += xAxis(axis, x, top + rowsOf.length * rowH, 10);
  if (incidents.length === 0) body += `<text x="${f(width / 2)}" y="${f(top + 20)}" text-anchor="middle" class="muted">${escapeXml(text.charts.incidents.none)}</text>`;
  return `${svgOpen('incidents', width, height, text.charts.incidents.heading)}${body}</svg>`;
}

/**
 * The norm adoption grid: actors by norms, each adopted cell showing its round ("start" when held
 * from the beginning).
 *
 * @example
 * ```ts
 * normChart(normAdoption(source), actorIds(source), String, colorOf, REPORT_EN);
 * ```
 */
export function normChart(adoption: NormAdoption, ids: readonly string[], label: RoundLabel, colorOf: (id: string) => string, text: ReportText): string {
  const cw = 62;
  const ch = 28;
  const left = Math.max(70, Math.ceil(widest(ids, 12) + 16));
  const top = 28;
  const width = left + adoption.norms.length * cw + 10;
  const height = top + ids.length * ch + 8;
  let body = '';
  adoption.norms.forEach((norm, j) => {
    body += `<text x="${f(left + j * cw + cw / 2)}" y="${f(top - 10)}" text-anchor="middle" class="label"><title>${escapeXml(norm)}</title>${escapeXml(norm.replace(/^gge15\./, ''))}</text>`;
  });
  ids.forEach((id, i) => {
    const y = top + i * ch;
    body += `<text x="${f(left - 8)}" y="${f(y + ch / 2 + 4)}" text-anchor="end" class="label">${escapeXml(id)}</text>`;
    const row = adoption.adopted.get(id);
    adoption.norms.forEach((norm, j) => {
      const x = left + j * cw;
      const when = row?.get(norm);
      if (when === undefined) {
        body += `<rect x="${f(x)}" y="${f(y)}" width="${f(cw - 3)}" height="${f(ch - 3)}" class="empty"/>`;
      } else {
        const full = when < 0 ? text.charts.norms.fromStart : label(when);
        // Long dates (days, weeks) do not fit a cell: the cell says the round, the tooltip the date.
        const t = [...full].length <= 8 ? full : `${text.round} ${when}`;
        body += `<rect x="${f(x)}" y="${f(y)}" width="${f(cw - 3)}" height="${f(ch - 3)}" fill="${colorOf(id)}" fill-opacity="0.8"><title>${escapeXml(`${id}: ${norm} — ${full}`)}</title></rect><text x="${f(x + (cw - 3) / 2)}" y="${f(y + ch / 2 + 3)}" text-anchor="middle" class="cell-value light">${escapeXml(t)}</text>`;
      }
    });
  });
  return `${svgOpen('norms', width, height, text.charts.norms.heading)}${body}</svg>`;
}

/**
 * Accumulated welfare of every actor over the rounds, one line each, with a zero line.
 *
 * @example
 * ```ts
 * welfareChart(welfareSeries(source), axis, colorOf, REPORT_EN);
 * ```
 */
export function welfareChart(series: ReadonlyMap<string, readonly number[]>, axis: Axis, colorOf: (id: string) => string, text: ReportText): string {
  const width = 900;
  const height = 260;
  const left = 56;
  const top = 12;
  const bottom = 30;
  // A loop, not Math.min(...all): spreading a long run's values as arguments overflows the stack.
  const raw = { lo: 0, hi: 0 };
  for (const values of series.values()) {
    for (const v of values) {
      if (v < raw.lo) raw.lo = v;
      if (v > raw.hi) raw.hi = v;
    }
  }
  if (raw.hi - raw.lo < 1e-9) raw.hi += 1;
  // Room on the right for the end labels ("US -12.3"), however long the ids.
  const endLabel = (id: string, values: readonly number[]) => `${id} ${(values[values.length - 1] ?? 0).toFixed(1)}`;
  const right = Math.min(width - left - 200, Math.max(110, Math.ceil(widest([...series].map(([id, v]) => endLabel(id, v)), 12) + 12)));
  const step = niceStep((raw.hi - raw.lo) / 4);
  const lo = Math.floor(raw.lo / step - 1e-9) * step;
  const hi = Math.ceil(raw.hi / step - 1e-9) * step;
  const x = xScale(axis.rounds, left, width - right);
  const y = (v: number) => top + ((hi - v) / (hi - lo)) * (height - top - bottom);
  let body = '';
  const decimals = step >= 1 ? 0 : Math.min(6, Math.ceil(-Math.log10(step)));
  for (let k = 0; lo + k * step <= hi + step / 1e6; k++) {
    const v = lo + k * step;
    body += `<line x1="${f(left)}" y1="${f(y(v))}" x2="${f(width - right)}" y2="${f(y(v))}" class="grid"/><text x="${f(left - 6)}" y="${f(y(v) + 3)}" text-anchor="end" class="tick">${v.toFixed(decimals)}</text>`;
  }
  body += `<line x1="${f(left)}" y1="${f(y(0))}" x2="${f(width - right)}" y2="${f(y(0))}" class="zero"/>`;
  body += xAxis(axis, x, height - bottom, 10);
  // End labels, pushed apart so close finishes stay readable.
  const ends = [...series.entries()].map(([id, values]) => ({ id, last: values[values.length - 1] ?? 0, at: y(values[values.length - 1] ?? 0) })).sort((p, q) => p.at - q.at || (p.id < q.id ? -1 : 1));
  for (let k = 1; k < ends.length; k++) {
    const prev = ends[k - 1] as { at: number };
    const cur = ends[k] as { at: number };
    if (cur.at - prev.at < 14) cur.at = prev.at + 14;
  }
  for (const [id, values] of series) {
    const d = values.map((v, k) => `${k === 0 ? 'M' : 'L'}${f(x(axis.rounds[k] as number))} ${f(y(v))}`).join('');
    body += `<path d="${d}" fill="none" stroke="${colorOf(id)}" stroke-width="2"><title>${escapeXml(id)}</title></path>`;
  }
  for (const e of ends) body += `<text x="${f(width - right + 6)}" y="${f(e.at + 4)}" class="label" style="fill:${colorOf(e.id)}">${escapeXml(`${e.id} ${e.last.toFixed(1)}`)}</text>`;
  return `${svgOpen('welfare', width, height, text.charts.welfare.heading)}${body}</svg>`;
}

/** A round step (1, 2 or 5 times a power of ten) at least `x`. */
function niceStep(x: number): number {
  const p = 10 ** Math.floor(Math.log10(x));
  const m = x / p;
  return (m <= 1 ? 1 : m <= 2 ? 2 : m <= 5 ? 5 : 10) * p;
}
