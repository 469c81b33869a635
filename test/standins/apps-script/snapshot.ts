/**
 * Byte-for-byte comparison of sheets: a deterministic JSON text of everything a user could see or
 * the add-on could find again (values with their types, formats, size, visibility, frozen rows,
 * column widths, developer metadata on the sheet, its rows and columns, and charts). Reading
 * through these helpers does not count as script calls.
 */
import { formatA1 } from './a1';
import { encodeCell } from './cells';
import type { Cell } from './realm';
import type { StandinSheet, StandinSpreadsheet } from './spreadsheet';

/** The sheet's values from A1 to the last row and column with content, as stored (host realm). */
export function readValues(sheet: StandinSheet): Cell[][] {
  const rows = sheet.lastRow();
  const columns = sheet.lastColumn();
  const grid: Cell[][] = [];
  for (let row = 1; row <= rows; row += 1) {
    const line: Cell[] = [];
    for (let column = 1; column <= columns; column += 1) line.push(sheet.cellAt(row, column));
    grid.push(line);
  }
  return grid;
}

/** A JSON-safe description of one sheet. */
export function describeSheet(sheet: StandinSheet): Record<string, unknown> {
  const spreadsheet = sheet.spreadsheet;
  const formats: Record<string, unknown> = {};
  sheet.formats.forEach((line, i) => {
    line?.forEach((format, j) => {
      if (format && Object.keys(format).length > 0) {
        formats[
          formatA1({
            row: i + 1,
            column: j + 1,
            numRows: 1,
            numColumns: 1,
            wholeColumns: false,
            wholeRows: false,
          })
        ] = format;
      }
    });
  });
  const metadata = spreadsheet.metadata
    .filter((record) => record.location.type !== 'SPREADSHEET' && record.location.sheetId === sheet.sheetId)
    .map((record) => ({
      key: record.key,
      value: record.value,
      visibility: record.visibility,
      location:
        record.location.type === 'SHEET' || record.location.type === 'SPREADSHEET'
          ? record.location.type
          : `${record.location.type} ${record.location.start}-${record.location.end}`,
    }));
  const charts = sheet.charts.map((chart) => ({
    type: chart.type,
    ranges: chart.ranges.map((range) => {
      const owner = spreadsheet.sheetById(range.sheetId);
      return `${owner?.name ?? '?'}!${formatA1(range.span)}`;
    }),
    options: chart.options,
    position: chart.position,
  }));
  return {
    name: sheet.name,
    hidden: sheet.hidden,
    maxRows: sheet.maxRows,
    maxColumns: sheet.maxColumns,
    frozenRows: sheet.frozenRows,
    frozenColumns: sheet.frozenColumns,
    columnWidths: [...sheet.columnWidths].sort((a, b) => a[0] - b[0]),
    values: readValues(sheet).map((line) => line.map(encodeCell)),
    formats,
    metadata,
    charts,
  };
}

/**
 * A deterministic text of the sheet; equal texts mean the sheets are indistinguishable.
 * @example expect(snapshot(sheet)).toBe(before)
 */
export function snapshot(sheet: StandinSheet): string {
  return JSON.stringify(describeSheet(sheet), null, 1);
}

/** The same for the whole spreadsheet: sheets in order plus spreadsheet-level metadata. */
export function snapshotSpreadsheet(spreadsheet: StandinSpreadsheet): string {
  return JSON.stringify(
    {
      sheets: spreadsheet.sheets.map(describeSheet),
      metadata: spreadsheet.metadata
        .filter((record) => record.location.type === 'SPREADSHEET')
        .map((record) => ({ key: record.key, value: record.value, visibility: record.visibility })),
    },
    null,
    1,
  );
}
