/**
 * The CLI's view of the run store: the same store as the Slack app's (PGlite in SEGMENTS_DATA_DIR,
 * default ./.segments; DATABASE_URL for a server), always as team `local`.
 *
 * A process opens each store once and keeps it: opening PGlite costs 0.2 s (an existing folder) to
 * 3–5 s (a new one), so commands run in-process one after another (tests, scripts) share it. The
 * launcher closes every store when the command returns, since an open PGlite keeps Node alive.
 */
import { resolve } from 'node:path';
import type { Run } from '@segments/core';
import { openRunStore, type RunStore } from '@segments/store';
import { registerCloser } from './closers';
import type { CliIo } from './io';

export const LOCAL_TEAM = 'local';

const openStores = new Map<string, Promise<RunStore>>();

/**
 * The store the environment names (the data folder resolved against the working directory), opened
 * on first use in this process and kept open; do not close it — {@link closeLocalStores} does.
 * @example const store = await openLocalStore(io)
 */
export function openLocalStore(io: CliIo): Promise<RunStore> {
  const databaseUrl = io.env.DATABASE_URL?.trim() || undefined;
  const dataDir = resolve(io.cwd, io.env.SEGMENTS_DATA_DIR?.trim() || '.segments');
  const key = databaseUrl ? `url:${databaseUrl}` : `dir:${dataDir}`;
  let store = openStores.get(key);
  if (!store) {
    store = openRunStore({ databaseUrl, dataDir });
    openStores.set(key, store);
    // A failed open is not kept: the next command tries again (and reports its own error).
    store.catch(() => openStores.delete(key));
  }
  return store;
}

/** Runs `work` with the local store (opened once per process). */
export async function withLocalStore<T>(io: CliIo, work: (store: RunStore) => Promise<T>): Promise<T> {
  return work(await openLocalStore(io));
}

/**
 * Closes every store this process opened.
 * @example await closeLocalStores() // before the process ends
 */
export async function closeLocalStores(): Promise<void> {
  const stores = [...openStores.values()];
  openStores.clear();
  await Promise.allSettled(stores.map(async (store) => (await store).close()));
}

registerCloser(closeLocalStores);

/** Saves a run (with its assignments: this store is on the user's machine) for team `local`. */
export function saveRunLocally(run: Run, io: CliIo): Promise<{ created: boolean }> {
  return withLocalStore(io, (store) => store.saveRun(LOCAL_TEAM, run));
}
