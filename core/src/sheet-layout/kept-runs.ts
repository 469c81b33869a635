/**
 * The hidden sheet that keeps runs as JSON chunks, one row per chunk, each chunk prefixed so that no
 * chunk can be mistaken for a number, date, boolean or formula.
 */
import { parseRun, type Run } from '../schema/run';
import { plainText, type SheetValue, stripApostrophe, toWholeNumber } from './sheet-values';

/** Name of the hidden sheet that keeps runs as JSON chunks. */
export const RUNS_SHEET_NAME = '_segments_runs';

/**
 * Header row of the kept-runs sheet. Summary (on a run's first chunk row only) is a small JSON of what
 * a run list shows, so listing runs never joins or validates the big chunks; readers that know only
 * the first six columns ignore it.
 */
export const RUNS_SHEET_HEADERS = [
  'Run id',
  'Created at',
  'Name',
  'Chunk',
  'Chunks',
  'JSON',
  'Summary',
] as const;

/** How many runs keep their per-row assignments by default; older runs keep their summary only. */
export const DEFAULT_KEPT_ASSIGNMENT_RUNS = 10;

/** A kept run as a list shows it, read from the Summary cell without parsing the run. */
export interface KeptRunListing {
  id: string;
  name: string;
  createdAt: string;
  k: number;
  rowCount: number;
  sheetName: string;
  /** Whether the kept run still holds its per-row assignments. */
  hasAssignments: boolean;
  segments: { name: string; size: number; share: number }[];
}

/**
 * What a run list shows of a run.
 * @example runListing(run).segments.length // 5
 */
export function runListing(run: Run): KeptRunListing {
  return {
    id: run.id,
    name: run.name,
    createdAt: run.createdAt,
    k: run.k,
    rowCount: run.source.rowCount,
    sheetName: run.source.sheetName ?? '',
    hasAssignments: (run.assignments?.length ?? 0) > 0,
    segments: run.segments.map((segment) => ({
      name: segment.persona.name,
      size: segment.size,
      share: segment.share,
    })),
  };
}

/**
 * The kept runs as a list, newest first, from the sheet's first five columns and Summary only.
 * Runs written before the Summary column existed are named in `unlisted` (read them with
 * {@link decodeRunRows}).
 * @example listKeptRuns(encodeRunRows(run)).runs[0].k // 5
 */
export function listKeptRuns(values: readonly (readonly unknown[])[]): {
  runs: KeptRunListing[];
  unlisted: string[];
} {
  const runs: KeptRunListing[] = [];
  const seen = new Set<string>();
  const unlisted = new Set<string>();
  for (const row of values) {
    const id = row[0] === undefined || row[0] === null ? '' : stripApostrophe(String(row[0]));
    if (id === '' || toWholeNumber(row[3]) === null || toWholeNumber(row[4]) === null) continue;
    const summary = row[6];
    if (typeof summary === 'string' && summary.startsWith(CHUNK_PREFIX) && !seen.has(id)) {
      try {
        runs.push(JSON.parse(summary.slice(CHUNK_PREFIX.length)) as KeptRunListing);
        seen.add(id);
        unlisted.delete(id);
        continue;
      } catch {
        // Fall through: the run is read the long way.
      }
    }
    if (!seen.has(id)) unlisted.add(id);
  }
  runs.sort((a, b) => Date.parse(b.createdAt) - Date.parse(a.createdAt) || (a.id < b.id ? 1 : -1));
  return { runs, unlisted: [...unlisted] };
}

/**
 * Ids of the runs whose assignments should go: all but the newest `keep` runs that still have them
 * (their summaries stay, so they can still be listed, compared and published).
 * @example runsToTrim([{ id: 'a', createdAt: '2026-01-02T00:00:00Z', hasAssignments: true }, { id: 'b', createdAt: '2026-01-01T00:00:00Z', hasAssignments: true }], 1) // ['b']
 */
export function runsToTrim(
  runs: readonly Pick<KeptRunListing, 'id' | 'createdAt' | 'hasAssignments'>[],
  keep = DEFAULT_KEPT_ASSIGNMENT_RUNS,
): string[] {
  const newestFirst = [...runs].sort((a, b) => Date.parse(b.createdAt) - Date.parse(a.createdAt));
  return newestFirst
    .slice(Math.max(0, keep))
    .filter((run) => run.hasAssignments)
    .map((run) => run.id);
}

/** A Sheets cell holds at most 50,000 characters. */
export const MAX_CELL_CHARS = 50_000;

/** Characters of run JSON per cell; with {@link CHUNK_PREFIX} well under {@link MAX_CELL_CHARS}. */
export const RUN_CHUNK_CHARS = 45_000;

/** Starts every JSON chunk cell: keeps Sheets from parsing a chunk such as `123,4` as a number. */
export const CHUNK_PREFIX = 'json:';

/**
 * Rows for the kept-runs sheet, one per JSON chunk: [runId, createdAt, name, chunkIndex (0-based),
 * chunkCount, CHUNK_PREFIX + chunk, Summary (first chunk only, see {@link runListing})]. The whole run
 * is kept, assignments included (they never leave the spreadsheet). Append them below {@link RUNS_SHEET_HEADERS}.
 * @example encodeRunRows(run)[0].slice(0, 6) // ['run-1', '2026-01-01T00:00:00.000Z', 'Mall', 0, 1, 'json:{"schemaVersion":1,…']
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
      i === 0 ? CHUNK_PREFIX + JSON.stringify(runListing(run)) : '',
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
