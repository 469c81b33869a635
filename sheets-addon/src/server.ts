/**
 * The sidebar's server functions (called with `google.script.run`). Each reads the sheet once, calls
 * core, validates and encodes everything, and only then writes, so a user error leaves the sheet
 * exactly as it was. Each returns a plain JSON-safe `{ ok: true, … }` or `{ ok: false, error }`.
 */
import * as z from 'zod/mini';
import '@segments/core';
import type { Table } from '@segments/core';
import {
  assignTable,
  categoryOf,
  createTranslator,
  DEFAULT_KEPT_ASSIGNMENT_RUNS,
  defaultFeatureColumns,
  describeSegments,
  detectionSentence,
  detectTransactions,
  encodeAssignmentColumns,
  encodeCustomersSheet,
  encodePredictionColumns,
  encodeSummaryForTable,
  estimateRun,
  evenSample,
  inferColumns,
  type Lang,
  type Messages,
  planOutputColumns,
  planPredictionColumns,
  predictTable,
  type Run,
  type RunSummary,
  SegmentationError,
  type SegmentDigest,
  type SegmentOptions,
  segmentOrders,
  segmentTable,
  sizesChartSvg,
  type TransactionColumns,
  toPublishableSummary,
  trainClassifier,
  valueFeatureOf,
} from '@segments/core';
import { addonLang, addonMessages } from './language';
import { AddonUserError, type Result, serve } from './result';
import { publicSettings, readSettings, writeSettings } from './settings';
import {
  existingOutputValues,
  exportSegmentRows,
  findSummarySheet,
  outputRowSpan,
  readActiveSheet,
  readKeptRun,
  readRunListing,
  renamePersonaInColumns,
  renamePersonaInSummary,
  rewriteKeptRun,
  type SheetSnapshot,
  snapshotTable,
  trimOldAssignments,
  writeOutputColumns,
  writePredictionColumns,
  writeRunResult,
} from './sheet-io';

/** Shown (in English) when another execution holds the document lock. */
export const LOCK_BUSY_MESSAGE = createTranslator('en').m.addonLockBusy();
/** How long to wait for the document lock before telling the user it is busy. */
const LOCK_WAIT_MS = 5_000;

/** A segment as the sidebar lists it: persona, size, share, value share, traits and strategy. */
export type SegmentRow = SegmentDigest;

const segmentRows = (run: Pick<Run, 'segments' | 'features'>, lang: Lang): SegmentRow[] =>
  describeSegments(run, lang);

/**
 * The active sheet's columns as core reads them, for the sidebar's checkboxes.
 * @example getSheetProfile() // { ok: true, sheetName: 'Customers', sheetId: 0, range: 'A1:E201', rowCount: 200, notes: [], estimate, columns: [{ name: 'Age', kind: 'numeric', role: 'age', missing: 0 }, …] }
 */
export function getSheetProfile(options?: unknown) {
  return serve(() => {
    const parsed = parseOptions(readOptionsSchema, options, 'Read options');
    const snapshot = readActiveSheet(parsed);
    const table = snapshotTable(snapshot);
    const columns = inferColumns(table);
    const suggested = columns.filter((column) => column.suggested && column.kind === 'numeric').length;
    const orders = ordersOf(table, `Sheet "${snapshot.sheetName}"`);
    return {
      ...(orders ? { orders: ordersLine(table, orders) } : {}),
      sheetName: snapshot.sheetName,
      sheetId: snapshot.sheetId,
      range: snapshot.rangeA1,
      rowCount: table.rows.length,
      notes: snapshot.region.notes,
      filteredRows: snapshot.region.filteredRows,
      estimate: runEstimate(snapshot, table.rows.length, Math.max(1, suggested), true),
      columns: columns.map((column) => ({
        name: column.name,
        kind: column.kind,
        ...(column.role ? { role: column.role } : {}),
        missing: column.missing,
        distinct: column.distinct,
        suggested: column.suggested,
        ...(column.note ? { note: column.note } : {}),
      })),
    };
  });
}

const readOptionsSchema = z.object({
  onlySelected: z.optional(z.boolean()),
  includeFiltered: z.optional(z.boolean()),
});

