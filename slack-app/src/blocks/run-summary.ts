/**
 * Block Kit for a run: one section per segment (persona, size, share, key traits, strategy) and the
 * run's buttons. Every string that came from a user (run, segment, feature and category names,
 * strategies) is escaped.
 */

import type { Run, Segment } from '@segments/core';
import type { types } from '@slack/bolt';
import {
  ACTION_COMPARE_PREVIOUS,
  ACTION_SHARE_RUN,
  ACTION_SHOW_STRATEGY,
  encodeButtonValue,
} from './actions';
import { clipSlackText, escapeSlackText, limitSlackText } from './escape';

type KnownBlock = types.KnownBlock;
type Button = types.Button;

/** Slack's limit for a section's text. */
export const SECTION_TEXT_LIMIT = 3000;
/** Segments shown in full per run; more would crowd the message (and Slack allows 50 blocks). */
export const MAX_SEGMENTS_SHOWN = 10;

/** 0.2 → "20%", 0.125 → "12.5%". */
export function formatShare(share: number): string {
  return `${Math.round(share * 1000) / 10}%`;
}

function formatNumber(value: number): string {
  return Math.abs(value) >= 100 ? String(Math.round(value)) : String(Math.round(value * 10) / 10);
}

/**
 * The segment's most distinctive traits in words, e.g. "high Annual Income (k$) (≈87), mostly Female (62%)".
 * Unescaped: callers escape once when rendering.
 */
export function keyTraits(segment: Segment, limit = 3): string {
  const traits = segment.profile
    .map((entry) => {
      if (entry.kind === 'numeric') {
        if (entry.level === 'average') return { weight: 0, text: '' };
        return {
          weight: Math.abs(entry.zScore),
          text: `${entry.level} ${entry.feature} (≈${formatNumber(entry.mean)})`,
        };
      }
      return {
        weight: entry.topShare,
        text: `mostly ${entry.top} in ${entry.feature} (${formatShare(entry.topShare)})`,
      };
    })
    .filter((trait) => trait.text !== '')
    .sort((a, b) => b.weight - a.weight)
    .slice(0, limit)
    .map((trait) => trait.text);
  return traits.length > 0 ? traits.join(', ') : 'close to the average on every feature';
}

/** One line per segment, for plain-text fallbacks and notifications. */
export function segmentLine(segment: Segment): string {
  return `${segment.persona.name}: ${segment.size} customers (${formatShare(segment.share)})`;
}

/** The buttons a run carries: share it, compare it with the previous run. */
export function runButtons(runId: string): Button[] {
  const value = encodeButtonValue({ runId });
  return [
    {
      type: 'button',
      action_id: ACTION_SHARE_RUN,
      text: { type: 'plain_text', text: 'Share in channel' },
      value,
    },
    {
      type: 'button',
      action_id: ACTION_COMPARE_PREVIOUS,
      text: { type: 'plain_text', text: 'Compare with previous' },
      value,
    },
  ];
}

/** The Strategy button of one segment. */
export function strategyButton(runId: string, segmentIndex: number): Button {
  return {
    type: 'button',
    action_id: ACTION_SHOW_STRATEGY,
    text: { type: 'plain_text', text: 'Strategy' },
    value: encodeButtonValue({ runId, segmentIndex }),
  };
}

/** "200 customers · 3 segments · k-means · 10 Jan 2026". */
export function runFacts(run: Pick<Run, 'source' | 'k' | 'algorithm' | 'createdAt'>): string {
  const date = run.createdAt.slice(0, 10);
  const algorithm = run.algorithm === 'kmeans' ? 'k-means' : 'k-prototypes';
  return `${run.source.rowCount} customers · ${run.k} segments · ${algorithm} · ${date}`;
}

/**
 * Block Kit summary of a run: title, facts, one section per segment with a Strategy button, and
 * (unless `buttons: false`) Share / Compare buttons.
 * @example renderRunSummary(run).length // → 2 + segments + 1
 */
