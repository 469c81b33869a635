/**
 * A local stand-in of the Google Sheets REST API v4 on 127.0.0.1, written from Google's REST reference
 * (spreadsheets.get, spreadsheets.values.get/batchGet/update/batchUpdate/append, spreadsheets.batchUpdate
 * and developerMetadata.search), so the Sheets path is tested over the real wire protocol with the real
 * `@googleapis/sheets` client pointed at it through `rootUrl`.
 *
 * What it models: sheets with grid sizes (writes past the grid fail as Google's do), typed cell values
 * (USER_ENTERED parsing of numbers, booleans and the leading apostrophe), developer metadata with
 * locations that move when columns are inserted, charts, hidden sheets, all-or-nothing batches, and
 * who may open a spreadsheet: a bearer token is an access token it was told about or a self-signed
 * service-account JWT whose RS256 signature it verifies; a spreadsheet answers 403 to anyone it is not
 * shared with. It counts every request and can inject error answers (403/404/429/500).
 * Not modelled: formulas are kept as text, formats other than bold, `fields` masks (the full resource
 * is returned), and `ranges` on spreadsheets.get.
 */
import { createPublicKey, verify } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export type CellValue = string | number | boolean;

export interface DeveloperMetadataLocation {
  locationType: 'SPREADSHEET' | 'SHEET' | 'ROW' | 'COLUMN';
  spreadsheet?: boolean;
  sheetId?: number;
  dimensionRange?: { sheetId: number; dimension: 'ROWS' | 'COLUMNS'; startIndex: number; endIndex: number };
}

export interface DeveloperMetadata {
  metadataId: number;
  metadataKey: string;
  metadataValue?: string;
  location: DeveloperMetadataLocation;
  visibility: 'DOCUMENT' | 'PROJECT';
}

export interface StandInChart {
  chartId: number;
  spec: Record<string, unknown>;
  position: Record<string, unknown>;
}

export interface StandInSheet {
  sheetId: number;
  title: string;
  index: number;
  hidden: boolean;
  rowCount: number;
  columnCount: number;
  /** Row-major cells; '' or a missing entry is an empty cell. */
  cells: CellValue[][];
  charts: StandInChart[];
  /** "row,column" (0-based) of cells formatted bold. */
  bold: string[];
}

interface SpreadsheetState {
  sheets: StandInSheet[];
  metadata: DeveloperMetadata[];
  nextId: number;
}

export interface StandInSpreadsheet {
  spreadsheetId: string;
  title: string;
  state: SpreadsheetState;
  /** Principals (service-account emails or access-token owners) it is shared with. */
  sharedWith: Set<string>;
}

export interface RecordedRequest {
  operation: string;
  method: string;
  url: string;
  spreadsheetId?: string;
  status: number;
  body?: unknown;
}

export interface Fault {
  status: 403 | 404 | 429 | 500 | 503;
  /** Only requests of this operation (e.g. 'values.batchGet'); default any. */
  operation?: string;
  /** How many requests to fail. Default 1. */
  times?: number;
}

export interface SheetInit {
  title: string;
  values?: CellValue[][];
  hidden?: boolean;
  rowCount?: number;
  columnCount?: number;
}

export interface SheetsStandIn {
  /** Pass as SEGMENTS_SHEETS_API_URL / rootUrl. */
  url: string;
  requests: RecordedRequest[];
  addSpreadsheet(init: {
    spreadsheetId: string;
    title?: string;
    sheets: SheetInit[];
    sharedWith?: string[];
  }): StandInSpreadsheet;
  spreadsheet(spreadsheetId: string): StandInSpreadsheet;
  sheet(spreadsheetId: string, title: string): StandInSheet;
  /** A sheet's values as values.get (UNFORMATTED_VALUE) returns them: trailing empties trimmed. */
  values(spreadsheetId: string, title: string): CellValue[][];
  failNext(fault: Fault): void;
  /** Requests that change a spreadsheet (answered 2xx or not). */
  writeRequests(): RecordedRequest[];
  close(): Promise<void>;
}

export const WRITE_OPERATIONS = new Set([
  'values.update',
  'values.batchUpdate',
  'values.append',
  'spreadsheets.batchUpdate',
]);

class ApiError extends Error {
  constructor(
    readonly code: number,
    readonly status: string,
    message: string,
  ) {
    super(message);
  }
}

const invalid = (message: string) => new ApiError(400, 'INVALID_ARGUMENT', message);

/**
 * Starts the stand-in.
 * @param options.accessTokens bearer token → principal (an email) it stands for
 * @param options.serviceAccounts service-account email → public key (PEM) that verifies its JWTs
 */
