/**
 * How to connect the Google Sheets add-on, worded for the surface asked from.
 */
import type { Answer } from '../schema/answer';

/** How to connect the add-on, worded for the surface asked from. */
export function connectAnswer(surface: 'slack' | 'cli'): Answer {
  const text =
    surface === 'cli'
      ? 'The command line keeps its runs in a local store (team "local"); it needs no connection. To connect the Google Sheets add-on to Slack, type /segments connect in your Slack workspace to get a token, then paste it in the spreadsheet under Extensions › Customer Segments › Settings…. After that, Extensions › Customer Segments › Publish to Slack… sends a run summary (never row-level data) to the workspace.'
      : 'To connect the Google Sheets add-on to this workspace: type /segments connect to get a token (only you see it), then paste it in the spreadsheet under Extensions › Customer Segments › Settings…. After that, Extensions › Customer Segments › Publish to Slack… sends a run summary (never row-level data) here, and you can ask about it.';
  return { intent: 'connect', text };
}
