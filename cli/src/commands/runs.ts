/**
 * `segments runs [--json]`: the runs in the local store (team `local`), newest first.
 */
import { maxOf, toRunListItem } from '@segments/core';
import { parseFlags } from '../args';
import { reportError } from '../errors';
import { type Command, EXIT_OK, UsageError } from '../io';
import { LOCAL_TEAM, withLocalStore } from '../store';

/** Runs listed at most; the local store rarely holds more. */
const MAX_RUNS_LISTED = 1000;

export const runsCommand: Command = async (argv, io) => {
  try {
    const { values, positionals } = parse(argv);
    if (positionals.length > 0)
      throw new UsageError(`runs takes no arguments; got "${positionals.join(' ')}"`);
    const runs = await withLocalStore(io, (store) => store.listRuns(LOCAL_TEAM, { limit: MAX_RUNS_LISTED }));
    const items = runs.map(toRunListItem);
    if (values.json) {
      io.stdout(`${JSON.stringify(items, null, 2)}\n`);
      return EXIT_OK;
    }
    if (items.length === 0) {
      io.stdout('No runs saved yet. Segment a file first: segments segment file.csv\n');
      return EXIT_OK;
    }
    const rows = [
      ['ID', 'NAME', 'CREATED', 'K', 'ROWS'],
      ...items.map((item) => [
        item.id,
        item.name,
        item.createdAt.slice(0, 16).replace('T', ' '),
        String(item.k),
        String(item.rowCount),
      ]),
    ];
    const widths = rows[0].map((_, column) =>
      maxOf(
        rows.map((row) => row[column].length),
        0,
      ),
    );
    for (const row of rows)
      io.stdout(
        `${row
          .map((cell, column) => cell.padEnd(widths[column]))
          .join('  ')
          .trimEnd()}\n`,
      );
    return EXIT_OK;
  } catch (error) {
    return reportError(error, io);
  }
};

function parse(argv: string[]) {
  return parseFlags(argv, { json: { type: 'boolean' } });
}
