/**
 * Block Kit for a run: a header with the run's name, a context line (name, date, customers,
 * source; never the raw id), one compact line per segment in segment order (so "segment 3" is the
 * third line), the segment to target first with its strategy, and at most three buttons. Every
 * string that came from a user (run, segment, feature and category names, strategies) is escaped.
 */

import {
  type ConversationTranslator,
  type Run,
  type RunSummary,
  type Segment,
  segmentRfmScore,
} from '@segments/core';
import type { types } from '@slack/bolt';
import {
  ACTION_COMPARE_PREVIOUS,
  ACTION_SHARE_RUN,
  ACTION_SHOW_STRATEGY,
  encodeButtonValue,
} from './actions';
import { clipSlackText, escapeSlackText } from './escape';
import {
  answerButtons,
  ENGLISH,
  formatShare,
  headerBlock,
  imageBlock,
  langOf,
  runContext,
  sectionBlock,
} from './kit';

export { formatShare } from './kit';

type KnownBlock = types.KnownBlock;
type Button = types.Button;

/** Slack's limit for a section's text. */
export const SECTION_TEXT_LIMIT = 3000;
/** Segments shown in full per run; more would crowd the message (and Slack allows 50 blocks). */
export const MAX_SEGMENTS_SHOWN = 10;

/** 87 → "87", 82.14 → "82.1" ("82,1" in Indonesian): whole from 100 on. */
function formatNumber(value: number, t: ConversationTranslator): string {
  return Math.abs(value) >= 100 ? String(Math.round(value)) : t.number(value);
}

/** "Annual Income (k$)" → "Annual Income": headers read as words, units dropped. */
export function plainFeature(name: string): string {
  return name.replace(/\s*\([^)]*\)\s*/g, ' ').trim() || name;
}

/**
 * The segment's most distinctive traits in plain words, e.g. "high Spending Score (avg 82), mostly
 * Female in Gender (62.0%)". Unescaped: callers escape once when rendering.
 */
export function keyTraits(segment: Segment, limit = 3, t: ConversationTranslator = ENGLISH): string {
  const traits = segment.profile
    .map((entry) => {
      if (entry.kind === 'numeric') {
        if (entry.level === 'average') return { weight: 0, text: '' };
        return {
          weight: Math.abs(entry.zScore),
          text: t.m.slackTraitLevel(entry.level, plainFeature(entry.feature), formatNumber(entry.mean, t)),
        };
      }
      return {
        weight: entry.topShare,
        text: t.m.slackTraitMostly(entry.top, plainFeature(entry.feature), formatShare(entry.topShare, t)),
      };
    })
    .filter((trait) => trait.text !== '')
    .sort((a, b) => b.weight - a.weight)
    .slice(0, limit)
    .map((trait) => trait.text);
  return traits.length > 0 ? traits.join(', ') : t.m.slackTraitsNone();
}

/** One line per segment, for plain-text fallbacks and notifications. */
export function segmentLine(segment: Segment): string {
  return `${segment.persona.name}: ${segment.size} customers (${formatShare(segment.share)})`;
}

/** The buttons a run carries: share it, compare it with the previous run. */
export function runButtons(runId: string, t: ConversationTranslator = ENGLISH): Button[] {
  const value = encodeButtonValue({ runId, ...langOf(t) });
  return [
    {
      type: 'button',
      action_id: ACTION_SHARE_RUN,
      text: { type: 'plain_text', text: t.m.slackShareButton() },
      value,
    },
    {
      type: 'button',
      action_id: ACTION_COMPARE_PREVIOUS,
      text: { type: 'plain_text', text: t.m.slackCompareButton() },
      value,
    },
  ];
}

/** The Strategy button of one segment. */
export function strategyButton(
  runId: string,
  segmentIndex: number,
  t: ConversationTranslator = ENGLISH,
): Button {
  return {
    type: 'button',
    action_id: ACTION_SHOW_STRATEGY,
    text: { type: 'plain_text', text: t.m.slackStrategyButton() },
    value: encodeButtonValue({ runId, segmentIndex, ...langOf(t) }),
  };
}

/** "200 customers · 3 segments · k-means · 10 Jan 2026". */
export function runFacts(
  run: Pick<Run, 'source' | 'k' | 'algorithm' | 'createdAt'>,
  t: ConversationTranslator = ENGLISH,
): string {
  const date = run.createdAt.slice(0, 10);
  const algorithm = run.algorithm === 'kmeans' ? 'k-means' : 'k-prototypes';
  return t.m.slackRunFacts(String(run.source.rowCount), run.k, algorithm, date);
}

/** " · mall.csv", " · Customers › Sheet1": where the run's customers came from. */
export function sourceName(run: Pick<RunSummary, 'source'>): string | undefined {
  const source = run.source;
  if (typeof source.fileName === 'string') return source.fileName;
  if (typeof source.spreadsheetName === 'string')
    return `${source.spreadsheetName}${typeof source.sheetName === 'string' ? ` › ${source.sheetName}` : ''}`;
  return undefined;
}

/** The spreadsheet a run came from, when it did. */
export function spreadsheetOf(run: Pick<RunSummary, 'source'>): string | undefined {
  const id = run.source.spreadsheetId;
  return run.source.kind === 'sheet' && typeof id === 'string' && id ? id : undefined;
}

