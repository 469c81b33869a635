import {
  CHUNK_PREFIX,
  customerTable,
  decodeRunRows,
  encodeAssignmentColumns,
  encodePredictionColumns,
  encodeRunRows,
  encodeSummarySheet,
  findOutputColumns,
  findPredictionColumns,
  listKeptRuns,
  MAX_CELL_CHARS,
  METADATA_KEYS,
  PERSONA_HEADER,
  parseRun,
  plainText,
  planOutputColumns,
  planPredictionColumns,
  RUNS_SHEET_HEADERS,
  type Run,
  rangeOf,
  runsToTrim,
  SEGMENT_HEADER,
} from '@segments/core';
import { describe, expect, it } from 'vitest';

/** A small hand-made run: 2 segments over income and spending, 4 customers, the third dropped. */
function sampleRun(overrides: Partial<Run> = {}): Run {
  return parseRun({
    schemaVersion: 1,
    id: 'run-1',
    name: 'Mall customers',
    createdAt: '2026-01-02T03:04:05.000Z',
    source: { kind: 'sheet', rowCount: 4, sheetName: 'Customers' },
    options: { k: 2, algorithm: 'kmeans', scaling: 'none', seed: 1, restarts: 10, missing: 'drop' },
    features: [
      { name: 'Income', kind: 'numeric', role: 'income', mean: 50, std: 20 },
      { name: 'Spending', kind: 'numeric', role: 'spending', mean: 50, std: 30 },
    ],
    preprocessing: {
      rowsUsed: 3,
      rowsDropped: 1,
      imputed: 0,
      missingByColumn: { Income: 1, Spending: 0 },
      droppedExamples: [{ row: 4, reason: 'Income is empty' }],
      notes: ['1 row dropped: Income is empty'],
    },
    k: 2,
    algorithm: 'kmeans',
    chooseK: {
      candidates: [
        { k: 2, inertia: 120.5, silhouette: 0.61 },
        { k: 3, inertia: 80.25, silhouette: 0.4 },
      ],
      recommendedK: 2,
      reason: 'the elbow is at 2 and its silhouette is the highest',
    },
    segments: [
      {
        index: 0,
        size: 2,
        share: 2 / 3,
        centroid: { Income: 70, Spending: 80 },
        profile: [
          { feature: 'Income', kind: 'numeric', mean: 70, level: 'high', zScore: 1 },
          { feature: 'Spending', kind: 'numeric', mean: 80, level: 'high', zScore: 1 },
        ],
        persona: {
          name: 'Premium Shoppers',
          summary: 'High income, high spending',
          strategy: 'Exclusive offers',
          priority: 1,
        },
      },
      {
        index: 1,
        size: 1,
        share: 1 / 3,
        centroid: { Income: 20, Spending: 15.333 },
        profile: [
          { feature: 'Income', kind: 'numeric', mean: 20, level: 'low', zScore: -1.5 },
          { feature: 'Spending', kind: 'numeric', mean: 15.333, level: 'low', zScore: -1.2 },
        ],
        persona: {
          name: 'Budget Shoppers',
          summary: 'Low income, low spending',
          strategy: '+ cost-effective promotions',
          priority: 2,
        },
      },
    ],
    quality: { inertia: 120.5, silhouette: 0.61 },
    assignments: [0, 1, -1, 0],
    ...overrides,
  });
}

describe('encodeAssignmentColumns', () => {
  it('writes a header, the 1-based segment number and the persona per row, and blanks for dropped rows', () => {
    expect(encodeAssignmentColumns(sampleRun(), 4)).toEqual([
      [SEGMENT_HEADER, PERSONA_HEADER],
      [1, 'Premium Shoppers'],
      [2, 'Budget Shoppers'],
      ['', ''],
      [1, 'Premium Shoppers'],
    ]);
  });

  it('places rows by their position below the header, leaving skipped blank rows empty', () => {
    const values = encodeAssignmentColumns(sampleRun(), 6, { rowPositions: [1, 2, 4, 6] });
    expect(values.map((row) => row[0])).toEqual([SEGMENT_HEADER, 1, 2, '', '', '', 1]);
  });

  it('keeps existing values on rows that are not assigned this time', () => {
    const values = encodeAssignmentColumns(sampleRun(), 3, {
      assignments: [-1, -1, 1],
      existing: [
        [1, 'Premium Shoppers'],
        [2, 'Budget Shoppers'],
        ['', ''],
      ],
    });
    expect(values.slice(1)).toEqual([
      [1, 'Premium Shoppers'],
      [2, 'Budget Shoppers'],
      [2, 'Budget Shoppers'],
    ]);
  });

  it('refuses an assignment to a segment the run does not have, naming the row', () => {
    expect(() => encodeAssignmentColumns(sampleRun(), 2, { assignments: [0, 5] })).toThrow(
      /Row 2 .*segment 6/,
    );
  });
});

