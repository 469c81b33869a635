/**
 * Charts: every kind renders a small PNG from a run's summary; HTTP mode serves them at signed,
 * expiring links for the owning team only; Socket Mode uploads them with
 * files.getUploadURLExternal / files.completeUploadExternal. Render time is measured in the bench.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { type ChartKind, type RunSummary, toRunSummary } from '@segments/core';
import { chartLink, readChartLink, renderChartPng, uploadedCharts } from '@segments/slack-app';
import { webApi } from '@slack/bolt';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTempPgliteStore, type TestStore } from '../helpers/stores';
import { postToSlackEvents, slashCommandBody, startSlackStandIn } from '../standins/slack-web-api';
import { validateBlocks } from './helpers/block-kit';
import { BUDGET, STANDARD, sampleRun, VIP } from './helpers/sample-run';
import { type RunningTestApp, SIGNING_SECRET, startTestApp } from './helpers/test-app';

const PNG_MAGIC = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

/** Ten segments with a choice of k, as an auto-k run publishes them. */
function tenSegmentRun(): RunSummary {
  const segments = Array.from({ length: 10 }, (_, i) => ({
    ...[VIP, STANDARD, BUDGET][i % 3],
    name: `Segment persona number ${i + 1}`,
    size: 10 + i * 3,
    priority: i + 1,
    income: 20 + i * 8,
    spending: 90 - i * 7,
  }));
  const run = toRunSummary(sampleRun({ id: 'ten', name: 'Ten segments', segments }));
  return {
    ...run,
    chooseK: {
      candidates: Array.from({ length: 9 }, (_, i) => ({
        k: i + 2,
        inertia: 300 / (i + 1),
        silhouette: 0.3 + (i === 8 ? 0.2 : i / 40),
      })),
      recommendedK: 10,
      reason: 'the highest silhouette',
    },
  };
}

describe('renderChartPng', () => {
  const run = tenSegmentRun();
  const previous = toRunSummary(sampleRun({ id: 'before', name: 'Before', segments: [VIP, BUDGET] }));
  it.each<ChartKind>(['sizes', 'features', 'choose-k', 'compare'])(
    'draws the %s chart of ten segments as a PNG under 300 KB with a text alternative',
    (kind) => {
      const chart = renderChartPng({ kind, run, previous });
      expect([...chart.png.subarray(0, 8)]).toEqual(PNG_MAGIC);
      expect(chart.png.length).toBeLessThan(300 * 1024);
      expect(chart.png.readUInt32BE(16)).toBe(800);
      expect(chart.alt.length).toBeGreaterThan(20);
    },
  );

  it('names every segment with its size in the sizes chart text', () => {
    const { alt } = renderChartPng({ kind: 'sizes', run });
    for (const segment of run.segments) expect(alt).toContain(`${segment.persona.name} ${segment.size} (`);
  });

  it('draws from the summary alone: per-customer assignments change nothing', () => {
    const full = sampleRun({ id: 'a', assignments: Array.from({ length: 200 }, (_, i) => i % 3) });
    const withRows = renderChartPng({ kind: 'features', run: full as unknown as RunSummary });
    const summary = renderChartPng({ kind: 'features', run: toRunSummary(full) });
    expect(Buffer.compare(withRows.png, summary.png)).toBe(0);
  });

  it('draws the sizes chart when a choice of k was not recorded', () => {
    const fixed = toRunSummary(sampleRun());
    const choose = renderChartPng({ kind: 'choose-k', run: fixed });
    expect(choose.alt).toMatch(/^Segment sizes/);
  });
});

describe('the README charts', () => {
  it.each(['sizes', 'features', 'choose-k', 'compare'])(
    'docs/charts/%s.png is a PNG under 300 KB',
    (kind) => {
      const png = readFileSync(join(__dirname, '../../docs/charts', `${kind}.png`));
      expect([...png.subarray(0, 8)]).toEqual(PNG_MAGIC);
      expect(png.length).toBeLessThan(300 * 1024);
    },
  );
});

describe('chart links', () => {
  const now = new Date('2026-02-02T10:00:00Z');
  const link = chartLink(
    'https://segments.example.com/',
    'secret',
    { team: 'T1', runId: 'r1', kind: 'sizes' },
    now,
  );
  const query = new URL(link).searchParams;

  it('reads back a link it signed until it expires a week later', () => {
    expect(link.startsWith('https://segments.example.com/charts?c=')).toBe(true);
    expect(readChartLink('secret', query, now)).toMatchObject({
      ok: true,
      ticket: { team: 'T1', runId: 'r1', kind: 'sizes' },
    });
    const later = new Date(now.getTime() + 7 * 24 * 3600 * 1000 + 1000);
    expect(readChartLink('secret', query, later)).toEqual({ ok: false, reason: 'expired' });
  });

  it('refuses a link signed with another secret or pointed at another team', () => {
    expect(readChartLink('other', query, now)).toEqual({ ok: false, reason: 'forged' });
    const payload = JSON.parse(Buffer.from(query.get('c') ?? '', 'base64url').toString());
    const forged = new URLSearchParams({
      c: Buffer.from(JSON.stringify({ ...payload, team: 'T2' })).toString('base64url'),
      s: query.get('s') ?? '',
    });
    expect(readChartLink('secret', forged, now)).toEqual({ ok: false, reason: 'forged' });
  });
});