export function renderRunSummary(run: Run, options: { buttons?: boolean } = {}): KnownBlock[] {
  const buttons = options.buttons ?? true;
  const blocks: KnownBlock[] = [
    {
      type: 'section',
      text: { type: 'mrkdwn', text: `*${limitSlackText(run.name, 500)}*` },
    },
    {
      type: 'context',
      elements: [
        {
          type: 'mrkdwn',
          text: `${escapeSlackText(runFacts(run))} · run \`${limitSlackText(run.id, 200)}\``,
        },
      ],
    },
  ];
  const bySegment = [...run.segments].sort((a, b) => a.persona.priority - b.persona.priority);
  for (const segment of bySegment.slice(0, MAX_SEGMENTS_SHOWN)) {
    const lines = [
      `*${escapeSlackText(segment.persona.name)}* (segment ${segment.index + 1})`,
      `Size: ${segment.size} customers (${formatShare(segment.share)})`,
      `Key traits: ${escapeSlackText(keyTraits(segment))}`,
      `Strategy: ${escapeSlackText(segment.persona.strategy)}`,
      ...outcomeLine(segment),
      ...(segment.persona.priority === 1 && typeof segment.persona.reason === 'string'
        ? [`Why first: ${escapeSlackText(segment.persona.reason)}`]
        : []),
    ];
    blocks.push({
      type: 'section',
      text: { type: 'mrkdwn', text: clipSlackText(lines.join('\n'), SECTION_TEXT_LIMIT) },
      ...(buttons ? { accessory: strategyButton(run.id, segment.index) } : {}),
    });
  }
  if (run.segments.length > MAX_SEGMENTS_SHOWN) {
    blocks.push({
      type: 'context',
      elements: [{ type: 'mrkdwn', text: `…and ${run.segments.length - MAX_SEGMENTS_SHOWN} more segments.` }],
    });
  }
  const columns = columnsNote(run);
  if (columns) blocks.push({ type: 'context', elements: [{ type: 'mrkdwn', text: columns }] });
  if (buttons) blocks.push({ type: 'actions', elements: runButtons(run.id) });
  return blocks;
}

/** "Outcomes: Response 21% (15% overall), Complain 1% (1% overall)" — the three that differ most. */
export function outcomeLine(segment: Segment): string[] {
  const outcomes = [...(segment.outcomes ?? [])]
    .sort((a, b) => Math.abs(b.rate - b.overall) - Math.abs(a.rate - a.overall))
    .slice(0, 3);
  if (outcomes.length === 0) return [];
  return [
    `Outcomes: ${outcomes
      .map(
        (outcome) =>
          `${escapeSlackText(outcome.column)} ${formatShare(outcome.rate)} (${formatShare(outcome.overall)} overall)`,
      )
      .join(', ')}`,
  ];
}

/** Derived features and the columns left out, in one context line (escaped, clipped). */
export function columnsNote(run: Run): string | undefined {
  const derived = run.features
    .filter((feature) => feature.derivedFrom && feature.derivedFrom.length > 0 && feature.role !== 'mix')
    .map((feature) => `${feature.name} (from ${(feature.derivedFrom ?? []).join(', ')})`);
  const excluded = run.preprocessing.excludedColumns ?? [];
  if (derived.length === 0 && excluded.length === 0) return undefined;
  const parts: string[] = [];
  if (derived.length > 0) parts.push(`Derived: ${derived.join('; ')}.`);
  if (excluded.length > 0) {
    const byReason = new Map<string, string[]>();
    for (const entry of excluded)
      byReason.set(entry.reason, [...(byReason.get(entry.reason) ?? []), entry.column]);
    parts.push(
      `Left out: ${[...byReason].map(([reason, names]) => `${names.join(', ')} (${reason})`).join('; ')}.`,
    );
  }
  return clipSlackText(escapeSlackText(parts.join(' ')), SECTION_TEXT_LIMIT);
}
