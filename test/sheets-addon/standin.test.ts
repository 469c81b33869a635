import { mkdtempSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createPropertyStores,
  createServices,
  createSpreadsheet,
  LockRegistry,
  readValues,
  type StandinSheet,
  type StandinSpreadsheet,
  type StubServer,
  snapshot,
  startStubServer,
} from '../standins/apps-script';
import type { EnumValue } from '../standins/apps-script/enums';
import { loadAddon } from './load-addon';

/** Services over a small customer sheet, driven directly from Node (host realm). */
function setUp(htmlDir?: string) {
  const spreadsheet = createSpreadsheet({
    name: 'Customers',
    sheets: {
      Customers: [
        ['Id', 'Age', 'Joined', 'Active'],
        [1, 19, new Date(Date.UTC(2024, 0, 15)), true],
        [2, 35, '', false],
      ],
      'Q1 data': [['x']],
    },
  });
  const { globals, services } = createServices({ spreadsheet, htmlDir });
  const sheet = spreadsheet.getSheetByName('Customers') as StandinSheet;
  return { spreadsheet, sheet, globals, services };
}

function closedPort(): Promise<number> {
  return new Promise((resolve) => {
    const server = createServer();
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

describe('Range and A1 notation', () => {
  it('reads A1 ranges, sheet-qualified ranges, quoted sheet names and whole columns', () => {
    const { spreadsheet, sheet } = setUp();
    const block = sheet.getRange('b2:C3');
    expect([block.getRow(), block.getColumn(), block.getNumRows(), block.getNumColumns()]).toEqual([
      2, 2, 2, 2,
    ]);
    expect(block.getA1Notation()).toBe('B2:C3');

    const qualified = spreadsheet.getRange('Customers!A1:B2');
    expect(qualified.getSheet().getName()).toBe('Customers');
    expect(qualified.getValues()).toEqual([
      ['Id', 'Age'],
      [1, 19],
    ]);
    expect(spreadsheet.getRange("'Q1 data'!A1").getValue()).toBe('x');

    const column = sheet.getRange('C:C');
    expect([column.getRow(), column.getColumn(), column.getNumRows(), column.getNumColumns()]).toEqual([
      1, 3, 1000, 1,
    ]);
    expect(column.getA1Notation()).toBe('C:C');
    expect(sheet.getRange('A2:B').getNumRows()).toBe(999);
  });

  it('rejects unparsable A1 text with "Range not found" and out-of-grid coordinates with Google\'s message', () => {
    const { spreadsheet, sheet } = setUp();
    expect(() => sheet.getRange('A0')).toThrow('Range not found');
    expect(() => sheet.getRange('1A')).toThrow('Range not found');
    expect(() => spreadsheet.getRange('Nope!A1')).toThrow('Range not found');
    expect(() => sheet.getRange(0, 1)).toThrow('The starting row of the range is too small.');
    expect(() => sheet.getRange(1, 27)).toThrow(
      'The coordinates of the range are outside the dimensions of the sheet.',
    );
    expect(() => sheet.getRange(1, 1, 0, 1)).toThrow('The number of rows in the range must be at least 1.');
  });

  it("returns '' for empty cells, numbers as numbers, booleans, and Dates as Date objects", () => {
    const { sheet } = setUp();
    const values = sheet.getRange(2, 1, 3, 4).getValues();
    expect(values[0][0]).toBe(1);
    expect(values[0][2]).toBeInstanceOf(Date);
    expect((values[0][2] as Date).toISOString()).toBe('2024-01-15T00:00:00.000Z');
    expect(values[0][3]).toBe(true);
    expect(values[1][2]).toBe('');
    expect(values[2]).toEqual(['', '', '', '']);
    expect(sheet.getRange('A2:D2').getDisplayValues()).toEqual([['1', '19', '1/15/2024', 'TRUE']]);
  });

  it("refuses data whose dimensions differ from the range, with Google's messages, and writes nothing", () => {
    const { sheet } = setUp();
    const before = snapshot(sheet);
    expect(() => sheet.getRange('A1:B3').setValues([[1, 2]])).toThrow(
      'The number of rows in the data does not match the number of rows in the range. The data has 1 but the range has 3.',
    );
    expect(() =>
      sheet.getRange('A1:B2').setValues([
        [1, 2],
        [3, 4, 5],
      ]),
    ).toThrow(
      'The number of columns in the data does not match the number of columns in the range. The data has 3 but the range has 2.',
    );
    expect(snapshot(sheet)).toBe(before);
  });

  it('stores written strings as typed input: numbers, booleans, formulas, apostrophe-quoted text, plain-text cells', () => {
    const { sheet } = setUp();
    sheet.getRange('F1').setNumberFormat('@');
    sheet.getRange('E1:F1').setValues([['007', '007']]);
    sheet.getRange('E2:H2').setValues([["'007", 'true', '=SUM(B2:B3)', 'Segment 1']]);
    sheet.getRange('E3:G3').setValues([['1,234', '3/1/2024', '50%']]);
    expect(sheet.getRange('E3:G3').getValues()).toEqual([[1234, new Date(Date.UTC(2024, 2, 1)), 0.5]]);
    expect(sheet.getRange('E1:F1').getValues()).toEqual([[7, '007']]);
    expect(sheet.getRange('E2:H2').getValues()).toEqual([['007', true, '=SUM(B2:B3)', 'Segment 1']]);
    expect(sheet.getRange('E2:H2').getFormulas()).toEqual([['', '', '=SUM(B2:B3)', '']]);
  });

  it('refuses a cell of more than 50,000 characters, and accepts exactly 50,000', () => {
    const { sheet } = setUp();
    expect(() => sheet.getRange('J1').setValue('x'.repeat(50_001))).toThrow(
      'Your input contains more than the maximum of 50000 characters in a single cell.',
    );
    sheet.getRange('J1').setValue('x'.repeat(50_000));
    expect(String(sheet.getRange('J1').getValue()).length).toBe(50_000);
  });
});

describe('Sheet', () => {
  it('covers A1 to the last row and column with content in getDataRange, and A1 alone when empty', () => {
    const { spreadsheet, sheet } = setUp();
    sheet.getRange('F7').setValue(5);
    expect(sheet.getDataRange().getA1Notation()).toBe('A1:F7');
    expect([sheet.getLastRow(), sheet.getLastColumn()]).toEqual([7, 6]);
    const empty = spreadsheet.insertSheet('Empty');
    expect(empty.getDataRange().getA1Notation()).toBe('A1');
    expect([empty.getLastRow(), empty.getLastColumn()]).toEqual([0, 0]);
  });

  it('shifts values and column metadata right when columns are inserted, and drops metadata of deleted columns', () => {
    const { spreadsheet, sheet } = setUp();
    sheet.getRange('E:E').addDeveloperMetadata('segments.column', 'segment');
    sheet.getRange(1, 6, sheet.getMaxRows(), 1).addDeveloperMetadata('segments.column', 'persona');
    sheet.insertColumnsAfter(1, 2);
    expect(sheet.getRange('A1:F1').getValues()).toEqual([['Id', '', '', 'Age', 'Joined', 'Active']]);
    expect(sheet.getMaxColumns()).toBe(28);
    const found = sheet.createDeveloperMetadataFinder().withKey('segments.column').find();
    expect(found.map((m) => [m.getValue(), m.getLocation().getColumn()?.getA1Notation()])).toEqual([
      ['segment', 'G:G'],
      ['persona', 'H:H'],
    ]);
    sheet.deleteColumn(7);
    const left = spreadsheet.createDeveloperMetadataFinder().withKey('segments.column').find();
    expect(left.map((m) => [m.getValue(), m.getLocation().getColumn()?.getColumn()])).toEqual([
      ['persona', 7],
    ]);
  });

  it('moves values and column metadata together when the user moves a column', () => {
    const { sheet } = setUp();
    sheet.getRange('E1').setValue('Segment');
    sheet.getRange('E:E').addDeveloperMetadata('segments.column', 'segment');
    // Move column E before column B (indices as before the move): B, C, D shift right.
    sheet.moveColumns(sheet.getRange('E1'), 2);
    expect(sheet.getRange('A1:E1').getValues()).toEqual([['Id', 'Segment', 'Age', 'Joined', 'Active']]);
    const [metadata] = sheet.createDeveloperMetadataFinder().withKey('segments.column').find();
    expect(metadata.getLocation().getColumn()?.getA1Notation()).toBe('B:B');
  });

  it('moves row metadata and values up when rows above are deleted, and grows the grid when rows are appended', () => {
    const { sheet } = setUp();
    sheet.getRange('3:3').addDeveloperMetadata('segments.row', 'second customer');
    sheet.deleteRows(1, 1);
    expect(sheet.getRange('A2').getValue()).toBe(2);
    const [row] = sheet.createDeveloperMetadataFinder().withKey('segments.row').find();
    expect(row.getLocation().getRow()?.getA1Notation()).toBe('2:2');
    expect(sheet.getMaxRows()).toBe(999);
    sheet.insertRowsAfter(sheet.getMaxRows(), 2);
    expect(sheet.getMaxRows()).toBe(1001);
    expect(() => sheet.deleteRows(1000, 5)).toThrow('Those rows are out of bounds.');
  });

  it('finds metadata by key, value and location type, and only lets whole rows or columns carry it', () => {
    const { spreadsheet, globals, sheet } = setUp();
    const { DeveloperMetadataLocationType: Location, DeveloperMetadataVisibility: Visibility } =
      globals.SpreadsheetApp as {
        DeveloperMetadataLocationType: Record<string, EnumValue>;
        DeveloperMetadataVisibility: Record<string, EnumValue>;
      };
    spreadsheet.addDeveloperMetadata('segments.run', 'r1');
    sheet.addDeveloperMetadata('segments.sheet', Visibility.PROJECT);
    sheet.getRange('2:2').addDeveloperMetadata('segments.row', 'header');
    expect(() => sheet.getRange('A1:B2').addDeveloperMetadata('x')).toThrow(
      'Adding developer metadata to arbitrary ranges is not currently supported.',
    );
    const finder = spreadsheet.createDeveloperMetadataFinder();
    expect(
      finder
        .withLocationType(Location.ROW)
        .find()
        .map((m) => m.getKey()),
    ).toEqual(['segments.row']);
    const sheetLevel = sheet.getDeveloperMetadata();
    expect(sheetLevel.map((m) => [m.getKey(), m.getValue(), String(m.getVisibility())])).toEqual([
      ['segments.sheet', null, 'PROJECT'],
    ]);
    expect(spreadsheet.getDeveloperMetadata().map((m) => m.getValue())).toEqual(['r1']);
    expect(
      sheet.getRange('B2:C2').createDeveloperMetadataFinder().onIntersectingLocations().find(),
    ).toHaveLength(1);
  });

  it('hides and shows sheets, and refuses to hide the last visible sheet or reuse a sheet name', () => {
    const { spreadsheet, sheet } = setUp();
    const other = spreadsheet.getSheetByName('Q1 data') as StandinSheet;
    other.hideSheet();
    expect(other.isSheetHidden()).toBe(true);
    expect(() => sheet.hideSheet()).toThrow("You can't hide all the sheets in a document.");
    expect(() => spreadsheet.insertSheet('customers')).toThrow(
      'A sheet with the name "customers" already exists. Please enter another name.',
    );
    const added = spreadsheet.insertSheet('Segments', 0);
    expect([added.getIndex(), spreadsheet.getActiveSheet().getName()]).toEqual([1, 'Segments']);
    other.showSheet();
    expect(other.isSheetHidden()).toBe(false);
  });

  it('keeps built charts with their type, ranges and options, and moves their ranges with inserted columns', () => {
    const { sheet, globals } = setUp();
    const { ChartType } = globals.Charts as { ChartType: Record<string, EnumValue> };
    const chart = sheet
      .newChart()
      .setChartType(ChartType.SCATTER)
      .addRange(sheet.getRange('B1:C3'))
      .setPosition(5, 6, 0, 0)
      .asLineChart()
      .setTitle('Elbow')
      .setXAxisTitle('k')
      .build();
    expect(chart.getChartId()).toBeNull();
    sheet.insertChart(chart);
    sheet.insertColumnBefore(1);
    const [kept] = sheet.getCharts();
    expect(kept.getOptions().get('title')).toBe('Elbow');
    expect(kept.getOptions().get('hAxis.title')).toBe('k');
    expect(String(kept.modify().getChartType())).toBe('LINE');
    expect(kept.getRanges().map((r) => r.getA1Notation())).toEqual(['C1:D3']);
    expect(kept.getContainerInfo().getAnchorColumn()).toBe(7);
  });
});

describe('PropertiesService', () => {
  it('stores values as strings, returns null for missing keys, and enforces the 9 KB and 500 KB quotas', () => {
    const { globals } = setUp();
    const service = globals.PropertiesService as {
      getUserProperties(): {
        getProperty(k: string): string | null;
        setProperty(k: string, v: unknown): unknown;
        getProperties(): Record<string, string>;
      };
    };
    const props = service.getUserProperties();
    props.setProperty('k', 5);
    expect(props.getProperty('k')).toBe('5');
    expect(props.getProperty('missing')).toBeNull();
    expect(() => props.setProperty('big', 'x'.repeat(9 * 1024 + 1))).toThrow('Argument too large: value');
    for (let i = 0; i < 56; i += 1) props.setProperty(`chunk${i}`, 'y'.repeat(9000));
    expect(() => props.setProperty('chunk56', 'y'.repeat(9000))).toThrow(
      'You have exceeded the property storage quota. Please remove some properties and try again.',
    );
    expect(Object.keys(props.getProperties())).toHaveLength(57);
  });
});

describe('CacheService and Utilities', () => {
  it('expires cached values after their lifetime on the script clock, and formats dates in a time zone', () => {
    let clock = Date.UTC(2026, 0, 1);
    const spreadsheet = createSpreadsheet({ sheets: { Sheet1: [] } });
    const { globals } = createServices({ spreadsheet, now: () => clock });
    const cache = (
      globals.CacheService as {
        getUserCache(): { put(k: string, v: string, s?: number): void; get(k: string): string | null };
      }
    ).getUserCache();
    cache.put('profile', '{"rows":200}', 60);
    clock += 59_000;
    expect(cache.get('profile')).toBe('{"rows":200}');
    clock += 1_000;
    expect(cache.get('profile')).toBeNull();
    const utilities = globals.Utilities as { formatDate(d: Date, tz: string, f: string): string };
    const instant = new Date(Date.UTC(2026, 6, 4, 22, 5, 9));
    expect(utilities.formatDate(instant, 'Etc/UTC', "yyyy-MM-dd'T'HH:mm:ss")).toBe('2026-07-04T22:05:09');
    expect(utilities.formatDate(instant, 'Europe/Berlin', 'EEE d MMM yyyy HH:mm Z')).toBe(
      'Sun 5 Jul 2026 00:05 +0200',
    );
  });
});

describe('LockService', () => {
  it('gives the lock when free, and refuses it while another execution holds it', () => {
    const locks = new LockRegistry();
    const spreadsheet = createSpreadsheet({ sheets: { Sheet1: [] } });
    const { globals } = createServices({ spreadsheet, locks });
    const service = globals.LockService as {
      getDocumentLock(): { tryLock(ms: number): boolean; waitLock(ms: number): void; hasLock(): boolean };
    };
    locks.holdByAnotherExecution('document');
    const lock = service.getDocumentLock();
    expect(lock.tryLock(10_000)).toBe(false);
    expect(() => lock.waitLock(10_000)).toThrow(
      'Lock timeout: another process was holding the lock for too long.',
    );
    locks.releaseByAnotherExecution('document');
    expect(lock.tryLock(10_000)).toBe(true);
    expect(lock.hasLock()).toBe(true);
    locks.endExecution();
    expect(lock.hasLock()).toBe(false);
  });
});

describe('UrlFetchApp', () => {
  let server: StubServer;
  beforeAll(async () => {
    server = await startStubServer([
      {
        method: 'POST',
        path: '/api/runs',
        status: 201,
        headers: { 'Content-Type': 'application/json' },
        body: '{"id":"run-1"}',
      },
      { method: 'GET', path: '/secret', status: 401, body: '{"error":"bad token"}' },
    ]);
  });
  afterAll(async () => {
    await server.close();
  });

  it('sends the request synchronously over a real socket and returns the response', async () => {
    const { globals, services } = setUp();
    const fetchApp = globals.UrlFetchApp as {
      fetch(
        url: string,
        params: unknown,
      ): { getResponseCode(): number; getContentText(): string; getHeaders(): Record<string, string> };
    };
    const response = fetchApp.fetch(`${server.url}/api/runs`, {
      method: 'post',
      contentType: 'application/json',
      payload: JSON.stringify({ k: 5 }),
      headers: { Authorization: 'Bearer t0k' },
    });
    expect(response.getResponseCode()).toBe(201);
    expect(JSON.parse(response.getContentText())).toEqual({ id: 'run-1' });
    expect(response.getHeaders()['Content-Type']).toBe('application/json');
    const [received] = await server.requests();
    expect(received).toMatchObject({
      method: 'POST',
      url: '/api/runs',
      body: '{"k":5}',
      headers: { authorization: 'Bearer t0k', 'content-type': 'application/json' },
    });
    expect(services.fetches[0]).toMatchObject({ method: 'POST', payload: '{"k":5}' });
  });

  it('throws on HTTP errors unless muteHttpExceptions is set, and on refused connections always', async () => {
    const { globals } = setUp();
    const fetchApp = globals.UrlFetchApp as {
      fetch(url: string, params?: unknown): { getResponseCode(): number; getContentText(): string };
    };
    expect(() => fetchApp.fetch(`${server.url}/secret`)).toThrow(
      `Request failed for ${server.url}/secret returned code 401. Truncated server response: {"error":"bad token"} (use muteHttpExceptions option to examine full response)`,
    );
    const muted = fetchApp.fetch(`${server.url}/secret`, { muteHttpExceptions: true });
    expect([muted.getResponseCode(), muted.getContentText()]).toEqual([401, '{"error":"bad token"}']);
    const port = await closedPort();
    expect(() => fetchApp.fetch(`http://127.0.0.1:${port}/api/runs`, { muteHttpExceptions: true })).toThrow(
      `Address unavailable: http://127.0.0.1:${port}/api/runs`,
    );
  });
});

describe('HtmlService', () => {
  it("evaluates printing, force-printing and standard scriptlets with the template's properties", () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'standin-html-'));
    writeFileSync(
      path.join(dir, 'Sidebar.html'),
      '<h1><?= title ?></h1><?!= raw ?><ul><? for (var i = 0; i < items.length; i++) { ?><li><?= items[i] ?></li><? } ?></ul>',
    );
    const { globals } = setUp(dir);
    const html = globals.HtmlService as {
      createTemplateFromFile(name: string): Record<string, unknown> & {
        evaluate(): { setTitle(t: string): { getTitle(): string; getContent(): string } };
      };
      createHtmlOutputFromFile(name: string): unknown;
    };
    const template = html.createTemplateFromFile('Sidebar');
    template.title = 'A & <B>';
    template.raw = '<b>bold</b>';
    template.items = ['x', 'y'];
    const output = template.evaluate().setTitle('Customer Segments');
    expect(output.getContent()).toBe('<h1>A &amp; &lt;B&gt;</h1><b>bold</b><ul><li>x</li><li>y</li></ul>');
    expect(output.getTitle()).toBe('Customer Segments');
    expect(() => html.createHtmlOutputFromFile('Missing')).toThrow('No HTML file named Missing was found.');
  });
});

