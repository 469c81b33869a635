/**
 * Sharing a run to a channel (done by the Slack app; the CLI says how).
 */
import type { Answer } from '../schema/answer';
import type { RunSummary } from '../schema/run';
import { describeRun } from './show-answer';
import { runFacts } from './wording';

/** Shares a run to the channel (Slack), or says how to (CLI). */
export function shareAnswer(run: RunSummary, surface: 'slack' | 'cli'): Answer {
  const text =
    surface === 'cli'
      ? `Sharing to a channel happens in Slack: type /segments share ${run.name} there, or publish from Google Sheets with Extensions › Customer Segments › Publish to Slack…. ${describeRun(run)}`
      : `Sharing run ${run.name} to the channel. ${describeRun(run)}`;
  return { intent: 'share', ...runFacts(run), text, run };
}
