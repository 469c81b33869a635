/**
 * The pieces every answer message is built from, so all answers look alike: a header line with the
 * answer, key numbers as fields, one short section, a context line naming the run by name and date
 * (never its id), and at most three buttons (Share in channel, Open in Google Sheets, Details).
 */
import { type ConversationTranslator, createConversationTranslator, maxOf } from '@segments/core';
import type { types } from '@slack/bolt';
import { ACTION_OPEN_SHEET, ACTION_SHARE_RUN, ACTION_SHOW_STRATEGY, encodeButtonValue } from './actions';
import { clipSlackText, escapeSlackText, limitSlackText } from './escape';

type KnownBlock = types.KnownBlock;
type Button = types.Button;

/** The English translator: every builder words its text in English unless given another. */
export const ENGLISH = createConversationTranslator('en');

/** Slack's limits this app renders against (https://api.slack.com/reference/block-kit). */
export const LIMITS = {
  blocks: 50,
  text: 3000,
  header: 150,
  field: 2000,
  fields: 10,
  context: 10,
  buttonText: 75,
  /** This app's own rule: three buttons at most on an answer. */
  buttons: 3,
} as const;

/**
 * One percentage style everywhere: one decimal ("19.5%", "40.0%"; Indonesian "19,5%").
 * @example formatShare(0.195) // → '19.5%'
 */
export function formatShare(share: number, t: ConversationTranslator = ENGLISH): string {
  return t.percent(share);
}

/** "1 Feb 2026" (Indonesian "1 Agu 2026") from an ISO timestamp (UTC). */
export function formatDate(iso: string, t: ConversationTranslator = ENGLISH): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso.slice(0, 10);
  const months = t.m.slackMonths();
  return `${date.getUTCDate()} ${months[date.getUTCMonth()]} ${date.getUTCFullYear()}`;
}

/** The header block: the answer in one line of plain text, escaped like every user string. */
export function headerBlock(text: string): KnownBlock {
  const line = text.replace(/\s+/g, ' ').trim();
  return {
    type: 'header',
    text: { type: 'plain_text', text: limitSlackText(line || '…', LIMITS.header), emoji: true },
  };
}

/** A section of mrkdwn, already escaped by the caller, clipped to Slack's limit. */
export function sectionBlock(mrkdwn: string): KnownBlock {
  return { type: 'section', text: { type: 'mrkdwn', text: clipSlackText(mrkdwn, LIMITS.text) } };
}

/** Key numbers as fields: `[label, value]` pairs (escaped here), ten at most. */
export function fieldsBlock(pairs: readonly (readonly [string, string])[]): KnownBlock {
  return {
    type: 'section',
    fields: pairs.slice(0, LIMITS.fields).map(([label, value]) => ({
      type: 'mrkdwn' as const,
      text: clipSlackText(`*${escapeSlackText(label)}*\n${escapeSlackText(value)}`, LIMITS.field),
    })),
  };
}

/** A context line of escaped mrkdwn. */
export function contextBlock(mrkdwn: string): KnownBlock {
  return { type: 'context', elements: [{ type: 'mrkdwn', text: clipSlackText(mrkdwn, LIMITS.text) }] };
}

/** What the context line says about a run. */
export interface RunLine {
  name: string;
  createdAt?: string;
  customers?: number;
  source?: string;
}

/** "Run *mall-2026* · 1 Feb 2026 · 200 customers · mall.csv": name and date, never the raw id. */
export function runContext(run: RunLine, t: ConversationTranslator = ENGLISH): KnownBlock {
  const parts = [t.m.slackRun(limitSlackText(run.name, 200))];
  if (run.createdAt) parts.push(formatDate(run.createdAt, t));
  if (run.customers !== undefined) parts.push(t.m.slackCustomers(t.count(run.customers)));
  if (run.source) parts.push(limitSlackText(run.source, 200));
  return contextBlock(parts.join(' · '));
}

/** What a button adds to its value for a message not in English: `{ lang: 'id' }`. */
export function langOf(t: ConversationTranslator): { lang?: 'id' } {
  return t.lang === 'en' ? {} : { lang: t.lang };
}

/** The Google Sheets address of a spreadsheet id. */
export function sheetUrl(spreadsheetId: string): string {
  return `https://docs.google.com/spreadsheets/d/${encodeURIComponent(spreadsheetId)}/edit`;
}

/**
 * An answer's buttons, three at most: Share in channel, Open in Google Sheets (when the run came from
 * a spreadsheet), Details (the segment's, or every segment's strategy).
 */
export function answerButtons(
  options: {
    runId: string;
    spreadsheetId?: string;
    segmentIndex?: number;
    share?: boolean;
    details?: boolean;
  },
  t: ConversationTranslator = ENGLISH,
): KnownBlock | undefined {
  const buttons: Button[] = [];
  if (options.share ?? true) {
    buttons.push({
      type: 'button',
      action_id: ACTION_SHARE_RUN,
      text: { type: 'plain_text', text: t.m.slackShareButton() },
      value: encodeButtonValue({ runId: options.runId, ...langOf(t) }),
    });
  }
  if (options.spreadsheetId) {
    buttons.push({
      type: 'button',
      action_id: ACTION_OPEN_SHEET,
      text: { type: 'plain_text', text: t.m.slackOpenSheetButton() },
      url: sheetUrl(options.spreadsheetId),
    });
  }
  if (options.details ?? true) {
    buttons.push({
      type: 'button',
      action_id: ACTION_SHOW_STRATEGY,
      text: { type: 'plain_text', text: t.m.slackDetailsButton() },
      value: encodeButtonValue({
        runId: options.runId,
        ...(options.segmentIndex === undefined ? {} : { segmentIndex: options.segmentIndex }),
        ...langOf(t),
      }),
    });
  }
  return buttons.length ? { type: 'actions', elements: buttons.slice(0, LIMITS.buttons) } : undefined;
}

/**
 * A table in a monospace block: columns padded to their widest cell, cut to Slack's text limit by
 * whole rows (mrkdwn inside ``` is shown as typed, so cells are escaped only for &, < and >).
 */
export function tableBlock(rows: readonly (readonly string[])[]): KnownBlock {
  const widths = rows[0].map((_, column) => maxOf(rows.map((row) => (row[column] ?? '').length)));
  const lines = rows.map((row) =>
    row
      .map((cell, column) => (column === row.length - 1 ? cell : cell.padEnd(widths[column])))
      .join('  ')
      .trimEnd(),
  );
  let text = '';
  for (const line of lines) {
    const next = `${text}${text ? '\n' : ''}${escapeSlackText(line)}`;
    if (next.length + 6 > LIMITS.text) break;
    text = next;
  }
  return { type: 'section', text: { type: 'mrkdwn', text: `\`\`\`${text}\`\`\`` } };
}

/** An image block for a chart: at a URL (HTTP mode) or a file uploaded to Slack (Socket Mode). */
export function imageBlock(
  image: { url: string; alt: string } | { slackFileId: string; alt: string },
): KnownBlock {
  const alt = image.alt.length > 2000 ? `${image.alt.slice(0, 1999)}…` : image.alt;
  if ('url' in image) return { type: 'image', image_url: image.url, alt_text: alt };
  return { type: 'image', slack_file: { id: image.slackFileId }, alt_text: alt } as KnownBlock;
}