export async function startSheetsStandIn(
  options: { accessTokens?: Record<string, string>; serviceAccounts?: Record<string, string> } = {},
): Promise<SheetsStandIn> {
  const spreadsheets = new Map<string, StandInSpreadsheet>();
  const requests: RecordedRequest[] = [];
  const faults: Required<Fault>[] = [];
  const accessTokens = options.accessTokens ?? {};
  const serviceAccounts = options.serviceAccounts ?? {};

  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const text = Buffer.concat(chunks).toString('utf8');
      const record: RecordedRequest = {
        operation: 'unknown',
        method: req.method ?? 'GET',
        url: req.url ?? '',
        status: 0,
      };
      requests.push(record);
      try {
        const body = text === '' ? undefined : JSON.parse(text);
        record.body = body;
        const result = handle(req, body, record);
        send(res, record, 200, result);
      } catch (error) {
        if (error instanceof ApiError) {
          send(res, record, error.code, {
            error: { code: error.code, message: error.message, status: error.status },
          });
        } else {
          send(res, record, 500, {
            error: { code: 500, message: `stand-in bug: ${(error as Error).stack}`, status: 'INTERNAL' },
          });
        }
      }
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;

  function send(res: ServerResponse, record: RecordedRequest, status: number, body: unknown) {
    record.status = status;
    res.writeHead(status, { 'content-type': 'application/json; charset=UTF-8' });
    res.end(JSON.stringify(body));
  }

  function principalOf(req: IncomingMessage): string {
    const header = req.headers.authorization ?? '';
    const token = /^Bearer (.+)$/i.exec(header)?.[1];
    if (!token)
      throw new ApiError(401, 'UNAUTHENTICATED', 'Request is missing required authentication credential.');
    if (accessTokens[token]) return accessTokens[token];
    const parts = token.split('.');
    if (parts.length === 3) {
      const claims = JSON.parse(Buffer.from(parts[1], 'base64url').toString('utf8')) as {
        iss?: string;
        exp?: number;
      };
      const key = claims.iss ? serviceAccounts[claims.iss] : undefined;
      const signed = Buffer.from(`${parts[0]}.${parts[1]}`);
      if (
        key &&
        verify('RSA-SHA256', signed, createPublicKey(key), Buffer.from(parts[2], 'base64url')) &&
        (claims.exp ?? 0) * 1000 > Date.now()
      ) {
        return claims.iss as string;
      }
    }
    throw new ApiError(401, 'UNAUTHENTICATED', 'Request had invalid authentication credentials.');
  }

  function handle(req: IncomingMessage, body: unknown, record: RecordedRequest): unknown {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const route = routeOf(req.method ?? 'GET', url.pathname);
    record.operation = route.operation;
    record.spreadsheetId = route.spreadsheetId;
    const faultIndex = faults.findIndex(
      (fault) => fault.operation === '*' || fault.operation === route.operation,
    );
    if (faultIndex >= 0) {
      const fault = faults[faultIndex];
      fault.times -= 1;
      if (fault.times <= 0) faults.splice(faultIndex, 1);
      throw faultError(fault.status);
    }
    const principal = principalOf(req);
    const spreadsheet = spreadsheets.get(route.spreadsheetId);
    if (!spreadsheet) throw new ApiError(404, 'NOT_FOUND', 'Requested entity was not found.');
    if (!spreadsheet.sharedWith.has(principal)) {
      throw new ApiError(403, 'PERMISSION_DENIED', 'The caller does not have permission');
    }
    const query = url.searchParams;
    switch (route.operation) {
      case 'spreadsheets.get':
        return getSpreadsheet(spreadsheet, query);
      case 'values.get':
        return readRange(spreadsheet.state, route.range as string, query);
      case 'values.batchGet':
        return {
          spreadsheetId: spreadsheet.spreadsheetId,
          valueRanges: query.getAll('ranges').map((range) => readRange(spreadsheet.state, range, query)),
        };
      case 'values.update': {
        const option = requireInputOption(query.get('valueInputOption'));
        return transact(spreadsheet, (state) => ({
          spreadsheetId: spreadsheet.spreadsheetId,
          ...writeRange(
            state,
            route.range as string,
            (body as { values?: unknown[][] })?.values ?? [],
            option,
          ),
        }));
      }
      case 'values.batchUpdate': {
        const request = (body ?? {}) as {
          valueInputOption?: string;
          data?: { range: string; values?: unknown[][] }[];
        };
        const option = requireInputOption(request.valueInputOption ?? null);
        return transact(spreadsheet, (state) => {
          const responses = (request.data ?? []).map((entry) =>
            writeRange(state, entry.range, entry.values ?? [], option),
          );
          return {
            spreadsheetId: spreadsheet.spreadsheetId,
            totalUpdatedRows: responses.reduce((sum, entry) => sum + entry.updatedRows, 0),
            totalUpdatedCells: responses.reduce((sum, entry) => sum + entry.updatedCells, 0),
            totalUpdatedSheets: new Set(responses.map((entry) => entry.updatedRange.split('!')[0])).size,
            responses: responses.map((entry) => ({ spreadsheetId: spreadsheet.spreadsheetId, ...entry })),
          };
        });
      }
      case 'values.append': {
        const option = requireInputOption(query.get('valueInputOption'));
        return transact(spreadsheet, (state) =>
          appendRows(
            state,
            spreadsheet.spreadsheetId,
            route.range as string,
            (body as { values?: unknown[][] })?.values ?? [],
            option,
          ),
        );
      }
      case 'spreadsheets.batchUpdate': {
        const request = (body ?? {}) as { requests?: Record<string, unknown>[] };
        return transact(spreadsheet, (state) => ({
          spreadsheetId: spreadsheet.spreadsheetId,
          replies: (request.requests ?? []).map((entry, i) => applyRequest(state, entry, i)),
        }));
      }
      case 'developerMetadata.search': {
        const filters =
          (body as { dataFilters?: { developerMetadataLookup?: Record<string, unknown> }[] })?.dataFilters ??
          [];
        const matched = filters.flatMap((filter) =>
          matchMetadata(spreadsheet.state.metadata, filter.developerMetadataLookup ?? {}).map((metadata) => ({
            developerMetadata: metadata,
            dataFilters: [filter],
          })),
        );
        return matched.length > 0 ? { matchedDeveloperMetadata: matched } : {};
      }
      default:
        throw new ApiError(404, 'NOT_FOUND', `stand-in: no route for ${req.method} ${url.pathname}`);
    }
  }

  const standIn: SheetsStandIn = {
    url: `http://127.0.0.1:${port}/`,
    requests,
    addSpreadsheet(init) {
      const state: SpreadsheetState = { sheets: [], metadata: [], nextId: 1 };
      init.sheets.forEach((sheet, index) => {
        const rows = sheet.values?.length ?? 0;
        const columns = Math.max(0, ...(sheet.values ?? []).map((row) => row.length));
        state.sheets.push({
          sheetId: index === 0 ? 0 : 1000 + index,
          title: sheet.title,
          index,
          hidden: sheet.hidden === true,
          rowCount: sheet.rowCount ?? Math.max(1000, rows),
          columnCount: sheet.columnCount ?? Math.max(26, columns),
          cells: (sheet.values ?? []).map((row) => [...row]),
          charts: [],
          bold: [],
        });
      });
      const spreadsheet: StandInSpreadsheet = {
        spreadsheetId: init.spreadsheetId,
        title: init.title ?? init.spreadsheetId,
        state,
        sharedWith: new Set(init.sharedWith ?? []),
      };
      spreadsheets.set(init.spreadsheetId, spreadsheet);
      return spreadsheet;
    },
    spreadsheet(spreadsheetId) {
      const spreadsheet = spreadsheets.get(spreadsheetId);
      if (!spreadsheet) throw new Error(`stand-in: no spreadsheet ${spreadsheetId}`);
      return spreadsheet;
    },
    sheet(spreadsheetId, title) {
      const sheet = standIn
        .spreadsheet(spreadsheetId)
        .state.sheets.find((candidate) => candidate.title === title);
      if (!sheet) throw new Error(`stand-in: no sheet ${title} in ${spreadsheetId}`);
      return sheet;
    },
    values(spreadsheetId, title) {
      const sheet = standIn.sheet(spreadsheetId, title);
      return trimRows(sheet.cells.map((row) => [...row]));
    },
    failNext(fault) {
      faults.push({ status: fault.status, operation: fault.operation ?? '*', times: fault.times ?? 1 });
    },
    writeRequests() {
      return requests.filter((request) => WRITE_OPERATIONS.has(request.operation));
    },
    close() {
      server.closeAllConnections();
      return new Promise((resolve) => server.close(() => resolve()));
    },
  };
  return standIn;
}