const runOptionsSchema = z.object({
  columns: z.optional(
    z.array(z.string().check(z.minLength(1))).check(z.minLength(1, 'Choose at least one column')),
  ),
  k: z.optional(
    z.union([z.literal('auto'), z.int().check(z.minimum(1))], {
      error: 'k must be "auto" or a whole number of segments (1 or more)',
    }),
  ),
  scaling: z.optional(z.enum(['zscore', 'minmax', 'none'])),
  algorithm: z.optional(z.enum(['auto', 'kmeans', 'kprototypes'])),
  seed: z.optional(z.int('seed must be a whole number')),
  missing: z.optional(z.enum(['drop', 'impute'])),
  name: z.optional(
    z.string().check(z.trim(), z.maxLength(200, 'The run name is longer than 200 characters')),
  ),
  /** Segment only the selected rows of the table (default: the whole table around the active cell). */
  onlySelected: z.optional(z.boolean()),
  /** Segment rows a filter hides too (default: skipped and counted). */
  includeFiltered: z.optional(z.boolean()),
  /** When the table is too big for 6 minutes: segment an evenly spread sample, assign every row. */
  sample: z.optional(z.boolean()),
  /** The sheet and table the sidebar showed; the run refuses to write anywhere else. */
  expected: z.optional(
    z.object({ sheetId: z.int(), sheetName: z.optional(z.string()), range: z.optional(z.string()) }),
  ),
  /**
   * Segment customers from an orders table (RFM): default when no columns are given and the table is
   * one; false clusters the rows as they are.
   */
  transactions: z.optional(z.boolean()),
  /** Key the sidebar polls with getProgress. */
  progressKey: z.optional(z.string().check(z.maxLength(100))),
});

/** Options the sidebar sends with Run; every field is optional (core's defaults apply). */
export type RunSegmentationOptions = z.infer<typeof runOptionsSchema>;

function parseOptions<T>(schema: z.ZodMiniType<T>, input: unknown, what: string): T {
  const parsed = schema.safeParse(input ?? {});
  if (!parsed.success) {
    // One clause per problem, naming the option: the sidebar shows it as is.
    const problems = parsed.error.issues.map((issue) =>
      issue.path.length > 0 ? `${issue.path.join('.')}: ${issue.message}` : issue.message,
    );
    throw new AddonUserError(`${what}: ${problems.join('; ')}`);
  }
  return parsed.data;
}

/** Runs `body` holding the spreadsheet's document lock, or fails with {@link LOCK_BUSY_MESSAGE}. */
function withDocumentLock<T>(body: () => T): T {
  const lock = LockService.getDocumentLock();
  if (!lock?.tryLock(LOCK_WAIT_MS)) throw new AddonUserError(addonMessages().addonLockBusy());
  try {
    return body();
  } finally {
    lock.releaseLock();
  }
}

/** Where the sidebar keeps a run's progress: per user, gone after 10 minutes. */
const PROGRESS_SECONDS = 600;
const progressCacheKey = (key: string) => `customerSegments.progress.${key}`;

/** Writes a progress line the sidebar polls with {@link getProgress}; a cache failure never stops a run. */
function reportProgress(key: string | undefined, phase: string, message: string, fraction: number): void {
  if (!key) return;
  try {
    CacheService.getUserCache()?.put(
      progressCacheKey(key),
      JSON.stringify({ phase, message, fraction: Math.round(fraction * 100) / 100 }),
      PROGRESS_SECONDS,
    );
  } catch {
    // Progress is a courtesy; the run goes on.
  }
}

/**
 * What the running segmentation is doing, for the sidebar's progress line (polled every second or
 * two while Run waits; google.script.run calls run in parallel).
 * @example getProgress('p-123') // { ok: true, phase: 'choose-k', message: 'Tried k = 4 (3 of 9)', fraction: 0.33 }
 */
export function getProgress(key?: unknown) {
  return serve(() => {
    if (typeof key !== 'string' || key === '') return { phase: '', message: '', fraction: 0 };
    const text = CacheService.getUserCache()?.get(progressCacheKey(key));
    if (!text) return { phase: '', message: '', fraction: 0 };
    const parsed = JSON.parse(text) as { phase: string; message: string; fraction: number };
    return { phase: parsed.phase, message: parsed.message, fraction: parsed.fraction };
  });
}

/**
 * Which sheet the sidebar would segment now: cheap (no values read), so the sidebar polls it when it
 * gets the focus and reloads the columns when the user has moved to another sheet.
 * @example getActiveTarget() // { ok: true, sheetId: 0, sheetName: 'Customers' }
 */
