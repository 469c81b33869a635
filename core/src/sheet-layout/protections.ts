/**
 * Checks that every cell a run will write is editable before the first write, so a protected range
 * never leaves a half-written result: the add-on lists the sheet's protections and the ranges it is
 * about to write, and this names the first one that blocks.
 */

import { MESSAGES_EN, type Messages } from '../i18n/messages-en';
import { type GridRect, rectA1 } from '../table/data-region';

/** A protection as the add-on reads it from `Spreadsheet.getProtections()`. */
export interface ProtectionInfo {
  sheetName: string;
  /** The protected rectangle; undefined for a whole protected sheet. */
  rect?: GridRect;
  /** The protection's description, as the owner typed it ('' when none). */
  description: string;
  /** Whether the user running the add-on may edit it anyway (an editor of the protection). */
  canEdit: boolean;
  /** Ranges left editable inside a protected sheet. */
  unprotected?: readonly GridRect[];
}

/** A rectangle the run will write. */
export interface WriteTarget {
  sheetName: string;
  rect: GridRect;
  /** What it is, for the message, e.g. 'the Segment and Persona columns'. */
  what: string;
}

/**
 * The sentence naming the first protection that blocks a write, or null when every target is
 * editable. A whole protected sheet blocks unless the target lies inside one of its unprotected ranges.
 * @example blockingProtection([{ sheetName: 'Segments', description: '', canEdit: false }], [{ sheetName: 'Segments', rect: { row: 1, column: 1, numRows: 9, numColumns: 8 }, what: 'the Segments summary' }]) // 'Nothing was written: the sheet "Segments" is protected…'
 */
export function blockingProtection(
  protections: readonly ProtectionInfo[],
  targets: readonly WriteTarget[],
  m: Messages = MESSAGES_EN,
): string | null {
  for (const target of targets) {
    for (const protection of protections) {
      if (protection.canEdit || protection.sheetName !== target.sheetName) continue;
      const named = protection.description ? ` ("${protection.description}")` : '';
      if (!protection.rect) {
        if ((protection.unprotected ?? []).some((free) => contains(free, target.rect))) continue;
        return m.protectedSheet(
          target.sheetName,
          named,
          target.what,
          `${target.sheetName}!${rectA1(target.rect)}`,
        );
      }
      if (intersects(protection.rect, target.rect)) {
        return m.protectedRange(
          `${target.sheetName}!${rectA1(protection.rect)}`,
          named,
          target.what,
          `${target.sheetName}!${rectA1(target.rect)}`,
        );
      }
    }
  }
  return null;
}

/**
 * True when two rectangles share a cell.
 * @example intersects({ row: 1, column: 1, numRows: 2, numColumns: 2 }, { row: 2, column: 2, numRows: 5, numColumns: 1 }) // true
 */
export function intersects(a: GridRect, b: GridRect): boolean {
  return (
    a.row <= b.row + b.numRows - 1 &&
    b.row <= a.row + a.numRows - 1 &&
    a.column <= b.column + b.numColumns - 1 &&
    b.column <= a.column + a.numColumns - 1
  );
}

function contains(outer: GridRect, inner: GridRect): boolean {
  return (
    outer.row <= inner.row &&
    outer.column <= inner.column &&
    outer.row + outer.numRows >= inner.row + inner.numRows &&
    outer.column + outer.numColumns >= inner.column + inner.numColumns
  );
}
