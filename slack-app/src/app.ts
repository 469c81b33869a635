/**
 * `npm start`: reads the configuration, opens the run store, builds the app, starts it.
 */
import { answerQuestion } from '@segments/core';
import { createSheetsClient } from '@segments/sheets-api';
import { openRunStore } from '@segments/store';
import { loadSlackAppConfig } from './config';
import { createSlackApp } from './create-app';
import { sheetSyncMinutes, startSheetSync } from './sheet-sync/sync';
import { startingStore } from './starting-store';

async function main(): Promise<number> {
  const loaded = loadSlackAppConfig(process.env);
  if (!loaded.ok) {
    console.error(loaded.message);
    return 1;
  }
  const { config } = loaded;
  let syncMinutes: number;
  try {
    syncMinutes = sheetSyncMinutes(process.env);
  } catch (error) {
    console.error((error as Error).message);
    return 1;
  }
  // The store opens while the app already listens (a new PGlite folder takes 3–5 s): /healthz says
  // "starting" (503) until it is open, and requests that need it wait for it.
  const where = config.databaseUrl ? 'DATABASE_URL' : `folder ${config.dataDir ?? './.segments'}`;
  const opening = openRunStore({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
  const store = startingStore(opening, config.databaseUrl ? 'postgres' : 'pglite');
  const slack = createSlackApp(config, { store, answerQuestion, storeReady: () => store.ready });
  let port: number;
  try {
    ({ port } = await slack.start());
  } catch (error) {
    // Nothing listens: let the store finish opening and close it, so the process can exit.
    await store.close().catch(() => undefined);
    throw error;
  }
  console.log(
    config.appToken
      ? `Customer Segments is connected in Socket Mode; runs API and /healthz on port ${port} (store: ${store.driver}, opening)`
      : `Customer Segments is listening on port ${port}: /slack/events, /api/runs, /healthz (store: ${store.driver}, opening)`,
  );
  let sheetSync: ReturnType<typeof startSheetSync> | undefined;
  const shutdown = async () => {
    sheetSync?.stop();
    await slack.stop().catch(() => undefined);
    await store.close().catch(() => undefined);
    process.exit(0);
  };
  process.once('SIGINT', shutdown);
  process.once('SIGTERM', shutdown);
  try {
    await opening;
  } catch (error) {
    console.error(
      `The Customer Segments Slack app cannot open its run store (${where}): ${(error as Error).message}`,
    );
    await slack.stop().catch(() => undefined);
    return 1;
  }
  console.log(`Run store ready (${store.driver}); /healthz answers 200.`);
  // Pulls runs from connected spreadsheets (Socket Mode deployments receive no push).
  sheetSync = startSheetSync(store, {
    minutes: syncMinutes,
    client: () => createSheetsClient({ env: process.env }),
  });
  return 0;
}

main().then(
  (code) => {
    if (code !== 0) process.exitCode = code;
  },
  (error: unknown) => {
    console.error(`The Customer Segments Slack app stopped: ${(error as Error).message}`);
    process.exitCode = 1;
  },
);
