/**
 * The help answer (also for questions the engine did not understand), with example questions.
 */
import type { Answer } from '../schema/answer';
import { HELP_EXAMPLES } from './intents';

/** Questions to try (five at most), shown with help and with questions the engine did not understand. */
export const EXAMPLE_QUESTIONS: readonly string[] = HELP_EXAMPLES;

/** What the engine can answer, with example questions; for `unknown`, says what was not understood. */
export function helpAnswer(intent: 'help' | 'unknown', surface: 'slack' | 'cli', question?: string): Answer {
  const how =
    surface === 'cli'
      ? 'Ask about the runs saved on this machine with: segments ask "your question".'
      : 'Ask about the runs published to this workspace with /segments, a mention or a direct message.';
  const opening =
    intent === 'unknown'
      ? `Sorry, I did not understand "${question?.trim() ?? ''}". `
      : 'I answer questions about customer segments. ';
  const text = `${opening}${how} Try: ${EXAMPLE_QUESTIONS.map((example) => `"${example}"`).join(', ')}.`;
  return { intent, text, examples: [...EXAMPLE_QUESTIONS] };
}
