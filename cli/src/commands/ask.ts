/**
 * `segments ask "<question>" [--run ID] [--json]`: the same answer engine as the Slack app, over the
 * local store (team `local`): its runs and its prediction runs. `--json` prints the answer model as one JSON document.
 */
import { answerQuestion, findPredictionRun, findRun } from '@segments/core';
import { langFlag, parseFlags } from '../args';
import { reportError } from '../errors';
import { CliError } from '../files';
import { type Command, EXIT_OK, UsageError } from '../io';
import { LOCAL_TEAM, withLocalStore } from '../store';

/** Runs the engine sees: all the local history a person plausibly keeps. */
const MAX_RUNS = 1000;

export const askCommand: Command = async (argv, io) => {
  try {
    const { values, positionals } = parse(argv);
    // Forgiving about quoting: `segments ask how big is VIP` asks the same as the quoted form.
    const question = positionals.join(' ').trim();
    if (question === '')
      throw new UsageError('ask needs a question, e.g. segments ask "which segment should we target?"');
    const runRef = values.run?.trim();
    if (values.run !== undefined && !runRef) throw new UsageError('--run needs a run id or name');
    const [runs, predictions] = await withLocalStore(io, (store) =>
      Promise.all([
        store.listRuns(LOCAL_TEAM, { limit: MAX_RUNS }),
        store.listPredictions(LOCAL_TEAM, { limit: MAX_RUNS }),
      ]),
    );
    if (runRef && runs.length > 0 && !findRun(runs, runRef) && !findPredictionRun(predictions, runRef)) {
      throw new CliError(
        `no run "${runRef}" in the local store; runs: ${runs
          .slice(0, 5)
          .map((run) => run.id)
          .join(', ')}${runs.length > 5 ? ', …' : ''} (see: segments runs)`,
      );
    }
    // --lang forces the language; without it the question's words decide, then LC_ALL/LANG.
    const lang = values.lang === undefined ? undefined : langFlag(values.lang, io.env);
    const answer = answerQuestion(question, {
      runs,
      predictions,
      runRef,
      surface: 'cli',
      lang,
      defaultLang: langFlag(undefined, io.env),
    });
    io.stdout(values.json ? `${JSON.stringify(answer, null, 2)}\n` : `${answer.text}\n`);
    return EXIT_OK;
  } catch (error) {
    return reportError(error, io);
  }
};

function parse(argv: string[]) {
  return parseFlags(argv, { run: { type: 'string' }, json: { type: 'boolean' }, lang: { type: 'string' } });
}
