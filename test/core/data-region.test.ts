import {
  blockingProtection,
  detectHeaderRow,
  estimateRun,
  evenSample,
  fillMerges,
  findDataRegion,
} from '@segments/core';
import { describe, expect, it } from 'vitest';

const customers = [
  ['Age', 'Income', 'Plan'],
  [31, 40, 'Basic'],
  [42, 55, 'Pro'],
  [29, 38, 'Basic'],
];

describe('findDataRegion', () => {
  it('takes the whole table around the active cell, header first, whatever cell is active', () => {
    const region = findDataRegion({ values: customers, active: { row: 3, column: 2 } })!;
    expect(region.a1).toBe('A1:C4');
    expect(region.values).toEqual(customers);
    expect(region.notes).toEqual([]);
  });

  it('skips a title row and a blank row above the header', () => {
    const values = [['Customer list — Q3 export'], [], ...customers];
    const region = findDataRegion({ values, active: { row: 5, column: 1 } })!;
    expect(region.headerRow).toBe(3);
    expect(region.values[0]).toEqual(['Age', 'Income', 'Plan']);
  });

  it('skips a title row directly above the header and says so', () => {
    const values = [['Customer list — Q3 export', '', ''], ...customers];
    const region = findDataRegion({ values, active: { row: 1, column: 1 } })!;
    expect(region.headerRow).toBe(2);
    expect(region.titleRows).toBe(1);
    expect(region.a1).toBe('A2:C5');
    expect(region.notes[0]).toContain('header is row 2');
  });

  it('leaves out a note typed under the last row', () => {
    const values = [...customers, ['Exported from the CRM on 3 July', '', '']];
    const region = findDataRegion({ values, active: { row: 2, column: 1 } })!;
    expect(region.lastRow).toBe(4);
    expect(region.notesIgnored).toBe(1);
  });

  it('keeps a second table beside the first one out of the region', () => {
    const values = customers.map((row, r) => [...row, '', ...(r < 3 ? ['other', r] : [])]);
    const region = findDataRegion({ values, active: { row: 2, column: 1 } })!;
    expect(region.a1).toBe('A1:C4');
    expect(findDataRegion({ values, active: { row: 2, column: 6 } })!.a1).toBe('E1:F3');
  });

  it('bridges an empty column inserted inside the table', () => {
    const values = customers.map((row) => [row[0], '', row[1], row[2]]);
    expect(findDataRegion({ values, active: { row: 1, column: 1 } })!.a1).toBe('A1:D4');
    expect(findDataRegion({ values, active: { row: 3, column: 4 } })!.a1).toBe('A1:D4');
  });

  it('fills a vertically merged block from its top-left value and reports its range', () => {
    const values = [
      ['Region', 'Spend'],
      ['North', 10],
      ['', 20],
      ['', 30],
      ['South', 40],
    ];
    const region = findDataRegion({
      values,
      merges: [{ row: 2, column: 1, numRows: 3, numColumns: 1 }],
    })!;
    expect(region.values.map((row) => row[0])).toEqual(['Region', 'North', 'North', 'North', 'South']);
    expect(region.mergedRanges).toEqual(['A2:A4']);
    expect(region.notes.join(' ')).toContain('Merged cells A2:A4');
  });

  it('blanks rows hidden by a filter and counts them, unless asked to include them', () => {
    const skipped = findDataRegion({ values: customers, filteredRows: [3] })!;
    expect(skipped.filteredRows).toBe(1);
    expect(skipped.values[2]).toEqual(['', '', '']);
    expect(skipped.notes.join(' ')).toContain('1 row hidden by the filter was skipped');
    const included = findDataRegion({ values: customers, filteredRows: [3], includeFiltered: true })!;
    expect(included.values[2]).toEqual([42, 55, 'Pro']);
  });

  it('says what it skipped in Indonesian when asked', () => {
    const values = [['Daftar pelanggan Q3', '', ''], ...customers, ['Diekspor dari CRM, 3 Juli', '', '']];
    const region = findDataRegion({ values, active: { row: 2, column: 1 }, filteredRows: [4], lang: 'id' })!;
    expect(region.notes).toEqual([
      'Judul kolom ada di baris 2; 1 baris judul di atasnya dilewati.',
      '1 baris catatan di bawah tabel (mulai baris 6) tidak diikutkan.',
      '1 baris yang disembunyikan filter dilewati (centang "Ikutkan baris yang disembunyikan filter" untuk ikut menyegmentasinya).',
    ]);
  });

  it('segments only the selected rows when asked, keeping the table header', () => {
    const region = findDataRegion({
      values: customers,
      active: { row: 3, column: 1 },
      selection: { row: 3, column: 1, numRows: 2, numColumns: 1 },
      onlySelected: true,
    })!;
    expect(region.values[0]).toEqual(['Age', 'Income', 'Plan']);
    expect(region.values[1]).toEqual(['', '', '']);
    expect(region.unselectedRows).toBe(1);
    expect(region.notes.join(' ')).toContain('Only the selected rows');
  });

  it('starts from the first value when the active cell is far from any table, and is null on an empty sheet', () => {
    const values = [[], ['', ...customers[0]], ['', ...customers[1]]];
    expect(findDataRegion({ values, active: { row: 10, column: 10 } })!.a1).toBe('B2:D3');
    expect(findDataRegion({ values: [[''], ['']] })).toBeNull();
  });
});

