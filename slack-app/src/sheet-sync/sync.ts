/**
 * Connected spreadsheets: a team links a spreadsheet once (`/segments connect-sheet`), and the runs it
 * keeps are imported into the team's store then and on every sync (`/segments sync`, and a background
 * sync every SEGMENTS_SYNC_MINUTES). Imports go through `store.saveRun`, so they are idempotent by run
 * id, and only run summaries (no per-customer assignments) are stored.
 */

import { toRunSummary } from '@segments/core';
import { parseSpreadsheetId, pullRuns, SheetsAccessError, type SheetsClient } from '@segments/sheets-api';
import type { RunStore, SqlQueryable } from '@segments/store';
import * as z from 'zod';

/** A spreadsheet a team connected. */
export interface SheetLink {
  team: string;
  spreadsheetId: string;
  title: string;
  linkedBy?: string;
  /** When the last sync finished (ISO 8601), successful or not. */
  syncedAt?: string;
  /** Why the last sync failed; undefined after a successful one. */
  lastError?: string;
}

/** What one import found and stored. */
export interface ImportResult {
  spreadsheetId: string;
  title: string;
  /** Valid runs kept in the spreadsheet. */
  found: number;
  /** Of those, runs the team did not have yet. */
  imported: number;
  /** Kept runs that could not be read. */
  problems: string[];
}

/**
 * Imports the runs a spreadsheet keeps into a team's store (summaries only; idempotent by run id).
 * @throws SheetsAccessError when the spreadsheet cannot be read (message says what to do)
 * @example const { imported } = await importSheetRuns(store, client, 'T123', '1AbC…')
 */
export async function importSheetRuns(
  store: RunStore,
  client: SheetsClient,
  team: string,
  spreadsheetId: string,
): Promise<ImportResult> {
  const pulled = await pullRuns(client, spreadsheetId);
  let imported = 0;
  // Oldest first, so store order (created_at, then save time) matches the sheet's history.
  for (const run of [...pulled.runs].reverse()) {
    const saved = await store.saveRun(team, toRunSummary(run));
    if (saved.created) imported++;
  }
  return {
    spreadsheetId,
    title: pulled.title,
    found: pulled.runs.length,
    imported,
    problems: pulled.problems,
  };
}

/**
 * Connects a spreadsheet to a team: checks access by importing its kept runs, then remembers the
 * link (connecting again refreshes it).
 * @throws SheetsAccessError for a bad URL/id or a spreadsheet the credentials cannot read
 * @example await connectSheet(store, client, 'T123', 'https://docs.google.com/spreadsheets/d/1AbC…/edit', 'U42')
 */
export async function connectSheet(
  store: RunStore,
  client: SheetsClient,
  team: string,
  urlOrId: string,
  linkedBy?: string,
): Promise<ImportResult> {
  const spreadsheetId = parseSpreadsheetId(urlOrId);
  const result = await importSheetRuns(store, client, team, spreadsheetId);
  await store.database.query(
    `INSERT INTO sheet_links (team, spreadsheet_id, title, linked_by, synced_at, last_error)
     VALUES ($1, $2, $3, $4, now(), NULL)
     ON CONFLICT (team, spreadsheet_id)
     DO UPDATE SET title = EXCLUDED.title, synced_at = EXCLUDED.synced_at, last_error = NULL`,
    [team, spreadsheetId, result.title, linkedBy ?? null],
  );
  return result;
}

interface SheetLinkRow {
  team: string;
  spreadsheet_id: string;
  title: string;
  linked_by: string | null;
  synced_at: Date | string | null;
  last_error: string | null;
}

/**
 * The spreadsheets a team connected (every team's when `team` is undefined), oldest link first.
 * @example await listSheetLinks(store.database, 'T123')
 */
export async function listSheetLinks(db: SqlQueryable, team?: string): Promise<SheetLink[]> {
  const rows =
    team === undefined
      ? await db.query<SheetLinkRow>('SELECT * FROM sheet_links ORDER BY linked_at, team, spreadsheet_id')
      : await db.query<SheetLinkRow>(
          'SELECT * FROM sheet_links WHERE team = $1 ORDER BY linked_at, spreadsheet_id',
          [team],
        );
  return rows.map((row) => ({
    team: row.team,
    spreadsheetId: row.spreadsheet_id,
    title: row.title,
    ...(row.linked_by ? { linkedBy: row.linked_by } : {}),
    ...(row.synced_at ? { syncedAt: new Date(row.synced_at).toISOString() } : {}),
    ...(row.last_error ? { lastError: row.last_error } : {}),
  }));
}

