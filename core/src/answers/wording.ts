/**
 * How answers word numbers, segments and runs: counts with thousands separators, shares, plurals,
 * ordinals, "Impulse Buyers (segment 3)", sentences.
 */
import type { Answer } from '../schema/answer';
import type { RunSummary, Segment } from '../schema/run';
import { normalizeText } from './text-match';

/** Customers in a run: the sum of its segment sizes. */
export function totalOf(run: RunSummary): number {
  return run.segments.reduce((sum, segment) => sum + segment.size, 0);
}

/** "Impulse Buyers (segment 3)": chat counts segments from 1. */
export function segmentLabel(segment: Segment): string {
  const name = segment.persona.name;
  const number = segment.index + 1;
  if (normalizeText(name) === `segment ${number}`) return name;
  return `${name} (segment ${number})`;
}

/** " from mall.csv", " from Customers › Sheet1", or nothing when the source is unknown. */
export function sourceOf(run: RunSummary): string {
  const source = run.source;
  if (source.fileName) return ` from ${source.fileName}`;
  if (source.spreadsheetName)
    return ` from ${source.spreadsheetName}${source.sheetName ? ` › ${source.sheetName}` : ''}`;
  if (source.sheetName) return ` from sheet ${source.sheetName}`;
  return '';
}

/** A whole number with thousands separators: 12345 → "12,345". */
export function fmtCount(value: number): string {
  return String(value).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

/** A share as a percentage with one decimal: 0.195 → "19.5%". */
export function fmtShare(share: number): string {
  return `${(share * 100).toFixed(1)}%`;
}

/** A change with its sign: +12, −3 (a true minus sign), or with `digits` decimals. */
export function signed(value: number, digits = 0): string {
  const text = digits ? Math.abs(value).toFixed(digits) : fmtCount(Math.abs(value));
  return `${value < 0 ? '−' : '+'}${text}`;
}

/** "1 segment", "5 segments" (counts with thousands separators). */
export function plural(count: number, noun: string): string {
  return `${fmtCount(count)} ${noun}${count === 1 ? '' : 's'}`;
}

/** "1 customer", "200 customers". */
export function customers(count: number): string {
  return plural(count, 'customer');
}

/** The date part of an ISO timestamp. */
export function dateOf(iso: string): string {
  return iso.slice(0, 10);
}

/** 1st, 2nd, 3rd, 11th, 22nd… */
export function ordinal(rank: number): string {
  const tens = rank % 100;
  const suffix = tens >= 11 && tens <= 13 ? 'th' : (['th', 'st', 'nd', 'rd'][rank % 10] ?? 'th');
  return `${rank}${suffix}`;
}

/** Ends a phrase with a full stop unless it already ends a sentence. */
export function sentence(text: string): string {
  const trimmed = text.trim();
  if (!trimmed) return trimmed;
  const capitalised = capitalise(trimmed);
  return /[.!?…]$/.test(capitalised) ? capitalised : `${capitalised}.`;
}

/** The text with its first letter in upper case. */
export function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** The run an answer is about, as every answer names it. */
export function runFacts(
  run: RunSummary,
): Pick<Answer, 'runId' | 'runName' | 'runCreatedAt' | 'spreadsheetId'> {
  const spreadsheetId = run.source.kind === 'sheet' ? run.source.spreadsheetId : undefined;
  return {
    runId: run.id,
    runName: run.name,
    runCreatedAt: run.createdAt,
    ...(typeof spreadsheetId === 'string' && spreadsheetId ? { spreadsheetId } : {}),
  };
}

/** The run and segment an answer is about, with the segment's size and share. */
export function segmentFacts(
  run: RunSummary,
  segment: Segment,
): Pick<Answer, 'runId' | 'runName' | 'runCreatedAt' | 'spreadsheetId' | 'segment' | 'size' | 'share'> {
  return {
    ...runFacts(run),
    segment: { index: segment.index, name: segment.persona.name },
    size: segment.size,
    share: segment.share,
  };
}
