import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningServer } from '../api/index.ts';
import type { Graph } from '../graph/index.ts';
import { seededApi } from './helpers/seeded-api.ts';
import { CHROMIUM, checkBrowserDeps } from './helpers/system-deps.ts';

/**
 * The explorer page as an analyst meets it: served by the API at `/` over the seeds, opened in
 * Debian's headless Chromium with no network but loopback, the matrix and network drawn, a
 * county clicked, its profile read. The screenshot can refresh docs/img for the README (XIANZHI_FIGURES_DIR=docs/img).
 */

let graph: Graph;
let api: RunningServer;
let counties: Array<{ code: string; name: string }>;
let browser: Browser;
let page: Page;
let base: string;
const failures: string[] = [];

beforeAll(async () => {
  checkBrowserDeps();
  ({ graph, api, counties } = await seededApi());
  base = api.url.replace(/\/graphql$/, '');
  browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-quic', '--no-first-run', '--disable-component-update', '--disable-sync'],
  });
  page = await browser.newPage({ viewport: { width: 1400, height: 1300 } });
  page.on('pageerror', (e) => failures.push(`page error: ${e.message}\n${e.stack ?? ''}`));
  page.on('console', (m) => m.type() === 'error' && failures.push(`console: ${m.text()}`));
  // Offline means offline: anything not asked of our own server fails the test.
  await page.route('**/*', (route) => {
    if (route.request().url().startsWith(base)) return route.continue();
    failures.push(`request outside the API: ${route.request().url()}`);
    return route.abort();
  });
}, 300_000);

afterAll(async () => {
  await browser?.close();
  await api?.close();
  await graph?.close();
});

describe('explorer assets', () => {
  it('answers the page at / and its files under /explorer/, leaving GraphQL alone', async () => {
    const root = await fetch(`${base}/`, { redirect: 'manual' });
    expect(root.status, 'GET / should answer the explorer: register useExplorer() in api/server.ts').toBe(200);
    expect(root.headers.get('content-type')).toContain('text/html');
    expect(await root.text()).toContain('/explorer/echarts.min.js');

    const echarts = await fetch(`${base}/explorer/echarts.min.js`);
    expect(echarts.status).toBe(200);
    expect(echarts.headers.get('content-type')).toContain('javascript');
    expect((await echarts.text()).length).toBeGreaterThan(500_000);

    for (const file of ['main.js', 'style.css']) expect((await fetch(`${base}/explorer/${file}`)).status, file).toBe(200);
    expect((await fetch(`${base}/explorer/../server.ts`)).status).toBe(404);
    expect((await fetch(`${base}/explorer/nope.js`)).status).toBe(404);
    const gql = await fetch(api.url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query: '{ countyCount }' }) });
    expect((await gql.json()).data.countyCount).toBe(counties.length);
  });
});

describe('explorer page', () => {
  it('draws every seed county and the recurring industries in the matrix and the network', async () => {
    await page.goto(`${base}/`);
    await page.waitForSelector('body[data-state="ready"]', { timeout: 30_000 });
    const heatmap = page.locator('#heatmap');
    const codes = (await heatmap.getAttribute('data-counties'))!.split(',');
    expect(codes.sort()).toEqual(counties.map((c) => c.code).sort());
    // The axis labels are SVG text: what is drawn, not just what was loaded.
    const drawn = await page.locator('#heatmap svg text').allTextContents();
    for (const c of counties) expect(drawn, c.name).toContain(c.name);
    const industries = (await heatmap.getAttribute('data-industries'))!.split(',');
    expect(industries.length).toBeGreaterThan(3);
    for (const name of industries.slice(0, 5)) expect(drawn, name).toContain(name);
    expect(Number(await heatmap.getAttribute('data-cells'))).toBeGreaterThan(counties.length);

    const network = page.locator('#network');
    expect(Number(await network.getAttribute('data-nodes'))).toBeGreaterThan(counties.length);
    expect(Number(await network.getAttribute('data-links'))).toBeGreaterThan(0);
    expect(await page.locator('#network svg path').count()).toBeGreaterThan(0);
    expect(await page.locator('#summary').textContent()).toContain(`${counties.length} 个县`);
  });

  it('shows a county’s profile — industries, projects, targets with evidence — when its name is clicked', async () => {
    const county = counties[0]!;
    await page.locator('#heatmap svg text', { hasText: county.name }).first().click();
    await page.waitForSelector(`#profile[data-state="loaded"][data-county="${county.code}"]`, { timeout: 30_000 });
    expect(await page.locator('#profile-body h3').textContent()).toBe(county.name);
    const industries = page.locator('#profile-body table[data-section="industries"] tr[data-industry]');
    expect(await industries.count()).toBeGreaterThan(0);
    // Facts come with the sentence they were read from.
    expect(await page.locator('#profile-body table[data-section="industries"] .evidence').count()).toBeGreaterThan(0);
    expect(await page.locator('#profile-body h4').allTextContents()).toEqual([
      expect.stringMatching(/^产业 industries \(\d+\)$/),
      expect.stringMatching(/^项目 projects \(\d+\)$/),
      expect.stringMatching(/^目标与完成 targets \(\d+\)$/),
    ]);
    expect(await page.locator(`#county-list button[data-code="${county.code}"]`).getAttribute('aria-pressed')).toBe('true');

    // Another county from the chips: the profile follows.
    const other = counties[1]!;
    await page.locator(`#county-list button[data-code="${other.code}"]`).click();
    await page.waitForSelector(`#profile[data-state="loaded"][data-county="${other.code}"]`, { timeout: 30_000 });
    expect(await page.locator('#profile-body h3').textContent()).toBe(other.name);

    await page.waitForTimeout(1000); // let the force layout settle before the picture
    // A temp folder unless XIANZHI_FIGURES_DIR=docs/img asks to refresh the README's picture.
    const dir = process.env.XIANZHI_FIGURES_DIR ? path.resolve(process.env.XIANZHI_FIGURES_DIR) : fs.mkdtempSync(path.join(os.tmpdir(), 'xianzhi-figures-'));
    fs.mkdirSync(dir, { recursive: true });
    await page.screenshot({ path: path.join(dir, 'explorer.png'), fullPage: true });
    expect(failures).toEqual([]);
  });
});
