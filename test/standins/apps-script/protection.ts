/**
 * Protections, filters and merged cells of the Spreadsheet stand-in (developers.google.com/apps-script/
 * reference/spreadsheet/protection, /filter, Range.getMergedRanges). Writes into a range protected
 * against the current user fail with Google's message, as they do in Apps Script.
 *
 * Deviations, on purpose: filter criteria are not evaluated; tests mark the rows a filter hides with
 * {@link StandinFilter.hideRows}. A protection's editors are not modelled beyond "the current user
 * may edit it" (`userCanEdit`, true for protections the script creates, as Google makes the creator
 * an editor).
 */
import type { GridSpan } from './a1';
import { makeEnum } from './enums';
import type { StandinRange, StandinSheet } from './spreadsheet';

export const ProtectionType = makeEnum(['RANGE', 'SHEET']);

/** Google's message when a script writes to cells it may not edit. */
export const PROTECTED_MESSAGE =
  'You are trying to edit a protected cell or object. Please contact the spreadsheet owner to remove protection if you need to edit.';

/** One protection as stored: on a range, or on a whole sheet (span undefined). */
export interface ProtectionRecord {
  sheet: StandinSheet;
  span?: GridSpan;
  description: string;
  userCanEdit: boolean;
  unprotected: GridSpan[];
  removed: boolean;
}

export function spansIntersect(a: GridSpan, b: GridSpan): boolean {
  return (
    a.row <= b.row + b.numRows - 1 &&
    b.row <= a.row + a.numRows - 1 &&
    a.column <= b.column + b.numColumns - 1 &&
    b.column <= a.column + a.numColumns - 1
  );
}

function spanContains(outer: GridSpan, inner: GridSpan): boolean {
  return (
    outer.row <= inner.row &&
    outer.column <= inner.column &&
    outer.row + outer.numRows >= inner.row + inner.numRows &&
    outer.column + outer.numColumns >= inner.column + inner.numColumns
  );
}

/** True when the current user may not write `span` of `sheet`. */
export function isProtectedFor(
  records: readonly ProtectionRecord[],
  sheet: StandinSheet,
  span: GridSpan,
): boolean {
  return records.some((record) => {
    if (record.removed || record.userCanEdit || record.sheet !== sheet) return false;
    if (record.span) return spansIntersect(record.span, span);
    return !record.unprotected.some((free) => spanContains(free, span));
  });
}

/** Protection. */
export class StandinProtection {
  constructor(
    readonly record: ProtectionRecord,
    private readonly rangeOf: (sheet: StandinSheet, span: GridSpan) => StandinRange,
  ) {}

  private count(method: string) {
    return this.record.sheet.spreadsheet.count(method, 'Protection');
  }

  getProtectionType() {
    this.count('getProtectionType');
    return this.record.span ? ProtectionType.RANGE : ProtectionType.SHEET;
  }

  /** The protected range; for a sheet protection, the whole sheet. */
  getRange(): StandinRange {
    this.count('getRange');
    const { sheet } = this.record;
    return this.rangeOf(
      sheet,
      this.record.span ?? {
        row: 1,
        column: 1,
        numRows: sheet.maxRows,
        numColumns: sheet.maxColumns,
        wholeColumns: false,
        wholeRows: false,
      },
    );
  }

  getDescription(): string {
    this.count('getDescription');
    return this.record.description;
  }

  setDescription(description: string): StandinProtection {
    this.count('setDescription');
    this.record.description = String(description);
    return this;
  }

  canEdit(): boolean {
    this.count('canEdit');
    return this.record.userCanEdit;
  }

  getUnprotectedRanges(): StandinRange[] {
    const realm = this.count('getUnprotectedRanges');
    return realm.array(this.record.unprotected.map((span) => this.rangeOf(this.record.sheet, span)));
  }

  setUnprotectedRanges(ranges: StandinRange[]): StandinProtection {
    this.count('setUnprotectedRanges');
    if (this.record.span) this.record.sheet.fail('Unprotected ranges can only be set on a sheet protection.');
    this.record.unprotected = [...ranges].map((range) => ({ ...range.span }));
    return this;
  }

  remove(): void {
    this.count('remove');
    if (!this.record.userCanEdit) this.record.sheet.fail(PROTECTED_MESSAGE);
    this.record.removed = true;
  }

  /** @internal Test hook: the protection's owner did not make the current user an editor. */
  lockForUser(): StandinProtection {
    this.record.userCanEdit = false;
    return this;
  }
}

/** Filter (Sheet.getFilter()). */
export class StandinFilter {
  hiddenRows = new Set<number>();
  removed = false;

  constructor(
    readonly sheet: StandinSheet,
    readonly span: GridSpan,
    private readonly rangeOf: (sheet: StandinSheet, span: GridSpan) => StandinRange,
  ) {}

  getRange(): StandinRange {
    this.sheet.spreadsheet.count('getRange', 'Filter');
    return this.rangeOf(this.sheet, this.span);
  }

  remove(): void {
    this.sheet.spreadsheet.count('remove', 'Filter');
    this.removed = true;
    this.hiddenRows.clear();
  }

  /** @internal Test hook: the rows (1-based) the filter's criteria hide. Header rows cannot be hidden. */
  hideRows(rows: readonly number[]): StandinFilter {
    for (const row of rows) {
      if (row <= this.span.row || row >= this.span.row + this.span.numRows) {
        throw new Error(`Row ${row} is outside the filter's data rows`);
      }
      this.hiddenRows.add(row);
    }
    return this;
  }
}
