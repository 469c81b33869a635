import { mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import {
  CHART_DATA_SHEET_NAME,
  decodeRunRows,
  METADATA_KEYS,
  parseDelimited,
  RUNS_SHEET_NAME,
  SUMMARY_SHEET_NAME,
} from '@segments/core';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { buildAddon } from '../../scripts/build-addon.mjs';
import { LockRegistry } from '../standins/apps-script/lock';
import { type Cell, StandinRange, type StandinSpreadsheet } from '../standins/apps-script/spreadsheet';
import type { FetchHandler } from '../standins/apps-script/url-fetch';
import {
  createSpreadsheet,
  type LoadAddonOptions,
  loadAddon,
  readValues,
  snapshotSpreadsheet,
} from './load-addon';

const MALL_OPTIONS = {
  columns: ['Annual Income (k$)', 'Spending Score (1-100)'],
  k: 5,
  scaling: 'none',
  seed: 1,
};
const LOCK_BUSY = 'Another segmentation is running in this spreadsheet; try again in a minute.';

let codePath: string;
let mallCells: Cell[][];

beforeAll(async () => {
  codePath = (
    await buildAddon({ outDir: await mkdtemp(path.join(tmpdir(), 'addon-scenarios-')), quiet: true })
  ).codePath;
  const table = parseDelimited(
    await readFile(new URL('../fixtures/mall_customers.csv', import.meta.url), 'utf8'),
  );
  // As a sheet holds the CSV once imported: numbers as numbers, text as text.
  const typed = (cell: unknown) =>
    typeof cell === 'string' && /^-?\d+(\.\d+)?$/.test(cell) ? Number(cell) : cell;
  mallCells = [table.headers, ...table.rows.map((row) => row.map(typed))] as Cell[][];
});

function mallSpreadsheet(edit?: (cells: Cell[][]) => void): StandinSpreadsheet {
  const cells = mallCells.map((row) => [...row]);
  edit?.(cells);
  return createSpreadsheet({ name: 'Mall', sheets: { Customers: cells } });
}

function load(spreadsheet: StandinSpreadsheet, options: Partial<LoadAddonOptions> = {}) {
  return loadAddon({ codePath, spreadsheet, ...options });
}

type RunReply = {
  ok: boolean;
  error?: string;
  runId: string;
  k: number;
  segments: { name: string; size: number }[];
};

describe('Sheets add-on menu and sidebar', () => {
  it('adds the add-on menu with every item bound to a script function', () => {
    const addon = load(mallSpreadsheet());
    addon.globals.onOpen({ authMode: 'LIMITED' });
    const items = addon.services.ui.menuItems();
    expect(items.map((item) => item.caption)).toEqual([
      'Segment customers…',
      'Assign new customers…',
      'Predict segments from a labelled column…',
      'Publish to Slack…',
      'Settings…',
      'Help',
    ]);
    expect(addon.services.ui.menus[0].addon).toBe(true);
    for (const item of items) expect(addon.entryPoints).toContain(item.functionName);
  });

  it('opens the sidebar from the built HTML at the requested view', () => {
    const addon = load(mallSpreadsheet());
    addon.globals.showPublishSidebar();
    const [shown] = addon.services.ui.shown;
    expect(shown.kind).toBe('sidebar');
    expect(shown.title).toBe('Customer Segments');
    expect(shown.content).toContain('id="run"');
    expect(shown.content).toContain('window.INITIAL_VIEW = "publish"');
  });

  it('profiles the active sheet: kinds, roles and missing counts per column', () => {
    const addon = load(mallSpreadsheet());
    const profile = addon.runFromSidebar('getSheetProfile') as {
      ok: boolean;
      rowCount: number;
      columns: { name: string; kind: string; role?: string; missing: number }[];
    };
    expect(profile.ok).toBe(true);
    expect(profile.rowCount).toBe(200);
    expect(profile.columns.map(({ name, kind, role }) => [name, kind, role])).toEqual([
      ['CustomerID', 'id', 'id'],
      ['Genre', 'categorical', 'gender'],
      ['Age', 'numeric', 'age'],
      ['Annual Income (k$)', 'numeric', 'income'],
      ['Spending Score (1-100)', 'numeric', 'spending'],
    ]);
  });
});

describe('runSegmentation on the Mall sheet', () => {
  it('writes 200 Segment and Persona values right of the data and leaves the five original columns unchanged', () => {
    const spreadsheet = mallSpreadsheet();
    const addon = load(spreadsheet);
    const reply = addon.runFromSidebar('runSegmentation', MALL_OPTIONS) as RunReply;
    expect(reply.ok).toBe(true);
    expect(reply.k).toBe(5);
    expect(reply.segments.map((segment) => segment.size)).toEqual([81, 39, 35, 23, 22]);
    expect(reply.segments.map((segment) => segment.name)).toContain('Premium Shoppers (VIP)');

    const sheet = spreadsheet.getSheetByName('Customers')!;
    const values = readValues(sheet);
    expect(values[0]).toEqual([...mallCells[0], 'Segment', 'Persona']);
    expect(values.map((row) => row.slice(0, 5))).toEqual(mallCells);
    const segments = values.slice(1).map((row) => row[5]);
    const personas = values.slice(1).map((row) => row[6]);
    expect(segments.filter((value) => typeof value === 'number')).toHaveLength(200);
    expect(personas.filter((value) => typeof value === 'string' && value !== '')).toHaveLength(200);
    // Each customer's persona is the one of its segment number, and the counts match the sizes.
    for (const [s, segment] of reply.segments.entries()) {
      expect(segments.filter((value) => value === s + 1)).toHaveLength(segment.size);
      expect(personas.filter((value) => value === segment.name)).toHaveLength(segment.size);
    }
    expect(addon.services.toasts).toHaveLength(1);
    expect(spreadsheet.getActiveSheet().getName()).toBe('Customers');
  });

  it('writes the Segments summary sheet with native charts and keeps the run in a hidden sheet', () => {
    const spreadsheet = mallSpreadsheet();
    const addon = load(spreadsheet);
    const reply = addon.runFromSidebar('runSegmentation', MALL_OPTIONS) as RunReply;
    const summary = spreadsheet.getSheetByName(SUMMARY_SHEET_NAME)!;
    const values = readValues(summary);
    expect(values.flat()).toContain('Premium Shoppers (VIP)');
    expect(
      values.some((row) => row[0] === 'k (segments)' && row[1] === 'Spread within segments (inertia)'),
    ).toBe(true);
    // k was fixed (5): sizes and scatter, no one-point elbow.
    expect(summary.getCharts()).toHaveLength(2);
    // The 200 scatter points live on a hidden helper sheet, not above the fold of the Segments sheet.
    expect(values.length).toBeLessThan(40);
    const chartData = spreadsheet.getSheetByName(CHART_DATA_SHEET_NAME)!;
    expect(chartData.isSheetHidden()).toBe(true);
    expect(chartData.getLastRow()).toBe(201);
    expect(readValues(chartData)[0][0]).toBe('Annual Income (k$)');
    const chartSheets = summary
      .getCharts()
      .map((chart) => chart.getRanges().map((range) => range.getSheet().getName()));
    expect(chartSheets).toEqual([[SUMMARY_SHEET_NAME, SUMMARY_SHEET_NAME], [CHART_DATA_SHEET_NAME]]);
    // Shares read as percentages, not 0.405.
    const header = values.findIndex((row) => row[0] === 'Segment' && row[3] === 'Share');
    const shares = summary
      .getRange(header + 2, 4, 5, 1)
      .getDisplayValues()
      .flat();
    expect(shares).toEqual(reply.segments.map((segment) => `${((segment.size / 200) * 100).toFixed(1)}%`));

    const runsSheet = spreadsheet.getSheetByName(RUNS_SHEET_NAME)!;
    expect(runsSheet.isSheetHidden()).toBe(true);
    const kept = decodeRunRows(readValues(runsSheet));
    expect(kept.problems).toEqual([]);
    expect(kept.runs.map((run) => run.id)).toEqual([reply.runId]);
    expect(kept.runs[0].assignments).toHaveLength(200);

    const listed = addon.runFromSidebar('listRuns') as { ok: boolean; runs: { id: string; k: number }[] };
    expect(listed.runs.map((run) => [run.id, run.k])).toEqual([[reply.runId, 5]]);
  });

  it('replaces its own columns on a re-run, leaving the same number of columns', () => {
    const spreadsheet = mallSpreadsheet();
    const addon = load(spreadsheet);
    addon.runFromSidebar('runSegmentation', MALL_OPTIONS);
    const sheet = spreadsheet.getSheetByName('Customers')!;
    const columnsAfterFirst = sheet.getLastColumn();
    const valuesAfterFirst = readValues(sheet);
    const again = addon.runFromSidebar('runSegmentation', MALL_OPTIONS) as RunReply;
    expect(again.ok).toBe(true);
    expect(sheet.getLastColumn()).toBe(columnsAfterFirst);
    expect(readValues(sheet)).toEqual(valuesAfterFirst);
    // The profile does not offer the add-on's own columns as input.
    const profile = addon.runFromSidebar('getSheetProfile') as { columns: { name: string }[] };
    expect(profile.columns.map((column) => column.name)).not.toContain('Segment');
    // Both runs are kept, newest first.
    const listed = addon.runFromSidebar('listRuns') as { runs: { id: string }[] };
    expect(listed.runs).toHaveLength(2);
  });

  it('finds its columns again after the user inserted a column between runs, never touching user cells', () => {
    const spreadsheet = mallSpreadsheet();
    const addon = load(spreadsheet);
    addon.runFromSidebar('runSegmentation', MALL_OPTIONS);
    const sheet = spreadsheet.getSheetByName('Customers')!;
    // The user inserts a Notes column before the Segment column (F) and one before Age (C).
    sheet.insertColumnBefore(6);
    sheet.getRange(1, 6, 3, 1).setValues([['Notes'], ['call back'], ['VIP?']]);
    sheet.insertColumnBefore(3);
    const before = readValues(sheet);
    expect(before[0]).toEqual([
      'CustomerID',
      'Genre',
      '',
      'Age',
      'Annual Income (k$)',
      'Spending Score (1-100)',
      'Notes',
      'Segment',
      'Persona',
    ]);

    const again = addon.runFromSidebar('runSegmentation', MALL_OPTIONS) as RunReply;
    expect(again.ok).toBe(true);
    const after = readValues(sheet);
    expect(after[0].filter((header) => header === 'Segment')).toHaveLength(1);
    expect(after[0]).toEqual(before[0]);
    expect(after.map((row) => row.slice(0, 7))).toEqual(before.map((row) => row.slice(0, 7)));
    expect(
      after
        .slice(1)
        .map((row) => row[7])
        .filter((value) => typeof value === 'number'),
    ).toHaveLength(200);
  });

  it('finds its columns by developer metadata even after the user renamed their headers', () => {
    const spreadsheet = mallSpreadsheet();
    const addon = load(spreadsheet);
    addon.runFromSidebar('runSegmentation', MALL_OPTIONS);
    const sheet = spreadsheet.getSheetByName('Customers')!;
    const metadata = sheet
      .createDeveloperMetadataFinder()
      .withKey(METADATA_KEYS.column)
      .find()
      .map((entry) => entry.getValue());
    expect(metadata.sort()).toEqual(['persona', 'segment']);
    sheet.getRange(1, 6, 1, 2).setValues([['My segment', 'My persona']]);
    addon.runFromSidebar('runSegmentation', MALL_OPTIONS);
    expect(sheet.getLastColumn()).toBe(7);
    expect(readValues(sheet)[0].slice(5)).toEqual(['Segment', 'Persona']);
  });
});

describe('runSegmentation with bad input', () => {
  const cases: [string, (cells: Cell[][]) => void, object, RegExp][] = [
    [
      'text in a numeric column',
      (cells) => {
        cells[7][3] = 'seventy';
      },
      MALL_OPTIONS,
      /row 8, column "Annual Income \(k\$\)": "seventy" is not a number/,
    ],
    [
      'a spreadsheet error (#N/A) in a chosen column',
      (cells) => {
        cells[12][4] = '#N/A';
      },
      MALL_OPTIONS,
      /row 13, column "Spending Score \(1-100\)": "#N\/A" is a spreadsheet error/,
    ],
    ['k above the largest number of segments', () => {}, { ...MALL_OPTIONS, k: 500 }, /k must be .*got 500/],
    [
      'k larger than the number of rows',
      (cells) => {
        cells.splice(31);
      },
      { ...MALL_OPTIONS, k: 40 },
      /40/,
    ],
    [
      'an unknown column',
      () => {},
      { ...MALL_OPTIONS, columns: ['Annual Income (k$)', 'Loyalty'] },
      /Loyalty/,
    ],
    [
      'duplicate headers',
      (cells) => {
        cells[0][2] = 'Genre';
      },
      MALL_OPTIONS,
      /two columns named "Genre" \(columns B and C\)/,
    ],
    [
      'an option of the wrong type',
      () => {},
      { ...MALL_OPTIONS, k: 'many' },
      /k: k must be "auto" or a whole number/,
    ],
  ];

  for (const [what, edit, options, message] of cases) {
    it(`answers { ok: false } naming the problem and leaves the spreadsheet byte-identical: ${what}`, () => {
      const spreadsheet = mallSpreadsheet(edit);
      const before = snapshotSpreadsheet(spreadsheet);
      const reply = load(spreadsheet).runFromSidebar('runSegmentation', options) as RunReply;
      expect(reply.ok).toBe(false);
      expect(reply.error).toMatch(message);
      expect(snapshotSpreadsheet(spreadsheet)).toBe(before);
    });
  }

  it('refuses to segment its own summary sheet', () => {
    const spreadsheet = mallSpreadsheet();
    const addon = load(spreadsheet);
    addon.runFromSidebar('runSegmentation', MALL_OPTIONS);
    spreadsheet.getSheetByName(SUMMARY_SHEET_NAME)!.activate();
    const reply = addon.runFromSidebar('getSheetProfile') as { ok: boolean; error: string };
    expect(reply).toMatchObject({ ok: false });
    expect(reply.error).toMatch(/open the sheet with your customers/);
  });

  it("never overwrites a user's own sheet named Segments", () => {
    const spreadsheet = createSpreadsheet({
      name: 'Mall',
      sheets: { Customers: mallCells, Segments: [['My own notes'], ['keep me']] },
    });
    const addon = load(spreadsheet);
    expect((addon.runFromSidebar('runSegmentation', MALL_OPTIONS) as RunReply).ok).toBe(true);
    expect(readValues(spreadsheet.getSheetByName('Segments')!)).toEqual([['My own notes'], ['keep me']]);
    // k fixed at 5: sizes and scatter (no one-point elbow).
    expect(spreadsheet.getSheetByName('Segments 2')!.getCharts()).toHaveLength(2);
    // A re-run reuses its own summary sheet.
    addon.runFromSidebar('runSegmentation', MALL_OPTIONS);
    expect(spreadsheet.getSheets().map((sheet) => sheet.getName())).toEqual([
      'Customers',
      'Segments',
      'Segments 2',
      CHART_DATA_SHEET_NAME,
      '_segments_runs',
    ]);
  });

  it('says another segmentation is running when the document lock is busy, and writes nothing', () => {
    const spreadsheet = mallSpreadsheet();
    const locks = new LockRegistry();
    locks.holdByAnotherExecution('document');
    const before = snapshotSpreadsheet(spreadsheet);
    const reply = load(spreadsheet, { locks }).runFromSidebar('runSegmentation', MALL_OPTIONS);
    expect(reply).toEqual({ ok: false, error: LOCK_BUSY });
    expect(snapshotSpreadsheet(spreadsheet)).toBe(before);
    locks.releaseByAnotherExecution('document');
    expect(
      (load(spreadsheet, { locks }).runFromSidebar('runSegmentation', MALL_OPTIONS) as RunReply).ok,
    ).toBe(true);
  });
});

describe('assignNewCustomers', () => {
  it('gives rows without a Segment the nearest segment of a kept run and leaves the others as they were', () => {
    const spreadsheet = mallSpreadsheet();
    const addon = load(spreadsheet);
    const reply = addon.runFromSidebar('runSegmentation', MALL_OPTIONS) as RunReply;
    const sheet = spreadsheet.getSheetByName('Customers')!;
    const before = readValues(sheet);
    // Two new customers: one rich and spending a lot, one poor and spending little.
    sheet.getRange(202, 1, 2, 5).setValues([
      [201, 'Female', 30, 130, 95],
      [202, 'Male', 50, 16, 4],
    ]);
    const assigned = addon.runFromSidebar('assignNewCustomers', { runId: reply.runId }) as {
      ok: boolean;
      assigned: number;
    };
    expect(assigned).toMatchObject({ ok: true, assigned: 2 });
    const after = readValues(sheet);
    expect(after.slice(0, 201)).toEqual(before);
    expect(after[201].slice(5)).toEqual([expect.any(Number), 'Premium Shoppers (VIP)']);
    expect(after[202].slice(5)).toEqual([expect.any(Number), 'Budget Shoppers']);
  });

  it('answers { ok: false } when no run is kept yet', () => {
    const reply = load(mallSpreadsheet()).runFromSidebar('assignNewCustomers', {}) as {
      ok: boolean;
      error: string;
    };
    expect(reply.ok).toBe(false);
    expect(reply.error).toMatch(/Segment customers/);
  });
});

describe('settings and publishRun', () => {
  function publishWith(handler: FetchHandler | undefined, serverUrl = 'https://segments.example.com') {
    const spreadsheet = mallSpreadsheet();
    const addon = load(spreadsheet, { fetchHandler: handler });
    const run = addon.runFromSidebar('runSegmentation', MALL_OPTIONS) as RunReply;
    const saved = addon.runFromSidebar('saveSettings', {
      serverUrl: `${serverUrl}/`,
      token: 'seg_secret_1234',
    });
    expect(saved).toEqual({ ok: true, serverUrl, hasToken: true, tokenHint: '…1234' });
    const reply = addon.runFromSidebar('publishRun', { runId: run.runId }) as { ok: boolean; error?: string };
    return { addon, run, reply };
  }

  it('posts the run summary with the bearer token, without assignments or any customer row', () => {
    const { addon, run, reply } = publishWith(() => ({ status: 201, body: '{"id":"x"}' }));
    expect(reply).toEqual({ ok: true, status: 201, created: true, runId: run.runId });
    const [request] = addon.services.fetches;
    expect(request.url).toBe('https://segments.example.com/api/runs');
    expect(request.method.toLowerCase()).toBe('post');
    expect(request.headers.Authorization).toBe('Bearer seg_secret_1234');
    const body = JSON.parse(request.payload);
    expect(body.id).toBe(run.runId);
    expect(body.segments).toHaveLength(5);
    expect(body).not.toHaveProperty('assignments');
    // No row data: no customer id appears anywhere, and the body is a summary's size.
    expect(request.payload).not.toMatch(/"CustomerID"\s*:/);
    expect(request.payload.length).toBeLessThan(10_000);
  });

  it('treats 200 (already published) as success', () => {
    expect(publishWith(() => ({ status: 200, body: '{}' })).reply).toMatchObject({
      ok: true,
      created: false,
    });
  });

  it.each([
    [401, '{"error":"bad token"}', /did not accept the token.*\/segments connect/],
    [
      400,
      '{"error":"segments[0].size: expected a number"}',
      /refused the run as invalid: segments\[0\]\.size/,
    ],
    [413, '{"error":"too large"}', /too large.*1 MB/],
    [500, 'oops', /HTTP 500/],
  ])('explains an HTTP %i answer in plain words', (status, body, message) => {
    const { reply } = publishWith(() => ({ status, body }));
    expect(reply.ok).toBe(false);
    expect(reply.error).toMatch(message);
  });

  it('explains a network failure', () => {
    const { reply } = publishWith(undefined, 'https://127.0.0.1:9');
    expect(reply.ok).toBe(false);
    expect(reply.error).toMatch(/Could not reach the Slack app at https:\/\/127\.0\.0\.1:9/);
  });

  it('asks for settings before publishing and validates the URL', () => {
    const addon = load(mallSpreadsheet());
    addon.runFromSidebar('runSegmentation', MALL_OPTIONS);
    expect(addon.runFromSidebar('publishRun', {})).toMatchObject({
      ok: false,
      error: expect.stringMatching(/Settings/),
    });
    expect(addon.runFromSidebar('saveSettings', { serverUrl: 'segments dot com', token: 't' })).toMatchObject(
      {
        ok: false,
        error: expect.stringMatching(/https:\/\//),
      },
    );
    expect(addon.runFromSidebar('getSettings')).toEqual({
      ok: true,
      serverUrl: '',
      hasToken: false,
      tokenHint: '',
    });
    expect(addon.services.fetches).toHaveLength(0);
  });
});

describe('a 50,000-row sheet', () => {
  it('is read with one getValues() and its data columns written with at most three setValues()', () => {
    // Deterministic customers on a grid of incomes and spending scores.
    const cells: Cell[][] = [['CustomerID', 'Annual Income (k$)', 'Spending Score (1-100)']];
    for (let i = 0; i < 50_000; i++) cells.push([i + 1, 15 + ((i * 37) % 120), 1 + ((i * 53) % 99)]);
    const spreadsheet = createSpreadsheet({ name: 'Big', sheets: { Customers: cells } });
    const addon = load(spreadsheet);
    const writes = vi.spyOn(StandinRange.prototype, 'setValues');
    try {
      const reply = addon.runFromSidebar('runSegmentation', {
        columns: ['Annual Income (k$)', 'Spending Score (1-100)'],
        k: 4,
        seed: 1,
      }) as RunReply;
      expect(reply.ok).toBe(true);
      expect(addon.calls['Range.getValues']).toBe(1);
      const dataSheetWrites = writes.mock.contexts.filter(
        (range) => (range as StandinRange).getSheet().getName() === 'Customers',
      );
      expect(dataSheetWrites.length).toBeGreaterThanOrEqual(1);
      expect(dataSheetWrites.length).toBeLessThanOrEqual(3);
      expect(readValues(spreadsheet.getSheetByName('Customers')!)[50_000][3]).toEqual(expect.any(Number));
    } finally {
      writes.mockRestore();
    }
  });
});
