/**
 * The CLI's view of the run store: the same store as the Slack app's (PGlite in SEGMENTS_DATA_DIR,
 * default ./.segments; DATABASE_URL for a server), always as team `local`.
 */
import { resolve } from 'node:path';
import type { Run } from '@segments/core';
import { openRunStore, type RunStore } from '@segments/store';
import type { CliIo } from './io';

export const LOCAL_TEAM = 'local';

/** Opens the store the environment names, resolving the data folder against the working directory. */
export function openLocalStore(io: CliIo): Promise<RunStore> {
  return openRunStore({
    databaseUrl: io.env.DATABASE_URL,
    dataDir: resolve(io.cwd, io.env.SEGMENTS_DATA_DIR?.trim() || '.segments'),
  });
}

/** Runs `work` with the local store open, closing it afterwards (PGlite keeps the process alive otherwise). */
export async function withLocalStore<T>(io: CliIo, work: (store: RunStore) => Promise<T>): Promise<T> {
  const store = await openLocalStore(io);
  try {
    return await work(store);
  } finally {
    await store.close();
  }
}

/** Saves a run (with its assignments: this store is on the user's machine) for team `local`. */
export function saveRunLocally(run: Run, io: CliIo): Promise<{ created: boolean }> {
  return withLocalStore(io, (store) => store.saveRun(LOCAL_TEAM, run));
}