export function getActiveTarget() {
  return serve(() => {
    const sheet = SpreadsheetApp.getActiveSpreadsheet().getActiveSheet();
    return { sheetId: sheet.getSheetId(), sheetName: sheet.getName() };
  });
}

/** Refuses to write when the active sheet or table is not the one the sidebar showed. */
function checkExpectedTarget(
  snapshot: SheetSnapshot,
  expected: { sheetId: number; sheetName?: string; range?: string } | undefined,
): void {
  if (!expected) return;
  const m = addonMessages();
  if (expected.sheetId !== snapshot.sheetId) {
    throw new AddonUserError(m.addonStaleSheet(expected.sheetName, snapshot.sheetName), 'STALE_SHEET');
  }
  if (expected.range && expected.range !== snapshot.rangeA1) {
    throw new AddonUserError(
      m.addonStaleTable(snapshot.sheetName, expected.range, snapshot.rangeA1),
      'STALE_SHEET',
    );
  }
}

/** The CLI command that segments this spreadsheet outside Apps Script's 6 minutes. */
function cliCommand(spreadsheetId: string, sheetName: string, rangeA1: string): string {
  return `segments segment --sheet ${spreadsheetId} --range "${sheetName.replace(/"/g, '\\"')}!${rangeA1}"`;
}

/** How long the run would take, and what to offer when it does not fit Apps Script's 6 minutes. */
function runEstimate(snapshot: SheetSnapshot, rows: number, columns: number, autoK: boolean) {
  const estimate = estimateRun(rows, columns, autoK);
  return {
    seconds: estimate.seconds,
    fits: estimate.fits,
    sampleRows: estimate.sampleRows,
    rows,
    command: cliCommand(snapshot.spreadsheet.getId(), snapshot.sheetName, snapshot.rangeA1),
  };
}

/**
 * Segments the table that contains the active cell and writes the Segment/Persona columns, the
 * Segments summary sheet and the kept run, all or nothing. Checks first that the sheet is the one the
 * sidebar showed (`expected`) and that the run fits Apps Script's 6 minutes (else offers a sample run
 * or the CLI); reports its phases under `progressKey` for the sidebar.
 * @example runSegmentation({ columns: ['Annual Income (k$)', 'Spending Score (1-100)'], k: 5, scaling: 'none', seed: 1 })
 */
