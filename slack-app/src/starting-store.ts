/**
 * A run store that is still opening. Creating a new PGlite folder (initdb) takes 3–5 s; the app
 * listens at once instead of waiting for it: /healthz answers 503 "starting" until the store is
 * open, and requests that need the store wait for it.
 */
import type { RunStore } from '@segments/store';

/** A RunStore that forwards to the store once `opening` resolves, and says whether it has. */
export interface StartingStore extends RunStore {
  /** True once the store is open. */
  readonly ready: boolean;
}

/**
 * Wraps a store being opened.
 * @example const store = startingStore(openRunStore({ dataDir }), 'pglite'); store.ready // false until opened
 */
export function startingStore(opening: Promise<RunStore>, driver: RunStore['driver']): StartingStore {
  let opened: RunStore | undefined;
  const store = opening.then((value) => {
    opened = value;
    return value;
  });
  // Failure is reported by whoever awaits `opening` (app.ts); this copy must not be an unhandled rejection.
  store.catch(() => undefined);
  return {
    driver,
    get ready() {
      return opened !== undefined;
    },
    get database() {
      if (!opened) throw new Error('the run store is still opening');
      return opened.database;
    },
    saveRun: async (team, run) => (await store).saveRun(team, run),
    listRuns: async (team, options) => (await store).listRuns(team, options),
    getRun: async (team, idOrName) => (await store).getRun(team, idOrName),
    saveModel: async (team, model) => (await store).saveModel(team, model),
    getModel: async (team, idOrName) => (await store).getModel(team, idOrName),
    listModels: async (team, options) => (await store).listModels(team, options),
    savePrediction: async (team, run) => (await store).savePrediction(team, run),
    listPredictions: async (team, options) => (await store).listPredictions(team, options),
    getPrediction: async (team, id) => (await store).getPrediction(team, id),
    listRecent: async (team, limits) => (await store).listRecent(team, limits),
    createApiToken: async (team, label, createdBy) => (await store).createApiToken(team, label, createdBy),
    teamForToken: async (token) => (await store).teamForToken(token),
    listApiTokens: async (team) => (await store).listApiTokens(team),
    revokeApiTokens: async (team, label) => (await store).revokeApiTokens(team, label),
    listPage: async (team, options) => (await store).listPage(team, options),
    countRuns: async (team) => (await store).countRuns(team),
    deleteRun: async (team, id) => (await store).deleteRun(team, id),
    claimOnce: async (key, ttlMs) => (await store).claimOnce(key, ttlMs),
    ping: async () => (await store).ping(),
    saveSchedule: async (team, schedule) => (await store).saveSchedule(team, schedule),
    deleteSchedules: async (team, kind, channel) => (await store).deleteSchedules(team, kind, channel),
    listSchedules: async (kind, team) => (await store).listSchedules(kind, team),
    claimFiring: async (scheduleId, period) => (await store).claimFiring(scheduleId, period),
    transaction: async (work) => (await store).transaction(work),
    close: async () => {
      const value = await store.catch(() => undefined);
      await value?.close();
    },
  };
}
