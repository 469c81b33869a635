/**
 * The list of runs, newest first.
 */

import type { Answer } from '../schema/answer';
import type { RunSummary } from '../schema/run';
import { toRunListItem } from './run-resolution';
import { customers, dateOf, plural, totalOf } from './wording';

/** The runs, newest first (20 at most in the text, all of them in `runs`). */
export function listAnswer(runs: readonly RunSummary[]): Answer {
  const items = runs.map(toRunListItem);
  const lines = runs
    .slice(0, 20)
    .map(
      (run, position) =>
        `${position + 1}. ${run.name} (id ${run.id}): ${plural(run.k, 'segment')}, ${customers(totalOf(run))}, created ${dateOf(run.createdAt)}.`,
    );
  const more = runs.length > 20 ? `\n…and ${runs.length - 20} older runs.` : '';
  const head = runs.length === 1 ? 'There is 1 run:' : `There are ${runs.length} runs, newest first:`;
  return { intent: 'list', text: `${head}\n${lines.join('\n')}${more}`, runs: items };
}