export function runSegmentation(options?: unknown) {
  return serve(() => {
    const parsed = parseOptions(runOptionsSchema, options, 'Run options');
    const progress = parsed.progressKey;
    // Personas, strategies, reasons, progress lines and errors in the spreadsheet's language (or the user's setting).
    const lang = addonLang();
    const t = createTranslator(lang);
    return withDocumentLock(() => {
      reportProgress(progress, 'reading', t.m.addonProgressReading(), 0);
      const snapshot = readActiveSheet({
        onlySelected: parsed.onlySelected,
        includeFiltered: parsed.includeFiltered,
      });
      checkExpectedTarget(snapshot, parsed.expected);
      const table = snapshotTable(snapshot);
      const sheetLabel = `Sheet "${snapshot.sheetName}"`;
      const wantOrders = parsed.transactions ?? parsed.columns === undefined;
      const isOrders = wantOrders && ordersOf(table, sheetLabel) !== undefined;
      const featureCount = isOrders
        ? 3
        : (parsed.columns?.length ??
          defaultFeatureColumns(inferColumns(table), parsed.algorithm ?? 'auto').length);
      const estimate = runEstimate(
        snapshot,
        table.rows.length,
        featureCount,
        (parsed.k ?? 'auto') === 'auto',
      );
      if (!estimate.fits && isOrders) {
        // A sample of order lines would cut customers' histories short: the whole log goes to the CLI.
        throw new AddonUserError(
          t.m.addonOrdersTooBig(
            t.count(table.rows.length),
            Math.ceil(estimate.seconds / 60),
            estimate.command,
          ),
          'TOO_BIG',
        );
      }
      if (!estimate.fits && !parsed.sample) {
        throw new AddonUserError(
          t.m.addonTooBig(
            t.count(table.rows.length),
            featureCount,
            Math.ceil(estimate.seconds / 60),
            t.count(estimate.sampleRows),
            estimate.command,
          ),
          'TOO_BIG',
          estimate,
        );
      }
      const sampled = !estimate.fits && parsed.sample;
      const picked = sampled ? evenSample(table.rows.length, estimate.sampleRows) : null;
      const trainingTable: Table = picked
        ? {
            headers: table.headers,
            rows: picked.map((i) => table.rows[i]),
            rowNumbers: picked.map((i) => table.rowNumbers[i]),
            headerRowNumber: table.headerRowNumber,
          }
        : table;
      const segmentOptions: SegmentOptions = {
        columns: parsed.columns,
        ...(parsed.transactions === false ? { transactions: false } : {}),
        k: parsed.k,
        scaling: parsed.scaling,
        algorithm: parsed.algorithm,
        seed: parsed.seed,
        missing: parsed.missing,
        name: parsed.name || undefined,
        lang,
        source: {
          kind: 'sheet',
          spreadsheetId: snapshot.spreadsheet.getId(),
          spreadsheetName: snapshot.spreadsheet.getName(),
          sheetName: snapshot.sheetName,
          range: snapshot.rangeA1,
        },
        onProgress: (step) => reportProgress(progress, step.phase, step.message, 0.05 + 0.8 * step.fraction),
      };
      // An orders table: customers are rolled up and segmented on recency, frequency and monetary value.
      const orders = isOrders ? segmentOrders(table, { ...segmentOptions, columns: undefined }) : undefined;
      const run = orders?.run ?? segmentTable(trainingTable, segmentOptions);
      const detected = detectionSentence(run);
      const notes = [...snapshot.region.notes];
      if (picked) {
        // Every customer gets the nearest segment of the sample's segments.
        const assigned = assignTable(run, table, { source: `Sheet "${snapshot.sheetName}"` });
        run.assignments = assigned.assignments;
        notes.push(t.m.addonSampled(t.count(picked.length), t.count(table.rows.length)));
      }
      // The detection sentence has its own line in the sidebar.
      for (const note of run.preprocessing.notes) if (note !== detected) notes.push(note);
      // Encode everything before touching the sheet.
      reportProgress(progress, 'writing', t.m.addonProgressWriting(), 0.9);
      const { rowCount } = outputRowSpan(snapshot);
      const rowPositions = rowPositionsOf(table, snapshot.firstRow + snapshot.headerIndex);
      const columns = encodeAssignmentColumns(run, rowCount, { rowPositions });
      const plan = planOutputColumns(snapshot.output, snapshot.usedWidth);
      const summary = encodeSummaryForTable(run, picked ? trainingTable : table);

      const customers = orders
        ? encodeCustomersSheet(orders.run, orders.rollup, orders.customerSegments)
        : undefined;

      const written = writeRunResult(snapshot, { plan, columns, summary, run, customers });
      if (written.note) notes.push(written.note);
      // Older runs keep their summary but give up their per-row assignments (after the result is
      // written: trimming is housekeeping, never part of the all-or-nothing write).
      trimOldAssignments(snapshot.spreadsheet, keptAssignmentRuns());
      snapshot.sheet.activate();
      snapshot.spreadsheet.toast(t.m.addonRunToast(run.k, snapshot.sheetName), 'Customer Segments', 5);
      reportProgress(progress, 'done', t.m.segments(String(run.k), run.k), 1);
      return {
        runId: run.id,
        name: run.name,
        k: run.k,
        ...(run.chooseK ? { reason: run.chooseK.reason } : {}),
        sheetName: snapshot.sheetName,
        range: snapshot.rangeA1,
        summarySheetId: written.summary.getSheetId(),
        ...(detected ? { detected } : {}),
        ...(written.customers ? { customersSheet: written.customers.getName() } : {}),
        rowsUsed: run.preprocessing.rowsUsed,
        rowsDropped: run.preprocessing.rowsDropped,
        notes,
        segments: segmentRows(run, lang),
        valueColumn: valueFeatureOf(run) ?? '',
        chartSvg: sizesChartOf(run, lang),
      };
    });
  });
}

/** The sidebar's sizes chart: an SVG core draws (about 1 KB of code in the bundle). */
function sizesChartOf(run: Run, lang: Lang): string {
  return sizesChartSvg(
    run.segments.map((segment) => ({ name: segment.persona.name, size: segment.size, share: segment.share })),
    undefined,
    lang,
  );
}

