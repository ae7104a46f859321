// The HTML report in a real headless Chromium (Debian's `chromium`, driven by playwright-core):
// it loads offline, logs no error, and every chart is there with a size. A screenshot is written
// to .tmp/report.png for a human to look at.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { parseScenario, renderHtmlReport, reportSource, simulate } from '../../src/index.js';

const CHROMIUM = '/usr/bin/chromium';
const present = existsSync(CHROMIUM);
if (!present) {
  console.warn(`tests/report/chromium.test.ts: SKIPPED — Chromium is absent (${CHROMIUM}). Install it with: sudo apt-get install -y --no-install-recommends chromium`);
}

const root = resolve(import.meta.dirname, '../..');
const CHARTS = ['escalation', 'trust', 'incidents', 'norms', 'welfare'];

function report(): string {
  const scenario = parseScenario(readFileSync(join(root, 'scenarios/us-china-2015.yaml'), 'utf8'));
  const run = simulate(scenario.spec, { seed: 1, rounds: scenario.rounds });
  return renderHtmlReport(reportSource(scenario, run, 1));
}

describe('the HTML report in headless Chromium', () => {
  it.skipIf(!present)('loads offline with no console or page error; every chart is present and sized; the slider works; a screenshot is written', async () => {
    const dir = join(root, '.tmp');
    mkdirSync(dir, { recursive: true });
    const file = join(dir, 'report-us-china-2015-seed1.html');
    writeFileSync(file, report());
    const browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox'] });
    try {
      const page = await browser.newPage({ viewport: { width: 1100, height: 900 } });
      const errors: string[] = [];
      const blocked: string[] = [];
      page.on('console', (m) => {
        if (m.type() === 'error' || m.type() === 'warning') errors.push(`console.${m.type()}: ${m.text()}`);
      });
      page.on('pageerror', (e) => errors.push(`pageerror: ${e.message}`));
      // Offline: anything but the file itself and data: URLs is refused (and recorded).
      await page.route('**/*', (route) => {
        const url = route.request().url();
        if (url.startsWith('file:') || url.startsWith('data:')) return route.continue();
        blocked.push(url);
        return route.abort();
      });
      await page.goto(pathToFileURL(file).href, { waitUntil: 'load' });
      for (const chart of CHARTS) {
        const svg = page.locator(`svg[data-chart="${chart}"]`);
        expect(await svg.count(), chart).toBe(1);
        const box = await svg.boundingBox();
        expect(box, chart).not.toBeNull();
        expect(box?.width ?? 0, chart).toBeGreaterThan(50);
        expect(box?.height ?? 0, chart).toBeGreaterThan(50);
      }
      // Exactly one trust frame shows; moving the slider to round 0 shows round 0's.
      const visible = () => page.locator('svg[data-chart="trust"] g.frame:visible').evaluateAll((gs) => gs.map((g) => g.getAttribute('data-round')));
      expect(await visible()).toEqual(['36']);
      await page.locator('#trust-round').fill('0');
      expect(await visible()).toEqual(['0']);
      expect(await page.locator('#trust-round-label').textContent()).toBe('Jun 2013');
      await page.locator('#trust-round').fill('36');
      await page.screenshot({ path: join(dir, 'report.png'), fullPage: true });
      expect(errors).toEqual([]);
      expect(blocked).toEqual([]);
    } finally {
      await browser.close();
    }
  });

  it.skipIf(!present)('runs no script from hostile scenario text: it shows as text, nothing fires, nothing is fetched', async () => {
    const hostile = parseScenario(
      [
        `name: hostile`,
        `title: "<script>alert('title')</script></title><script>alert(2)</script>"`,
        `description: "<img src=x onerror=alert('desc')>"`,
        `rounds: 3`,
        `actors: [{ id: A, name: "<svg onload=alert(3)>", strategy: hawk }, { id: B, strategy: dove }]`,
        `injects: [{ round: 1, type: note, text: "<script>alert('note')</script><img src=https://example.com/x.png>" }]`,
      ].join('\n'),
    );
    const file = join(root, '.tmp', 'report-hostile.html');
    mkdirSync(join(root, '.tmp'), { recursive: true });
    writeFileSync(file, renderHtmlReport(reportSource(hostile, simulate(hostile.spec, { seed: 1, rounds: 3 }), 1)));
    const browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox'] });
    try {
      const page = await browser.newPage();
      const fired: string[] = [];
      page.on('dialog', (d) => {
        fired.push(d.message());
        void d.dismiss();
      });
      page.on('pageerror', (e) => fired.push(`pageerror: ${e.message}`));
      page.on('console', (m) => {
        if (m.type() === 'error') fired.push(`console.error: ${m.text()}`);
      });
      const requests: string[] = [];
      await page.route('**/*', (route) => {
        const url = route.request().url();
        if (url.startsWith('file:') || url.startsWith('data:')) return route.continue();
        requests.push(url);
        return route.abort();
      });
      await page.goto(pathToFileURL(file).href, { waitUntil: 'load' });
      expect(await page.locator('h1').textContent()).toBe("<script>alert('title')</script></title><script>alert(2)</script>");
      expect(await page.locator('.story li.news').first().textContent()).toBe("<script>alert('note')</script><img src=https://example.com/x.png>");
      expect(await page.locator('img').count()).toBe(0);
      expect(await page.locator('script').count()).toBe(1);
      expect(fired).toEqual([]);
      expect(requests).toEqual([]);
    } finally {
      await browser.close();
    }
  });

  it.skipIf(!present)('draws every label inside its chart, and the legend entries and axis ticks apart, with ids of any length and one or two actors', async () => {
    const long = 'Peoples-Republic-of-China-Ministry-of-State-Security-Bureau-WWWW';
    const other = 'United-States-of-America-Cyber-Command-Joint-Task-Force-MMMMMMMM';
    const cases = {
      long: `name: long\nrounds: 10\ncalendar: { unit: day, start: 2015-01-01 }\nactors:\n  - { id: ${long}, capabilities: china, strategy: hawk }\n  - { id: ${other}, capabilities: us, strategy: deterrer }\n  - { id: B, strategy: dove }`,
      two: 'name: two\nrounds: 4\nactors: [{ id: A, strategy: hawk }, { id: B, strategy: deterrer }]',
      one: 'name: one\nrounds: 1\nactors: [{ id: A, strategy: hawk }]',
    };
    const browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox'] });
    try {
      const page = await browser.newPage({ viewport: { width: 1100, height: 900 } });
      for (const [name, text] of Object.entries(cases)) {
        const scenario = parseScenario(text);
        const file = join(root, '.tmp', `report-labels-${name}.html`);
        mkdirSync(join(root, '.tmp'), { recursive: true });
        writeFileSync(file, renderHtmlReport(reportSource(scenario, simulate(scenario.spec, { seed: 1, rounds: scenario.rounds }), 1)));
        await page.goto(pathToFileURL(file).href, { waitUntil: 'load' });
        const outside = await page.locator('svg[data-chart]').evaluateAll((svgs) => {
          const out: string[] = [];
          for (const svg of svgs) {
            const box = svg.getBoundingClientRect();
            for (const t of svg.querySelectorAll('text')) {
              const r = t.getBoundingClientRect();
              if (r.width === 0) continue; // a hidden trust frame
              if (r.left < box.left - 1 || r.right > box.right + 1 || r.top < box.top - 1 || r.bottom > box.bottom + 1) out.push(`${svg.getAttribute('data-chart')}: '${t.textContent}'`);
            }
            // Tick labels of one axis (one baseline) stand apart.
            const ticks = [...svg.querySelectorAll('text.tick')].map((t) => ({ y: t.getAttribute('y'), r: t.getBoundingClientRect(), text: t.textContent }));
            for (const a of ticks) for (const b of ticks) if (a !== b && a.y === b.y && a.r.width > 0 && b.r.width > 0 && a.r.left < b.r.left && a.r.right > b.r.left - 2) out.push(`${svg.getAttribute('data-chart')}: ticks '${a.text}' and '${b.text}' overlap`);
            for (const g of svg.querySelectorAll('g.legend')) {
              const [a, b] = [...g.querySelectorAll('text')].map((t) => t.getBoundingClientRect());
              if (a && b && a.right > b.left - 20) out.push(`${svg.getAttribute('data-chart')}: legend '${g.textContent}' overlaps`);
            }
          }
          return out;
        });
        expect(outside, name).toEqual([]);
      }
    } finally {
      await browser.close();
    }
  });

  it.skipIf(!present)('keeps long actor names and an unbroken title within the page width', async () => {
    const scenario = parseScenario(
      [
        'name: long-names',
        `title: "${'Unbroken'.repeat(30)}"`,
        'rounds: 2',
        `actors: [{ id: US, name: "The United States of America, acting through the Department of State Bureau of Cyberspace and Digital Policy and the National Security Council", strategy: deterrer }, { id: CN, name: "${'X'.repeat(200)}", strategy: hawk }]`,
      ].join('\n'),
    );
    const file = join(root, '.tmp', 'report-long-names.html');
    mkdirSync(join(root, '.tmp'), { recursive: true });
    writeFileSync(file, renderHtmlReport(reportSource(scenario, simulate(scenario.spec, { seed: 1, rounds: 2 }), 1)));
    const browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox'] });
    try {
      const page = await browser.newPage({ viewport: { width: 1100, height: 900 } });
      await page.goto(pathToFileURL(file).href, { waitUntil: 'load' });
      const main = await page.locator('main').boundingBox();
      const overflowing = await page.locator('header > *, header .actors > span').evaluateAll((els, right) => els.filter((el) => el.getBoundingClientRect().right > right + 1).map((el) => el.textContent?.slice(0, 40)), (main?.x ?? 0) + (main?.width ?? 0));
      expect(overflowing).toEqual([]);
      expect(await page.evaluate('document.documentElement.scrollWidth')).toBe(1100);
    } finally {
      await browser.close();
    }
  });
});

