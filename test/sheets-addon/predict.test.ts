import { mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { METADATA_KEYS, parseDelimited } from '@segments/core';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildAddon } from '../../scripts/build-addon.mjs';
import { hasSharedData, sharedDataPath } from '../helpers/shared-data';
import { LockRegistry } from '../standins/apps-script/lock';
import type { Cell, StandinSpreadsheet } from '../standins/apps-script/spreadsheet';
import { createSpreadsheet, loadAddon, readValues, snapshot, snapshotSpreadsheet } from './load-addon';

/** Rows of the automobile training data in the sheet; the last NEW_CUSTOMERS have no Segmentation. */
const SHEET_ROWS = 600;
const NEW_CUSTOMERS = 100;
const WIDTH = 11; // ID … Segmentation
const LABEL = 10; // column K, Segmentation

type PredictReply = {
  ok: boolean;
  error?: string;
  label: string;
  predicted: number;
  trainedOn: number;
  evaluation: {
    accuracy: number;
    macroF1: number;
    baseline: { label: string; accuracy: number; macroF1: number };
  };
  distribution: { label: string; size: number; share: number }[];
  notes: string[];
};

const AUTOMOBILE = hasSharedData('automobile_train.csv');
let codePath: string;
/** Header + SHEET_ROWS customers, typed as a sheet holds an imported CSV, every row labelled. */
let labelledCells: Cell[][];

beforeAll(async () => {
  if (!AUTOMOBILE) return;
  codePath = (await buildAddon({ outDir: await mkdtemp(path.join(tmpdir(), 'addon-predict-')), quiet: true }))
    .codePath;
  const table = parseDelimited(await readFile(sharedDataPath('automobile_train.csv'), 'utf8'), {
    source: 'automobile_train.csv',
  });
  const typed = (cell: unknown) =>
    typeof cell === 'string' && /^-?\d+(\.\d+)?$/.test(cell) ? Number(cell) : cell;
  labelledCells = [
    table.headers,
    ...table.rows.slice(0, SHEET_ROWS).map((row) => row.map(typed)),
  ] as Cell[][];
});

/** The automobile sheet with the last NEW_CUSTOMERS Segmentation cells blanked, then `edit`. */
function automobileCells(edit?: (cells: Cell[][]) => void): Cell[][] {
  const cells = labelledCells.map((row) => [...row]);
  for (let r = SHEET_ROWS - NEW_CUSTOMERS + 1; r <= SHEET_ROWS; r++) cells[r][LABEL] = '';
  edit?.(cells);
  return cells;
}

function automobileSpreadsheet(edit?: (cells: Cell[][]) => void): StandinSpreadsheet {
  return createSpreadsheet({ name: 'Leads', sheets: { Customers: automobileCells(edit) } });
}