/** The orders columns when the table is an orders log (detected from headers and values), else undefined. */
function ordersOf(table: Table, source: string): TransactionColumns | undefined {
  return detectTransactions(table, {}, source);
}

/** What the sidebar says before a run on an orders table (the counts come with the run). */
function ordersLine(table: Table, orders: TransactionColumns): string {
  const name = (index: number | undefined) => (index === undefined ? '' : table.headers[index]);
  const amounts =
    orders.amount !== undefined ? name(orders.amount) : `${name(orders.quantity)} × ${name(orders.price)}`;
  return addonMessages().addonOrdersLine(name(orders.customer), name(orders.date), amounts);
}

/** For each table row, its position below the header (tables skip blank rows). */
function rowPositionsOf(table: Table, headerRow: number): number[] {
  return table.rowNumbers.map((rowNumber) => rowNumber - headerRow);
}

/** A kept run (the newest without `runId`), read from its own rows only. */
function findKeptRun(runId: string | undefined): Run {
  const spreadsheet = SpreadsheetApp.getActiveSpreadsheet();
  let id = runId;
  if (!id) {
    id = readRunListing(spreadsheet).runs[0]?.id;
    if (!id) throw new AddonUserError(addonMessages().addonNoRunsYet());
  }
  const run = readKeptRun(spreadsheet, id);
  if (!run) throw new AddonUserError(addonMessages().addonNoRunPick(id));
  return run;
}

/** Document property: how many runs keep their per-row assignments (default 10). */
const KEPT_ASSIGNMENT_RUNS_KEY = 'customerSegments.keptAssignmentRuns';

function keptAssignmentRuns(): number {
  const value = Number(PropertiesService.getDocumentProperties().getProperty(KEPT_ASSIGNMENT_RUNS_KEY));
  return Number.isInteger(value) && value >= 1 ? value : DEFAULT_KEPT_ASSIGNMENT_RUNS;
}

/**
 * The runs kept in this spreadsheet, newest first, with their segments.
 * @example listRuns() // { ok: true, runs: [{ id, name, createdAt, k, rowCount, segments: [...] }], problems: [] }
 */
export function listRuns() {
  return serve(() => {
    const { runs, problems } = readRunListing(SpreadsheetApp.getActiveSpreadsheet());
    return { runs, problems };
  });
}

/** The rename options, with the two mistakes a person makes (no name, too long) in their language. */
const renameSchema = (m: Messages) =>
  z.object({
    runId: z.string().check(z.minLength(1)),
    index: z.int().check(z.minimum(0)),
    name: z
      .string(m.addonNameMissing())
      .check(z.trim(), z.minLength(1, m.addonNameMissing()), z.maxLength(60, m.addonNameTooLong())),
  });

/**
 * Renames a segment's persona in a kept run: the run keeps the new name (so publishing sends it), and
 * the Persona column and the Segments sheet follow when they show that run.
 * @example renameSegment({ runId: 'run-…', index: 0, name: 'Weekend families' }) // { ok: true, runId, index: 0, name: 'Weekend families', rowsRenamed: 81 }
 */
export function renameSegment(input?: unknown) {
  return serve(() => {
    const m = addonMessages();
    const parsed = parseOptions(renameSchema(m), input, 'Rename');
    return withDocumentLock(() => {
      const spreadsheet = SpreadsheetApp.getActiveSpreadsheet();
      const run = readKeptRun(spreadsheet, parsed.runId);
      if (!run) throw new AddonUserError(m.addonNoRun(parsed.runId));
      const segment = run.segments[parsed.index];
      if (!segment) throw new AddonUserError(m.addonNoSegment(run.name, parsed.index + 1));
      const clash = run.segments.find(
        (other, i) => i !== parsed.index && other.persona.name.toLowerCase() === parsed.name.toLowerCase(),
      );
      if (clash) {
        throw new AddonUserError(m.addonNameTaken(clash.index + 1, clash.persona.name));
      }
      const oldName = segment.persona.name;
      if (oldName === parsed.name)
        return { runId: run.id, index: parsed.index, name: oldName, rowsRenamed: 0 };
      segment.persona.name = parsed.name;
      // The columns show the newest run written to that sheet; older runs only keep the name.
      const newestOnSheet = readRunListing(spreadsheet).runs.find(
        (candidate) => candidate.sheetName === (run.source.sheetName ?? ''),
      );
      rewriteKeptRun(spreadsheet, run);
      const rowsRenamed =
        newestOnSheet?.id === run.id && run.source.sheetName
          ? renamePersonaInColumns(spreadsheet, run.source.sheetName, parsed.index + 1, oldName, parsed.name)
          : 0;
      renamePersonaInSummary(spreadsheet, run.id, parsed.index + 1, oldName, parsed.name);
      return {
        runId: run.id,
        index: parsed.index,
        name: parsed.name,
        rowsRenamed,
        chartSvg: sizesChartOf(run, addonLang()),
      };
    });
  });
}

