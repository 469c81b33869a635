/**
 * The orders pipeline: detect → roll up per customer → RFM matrix (log-scaled) → the usual stages
 * (cluster and choose k among 4..8, see rfm-auto-k; order, quality, profiles) → RFM personas → Run with `source.kind:
 * 'transactions'`. `segmentTable` hands a detected orders table here.
 */
import { formatNumber } from '../format';
import { localizeRun } from '../i18n/localize-run';
import { formatCount } from '../i18n/number-format';
import type { Run } from '../schema/run';
import type { Table } from '../table/table';
import { describeTransactions, transactionNotes } from '../transactions/describe-transactions';
import { detectTransactions, type TransactionColumns } from '../transactions/detect-transactions';
import { rfmScores } from '../transactions/rfm-scores';
import { type CustomerRollup, rollUpTransactions } from '../transactions/roll-up';
import { hasColumnOverrides, type TransactionOverrides } from '../transactions/transaction-options';
import { assembleRun } from './assemble-run';
import { clusterAndChooseK } from './cluster-and-choose-k';
import { measureQuality } from './measure-quality';
import { nameRfmSegments } from './name-rfm-segments';
import { type SegmentOptions, type SegmentSettings, validateSegmentOptions } from './options';
import { orderSegmentsBySize } from './order-segments';
import { profileSegments } from './profile-segments';
import { rfmAutoKCandidates, rfmChooseKReason } from './rfm-auto-k';
import { rfmMatrix } from './rfm-matrix';
import { checkRowCount, checkUsableRowCount } from './row-count';

/** An RFM run and the per-customer table behind it (for the CLI's customers file). */
export interface TransactionSegmentation {
  run: Run;
  rollup: CustomerRollup;
  /** Segment index of each customer (same order as rollup.keys). */
  customerSegments: Int32Array;
  /** The one-line detection sentence. */
  detected: string;
}

/**
 * The orders columns when the table is an orders log (or the user named orders columns), else
 * undefined. Named feature columns mean the user wants rows clustered as they are.
 * @example orders.headers[transactionColumnsFor(orders, ordersSettings)?.customer ?? -1] // 'Email'
 */
export function transactionColumnsFor(
  table: Table,
  settings: SegmentSettings,
): TransactionColumns | undefined {
  if (settings.transactions === false) return undefined;
  if (settings.columns.length > 0 && !hasColumnOverrides(settings.transactions)) return undefined;
  return detectTransactions(table, settings.transactions, settings.sourceName);
}

/**
 * Segments customers from an orders table.
 * @throws SegmentationError naming the row and column of a bad date or amount, or an empty key column
 * @example segmentTransactions(orders, ordersColumns, ordersSettings).run.source.kind // 'transactions'
 */
