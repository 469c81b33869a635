/**
 * CSV/TSV text to a Run, the way the CLI segments a file: the typed path (segmentTypedTable) when it
 * provably gives the general path's Run, else the general path — parseDelimited, then an orders log
 * rolled up per customer (segmentOrders) or the customer table segmented (segmentTable).
 */
import type { Run } from '../schema/run';
import { parseCsvColumns, type TypedTable } from '../table/csv-columns';
import { type ParseDelimitedOptions, parseDelimited, type Table } from '../table/table';
import type { SegmentOptions } from './options';
import { segmentTable } from './segment-table';
import { segmentOrders, type TransactionSegmentation } from './segment-transactions';
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
  const typed = tryParseCsvColumns(text, parse);
  const run = typed ? segmentTypedTable(typed, options) : undefined;
  if (typed && run) return { path: 'typed', run, typed };
  // The general path parses again; a file the typed parser refused gets parseDelimited's own error.
  const table = parseDelimited(text, parse);
  const orders = segmentOrders(table, options);
  if (orders) return { path: 'general', run: orders.run, table, orders };
  return { path: 'general', run: segmentTable(table, { ...options, transactions: false }), table };
}

function tryParseCsvColumns(text: string, parse: ParseDelimitedOptions): TypedTable | undefined {
  try {
    // Exact text: a number column keeps numbers only when each cell is String(value) or empty.
    return parseCsvColumns(text, { ...parse, exactText: true });
  } catch {
    return undefined;
  }
}