const exportSchema = z.object({
  runId: z.string().check(z.minLength(1)),
  index: z.int().check(z.minimum(0)),
});

/**
 * Export a segment: copies the customers of one segment of a kept run (as the Segment column has
 * them now) to a new sheet, ready to download as CSV for an ad platform or CRM. The rows stay in the
 * spreadsheet. (Filter views would need the Sheets advanced service; a sheet works everywhere.)
 * @example exportSegment({ runId: 'run-…', index: 1 }) // { ok: true, sheetName: 'Segment 2 — Premium Shoppers (VIP)', rows: 39 }
 */
export function exportSegment(input?: unknown) {
  return serve(() => {
    const parsed = parseOptions(exportSchema, input, 'Export');
    const m = addonMessages();
    return withDocumentLock(() => {
      const spreadsheet = SpreadsheetApp.getActiveSpreadsheet();
      const run = readKeptRun(spreadsheet, parsed.runId);
      if (!run) throw new AddonUserError(m.addonNoRun(parsed.runId));
      const segment = run.segments[parsed.index];
      if (!segment) throw new AddonUserError(m.addonNoSegment(run.name, parsed.index + 1));
      const exported = exportSegmentRows(
        spreadsheet,
        run.source.sheetName ?? '',
        parsed.index + 1,
        segment.persona.name,
      );
      return exported;
    });
  });
}

/**
 * Opens the Segments sheet (the sidebar's "Open the Segments sheet" button).
 * @example openSegmentsSheet() // { ok: true, sheetName: 'Segments' }
 */
export function openSegmentsSheet() {
  return serve(() => {
    const sheet = findSummarySheet(SpreadsheetApp.getActiveSpreadsheet());
    if (!sheet) throw new AddonUserError(addonMessages().addonNoSummarySheet());
    sheet.activate();
    return { sheetName: sheet.getName() };
  });
}

const assignOptionsSchema = z.object({
  runId: z.optional(z.string()),
  fromRow: z.optional(
    z.int('fromRow must be a whole row number').check(z.minimum(1, 'fromRow must be 1 or more')),
  ),
});

/**
 * Segments the rows of the active sheet that have no Segment yet (from `fromRow` on, when given)
 * with a kept run's segment centres; rows that already have one are left as they are.
 * @example assignNewCustomers({ runId: 'run-…' }) // { ok: true, runId, assigned: 12, unassigned: 0, counts: [...] }
 */
export function assignNewCustomers(options?: unknown) {
  return serve(() => {
    const parsed = parseOptions(assignOptionsSchema, options, 'Assign options');
    return withDocumentLock(() => {
      const run = findKeptRun(parsed.runId);
      const snapshot = readActiveSheet();
      const table = snapshotTable(snapshot);
      const headerRow = snapshot.firstRow + snapshot.headerIndex;
      const existing = existingOutputValues(snapshot);
      const picked: number[] = [];
      table.rowNumbers.forEach((rowNumber, i) => {
        const hasSegment = existing[rowNumber - headerRow - 1]?.[0] !== '';
        if (!hasSegment && rowNumber >= (parsed.fromRow ?? 0)) picked.push(i);
      });
      if (picked.length === 0) {
        return { runId: run.id, assigned: 0, unassigned: 0, counts: run.segments.map(() => 0), notes: [] };
      }
      const newRows: Table = {
        headers: table.headers,
        rows: picked.map((i) => table.rows[i]),
        rowNumbers: picked.map((i) => table.rowNumbers[i]),
        headerRowNumber: table.headerRowNumber,
      };
      const result = assignTable(run, newRows);
      const { rowCount } = outputRowSpan(snapshot);
      const columns = encodeAssignmentColumns(run, rowCount, {
        assignments: result.assignments,
        rowPositions: rowPositionsOf(newRows, headerRow),
        existing,
      });
      const plan = planOutputColumns(snapshot.output, snapshot.usedWidth);
      writeOutputColumns(snapshot, plan, columns);
      const assigned = result.assignments.filter((segment) => segment >= 0).length;
      snapshot.spreadsheet.toast(
        addonMessages().addonAssignToast(assigned, run.name),
        'Customer Segments',
        5,
      );
      return {
        runId: run.id,
        assigned,
        unassigned: result.assignments.length - assigned,
        counts: result.counts,
        notes: result.notes,
      };
    });
  });
}

