/**
 * The intent of a question from its wording alone; the segment and goal found later may refine it.
 * The rules are one readable table ({@link INTENT_RULES}): each intent, the words that signal it, and
 * example questions. The same examples are the help text and a test (every example must come back
 * with its intent), so the table cannot drift from what the engine does.
 */
import type { Intent } from '../schema/answer';

/** One row of the intent table. */
export interface IntentRule {
  intent: Intent;
  /** What the intent answers, as help says it. */
  says: string;
  /** Normalised wording that signals the intent (checked in table order, first match wins). */
  pattern: RegExp;
  /** Questions that must come back with this intent; the first is the one help shows. */
  examples: readonly string[];
}

/** Actions a chat question cannot do (they change or move data); answered with where to do them. */
const UNSUPPORTED =
  /^(please )?((can|could|would) you )?(delete|remove|erase|drop|rename|edit|update|modify|export|download|upload|retrain|rerun|re run|undo|purge|wipe)\b|\b(delete|remove|erase|rename|wipe|purge)\b.*\b(runs?|segments?|data|spreadsheet|sheet)\b/;

/**
 * The intent table, in the order the rules are tried. Words are matched after normalisation
 * (lower case, no punctuation) and after key words with typos were corrected ({@link correctTypos}).
 */
export const INTENT_RULES: readonly IntentRule[] = [
  {
    intent: 'help',
    says: 'what I can do',
    pattern:
      /^(help|h|commands|usage|examples?|what can you do|what do you do|how does (this|it) work|hi|hello|hey)?$/,
    examples: ['help', 'what can you do?'],
  },
  {
    intent: 'unsupported',
    says: 'changes to data are made where the data lives; I say where',
    pattern: UNSUPPORTED,
    examples: ['delete the latest run', 'rename segment 2 to Whales', 'export the customers of segment 1'],
  },
  {
    intent: 'connect',
    says: 'how to connect the Google Sheets add-on',
    pattern:
      /\b(connect\w*|api token|token for the add ?on|link (the )?(add ?on|sheet|spreadsheet)|install\w*)\b/,
    examples: ['how do I connect the add-on?'],
  },
  {
    intent: 'chart',
    says: 'a chart: segment sizes, the two main features, choosing k, or a comparison',
    pattern:
      /\b(chart|charts|graph|graphs|plot|plots|picture|visuali[sz]\w*|diagram|scatter|elbow|silhouette)\b/,
    examples: [
      'show a chart of the segment sizes',
      'plot income against spending',
      'show the elbow chart',
      'graph the change since the previous run',
    ],
  },
  {
    intent: 'compare',
    says: 'two runs, or two segments of one run, side by side',
    pattern:
      /\b(compare\w*|comparison|versus|vs|diff|difference\w*|changed?|changes|evolved?|grown|grew|shrunk|shrank)\b/,
    examples: [
      'compare the latest run with the previous one',
      'compare VIP and budget shoppers',
      'what changed since last time?',
    ],
  },
  {
    intent: 'list',
    says: 'the runs published so far',
    pattern: /\bruns\b|\bhistory\b|^(list|show) (all )?(the )?(run|runs)$|\blist\b(?!.*\bsegments?\b)/,
    examples: ['list runs', 'show the run history'],
  },
  {
    intent: 'share',
    says: 'share a run to the channel',
    pattern:
      /^(please )?((can|could|would) you )?(share|post|publish|send)\b(?!.* of\b)|\b(share|post|publish|send)\b.*\b(channel|team|here|slack|everyone|with)\b/,
    examples: ['share the latest run', 'post the results in this channel'],
  },
  {
    intent: 'size',
    says: 'how big a segment is, the biggest or smallest, or every segment with its size',
    pattern:
      /\b(how (big|many|large|much)|sizes?|count|number of|share of|what share|percent\w*|proportion|biggest|largest|smallest|tiniest)\b|\b(what|which|list|all) (the )?segments\b|\bsegments (are there|do (we|i) have)\b/,
    examples: [
      'how big is the VIP segment?',
      'list segments with sizes',
      'what segments are there?',
      'which is the biggest segment?',
    ],
  },
  {
    intent: 'fact',
    says: "a segment's average of one feature (income, age, spending…)",
    // A fact needs a feature too ("average" alone is the Standard persona's nickname): decided later.
    pattern: /\b(average|mean|typical|avg|median)\b/,
    examples: ['average income of the VIP segment', 'what is the mean spending score of segment 2?'],
  },
  {
    intent: 'strategy',
    says: 'the strategy for a segment',
    pattern:
      /\b(strateg\w*|approach\w*|tactic\w*|playbook|recommendations? for|how (should|do|can|could|would|to) (we |i |you )?(reach|market|engage|sell|treat|handle|approach|target|win|talk to|advertise)|what should (we|i) (do|offer|send))\b/,
    examples: ["what's the strategy for Impulse Buyers?", 'recommendations for the budget shoppers'],
  },
  {
    intent: 'target',
    says: 'which segment to target, also for a goal (discount, loyalty, launch…)',
    pattern:
      /\b(target\w*|focus on|prioriti[sz]e|go after|who should|who to|which (segment|group|persona|cluster|customers?)|what (segment|group|persona|cluster)|best segment|recommend\w*|most valuable|least valuable|highest value|lowest value|where to spend|spend (\w+ ){0,2}budget)\b/,
    examples: [
      'which segment should we target?',
      'who should we target for a discount campaign?',
      'which is the most valuable segment?',
    ],
  },
  {
    intent: 'show',
    says: 'a run with its segments',
    pattern:
      /\b(show|display|summary|summari[sz]e|describe|overview|details?|open|results?|about|what did|what does)\b|\bwhat (is|are) .* like\b/,
    examples: ['show the latest run'],
  },
];

