/**
 * The Slack app's surface for its launcher (app.ts), the bench and the tests: build the app, read its
 * configuration, render Block Kit, and the background sync of connected spreadsheets.
 */
export { describeErrorForLog, MAX_BODY_BYTES } from './api/runs-api';
export { ACTION_COMPARE_PREVIOUS, ACTION_SHARE_RUN, ACTION_SHOW_STRATEGY } from './blocks/actions';
export { renderAnswer } from './blocks/answer';
export { clipSlackText, escapeSlackText } from './blocks/escape';
export { renderHomeView } from './blocks/home';
export { columnsNote, keyTraits, outcomeLine, renderRunSummary } from './blocks/run-summary';
export * from './charts/index';
export { loadSlackAppConfig, type SlackAppConfig } from './config';
export { ADMINS_ONLY_TEXT } from './conversation';
export { createSlackApp, type SegmentsSlackApp } from './create-app';
export { notifySubscribers, runDueDigests, runNewRunAlerts, startDigestScheduler } from './digests/digests';
export { DIGEST_HOUR_UTC, periodKey } from './digests/periods';
export { scheduleReply } from './listeners/commands/schedules';
export { FRIENDLY_ERROR_TEXT } from './listeners/friendly';
export { postToResponseUrl } from './listeners/respond';
export { isFromTheFuture, ONCE_ONLY_WINDOWS, onceOnlyKeys } from './middleware/once-only';
export * from './sheet-sync/sync';
