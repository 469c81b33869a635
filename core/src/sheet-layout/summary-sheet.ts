/**
 * The "Segments" summary sheet: the per-segment table, the choose-k candidates and the chart specs
 * (sizes, elbow and silhouette, a scatter of two features).
 */
import { round } from '../format';
import { MESSAGES_EN } from '../i18n/messages-en';
import { createTranslator } from '../i18n/translator';
import type { Run } from '../schema/run';
import { parseNumberCell } from '../table/columns';
import { widestRow } from '../table/extent';
import type { Table } from '../table/table';
import { detectionSentence } from './customers-sheet';
import { plainText, rangeOf, type SheetRange, type SheetValue } from './sheet-values';

/** Name of the summary sheet (one per spreadsheet, replaced on every run). */
export const SUMMARY_SHEET_NAME = 'Segments';

/**
 * Name of the hidden sheet holding the scatter chart's points (up to 2,000 rows), so the Segments
 * sheet shows its tables and charts, not a wall of numbers. Replaced with the summary.
 */
export const CHART_DATA_SHEET_NAME = 'Segments chart data';

/**
 * A native chart, described neutrally: the Apps Script path builds it with `sheet.newChart()`, the
 * REST path with an `addChart` request. `ranges[0]` is the domain (x axis); the others are series.
 * Every range includes its header row, so series take their names from it.
 */
export interface ChartSpec {
  id: 'elbow' | 'scatter' | 'sizes';
  type: 'line' | 'scatter' | 'column';
  /** The sheet its ranges are on: the Segments sheet itself, or the hidden chart-data sheet. */
  dataSheet: 'summary' | 'chart-data';
  title: string;
  xAxisTitle: string;
  yAxisTitle: string;
  ranges: SheetRange[];
  /** Number of header rows in each range (always 1). */
  headerRows: 1;
  /** Top-left cell the chart is anchored at (1-based). */
  anchor: { row: number; column: number };
  width: number;
  height: number;
}

/** What the summary sheet holds: a rectangle of values starting at A1, its charts, and where things are. */
export interface SummarySheetLayout {
  /** Rectangular (every row has the same length) so it is written in one call. */
  values: SheetValue[][];
  charts: ChartSpec[];
  /** Where the per-segment table is (header included). */
  segmentTable: SheetRange;
  /** Where the k table is (header included). */
  kTable: SheetRange;
  /**
   * The hidden chart-data sheet's values (rectangular, from A1), when the run has two numeric
   * features: x, then one y column per segment. `scatterTable` is where they are on that sheet.
   */
  chartData?: SheetValue[][];
  scatterTable?: SheetRange;
  /** Number formats to apply after the values: shares and rates as percentages ('0.0%'). */
  numberFormats: { range: SheetRange; format: string }[];
}

/** How a share or rate shows on the Segments sheet: 0.405 reads 40.5%. */
export const PERCENT_FORMAT = '0.0%';

/** The k table's headers in English (the sheet uses the run's language: `sheetKTableHeaders`). */
export const K_TABLE_HEADERS = MESSAGES_EN.sheetKTableHeaders();

/** What the two k-table numbers mean in English (the sheet uses `sheetKTableExplanations`). */
export const K_TABLE_EXPLANATIONS = MESSAGES_EN.sheetKTableExplanations();

/**
 * The Segments summary sheet: a title, one row per segment (number, persona, size, share, profile per
 * feature in original units, strategy, summary), the k table (inertia and silhouette per candidate k),
 * the reason for k, a scatter table (two numeric features, one y column per segment so each segment
 * is its own coloured series) and chart specs over those ranges (elbow line, scatter, sizes column).
 * @param run the run to summarise
 * @param points optional per-customer [x, y] values of the scatter features, aligned with
 *   `run.assignments`; without them the scatter shows the segment centres only. At most
 *   `maxScatterPoints` (default 2,000) are kept, evenly spaced, so the sheet stays small.
 * @example encodeSummarySheet(run).charts.map((chart) => chart.id) // ['sizes', 'scatter']
 */