/** Questions help shows: one per main intent, five at most (a short message people read). */
export const HELP_EXAMPLES: readonly string[] = [
  'which segment should we target?',
  'how big is the VIP segment?',
  'compare VIP and budget shoppers',
  'show a chart of the segment sizes',
  'average income of the VIP segment',
];

/** Intents a fact question may also look like ("average income of the biggest segment" has "biggest"). */
const FACT_FIRST = new Set<Intent>(['size', 'strategy', 'target', 'show']);

interface IntentGuess {
  intent: Intent;
  /** The question asks both "strategy" and "target" words; the segment decides. */
  strategyOrTarget?: boolean;
  /** For `fact`: the intent when the question names no feature ("strategy for the average segment"). */
  withoutFeature?: IntentGuess;
}

const rule = (intent: Intent) => INTENT_RULES.find((candidate) => candidate.intent === intent) as IntentRule;

/**
 * The intent of a normalised question, from its wording alone: the first row of
 * {@link INTENT_RULES} whose pattern matches; "strategy" and "target" words together leave the choice
 * to the segment ("how should we target VIP" is a strategy question).
 */
export function guessIntent(norm: string, skipFact = false): IntentGuess {
  for (const row of INTENT_RULES) {
    if (!row.pattern.test(norm) || (skipFact && row.intent === 'fact')) continue;
    if (row.intent === 'fact') return { intent: 'fact', withoutFeature: guessIntent(norm, true) };
    // "average income of the biggest segment": a fact about a segment picked by rank or named.
    if (!skipFact && FACT_FIRST.has(row.intent) && /\b(average|mean|typical|avg|median)\b/.test(norm)) {
      return { intent: 'fact', withoutFeature: guessIntent(norm, true) };
    }
    if (row.intent === 'strategy' && rule('target').pattern.test(norm)) {
      return { intent: 'strategy', strategyOrTarget: true };
    }
    return { intent: row.intent };
  }
  if (/\bhelp\b/.test(norm)) return { intent: 'help' };
  return { intent: 'unknown' };
}

/**
 * Key words of the intent table and of segment references, for typo correction. Only these are
 * corrected: a word close to one of them and equal to none (names are matched with typos later,
 * against the run's own names).
 */
const KEY_WORDS = [
  'many',
  'compare',
  'comparison',
  'difference',
  'strategy',
  'strategies',
  'approach',
  'target',
  'targeting',
  'segment',
  'segments',
  'cluster',
  'clusters',
  'biggest',
  'largest',
  'smallest',
  'average',
  'income',
  'spending',
  'valuable',
  'recommend',
  'recommendations',
  'customers',
  'latest',
  'previous',
  'chart',
  'share',
  'delete',
  'summary',
  'campaign',
  'discount',
  'loyalty',
  'persona',
  'personas',
  'history',
];

/** Everyday words that sit within two edits of a key word and must stay as typed. */
const KEEP_AS_TYPED = new Set([
  'spend',
  'spends',
  'spender',
  'spenders',
  'shares',
  'shared',
  'sharing',
  'charts',
  'chat',
  'charge',
  'charges',
  'target',
  'targets',
  'targeted',
  'latter',
  'larger',
  'largely',
  'smaller',
  'biggest',
  'bigger',
  'average',
  'averages',
  'incomes',
  'approaches',
  'comparing',
  'compared',
  'cluster',
  'clusters',
  'summaries',
  'customer',
  'previously',
  'delete',
  'deleted',
  'segment',
  'segmented',
  'present',
  'persons',
  'personal',
  'history',
  'story',
  'valuable',
  'discounts',
  'campaigns',
  'loyal',
  'royalty',
  'market',
  'marketing',
  'markets',
  'least',
  'summer',
  'company',
  'companies',
  'compete',
  'income',
]);

/**
 * Corrects typos in the key words of a question (Damerau-Levenshtein within `isClose`): "stratgy"
 * → "strategy", "segmnet" → "segment", "bigest" → "biggest". Words with digits, short words and
 * words that are already key words stay as typed.
 */
export function correctTypos(
  words: readonly string[],
  isClose: (typed: string, known: string) => boolean,
): string[] {
  return words.map((word) => {
    if (word.length < 4 || /\d/.test(word) || KEEP_AS_TYPED.has(word) || KEY_WORDS.includes(word))
      return word;
    const candidates = KEY_WORDS.filter((known) => isClose(word, known));
    return candidates.length ? candidates[0] : word;
  });
}