function faultError(status: Fault['status']): ApiError {
  switch (status) {
    case 403:
      return new ApiError(403, 'PERMISSION_DENIED', 'The caller does not have permission');
    case 404:
      return new ApiError(404, 'NOT_FOUND', 'Requested entity was not found.');
    case 429:
      return new ApiError(
        429,
        'RESOURCE_EXHAUSTED',
        "Quota exceeded for quota metric 'Read requests' and limit 'Read requests per minute per user' of service 'sheets.googleapis.com'.",
      );
    case 500:
      return new ApiError(500, 'INTERNAL', 'Internal error encountered.');
    case 503:
      return new ApiError(503, 'UNAVAILABLE', 'The service is currently unavailable.');
  }
}

/** Which method a request calls: `/v4/spreadsheets/{id}[:batchUpdate | /values… | /developerMetadata:search]`. */
function routeOf(
  method: string,
  pathname: string,
): { operation: string; spreadsheetId: string; range?: string } {
  const match = /^\/v4\/spreadsheets\/([^/:]+)(.*)$/.exec(pathname);
  if (!match) return { operation: 'unknown', spreadsheetId: '' };
  const spreadsheetId = decodeURIComponent(match[1]);
  const rest = match[2];
  if (rest === '' && method === 'GET') return { operation: 'spreadsheets.get', spreadsheetId };
  if (rest === ':batchUpdate' && method === 'POST')
    return { operation: 'spreadsheets.batchUpdate', spreadsheetId };
  if (rest === '/values:batchGet' && method === 'GET') return { operation: 'values.batchGet', spreadsheetId };
  if (rest === '/values:batchUpdate' && method === 'POST')
    return { operation: 'values.batchUpdate', spreadsheetId };
  if (rest === '/developerMetadata:search' && method === 'POST') {
    return { operation: 'developerMetadata.search', spreadsheetId };
  }
  const values = /^\/values\/([^:]+)(:append)?$/.exec(rest);
  if (values) {
    const range = decodeURIComponent(values[1]);
    if (values[2] && method === 'POST') return { operation: 'values.append', spreadsheetId, range };
    if (!values[2] && method === 'GET') return { operation: 'values.get', spreadsheetId, range };
    if (!values[2] && method === 'PUT') return { operation: 'values.update', spreadsheetId, range };
  }
  return { operation: 'unknown', spreadsheetId };
}

/** Runs a change on a copy and keeps it only when every part succeeded (batches are all-or-nothing). */
function transact<T>(spreadsheet: StandInSpreadsheet, change: (state: SpreadsheetState) => T): T {
  const copy = structuredClone(spreadsheet.state);
  const result = change(copy);
  spreadsheet.state = copy;
  return result;
}

// ---------------------------------------------------------------------------------------------------
// Ranges

