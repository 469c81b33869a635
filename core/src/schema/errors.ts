/**
 * The one error type of the segmentation core. Every user-facing failure carries a `code` a program
 * can switch on and a message a person can act on, naming the row, column, field or option at fault.
 */

/** What went wrong, as a closed list; adapters map codes to exit codes, HTTP statuses or sidebar text. */
export type SegmentationErrorCode =
  | 'EMPTY_TABLE'
  | 'NO_DATA_ROWS'
  | 'TOO_FEW_ROWS'
  | 'DUPLICATE_HEADER'
  | 'RAGGED_ROW'
  | 'UNKNOWN_COLUMN'
  | 'INVALID_VALUE'
  | 'CONSTANT_COLUMN'
  | 'NO_FEATURES'
  | 'INVALID_OPTION'
  | 'INVALID_RUN'
  | 'INVALID_LABEL'
  | 'NOT_FOUND';

/** Where in the input the problem is, when it is somewhere in particular. */
export interface ErrorLocation {
  /** 1-based row number as the user sees it (sheet row or file line). */
  row?: number;
  /** Column header. */
  column?: string;
  /** Option or field name (`k`, `columns`, `segments[2].size`). */
  field?: string;
}

/**
 * A user error: bad input, bad option or an impossible request. Anything else thrown from core is a bug.
 * @example new SegmentationError('INVALID_OPTION', 'k must be a whole number from 1 to 50; got 1.5', { field: 'k' }).location // { field: 'k' }
 */
export class SegmentationError extends Error {
  readonly code: SegmentationErrorCode;
  readonly location: ErrorLocation;

  constructor(code: SegmentationErrorCode, message: string, location: ErrorLocation = {}, cause?: unknown) {
    super(message, cause === undefined ? undefined : { cause });
    this.name = 'SegmentationError';
    this.code = code;
    this.location = location;
  }
}

/**
 * True when `error` is a {@link SegmentationError} (also across bundle copies of core).
 * @example isSegmentationError(new SegmentationError('NO_FEATURES', 'no column to segment on')) // true
 */
export function isSegmentationError(error: unknown): error is SegmentationError {
  return error instanceof SegmentationError || (error instanceof Error && error.name === 'SegmentationError');
}

/**
 * Closes a switch over a literal union: the compiler flags a missing case, and a value that slips
 * through at run time (from JSON, say) fails loudly instead of being ignored.
 * @example assertNever('triangle', 'shape') // throws: Unexpected shape: "triangle"
 */
export function assertNever(value: never, what = 'value'): never {
  throw new Error(`Unexpected ${what}: ${JSON.stringify(value)}`);
}
