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
  decodeRunRows,
  encodeAssignmentColumns,
  encodePredictionColumns,
  encodeSummaryForTable,
  inferColumns,
  planOutputColumns,
  planPredictionColumns,
  predictTable,
  type Run,
  type RunSummary,
  SegmentationError,
  segmentTable,
  toPublishableSummary,
  trainClassifier,
} from '@segments/core';
import { AddonUserError, type Result, serve } from './result';
import { publicSettings, readSettings, writeSettings } from './settings';
import {
  existingOutputValues,
  keepRun,
  outputRowSpan,
  readActiveSheet,
  readKeptRunRows,
  snapshotTable,
  writeOutputColumns,
  writePredictionColumns,
  writeSummarySheet,
} from './sheet-io';

/** Shown when another execution holds the document lock. */
export const LOCK_BUSY_MESSAGE =
  'Another segmentation is running in this spreadsheet; try again in a minute.';
/** How long to wait for the document lock before telling the user it is busy. */
const LOCK_WAIT_MS = 5_000;

/** A segment as the sidebar lists it. */
export interface SegmentRow {
  index: number;
  name: string;
  size: number;
  share: number;
}

const segmentRows = (run: Pick<Run, 'segments'>): SegmentRow[] =>
  run.segments.map((segment) => ({
    index: segment.index,
    name: segment.persona.name,
    size: segment.size,
    share: segment.share,
  }));

/**
 * The active sheet's columns as core reads them, for the sidebar's checkboxes.
 * @example getSheetProfile() // { ok: true, sheetName: 'Customers', rowCount: 200, columns: [{ name: 'Age', kind: 'numeric', role: 'age', missing: 0 }, …] }
 */
