/**
 * The add-on on the sheets people really have, through the built Code.js and the strict Apps Script
 * stand-in: selections, title rows, merged cells, filters, a stale sidebar, protections, a sheet too
 * big for Apps Script's 6 minutes, the https-only settings and the manifest's urlFetchWhitelist.
 */
import { mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { CHART_DATA_SHEET_NAME, decodeRunRows, parseDelimited, RUNS_SHEET_NAME } from '@segments/core';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { buildAddon } from '../../scripts/build-addon.mjs';
import { type Cell, StandinRange, type StandinSpreadsheet } from '../standins/apps-script/spreadsheet';
import {
  createSpreadsheet,
  loadAddon,
  readValues,
  snapshotSpreadsheet,
  tooBigForAppsScript,
} from './load-addon';

const OPTIONS = {
  columns: ['Annual Income (k$)', 'Spending Score (1-100)'],
  k: 5,
  scaling: 'none',
  seed: 1,
};

type Reply = {
  ok: boolean;
  error?: string;
  code?: string;
  details?: { sampleRows: number; command: string; fits: boolean };
  k: number;
  notes: string[];
  rowsUsed: number;
  range: string;
  sheetName: string;
  sheetId: number;
  rowCount: number;
  columns: { name: string }[];
  estimate: { fits: boolean; sampleRows: number; command: string; seconds: number };
  segments: { name: string; size: number; traits: string[]; strategy: string; valueShare?: number }[];
  chartSvg: string;
};

let codePath: string;
let mallCells: Cell[][];

beforeAll(async () => {
  codePath = (await buildAddon({ outDir: await mkdtemp(path.join(tmpdir(), 'addon-layouts-')), quiet: true }))
    .codePath;
  const table = parseDelimited(
    await readFile(new URL('../fixtures/mall_customers.csv', import.meta.url), 'utf8'),
  );
  const typed = (cell: unknown) =>
    typeof cell === 'string' && /^-?\d+(\.\d+)?$/.test(cell) ? Number(cell) : cell;
  mallCells = [table.headers, ...table.rows.map((row) => row.map(typed))] as Cell[][];
});

function mall(edit?: (cells: Cell[][]) => Cell[][] | undefined, extra: Record<string, Cell[][]> = {}) {
  const cells = mallCells.map((row) => [...row]);
  const edited = edit?.(cells) ?? cells;
  return createSpreadsheet({ name: 'Mall', id: 'sheet-id-123', sheets: { Customers: edited, ...extra } });
}

const load = (spreadsheet: StandinSpreadsheet) => loadAddon({ codePath, spreadsheet });
const run = (addon: ReturnType<typeof load>, options: object = {}) =>
  addon.runFromSidebar('runSegmentation', { ...OPTIONS, ...options }) as Reply;
const segmentColumn = (spreadsheet: StandinSpreadsheet, column: number, from = 1) =>
  readValues(spreadsheet.getSheetByName('Customers')!)
    .slice(from)
    .map((row) => row[column]);
const numbers = (values: unknown[]) => values.filter((value) => typeof value === 'number').length;

describe('which rows Run segments', () => {
  it('segments the whole table when several rows are selected, not just the selection', () => {
    const spreadsheet = mall();
    spreadsheet.setActiveRange(spreadsheet.getSheetByName('Customers')!.getRange('A1:E100'));
    const reply = run(load(spreadsheet));
    expect(reply.ok).toBe(true);
    expect(reply.rowsUsed).toBe(200);
    expect(numbers(segmentColumn(spreadsheet, 5))).toBe(200);
  });

  it('segments only the selected rows when asked, and says so', () => {
    const spreadsheet = mall();
    spreadsheet.setActiveRange(spreadsheet.getSheetByName('Customers')!.getRange('A2:E100'));
    const reply = run(load(spreadsheet), { onlySelected: true });
    expect(reply.ok).toBe(true);
    expect(reply.rowsUsed).toBe(99);
    expect(reply.notes.join(' ')).toContain('Only the selected rows were segmented (101 other rows');
    const segments = segmentColumn(spreadsheet, 5);
    expect(numbers(segments.slice(0, 99))).toBe(99);
    expect(segments.slice(99).every((value) => value === '' || value === undefined)).toBe(true);
  });

  it('reads the header from the table when a single column or rows in the middle are selected', () => {
    for (const a1 of ['C1:C201', 'A10:E20']) {
      const spreadsheet = mall();
      spreadsheet.setActiveRange(spreadsheet.getSheetByName('Customers')!.getRange(a1));
      const addon = load(spreadsheet);
      const profile = addon.runFromSidebar('getSheetProfile') as Reply;
      expect(profile.columns.map((column) => column.name)).toEqual(mallCells[0]);
      expect(profile.range).toBe('A1:E201');
      expect(run(addon).ok).toBe(true);
    }
  });

  it('skips a title row above the header and writes Segment next to the real header', () => {
    const spreadsheet = mall((cells) => [['Customer list — Q3 export'], [], ...cells]);
    spreadsheet.setActiveRange(spreadsheet.getSheetByName('Customers')!.getRange('B10'));
    const addon = load(spreadsheet);
    const profile = addon.runFromSidebar('getSheetProfile') as Reply;
    expect(profile.columns.map((column) => column.name)).toEqual(mallCells[0]);
    expect(profile.range).toBe('A3:E203');
    const reply = run(addon);
    expect(reply.ok).toBe(true);
    const values = readValues(spreadsheet.getSheetByName('Customers')!);
    expect(values[0][0]).toBe('Customer list — Q3 export');
    expect(values[2].slice(5, 7)).toEqual(['Segment', 'Persona']);
    expect(numbers(values.slice(3).map((row) => row[5]))).toBe(200);
  });

  it('ignores a note typed under the table', () => {
    const spreadsheet = mall((cells) => [
      ...cells,
      [],
      ['Exported from the CRM on 3 July; ask Ana before sharing'],
    ]);
    const reply = run(load(spreadsheet));
    expect(reply.ok).toBe(true);
    expect(reply.rowsUsed).toBe(200);
  });

  it('reads merged cells as if each held the merged value and names their range', () => {
    const spreadsheet = mall();
    const sheet = spreadsheet.getSheetByName('Customers')!;
    // Rows 2–21 share one income (as a report that groups customers would show them).
    sheet.getRange('D2:D21').merge();
    const reply = run(load(spreadsheet));
    expect(reply.ok).toBe(true);
    expect(reply.rowsUsed).toBe(200);
    expect(reply.notes.join(' ')).toContain('Merged cells D2:D21');
  });

  it('skips rows hidden by a filter with a count, and segments them when asked', () => {
    const spreadsheet = mall();
    const sheet = spreadsheet.getSheetByName('Customers')!;
    sheet
      .getRange('A1:E201')
      .createFilter()
      .hideRows(Array.from({ length: 20 }, (_, i) => i + 2));
    const skipped = run(load(spreadsheet));
    expect(skipped.rowsUsed).toBe(180);
    expect(skipped.notes.join(' ')).toContain('20 rows hidden by the filter were skipped');
    const segments = segmentColumn(spreadsheet, 5);
    expect(segments.slice(0, 20).every((value) => value === '')).toBe(true);
    expect(numbers(segments)).toBe(180);

    const included = run(load(spreadsheet), { includeFiltered: true });
    expect(included.rowsUsed).toBe(200);
    expect(numbers(segmentColumn(spreadsheet, 5))).toBe(200);
  });
});

describe('the right sheet', () => {
  it('refuses to write when the active sheet is not the one the sidebar showed, and writes nothing', () => {
    const spreadsheet = mall(undefined, {
      Other: [
        ['Name', 'Score'],
        ['a', 1],
        ['b', 2],
        ['c', 3],
      ],
    });
    const addon = load(spreadsheet);
    const profile = addon.runFromSidebar('getSheetProfile') as Reply;
    expect(profile.sheetName).toBe('Customers');
    spreadsheet.setActiveSheet(spreadsheet.getSheetByName('Other')!);
    expect(addon.runFromSidebar('getActiveTarget')).toMatchObject({ ok: true, sheetName: 'Other' });
    const before = snapshotSpreadsheet(spreadsheet);
    const reply = run(addon, {
      expected: { sheetId: profile.sheetId, sheetName: profile.sheetName, range: profile.range },
    });
    expect(reply).toMatchObject({ ok: false, code: 'STALE_SHEET' });
    expect(reply.error).toContain('"Customers"');
    expect(reply.error).toContain('Refresh');
    expect(snapshotSpreadsheet(spreadsheet)).toBe(before);
  });

  it('asks for a refresh when rows were added to the table since the sidebar read it', () => {
    const spreadsheet = mall();
    const addon = load(spreadsheet);
    const profile = addon.runFromSidebar('getSheetProfile') as Reply;
    spreadsheet.getSheetByName('Customers')!.appendRow([201, 'Female', 30, 50, 50]);
    const reply = run(addon, { expected: { sheetId: profile.sheetId, range: profile.range } });
    expect(reply).toMatchObject({ ok: false, code: 'STALE_SHEET' });
    expect(reply.error).toContain('A1:E201, now A1:E202');
  });
});

describe('all-or-nothing writes', () => {
  it('names a protected Segments sheet and leaves every sheet as it was', () => {
    const spreadsheet = mall();
    const addon = load(spreadsheet);
    expect(run(addon).ok).toBe(true);
    spreadsheet.getSheetByName('Segments')!.protect().setDescription('Monthly report').lockForUser();
    const before = snapshotSpreadsheet(spreadsheet);
    const reply = run(addon, { k: 3 });
    expect(reply).toMatchObject({ ok: false, code: 'PROTECTED' });
    expect(reply.error).toContain('the sheet "Segments" ("Monthly report") is protected');
    expect(snapshotSpreadsheet(spreadsheet)).toBe(before);
  });

  it('names a protected range over the Persona column before writing anything', () => {
    const spreadsheet = mall();
    spreadsheet.getSheetByName('Customers')!.getRange('G1:G300').protect().lockForUser();
    const before = snapshotSpreadsheet(spreadsheet);
    const reply = run(load(spreadsheet));
    expect(reply.ok).toBe(false);
    expect(reply.error).toContain('Customers!G1:G300 is protected');
    expect(reply.error).toContain('Persona column');
    expect(snapshotSpreadsheet(spreadsheet)).toBe(before);
  });

  it('puts its own cells back when Google refuses a write half-way', () => {
    const spreadsheet = mall();
    const addon = load(spreadsheet);
    expect(run(addon).ok).toBe(true);
    const columnsBefore = readValues(spreadsheet.getSheetByName('Customers')!);
    const runsBefore = decodeRunRows(readValues(spreadsheet.getSheetByName(RUNS_SHEET_NAME)!)).runs.length;
    const original = StandinRange.prototype.setValues;
    // Google refuses the write of the Segment/Persona columns (after the summary and run were written).
    const refuse = vi.spyOn(StandinRange.prototype, 'setValues').mockImplementation(function (
      this: StandinRange,
      values: unknown,
    ) {
      if (this.getSheet().getName() === 'Customers' && this.getColumn() === 6)
        throw new Error('Service Spreadsheets timed out');
      return original.call(this, values);
    });
    try {
      const reply = run(addon, { k: 3 });
      expect(reply).toMatchObject({ ok: false, code: 'WRITE_FAILED' });
      expect(reply.error).toContain('Nothing was written');
    } finally {
      refuse.mockRestore();
    }
    expect(readValues(spreadsheet.getSheetByName('Customers')!)).toEqual(columnsBefore);
    expect(spreadsheet.getSheets().map((sheet) => sheet.getName())).toEqual([
      'Customers',
      'Segments',
      CHART_DATA_SHEET_NAME,
      RUNS_SHEET_NAME,
    ]);
    expect(decodeRunRows(readValues(spreadsheet.getSheetByName(RUNS_SHEET_NAME)!)).runs).toHaveLength(
      runsBefore,
    );
  });
});

describe('a sheet too big for Apps Script', () => {
  it('estimates 150,000 rows × 5 columns over 6 minutes and runs nothing until the user takes the sample run, which gives every row a segment', () => {
    const cells = tooBigForAppsScript();
    const headers = cells[0] as string[];
    const spreadsheet = createSpreadsheet({ name: 'Big', id: 'big-sheet-id', sheets: { Customers: cells } });
    const addon = load(spreadsheet);
    const profile = addon.runFromSidebar('getSheetProfile') as Reply;
    expect(profile.ok).toBe(true);
    expect(profile.rowCount).toBe(150_000);
    const reply = run(addon, { columns: headers.slice(1), k: 'auto' });
    expect(reply).toMatchObject({ ok: false, code: 'TOO_BIG' });
    expect(reply.error).toContain("Apps Script's 6-minute limit");
    expect(reply.error).toContain('segments segment --sheet big-sheet-id --range "Customers!A1:F150001"');
    expect(reply.details?.sampleRows).toBeLessThan(150_000);
    expect(spreadsheet.getSheets()).toHaveLength(1);
    expect(readValues(spreadsheet.getSheetByName('Customers')!)[0]).toEqual(headers);

    // The sample run the sidebar offers: segments the sample, then gives every row its nearest segment.
    const sampled = run(addon, { columns: headers.slice(1), k: 'auto', sample: true });
    expect(sampled.ok).toBe(true);
    expect(sampled.notes.join(' ')).toContain(
      `${reply.details?.sampleRows.toLocaleString('en-US')} of 150,000`,
    );
    const written = readValues(spreadsheet.getSheetByName('Customers')!);
    expect(written[0].slice(6)).toEqual(['Segment', 'Persona']);
    const numbers = written.slice(1).map((row) => row[6]);
    expect(numbers).toHaveLength(150_000);
    expect(numbers.every((value) => typeof value === 'number' && value >= 1 && value <= sampled.k)).toBe(
      true,
    );
  }, 120_000);
});

describe('kept runs', () => {
  it('keeps assignments for the newest 10 runs and summaries for all, and lists them without reading the chunks', () => {
    const spreadsheet = mall();
    const addon = load(spreadsheet);
    const ids: string[] = [];
    for (let k = 2; k <= 12; k++) {
      const reply = run(addon, { k: (k % 5) + 2, name: `Run ${k}` }) as Reply & { runId: string };
      expect(reply.ok).toBe(true);
      ids.push(reply.runId);
    }
    const kept = decodeRunRows(readValues(spreadsheet.getSheetByName(RUNS_SHEET_NAME)!));
    expect(kept.problems).toEqual([]);
    expect(kept.runs).toHaveLength(11);
    const withAssignments = kept.runs
      .filter((kept) => (kept.assignments?.length ?? 0) > 0)
      .map((kept) => kept.id);
    expect(withAssignments).toHaveLength(10);
    expect(withAssignments).not.toContain(ids[0]);

    const before = addon.calls['Range.getValues'];
    const listed = addon.runFromSidebar('listRuns') as {
      runs: { id: string; name: string; segments: unknown[] }[];
    };
    expect(listed.runs.map((listedRun) => listedRun.id)).toEqual([...ids].reverse());
    expect(listed.runs[10].name).toBe('Run 2');
    // Two reads: the id/date/name/chunk columns and the Summary column; never the JSON chunks.
    expect(addon.calls['Range.getValues'] - before).toBe(2);
  });
});

describe('the Segments sheet with a date column', () => {
  it('shows a signup date the user ticked as tenure in months, never as days since 1970', () => {
    // Joined: the 1st of a month, i % 48 months before 2024-01-01.
    const spreadsheet = mall((cells) =>
      cells.map((row, i) => [...row, i === 0 ? 'Joined' : new Date(Date.UTC(2024, -(i % 48), 1))]),
    );
    const reply = run(load(spreadsheet), { columns: [...OPTIONS.columns, 'Joined'] });
    expect(reply.ok).toBe(true);
    const summary = readValues(spreadsheet.getSheetByName('Segments')!);
    const header = summary.findIndex((row) => row[0] === 'Segment');
    const column = summary[header].indexOf('Tenure (months) (average)');
    expect(column).toBeGreaterThan(0);
    const tenures = summary.slice(header + 1, header + 6).map((row) => row[column] as number);
    for (const months of tenures) expect(months).toBeGreaterThanOrEqual(0);
    for (const months of tenures) expect(months).toBeLessThanOrEqual(48);
    expect(reply.notes.join(' ')).toContain('Derived Tenure (months): months since Joined');
  });
});

describe('Export a segment', () => {
  it("copies one segment's customers with the table's header to a new sheet, leaving the data as it was", () => {
    const spreadsheet = mall();
    const addon = load(spreadsheet);
    const reply = run(addon) as Reply & { runId: string };
    const before = readValues(spreadsheet.getSheetByName('Customers')!);
    const exported = addon.runFromSidebar('exportSegment', { runId: reply.runId, index: 1 }) as {
      ok: boolean;
      sheetName: string;
      rows: number;
    };
    expect(exported).toEqual({
      ok: true,
      sheetName: `Segment 2 — ${reply.segments[1].name}`,
      rows: reply.segments[1].size,
    });
    const copied = readValues(spreadsheet.getSheetByName(exported.sheetName)!);
    expect(copied[0]).toEqual(before[0]);
    expect(copied.slice(1).every((row) => row[5] === 2 && row[6] === reply.segments[1].name)).toBe(true);
    expect(copied.slice(1)).toEqual(before.slice(1).filter((row) => row[5] === 2));
    expect(readValues(spreadsheet.getSheetByName('Customers')!)).toEqual(before);
  });
});

describe('results a marketer reads', () => {
  it('gives each segment its traits in words, strategy and value share, and a sizes chart as SVG', () => {
    const reply = run(load(mall()));
    expect(reply.ok).toBe(true);
    for (const segment of reply.segments) {
      expect(segment.traits.length).toBeGreaterThanOrEqual(1);
      expect(segment.traits.length).toBeLessThanOrEqual(3);
      expect(segment.strategy).not.toBe('');
    }
    const shares = reply.segments.map((segment) => segment.valueShare ?? 0);
    expect(shares.reduce((sum, share) => sum + share, 0)).toBeCloseTo(1, 6);
    expect(reply.chartSvg.startsWith('<svg')).toBe(true);
    for (const segment of reply.segments)
      expect(reply.chartSvg).toContain(segment.name.replace(/&/g, '&amp;'));
  });
});

describe('settings and the manifest allowlist', () => {
  it('refuses an http:// Slack app URL, since the token would travel in clear', () => {
    const addon = load(mall());
    const reply = addon.runFromSidebar('saveSettings', {
      serverUrl: 'http://segments.example.com',
      token: 't',
    }) as Reply;
    expect(reply.ok).toBe(false);
    expect(reply.error).toContain('https://');
    expect(reply.error).toContain('in clear');
  });

  it('writes SEGMENTS_SLACK_APP_URL into the manifest and refuses any other URL in Settings', async () => {
    const outDir = await mkdtemp(path.join(tmpdir(), 'addon-allow-'));
    const built = await buildAddon({ outDir, quiet: true, slackAppUrl: 'https://segments.example.com' });
    const manifest = JSON.parse(await readFile(path.join(outDir, 'appsscript.json'), 'utf8'));
    expect(manifest.urlFetchWhitelist).toEqual(['https://segments.example.com/']);
    const addon = loadAddon({ codePath: built.codePath, spreadsheet: mall() });
    const other = addon.runFromSidebar('saveSettings', {
      serverUrl: 'https://evil.example.net',
      token: 't',
    }) as Reply;
    expect(other.ok).toBe(false);
    expect(other.error).toContain('may only call https://segments.example.com/');
    const same = addon.runFromSidebar('saveSettings', {
      serverUrl: 'https://segments.example.com/',
      token: 't',
    });
    expect(same).toMatchObject({ ok: true, serverUrl: 'https://segments.example.com' });
  });

  it('refuses to build for an http:// Slack app URL', async () => {
    const outDir = await mkdtemp(path.join(tmpdir(), 'addon-allow-'));
    await expect(
      buildAddon({ outDir, quiet: true, slackAppUrl: 'http://segments.example.com' }),
    ).rejects.toThrow(/must start with https:\/\//);
  });
});
