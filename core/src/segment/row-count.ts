/**
 * Guards on the number of rows: too few rows is the real problem even when it also leaves no usable
 * column, so it is checked before anything else, and again once missing values have dropped rows.
 */
import { MESSAGES_EN, type Messages } from '../i18n/messages-en';
import { SegmentationError } from '../schema/errors';

/**
 * Refuses a table with fewer rows than k, or fewer than 3 when k is chosen automatically.
 * @throws SegmentationError TOO_FEW_ROWS
 * @example checkRowCount(2, 'auto', 'mall.csv') // throws: mall.csv has 2 rows; choosing k needs at least 3 …
 */
export function checkRowCount(
  rowCount: number,
  k: number | 'auto',
  source: string,
  m: Messages = MESSAGES_EN,
): void {
  const minimumRows = k === 'auto' ? 3 : k;
  if (rowCount >= minimumRows) return;
  throw new SegmentationError(
    'TOO_FEW_ROWS',
    k === 'auto'
      ? m.errorTooFewRowsForAutoK(source, rowCount, false)
      : m.errorKMoreThanRows(k, rowCount, false),
    { field: 'k' },
  );
}

/**
 * The same check on the rows left after missing values were handled.
 * @throws SegmentationError TOO_FEW_ROWS
 * @example checkUsableRowCount(200, 5, 'mall.csv') // undefined
 */
export function checkUsableRowCount(
  usableRows: number,
  k: number | 'auto',
  source: string,
  m: Messages = MESSAGES_EN,
): void {
  if (k !== 'auto' && k > usableRows) {
    throw new SegmentationError('TOO_FEW_ROWS', m.errorKMoreThanRows(k, usableRows, true), { field: 'k' });
  }
  if (k === 'auto' && usableRows < 3) {
    throw new SegmentationError('TOO_FEW_ROWS', m.errorTooFewRowsForAutoK(source, usableRows, true), {
      field: 'k',
    });
  }
}