export function segmentTransactions(
  table: Table,
  columns: TransactionColumns,
  settings: SegmentSettings,
): TransactionSegmentation {
  const source = settings.sourceName;
  const overrides: TransactionOverrides = settings.transactions || {};
  settings.report('prepare', 0, settings.messages.progressRollingUp());
  const rollup = rollUpTransactions(table, columns, overrides.asOf, source);
  const detected = describeTransactions(table, columns, rollup);
  const header = (index: number | undefined) => (index === undefined ? [] : [table.headers[index]]);
  const money =
    columns.amount !== undefined
      ? header(columns.amount)
      : [...header(columns.quantity), ...header(columns.price)];
  const matrix = rfmMatrix(rollup, {
    recency: header(columns.date),
    frequency: columns.order !== undefined ? header(columns.order) : header(columns.date),
    monetary: money,
  });
  matrix.preprocessing.notes = [detected, ...transactionNotes(rollup), ...matrix.preprocessing.notes];
  checkUsableRowCount(matrix.n, settings.k, source, settings.messages);
  const clustered = clusterAndChooseK(matrix, 'kmeans', settings, rfmAutoKCandidates(matrix.n));
  if (clustered.chooseK) clustered.chooseK = rfmChooseKReason(clustered.chooseK);
  const segmentOrder = orderSegmentsBySize(clustered.clustering.sizes);
  settings.report('personas', 0.92, settings.messages.progressNaming());
  const quality = measureQuality(matrix.n, clustered, settings.seed);
  const profiles = profileSegments(matrix, clustered.clustering, segmentOrder);
  const segments = nameRfmSegments(
    profiles,
    rfmScores(rollup.recency, rollup.frequency, rollup.monetary),
    clustered.clustering.labels,
    segmentOrder.labelsBySize,
    rollup.monetary,
    rollup.recency,
    rollup.frequency,
  );
  const customerSegments = new Int32Array(matrix.n);
  for (let i = 0; i < matrix.n; i++) customerSegments[i] = segmentOrder.order[clustered.clustering.labels[i]];
  // Each order line gets its customer's segment (the add-on's Segment column on the orders sheet).
  const assignments = settings.includeAssignments
    ? Array.from(rollup.rowCustomer, (c) => (c < 0 ? -1 : customerSegments[c]))
    : undefined;
  const run = assembleRun({
    settings: { ...settings, scaling: 'zscore', missing: 'drop', algorithm: 'kmeans' },
    rowCount: table.rows.length,
    selection: { numeric: [], categorical: [], algorithm: 'kmeans', chosenByUser: false, notes: [] },
    matrix,
    clustered,
    segments,
    quality,
    assignments,
  });
  run.source = {
    ...run.source,
    kind: 'transactions',
    // The sentence the Segments sheet and the sidebar show (read back with detectionSentence).
    detected,
    customerCount: rollup.keys.length,
    orderCount: rollup.stats.orders,
    columns: {
      customer: table.headers[columns.customer],
      date: table.headers[columns.date],
      ...(columns.amount !== undefined
        ? { amount: table.headers[columns.amount] }
        : {
            quantity: table.headers[columns.quantity as number],
            price: table.headers[columns.price as number],
          }),
      ...(columns.order !== undefined ? { order: table.headers[columns.order] } : {}),
      ...(columns.status !== undefined ? { status: table.headers[columns.status] } : {}),
    },
    asOf: new Date(rollup.asOf * 86_400_000).toISOString().slice(0, 10),
    exclusions: {
      blankCustomerLines: rollup.stats.blankKeyLines,
      blankDateLines: rollup.stats.blankDateLines,
      cancelledLines: rollup.stats.cancelledLines,
      returnLines: rollup.stats.returnLines,
      returnedAmount: rollup.stats.returnedAmount,
      customersWithoutPurchases: rollup.stats.customersWithoutPurchases,
    },
  };
  if (!settings.name?.trim())
    run.name = settings.messages.rfmRunName(
      source,
      settings.lang === 'en'
        ? formatNumber(rollup.keys.length)
        : formatCount(rollup.keys.length, settings.lang),
      run.k,
      run.createdAt.slice(0, 16).replace('T', ' '),
    );
  settings.report('done', 1, settings.messages.segments(String(run.k), run.k));
  return { run: localizeRun(run, settings.lang), rollup, customerSegments, detected };
}

/**
 * Segments an orders table when it is one (detected, or named by overrides); undefined for a
 * customer table, which goes to `segmentTable`.
 * @example segmentOrders(orders, { k: 2 })?.detected // 'Transactions detected: 6 orders of 4 customers (Email), dates from Created at, amounts from Total'
 */
export function segmentOrders(
  table: Table,
  options: SegmentOptions = {},
): TransactionSegmentation | undefined {
  const settings = validateSegmentOptions(options);
  checkRowCount(table.rows.length, settings.k, settings.sourceName, settings.messages);
  const columns = transactionColumnsFor(table, settings);
  return columns ? segmentTransactions(table, columns, settings) : undefined;
}