/** One link's sync: what was imported, or why it failed. */
export type SyncOutcome =
  | { link: SheetLink; ok: true; result: ImportResult }
  | { link: SheetLink; ok: false; error: string };

/**
 * Re-imports the runs of connected spreadsheets — one team's, or every team's — one link at a time.
 * A failing spreadsheet (unshared, deleted, quota) is recorded on its link and does not stop the
 * others; this never throws for a Sheets failure.
 * @example const outcomes = await syncSheets(store, client, 'T123')
 */
export async function syncSheets(
  store: RunStore,
  client: SheetsClient,
  team?: string,
): Promise<SyncOutcome[]> {
  const outcomes: SyncOutcome[] = [];
  for (const link of await listSheetLinks(store.database, team)) {
    try {
      const result = await importSheetRuns(store, client, link.team, link.spreadsheetId);
      await store.database.query(
        'UPDATE sheet_links SET title = $3, synced_at = now(), last_error = NULL WHERE team = $1 AND spreadsheet_id = $2',
        [link.team, link.spreadsheetId, result.title],
      );
      outcomes.push({ link, ok: true, result });
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      await store.database.query(
        'UPDATE sheet_links SET synced_at = now(), last_error = $3 WHERE team = $1 AND spreadsheet_id = $2',
        [link.team, link.spreadsheetId, message],
      );
      outcomes.push({ link, ok: false, error: message });
    }
  }
  return outcomes;
}

/** Minutes between background syncs when SEGMENTS_SYNC_MINUTES is unset. */
export const DEFAULT_SYNC_MINUTES = 15;

const syncMinutesSchema = z.preprocess(
  (value) =>
    value === undefined || (typeof value === 'string' && value.trim() === '')
      ? DEFAULT_SYNC_MINUTES
      : Number(value),
  z
    .number({
      error: 'SEGMENTS_SYNC_MINUTES must be a whole number of minutes (0 turns the background sync off)',
    })
    .int({
      error: 'SEGMENTS_SYNC_MINUTES must be a whole number of minutes (0 turns the background sync off)',
    })
    .min(0, { error: 'SEGMENTS_SYNC_MINUTES must be 0 (off) or more' })
    .max(24 * 60, { error: 'SEGMENTS_SYNC_MINUTES must be at most 1440 (once a day)' }),
);

/**
 * SEGMENTS_SYNC_MINUTES from the environment: default 15, 0 = off.
 * @throws Error with a readable message when it is not a whole number from 0 to 1440
 * @example sheetSyncMinutes({ SEGMENTS_SYNC_MINUTES: '0' }) // 0
 */
export function sheetSyncMinutes(env: Record<string, string | undefined>): number {
  const parsed = syncMinutesSchema.safeParse(env.SEGMENTS_SYNC_MINUTES);
  if (!parsed.success) throw new Error(z.prettifyError(parsed.error));
  return parsed.data;
}

/** Options of {@link startSheetSync}. */
export interface SheetSyncOptions {
  /** Minutes between syncs; 0 = off (see {@link sheetSyncMinutes}). */
  minutes: number;
  /** Makes the Sheets client (called per sync, only when some spreadsheet is connected). */
  client: () => SheetsClient;
  /** Where failures are reported; default console.warn. */
  log?: (message: string) => void;
}

/**
 * Starts the background sync: every `minutes`, re-imports every connected spreadsheet. It never
 * crashes the app: every failure is logged and the next tick tries again; a tick is skipped while
 * the previous one still runs. The timer does not keep the process alive.
 * @example const sync = startSheetSync(store, { minutes: 15, client: () => createSheetsClient() }); … sync.stop()
 */
export function startSheetSync(store: RunStore, options: SheetSyncOptions): { stop(): void } {
  if (options.minutes <= 0) return { stop() {} };
  const log = options.log ?? ((message: string) => console.warn(`[segments] ${message}`));
  let running = false;
  const tick = async () => {
    if (running) return;
    running = true;
    try {
      const links = await listSheetLinks(store.database);
      if (links.length === 0) return;
      const outcomes = await syncSheets(store, options.client());
      for (const outcome of outcomes) {
        if (!outcome.ok)
          log(
            `sheet sync of ${outcome.link.spreadsheetId} (team ${outcome.link.team}) failed: ${outcome.error}`,
          );
      }
    } catch (error) {
      log(
        `sheet sync failed: ${error instanceof SheetsAccessError || error instanceof Error ? error.message : String(error)}`,
      );
    } finally {
      running = false;
    }
  };
  const timer = setInterval(() => {
    tick().catch(() => undefined);
  }, options.minutes * 60_000);
  timer.unref();
  return {
    stop() {
      clearInterval(timer);
    },
  };
}