/** " · R5 F4 M5" for a segment of an RFM run, else ''. */
function rfmPart(segment: Segment): string {
  const score = segmentRfmScore(segment);
  return score ? ` · ${escapeSlackText(score)}` : '';
}

/** "1 · Premium Shoppers (VIP) — 40 customers (20.0%) · high Annual Income (avg 87) · target 1st". */
export function segmentSummaryLine(segment: Segment, t: ConversationTranslator = ENGLISH): string {
  return (
    t.m.slackSegmentSummary(
      segment.index + 1,
      escapeSlackText(segment.persona.name),
      t.count(segment.size),
      formatShare(segment.share, t),
    ) +
    rfmPart(segment) +
    ` · ${escapeSlackText(keyTraits(segment, 2, t))}` +
    outcomeLine(segment, t)
      .map((line) => ` · ${line}`)
      .join('')
  );
}

/** An image to show in a message: a chart at a signed URL, or a chart uploaded to Slack. */
export type ImageRef = { url: string; alt: string } | { slackFileId: string; alt: string };

/**
 * Block Kit summary of a run: header, context line, one line per segment in segment order, the
 * segment to target first with its strategy, an optional chart, and (unless `buttons: false`) Share
 * in channel, Open in Google Sheets and Details.
 * @example renderRunSummary(run).length // → 5
 */
export function renderRunSummary(
  run: Run | RunSummary,
  options: { buttons?: boolean; chart?: ImageRef; t?: ConversationTranslator } = {},
): KnownBlock[] {
  const t = options.t ?? ENGLISH;
  const buttons = options.buttons ?? true;
  const customers = run.segments.reduce((sum, segment) => sum + segment.size, 0);
  const blocks: KnownBlock[] = [headerBlock(t.m.slackRunHeader(run.name, run.k, t.count(customers)))];
  if (options.chart) blocks.push(imageBlock(options.chart));
  const lines = run.segments.slice(0, MAX_SEGMENTS_SHOWN).map((segment) => segmentSummaryLine(segment, t));
  if (run.segments.length > MAX_SEGMENTS_SHOWN) {
    lines.push(t.m.slackMoreSegments(run.segments.length - MAX_SEGMENTS_SHOWN));
  }
  blocks.push(sectionBlock(lines.join('\n')));
  const top = [...run.segments].sort(
    (a, b) => a.persona.priority - b.persona.priority || a.index - b.index,
  )[0];
  if (top) {
    blocks.push(
      sectionBlock(
        t.m.slackTargetFirst(
          escapeSlackText(top.persona.name),
          top.index + 1,
          escapeSlackText(top.persona.strategy),
        ) +
          (typeof top.persona.reason === 'string'
            ? t.m.slackWhyFirst(escapeSlackText(top.persona.reason))
            : ''),
      ),
    );
  }
  blocks.push(
    runContext({ name: run.name, createdAt: run.createdAt, customers, source: sourceName(run) }, t),
  );
  const columns = columnsNote(run, t);
  if (columns) blocks.push({ type: 'context', elements: [{ type: 'mrkdwn', text: columns }] });
  if (buttons) {
    const actions = answerButtons({ runId: run.id, spreadsheetId: spreadsheetOf(run) }, t);
    if (actions) blocks.push(actions);
  }
  return blocks;
}
/** "Outcomes: Response 21% (15% overall), Complain 1% (1% overall)" — the three that differ most. */
export function outcomeLine(segment: Segment, t: ConversationTranslator = ENGLISH): string[] {
  const outcomes = [...(segment.outcomes ?? [])]
    .sort((a, b) => Math.abs(b.rate - b.overall) - Math.abs(a.rate - a.overall))
    .slice(0, 3);
  if (outcomes.length === 0) return [];
  return [
    t.m.slackOutcomes(
      outcomes.map((outcome) =>
        t.m.slackOutcomePart(
          escapeSlackText(outcome.column),
          formatShare(outcome.rate, t),
          formatShare(outcome.overall, t),
        ),
      ),
    ),
  ];
}

/** Derived features and the columns left out, in one context line (escaped, clipped). */
export function columnsNote(run: Run | RunSummary, t: ConversationTranslator = ENGLISH): string | undefined {
  const derived = run.features
    .filter((feature) => feature.derivedFrom && feature.derivedFrom.length > 0 && feature.role !== 'mix')
    .map((feature) => `${feature.name} (${t.m.sheetDerivedFrom(feature.derivedFrom ?? [])})`);
  const excluded = run.preprocessing.excludedColumns ?? [];
  if (derived.length === 0 && excluded.length === 0) return undefined;
  const parts: string[] = [];
  if (derived.length > 0) parts.push(t.m.slackDerived(derived));
  if (excluded.length > 0) {
    const byReason = new Map<string, string[]>();
    for (const entry of excluded)
      byReason.set(entry.reason, [...(byReason.get(entry.reason) ?? []), entry.column]);
    parts.push(t.m.slackLeftOut([...byReason].map(([reason, names]) => `${names.join(', ')} (${reason})`)));
  }
  return clipSlackText(escapeSlackText(parts.join(' ')), SECTION_TEXT_LIMIT);
}