describe('loadAddon', () => {
  const SCRIPT = `
    function include(name) { return HtmlService.createHtmlOutput('<i>' + name + '</i>').getContent(); }
    function onOpen(e) {
      SpreadsheetApp.getUi().createAddonMenu()
        .addItem('Segment customers…', 'showSidebar')
        .addSeparator()
        .addItem('Help', 'showHelp')
        .addToUi();
    }
    function showSidebar() {
      var t = HtmlService.createTemplate('<?!= include("style") ?><p><?= who ?></p>');
      t.who = Session.getActiveUser().getEmail();
      SpreadsheetApp.getUi().showSidebar(t.evaluate().setTitle('Customer Segments'));
    }
    function probe() {
      var values = SpreadsheetApp.getActiveSheet().getDataRange().getValues();
      return {
        globals: [typeof require, typeof process, typeof Buffer, typeof setTimeout, typeof module, typeof fetch],
        services: [typeof SpreadsheetApp, typeof HtmlService, typeof PropertiesService, typeof LockService,
          typeof UrlFetchApp, typeof CacheService, typeof Utilities, typeof Session, typeof Logger, typeof console],
        arrays: values instanceof Array && values[1] instanceof Array,
        date: values[1][1] instanceof Date,
        now: new Date().toISOString(),
      };
    }
    function copyRows() {
      var sheet = SpreadsheetApp.getActiveSheet();
      var values = sheet.getDataRange().getValues();
      sheet.getRange(1, 3, values.length, 1).setValues(values.map(function (row) { return [row[0]]; }));
      return { rows: values.length, when: new Date() };
    }
    function takeLock() { return LockService.getDocumentLock().tryLock(1000); }
  `;

  function load(spreadsheet: StandinSpreadsheet, locks?: LockRegistry) {
    return loadAddon({
      code: SCRIPT,
      spreadsheet,
      now: Date.UTC(2026, 0, 2, 3, 4, 5),
      locks,
      user: 'ana@example.com',
    });
  }

  it('runs the script with the Apps Script globals and without require, process, Buffer, setTimeout or fetch', () => {
    const spreadsheet = createSpreadsheet({
      sheets: {
        Customers: [
          ['Id', 'Joined'],
          [1, new Date(Date.UTC(2024, 0, 15))],
        ],
      },
    });
    const addon = load(spreadsheet);
    expect(addon.entryPoints).toEqual(['include', 'onOpen', 'showSidebar', 'probe', 'copyRows', 'takeLock']);
    const result = addon.globals.probe() as Record<string, unknown>;
    expect(result.globals).toEqual(Array(6).fill('undefined'));
    expect(result.services).toEqual(Array(10).fill('object'));
    expect(result.arrays).toBe(true);
    expect(result.date).toBe(true);
    expect(result.now).toBe('2026-01-02T03:04:05.000Z');
  });

  it('records the add-on menu as caption → function name, and the sidebar built from a template', () => {
    const addon = load(createSpreadsheet({ sheets: { Sheet1: [] } }));
    addon.globals.onOpen({});
    expect(addon.services.ui.menuItems()).toEqual([
      {
        path: 'Customer Segments › Segment customers…',
        caption: 'Segment customers…',
        functionName: 'showSidebar',
      },
      { path: 'Customer Segments › Help', caption: 'Help', functionName: 'showHelp' },
    ]);
    addon.globals.showSidebar();
    expect(addon.services.ui.lastSidebar()).toMatchObject({
      title: 'Customer Segments',
      content: '<i>style</i><p>ana@example.com</p>',
    });
  });

  it('counts reads and writes, and returns null to the sidebar for a result holding a Date', () => {
    const spreadsheet = createSpreadsheet({ sheets: { Sheet1: [['a'], ['b'], ['c']] } });
    const addon = load(spreadsheet);
    expect(addon.runFromSidebar('copyRows')).toBeNull();
    expect([addon.calls.getValues, addon.calls.setValues, addon.calls.getDisplayValues]).toEqual([1, 1, 0]);
    expect(readValues(spreadsheet.getSheetByName('Sheet1') as StandinSheet)).toEqual([
      ['a', '', 'a'],
      ['b', '', 'b'],
      ['c', '', 'c'],
    ]);
  });

  it('releases the locks of an execution when it ends, as Apps Script does', () => {
    const locks = new LockRegistry();
    const addon = load(createSpreadsheet({ sheets: { Sheet1: [] } }), locks);
    expect(addon.globals.takeLock()).toBe(true);
    expect(locks.isHeldByScript('document')).toBe(false);
    locks.holdByAnotherExecution('document');
    expect(addon.globals.takeLock()).toBe(false);
  });

  it('shares user properties between loads when given the same stores', () => {
    const properties = createPropertyStores();
    const spreadsheet = createSpreadsheet({ sheets: { Sheet1: [] } });
    const code = `function save(v) { PropertiesService.getUserProperties().setProperty('token', v); }
      function read() { return PropertiesService.getUserProperties().getProperty('token'); }`;
    loadAddon({ code, spreadsheet, properties, user: 'a@example.com' }).globals.save('s3cret');
    expect(loadAddon({ code, spreadsheet, properties, user: 'a@example.com' }).globals.read()).toBe('s3cret');
    expect(loadAddon({ code, spreadsheet, properties, user: 'b@example.com' }).globals.read()).toBeNull();
  });
});