describe.skipIf(!AUTOMOBILE)('predictSegments on the automobile sheet', () => {
  it('writes a predicted segment and a confidence for the 100 rows without a label, in one setValues, and changes no original cell', () => {
    const spreadsheet = automobileSpreadsheet();
    const original = automobileCells();
    const addon = loadAddon({ codePath, spreadsheet });
    const reply = addon.runFromSidebar('predictSegments', {
      labelColumn: 'Segmentation',
      seed: 1,
    }) as PredictReply;
    expect(reply.ok).toBe(true);
    expect(reply.predicted).toBe(NEW_CUSTOMERS);
    expect(reply.trainedOn).toBe(SHEET_ROWS - NEW_CUSTOMERS);
    expect(reply.distribution.map((segment) => segment.label)).toEqual(['A', 'B', 'C', 'D']);
    expect(reply.distribution.reduce((sum, segment) => sum + segment.size, 0)).toBe(NEW_CUSTOMERS);
    // The holdout check is shown beside the score to beat (always the most common class).
    expect(reply.evaluation.accuracy).toBeGreaterThan(reply.evaluation.baseline.accuracy);
    expect(reply.evaluation.macroF1).toBeGreaterThan(reply.evaluation.baseline.macroF1);
    expect(['A', 'B', 'C', 'D']).toContain(reply.evaluation.baseline.label);
    expect(reply.notes.join(' ')).toMatch(/ID is not used/);

    const values = readValues(spreadsheet.getSheetByName('Customers')!);
    expect(values[0]).toEqual([...original[0], 'Predicted segment', 'Confidence']);
    expect(values.map((row) => row.slice(0, WIDTH))).toEqual(original);
    const labelled = values.slice(1, SHEET_ROWS - NEW_CUSTOMERS + 1);
    const predicted = values.slice(SHEET_ROWS - NEW_CUSTOMERS + 1);
    expect(labelled.every((row) => row[WIDTH] === '' && row[WIDTH + 1] === '')).toBe(true);
    expect(predicted).toHaveLength(NEW_CUSTOMERS);
    for (const row of predicted) {
      expect(['A', 'B', 'C', 'D']).toContain(row[WIDTH]);
      expect(row[WIDTH + 1]).toBeGreaterThan(0);
      expect(row[WIDTH + 1]).toBeLessThanOrEqual(1);
    }
    // The sheet's counts per segment are the distribution the sidebar shows.
    for (const segment of reply.distribution) {
      expect(predicted.filter((row) => row[WIDTH] === segment.label)).toHaveLength(segment.size);
    }
    expect(addon.calls['Range.getValues']).toBe(1);
    expect(addon.calls['Range.setValues']).toBe(1);
    expect(addon.services.toasts).toHaveLength(1);
  });

  it('replaces its own columns on a re-run: same column count, same predictions, found by developer metadata', () => {
    const spreadsheet = automobileSpreadsheet();
    const addon = loadAddon({ codePath, spreadsheet });
    const options = { labelColumn: 'Segmentation' };
    expect((addon.runFromSidebar('predictSegments', options) as PredictReply).ok).toBe(true);
    const sheet = spreadsheet.getSheetByName('Customers')!;
    const columnsAfterFirst = sheet.getLastColumn();
    const first = snapshot(sheet);
    const metadata = sheet
      .createDeveloperMetadataFinder()
      .withKey(METADATA_KEYS.predictionColumn)
      .find()
      .map((entry) => entry.getValue());
    expect(metadata.sort()).toEqual(['confidence', 'predicted-segment']);

    expect((addon.runFromSidebar('predictSegments', options) as PredictReply).ok).toBe(true);
    expect(sheet.getLastColumn()).toBe(columnsAfterFirst);
    expect(snapshot(sheet)).toBe(first);
    // Neither the profile nor the classifier take the add-on's own columns as input.
    const profile = addon.runFromSidebar('getSheetProfile') as { columns: { name: string }[] };
    expect(profile.columns.map((column) => column.name)).not.toContain('Predicted segment');
    expect(profile.columns.map((column) => column.name)).not.toContain('Confidence');
  });

  it('clears the prediction of rows the user labelled since, and predicts only the rows still empty', () => {
    const spreadsheet = automobileSpreadsheet();
    const addon = loadAddon({ codePath, spreadsheet });
    addon.runFromSidebar('predictSegments', { labelColumn: 'Segmentation' });
    const sheet = spreadsheet.getSheetByName('Customers')!;
    // The user fills in the real segment of the first ten new customers (rows 502–511).
    const firstNew = SHEET_ROWS - NEW_CUSTOMERS + 2;
    sheet.getRange(firstNew, LABEL + 1, 10, 1).setValues(Array.from({ length: 10 }, () => ['B']));

    const reply = addon.runFromSidebar('predictSegments', { labelColumn: 'segmentation' }) as PredictReply;
    expect(reply.ok).toBe(true);
    expect(reply.predicted).toBe(NEW_CUSTOMERS - 10);
    const values = readValues(sheet);
    expect(values[0].slice(WIDTH)).toEqual(['Predicted segment', 'Confidence']);
    expect(values.slice(firstNew - 1, firstNew + 9).every((row) => row[WIDTH] === '')).toBe(true);
    expect(values.slice(firstNew + 9).every((row) => row[WIDTH] !== '')).toBe(true);
  });

  it("finds its columns after the user inserted a column, and never takes a user's own Confidence column", () => {
    const spreadsheet = automobileSpreadsheet((cells) => {
      cells[0].push('Confidence');
      for (let r = 1; r < cells.length; r++) cells[r].push(r % 2 === 0 ? 'high' : 'low');
    });
    const addon = loadAddon({ codePath, spreadsheet });
    expect(
      (addon.runFromSidebar('predictSegments', { labelColumn: 'Segmentation' }) as PredictReply).ok,
    ).toBe(true);
    const sheet = spreadsheet.getSheetByName('Customers')!;
    expect(readValues(sheet)[0].slice(WIDTH)).toEqual(['Confidence', 'Predicted segment', 'Confidence']);
    sheet.insertColumnBefore(2);
    const before = readValues(sheet);
    expect(
      (addon.runFromSidebar('predictSegments', { labelColumn: 'Segmentation' }) as PredictReply).ok,
    ).toBe(true);
    const after = readValues(sheet);
    expect(after[0]).toEqual(before[0]);
    expect(after.map((row) => row.slice(0, WIDTH + 2))).toEqual(before.map((row) => row.slice(0, WIDTH + 2)));
  });
});

