/**
 * CSV/TSV text to a Run, the way the CLI segments a file: the typed path (segmentTypedTable) when it
 * provably gives the general path's Run, else the general path — parseDelimited, then an orders log
 * rolled up per customer (segmentOrders) or the customer table segmented (segmentTable).
 */
import type { Run } from '../schema/run';
import { parseCsvColumns, type TypedTable } from '../table/csv-columns';
import { isPlainPlan, planFeatures } from '../table/feature-plan';
import { type ParseDelimitedOptions, parseDelimited, type Table } from '../table/table';
import { hasColumnOverrides } from '../transactions/transaction-options';
import { type SegmentOptions, validateSegmentOptions } from './options';
import { segmentTable } from './segment-table';
import { segmentOrders, type TransactionSegmentation, transactionColumnsFor } from './segment-transactions';
import { segmentTypedTable } from './segment-typed-table';

/** The Run and what it was computed from (a writer copies the typed table's lines, or the Table's rows). */
export type CsvSegmentation =
  | { path: 'typed'; run: Run; typed: TypedTable }
  | { path: 'general'; run: Run; table: Table; orders?: TransactionSegmentation };

/**
 * Segments delimited text.
 * @throws SegmentationError for bad content or options, as parseDelimited and segmentTable word them
 * @example segmentCsvText(mallCsv, { k: 5, id: 'r' }).path // 'typed'
 */
export function segmentCsvText(
  text: string,
  options: SegmentOptions = {},
  parse: ParseDelimitedOptions = {},
): CsvSegmentation {
  // A sample that already needs the general path saves parsing a large file twice; the full check
  // in segmentTypedTable decides either way, so the sample only ever skips work.
  const typed = sampleNeedsGeneralPath(text, options, parse) ? undefined : tryParseCsvColumns(text, parse);
  const run = typed ? segmentTypedTable(typed, options) : undefined;
  if (typed && run) return { path: 'typed', run, typed };
  // The general path parses again; a file the typed parser refused gets parseDelimited's own error.
  const table = parseDelimited(text, parse);
  const orders = segmentOrders(table, options);
  if (orders) return { path: 'general', run: orders.run, table, orders };
  return { path: 'general', run: segmentTable(table, { ...options, transactions: false }), table };
}

/** Records in the sample read before parsing a file into typed columns. */
export const TYPED_PATH_SAMPLE_LINES = 1000;

/**
 * True when the first {@link TYPED_PATH_SAMPLE_LINES} lines of a longer text are an orders log or
 * plan derived features or local number formats: the typed path would be refused anyway.
 * @example sampleNeedsGeneralPath(mallCsv) // false
 */
export function sampleNeedsGeneralPath(
  text: string,
  options: SegmentOptions = {},
  parse: ParseDelimitedOptions = {},
): boolean {
  let end = 0;
  for (let line = 0; line < TYPED_PATH_SAMPLE_LINES; line++) {
    end = text.indexOf('\n', end) + 1;
    if (end === 0) return false; // a short text: the full check is as cheap
  }
  try {
    const settings = validateSegmentOptions(options);
    if (settings.transactions !== false && hasColumnOverrides(settings.transactions)) return true;
    const sample = parseDelimited(text.slice(0, end), parse);
    if (transactionColumnsFor(sample, settings)) return true;
    return !isPlainPlan(
      planFeatures(sample, {
        now: settings.now,
        algorithm: settings.algorithm,
        chosenColumns: settings.columns,
      }),
    );
  } catch {
    // A sample cut inside a quoted field, or bad options: let the full paths decide and word errors.
    return false;
  }
}

function tryParseCsvColumns(text: string, parse: ParseDelimitedOptions): TypedTable | undefined {
  try {
    // Exact text: a number column keeps numbers only when each cell is String(value) or empty.
    return parseCsvColumns(text, { ...parse, exactText: true });
  } catch {
    return undefined;
  }
}