describe('encodeSummarySheet', () => {
  const layout = encodeSummarySheet(sampleRun());

  it('is one rectangle of values so it is written in one call', () => {
    const widths = new Set(layout.values.map((row) => row.length));
    expect(widths.size).toBe(1);
  });

  it('lists each segment with persona, size, share, profile in original units and strategy', () => {
    const { row, numRows } = layout.segmentTable;
    const table = layout.values.slice(row - 1, row - 1 + numRows);
    expect(table[0].slice(0, 8)).toEqual([
      'Segment',
      'Persona',
      'Customers',
      'Share',
      'Income (average)',
      'Spending (average)',
      'Strategy',
      'Summary',
    ]);
    expect(table[1].slice(0, 7)).toEqual([1, 'Premium Shoppers', 2, 0.6667, 70, 80, 'Exclusive offers']);
    // A strategy starting with "+" would be read as a formula: it is kept as text.
    expect(table[2].slice(0, 7)).toEqual([
      2,
      'Budget Shoppers',
      1,
      0.3333,
      20,
      15.33,
      "'+ cost-effective promotions",
    ]);
  });

  it('has the k table with inertia and silhouette in plain words and says why k was chosen', () => {
    const { row, numRows } = layout.kTable;
    expect(layout.values[row - 2][0]).toBe('How k was chosen');
    expect(layout.values.slice(row - 1, row - 1 + numRows).map((r) => r.slice(0, 3))).toEqual([
      ['k (segments)', 'Spread within segments (inertia)', 'Separation (silhouette)'],
      [2, 120.5, 0.61],
      [3, 80.25, 0.4],
    ]);
    expect(layout.values[row - 1 + numRows][0]).toBe(
      'Why k = 2: the elbow is at 2 and its silhouette is the highest',
    );
    // Each number is explained in a sentence under the table.
    expect(layout.values[row + numRows][0]).toMatch(/^Spread within segments: .*elbow/);
    expect(layout.values[row + numRows + 1][0]).toMatch(/^Separation: from −1 to 1/);
  });

  it('formats Share as a percentage over the segment rows', () => {
    const { segmentTable } = layout;
    expect(layout.numberFormats).toEqual([
      {
        range: expect.objectContaining({ row: segmentTable.row + 1, column: 4, numRows: 2, numColumns: 1 }),
        format: '0.0%',
      },
    ]);
    expect(layout.values[segmentTable.row - 1][3]).toBe('Share');
  });

  it('describes elbow, sizes and scatter charts over its own ranges', () => {
    const byId = Object.fromEntries(layout.charts.map((chart) => [chart.id, chart]));
    expect(byId.elbow.type).toBe('line');
    expect(byId.elbow.ranges.map((r) => r.a1)).toEqual([
      `A${layout.kTable.row}:A${layout.kTable.row + 2}`,
      `B${layout.kTable.row}:B${layout.kTable.row + 2}`,
    ]);
    expect(byId.sizes.ranges.map((r) => r.a1)).toEqual([
      `B${layout.segmentTable.row}:B${layout.segmentTable.row + 2}`,
      `C${layout.segmentTable.row}:C${layout.segmentTable.row + 2}`,
    ]);
    expect(byId.scatter.type).toBe('scatter');
    expect(byId.scatter.ranges[0]).toEqual(layout.scatterTable);
    expect(layout.charts.map((chart) => [chart.id, chart.dataSheet])).toEqual([
      ['elbow', 'summary'],
      ['sizes', 'summary'],
      ['scatter', 'chart-data'],
    ]);
    // Charts sit right of the values, never on top of them.
    for (const chart of layout.charts) expect(chart.anchor.column).toBeGreaterThan(layout.values[0].length);
  });

  it('plots segment centres without customer values, one series per segment, on the hidden chart-data sheet', () => {
    expect(layout.scatterTable?.a1).toBe('A1:C3');
    expect(layout.chartData).toEqual([
      ['Income', '1 · Premium Shoppers', '2 · Budget Shoppers'],
      [70, 80, ''],
      [20, '', 15.33],
    ]);
    // The Segments sheet keeps one line saying where the points are, not the points.
    expect(layout.values.flat()).toContain(
      'The chart of customers by Income and Spending plots 2 points from the hidden sheet "Segments chart data".',
    );
  });

  it('plots customers coloured by segment when their values are given, skipping dropped rows', () => {
    const withPoints = encodeSummarySheet(sampleRun(), { x: [60, 25, null, 80], y: [70, 10, 40, 90] });
    expect(withPoints.chartData?.slice(1)).toEqual([
      [60, 70, ''],
      [25, '', 10],
      [80, 90, ''],
    ]);
  });

  it('says k came from the options when it was not chosen automatically, and draws no one-point elbow', () => {
    const fixed = encodeSummarySheet(sampleRun({ chooseK: undefined }));
    const { row, numRows } = fixed.kTable;
    expect(fixed.values[row][0]).toBe(2);
    expect(fixed.values[row - 1 + numRows][0]).toMatch(/k = 2 was set in the options/);
    expect(fixed.charts.map((chart) => chart.id)).toEqual(['sizes', 'scatter']);
    expect(fixed.charts[0].anchor.row).toBe(1);
  });
});

