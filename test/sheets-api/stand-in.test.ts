import { createSheetsClient } from '@segments/sheets-api';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type SheetsStandIn, startSheetsStandIn } from '../standins/sheets-rest';

const TOKEN = 'ya29.stand-in';
const USER = 'analyst@example.com';

let standIn: SheetsStandIn;
beforeEach(async () => {
  standIn = await startSheetsStandIn({ accessTokens: { [TOKEN]: USER } });
  standIn.addSpreadsheet({
    spreadsheetId: 'book',
    sharedWith: [USER],
    sheets: [{ title: 'Customers', values: [['Name', 'Spend']], rowCount: 3, columnCount: 2 }],
  });
});
afterEach(async () => {
  await standIn.close();
});

const api = () =>
  createSheetsClient({
    env: { SEGMENTS_SHEETS_API_URL: standIn.url, GOOGLE_OAUTH_ACCESS_TOKEN: TOKEN },
    retry: { retries: 0 },
  }).api;

describe('Sheets API stand-in', () => {
  it('parses user-entered values as Sheets does: numbers, booleans, and a leading apostrophe keeps text', async () => {
    await api().spreadsheets.values.update({
      spreadsheetId: 'book',
      range: 'Customers!A2:B3',
      valueInputOption: 'USER_ENTERED',
      requestBody: {
        values: [
          ["'=1+1", '42.5'],
          ['TRUE', ''],
        ],
      },
    });
    expect(standIn.values('book', 'Customers')).toEqual([['Name', 'Spend'], ['=1+1', 42.5], [true]]);
  });

  it('refuses writes past the grid, like Google, and applies nothing of a failed values batch', async () => {
    const failure = await api()
      .spreadsheets.values.batchUpdate({
        spreadsheetId: 'book',
        requestBody: {
          valueInputOption: 'RAW',
          data: [
            { range: 'Customers!A2', values: [['Ada']] },
            { range: 'Customers!A4', values: [['Bob']] },
          ],
        },
      })
      .catch((error: { status?: number; message: string }) => error);
    expect(failure).toMatchObject({ status: 400 });
    expect((failure as Error).message).toContain('exceeds grid limits. Max rows: 3, max columns: 2');
    expect(standIn.values('book', 'Customers')).toEqual([['Name', 'Spend']]);
  });

  it('applies a spreadsheets.batchUpdate wholly or not at all', async () => {
    const failure = await api()
      .spreadsheets.batchUpdate({
        spreadsheetId: 'book',
        requestBody: {
          requests: [
            { addSheet: { properties: { title: 'New' } } },
            { addSheet: { properties: { title: 'customers' } } },
          ],
        },
      })
      .catch((error: { status?: number }) => error);
    expect(failure).toMatchObject({ status: 400 });
    expect(standIn.spreadsheet('book').state.sheets.map((sheet) => sheet.title)).toEqual(['Customers']);
  });

  it('moves column metadata with inserted columns and finds it with developerMetadata.search', async () => {
    await api().spreadsheets.batchUpdate({
      spreadsheetId: 'book',
      requestBody: {
        requests: [
          {
            createDeveloperMetadata: {
              developerMetadata: {
                metadataKey: 'k',
                metadataValue: 'v',
                visibility: 'DOCUMENT',
                location: {
                  dimensionRange: { sheetId: 0, dimension: 'COLUMNS', startIndex: 1, endIndex: 2 },
                },
              },
            },
          },
          { insertDimension: { range: { sheetId: 0, dimension: 'COLUMNS', startIndex: 0, endIndex: 2 } } },
        ],
      },
    });
    const found = await api().spreadsheets.developerMetadata.search({
      spreadsheetId: 'book',
      requestBody: { dataFilters: [{ developerMetadataLookup: { metadataKey: 'k' } }] },
    });
    expect(found.data.matchedDeveloperMetadata?.[0].developerMetadata?.location).toEqual({
      locationType: 'COLUMN',
      dimensionRange: { sheetId: 0, dimension: 'COLUMNS', startIndex: 3, endIndex: 4 },
    });
    expect(standIn.values('book', 'Customers')).toEqual([['', '', 'Name', 'Spend']]);
  });
});
