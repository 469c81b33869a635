/**
 * The help answer (also for questions the engine did not understand), with example questions.
 */
import type { Answer } from '../schema/answer';

/** Questions to try, shown with help and with questions the engine did not understand. */
export const EXAMPLE_QUESTIONS: readonly string[] = [
  'list runs',
  'show the latest run',
  'how big is the VIP segment?',
  'which segment should we target?',
  'who should we target for a discount campaign?',
  "what's the strategy for Impulse Buyers?",
  'compare the latest run with the previous one',
  'share the latest run',
  'how do I connect the add-on?',
  'how many new customers fall in segment D?',
];

/** What the engine can answer, with example questions; for `unknown`, says what was not understood. */
export function helpAnswer(intent: 'help' | 'unknown', surface: 'slack' | 'cli', question?: string): Answer {
  const how =
    surface === 'cli'
      ? 'I answer questions about the segmentation runs saved on this machine. Ask with: segments ask "your question".'
      : 'I answer questions about the segmentation runs published to this workspace. Ask with /segments followed by a question, by mentioning me, or in a direct message.';
  const opening =
    intent === 'unknown'
      ? `Sorry, I did not understand "${question?.trim() ?? ''}". `
      : 'I can help with that. ';
  const text =
    opening +
    how +
    ' I can list runs, show a run, tell you how big a segment is, which segment to target (also for a goal such as a discount campaign, loyalty, a premium launch, retention, upselling or reactivation), the strategy for a segment, compare two runs, share a run to a channel, and explain how to connect the Google Sheets add-on. Try: ' +
    EXAMPLE_QUESTIONS.map((example) => `"${example}"`).join(', ') +
    '.';
  return { intent, text, examples: [...EXAMPLE_QUESTIONS] };
}