describe('listKeptRuns and runsToTrim', () => {
  it('lists runs from their Summary cell, and names runs kept before it existed', () => {
    const run = sampleRun();
    const older = { ...sampleRun(), id: 'run-0', createdAt: '2026-01-01T00:00:00.000Z' };
    const oldRows = encodeRunRows(older).map((row) => row.slice(0, 6));
    const listed = listKeptRuns([[...RUNS_SHEET_HEADERS], ...oldRows, ...encodeRunRows(run)]);
    expect(listed.runs.map((item) => [item.id, item.k, item.segments.length, item.hasAssignments])).toEqual([
      ['run-1', run.k, run.segments.length, (run.assignments?.length ?? 0) > 0],
    ]);
    expect(listed.unlisted).toEqual(['run-0']);
  });

  it('trims every run but the newest ones that still have assignments', () => {
    const runs = ['2026-01-03', '2026-01-01', '2026-01-02', '2026-01-04'].map((day, i) => ({
      id: `r${i}`,
      createdAt: `${day}T00:00:00Z`,
      hasAssignments: i !== 1,
    }));
    expect(runsToTrim(runs, 2)).toEqual(['r2']);
    expect(runsToTrim(runs, 10)).toEqual([]);
  });
});

describe('encodeRunRows and decodeRunRows', () => {
  it('keeps a run in one row and reads it back', () => {
    const run = sampleRun();
    const rows = encodeRunRows(run);
    expect(rows).toHaveLength(1);
    expect(rows[0].slice(0, 5)).toEqual(['run-1', '2026-01-02T03:04:05.000Z', 'Mall customers', 0, 1]);
    expect(String(rows[0][5]).startsWith(CHUNK_PREFIX)).toBe(true);
    expect(decodeRunRows([[...RUNS_SHEET_HEADERS], ...rows]).runs).toEqual([run]);
  });

  it('splits a run larger than a cell into chunks under 50,000 characters that round-trip', () => {
    const assignments = Array.from({ length: 60_000 }, (_, i) => (i % 7 === 0 ? -1 : i % 2));
    const run = sampleRun({ assignments, source: { kind: 'sheet', rowCount: 60_000 } });
    const rows = encodeRunRows(run);
    expect(JSON.stringify(run).length).toBeGreaterThan(MAX_CELL_CHARS * 2);
    expect(rows.length).toBeGreaterThanOrEqual(3);
    for (const row of rows) expect(String(row[5]).length).toBeLessThanOrEqual(MAX_CELL_CHARS);
    // Shuffled order, string numbers (as the REST API returns them) and a header row are all fine.
    const shuffled = [[...RUNS_SHEET_HEADERS], ...rows.map((row) => row.map(String)).reverse()];
    const decoded = decodeRunRows(shuffled);
    expect(decoded.problems).toEqual([]);
    expect(decoded.runs[0].assignments).toEqual(assignments);
  });

  it('lists runs newest first and tolerates rows of other writers and broken runs', () => {
    const older = sampleRun();
    const newer = sampleRun({ id: 'run-2', createdAt: '2026-02-01T00:00:00.000Z' });
    const broken = encodeRunRows(sampleRun({ id: 'run-3' }));
    broken[0][5] = `${CHUNK_PREFIX}{"not":"a run"}`;
    const missingChunk = encodeRunRows(sampleRun({ id: 'run-4' })).map((row) => [
      ...row.slice(0, 4),
      2,
      row[5],
    ]);
    const decoded = decodeRunRows([
      ['something else', 'entirely'],
      [],
      ...encodeRunRows(older),
      ...broken,
      ...missingChunk,
      ...encodeRunRows(newer),
    ]);
    expect(decoded.runs.map((run) => run.id)).toEqual(['run-2', 'run-1']);
    expect(decoded.problems).toHaveLength(2);
    expect(decoded.problems.join('\n')).toMatch(/run-3/);
    expect(decoded.problems.join('\n')).toMatch(/run-4 is incomplete: 1 of 2/);
  });

  it('keeps a run name that looks like a formula as text', () => {
    const rows = encodeRunRows(sampleRun({ name: '=HYPERLINK("x")' }));
    expect(rows[0][2]).toBe(`'=HYPERLINK("x")`);
    expect(decodeRunRows(rows).runs[0].name).toBe('=HYPERLINK("x")');
  });
});