const predictOptionsSchema = z.object({
  labelColumn: z
    .string('Choose the column that holds the known segments')
    .check(z.trim(), z.minLength(1, 'Choose the column that holds the known segments')),
  columns: z.optional(
    z.array(z.string().check(z.minLength(1))).check(z.minLength(1, 'Choose at least one column')),
  ),
  seed: z.optional(z.int('seed must be a whole number')),
});

/** Options the sidebar sends with Predict; only `labelColumn` is required (core's defaults apply). */
export type PredictSegmentsOptions = z.infer<typeof predictOptionsSchema>;

/** Round to 4 decimals for the sidebar (metrics and shares are shown as percentages). */
const round4 = (value: number) => Number(value.toFixed(4));

/**
 * Trains a classifier on the rows of the active sheet that have a label in `labelColumn`, then
 * predicts the rows whose label cell is empty (the new customers) and writes Predicted segment and
 * Confidence columns right of the data (one `setValues()`; replaced on a re-run; labelled rows get
 * ''). Everything is computed and checked before the first write, so an error leaves the sheet as it
 * was. The model is not kept in the spreadsheet: training takes seconds and the labels stay in the sheet.
 * @example predictSegments({ labelColumn: 'Segmentation', seed: 1 }) // { ok: true, predicted: 100, evaluation: { accuracy, macroF1, baseline }, distribution: [{ label: 'A', size, share }, …], notes }
 */
export function predictSegments(options?: unknown) {
  return serve(() => {
    const parsed = parseOptions(predictOptionsSchema, options, 'Predict options');
    const m = addonMessages();
    return withDocumentLock(() => {
      const snapshot = readActiveSheet();
      const table = snapshotTable(snapshot);
      const sheetLabel = `Sheet "${snapshot.sheetName}"`;
      const labelIndex = table.headers.findIndex(
        (header) => header.trim().toLowerCase() === parsed.labelColumn.toLowerCase(),
      );
      if (labelIndex < 0) {
        throw new SegmentationError(
          'UNKNOWN_COLUMN',
          m.addonNoLabelColumn(snapshot.sheetName, parsed.labelColumn, table.headers),
          { column: parsed.labelColumn, field: 'labelColumn' },
        );
      }
      const labelName = table.headers[labelIndex];
      // The same test as training uses, so every row is either learned from or predicted.
      const unlabelled = table.rows.flatMap((row, i) =>
        categoryOf(row[labelIndex]) === undefined ? [i] : [],
      );
      if (unlabelled.length === 0) {
        throw new AddonUserError(m.addonEveryRowLabelled(snapshot.sheetName, labelName));
      }
      const model = trainClassifier(table, {
        label: labelName,
        columns: parsed.columns,
        seed: parsed.seed,
        source: {
          kind: 'sheet',
          spreadsheetId: snapshot.spreadsheet.getId(),
          spreadsheetName: snapshot.spreadsheet.getName(),
          sheetName: snapshot.sheetName,
          range: snapshot.rangeA1,
        },
      });
      const newCustomers: Table = {
        headers: table.headers,
        rows: unlabelled.map((i) => table.rows[i]),
        rowNumbers: unlabelled.map((i) => table.rowNumbers[i]),
        headerRowNumber: table.headerRowNumber,
      };
      const result = predictTable(model, newCustomers, { source: sheetLabel });
      // Encode everything before touching the sheet.
      const { headerRow, rowCount } = outputRowSpan(snapshot);
      const values = encodePredictionColumns(
        rowCount,
        result.predictions.map((prediction) => ({
          position: prediction.row - headerRow,
          label: prediction.label,
          confidence: prediction.confidence,
        })),
      );
      const plan = planPredictionColumns(snapshot.prediction, snapshot.usedWidth);

      writePredictionColumns(snapshot, plan, values);
      snapshot.sheet.activate();
      snapshot.spreadsheet.toast(
        m.addonPredictToast(result.predictions.length, labelName, snapshot.sheetName),
        'Customer Segments',
        5,
      );
      const { evaluation } = model;
      return {
        label: labelName,
        modelName: model.name,
        trainedOn: model.training.rows,
        predicted: result.predictions.length,
        evaluation: {
          accuracy: round4(evaluation.accuracy),
          macroF1: round4(evaluation.macroF1),
          testRows: evaluation.testRows,
          baseline: {
            label: evaluation.baseline.label,
            accuracy: round4(evaluation.baseline.accuracy),
            macroF1: round4(evaluation.baseline.macroF1),
          },
        },
        distribution: result.distribution.map(({ label, size, share }) => ({
          label,
          size,
          share: round4(share),
        })),
        ranking: result.ranking,
        notes: [...model.notes, ...result.notes],
      };
    });
  });
}