export function encodeSummarySheet(
  run: Run,
  points?: { x: readonly (number | null)[]; y: readonly (number | null)[] },
  maxScatterPoints = 2_000,
): SummarySheetLayout {
  const rows: SheetValue[][] = [];
  // The sheet speaks the language the run was named in.
  const t = createTranslator(run.lang ?? 'en');
  const m = t.m;
  const words = m.sheetHeaders();

  rows.push([plainText(m.sheetTitle(run.name))]);
  rows.push([
    m.sheetSubtitle(run.id, run.createdAt, String(run.preprocessing.rowsUsed), run.k, run.algorithm),
  ]);
  // An RFM run says what it read the orders as, so the user can check it against the sheet.
  const detected = detectionSentence(run);
  if (detected) rows.push([plainText(detected)]);
  rows.push([]);

  // Per-segment table.
  const segmentTableRow = rows.length + 1;
  const profileHeaders = run.features.map((feature) =>
    plainText(feature.kind === 'numeric' ? m.sheetAverage(feature.name) : m.sheetMostCommon(feature.name)),
  );
  // Outcome rates and descriptive categories kept out of clustering, after the original columns so
  // their positions stay put for older readers.
  const outcomeColumns = run.segments[0]?.outcomes?.map((outcome) => outcome.column) ?? [];
  const descriptorColumns = run.segments[0]?.descriptors?.map((descriptor) => descriptor.column) ?? [];
  const header = [
    words.segment,
    words.persona,
    words.customers,
    words.share,
    ...profileHeaders,
    words.strategy,
    words.summary,
    words.rank,
    words.why,
    ...outcomeColumns.map((column) => plainText(m.sheetRate(column))),
    ...descriptorColumns.map((column) => plainText(m.sheetMostCommon(column))),
  ];
  rows.push(header);
  for (const segment of run.segments) {
    const profile = run.features.map((feature): SheetValue => {
      const entry = segment.profile.find((candidate) => candidate.feature === feature.name);
      if (!entry) {
        const centre = segment.centroid[feature.name];
        return typeof centre === 'number' ? round(centre, 2) : (centre ?? '');
      }
      return entry.kind === 'numeric'
        ? round(entry.mean, 2)
        : plainText(`${entry.top} (${Math.round(entry.topShare * 100)}%)`);
    });
    rows.push([
      segment.index + 1,
      plainText(segment.persona.name),
      segment.size,
      round(segment.share, 4),
      ...profile,
      plainText(segment.persona.strategy),
      plainText(segment.persona.summary),
      segment.persona.priority,
      plainText(typeof segment.persona.reason === 'string' ? segment.persona.reason : ''),
      ...outcomeColumns.map((column): SheetValue => {
        const outcome = segment.outcomes?.find((entry) => entry.column === column);
        return outcome ? round(outcome.rate, 4) : '';
      }),
      ...descriptorColumns.map((column): SheetValue => {
        const descriptor = segment.descriptors?.find((entry) => entry.column === column);
        return descriptor ? plainText(`${descriptor.top} (${Math.round(descriptor.topShare * 100)}%)`) : '';
      }),
    ]);
  }
  if (outcomeColumns.length > 0) {
    const overall = run.segments[0]?.outcomes ?? [];
    rows.push([
      '',
      m.sheetAllCustomers(),
      run.preprocessing.rowsUsed,
      1,
      ...run.features.map(() => ''),
      '',
      '',
      '',
      '',
      ...outcomeColumns.map((column) =>
        round(overall.find((entry) => entry.column === column)?.overall ?? 0, 4),
      ),
    ]);
  }
  const segmentTable = rangeOf(segmentTableRow, 1, run.segments.length + 1, header.length);
  rows.push([]);

  // How the columns were used: derived features with their sources, columns left out and why, checks.
  const columnRows: SheetValue[][] = [
    ...run.features
      .filter((feature) => feature.derivedFrom && feature.derivedFrom.length > 0)
      .map((feature): SheetValue[] => [
        m.sheetDerivedFeature(),
        plainText(feature.name),
        plainText(m.sheetDerivedFrom(feature.derivedFrom ?? [])),
      ]),
    ...(run.preprocessing.excludedColumns ?? []).map((entry): SheetValue[] => [
      m.sheetLeftOut(),
      plainText(entry.column),
      plainText(entry.reason),
    ]),
    ...(run.preprocessing.checks ?? []).map((line): SheetValue[] => [m.sheetDataCheck(), plainText(line)]),
  ];
  if (columnRows.length > 0) {
    rows.push([m.sheetColumnsHeading()]);
    for (const row of columnRows) rows.push(row);
    rows.push([]);
  }

  // k table: every candidate when k was chosen automatically, else the one k used.
  rows.push([run.chooseK ? m.sheetKHeading(true) : m.sheetKHeading(false)]);
  const kTableRow = rows.length + 1;
  rows.push(m.sheetKTableHeaders());
  const candidates = run.chooseK?.candidates ?? [
    { k: run.k, inertia: run.quality.inertia, silhouette: run.quality.silhouette ?? null },
  ];
  for (const candidate of candidates) {
    rows.push([
      candidate.k,
      round(candidate.inertia, 4),
      candidate.silhouette === null ? '' : round(candidate.silhouette, 4),
    ]);
  }
  const kTable = rangeOf(kTableRow, 1, candidates.length + 1, 3);
  rows.push([plainText(run.chooseK ? m.sheetWhyK(run.k, run.chooseK.reason) : m.sheetKSet(run.k))]);
  for (const sentence of m.sheetKTableExplanations()) rows.push([sentence]);
  rows.push([]);

  // Scatter table, on the hidden chart-data sheet: x, then one column per segment holding y only on
  // that segment's rows (so each segment is its own coloured series). The Segments sheet says where.
  const numeric = pickScatterFeatures(run);
  let scatterTable: SheetRange | undefined;
  let chartData: SheetValue[][] | undefined;
  if (numeric) {
    const scatterPoints = collectScatterPoints(run, numeric, points, maxScatterPoints);
    chartData = [
      [numeric.x, ...run.segments.map((segment) => `${segment.index + 1} · ${segment.persona.name}`)],
    ];
    for (const point of scatterPoints) {
      const row: SheetValue[] = [point.x];
      for (let s = 0; s < run.segments.length; s++) row.push(s === point.segment ? point.y : '');
      chartData.push(row);
    }
    scatterTable = rangeOf(1, 1, chartData.length, 1 + run.segments.length);
    rows.push([
      plainText(
        m.sheetScatterNote(
          numeric.x,
          numeric.y,
          t.count(scatterPoints.length),
          scatterPoints.length,
          CHART_DATA_SHEET_NAME,
        ),
      ),
    ]);
  }

  const width = widestRow(rows);
  const values = rows.map((row) => [...row, ...Array<SheetValue>(width - row.length).fill('')]);

  const chartColumn = width + 2;
  // The elbow needs several candidates: with k fixed there is one point, so no chart.
  const charts: ChartSpec[] = [];
  if (run.chooseK && candidates.length > 1) {
    charts.push({
      id: 'elbow',
      type: 'line',
      dataSheet: 'summary',
      title: m.sheetElbowTitle(),
      xAxisTitle: m.sheetElbowAxis(),
      yAxisTitle: m.sheetInertiaAxis(),
      ranges: [rangeOf(kTable.row, 1, kTable.numRows, 1), rangeOf(kTable.row, 2, kTable.numRows, 1)],
      headerRows: 1,
      anchor: { row: 1, column: chartColumn },
      width: 480,
      height: 300,
    });
  }
  charts.push({
    id: 'sizes',
    type: 'column',
    dataSheet: 'summary',
    title: m.sheetSizesTitle(),
    xAxisTitle: words.persona,
    yAxisTitle: words.customers,
    ranges: [
      rangeOf(segmentTable.row, 2, segmentTable.numRows, 1),
      rangeOf(segmentTable.row, 3, segmentTable.numRows, 1),
    ],
    headerRows: 1,
    anchor: { row: charts.length > 0 ? 17 : 1, column: chartColumn },
    width: 480,
    height: 300,
  });
  if (numeric && scatterTable) {
    charts.push({
      id: 'scatter',
      type: 'scatter',
      dataSheet: 'chart-data',
      title: m.sheetScatterTitle(numeric.x, numeric.y),
      xAxisTitle: numeric.x,
      yAxisTitle: numeric.y,
      ranges: [scatterTable],
      headerRows: 1,
      anchor: { row: charts.length > 1 ? 33 : 17, column: chartColumn },
      width: 480,
      height: 360,
    });
  }
  // Share (column 4) and the outcome rates as percentages, over the segment rows (and the total row).
  const dataRows = segmentTable.numRows - 1 + (outcomeColumns.length > 0 ? 1 : 0);
  const numberFormats = [{ range: rangeOf(segmentTable.row + 1, 4, dataRows, 1), format: PERCENT_FORMAT }];
  if (outcomeColumns.length > 0) {
    const firstRate = header.length - descriptorColumns.length - outcomeColumns.length + 1;
    numberFormats.push({
      range: rangeOf(segmentTable.row + 1, firstRate, dataRows, outcomeColumns.length),
      format: PERCENT_FORMAT,
    });
  }
  return {
    values,
    charts,
    segmentTable,
    kTable,
    ...(chartData && scatterTable ? { chartData, scatterTable } : {}),
    numberFormats,
  };
}