describe('detectHeaderRow', () => {
  it('takes the first row of labels that fills half the width', () => {
    expect(detectHeaderRow([['Customers'], ['', ''], ['Age', 'Income'], [31, 40]])).toBe(2);
  });
  it('does not take a row of numbers, or a row with duplicate labels, for the header', () => {
    expect(
      detectHeaderRow([
        ['2023', '2024'],
        ['Age', 'Income'],
        [1, 2],
      ]),
    ).toBe(1);
    expect(
      detectHeaderRow([
        ['x', 'x'],
        ['Age', 'Income'],
        [1, 2],
      ]),
    ).toBe(1);
  });
});

describe('fillMerges', () => {
  it('copies the top-left value across a horizontal merge at an offset', () => {
    expect(fillMerges([['T', '', '']], [{ row: 5, column: 2, numRows: 1, numColumns: 3 }], 5, 2)).toEqual([
      ['T', 'T', 'T'],
    ]);
  });
});

describe('estimateRun', () => {
  it('finds 200 rows quick and 150,000 rows × 5 columns too slow for 6 minutes, with a sample that fits', () => {
    expect(estimateRun(200, 2).fits).toBe(true);
    const big = estimateRun(150_000, 5);
    expect(big.fits).toBe(false);
    expect(big.sampleRows).toBeLessThan(150_000);
    expect(estimateRun(big.sampleRows, 5).fits).toBe(true);
  });
  it('says more than 6 minutes exactly when a run does not fit, reading and writing counted', () => {
    for (const rows of [1_000, 50_000, 100_000, 130_000, 135_000, 140_000, 150_000, 1_000_000]) {
      const estimate = estimateRun(rows, 5);
      expect(Math.ceil(estimate.seconds / 60) > 6, `${rows} rows`).toBe(!estimate.fits);
    }
  });
  it('expects a fixed k to be quicker than auto', () => {
    expect(estimateRun(150_000, 5, false).seconds).toBeLessThan(estimateRun(150_000, 5, true).seconds);
  });
});

describe('evenSample', () => {
  it('spreads the sample over the whole table', () => {
    expect(evenSample(10, 4)).toEqual([0, 2, 5, 7]);
    expect(evenSample(3, 5)).toEqual([0, 1, 2]);
  });
});

describe('blockingProtection', () => {
  const target = {
    sheetName: 'Customers',
    rect: { row: 1, column: 6, numRows: 201, numColumns: 2 },
    what: 'the Segment and Persona columns',
  };
  it('names a protected range that overlaps the columns to write', () => {
    const message = blockingProtection(
      [
        {
          sheetName: 'Customers',
          rect: { row: 1, column: 7, numRows: 1000, numColumns: 1 },
          description: 'Owner only',
          canEdit: false,
        },
      ],
      [target],
    );
    expect(message).toContain('Customers!G1:G1000 ("Owner only") is protected');
    expect(message).toContain('Nothing was written');
  });
  it('lets the write through when the user may edit, or the range does not overlap, or it is unprotected', () => {
    const rect = { row: 1, column: 1, numRows: 5, numColumns: 5 };
    expect(
      blockingProtection([{ sheetName: 'Customers', rect, description: '', canEdit: true }], [target]),
    ).toBeNull();
    expect(
      blockingProtection([{ sheetName: 'Customers', rect, description: '', canEdit: false }], [target]),
    ).toBeNull();
    expect(
      blockingProtection(
        [
          {
            sheetName: 'Customers',
            description: '',
            canEdit: false,
            unprotected: [{ row: 1, column: 6, numRows: 1000, numColumns: 2 }],
          },
        ],
        [target],
      ),
    ).toBeNull();
  });
  it('blocks when the whole sheet is protected', () => {
    expect(
      blockingProtection([{ sheetName: 'Customers', description: '', canEdit: false }], [target]),
    ).toContain('the sheet "Customers" is protected');
  });
});