interface ResolvedRange {
  sheet: StandInSheet;
  /** 0-based, end exclusive, clamped to the grid. */
  startRow: number;
  endRow: number;
  startColumn: number;
  endColumn: number;
  /** Whether the end was written (A1:B2) or open (A1:B, A:B, a sheet name). */
  openRows: boolean;
  openColumns: boolean;
}

function letters(index: number): string {
  let n = index + 1;
  let text = '';
  while (n > 0) {
    text = String.fromCharCode(65 + ((n - 1) % 26)) + text;
    n = Math.floor((n - 1) / 26);
  }
  return text;
}

function columnIndex(text: string): number {
  let n = 0;
  for (const char of text.toUpperCase()) n = n * 26 + char.charCodeAt(0) - 64;
  return n - 1;
}

function quoted(title: string): string {
  return /^[A-Za-z0-9_]+$/.test(title) ? title : `'${title.replace(/'/g, "''")}'`;
}

function resolveRange(state: SpreadsheetState, text: string): ResolvedRange {
  let sheetName: string | undefined;
  let cells = text;
  if (text.startsWith("'")) {
    const end = /^'((?:[^']|'')*)'(?:!(.*))?$/.exec(text);
    if (!end) throw invalid(`Unable to parse range: ${text}`);
    sheetName = end[1].replace(/''/g, "'");
    cells = end[2] ?? '';
  } else if (text.includes('!')) {
    sheetName = text.slice(0, text.lastIndexOf('!'));
    cells = text.slice(text.lastIndexOf('!') + 1);
  } else if (/^([A-Za-z]{1,3}\d*|\d+)(:([A-Za-z]{1,3}\d*|\d+))?$/.test(text) && /\d|:/.test(text)) {
    sheetName = undefined;
  } else {
    sheetName = text;
    cells = '';
  }
  const sheet =
    sheetName === undefined
      ? [...state.sheets].sort((a, b) => a.index - b.index)[0]
      : state.sheets.find((candidate) => candidate.title === sheetName);
  if (!sheet) throw invalid(`Unable to parse range: ${text}`);
  const whole: ResolvedRange = {
    sheet,
    startRow: 0,
    endRow: sheet.rowCount,
    startColumn: 0,
    endColumn: sheet.columnCount,
    openRows: true,
    openColumns: true,
  };
  if (cells === '') return whole;
  const part = /^([A-Za-z]*)(\d*)(?::([A-Za-z]*)(\d*))?$/.exec(cells);
  if (!part || (part[1] === '' && part[2] === '')) throw invalid(`Unable to parse range: ${text}`);
  const [, c1, r1, c2, r2] = part;
  const single = part[3] === undefined && part[4] === undefined;
  const range = { ...whole };
  if (c1) range.startColumn = columnIndex(c1);
  if (r1) range.startRow = Number(r1) - 1;
  if (single) {
    if (c1) range.endColumn = range.startColumn + 1;
    if (r1) range.endRow = range.startRow + 1;
    range.openColumns = !c1;
    range.openRows = !r1;
  } else {
    if (c2) range.endColumn = columnIndex(c2) + 1;
    if (r2) range.endRow = Number(r2);
    range.openColumns = !c2;
    range.openRows = !r2;
  }
  if (range.startRow < 0 || range.endRow < range.startRow || range.endColumn < range.startColumn) {
    throw invalid(`Unable to parse range: ${text}`);
  }
  return range;
}

function a1Of(range: ResolvedRange, endRow = range.endRow, endColumn = range.endColumn): string {
  return `${quoted(range.sheet.title)}!${letters(range.startColumn)}${range.startRow + 1}:${letters(endColumn - 1)}${endRow}`;
}

function isEmpty(value: CellValue | undefined | null): boolean {
  return value === undefined || value === null || value === '';
}

function trimRows(rows: CellValue[][]): CellValue[][] {
  const trimmed = rows.map((row) => {
    let end = row.length;
    while (end > 0 && isEmpty(row[end - 1])) end--;
    return row.slice(0, end).map((cell) => (cell === undefined || cell === null ? '' : cell));
  });
  let last = trimmed.length;
  while (last > 0 && trimmed[last - 1].length === 0) last--;
  return trimmed.slice(0, last);
}

function render(value: CellValue, option: string | null): CellValue {
  if (option === 'UNFORMATTED_VALUE') return value;
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  return String(value);
}

function readRange(state: SpreadsheetState, text: string, query: URLSearchParams) {
  const range = resolveRange(state, text);
  if (query.get('majorDimension') === 'COLUMNS')
    throw invalid('stand-in: majorDimension COLUMNS is not modelled');
  const endRow = Math.min(range.endRow, range.sheet.rowCount);
  const endColumn = Math.min(range.endColumn, range.sheet.columnCount);
  const rows: CellValue[][] = [];
  for (let r = range.startRow; r < endRow; r++) {
    const source = range.sheet.cells[r] ?? [];
    const row: CellValue[] = [];
    for (let c = range.startColumn; c < endColumn; c++) {
      const value = source[c];
      row.push(isEmpty(value) ? '' : render(value, query.get('valueRenderOption')));
    }
    rows.push(row);
  }
  const values = trimRows(rows);
  return {
    range: a1Of(range, endRow, endColumn),
    majorDimension: 'ROWS',
    ...(values.length > 0 ? { values } : {}),
  };
}

function requireInputOption(option: string | null): 'RAW' | 'USER_ENTERED' {
  if (option === 'RAW' || option === 'USER_ENTERED') return option;
  throw invalid("'valueInputOption' is required but not specified");
}