describe('charts in HTTP mode', () => {
  let opened: TestStore;
  let running: RunningTestApp;
  let clock = new Date('2026-02-02T10:00:00Z');
  const TEAM = 'T-charts';

  beforeAll(async () => {
    opened = await openTempPgliteStore();
    await opened.store.saveRun(
      TEAM,
      sampleRun({ id: 'jan', name: 'January', createdAt: '2026-01-01T00:00:00Z', segments: [VIP, BUDGET] }),
    );
    await opened.store.saveRun(
      TEAM,
      sampleRun({ id: 'feb', name: 'February', createdAt: '2026-02-01T00:00:00Z' }),
    );
    running = await startTestApp(
      opened.store,
      { publicUrl: 'https://segments.example.com' },
      { now: () => clock },
    );
  });
  afterAll(async () => {
    await running?.stop();
    await opened?.dispose();
  });

  async function ask(team: string, text: string) {
    const id = `c${Math.random().toString(36).slice(2)}`;
    const body = slashCommandBody({ team, text, responseUrl: running.slack.responseUrl(id) });
    const response = await postToSlackEvents(running.baseUrl, body, 'application/x-www-form-urlencoded', {
      signingSecret: SIGNING_SECRET,
    });
    expect(response.status).toBe(200);
    return running.slack.waitFor((call) => call.responseId === id, `the reply to ${text}`);
  }
  const local = (url: string) => url.replace('https://segments.example.com', running.baseUrl);

  it('answers "show a chart of the segment sizes" with an image block at a signed link that serves the PNG', async () => {
    const reply = await ask(TEAM, 'show a chart of the segment sizes');
    const blocks = reply.body.blocks as { type: string; image_url?: string }[];
    expect(validateBlocks(blocks)).toEqual([]);
    const image = blocks.find((block) => block.type === 'image');
    expect(image?.image_url).toMatch(/^https:\/\/segments\.example\.com\/charts\?c=.+&s=.+/);
    const response = await fetch(local(image?.image_url ?? ''));
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('image/png');
    expect([...new Uint8Array(await response.arrayBuffer()).subarray(0, 8)]).toEqual(PNG_MAGIC);
  });

  it('adds the before/after chart to a comparison of two runs and a sizes chart to a shown run', async () => {
    const compared = await ask(TEAM, 'compare the latest run with the previous one');
    const shown = await ask(TEAM, 'show the latest run');
    for (const reply of [compared, shown]) {
      const blocks = reply.body.blocks as { type: string }[];
      expect(blocks.some((block) => block.type === 'image')).toBe(true);
      expect(validateBlocks(blocks)).toEqual([]);
    }
  });

  it('stops serving a link once it expired, and never serves another team its runs', async () => {
    const reply = await ask(TEAM, 'show a chart of the segment sizes');
    const url = local(
      (reply.body.blocks as { type: string; image_url?: string }[]).find((b) => b.type === 'image')
        ?.image_url ?? '',
    );
    clock = new Date(clock.getTime() + 8 * 24 * 3600 * 1000);
    expect((await fetch(url)).status).toBe(404);
    clock = new Date('2026-02-02T10:00:00Z');
    const other = await ask('T-other', 'show a chart of the segment sizes');
    expect(JSON.stringify(other.body.blocks)).not.toContain('/charts?');
  });
});

describe('charts in Socket Mode: uploads', () => {
  it('uploads the PNG with files.getUploadURLExternal and files.completeUploadExternal, then names the file', async () => {
    const slack = await startSlackStandIn();
    try {
      const client = new webApi.WebClient('xoxb-test', {
        slackApiUrl: slack.apiUrl,
        retryConfig: { retries: 0 },
      });
      const image = await uploadedCharts({ client }).imageFor('T1', {
        kind: 'sizes',
        run: toRunSummary(sampleRun()),
      });
      expect(image).toMatchObject({ slackFileId: 'F1' });
      const file = slack.files.get('F1');
      expect(file?.completed).toBe(true);
      expect([...(file?.bytes ?? Buffer.alloc(0)).subarray(0, 8)]).toEqual(PNG_MAGIC);
      expect(slack.calls.map((call) => call.method)).toEqual([
        'files.getUploadURLExternal',
        'files.completeUploadExternal',
      ]);
    } finally {
      await slack.close();
    }
  });

  it('leaves the answer as text when Slack refuses the upload', async () => {
    const slack = await startSlackStandIn();
    try {
      slack.failing.set('files.getUploadURLExternal', 'missing_scope');
      const client = new webApi.WebClient('xoxb-test', {
        slackApiUrl: slack.apiUrl,
        retryConfig: { retries: 0 },
      });
      const warnings: string[] = [];
      const image = await uploadedCharts({ client, logWarn: (m) => warnings.push(m) }).imageFor('T1', {
        kind: 'sizes',
        run: toRunSummary(sampleRun()),
      });
      expect(image).toBeUndefined();
      expect(warnings[0]).toContain('missing_scope');
    } finally {
      await slack.close();
    }
  });
});
