/**
 * Ids and values of the buttons the app renders; listeners/actions reads the same definitions, so
 * a rename cannot leave a button without a handler.
 */
import * as z from 'zod';

export const ACTION_SHARE_RUN = 'segments_share_run';
export const ACTION_SHOW_STRATEGY = 'segments_show_strategy';
export const ACTION_COMPARE_PREVIOUS = 'segments_compare_previous';
/** A link button (Open in Google Sheets): Slack still sends the click, which is only acknowledged. */
export const ACTION_OPEN_SHEET = 'segments_open_sheet';
/** The modal that asks where to share a run (opened from App Home, which has no channel). */
export const VIEW_SHARE_RUN = 'segments_share_run_modal';

/** What a button carries: the run, and for Strategy the segment. Kept short (Slack allows 2,000 chars). */
export const buttonValueSchema = z.object({
  runId: z.string().min(1),
  segmentIndex: z.number().int().min(0).optional(),
});
export type ButtonValue = z.infer<typeof buttonValueSchema>;

/** Serialises a button value. */
export function encodeButtonValue(value: ButtonValue): string {
  return JSON.stringify(value);
}

/**
 * Reads a button value back; undefined when it is not one of ours.
 * @example decodeButtonValue('{"runId":"r1"}') // → { runId: 'r1' }
 */
export function decodeButtonValue(text: string | undefined): ButtonValue | undefined {
  if (!text) return undefined;
  try {
    const parsed = buttonValueSchema.safeParse(JSON.parse(text));
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined;
  }
}