describe('findOutputColumns', () => {
  it('finds the columns by developer metadata even after the user moved them', () => {
    const headers = ['Segment', 'Persona', 'Age', 'Segment', 'Income', 'Persona'];
    const metadata = [
      { key: 'other.tool', value: 'segment', column: 0 },
      { key: METADATA_KEYS.column, value: 'persona', column: 5 },
      { key: METADATA_KEYS.column, value: 'segment', column: 3 },
    ];
    expect(findOutputColumns(headers, metadata)).toEqual({ segment: 3, persona: 5 });
  });

  it('falls back to a Segment header followed by a Persona header', () => {
    expect(findOutputColumns(['Age', 'Income', 'Segment', 'Persona'])).toEqual({ segment: 2, persona: 3 });
  });

  it("never takes a user's lone Segment column for the add-on's", () => {
    expect(findOutputColumns(['Segment', 'Age', 'Persona'])).toEqual({});
  });
});

describe('planOutputColumns', () => {
  it('puts new columns right of the used columns', () => {
    expect(planOutputColumns({}, 5)).toEqual({
      segment: 5,
      persona: 6,
      adjacent: true,
      created: ['segment', 'persona'],
    });
  });

  it('reuses found columns and adds only the missing one', () => {
    expect(planOutputColumns({ segment: 2 }, 7)).toEqual({
      segment: 2,
      persona: 7,
      adjacent: false,
      created: ['persona'],
    });
  });
});

describe('prediction columns', () => {
  it('finds Predicted segment and Confidence by their own metadata key, ignoring Segment/Persona metadata', () => {
    const metadata = [
      { key: METADATA_KEYS.column, value: 'segment', column: 1 },
      { key: METADATA_KEYS.predictionColumn, value: 'confidence', column: 6 },
      { key: METADATA_KEYS.predictionColumn, value: 'predicted-segment', column: 4 },
    ];
    expect(findPredictionColumns(['Age', 'X', 'Y', 'Z', 'P', 'Q', 'R'], metadata)).toEqual({
      predictedSegment: 4,
      confidence: 6,
    });
    expect(findOutputColumns(['Age', 'X'], metadata)).toEqual({ segment: 1 });
  });

  it("finds them by header only as the pair, never a user's lone Confidence column", () => {
    expect(findPredictionColumns(['Age', 'Predicted segment', 'Confidence'])).toEqual({
      predictedSegment: 1,
      confidence: 2,
    });
    expect(findPredictionColumns(['Age', 'Confidence', 'Predicted segment'])).toEqual({});
  });

  it('plans new columns right of the used ones and reuses found ones', () => {
    expect(planPredictionColumns({}, 11)).toEqual({
      predictedSegment: 11,
      confidence: 12,
      adjacent: true,
      created: ['predicted-segment', 'confidence'],
    });
    expect(planPredictionColumns({ confidence: 3 }, 8)).toEqual({
      predictedSegment: 8,
      confidence: 3,
      adjacent: false,
      created: ['predicted-segment'],
    });
  });

  it("writes '' for rows without a prediction and rounds confidence to 4 decimals", () => {
    expect(
      encodePredictionColumns(3, [
        { position: 3, label: 'D', confidence: 0.612345 },
        { position: 1, label: '-1', confidence: 1 },
        { position: 9, label: 'A', confidence: 0.5 },
      ]),
    ).toEqual([
      ['Predicted segment', 'Confidence'],
      ["'-1", 1],
      ['', ''],
      ['D', 0.6123],
    ]);
  });
});

describe('rangeOf and plainText', () => {
  it('gives A1 notation for 1-based rectangles', () => {
    expect(rangeOf(2, 1, 3, 2).a1).toBe('A2:B4');
    expect(rangeOf(1, 27, 1, 1).a1).toBe('AA1:AA1');
  });

  it('protects only text that Sheets would read as a formula', () => {
    expect(plainText('=1+1')).toBe("'=1+1");
    expect(plainText('-5 %')).toBe("'-5 %");
    expect(plainText('Budget Shoppers')).toBe('Budget Shoppers');
  });
});

describe('customerTable', () => {
  it("leaves out the add-on's own columns, counted in sheet columns from A = 0", () => {
    // Values read from C1: columns C, D, E; E (index 4) is ours.
    const table = customerTable({
      values: [
        ['Age', 'Income', 'Segment'],
        [30, 40, 1],
        [50, 60, 2],
      ],
      headerIndex: 0,
      firstRow: 1,
      firstColumn: 3,
      ownColumns: [4, undefined],
      source: 'Sheet "Customers"',
    });
    expect(table.headers).toEqual(['Age', 'Income']);
    expect(table.rows).toEqual([
      [30, 40],
      [50, 60],
    ]);
    expect(table.rowNumbers).toEqual([2, 3]);
  });
});