/** The saved Slack app URL and whether a token is saved (the token itself never goes to the sidebar). */
export function getSettings() {
  return serve(() => publicSettings(readSettings()));
}

/**
 * Saves the Slack app URL and token (UserProperties); a blank token keeps the saved one.
 * @example saveSettings({ serverUrl: 'https://segments.example.com', token: 'seg_…' })
 */
export function saveSettings(input?: unknown) {
  return serve(() => publicSettings(writeSettings(input)));
}

/** Largest body the runs API accepts (it answers 413 above it). */
const MAX_PUBLISH_BYTES = 1_000_000;

/**
 * Publishes a kept run's summary (no assignments, no row data) to the Slack app's runs API.
 * @example publishRun({ runId: 'run-…' }) // { ok: true, status: 201, created: true, runId }
 */
export function publishRun(input?: unknown): Result<{ status: number; created: boolean; runId: string }> {
  return serve(() => {
    const parsed = parseOptions(z.object({ runId: z.optional(z.string()) }), input, 'Publish options');
    const settings = readSettings();
    const m = addonMessages();
    if (!settings.serverUrl || !settings.token) throw new AddonUserError(m.addonPublishNeedsSettings());
    const run = findKeptRun(parsed.runId);
    // The same rule the Slack app enforces: summary fields only, small segments without values.
    const summary: RunSummary = toPublishableSummary(run);
    const body = JSON.stringify(summary);
    if (body.length > MAX_PUBLISH_BYTES) {
      throw new AddonUserError(m.addonPublishTooLarge(run.name, Math.round(body.length / 1000)));
    }
    const url = `${settings.serverUrl}/api/runs`;
    let response: GoogleAppsScript.URL_Fetch.HTTPResponse;
    try {
      response = UrlFetchApp.fetch(url, {
        method: 'post',
        contentType: 'application/json',
        payload: body,
        headers: { Authorization: `Bearer ${settings.token}` },
        muteHttpExceptions: true,
      });
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      throw new AddonUserError(m.addonUnreachable(settings.serverUrl, reason));
    }
    const status = response.getResponseCode();
    if (status === 200 || status === 201) return { status, created: status === 201, runId: run.id };
    throw new AddonUserError(publishFailureMessage(m, status, response.getContentText(), settings.serverUrl));
  });
}

/** A sentence for each way the runs API can refuse a run. */
function publishFailureMessage(m: Messages, status: number, text: string, serverUrl: string): string {
  switch (status) {
    case 401:
    case 403:
      return m.addonTokenRefused();
    case 400:
      return m.addonRunInvalid(errorDetail(text));
    case 413:
      return m.addonRunTooLargeForApp();
    case 404:
      return m.addonNoRunsApi(serverUrl);
    default:
      return m.addonAppError(serverUrl, status);
  }
}

function errorDetail(text: string): string {
  try {
    const parsed: unknown = JSON.parse(text);
    if (parsed && typeof parsed === 'object' && 'error' in parsed) return String(parsed.error).slice(0, 300);
  } catch {
    // Not JSON: show the start of the body as is.
  }
  return text.slice(0, 300);
}