export function getSheetProfile() {
  return serve(() => {
    const snapshot = readActiveSheet();
    const table = snapshotTable(snapshot);
    return {
      sheetName: snapshot.sheetName,
      rowCount: table.rows.length,
      columns: inferColumns(table).map((column) => ({
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
  if (!lock?.tryLock(LOCK_WAIT_MS)) throw new AddonUserError(LOCK_BUSY_MESSAGE);
  try {
    return body();
  } finally {
    lock.releaseLock();
  }
}

/**
 * Segments the active sheet and writes the Segment/Persona columns, the Segments summary sheet and
 * the kept run. Everything is computed before the first write.
 * @example runSegmentation({ columns: ['Annual Income (k$)', 'Spending Score (1-100)'], k: 5, scaling: 'none', seed: 1 })
 */
export function runSegmentation(options?: unknown) {
  return serve(() => {
    const parsed = parseOptions(runOptionsSchema, options, 'Run options');
    return withDocumentLock(() => {
      const snapshot = readActiveSheet();
      const table = snapshotTable(snapshot);
      const run = segmentTable(table, {
        columns: parsed.columns,
        k: parsed.k,
        scaling: parsed.scaling,
        algorithm: parsed.algorithm,
        seed: parsed.seed,
        missing: parsed.missing,
        name: parsed.name || undefined,
        source: {
          kind: 'sheet',
          spreadsheetId: snapshot.spreadsheet.getId(),
          spreadsheetName: snapshot.spreadsheet.getName(),
          sheetName: snapshot.sheetName,
          range: snapshot.rangeA1,
        },
      });
      // Encode everything before touching the sheet.
      const { rowCount } = outputRowSpan(snapshot);
      const rowPositions = rowPositionsOf(table, snapshot.firstRow + snapshot.headerIndex);
      const columns = encodeAssignmentColumns(run, rowCount, { rowPositions });
      const plan = planOutputColumns(snapshot.output, snapshot.usedWidth);
      const summary = encodeSummaryForTable(run, table);

      writeOutputColumns(snapshot, plan, columns);
      writeSummarySheet(snapshot.spreadsheet, summary);
      keepRun(snapshot.spreadsheet, run);
      snapshot.sheet.activate();
      snapshot.spreadsheet.toast(
        `${run.k} segments written to "${snapshot.sheetName}"; see the Segments sheet for the summary.`,
        'Customer Segments',
        5,
      );
      return {
        runId: run.id,
        name: run.name,
        k: run.k,
        ...(run.chooseK ? { reason: run.chooseK.reason } : {}),
        rowsUsed: run.preprocessing.rowsUsed,
        rowsDropped: run.preprocessing.rowsDropped,
        notes: run.preprocessing.notes,
        segments: segmentRows(run),
      };
    });
  });
}

/** For each table row, its position below the header (tables skip blank rows). */
function rowPositionsOf(table: Table, headerRow: number): number[] {
  return table.rowNumbers.map((rowNumber) => rowNumber - headerRow);
}

/** The runs kept in this spreadsheet, newest first. */
function keptRuns(): { runs: Run[]; problems: string[] } {
  return decodeRunRows(readKeptRunRows(SpreadsheetApp.getActiveSpreadsheet()));
}

function findKeptRun(runId: string | undefined): Run {
  const { runs } = keptRuns();
  if (runs.length === 0) {
    throw new AddonUserError(
      'No segmentation has been run in this spreadsheet yet; run Segment customers… first.',
    );
  }
  if (!runId) return runs[0];
  const run = runs.find((candidate) => candidate.id === runId);
  if (!run)
    throw new AddonUserError(`There is no run "${runId}" in this spreadsheet; pick one from the list.`);
  return run;
}

/**
 * The runs kept in this spreadsheet, newest first, with their segments.
 * @example listRuns() // { ok: true, runs: [{ id, name, createdAt, k, rowCount, segments: [...] }], problems: [] }
 */
export function listRuns() {
  return serve(() => {
    const { runs, problems } = keptRuns();
    return {
      runs: runs.map((run) => ({
        id: run.id,
        name: run.name,
        createdAt: run.createdAt,
        k: run.k,
        rowCount: run.source.rowCount,
        sheetName: run.source.sheetName ?? '',
        segments: segmentRows(run),
      })),
      problems,
    };
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
        `${assigned} new customers assigned with "${run.name}".`,
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
          `${sheetLabel} has no label column "${parsed.labelColumn}"; its columns are: ${table.headers.join(', ')}`,
          { column: parsed.labelColumn, field: 'labelColumn' },
        );
      }
      const labelName = table.headers[labelIndex];
      // The same test as training uses, so every row is either learned from or predicted.
      const unlabelled = table.rows.flatMap((row, i) =>
        categoryOf(row[labelIndex]) === undefined ? [i] : [],
      );
      if (unlabelled.length === 0) {
        throw new AddonUserError(
          `Every row of ${sheetLabel} has a ${labelName}, so there is nothing to predict: leave ${labelName} empty for the new customers and try again.`,
        );
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
        `${result.predictions.length} new customers got a predicted ${labelName} in "${snapshot.sheetName}".`,
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
    if (!settings.serverUrl || !settings.token) {
      throw new AddonUserError(
        'Publishing needs the Slack app URL and a token: open Settings… and paste them (run /segments connect in Slack to get a token).',
      );
    }
    const run = findKeptRun(parsed.runId);
    // The same rule the Slack app enforces: summary fields only, small segments without values.
    const summary: RunSummary = toPublishableSummary(run);
    const body = JSON.stringify(summary);
    if (body.length > MAX_PUBLISH_BYTES) {
      throw new AddonUserError(
        `Run "${run.name}" is too large to publish (${Math.round(body.length / 1000)} KB; the Slack app accepts up to 1 MB).`,
      );
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
      throw new AddonUserError(
        `Could not reach the Slack app at ${settings.serverUrl} (${reason}). Check the URL in Settings… and that the app is running.`,
      );
    }
    const status = response.getResponseCode();
    if (status === 200 || status === 201) return { status, created: status === 201, runId: run.id };
    throw new AddonUserError(publishFailureMessage(status, response.getContentText(), settings.serverUrl));
  });
}

/** A sentence for each way the runs API can refuse a run. */
function publishFailureMessage(status: number, text: string, serverUrl: string): string {
  switch (status) {
    case 401:
    case 403:
      return 'The Slack app did not accept the token. Run /segments connect in Slack for a new token and paste it in Settings….';
    case 400:
      return `The Slack app refused the run as invalid: ${errorDetail(text) || 'no details given'}.`;
    case 413:
      return 'The run is too large for the Slack app (over 1 MB); segment fewer columns or publish a smaller run.';
    case 404:
      return `There is no runs API at ${serverUrl}/api/runs; check the Slack app URL in Settings….`;
    default:
      return `The Slack app at ${serverUrl} answered with an error (HTTP ${status}); try again later.`;
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