/**
 * The two numeric features the scatter chart plots: income against spending when both roles are
 * present (it reads best to marketers), else the first two numeric features; null with fewer than two.
 * @example pickScatterFeatures(run) // { x: 'Annual Income (k$)', y: 'Spending Score (1-100)' }
 */
export function pickScatterFeatures(run: Run): { x: string; y: string } | null {
  const numeric = run.features.filter((feature) => feature.kind === 'numeric');
  if (numeric.length < 2) return null;
  const income = numeric.find((feature) => feature.role === 'income');
  const spending = numeric.find((feature) => feature.role === 'spending');
  if (income && spending) return { x: income.name, y: spending.name };
  return { x: numeric[0].name, y: numeric[1].name };
}

function collectScatterPoints(
  run: Run,
  features: { x: string; y: string },
  points: { x: readonly (number | null)[]; y: readonly (number | null)[] } | undefined,
  maxPoints: number,
): { x: number; y: number; segment: number }[] {
  const assignments = run.assignments;
  if (points && assignments) {
    const usable: number[] = [];
    for (let i = 0; i < assignments.length; i++) {
      const x = points.x[i];
      const y = points.y[i];
      if (assignments[i] >= 0 && typeof x === 'number' && typeof y === 'number') usable.push(i);
    }
    const step = Math.max(1, usable.length / Math.max(1, maxPoints));
    const picked: { x: number; y: number; segment: number }[] = [];
    for (let p = 0; p < usable.length && picked.length < maxPoints; p += step) {
      const i = usable[Math.floor(p)];
      picked.push({ x: points.x[i] as number, y: points.y[i] as number, segment: assignments[i] });
    }
    return picked;
  }
  return run.segments.flatMap((segment) => {
    const x = segment.centroid[features.x];
    const y = segment.centroid[features.y];
    return typeof x === 'number' && typeof y === 'number'
      ? [{ x: round(x, 2), y: round(y, 2), segment: segment.index }]
      : [];
  });
}

/**
 * The summary layout with per-customer scatter points read from the table the run was built from,
 * so the add-on and the Sheets API path draw the same scatter.
 * @example encodeSummaryForTable(run, table).charts.length // 2
 */
export function encodeSummaryForTable(run: Run, table: Table): SummarySheetLayout {
  const features = pickScatterFeatures(run);
  if (!features) return encodeSummarySheet(run);
  const column = (name: string) => {
    const index = table.headers.indexOf(name);
    return table.rows.map((row) => {
      const parsed = parseNumberCell(row[index]);
      return parsed.kind === 'number' ? parsed.value : null;
    });
  };
  return encodeSummarySheet(run, { x: column(features.x), y: column(features.y) });
}
