/**
 * The hidden sheet that keeps runs as JSON chunks, one row per chunk, each chunk prefixed so that no
 * chunk can be mistaken for a number, date, boolean or formula.
 */
import { parseRun, type Run } from '../schema/run';
import { plainText, type SheetValue, stripApostrophe, toWholeNumber } from './sheet-values';

/** Name of the hidden sheet that keeps runs as JSON chunks. */
export const RUNS_SHEET_NAME = '_segments_runs';

/** Header row of the kept-runs sheet. */
export const RUNS_SHEET_HEADERS = ['Run id', 'Created at', 'Name', 'Chunk', 'Chunks', 'JSON'] as const;

/** A Sheets cell holds at most 50,000 characters. */
export const MAX_CELL_CHARS = 50_000;

/** Characters of run JSON per cell; with {@link CHUNK_PREFIX} well under {@link MAX_CELL_CHARS}. */
export const RUN_CHUNK_CHARS = 45_000;

/** Starts every JSON chunk cell: keeps Sheets from parsing a chunk such as `123,4` as a number. */
export const CHUNK_PREFIX = 'json:';

/**
 * Rows for the kept-runs sheet, one per JSON chunk: [runId, createdAt, name, chunkIndex (0-based),
 * chunkCount, CHUNK_PREFIX + chunk]. The whole run is kept, assignments included (they never leave
 * the spreadsheet). Append them below {@link RUNS_SHEET_HEADERS}.
 * @example encodeRunRows(run)[0] // ['run-1', '2026-01-01T00:00:00.000Z', 'Mall', 0, 1, 'json:{"schemaVersion":1,…']
 */
export function encodeRunRows(run: Run): SheetValue[][] {
  const json = JSON.stringify(run);
  const chunkCount = Math.max(1, Math.ceil(json.length / RUN_CHUNK_CHARS));
  const rows: SheetValue[][] = [];
  for (let i = 0; i < chunkCount; i++) {
    rows.push([
      plainText(run.id),
      run.createdAt,
      plainText(run.name),
      i,
      chunkCount,
      CHUNK_PREFIX + json.slice(i * RUN_CHUNK_CHARS, (i + 1) * RUN_CHUNK_CHARS),
    ]);
  }
  return rows;
}

/** What {@link decodeRunRows} found besides the valid runs. */
export interface DecodedRuns {
  /** Valid runs, newest first. */
  runs: Run[];
  /** Why a kept run could not be read (incomplete chunks, bad JSON, invalid run), one line each. */
  problems: string[];
}

/**
 * Reads the kept-runs sheet's values (header row optional, rows in any order, other writers' rows
 * tolerated): groups chunks by run id, joins them in chunk order, validates each run with parseRun.
 * Runs that are incomplete or invalid are skipped and reported in `problems`.
 * @example decodeRunRows(encodeRunRows(run)).runs[0].id // 'run-1'
 */
export function decodeRunRows(values: readonly (readonly unknown[])[]): DecodedRuns {
  const groups = new Map<string, { count: number; chunks: Map<number, string> }>();
  const problems: string[] = [];
  for (const row of values) {
    const id = row[0] === undefined || row[0] === null ? '' : stripApostrophe(String(row[0]));
    const index = toWholeNumber(row[3]);
    const count = toWholeNumber(row[4]);
    const cell = row[5];
    if (id === '' || index === null || count === null || typeof cell !== 'string') continue; // header, blank or foreign row
    if (!cell.startsWith(CHUNK_PREFIX) || index >= count) continue;
    let group = groups.get(id);
    if (!group) {
      group = { count, chunks: new Map() };
      groups.set(id, group);
    }
    group.count = Math.max(group.count, count);
    group.chunks.set(index, cell.slice(CHUNK_PREFIX.length));
  }
  const runs: Run[] = [];
  for (const [id, group] of groups) {
    const parts: string[] = [];
    for (let i = 0; i < group.count; i++) {
      const part = group.chunks.get(i);
      if (part === undefined) break;
      parts.push(part);
    }
    if (parts.length !== group.count) {
      problems.push(`Run ${id} is incomplete: ${parts.length} of ${group.count} chunks are in the sheet`);
      continue;
    }
    try {
      runs.push(parseRun(JSON.parse(parts.join('')), `kept run ${id}`));
    } catch (error) {
      problems.push(error instanceof Error ? error.message.split('\n')[0] : `Run ${id} could not be read`);
    }
  }
  runs.sort((a, b) => Date.parse(b.createdAt) - Date.parse(a.createdAt) || (a.id < b.id ? 1 : -1));
  return { runs, problems };
}
