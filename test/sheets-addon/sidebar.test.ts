import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import {
  inferColumns,
  isSegmentationError,
  parseDelimited,
  predictTable,
  segmentTable,
  trainClassifier,
} from '@segments/core';
import { type BrowserContext, chromium, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildAddon } from '../../scripts/build-addon.mjs';

const CHROMIUM = '/usr/bin/chromium';
const hasChromium = existsSync(CHROMIUM);
if (!hasChromium)
  console.warn(
    `sidebar.test: ${CHROMIUM} is absent, so the sidebar test is skipped (apt-get install chromium)`,
  );

/**
 * A stand-in for google.script.run, injected before the sidebar's own script: each server call goes
 * to the test (window.__callServer), which answers with real core results, as the Apps Script server
 * would. Handlers are called asynchronously, as in Apps Script.
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

describe.skipIf(!hasChromium)('Sidebar in headless Chromium', () => {
  let browser: BrowserContext;
  let page: Page;
  let profileDir: string;
  const calls: { name: string; arg: unknown }[] = [];
  /** Lets a test hold runSegmentation open to look at the sidebar while it runs. */
  let gate: Promise<void> = Promise.resolve();

  /** The server side of the stand-in: real core on the Mall table, results shaped like server.ts. */
  async function serve(name: string, arg: unknown): Promise<{ value?: unknown; thrown?: string }> {
    calls.push({ name, arg });
    if (name === 'getSheetProfile') {
      return {
        value: {
          ok: true,
          sheetName: 'Customers',
          rowCount: mall.rows.length,
          columns: inferColumns(mall).map(({ name, kind, role, missing, suggested }) => ({
            name,
            kind,
            role,
            missing,
            suggested,
          })),
        },
      };
    }
    if (name === 'runSegmentation') {
      await gate;
      try {
        const run = segmentTable(mall, arg as Parameters<typeof segmentTable>[1]);
        return {
          value: {
            ok: true,
            runId: run.id,
            k: run.k,
            reason: run.chooseK?.reason,
            segments: run.segments.map((s) => ({ name: s.persona.name, size: s.size, share: s.share })),
          },
        };
      } catch (error) {
        if (isSegmentationError(error)) return { value: { ok: false, error: error.message } };
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
    if (name === 'listRuns') {
      return {
        value: {
          ok: true,
          runs: [
            {
              id: 'run-1',
              name: 'Mall · 2026-01-02',
              createdAt: '2026-01-02T03:04:05.000Z',
              k: 5,
              rowCount: 200,
            },
          ],
          problems: [],
        },
      };
    }
    if (name === 'publishRun') {
      return {
        value: {
          ok: false,
          error:
            'The Slack app did not accept the token. Run /segments connect in Slack for a new token and paste it in Settings….',
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

  it('lists the sheet columns with kind, role and missing counts, suggested ones checked', async () => {
    await page.locator('#columns').waitFor({ state: 'visible' });
    await expect.poll(() => page.locator('#sheet-info').textContent()).toContain('200 customers');
    const rows = await page.locator('#columns tbody tr').allTextContents();
    expect(rows).toHaveLength(5);
    expect(rows[0]).toContain('CustomerID');
    expect(rows[0]).toContain('id');
    expect(rows[3]).toMatch(/Annual Income \(k\$\)numericincome0/);
    expect(await page.locator('#column-0').isChecked()).toBe(false);
    expect(await page.locator('#column-3').isChecked()).toBe(true);
  });

  it('runs with the columns and options chosen, keeps Run disabled while running, then shows the segments', async () => {
    for (const [i, wanted] of [false, false, false, true, true].entries()) {
      await page.locator(`#column-${i}`).setChecked(wanted);
    }
    await page.locator('#k-fixed').check();
    await page.locator('#k-value').fill('5');
    await page.locator('#more-options summary').click();
    await page.locator('#scaling').selectOption('none');

    let open!: () => void;
    gate = new Promise((resolve) => {
      open = resolve;
    });
    await page.locator('#run').click();
    await expect.poll(() => calls.some((call) => call.name === 'runSegmentation')).toBe(true);
    expect(await page.locator('#run').isDisabled()).toBe(true);
    expect(await page.locator('#run').textContent()).toBe('Running…');
    open();

    await page.locator('#results').waitFor({ state: 'visible' });
    expect(calls.find((call) => call.name === 'runSegmentation')?.arg).toMatchObject({
      columns: ['Annual Income (k$)', 'Spending Score (1-100)'],
      k: 5,
      scaling: 'none',
      algorithm: 'auto',
      seed: 1,
    });
    const rows = await page.locator('#segments tbody tr').allTextContents();
    expect(rows).toHaveLength(5);
    const sizes = await page.locator('#segments tbody tr td:nth-child(3)').allTextContents();
    expect(sizes.map(Number).reduce((a, b) => a + b, 0)).toBe(200);
    expect(await page.locator('#segments').textContent()).toContain('Premium Shoppers');
    expect(await page.locator('#reason').textContent()).toBe('k = 5 as you chose.');
    expect(await page.locator('#run').isEnabled()).toBe(true);
    await mkdir('test-artifacts', { recursive: true });
    await page.screenshot({ path: 'test-artifacts/sidebar.png', fullPage: true });
  });

  it("shows core's error inline in plain words and lets the user run again", async () => {
    await page.locator('#k-value').fill('500');
    await page.locator('#run').click();
    await page.locator('#run-error').waitFor({ state: 'visible' });
    const message = await page.locator('#run-error').textContent();
    expect(message).toMatch(/k/);
    expect(message).toMatch(/500/);
    expect(await page.locator('#run').isEnabled()).toBe(true);
  });

  it('disables Run when no column is chosen', async () => {
    for (const i of [3, 4]) await page.locator(`#column-${i}`).setChecked(false);
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
    expect(await page.locator('#publish-run').textContent()).toContain('Mall · 2026-01-02 (k = 5');
    await page.locator('#publish').click();
    await page.locator('#publish-error').waitFor({ state: 'visible' });
    expect(await page.locator('#publish-error').textContent()).toMatch(/did not accept the token/);
    expect(calls.find((call) => call.name === 'publishRun')?.arg).toEqual({ runId: 'run-1' });
    expect(await page.locator('#view-segment').isHidden()).toBe(true);
  });
});