/** What Sheets stores for a value written with an input option. */
function parseInput(value: unknown, option: 'RAW' | 'USER_ENTERED'): CellValue | null {
  if (value === null || value === undefined) return null; // null skips the cell
  if (typeof value === 'number' || typeof value === 'boolean') return value;
  const text = String(value);
  if (option === 'RAW') return text;
  if (text.startsWith("'")) return text.slice(1);
  if (/^[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$/.test(text.trim())) return Number(text);
  if (/^(true|false)$/i.test(text.trim())) return text.trim().toUpperCase() === 'TRUE';
  return text;
}

function writeRange(
  state: SpreadsheetState,
  text: string,
  values: unknown[][],
  option: 'RAW' | 'USER_ENTERED',
) {
  const range = resolveRange(state, text);
  const rows = values.length;
  const columns = Math.max(0, ...values.map((row) => row.length));
  if (!range.openRows && rows > range.endRow - range.startRow) {
    throw invalid(
      `Requested writing within range [${text}], but tried writing to row [${range.startRow + rows}]`,
    );
  }
  if (!range.openColumns && columns > range.endColumn - range.startColumn) {
    throw invalid(
      `Requested writing within range [${text}], but tried writing to column [${letters(range.startColumn + columns - 1)}]`,
    );
  }
  const { sheet } = range;
  if (range.startRow + rows > sheet.rowCount || range.startColumn + columns > sheet.columnCount) {
    throw invalid(
      `Range (${quoted(sheet.title)}!${letters(range.startColumn + columns - 1)}${range.startRow + rows}) exceeds grid limits. Max rows: ${sheet.rowCount}, max columns: ${sheet.columnCount}`,
    );
  }
  let cells = 0;
  values.forEach((row, r) => {
    row.forEach((value, c) => {
      const parsed = parseInput(value, option);
      if (parsed === null) return;
      const target = range.startRow + r;
      while (sheet.cells.length <= target) sheet.cells.push([]);
      sheet.cells[target][range.startColumn + c] = parsed;
      cells++;
    });
  });
  // Holes left by sparse writes read as empty cells.
  for (const row of sheet.cells) for (let c = 0; c < row.length; c++) if (row[c] === undefined) row[c] = '';
  return {
    updatedRange: a1Of(range, range.startRow + rows, range.startColumn + columns),
    updatedRows: rows,
    updatedColumns: columns,
    updatedCells: cells,
  };
}

function appendRows(
  state: SpreadsheetState,
  spreadsheetId: string,
  text: string,
  values: unknown[][],
  option: 'RAW' | 'USER_ENTERED',
) {
  const range = resolveRange(state, text);
  const { sheet } = range;
  // The "table" is the range's columns; rows go after its last non-empty row.
  let last = -1;
  sheet.cells.forEach((row, r) => {
    for (let c = range.startColumn; c < Math.min(range.endColumn, row.length); c++)
      if (!isEmpty(row[c])) last = r;
  });
  const first = Math.max(last + 1, range.startRow);
  const needed = first + values.length;
  if (needed > sheet.rowCount) sheet.rowCount = needed; // append grows the grid
  const columns = Math.max(0, ...values.map((row) => row.length));
  if (range.startColumn + columns > sheet.columnCount) sheet.columnCount = range.startColumn + columns;
  const target = `${quoted(sheet.title)}!${letters(range.startColumn)}${first + 1}`;
  const updates = writeRange(state, target, values, option);
  return { spreadsheetId, tableRange: a1Of(range), updates: { spreadsheetId, ...updates } };
}

// ---------------------------------------------------------------------------------------------------
// spreadsheets.get

function getSpreadsheet(spreadsheet: StandInSpreadsheet, query: URLSearchParams) {
  const { state } = spreadsheet;
  const fields = query.get('fields') ?? '';
  const gridData = query.get('includeGridData') === 'true';
  const withData = gridData || /\bdata\b|columnMetadata/.test(fields);
  const spreadsheetMetadata = state.metadata.filter((entry) => entry.location.locationType === 'SPREADSHEET');
  return {
    spreadsheetId: spreadsheet.spreadsheetId,
    properties: { title: spreadsheet.title, locale: 'en_US', timeZone: 'Etc/GMT', autoRecalc: 'ON_CHANGE' },
    sheets: [...state.sheets]
      .sort((a, b) => a.index - b.index)
      .map((sheet) => {
        const sheetMetadata = state.metadata.filter(
          (entry) => entry.location.locationType === 'SHEET' && entry.location.sheetId === sheet.sheetId,
        );
        return {
          properties: sheetProperties(sheet),
          ...(sheetMetadata.length > 0 ? { developerMetadata: sheetMetadata } : {}),
          ...(sheet.charts.length > 0 ? { charts: sheet.charts } : {}),
          ...(withData ? { data: [gridDataOf(state, sheet, gridData)] } : {}),
        };
      }),
    ...(spreadsheetMetadata.length > 0 ? { developerMetadata: spreadsheetMetadata } : {}),
    spreadsheetUrl: `https://docs.google.com/spreadsheets/d/${spreadsheet.spreadsheetId}/edit`,
  };
}

function sheetProperties(sheet: StandInSheet) {
  return {
    sheetId: sheet.sheetId,
    title: sheet.title,
    index: sheet.index,
    sheetType: 'GRID',
    gridProperties: { rowCount: sheet.rowCount, columnCount: sheet.columnCount },
    ...(sheet.hidden ? { hidden: true } : {}),
  };
}

/** GridData for the whole sheet: column metadata (developer metadata per column) and, when asked, cells. */
function gridDataOf(state: SpreadsheetState, sheet: StandInSheet, withCells: boolean) {
  const onDimension = (dimension: 'ROWS' | 'COLUMNS', index: number) =>
    state.metadata.filter(
      (entry) =>
        entry.location.dimensionRange?.sheetId === sheet.sheetId &&
        entry.location.dimensionRange.dimension === dimension &&
        entry.location.dimensionRange.startIndex <= index &&
        index < entry.location.dimensionRange.endIndex,
    );
  const columnMetadata = Array.from({ length: sheet.columnCount }, (_, c) => {
    const metadata = onDimension('COLUMNS', c);
    return { pixelSize: 100, ...(metadata.length > 0 ? { developerMetadata: metadata } : {}) };
  });
  const rowData = withCells
    ? trimRows(sheet.cells).map((row) => ({
        values: row.map((value) =>
          isEmpty(value)
            ? {}
            : {
                effectiveValue:
                  typeof value === 'number'
                    ? { numberValue: value }
                    : typeof value === 'boolean'
                      ? { boolValue: value }
                      : { stringValue: value },
                formattedValue: String(value),
              },
        ),
      }))
    : undefined;
  return { startRow: 0, startColumn: 0, columnMetadata, ...(rowData ? { rowData } : {}) };
}

// ---------------------------------------------------------------------------------------------------
// spreadsheets.batchUpdate

function sheetById(state: SpreadsheetState, sheetId: unknown, where: string): StandInSheet {
  const sheet = state.sheets.find((candidate) => candidate.sheetId === (sheetId ?? 0));
  if (!sheet) throw invalid(`Invalid requests[${where}]: No grid with id: ${sheetId}`);
  return sheet;
}

function reindex(state: SpreadsheetState) {
  [...state.sheets]
    .sort((a, b) => a.index - b.index)
    .forEach((sheet, index) => {
      sheet.index = index;
    });
}

function freeId(state: SpreadsheetState, taken: number[]): number {
  while (taken.includes(state.nextId)) state.nextId++;
  return state.nextId++;
}

interface GridRangeInput {
  sheetId?: number;
  startRowIndex?: number;
  endRowIndex?: number;
  startColumnIndex?: number;
  endColumnIndex?: number;
}

function checkGridRange(
  state: SpreadsheetState,
  range: GridRangeInput | undefined,
  where: string,
): StandInSheet {
  const sheet = sheetById(state, range?.sheetId, where);
  const endRow = range?.endRowIndex ?? sheet.rowCount;
  const endColumn = range?.endColumnIndex ?? sheet.columnCount;
  if (endRow > sheet.rowCount || endColumn > sheet.columnCount) {
    throw invalid(
      `Invalid requests[${where}]: Range ${quoted(sheet.title)}!${letters(endColumn - 1)}${endRow} exceeds grid limits. Max rows: ${sheet.rowCount}, max columns: ${sheet.columnCount}`,
    );
  }
  return sheet;
}

function applyRequest(
  state: SpreadsheetState,
  request: Record<string, unknown>,
  i: number,
): Record<string, unknown> {
  const kinds = Object.keys(request);
  if (kinds.length !== 1) throw invalid(`Invalid requests[${i}]: exactly one kind of request expected`);
  const kind = kinds[0];
  const where = `${i}].${kind}`;
  const body = request[kind] as Record<string, unknown>;
  switch (kind) {
    case 'addSheet': {
      const properties = (body.properties ?? {}) as {
        sheetId?: number;
        title?: string;
        index?: number;
        hidden?: boolean;
        gridProperties?: { rowCount?: number; columnCount?: number };
      };
      const ids = state.sheets.map((sheet) => sheet.sheetId);
      if (properties.sheetId !== undefined && ids.includes(properties.sheetId)) {
        throw invalid(`Invalid requests[${where}]: Sheet with id ${properties.sheetId} already exists.`);
      }
      let title = properties.title;
      if (title === undefined)
        for (let n = state.sheets.length + 1; !title || state.sheets.some((s) => s.title === title); n++)
          title = `Sheet${n}`;
      if (state.sheets.some((sheet) => sheet.title.toLowerCase() === (title as string).toLowerCase())) {
        throw invalid(
          `Invalid requests[${where}]: A sheet with the name "${title}" already exists. Please enter another name.`,
        );
      }
      const index = Math.min(properties.index ?? state.sheets.length, state.sheets.length);
      for (const sheet of state.sheets) if (sheet.index >= index) sheet.index++;
      const sheet: StandInSheet = {
        sheetId: properties.sheetId ?? freeId(state, ids),
        title: title as string,
        index,
        hidden: properties.hidden === true,
        rowCount: properties.gridProperties?.rowCount ?? 1000,
        columnCount: properties.gridProperties?.columnCount ?? 26,
        cells: [],
        charts: [],
        bold: [],
      };
      state.sheets.push(sheet);
      reindex(state);
      return { addSheet: { properties: sheetProperties(sheet) } };
    }
    case 'deleteSheet': {
      const sheet = sheetById(state, body.sheetId, where);
      state.sheets = state.sheets.filter((candidate) => candidate !== sheet);
      state.metadata = state.metadata.filter(
        (entry) =>
          entry.location.sheetId !== sheet.sheetId &&
          entry.location.dimensionRange?.sheetId !== sheet.sheetId,
      );
      reindex(state);
      return {};
    }
    case 'updateSheetProperties': {
      const properties = (body.properties ?? {}) as {
        sheetId?: number;
        title?: string;
        hidden?: boolean;
        gridProperties?: { rowCount?: number; columnCount?: number };
      };
      const fields = String(body.fields ?? '');
      if (fields === '')
        throw invalid(
          `Invalid requests[${where}]: At least one field must be updated, but none was specified.`,
        );
      const sheet = sheetById(state, properties.sheetId, where);
      const has = (field: string) =>
        fields === '*' ||
        fields
          .split(',')
          .map((f) => f.trim())
          .includes(field);
      if (has('title') && properties.title) sheet.title = properties.title;
      if (has('hidden')) sheet.hidden = properties.hidden === true;
      if (has('gridProperties.rowCount') && properties.gridProperties?.rowCount) {
        sheet.rowCount = properties.gridProperties.rowCount;
      }
      if (has('gridProperties.columnCount') && properties.gridProperties?.columnCount) {
        sheet.columnCount = properties.gridProperties.columnCount;
      }
      if (state.sheets.every((candidate) => candidate.hidden)) {
        throw invalid(`Invalid requests[${where}]: You can't hide all the sheets in a document.`);
      }
      return {};
    }
    case 'appendDimension': {
      const sheet = sheetById(state, body.sheetId, where);
      const length = Number(body.length);
      if (!(length > 0)) throw invalid(`Invalid requests[${where}]: length must be positive`);
      if (body.dimension === 'ROWS') sheet.rowCount += length;
      else if (body.dimension === 'COLUMNS') sheet.columnCount += length;
      else throw invalid(`Invalid requests[${where}]: dimension must be ROWS or COLUMNS`);
      return {};
    }
    case 'insertDimension': {
      const range = (body.range ?? {}) as {
        sheetId?: number;
        dimension?: string;
        startIndex?: number;
        endIndex?: number;
      };
      const sheet = sheetById(state, range.sheetId, where);
      const start = range.startIndex ?? 0;
      const count = (range.endIndex ?? 0) - start;
      const size = range.dimension === 'ROWS' ? sheet.rowCount : sheet.columnCount;
      if (count <= 0 || start > size) throw invalid(`Invalid requests[${where}]: invalid range`);
      if (body.inheritFromBefore === true && start === 0) {
        throw invalid(
          `Invalid requests[${where}]: Cannot inherit properties from before the first row or column.`,
        );
      }
      if (range.dimension === 'ROWS') {
        sheet.rowCount += count;
        if (start < sheet.cells.length)
          sheet.cells.splice(start, 0, ...Array.from({ length: count }, () => []));
      } else {
        sheet.columnCount += count;
        for (const row of sheet.cells)
          if (start < row.length) row.splice(start, 0, ...Array<CellValue>(count).fill(''));
      }
      for (const entry of state.metadata) {
        const dimension = entry.location.dimensionRange;
        if (!dimension || dimension.sheetId !== sheet.sheetId || dimension.dimension !== range.dimension)
          continue;
        if (dimension.startIndex >= start) {
          dimension.startIndex += count;
          dimension.endIndex += count;
        } else if (dimension.endIndex > start) dimension.endIndex += count;
      }
      return {};
    }
    case 'createDeveloperMetadata': {
      const input = (body.developerMetadata ?? {}) as {
        metadataId?: number;
        metadataKey?: string;
        metadataValue?: string;
        visibility?: string;
        location?: {
          spreadsheet?: boolean;
          sheetId?: number;
          dimensionRange?: { sheetId?: number; dimension?: string; startIndex?: number; endIndex?: number };
        };
      };
      if (!input.metadataKey) throw invalid(`Invalid requests[${where}]: Developer metadata must have a key`);
      if (input.visibility !== 'DOCUMENT' && input.visibility !== 'PROJECT') {
        throw invalid(`Invalid requests[${where}]: Developer metadata visibility must be specified`);
      }
      const location = input.location ?? {};
      let resolved: DeveloperMetadataLocation;
      if (location.dimensionRange) {
        const range = location.dimensionRange;
        const sheet = sheetById(state, range.sheetId, where);
        const dimension = range.dimension === 'ROWS' ? 'ROWS' : 'COLUMNS';
        const size = dimension === 'ROWS' ? sheet.rowCount : sheet.columnCount;
        const start = range.startIndex ?? 0;
        const end = range.endIndex ?? size;
        if (start < 0 || end > size || end <= start) {
          throw invalid(`Invalid requests[${where}]: The dimension range is outside the sheet's grid`);
        }
        resolved = {
          locationType: dimension === 'ROWS' ? 'ROW' : 'COLUMN',
          dimensionRange: { sheetId: sheet.sheetId, dimension, startIndex: start, endIndex: end },
        };
      } else if (location.sheetId !== undefined) {
        sheetById(state, location.sheetId, where);
        resolved = { locationType: 'SHEET', sheetId: location.sheetId };
      } else if (location.spreadsheet) {
        resolved = { locationType: 'SPREADSHEET', spreadsheet: true };
      } else {
        throw invalid(`Invalid requests[${where}]: Developer metadata must have a location`);
      }
      const ids = state.metadata.map((entry) => entry.metadataId);
      if (input.metadataId !== undefined && ids.includes(input.metadataId)) {
        throw invalid(
          `Invalid requests[${where}]: Developer metadata with id ${input.metadataId} already exists`,
        );
      }
      const metadata: DeveloperMetadata = {
        metadataId: input.metadataId ?? freeId(state, ids),
        metadataKey: input.metadataKey,
        ...(input.metadataValue !== undefined ? { metadataValue: input.metadataValue } : {}),
        location: resolved,
        visibility: input.visibility,
      };
      state.metadata.push(metadata);
      return { createDeveloperMetadata: { developerMetadata: metadata } };
    }
    case 'deleteDeveloperMetadata': {
      const lookup = ((body.dataFilter ?? {}) as { developerMetadataLookup?: Record<string, unknown> })
        .developerMetadataLookup;
      if (!lookup) throw invalid(`Invalid requests[${where}]: a developerMetadataLookup is required`);
      const deleted = matchMetadata(state.metadata, lookup);
      state.metadata = state.metadata.filter((entry) => !deleted.includes(entry));
      return { deleteDeveloperMetadata: { deletedDeveloperMetadata: deleted } };
    }
    case 'addChart': {
      const chart = (body.chart ?? {}) as {
        chartId?: number;
        spec?: { basicChart?: { domains?: SourceHolder[]; series?: SourceHolder[] } };
        position?: {
          overlayPosition?: { anchorCell?: { sheetId?: number; rowIndex?: number; columnIndex?: number } };
        };
      };
      const anchor = chart.position?.overlayPosition?.anchorCell;
      if (!anchor) throw invalid(`Invalid requests[${where}]: chart position is required`);
      const sheet = sheetById(state, anchor.sheetId, where);
      if ((anchor.rowIndex ?? 0) >= sheet.rowCount || (anchor.columnIndex ?? 0) >= sheet.columnCount) {
        throw invalid(`Invalid requests[${where}]: The anchor cell is outside the sheet's grid`);
      }
      const basic = chart.spec?.basicChart;
      if (!basic?.domains?.length) throw invalid(`Invalid requests[${where}]: a chart needs a domain`);
      for (const holder of [
        ...basic.domains.map((d) => d.domain),
        ...(basic.series ?? []).map((s) => s.series),
      ]) {
        for (const source of holder?.sourceRange?.sources ?? []) checkGridRange(state, source, where);
      }
      const taken = state.sheets.flatMap((candidate) => candidate.charts.map((c) => c.chartId));
      const stored: StandInChart = {
        chartId: chart.chartId ?? freeId(state, taken),
        spec: chart.spec as Record<string, unknown>,
        position: chart.position as Record<string, unknown>,
      };
      sheet.charts.push(stored);
      return { addChart: { chart: stored } };
    }
    case 'deleteEmbeddedObject': {
      const sheet = state.sheets.find((candidate) =>
        candidate.charts.some((chart) => chart.chartId === body.objectId),
      );
      if (!sheet) throw invalid(`Invalid requests[${where}]: No embedded object with id: ${body.objectId}`);
      sheet.charts = sheet.charts.filter((chart) => chart.chartId !== body.objectId);
      return {};
    }
    case 'repeatCell': {
      const range = body.range as GridRangeInput;
      const sheet = checkGridRange(state, range, where);
      const bold = (body.cell as { userEnteredFormat?: { textFormat?: { bold?: boolean } } })
        ?.userEnteredFormat?.textFormat?.bold;
      if (String(body.fields ?? '').includes('bold')) {
        for (let r = range.startRowIndex ?? 0; r < (range.endRowIndex ?? sheet.rowCount); r++) {
          for (let c = range.startColumnIndex ?? 0; c < (range.endColumnIndex ?? sheet.columnCount); c++) {
            const key = `${r},${c}`;
            sheet.bold = sheet.bold.filter((entry) => entry !== key);
            if (bold) sheet.bold.push(key);
          }
        }
      }
      return {};
    }
    case 'updateCells': {
      // Only clearing is modelled: no rows and a mask naming userEnteredValue empties the range.
      const range = body.range as GridRangeInput;
      const sheet = checkGridRange(state, range, where);
      if (body.rows) throw invalid(`stand-in: updateCells with rows is not modelled`);
      if (String(body.fields ?? '').match(/userEnteredValue|\*/)) {
        for (
          let r = range.startRowIndex ?? 0;
          r < Math.min(range.endRowIndex ?? sheet.rowCount, sheet.cells.length);
          r++
        ) {
          const row = sheet.cells[r];
          for (
            let c = range.startColumnIndex ?? 0;
            c < Math.min(range.endColumnIndex ?? sheet.columnCount, row.length);
            c++
          )
            row[c] = '';
        }
      }
      return {};
    }
    default:
      throw invalid(
        `Invalid JSON payload received. Unknown name "${kind}" at 'requests[${i}]': Cannot find field.`,
      );
  }
}

interface SourceHolder {
  domain?: { sourceRange?: { sources?: GridRangeInput[] } };
  series?: { sourceRange?: { sources?: GridRangeInput[] } };
}

function matchMetadata(all: DeveloperMetadata[], lookup: Record<string, unknown>): DeveloperMetadata[] {
  return all.filter(
    (entry) =>
      (lookup.metadataId === undefined || entry.metadataId === lookup.metadataId) &&
      (lookup.metadataKey === undefined || entry.metadataKey === lookup.metadataKey) &&
      (lookup.metadataValue === undefined || entry.metadataValue === lookup.metadataValue) &&
      (lookup.locationType === undefined || entry.location.locationType === lookup.locationType),
  );
}