describe.skipIf(!AUTOMOBILE)('predictSegments with bad input', () => {
  const cases: [string, (cells: Cell[][]) => void, object, RegExp][] = [
    [
      'the label column is missing',
      () => {},
      { labelColumn: 'Segment_Code' },
      /no label column "Segment_Code"; its columns are: ID, Gender/,
    ],
    [
      'the label has one class only',
      (cells) => {
        for (let r = 1; r < cells.length; r++) if (cells[r][LABEL] !== '') cells[r][LABEL] = 'A';
      },
      { labelColumn: 'Segmentation' },
      /only one value \("A"\)/,
    ],
    [
      'a class has a single row',
      (cells) => {
        cells[7][LABEL] = 'E';
      },
      { labelColumn: 'Segmentation' },
      /segment "E" of Segmentation has a single row \(row 8\)/,
    ],
    [
      'no row is left to predict',
      (cells) => {
        for (let r = 1; r < cells.length; r++) cells[r][LABEL] = labelledCells[r][LABEL];
      },
      { labelColumn: 'Segmentation' },
      /Every row of Sheet "Customers" has a Segmentation, so there is nothing to predict/,
    ],
    ['no label column chosen', () => {}, {}, /Predict options: labelColumn: Choose the column/],
    [
      'a seed that is not a whole number',
      () => {},
      { labelColumn: 'Segmentation', seed: 1.5 },
      /seed must be a whole number/,
    ],
  ];

  for (const [what, edit, options, message] of cases) {
    it(`answers { ok: false } naming the problem and leaves the spreadsheet byte-identical: ${what}`, () => {
      const spreadsheet = automobileSpreadsheet(edit);
      const before = snapshotSpreadsheet(spreadsheet);
      const reply = loadAddon({ codePath, spreadsheet }).runFromSidebar('predictSegments', options) as {
        ok: boolean;
        error: string;
      };
      expect(reply.ok).toBe(false);
      expect(reply.error).toMatch(message);
      expect(snapshotSpreadsheet(spreadsheet)).toBe(before);
    });
  }

  it('says another run is in progress when the document lock is busy, and writes nothing', () => {
    const spreadsheet = automobileSpreadsheet();
    const locks = new LockRegistry();
    locks.holdByAnotherExecution('document');
    const before = snapshotSpreadsheet(spreadsheet);
    const reply = loadAddon({ codePath, spreadsheet, locks }).runFromSidebar('predictSegments', {
      labelColumn: 'Segmentation',
    });
    expect(reply).toMatchObject({ ok: false, error: expect.stringMatching(/try again in a minute/) });
    expect(snapshotSpreadsheet(spreadsheet)).toBe(before);
  });
});

describe.skipIf(!AUTOMOBILE)('Predict segments menu item', () => {
  it('opens the sidebar at the predict view', () => {
    const addon = loadAddon({ codePath, spreadsheet: automobileSpreadsheet() });
    addon.globals.onOpen({ authMode: 'LIMITED' });
    const item = addon.services.ui
      .menuItems()
      .find((entry) => entry.caption === 'Predict segments from a labelled column…');
    expect(item?.functionName).toBe('showPredictSidebar');
    addon.globals[item!.functionName]();
    const [shown] = addon.services.ui.shown;
    expect(shown.kind).toBe('sidebar');
    expect(shown.content).toContain('id="predict-label"');
    expect(shown.content).toContain('window.INITIAL_VIEW = "predict"');
  });
});
