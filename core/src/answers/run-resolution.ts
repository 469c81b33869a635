/**
 * Finding the runs a question means: "latest", "previous", an id, a name, a part of a name or a
 * name with a typo, and every run a question mentions.
 */
import type { RunListItem } from '../schema/answer';
import type { RunSummary } from '../schema/run';
import { damerauLevenshtein, findSequence, isCloseMatch, normalizeText, type Token } from './text-match';

/**
 * Finds a run by what a person calls it: "latest" (also last, newest, current), "previous", its id
 * (exact, any case, or a unique prefix of 4+ characters), its name (any case), a part of its name,
 * or a name with a typo or two. `runs` is newest first, as the store lists them; on a tie the newest wins.
 * @returns the run, or undefined when nothing fits
 * @example findRun(runs, 'mall with age')?.id // 'run-0'
 */
export function findRun(runs: readonly RunSummary[], reference: string): RunSummary | undefined {
  const trimmed = reference.trim();
  if (!runs.length) return undefined;
  const exactId = runs.find((run) => run.id === trimmed);
  if (exactId) return exactId;
  const norm = normalizeText(trimmed)
    .replace(/^the /, '')
    .replace(/ (run|one)$/, '');
  if (!norm || LATEST_WORDS.has(norm) || norm === 'most recent') return runs[0];
  if (PREVIOUS_WORDS.has(norm)) return runs[1];
  const lower = trimmed.toLowerCase();
  const byId = runs.find((run) => run.id.toLowerCase() === lower || normalizeText(run.id) === norm);
  if (byId) return byId;
  const byName = runs.find((run) => normalizeText(run.name) === norm);
  if (byName) return byName;
  if (norm.length >= 4) {
    const prefixed = runs.filter((run) => run.id.toLowerCase().startsWith(lower));
    if (prefixed.length === 1) return prefixed[0];
  }
  const wanted = norm.split(' ');
  const partOfName = runs.find((run) => findSequence(normalizeText(run.name).split(' '), wanted) >= 0);
  if (partOfName) return partOfName;
  // The closest name within the typo allowance; "mal-2025" must find mall-2025, not mall-2026.
  let closest: { run: RunSummary; distance: number } | undefined;
  for (const run of runs) {
    const name = normalizeText(run.name);
    if (!isCloseMatch(norm, name)) continue;
    const distance = damerauLevenshtein(norm, name);
    if (!closest || distance < closest.distance) closest = { run, distance };
  }
  return closest?.run;
}

/**
 * A run as listed (newest first): enough to pick one.
 * @example toRunListItem(latest) // { id: 'run-1', name: 'Mall', createdAt: '2026-01-01T00:00:00.000Z', k: 5, rowCount: 200 }
 */
export function toRunListItem(run: RunSummary): RunListItem {
  return { id: run.id, name: run.name, createdAt: run.createdAt, k: run.k, rowCount: run.source.rowCount };
}

export const LATEST_WORDS = new Set(['latest', 'last', 'newest', 'current', 'recent']);

const PREVIOUS_WORDS = new Set(['previous', 'prior', 'earlier', 'older', 'before']);

/** Words after "run" that are not a run's name: "run a segmentation", "run with", … */
const NOT_A_RUN_NAME = new Set([
  'a',
  'an',
  'the',
  'with',
  'vs',
  'versus',
  'and',
  'in',
  'of',
  'for',
  'from',
  'to',
  'on',
  'is',
  'was',
  'it',
  'this',
  'that',
  'please',
  'before',
  'one',
  'and',
  'against',
  'again',
  'segment',
  'segments',
  'segmentation',
  'k',
  'kmeans',
]);

export interface RunMention {
  run: RunSummary;
  start: number;
}

interface RunMentions {
  mentions: RunMention[];
  /** A "run X" the user named that is not a run. */
  unknownReference?: string;
}

/** Finds the runs a question names (ids, names, "run X", latest/previous) and marks those words used. */
export function findRunMentions(
  tokens: readonly Token[],
  runs: readonly RunSummary[],
  baseIndex: number,
  used: boolean[],
): RunMentions {
  const norms = tokens.map((token) => token.norm);
  const mentions: RunMention[] = [];
  let unknownReference: string | undefined;
  const take = (run: RunSummary, start: number, length: number) => {
    for (let i = start; i < start + length; i++) used[i] = true;
    mentions.push({ run, start });
  };
  const free = (start: number, length: number) => {
    for (let i = start; i < start + length; i++) if (used[i]) return false;
    return true;
  };

  // Ids and names written out; the longest first so "mall 2026 b" beats "mall 2026".
  const candidates: { run: RunSummary; words: string[] }[] = [];
  for (const run of runs) {
    for (const label of [run.id, run.name]) {
      const words = normalizeText(label).split(' ').filter(Boolean);
      if (words.length) candidates.push({ run, words });
    }
  }
  candidates.sort((a, b) => b.words.join(' ').length - a.words.join(' ').length);
  for (const { run, words } of candidates) {
    const start = findSequence(norms, words);
    if (start < 0 || !free(start, words.length)) continue;
    // A short label ("3", "a") counts only right after "run", or it would swallow "segment 3".
    const afterRun = start > 0 && (norms[start - 1] === 'run' || norms[start - 1] === 'id');
    if (words.join(' ').length < 3 && !afterRun) continue;
    take(run, start, words.length);
  }

  for (let i = 0; i < tokens.length; i++) {
    const norm = norms[i];
    if (used[i]) continue;
    if (norm === 'run') {
      let j = i + 1;
      while (j < tokens.length && (norms[j] === 'named' || norms[j] === 'called' || norms[j] === 'id')) j++;
      if (j < tokens.length && !used[j] && !NOT_A_RUN_NAME.has(norms[j]) && !LATEST_WORDS.has(norms[j])) {
        if (PREVIOUS_WORDS.has(norms[j])) continue;
        const run = findRun(runs, tokens[j].raw);
        for (let k = i; k <= j; k++) used[k] = true;
        if (run) mentions.push({ run, start: i });
        else unknownReference ??= tokens[j].raw;
      }
      continue;
    }
    const nextIsMany = ['two', '2', 'three', '3', 'few', 'runs'].includes(norms[i + 1] ?? '');
    if (LATEST_WORDS.has(norm) && !nextIsMany) {
      // "most recent", "the latest run": all mean the newest run.
      used[i] = true;
      mentions.push({ run: runs[0], start: i });
    } else if (PREVIOUS_WORDS.has(norm) && runs[baseIndex + 1]) {
      used[i] = true;
      mentions.push({ run: runs[baseIndex + 1], start: i });
    }
  }
  mentions.sort((a, b) => a.start - b.start);
  const distinct = mentions.filter(
    (mention, position) => mentions.findIndex((m) => m.run === mention.run) === position,
  );
  return { mentions: distinct, unknownReference };
}
