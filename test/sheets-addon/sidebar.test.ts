import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parseDelimited, predictTable, trainClassifier } from '@segments/core';
import { type BrowserContext, chromium, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { buildAddon } from '../../scripts/build-addon.mjs';
import { Cache } from '../standins/apps-script/cache';
import type { Cell } from '../standins/apps-script/spreadsheet';
import {
  createSpreadsheet,
  type LoadedAddon,
  loadAddon,
  readValues,
  tooBigForAppsScript,
} from './load-addon';

const CHROMIUM = '/usr/bin/chromium';
const hasChromium = existsSync(CHROMIUM);
if (!hasChromium)
  console.warn(
    `sidebar.test: ${CHROMIUM} is absent, so the sidebar test is skipped (apt-get install chromium)`,
  );

/**
 * A stand-in for google.script.run, injected before the sidebar's own script: each server call goes
 * to the test (window.__callServer), which runs it in the built add-on on the Apps Script stand-in
 * (predict: real core results shaped as server.ts does). Handlers are called asynchronously, with
 * the user object, as in Apps Script.
 */
const SCRIPT_RUN_STANDIN = `<script>
(function () {
  function runner(handlers) {
    var base = {
      withSuccessHandler: function (f) { return runner(Object.assign({}, handlers, { success: f })); },
      withFailureHandler: function (f) { return runner(Object.assign({}, handlers, { failure: f })); },
      withUserObject: function (o) { return runner(Object.assign({}, handlers, { user: o })); },
    };
    return new Proxy(base, {
      get: function (target, name) {
        if (name in target) return target[name];
        return function (arg) {
          window.__callServer(String(name), arg === undefined ? null : arg).then(function (reply) {
            if (reply.thrown) { if (handlers.failure) handlers.failure(new Error(reply.thrown), handlers.user); }
            else if (handlers.success) handlers.success(reply.value, handlers.user);
          });
        };
      },
    });
  }
  window.google = { script: { run: runner({}) } };
})();
</script>`;

const mall = parseDelimited(
  await readFile(new URL('../fixtures/mall_customers.csv', import.meta.url), 'utf8'),
  {
    source: 'mall_customers.csv',
  },
);
const typed = (cell: unknown) =>
  typeof cell === 'string' && /^-?\d+(\.\d+)?$/.test(cell) ? Number(cell) : cell;
const mallCells = [mall.headers, ...mall.rows.map((row) => row.map(typed))] as Cell[][];

/** The right edge of the widest visible element: Google's sidebar panel is 300 px wide. */
const WIDEST_RIGHT_EDGE = `Math.max(document.documentElement.scrollWidth, ...Array.from(document.querySelectorAll('body *'), (el) => el.getBoundingClientRect().right))`;

/** Server functions the test runs in the built add-on (the rest are answered below). */
const REAL = new Set([
  'getLanguage',
  'saveLanguage',
  'getSheetProfile',
  'getActiveTarget',
  'runSegmentation',
  'renameSegment',
  'openSegmentsSheet',
  'exportSegment',
  'listRuns',
  'publishRun',
]);

describe.skipIf(!hasChromium)('Sidebar in headless Chromium', () => {
  let browser: BrowserContext;
  let page: Page;
  let profileDir: string;
  const calls: { name: string; arg: unknown }[] = [];
  /** Lets a test hold runSegmentation open to look at the sidebar while it runs. */
  let gate: Promise<void> = Promise.resolve();
  /** The built add-on on a stand-in spreadsheet with the Mall customers and a second sheet. */
  let addon: LoadedAddon;
  let spreadsheet: ReturnType<typeof createSpreadsheet>;
  /** Progress lines replayed to the sidebar while Run is held. */
  let progressReplay: { phase: string; message: string; fraction: number }[] = [];

  /** The server side of the stand-in: real core on the Mall table, results shaped like server.ts. */
  async function serve(name: string, arg: unknown): Promise<{ value?: unknown; thrown?: string }> {
    calls.push({ name, arg });
    if (name === 'getProgress') {
      // While Run is held open: the phases a real run of the add-on wrote to CacheService, in order.
      const next = progressReplay.shift();
      return { value: next ? { ok: true, ...next } : { ok: true, phase: '', message: '', fraction: 0 } };
    }
    if (REAL.has(name)) {
      if (name === 'runSegmentation') await gate;
      try {
        return { value: addon.runFromSidebar(name, ...(arg === null ? [] : [arg])) };
      } catch (error) {
        return { thrown: String(error) };
      }
    }
    if (name === 'predictSegments') {
      // As server.ts does: learn from the rows with a Genre, predict the last 20 (their Genre blanked).
      const { labelColumn } = arg as { labelColumn: string };
      const label = mall.headers.indexOf(labelColumn);
      const model = trainClassifier({ ...mall, rows: mall.rows.slice(0, -20) }, { label: labelColumn });
      const newRows = mall.rows.slice(-20).map((row) => row.map((cell, c) => (c === label ? '' : cell)));
      const result = predictTable(model, { ...mall, rows: newRows, rowNumbers: mall.rowNumbers.slice(-20) });
      const { evaluation } = model;
      return {
        value: {
          ok: true,
          predicted: result.predictions.length,
          evaluation: {
            accuracy: evaluation.accuracy,
            macroF1: evaluation.macroF1,
            baseline: evaluation.baseline,
          },
          distribution: result.distribution,
          ranking: result.ranking,
          notes: model.notes,
        },
      };
    }
    return { thrown: `unexpected server call ${name}` };
  }

  beforeAll(async () => {
    const built = await buildAddon({
      outDir: await mkdtemp(path.join(tmpdir(), 'addon-sidebar-')),
      quiet: true,
    });
    spreadsheet = createSpreadsheet({
      name: 'Mall',
      sheets: {
        Customers: mallCells,
        Leads: [
          ['Name', 'Budget'],
          ['Ana', 10],
          ['Bo', 20],
          ['Cy', 30],
        ],
        Big: tooBigForAppsScript(),
      },
    });
    addon = loadAddon({ codePath: built.codePath, spreadsheet });
    // The progress lines a real run writes (same options as the test's Run), recorded from CacheService.
    const puts = vi.spyOn(Cache.prototype, 'put');
    try {
      const rehearsal = loadAddon({
        codePath: built.codePath,
        spreadsheet: createSpreadsheet({ sheets: { Customers: mallCells } }),
      });
      rehearsal.runFromSidebar('runSegmentation', {
        columns: ['Annual Income (k$)', 'Spending Score (1-100)'],
        scaling: 'none',
        progressKey: 'rehearsal',
      });
      progressReplay = puts.mock.calls
        .filter(([key]) => String(key).endsWith('rehearsal'))
        .map(([, value]) => JSON.parse(String(value)));
    } finally {
      puts.mockRestore();
    }
    expect(progressReplay.map((line) => line.phase)).toEqual(
      expect.arrayContaining(['reading', 'choose-k', 'writing', 'done']),
    );
    // Replay from the first candidate k on, so the held Run shows a mid-run line.
    progressReplay = progressReplay.filter((line) => line.phase === 'choose-k');
    const html = await readFile(path.join(built.outDir, 'Sidebar.html'), 'utf8');
    profileDir = await mkdtemp(path.join(tmpdir(), 'chromium-profile-'));
    // A fresh profile (--user-data-dir) per run: playwright takes it as the persistent context's folder.
    browser = await chromium.launchPersistentContext(profileDir, {
      executablePath: CHROMIUM,
      viewport: { width: 300, height: 900 },
      args: [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
      ],
    });
    page = await browser.newPage();
    const blocked: string[] = [];
    // The sidebar must not load anything from outside (HtmlService sandbox; privacy).
    await page.route('**/*', (route) => {
      blocked.push(route.request().url());
      return route.abort();
    });
    await page.exposeFunction('__callServer', serve);
    await page.setContent(html.replace('<head>', `<head>${SCRIPT_RUN_STANDIN}`), { waitUntil: 'load' });
    expect(blocked).toEqual([]);
  });

  afterAll(async () => {
    await browser?.close();
    if (profileDir) await rm(profileDir, { recursive: true, force: true });
  });

  it('shows the sheet and table it will segment, with kind and role explained and ids told why', async () => {
    await page.locator('#columns').waitFor({ state: 'visible' });
    await expect
      .poll(() => page.locator('#sheet-info').textContent())
      .toBe('Sheet "Customers", A1:E201: 200 customers. Choose the columns to segment on.');
    const rows = await page.locator('#columns tbody tr').allTextContents();
    expect(rows).toHaveLength(5);
    expect(rows[0]).toContain('CustomerID');
    expect(rows[3]).toMatch(/Annual Income \(k\$\)numericincome0/);
    expect(await page.locator('#columns tbody tr').first().getAttribute('title')).toMatch(
      /different value on every row/,
    );
    expect(await page.locator('#columns thead abbr', { hasText: 'Kind' }).getAttribute('title')).toMatch(
      /numeric/,
    );
    expect(await page.locator('#columns thead abbr', { hasText: 'Role' }).getAttribute('title')).toMatch(
      /income/,
    );
    expect(await page.locator('#column-0').isChecked()).toBe(false);
    expect(await page.locator('#column-3').isChecked()).toBe(true);
    // The sidebar fits Google's 300 px panel without a horizontal scrollbar.
    expect(await page.evaluate<number>(WIDEST_RIGHT_EDGE)).toBeLessThanOrEqual(300);
  });

  it('shows the phases while Run works, then each segment with its traits, strategy and the sizes chart', async () => {
    for (const [i, wanted] of [false, false, false, true, true].entries()) {
      await page.locator(`#column-${i}`).setChecked(wanted);
    }
    await page.locator('#k-auto').check();
    await page.locator('#more-options summary').click();
    await page.locator('#scaling').selectOption('none');
    await page.locator('#more-options summary').click();

    let open!: () => void;
    gate = new Promise((resolve) => {
      open = resolve;
    });
    await page.locator('#run').click();
    await expect.poll(() => calls.some((call) => call.name === 'runSegmentation')).toBe(true);
    expect(await page.locator('#run').isDisabled()).toBe(true);
    expect(await page.locator('#run').textContent()).toBe('Running…');
    await expect
      .poll(() => page.locator('#progress-text').textContent(), { timeout: 8000 })
      .toMatch(/Tried k = /);
    expect(
      await page.locator('#progress-bar').evaluate((bar) => Number.parseFloat(bar.style.width)),
    ).toBeGreaterThan(2);
    await mkdir('test-artifacts', { recursive: true });
    await page.screenshot({ path: 'test-artifacts/sidebar-progress.png', fullPage: true });
    open();

    await page.locator('#results').waitFor({ state: 'visible' });
    expect(await page.locator('#progress').isHidden()).toBe(true);
    const run = calls.find((call) => call.name === 'runSegmentation')?.arg as Record<string, unknown>;
    expect(run).toMatchObject({
      columns: ['Annual Income (k$)', 'Spending Score (1-100)'],
      k: 'auto',
      scaling: 'none',
      expected: { sheetName: 'Customers', range: 'A1:E201' },
    });
    expect(run.progressKey).toEqual(expect.any(String));
    const cards = page.locator('#segments .card');
    const count = await cards.count();
    expect(count).toBeGreaterThanOrEqual(2);
    const facts = await page.locator('#segments .facts').allTextContents();
    expect(facts.map((text) => Number(text.split(' ')[0])).reduce((a, b) => a + b, 0)).toBe(200);
    expect(facts[0]).toMatch(/customers · \d+\.\d% · \d+\.\d% of Spending Score/);
    for (let i = 0; i < count; i++) {
      const traits = await cards.nth(i).locator('li').count();
      expect(traits).toBeGreaterThanOrEqual(1);
      expect(traits).toBeLessThanOrEqual(3);
      expect(await cards.nth(i).locator('.strategy').textContent()).toMatch(/^Strategy: \w+/);
    }
    expect(await page.locator('#reason').textContent()).toMatch(/^Why k = \d+: /);
    // The sizes chart is the SVG core drew, shown as an image at the sidebar's width.
    const chart = await page
      .locator('#sizes-chart')
      .evaluate((img: { naturalWidth: number; src: string }) => ({
        width: img.naturalWidth,
        src: decodeURIComponent(img.src),
      }));
    expect(chart.width).toBe(276);
    expect(chart.src).toContain('Customers per segment');
    expect(await page.locator('#run').isEnabled()).toBe(true);
    expect(await page.evaluate<number>(WIDEST_RIGHT_EDGE)).toBeLessThanOrEqual(300);
    await page.screenshot({ path: 'test-artifacts/sidebar.png', fullPage: true });
  });

  it('renames a persona: the Persona column, the kept run and the Segments sheet take the new name', async () => {
    const first = page.locator('#segments .card').first();
    const oldName = await first.locator('input.persona').inputValue();
    const size = Number((await first.locator('.facts').textContent())?.split(' ')[0]);
    await first.locator('input.persona').fill('Weekend Families');
    await first.locator('input.persona').press('Enter');
    await expect
      .poll(() => first.locator('.saved').textContent())
      .toBe(`Renamed to "Weekend Families" in ${size} rows and the Segments sheet.`);
    await expect
      .poll(() =>
        page.locator('#sizes-chart').evaluate((img: { src: string }) => decodeURIComponent(img.src)),
      )
      .toContain('1 · Weekend Families');
    const personas = readValues(spreadsheet.getSheetByName('Customers')!).map((row) => row[6]);
    expect(personas.filter((name) => name === 'Weekend Families')).toHaveLength(size);
    expect(personas).not.toContain(oldName);
    const summary = readValues(spreadsheet.getSheetByName('Segments')!).flat();
    expect(summary).toContain('Weekend Families');
    // The scatter chart's series header on the hidden chart-data sheet follows.
    expect(readValues(spreadsheet.getSheetByName('Segments chart data')!)[0]).toContain(
      '1 · Weekend Families',
    );
    const runs = addon.runFromSidebar('listRuns') as { runs: { segments: { name: string }[] }[] };
    expect(runs.runs[0].segments[0].name).toBe('Weekend Families');
    await page.screenshot({ path: 'test-artifacts/sidebar-renamed.png', fullPage: true });
  });

  it('refuses a name another segment has, and puts the old name back', async () => {
    const cards = page.locator('#segments .card');
    const taken = await cards.nth(1).locator('input.persona').inputValue();
    await cards.first().locator('input.persona').fill(taken);
    await cards.first().locator('input.persona').press('Enter');
    await expect.poll(() => cards.first().locator('.saved').textContent()).toMatch(/already called/);
    expect(await cards.first().locator('input.persona').inputValue()).toBe('Weekend Families');
  });

  it("exports a segment's customers to a new sheet from its card", async () => {
    const second = page.locator('#segments .card').nth(1);
    const name = await second.locator('input.persona').inputValue();
    await second.locator('button.export').click();
    await expect
      .poll(() => second.locator('.saved').textContent())
      .toMatch(/^Sheet "Segment 2 — .*" created with \d+ customers/);
    expect(spreadsheet.getSheetByName(`Segment 2 — ${name}`)).not.toBeNull();
  });

  it('opens the Segments sheet from the results', async () => {
    await page.locator('#open-segments').click();
    await expect.poll(() => spreadsheet.getActiveSheet().getName()).toBe('Segments');
    spreadsheet.setActiveSheet(spreadsheet.getSheetByName('Customers')!);
  });

  it("shows core's error inline in plain words and lets the user run again", async () => {
    await page.locator('#k-fixed').check();
    await page.locator('#k-value').fill('500');
    await page.locator('#run').click();
    await page.locator('#run-error').waitFor({ state: 'visible' });
    const message = await page.locator('#run-error').textContent();
    expect(message).toMatch(/500/);
    expect(await page.locator('#run').isEnabled()).toBe(true);
  });

  it('reads the sheet again when the user comes back from another sheet', async () => {
    spreadsheet.setActiveSheet(spreadsheet.getSheetByName('Leads')!);
    await page.evaluate("window.dispatchEvent(new Event('focus'))");
    await expect
      .poll(() => page.locator('#sheet-info').textContent())
      .toContain('Sheet "Leads", A1:B4: 3 customers');
    spreadsheet.setActiveSheet(spreadsheet.getSheetByName('Customers')!);
    await page.locator('#refresh').click();
    await expect.poll(() => page.locator('#sheet-info').textContent()).toContain('Sheet "Customers"');
  });

  it('disables Run when no column is chosen', async () => {
    await page.locator('#columns').waitFor({ state: 'visible' });
    for (const i of [0, 1, 2, 3, 4]) await page.locator(`#column-${i}`).setChecked(false);
    expect(await page.locator('#run').isDisabled()).toBe(true);
    await page.locator('#column-3').setChecked(true);
    expect(await page.locator('#run').isEnabled()).toBe(true);
  });

  it('predicts segments from the chosen label column and shows the holdout check and the distribution', async () => {
    await page.locator('nav button[data-view="predict"]').click();
    await expect.poll(() => page.locator('#predict-label option').allTextContents()).toEqual(['Genre']);
    await page.locator('#predict').click();
    await page.locator('#predict-results').waitFor({ state: 'visible' });
    expect(calls.find((call) => call.name === 'predictSegments')?.arg).toEqual({ labelColumn: 'Genre' });
    expect(await page.locator('#predict-title').textContent()).toBe('20 new customers predicted');
    expect(await page.locator('#predict-evaluation tbody tr').count()).toBe(2);
    expect(await page.locator('#predict-evaluation').textContent()).toMatch(/baseline/);
    const sizes = await page.locator('#predict-distribution tbody tr td:nth-child(2)').allTextContents();
    expect(sizes.map(Number).reduce((a, b) => a + b, 0)).toBe(20);
    expect(await page.locator('#predict').isEnabled()).toBe(true);
    await page.screenshot({ path: 'test-artifacts/sidebar-predict.png', fullPage: true });
  });

  it('publishes the chosen kept run and shows a refusal inline', async () => {
    await page.locator('nav button[data-view="publish"]').click();
    await expect.poll(() => page.locator('#publish-run option').count()).toBe(1);
    // The whole run name shows (k and date on the line below), and the publish asks for Settings.
    const runs = addon.runFromSidebar('listRuns') as { runs: { id: string; name: string; k: number }[] };
    expect(await page.locator('#publish-run').textContent()).toBe(runs.runs[0].name);
    expect(await page.locator('#publish-run-info').textContent()).toMatch(/^k = \d+ · 200 customers · /);
    await page.locator('#publish').click();
    await page.locator('#publish-error').waitFor({ state: 'visible' });
    expect(await page.locator('#publish-error').textContent()).toMatch(/Settings/);
    expect(calls.find((call) => call.name === 'publishRun')?.arg).toEqual({ runId: runs.runs[0].id });
    expect(await page.locator('#view-segment').isHidden()).toBe(true);
  });

  // The sample run itself is tested on the stand-in (layouts.test.ts), without the browser.
  it('warns before a run that 150,000 rows exceed 6 minutes, then offers a sample run and a command to copy', async () => {
    await page.locator('nav button[data-view="segment"]').click();
    spreadsheet.setActiveSheet(spreadsheet.getSheetByName('Big')!);
    await page.evaluate("window.dispatchEvent(new Event('focus'))");
    await expect.poll(() => page.locator('#sheet-info').textContent()).toContain('Sheet "Big"');
    await page.locator('#too-big').waitFor({ state: 'visible' });
    expect(await page.locator('#too-big').textContent()).toContain('150,000');
    // k back to Auto (an earlier test left it fixed at 500).
    await page.locator('#k-auto').check();
    await page.locator('#run').click();
    await page.locator('#run-help').waitFor({ state: 'visible' });
    expect(await page.locator('#run-error').textContent()).toContain(
      "would take about 7 minutes, more than Apps Script's 6-minute limit",
    );
    // The Mall run's cards do not stay under an error about another sheet, and the long command wraps.
    expect(await page.locator('#results').isHidden()).toBe(true);
    expect(await page.evaluate<number>(WIDEST_RIGHT_EDGE)).toBeLessThanOrEqual(300);
    expect(await page.locator('#cli-command').inputValue()).toBe(
      `segments segment --sheet ${spreadsheet.getId()} --range "Big!A1:F150001"`,
    );
    await page.locator('#copy-command').click();
    expect(await page.locator('#copy-command').textContent()).toBe('Copied');
    expect(await page.locator('#run-sample').textContent()).toMatch(/^Run on a sample of [\d,]+ customers$/);
    await page.screenshot({ path: 'test-artifacts/sidebar-too-big.png', fullPage: true });
  });
});

describe.skipIf(!hasChromium)('Sidebar in Bahasa Indonesia under an in_ID spreadsheet locale', () => {
  let browser: BrowserContext;
  let page: Page;
  let profileDir: string;
  let addon: LoadedAddon;
  const calls: string[] = [];

  beforeAll(async () => {
    const built = await buildAddon({
      outDir: await mkdtemp(path.join(tmpdir(), 'addon-sidebar-id-')),
      quiet: true,
    });
    const spreadsheet = createSpreadsheet({
      name: 'Mall',
      sheets: { Customers: mallCells.map((row) => [...row]) },
    });
    spreadsheet.setSpreadsheetLocale('in_ID');
    addon = loadAddon({ codePath: built.codePath, spreadsheet });
    // The page as the menu opens it: the server puts the texts in the user's language into it.
    addon.globals.showSidebar();
    const html = addon.services.ui.lastSidebar()?.content ?? '';
    expect(html).toContain('window.SIDEBAR_LANGUAGE');
    profileDir = await mkdtemp(path.join(tmpdir(), 'chromium-profile-id-'));
    browser = await chromium.launchPersistentContext(profileDir, {
      executablePath: CHROMIUM,
      viewport: { width: 300, height: 900 },
      args: [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--no-first-run',
      ],
    });
    page = await browser.newPage();
    await page.route('**/*', (route) => route.abort());
    // Every server call runs in the built add-on on the stand-in spreadsheet.
    await page.exposeFunction('__callServer', (name: string, arg: unknown) => {
      calls.push(name);
      try {
        return { value: addon.runFromSidebar(name, ...(arg === null ? [] : [arg])) };
      } catch (error) {
        return { thrown: String(error) };
      }
    });
    await page.setContent(html.replace('<head>', `<head>${SCRIPT_RUN_STANDIN}`), { waitUntil: 'load' });
  });

  afterAll(async () => {
    await browser?.close();
    if (profileDir) await rm(profileDir, { recursive: true, force: true });
  });

  it('shows every label, tooltip and the columns table in Indonesian, with no text left empty', async () => {
    await page.locator('#columns').waitFor({ state: 'visible' });
    // The texts came with the page: the sidebar did not have to ask for them.
    expect(calls).not.toContain('getLanguage');
    expect(await page.locator('nav button').allTextContents()).toEqual([
      'Segmentasi',
      'Tetapkan',
      'Prediksi',
      'Publikasi',
      'Setelan',
    ]);
    expect(await page.locator('html').getAttribute('lang')).toBe('id');
    await expect
      .poll(() => page.locator('#sheet-info').textContent())
      .toBe('Sheet "Customers", A1:E201: 200 pelanggan. Pilih kolom untuk segmentasi.');
    const rows = await page.locator('#columns tbody tr').allTextContents();
    expect(rows[3]).toMatch(/Annual Income \(k\$\)numerikpenghasilan0/);
    expect(rows[4]).toMatch(/Spending Score \(1-100\)numerikbelanja0/);
    expect(await page.locator('#columns tbody tr').first().getAttribute('title')).toMatch(
      /^Nilainya berbeda di setiap baris/,
    );
    expect(await page.locator('#columns thead abbr', { hasText: 'Jenis' }).getAttribute('title')).toMatch(
      /numerik \(angka\)/,
    );
    expect(await page.locator('#run').textContent()).toBe('Jalankan');
    // Every element that takes a text from the catalogue got one (the markup itself is empty).
    const empty = await page.evaluate<string[]>(
      `Array.from(document.querySelectorAll('[data-t]')).filter((element) => element.textContent.trim() === '').map((element) => element.getAttribute('data-t'))`,
    );
    expect(empty).toEqual([]);
    expect(await page.locator('#refresh').getAttribute('title')).toBe('Baca ulang sheet yang aktif');
    expect(await page.evaluate<number>(WIDEST_RIGHT_EDGE)).toBeLessThanOrEqual(300);
  });

  it('shows the results in Indonesian: personas, traits, strategies, the reason for k and decimal commas', async () => {
    for (const [i, wanted] of [false, false, false, true, true].entries()) {
      await page.locator(`#column-${i}`).setChecked(wanted);
    }
    await page.locator('#more-options summary').click();
    expect(await page.locator('#scaling option').allTextContents()).toEqual([
      'Standardisasi (z-score)',
      'Min–maks ke 0..1',
      'Tanpa (satuan asli)',
    ]);
    await page.locator('#scaling').selectOption('none');
    await page.locator('#more-options summary').click();
    await page.locator('#run').click();
    await page.locator('#results').waitFor({ state: 'visible' });
    expect(await page.locator('#results-title').textContent()).toBe('5 segmen');
    expect(await page.locator('#results-where').textContent()).toBe(
      'Ditulis ke "Customers" (A1:E201): 200 pelanggan.',
    );
    const names = await page
      .locator('#segments input.persona')
      .evaluateAll((inputs) => inputs.map((input) => (input as unknown as { value: string }).value));
    expect(names).toEqual([
      'Pelanggan Potensial (Menengah)',
      'Pelanggan Premium (VIP)',
      'Berduit tapi Hemat',
      'Pembeli Hemat',
      'Pembeli Impulsif (Boros)',
    ]);
    const facts = await page.locator('#segments .facts').allTextContents();
    // 81 of 200 customers is 40,5%: a decimal comma, as Indonesian writes it.
    expect(facts[0]).toMatch(/^81 pelanggan · 40,5% · \d+,\d% dari Spending Score \(1-100\)$/);
    const vip = page.locator('#segments .card').nth(1);
    expect(await vip.locator('li').allTextContents()).toEqual(
      expect.arrayContaining([expect.stringMatching(/^Annual Income \(k\$\) tinggi \(rata-rata 86,5\)$/)]),
    );
    expect(await vip.locator('.strategy').textContent()).toMatch(/^Strategi: Penawaran eksklusif/);
    expect(await vip.locator('button.export').textContent()).toBe('Ekspor pelanggan ini ke sheet baru');
    expect(await page.locator('#reason').textContent()).toMatch(
      /^Mengapa k = 5: 5 segmen: pelanggan terbagi /,
    );
    const chart = await page
      .locator('#sizes-chart')
      .evaluate((img: { src: string }) => decodeURIComponent(img.src));
    expect(chart).toContain('<title>Pelanggan per segmen</title>');
    expect(chart).toContain('81 · 40,5%');
    expect(await page.locator('#run').textContent()).toBe('Jalankan');
    expect(await page.evaluate<number>(WIDEST_RIGHT_EDGE)).toBeLessThanOrEqual(300);
    await mkdir('test-artifacts', { recursive: true });
    await page.screenshot({ path: 'test-artifacts/sidebar-id.png', fullPage: true });
  });

  it("exports a segment's customers to a sheet named in Indonesian", async () => {
    const vip = page.locator('#segments .card').nth(1);
    await vip.locator('button.export').click();
    await expect
      .poll(() => vip.locator('.saved').textContent())
      .toBe(
        'Sheet "Segmen 2 — Pelanggan Premium (VIP)" dibuat berisi 39 pelanggan (File › Download › CSV untuk mengunggahnya).',
      );
  });

  it('says in Indonesian why a rename is refused', async () => {
    const cards = page.locator('#segments .card');
    await cards.first().locator('input.persona').fill('Pembeli Hemat');
    await cards.first().locator('input.persona').press('Enter');
    await expect
      .poll(() => cards.first().locator('.saved').textContent())
      .toBe('Segmen 4 sudah bernama "Pembeli Hemat"; pilih nama lain supaya keduanya bisa dibedakan.');
    expect(await cards.first().locator('input.persona').inputValue()).toBe('Pelanggan Potensial (Menengah)');
  });

  it('switches to English in Settings, re-wording what is on screen, and back to the spreadsheet locale', async () => {
    await page.locator('nav button[data-view="settings"]').click();
    expect(await page.locator('#language option').allTextContents()).toEqual([
      'Otomatis (lokal spreadsheet in_ID)',
      'English',
      'Bahasa Indonesia',
    ]);
    expect(await page.locator('#language').inputValue()).toBe('auto');
    await page.screenshot({ path: 'test-artifacts/sidebar-id-settings.png', fullPage: true });
    await page.locator('#language').selectOption('en');
    await expect.poll(() => page.locator('#language-result').textContent()).toBe('Language saved.');
    expect(await page.locator('nav button').first().textContent()).toBe('Segment');
    expect(await page.locator('#token-hint').textContent()).toBe('No token saved yet.');
    expect(await page.locator('#results-title').textContent()).toBe('5 segments');
    expect(await page.locator('#segments .facts').first().textContent()).toMatch(/^81 customers · 40\.5% · /);
    expect((addon.runFromSidebar('getLanguage') as { setting: string }).setting).toBe('en');
    await page.locator('#language').selectOption('auto');
    await expect.poll(() => page.locator('#language-result').textContent()).toBe('Bahasa tersimpan.');
    expect(await page.locator('nav button').first().textContent()).toBe('Segmentasi');
    expect(await page.locator('#results-title').textContent()).toBe('5 segmen');
  });
});
