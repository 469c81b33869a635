/**
 * File I/O for the CLI: reading customer tables and runs, writing CSV and JSON. Core never sees a
 * path; it gets text and cells.
 */
import {
  closeSync,
  openSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
  writeFileSync,
  writeSync,
} from 'node:fs';
import { basename, extname, resolve } from 'node:path';
import {
  type ParseDelimitedOptions,
  PERSONA_HEADER,
  parseDelimited,
  plainText,
  type Run,
  SEGMENT_HEADER,
  SegmentationError,
  type Table,
  type TypedTable,
} from '@segments/core';

/** A user-facing failure outside core (file missing, unwritable): exit code 1. */
export class CliError extends Error {
  override name = 'CliError';
}

/**
 * Reads a CSV/TSV file into a table. Tab-separated when the extension is .tsv/.tab or the header has
 * more tabs than commas.
 * @throws CliError when the path is missing or a directory; SegmentationError for bad content
 */
export function readTableFile(path: string, cwd: string): { table: Table; fileName: string } {
  const text = readTextFile(path, cwd, 'a CSV or TSV file of customers');
  const extension = extname(path).toLowerCase();
  const fileName = basename(path);
  const table = parseDelimited(text, {
    source: fileName,
    delimiter: extension === '.tsv' || extension === '.tab' ? '\t' : undefined,
  });
  return { table, fileName };
}

/**
 * Reads a CSV/TSV file as text, with the parse options its name implies (tab-separated for .tsv/.tab):
 * the segment command hands both to core, which picks the typed or the general path.
 * @throws CliError when the path is missing or a directory
 */
export function readDelimitedFile(
  path: string,
  cwd: string,
): { text: string; fileName: string; parse: ParseDelimitedOptions } {
  const text = readTextFile(path, cwd, 'a CSV or TSV file of customers');
  const extension = extname(path).toLowerCase();
  const fileName = basename(path);
  return {
    text,
    fileName,
    parse: { source: fileName, delimiter: extension === '.tsv' || extension === '.tab' ? '\t' : undefined },
  };
}

/** Reads a UTF-8 text file, with messages that say what was expected. */
export function readTextFile(path: string, cwd: string, expected: string): string {
  const full = resolve(cwd, path);
  let stats: ReturnType<typeof statSync>;
  try {
    stats = statSync(full);
  } catch {
    throw new CliError(`cannot read "${path}": no such file (expected ${expected})`);
  }
  if (stats.isDirectory()) throw new CliError(`"${path}" is a folder, not a file (expected ${expected})`);
  try {
    return readFileSync(full, 'utf8');
  } catch (error) {
    throw new CliError(`cannot read "${path}": ${(error as Error).message}`);
  }
}

/** Reads and parses a JSON file. */
export function readJsonFile(path: string, cwd: string, expected: string): unknown {
  const text = readTextFile(path, cwd, expected);
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new SegmentationError(
      'INVALID_RUN',
      `"${path}" is not valid JSON (${(error as Error).message}); expected ${expected}`,
      { field: path },
    );
  }
}

/** One CSV field, quoted when it holds a comma, quote, newline or edge spaces. */
export function csvField(value: unknown): string {
  const text =
    value === null || value === undefined ? '' : value instanceof Date ? value.toISOString() : String(value);
  return /[",\r\n\t]|^\s|\s$/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** A table as CSV text (CRLF-free, trailing newline). */
export function toCsv(rows: readonly (readonly unknown[])[], delimiter = ','): string {
  return `${rows.map((row) => row.map(csvField).join(delimiter)).join('\n')}\n`;
}

/** Writes a file, turning OS errors into a CliError that names the path. */
export function writeTextFile(path: string, cwd: string, text: string): string {
  const full = resolve(cwd, path);
  try {
    writeFileSync(full, text, 'utf8');
  } catch (error) {
    throw new CliError(`cannot write "${path}": ${(error as Error).message}`);
  }
  return full;
}

/** `dir/name.csv` → `name.<suffix>.csv` in the working directory (inputs may sit in read-only folders). */
export function defaultOutputPath(inputPath: string, suffix: string): string {
  const extension = extname(inputPath) || '.csv';
  return `${basename(inputPath, extname(inputPath))}.${suffix}${extension}`;
}

/** True when {@link writeSegmentedCsv} can copy the input's lines: comma-separated, no Segment/Persona yet. */
export function canCopyLines(typed: TypedTable): boolean {
  return (
    typed.delimiter === ',' &&
    !typed.headers.includes(SEGMENT_HEADER) &&
    !typed.headers.includes(PERSONA_HEADER)
  );
}

const WRITE_CHUNK_CHARS = 1 << 20;

/**
 * Writes the input's records, each line copied as it was, plus Segment and Persona: the same CSV
 * `toCsv` would write for those rows, streamed in 1 MB pieces. All or nothing: it writes a
 * temporary file beside the target and renames it over the target at the end.
 * @throws CliError naming the path when the file cannot be written
 */
export function writeSegmentedCsv(path: string, cwd: string, typed: TypedTable, run: Run): string {
  const full = resolve(cwd, path);
  const temporary = `${full}.${process.pid}.partial`;
  const assignments = run.assignments ?? [];
  // One suffix per segment (and '' for rows left out), built once.
  const suffixes = [
    ',,',
    ...run.segments.map((segment, s) => `,${s + 1},${csvField(plainText(segment.persona.name))}`),
  ];
  let fd: number | undefined;
  try {
    fd = openSync(temporary, 'w');
    let chunk = `${[...typed.headers, SEGMENT_HEADER, PERSONA_HEADER].map((name) => csvField(name)).join(',')}\n`;
    for (let r = 0; r < typed.rowCount; r++) {
      const segment = assignments[r] ?? -1;
      chunk += `${typed.text.slice(typed.recordStart[r], typed.recordEnd[r])}${suffixes[segment + 1]}\n`;
      if (chunk.length >= WRITE_CHUNK_CHARS) {
        writeSync(fd, chunk);
        chunk = '';
      }
    }
    writeSync(fd, chunk);
    closeSync(fd);
    fd = undefined;
    renameSync(temporary, full);
  } catch (error) {
    if (fd !== undefined) closeSync(fd);
    rmSync(temporary, { force: true });
    throw new CliError(`cannot write "${path}": ${(error as Error).message}`);
  }
  return full;
}
