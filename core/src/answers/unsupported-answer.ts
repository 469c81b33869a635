/**
 * Questions that ask for something the chat does not do (delete, rename, export…): one plain line
 * saying so and where it is done instead, rather than showing a run as if that answered it.
 */
import type { Answer } from '../schema/answer';

/** What the user asked to do, and where it is done instead. */
const ACTIONS: readonly { verbs: RegExp; slack: string; cli: string }[] = [
  {
    verbs: /\b(delete|remove|erase|drop|purge|wipe)\b/,
    slack:
      "I can't delete runs from a question. An admin deletes a run with /segments delete <run id> (/segments runs lists the ids), or with DELETE /api/runs/<run id> on the runs API.",
    cli: "I can't delete runs from a question: I only read them. Runs are kept in the local store (SEGMENTS_DATA_DIR, default ./.segments); see them with: segments runs.",
  },
  {
    verbs: /\b(rename|edit|update|modify|change)\b/,
    slack:
      "I can't change a published run: runs are kept as they were published. Re-run it in Google Sheets (Extensions › Customer Segments) or with segments segment --name, then publish again.",
    cli: "I can't change a saved run. Segment the file again with segments segment --name NAME to save a new run.",
  },
  {
    verbs: /\b(export|download|upload)\b/,
    slack:
      "I can't export customers: customer rows never leave the spreadsheet, and only summaries reach Slack. The Segment and Persona columns in the sheet say who is in each segment.",
    cli: "I can't export from a question. segments segment file.csv --out FILE writes the customers with their Segment and Persona columns.",
  },
  {
    verbs: /\b(retrain|rerun|re run|run again|undo)\b/,
    slack:
      "I can't run a segmentation from chat. Run it again in Google Sheets (Extensions › Customer Segments › Segment customers…) or with segments segment file.csv.",
    cli: "I can't run a segmentation from a question. Run: segments segment file.csv.",
  },
];

/**
 * Says plainly that chat does not do this, and where it is done.
 */
export function unsupportedAnswer(norm: string, surface: 'slack' | 'cli'): Answer {
  const action = ACTIONS.find((candidate) => candidate.verbs.test(norm)) ?? ACTIONS[0];
  return { intent: 'unsupported', text: surface === 'cli' ? action.cli : action.slack };
}
