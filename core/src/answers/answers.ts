/**
 * The answer engine: one plain-language question about the team's runs in, one {@link Answer} out.
 * Slack (slash command, mentions, DMs, App Home) and `segments ask` both call {@link answerQuestion};
 * they differ only in how they render the answer. Pure and synchronous: no I/O, no clock, no
 * randomness, so the same question over the same runs always gets the same answer.
 */
import type {
  Answer,
  AnswerContext,
  Intent,
  PredictedSegmentFacts,
  RunListItem,
  SegmentChange,
} from '../schema/answer';
import { assertNever } from '../schema/errors';
import type { PredictedSegment, PredictionRun } from '../schema/model';
import type { PersonaKey, RunSummary, Segment } from '../schema/run';
import { maxOf } from '../table/extent';
import {
  damerauLevenshtein,
  findSequence,
  isCloseMatch,
  normalizeText,
  stemWord,
  type Token,
  tokenize,
} from './text-match';

/** The playbook personas (every persona key except `custom`). */
export type PlaybookKey = Exclude<PersonaKey, 'custom'>;

/**
 * The playbook's persona names and the words people use for them in chat (the seeds' names Miser,
 * Careless, Sensible, Standard, VIP among them). Synonyms are lower case; several words allowed.
 */
export const PERSONA_SYNONYMS: Readonly<Record<PlaybookKey, { name: string; synonyms: readonly string[] }>> =
  {
    vip: {
      name: 'Premium Shoppers (VIP)',
      synonyms: ['vip', 'premium', 'high value', 'big spenders', 'high spenders', 'premium shoppers'],
    },
    cautious: { name: 'Cautious Spenders', synonyms: ['miser', 'cautious', 'careful', 'careful spenders'] },
    impulse: { name: 'Impulse Buyers', synonyms: ['careless', 'impulse', 'impulsive'] },
    budget: {
      name: 'Budget Shoppers',
      synonyms: ['sensible', 'budget', 'frugal', 'low spenders', 'thrifty'],
    },
    standard: {
      name: 'Potential Loyalists (Standard)',
      synonyms: ['standard', 'average', 'loyalists', 'potential loyalists', 'regulars'],
    },
    young: { name: 'Young Enthusiasts', synonyms: ['young', 'youth', 'young enthusiasts', 'gen z'] },
  };

const PLAYBOOK_KEYS = Object.keys(PERSONA_SYNONYMS) as PlaybookKey[];

/** Campaign goals the target question understands. */
export type Goal =
  | 'discount'
  | 'loyalty'
  | 'premium launch'
  | 'upsell'
  | 'retention'
  | 'reactivation'
  | 'social';

interface GoalRule {
  goal: Goal;
  /** How the goal reads in a sentence: "For a discount campaign, …". */
  phrase: string;
  /** Persona keys suited to the goal, best first. */
  keys: readonly PlaybookKey[];
  /** Word sequences (normalised, stemmed) that name the goal. */
  words: readonly string[];
}

/** Goals, the persona keys suited to each (best first) and the words that name them. */
export const GOAL_RULES: readonly GoalRule[] = [
  {
    goal: 'premium launch',
    phrase: 'a premium launch',
    keys: ['vip', 'cautious'],
    words: [
      'premium launch',
      'product launch',
      'launch',
      'launches',
      'launching',
      'new product',
      'luxury',
      'exclusive',
    ],
  },
  {
    goal: 'upsell',
    phrase: 'upselling',
    keys: ['vip', 'cautious'],
    words: [
      'upsell',
      'upselling',
      'up sell',
      'up selling',
      'cross sell',
      'cross selling',
      'upgrade',
      'upgrades',
    ],
  },
  {
    goal: 'discount',
    phrase: 'a discount campaign',
    keys: ['impulse', 'budget'],
    words: [
      'discount',
      'discounts',
      'discounted',
      'sale',
      'coupon',
      'promo',
      'promotion',
      'deal',
      'clearance',
      'markdown',
      'voucher',
      'bargain',
      'black friday',
    ],
  },
  {
    goal: 'loyalty',
    phrase: 'a loyalty programme',
    keys: ['standard', 'vip'],
    words: ['loyalty', 'membership', 'reward', 'points', 'referral'],
  },
  {
    goal: 'retention',
    phrase: 'retention',
    keys: ['vip', 'standard'],
    words: ['retention', 'retain', 'retaining', 'churn', 'churning', 'keep'],
  },
  {
    goal: 'reactivation',
    phrase: 'reactivation',
    keys: ['cautious', 'budget'],
    words: [
      'reactivation',
      'reactivate',
      'reactivating',
      're activate',
      're activation',
      'win back',
      'winback',
      're engage',
      'reengage',
      'reengagement',
      'dormant',
      'lapsed',
      'inactive',
    ],
  },
  {
    goal: 'social',
    phrase: 'a social media campaign',
    keys: ['young', 'impulse'],
    words: ['social', 'social media', 'influencer', 'tiktok', 'instagram', 'viral'],
  },
];

/** Questions to try, shown with help and with questions the engine did not understand. */
export const EXAMPLE_QUESTIONS: readonly string[] = [
  'list runs',
  'show the latest run',
  'how big is the VIP segment?',
  'which segment should we target?',
  'who should we target for a discount campaign?',
  "what's the strategy for Impulse Buyers?",
  'compare the latest run with the previous one',
  'share the latest run',
  'how do I connect the add-on?',
  'how many new customers fall in segment D?',
];

// ---------------------------------------------------------------------------------------------
// Runs

/**
 * Finds a run by what a person calls it: "latest" (also last, newest, current), "previous", its id
 * (exact, any case, or a unique prefix of 4+ characters), its name (any case), a part of its name,
 * or a name with a typo or two. `runs` is newest first, as the store lists them; on a tie the newest wins.
 * @returns the run, or undefined when nothing fits
 * @example findRun(runs, 'mall-2026')?.id
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

/** A run as listed (newest first): enough to pick one. */
export function toRunListItem(run: RunSummary): RunListItem {
  return { id: run.id, name: run.name, createdAt: run.createdAt, k: run.k, rowCount: run.source.rowCount };
}

const LATEST_WORDS = new Set(['latest', 'last', 'newest', 'current', 'recent']);
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

interface RunMention {
  run: RunSummary;
  start: number;
}

interface RunMentions {
  mentions: RunMention[];
  /** A "run X" the user named that is not a run. */
  unknownReference?: string;
}

/** Finds the runs a question names (ids, names, "run X", latest/previous) and marks those words used. */
function findRunMentions(
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

// ---------------------------------------------------------------------------------------------
// Segments

/** How a reference found its segment, strongest first. */
export type SegmentMatchKind = 'index' | 'label' | 'name' | 'synonym' | 'partial' | 'fuzzy';

/** A segment found from what the user called it. */
export interface SegmentMatch {
  segment: Segment;
  by: SegmentMatchKind;
  /** The words of the reference that matched, as typed. */
  text: string;
}

type SegmentResolution =
  | { kind: 'match'; match: SegmentMatch }
  | { kind: 'ambiguous'; text: string; candidates: Segment[] }
  | { kind: 'no-such-number'; number: number }
  | { kind: 'none'; subject: string };

/**
 * Finds the segment a person means in a run. Tried in order: "segment 3" (chat counts from 1, so
 * segment 3 is the segment with index 2; "segment D" or "cluster D" matches a persona named exactly
 * "D" or "Segment D", as prediction runs name segments by class label), the persona's name (any
 * case, with or without its parenthesis), the playbook synonyms of its persona key (VIP, Miser,
 * Careless, Sensible, Standard, …), distinctive words of its name ("impulse", "loyalists"), and
 * finally names and synonyms within a Damerau-Levenshtein distance of 1–2 scaled by word length
 * ("Impluse buyers"). The reference may be a bare name or a whole question.
 * @returns the match, or undefined when no segment (or more than one, equally well) fits
 * @example resolveSegment(run, 'segment 3')?.segment.index // 2
 */
export function resolveSegment(run: RunSummary, reference: string): SegmentMatch | undefined {
  const resolution = resolveSegmentInTokens(run, tokenize(reference));
  return resolution.kind === 'match' ? resolution.match : undefined;
}

/**
 * The playbook key of a segment: `persona.key` when set, else recognised from a playbook name.
 * @example personaKeyOf(run.segments[0]) // 'vip'
 */
export function personaKeyOf(segment: Segment): PlaybookKey | undefined {
  const key = segment.persona.key;
  if (key && key !== 'custom') return key;
  if (key === 'custom') return undefined;
  const name = normalizeText(segment.persona.name);
  return PLAYBOOK_KEYS.find((candidate) => {
    const playbookName = PERSONA_SYNONYMS[candidate].name;
    return name === normalizeText(playbookName) || name === normalizeText(withoutParenthesis(playbookName));
  });
}

const SEGMENT_WORDS = new Set(['segment', 'cluster', 'group', 'persona', 'seg', 'class']);
const ORDINALS = [
  'first',
  'second',
  'third',
  'fourth',
  'fifth',
  'sixth',
  'seventh',
  'eighth',
  'ninth',
  'tenth',
];

/** Words of questions that never name a segment; what is left is what the user called the segment. */
const FILLER_WORDS = new Set(
  `a an the of for to in on at by with from into within about and or but not no is are was were be been
  being am do does did has have had can could would will shall should may might must what whats which who
  whom whose how why when where there theres here it its this that these those they them their we us our
  you your i me my he she his her please tell show give list see know get let lets want need like just
  also more most much many big bigger biggest large larger largest small smaller smallest size sizes count
  number numbers total share shares percent percentage proportion portion part fraction customers customer
  clients client people persons users segment segments seg cluster clusters group groups persona personas
  run runs latest last newest current previous recent strategy strategies approach approaches tactic
  tactics playbook plan target targeting targeted focus prioritise prioritize market marketing reach engage
  sell treat handle best top first recommend recommended recommendation campaign campaigns one ones ok okay
  thanks thank hi hello hey now currently today right exactly roughly about around overall called named`
    .split(/\s+/)
    .filter(Boolean),
);

/** Resolves the segment named by `tokens` (words of a question with run names taken out). */
function resolveSegmentInTokens(run: RunSummary, tokens: readonly Token[]): SegmentResolution {
  const norms = tokens.map((token) => token.norm);
  const stems = tokens.map((token) => token.stem);
  const segments = run.segments;
  const rawOf = (start: number, length: number) =>
    tokens
      .slice(start, start + length)
      .map((token) => token.raw)
      .join(' ');
  const nameIs = (segment: Segment, ...forms: string[]) =>
    forms.includes(normalizeText(segment.persona.name)) ||
    forms.includes(normalizeText(withoutParenthesis(segment.persona.name)));

  // 1. "segment 3", "cluster D", "the third segment"; a bare "3" or "D" when that is all there is.
  for (let i = 0; i < tokens.length; i++) {
    if (SEGMENT_WORDS.has(norms[i])) {
      let j = i + 1;
      while (j < tokens.length && (norms[j] === 'number' || norms[j] === 'no' || norms[j] === 'nr')) j++;
      const label = norms[j];
      if (label !== undefined && !FILLER_WORDS.has(label)) {
        const named = segments.find((segment) =>
          nameIs(segment, label, `${norms[i]} ${label}`, `segment ${label}`),
        );
        if (named)
          return { kind: 'match', match: { segment: named, by: 'label', text: rawOf(i, j - i + 1) } };
        if (/^\d+$/.test(label)) {
          const number = Number(label);
          const segment = segments[number - 1];
          if (!segment) return { kind: 'no-such-number', number };
          return { kind: 'match', match: { segment, by: 'index', text: rawOf(i, j - i + 1) } };
        }
      }
      const ordinal = ORDINALS.indexOf(norms[i - 1] ?? '');
      if (ordinal >= 0) {
        const segment = segments[ordinal];
        if (!segment) return { kind: 'no-such-number', number: ordinal + 1 };
        return { kind: 'match', match: { segment, by: 'index', text: rawOf(i - 1, 2) } };
      }
    }
  }
  if (tokens.length === 1 && /^\d+$/.test(norms[0])) {
    const number = Number(norms[0]);
    const named = segments.find((segment) => nameIs(segment, norms[0]));
    if (named) return { kind: 'match', match: { segment: named, by: 'label', text: tokens[0].raw } };
    const segment = segments[number - 1];
    if (!segment) return { kind: 'no-such-number', number };
    return { kind: 'match', match: { segment, by: 'index', text: tokens[0].raw } };
  }

  // 2. The persona's name, whole; the longest name found wins ("Budget Shoppers" over "Budget").
  let best: { segment: Segment; start: number; length: number } | undefined;
  for (const segment of segments) {
    for (const form of [segment.persona.name, withoutParenthesis(segment.persona.name)]) {
      const words = tokenize(form).map((token) => token.stem);
      if (!words.length) continue;
      // One- and two-letter names ("A", "D") only match as the whole reference: "a" is also an article.
      if (words.join('').length <= 2 && tokens.length !== words.length) continue;
      const start = findSequence(stems, words);
      if (start >= 0 && (!best || words.length > best.length))
        best = { segment, start, length: words.length };
    }
  }
  if (best)
    return {
      kind: 'match',
      match: { segment: best.segment, by: 'name', text: rawOf(best.start, best.length) },
    };

  // 3. Playbook synonyms of the persona key ("VIP", "Miser", "big spenders").
  const keyed = segments.map((segment) => ({ segment, key: personaKeyOf(segment) }));
  let synonymHit: { segment: Segment; start: number; length: number; weak: boolean } | undefined;
  for (const key of PLAYBOOK_KEYS) {
    const segment = keyed.filter((entry) => entry.key === key).sort(byPriority)[0]?.segment;
    if (!segment) continue;
    for (const synonym of PERSONA_SYNONYMS[key].synonyms) {
      const words = synonym.split(' ').map(stemWord);
      const start = findSequence(stems, words);
      if (start < 0) continue;
      // "average" is also an everyday word ("the average income of VIP"): any other synonym wins over it.
      const weak = synonym === 'average';
      const better =
        !synonymHit ||
        (synonymHit.weak && !weak) ||
        (synonymHit.weak === weak &&
          (start < synonymHit.start || (start === synonymHit.start && words.length > synonymHit.length)));
      if (better) synonymHit = { segment, start, length: words.length, weak };
    }
  }
  if (synonymHit) {
    return {
      kind: 'match',
      match: { segment: synonymHit.segment, by: 'synonym', text: rawOf(synonymHit.start, synonymHit.length) },
    };
  }

  // 4. Distinctive words of a name ("impulse", "loyalists"); a word shared by names counts less.
  const content = tokens
    .map((_, i) => i)
    .filter((i) => !FILLER_WORDS.has(norms[i]) && !FILLER_WORDS.has(stems[i]));
  const subject = content.map((i) => tokens[i].raw).join(' ');
  const nameWords = segments.map((segment) =>
    tokenize(segment.persona.name)
      .map((token) => token.stem)
      .filter((word) => !FILLER_WORDS.has(word)),
  );
  // 5. A word no name contains may be a typo of a name word or a one-word synonym ("Impluse", "Sensibel").
  const isTypoOf = (i: number, s: number) => {
    const word = stems[i];
    if (word.length < 4) return false;
    if (nameWords[s].some((known) => known.length >= 4 && isCloseMatch(word, known))) return true;
    const key = keyed[s].key;
    return key !== undefined && PERSONA_SYNONYMS[key].synonyms.some((synonym) => isCloseMatch(word, synonym));
  };
  const scores = new Array<number>(segments.length).fill(0);
  const viaTypo = new Array<boolean>(segments.length).fill(false);
  for (const i of content) {
    let hits = segments
      .map((_, s) => s)
      .filter((s) => nameWords[s].some((word) => sameOrPrefix(stems[i], word)));
    const typo = !hits.length;
    if (typo) hits = segments.map((_, s) => s).filter((s) => isTypoOf(i, s));
    for (const s of hits) {
      scores[s] += 1 / hits.length;
      if (typo) viaTypo[s] = true;
    }
  }
  const top = maxOf(scores, 0);
  if (top > 0) {
    const leaders = segments.filter((_, s) => scores[s] === top);
    if (leaders.length > 1) return { kind: 'ambiguous', text: subject, candidates: leaders };
    const segment = leaders[0];
    return {
      kind: 'match',
      match: { segment, by: viaTypo[segment.index] ? 'fuzzy' : 'partial', text: subject },
    };
  }

  return { kind: 'none', subject };
}

function sameOrPrefix(typed: string, known: string): boolean {
  if (typed === known) return true;
  if (typed.length < 4 || known.length < 4) return false;
  return known.startsWith(typed) || typed.startsWith(known);
}

function byPriority(a: { segment: Segment }, b: { segment: Segment }): number {
  return a.segment.persona.priority - b.segment.persona.priority || a.segment.index - b.segment.index;
}

function withoutParenthesis(name: string): string {
  return name.replace(/\s*\([^)]*\)\s*/g, ' ').trim() || name;
}

// ---------------------------------------------------------------------------------------------
// Intents

const HELP_ONLY =
  /^(help|h|commands|usage|examples?|what can you do|what do you do|how does (this|it) work|hi|hello|hey)?$/;
const CONNECT =
  /\b(connect\w*|api token|token for the add ?on|link (the )?(add ?on|sheet|spreadsheet)|install\w*)\b/;
const COMPARE =
  /\b(compare\w*|comparison|versus|vs|diff|difference\w*|changed?|changes|evolved?|grown|grew|shrunk|shrank)\b/;
const SHARE_VERB = /\b(share|post|publish|send)\b/;
const SIZE =
  /\b(how (big|many|large|much)|sizes?|count|number of|share of|what share|percent\w*|proportion|biggest|largest|smallest)\b/;
const STRATEGY =
  /\b(strateg\w*|approach\w*|tactic\w*|playbook|how (should|do|can|could|would|to) (we |i |you )?(reach|market|engage|sell|treat|handle|approach|target|win|talk to|advertise)|what should (we|i) (do|offer|send))\b/;
const TARGET =
  /\b(target\w*|focus on|prioriti[sz]e|go after|who should|who to|which (segment|group|persona|cluster|customers?)|what (segment|group|persona|cluster)|best segment|recommend\w*)\b/;
const SHOW =
  /\b(show|display|summary|summari[sz]e|describe|overview|details?|open|results?|about|what did|what does)\b/;

interface IntentGuess {
  intent: Intent;
  /** The question asks both "strategy" and "target" words; the segment decides. */
  strategyOrTarget?: boolean;
}

/** The intent of a normalised question, from its wording alone. */
function guessIntent(norm: string): IntentGuess {
  if (HELP_ONLY.test(norm)) return { intent: 'help' };
  if (CONNECT.test(norm)) return { intent: 'connect' };
  if (COMPARE.test(norm)) return { intent: 'compare' };
  if (/\bruns\b|\bhistory\b/.test(norm) || (/\blist\b/.test(norm) && !/\bsegments?\b/.test(norm))) {
    return { intent: 'list' };
  }
  const imperativeShare = /^(please )?((can|could|would) you )?(share|post|publish|send)\b/.test(norm);
  const shareTo = SHARE_VERB.test(norm) && /\b(channel|team|here|slack|everyone|with)\b/.test(norm);
  if ((imperativeShare || shareTo) && !/\bshare of\b/.test(norm)) return { intent: 'share' };
  if (SIZE.test(norm)) return { intent: 'size' };
  const strategy = STRATEGY.test(norm);
  const target = TARGET.test(norm);
  if (strategy && target) return { intent: 'strategy', strategyOrTarget: true };
  if (strategy) return { intent: 'strategy' };
  if (target) return { intent: 'target' };
  if (SHOW.test(norm)) return { intent: 'show' };
  if (/\bhelp\b/.test(norm)) return { intent: 'help' };
  return { intent: 'unknown' };
}

interface GoalMention {
  rule: GoalRule;
  start: number;
  length: number;
}

/** The campaign goal a question names, earliest first; marks its words used. */
function findGoal(tokens: readonly Token[], used: boolean[]): GoalMention | undefined {
  const stems = tokens.map((token) => token.stem);
  let found: GoalMention | undefined;
  for (const rule of GOAL_RULES) {
    for (const phrase of rule.words) {
      const words = phrase.split(' ').map(stemWord);
      const start = findSequence(stems, words);
      if (start < 0 || used[start]) continue;
      if (!found || start < found.start || (start === found.start && words.length > found.length)) {
        found = { rule, start, length: words.length };
      }
    }
  }
  if (found) for (let i = found.start; i < found.start + found.length; i++) used[i] = true;
  return found;
}

// ---------------------------------------------------------------------------------------------
// The engine

/**
 * Answers one question about the team's runs. Understands: help; list runs; show a run (the
 * latest, or by name or id); the size of a segment; which segment to target, optionally for a goal
 * (discount, loyalty, premium launch, upsell, retention, reactivation, social); the strategy for a
 * segment; compare two runs (the latest with the previous by default); share a run; connect the
 * add-on. Segments are found with {@link resolveSegment} ("segment 3" is the third segment, index 2);
 * runs with {@link findRun}. Never throws for odd input: what it cannot answer becomes intent
 * `unknown` with help text and examples.
 * @param question what the user typed
 * @param context the team's runs (newest first), an optional picked run, and the surface asked from
 *   (default 'slack'; it only changes the wording of help, connect and "no runs yet")
 * @example answerQuestion('how big is the VIP segment?', { runs }).text
 */
export function answerQuestion(question: string, context: AnswerContext): Answer {
  const surface = context.surface ?? 'slack';
  const runs = context.runs;
  // Slack hands over mentions and channel links as <@U123> / <#C123|name>; they are never part of the question.
  const tokens = tokenize(question.replace(/<[@#!][^>]*>/g, ' '));
  const norm = tokens.map((token) => token.norm).join(' ');
  const guess = guessIntent(norm);
  let intent = guess.intent;

  if (intent === 'help') return helpAnswer('help', surface);
  if (intent === 'connect') return connectAnswer(surface);
  // New customers, leads, "predicted": answered from prediction runs, which need no segmentation run.
  if (PREDICTION_QUESTION.test(norm) && PREDICTION_INTENTS.has(intent)) {
    return predictionAnswer(tokens, norm, context.predictions ?? [], context.runRef, surface);
  }
  if (!runs.length) return noRunsAnswer(intent, surface);
  if (intent === 'list') return listAnswer(runs);

  let baseIndex = 0;
  if (context.runRef !== undefined) {
    const picked = findRun(runs, context.runRef);
    if (!picked) return runNotFoundAnswer(intent, context.runRef, runs);
    baseIndex = runs.indexOf(picked);
  }
  const used = tokens.map(() => false);
  const { mentions, unknownReference } = findRunMentions(tokens, runs, baseIndex, used);
  const needsNamedRun = intent === 'show' || intent === 'share' || intent === 'compare';
  if (unknownReference !== undefined && needsNamedRun && mentions.length < (intent === 'compare' ? 2 : 1)) {
    return runNotFoundAnswer(intent, unknownReference, runs);
  }
  if (intent === 'compare') return compareAnswer(runs, baseIndex, mentions);

  const run = mentions[0]?.run ?? runs[baseIndex];
  const goal = findGoal(tokens, used);
  const rest = tokens.filter((_, i) => !used[i]);
  const resolution = resolveSegmentInTokens(run, rest);
  const strongMatch =
    resolution.kind === 'match' && resolution.match.by !== 'fuzzy' && resolution.match.by !== 'partial';

  if (guess.strategyOrTarget) intent = resolution.kind === 'match' ? 'strategy' : 'target';
  if (intent === 'show' && strongMatch && !mentions.length) intent = 'strategy';
  if (intent === 'unknown') {
    if (resolution.kind === 'match' && resolution.match.by !== 'partial') intent = 'strategy';
    else if (goal) intent = 'target';
    else if (mentions.length) intent = 'show';
  }
  if (intent === 'strategy' && resolution.kind === 'none' && !resolution.subject && goal) intent = 'target';

  switch (intent) {
    case 'show':
      return showAnswer(run);
    case 'share':
      return shareAnswer(run, surface);
    case 'target':
      return targetAnswer(run, goal?.rule);
    case 'size':
    case 'strategy':
      if (resolution.kind === 'match') return segmentAnswer(intent, run, resolution.match.segment);
      if (resolution.kind === 'none' && !resolution.subject) {
        return intent === 'size' ? sizeOverviewAnswer(run) : strategyOverviewAnswer(run);
      }
      return segmentNotFoundAnswer(intent, run, resolution);
    case 'unknown':
      return helpAnswer('unknown', surface, question);
    default:
      return assertNever(intent, 'intent');
  }
}

// ---------------------------------------------------------------------------------------------
// Answers

function helpAnswer(intent: 'help' | 'unknown', surface: 'slack' | 'cli', question?: string): Answer {
  const how =
    surface === 'cli'
      ? 'I answer questions about the segmentation runs saved on this machine. Ask with: segments ask "your question".'
      : 'I answer questions about the segmentation runs published to this workspace. Ask with /segments followed by a question, by mentioning me, or in a direct message.';
  const opening =
    intent === 'unknown'
      ? `Sorry, I did not understand "${question?.trim() ?? ''}". `
      : 'I can help with that. ';
  const text =
    opening +
    how +
    ' I can list runs, show a run, tell you how big a segment is, which segment to target (also for a goal such as a discount campaign, loyalty, a premium launch, retention, upselling or reactivation), the strategy for a segment, compare two runs, share a run to a channel, and explain how to connect the Google Sheets add-on. Try: ' +
    EXAMPLE_QUESTIONS.map((example) => `"${example}"`).join(', ') +
    '.';
  return { intent, text, examples: [...EXAMPLE_QUESTIONS] };
}

function connectAnswer(surface: 'slack' | 'cli'): Answer {
  const text =
    surface === 'cli'
      ? 'The command line keeps its runs in a local store (team "local"); it needs no connection. To connect the Google Sheets add-on to Slack, type /segments connect in your Slack workspace to get a token, then paste it in the spreadsheet under Extensions › Customer Segments › Settings…. After that, Extensions › Customer Segments › Publish to Slack… sends a run summary (never row-level data) to the workspace.'
      : 'To connect the Google Sheets add-on to this workspace: type /segments connect to get a token (only you see it), then paste it in the spreadsheet under Extensions › Customer Segments › Settings…. After that, Extensions › Customer Segments › Publish to Slack… sends a run summary (never row-level data) here, and you can ask about it.';
  return { intent: 'connect', text };
}

function noRunsAnswer(intent: Intent, surface: 'slack' | 'cli'): Answer {
  const text =
    surface === 'cli'
      ? 'There are no runs saved yet. Segment a file with: segments segment file.csv (the run is saved in the local store), or segment a sheet in Google Sheets with Extensions › Customer Segments › Segment customers…, then ask again.'
      : 'There are no runs in this workspace yet. Publish one from Google Sheets with Extensions › Customer Segments › Publish to Slack… (connect first with /segments connect), or segment a file from the command line with: segments segment file.csv. Then ask again.';
  return { intent, text, examples: [...EXAMPLE_QUESTIONS] };
}

function runNotFoundAnswer(intent: Intent, reference: string, runs: readonly RunSummary[]): Answer {
  const shown = runs.slice(0, 5).map((run) => `${run.name} (id ${run.id})`);
  const more = runs.length > 5 ? ` and ${runs.length - 5} more` : '';
  return {
    intent,
    text: `I can't find a run called '${reference}'. The runs are: ${shown.join(', ')}${more}.`,
    runs: runs.map(toRunListItem),
  };
}

function listAnswer(runs: readonly RunSummary[]): Answer {
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

function runFacts(run: RunSummary): Pick<Answer, 'runId' | 'runName'> {
  return { runId: run.id, runName: run.name };
}

function describeRun(run: RunSummary): string {
  const total = totalOf(run);
  const source = sourceOf(run);
  const algorithm = run.algorithm === 'kprototypes' ? 'k-prototypes' : 'k-means';
  const segmentList = run.segments.map(
    (segment) => `${segmentLabel(segment)} with ${fmtCount(segment.size)} (${fmtShare(segment.share)})`,
  );
  const top = rankedByPriority(run)[0];
  const dropped = run.preprocessing.rowsDropped
    ? ` ${plural(run.preprocessing.rowsDropped, 'row')} ${run.preprocessing.rowsDropped === 1 ? 'was' : 'were'} left out.`
    : '';
  return (
    `Run ${run.name} (id ${run.id}, created ${dateOf(run.createdAt)}) put ${customers(total)}${source} into ` +
    `${plural(run.k, 'segment')} with ${algorithm}.${dropped} Segments: ${segmentList.join('; ')}. ` +
    `Target first: ${top.persona.name}.`
  );
}

function showAnswer(run: RunSummary): Answer {
  return { intent: 'show', ...runFacts(run), text: describeRun(run), run };
}

function shareAnswer(run: RunSummary, surface: 'slack' | 'cli'): Answer {
  const text =
    surface === 'cli'
      ? `Sharing to a channel happens in Slack: type /segments share ${run.name} there, or publish from Google Sheets with Extensions › Customer Segments › Publish to Slack…. ${describeRun(run)}`
      : `Sharing run ${run.name} to the channel. ${describeRun(run)}`;
  return { intent: 'share', ...runFacts(run), text, run };
}

function segmentAnswer(intent: 'size' | 'strategy', run: RunSummary, segment: Segment): Answer {
  const total = totalOf(run);
  const facts = {
    ...runFacts(run),
    segment: { index: segment.index, name: segment.persona.name },
    size: segment.size,
    share: segment.share,
  };
  if (intent === 'size') {
    const largest = [...run.segments].sort((a, b) => b.size - a.size || a.index - b.index)[0];
    const rank = largest === segment ? ' It is the largest segment.' : '';
    return {
      intent,
      ...facts,
      text: `${capitalise(segmentLabel(segment))} has ${customers(segment.size)}, ${fmtShare(segment.share)} of the ${fmtCount(total)} in run ${run.name}.${rank}`,
    };
  }
  const summary = segment.persona.summary.trim() ? ` Profile: ${sentence(segment.persona.summary)}` : '';
  return {
    intent,
    ...facts,
    strategy: segment.persona.strategy,
    text:
      `The strategy for ${segmentLabel(segment)} in run ${run.name}: ${sentence(segment.persona.strategy)} ` +
      `It has ${customers(segment.size)}, ${fmtShare(segment.share)} of the ${fmtCount(total)}, and ranks ${ordinal(segment.persona.priority)} for targeting.${summary}`,
  };
}

function sizeOverviewAnswer(run: RunSummary): Answer {
  const bySize = [...run.segments].sort((a, b) => b.size - a.size || a.index - b.index);
  const parts = run.segments.map(
    (segment) => `${segmentLabel(segment)} ${fmtCount(segment.size)} (${fmtShare(segment.share)})`,
  );
  const text =
    `Run ${run.name} has ${customers(totalOf(run))} in ${plural(run.k, 'segment')}: ${parts.join(', ')}. ` +
    `The largest is ${bySize[0].persona.name}` +
    (bySize.length > 1 ? `, the smallest ${bySize[bySize.length - 1].persona.name}.` : '.');
  return { intent: 'size', ...runFacts(run), text };
}

function strategyOverviewAnswer(run: RunSummary): Answer {
  const lines = rankedByPriority(run).map(
    (segment) =>
      `${capitalise(segmentLabel(segment))}, ${customers(segment.size)}: ${sentence(segment.persona.strategy)}`,
  );
  return {
    intent: 'strategy',
    ...runFacts(run),
    text: `Strategies in run ${run.name}, in targeting order:\n${lines.join('\n')}`,
  };
}

function segmentNotFoundAnswer(
  intent: 'size' | 'strategy',
  run: RunSummary,
  resolution: Exclude<SegmentResolution, { kind: 'match' }>,
): Answer {
  const names = run.segments.map((segment) => segment.persona.name).join(', ');
  let text: string;
  if (resolution.kind === 'ambiguous') {
    const options = resolution.candidates.map((segment) => segment.persona.name);
    text = `'${resolution.text}' could mean ${options.slice(0, -1).join(', ')} or ${options[options.length - 1]} in run ${run.name}. Which one?`;
  } else if (resolution.kind === 'no-such-number') {
    text = `Run ${run.name} has no segment ${resolution.number}; it has ${plural(run.k, 'segment')}, numbered 1 to ${run.segments.length}: ${names}.`;
  } else {
    text = `I don't know '${resolution.subject}'; the segments in run ${run.name} are ${names}.`;
  }
  return { intent, ...runFacts(run), text };
}

/**
 * Orders a run's segments for targeting: by persona priority (1 first), then larger first, then index.
 * @example rankedByPriority(run)[0].persona.name
 */
export function rankedByPriority(run: RunSummary): Segment[] {
  return [...run.segments].sort(
    (a, b) => a.persona.priority - b.persona.priority || b.size - a.size || a.index - b.index,
  );
}

/**
 * Orders a run's segments for a campaign goal: segments whose persona key suits the goal first, in
 * the goal's order of keys (discount: impulse, then budget), ties by priority; the rest by priority.
 * @example rankedForGoal(run, 'discount')[0].persona.key // 'impulse'
 */
export function rankedForGoal(run: RunSummary, goal: Goal): Segment[] {
  const rule = GOAL_RULES.find((candidate) => candidate.goal === goal);
  const keys: readonly PlaybookKey[] = rule?.keys ?? [];
  const goalFit = (segment: Segment) => {
    const key = personaKeyOf(segment);
    const position = key ? keys.indexOf(key) : -1;
    return position < 0 ? keys.length : position;
  };
  return rankedByPriority(run).sort((a, b) => goalFit(a) - goalFit(b));
}

function targetAnswer(run: RunSummary, rule: GoalRule | undefined): Answer {
  const ranked = rule ? rankedForGoal(run, rule.goal) : rankedByPriority(run);
  const [best, runnerUp] = ranked;
  const total = totalOf(run);
  const suited = rule ? rule.keys.includes(personaKeyOf(best) as PlaybookKey) : false;
  const facts = `${customers(best.size)}, ${fmtShare(best.share)} of the ${fmtCount(total)}${valueClause(run, best)}`;
  let why: string;
  if (!rule) {
    why = `Target ${segmentLabel(best)} first in run ${run.name}: ${facts}. It ranks first for targeting (size × value).`;
  } else if (suited) {
    why = `For ${rule.phrase}, target ${segmentLabel(best)} in run ${run.name}: ${facts}. Its persona suits ${rule.phrase} best in this run.`;
  } else {
    const fitting = rule.keys.map((key) => PERSONA_SYNONYMS[key].name).join(' or ');
    why = `For ${rule.phrase}, target ${segmentLabel(best)} in run ${run.name}: ${facts}. No segment in this run is a typical fit (${fitting}), so this is the first priority overall.`;
  }
  const strategy = ` Strategy: ${sentence(best.persona.strategy)}`;
  const second = runnerUp
    ? ` Runner-up: ${segmentLabel(runnerUp)}, ${customers(runnerUp.size)}, ${fmtShare(runnerUp.share)}.`
    : ' There is no runner-up: the run has one segment.';
  return {
    intent: 'target',
    ...runFacts(run),
    segment: { index: best.index, name: best.persona.name },
    size: best.size,
    share: best.share,
    strategy: best.persona.strategy,
    ...(rule ? { goal: rule.goal } : {}),
    ...(runnerUp ? { runnerUp: { index: runnerUp.index, name: runnerUp.persona.name } } : {}),
    text: why + strategy + second,
  };
}

/** ", with high Spending Score (82 on average)": the value side of size × value, from income and spending roles. */
function valueClause(run: RunSummary, segment: Segment): string {
  const valued = run.features.filter((feature) => feature.role === 'spending' || feature.role === 'income');
  const parts: string[] = [];
  for (const feature of valued) {
    const entry = segment.profile.find((candidate) => candidate.feature === feature.name);
    if (entry?.kind === 'numeric' && entry.level !== 'average') {
      parts.push(`${entry.level} ${feature.name} (${fmtNumber(entry.mean)} on average)`);
    }
  }
  return parts.length ? `, with ${parts.join(' and ')}` : '';
}

function compareAnswer(
  runs: readonly RunSummary[],
  baseIndex: number,
  mentions: readonly RunMention[],
): Answer {
  const base = runs[baseIndex];
  let pair: [RunSummary, RunSummary] | undefined;
  if (mentions.length >= 2) pair = [mentions[0].run, mentions[1].run];
  else if (mentions.length === 1 && mentions[0].run !== base) pair = [mentions[0].run, base];
  else {
    const other = runs[baseIndex + 1] ?? runs[baseIndex - 1];
    if (other) pair = [other, base];
  }
  if (!pair) {
    return {
      intent: 'compare',
      ...runFacts(base),
      text: `There is only one run (${base.name}), so there is nothing to compare it with yet.`,
    };
  }
  // Compare older → newer whatever the order of mention: "grew" then reads forward in time.
  const [from, to] = [...pair].sort(
    (a, b) => a.createdAt.localeCompare(b.createdAt) || runs.indexOf(b) - runs.indexOf(a),
  );
  const changes = compareSegments(from, to);
  const head =
    `Comparing run ${from.name} (${dateOf(from.createdAt)}) with run ${to.name} (${dateOf(to.createdAt)}): ` +
    `${customers(totalOf(from))} in ${plural(from.k, 'segment')} before, ${customers(totalOf(to))} in ${plural(to.k, 'segment')} now.`;
  const lines = changes.map((change) => describeChange(change, from, to));
  return {
    intent: 'compare',
    ...runFacts(to),
    comparison: { fromRunId: from.id, toRunId: to.id, changes },
    text: `${head}\n${lines.join('\n')}`,
  };
}

/**
 * Size and share per persona between two runs, matched by persona name (any case); a persona in
 * only one run has `before` or `after` null. Order: the newer run's segments, then the vanished ones.
 * @example compareSegments(previous, latest).find((change) => change.after === null)?.name
 */
export function compareSegments(from: RunSummary, to: RunSummary): SegmentChange[] {
  const earlier = new Map(from.segments.map((segment) => [normalizeText(segment.persona.name), segment]));
  const changes: SegmentChange[] = [];
  for (const segment of to.segments) {
    const key = normalizeText(segment.persona.name);
    const before = earlier.get(key);
    earlier.delete(key);
    changes.push({
      name: segment.persona.name,
      before: before ? { size: before.size, share: before.share } : null,
      after: { size: segment.size, share: segment.share },
    });
  }
  for (const segment of earlier.values()) {
    changes.push({
      name: segment.persona.name,
      before: { size: segment.size, share: segment.share },
      after: null,
    });
  }
  return changes;
}

function describeChange(change: SegmentChange, from: RunSummary, to: RunSummary): string {
  const { name, before, after } = change;
  if (!before && after)
    return `${name} is new in ${to.name}: ${customers(after.size)} (${fmtShare(after.share)}).`;
  if (before && !after) {
    return `${name} is not in ${to.name}; it had ${customers(before.size)} (${fmtShare(before.share)}) in ${from.name}.`;
  }
  if (!before || !after) return `${name} has no data.`;
  const sizeDelta = after.size - before.size;
  const sizePart =
    sizeDelta === 0
      ? `stayed at ${customers(after.size)}`
      : `${sizeDelta > 0 ? 'grew' : 'shrank'} from ${fmtCount(before.size)} to ${customers(after.size)} (${signed(sizeDelta)})`;
  const points = Math.round((after.share - before.share) * 1000) / 10;
  const sharePart =
    points === 0
      ? `its share stayed at ${fmtShare(after.share)}`
      : `its share ${points > 0 ? 'rose' : 'fell'} from ${fmtShare(before.share)} to ${fmtShare(after.share)} (${signed(points, 1)} points)`;
  return `${name} ${sizePart}; ${sharePart}.`;
}

// ---------------------------------------------------------------------------------------------
// Prediction runs: new customers put into segments a model learned from labelled customers

/** Words that make a question about the predicted segments of new customers. */
const PREDICTION_QUESTION =
  /\b(predict\w*|forecast\w*|new (customers?|leads?|prospects?|clients?|buyers?|users?|contacts?|signups?|accounts?))\b/;

/** Intents a prediction question may have been read as; list, compare and share stay about runs. */
const PREDICTION_INTENTS: ReadonlySet<Intent> = new Set<Intent>([
  'size',
  'target',
  'strategy',
  'show',
  'unknown',
]);

/** Words of prediction questions that never name a segment (besides {@link FILLER_WORDS}). */
const PREDICTION_FILLER = new Set(
  `new lead leads prospect prospects predict predicted prediction predictions forecast forecasted expected
  estimate estimated fall falls fell land lands end ended up belong belongs go goes went will be into model
  buyer buyers contact contacts signup signups account accounts dominate dominates dominant mostly majority
  main put per each every distribution distributed split breakdown across over spread`
    .split(/\s+/)
    .filter(Boolean),
);

/** "Which segment do most new customers fall in?": the largest predicted segment. */
const LARGEST_PREDICTED =
  /\b(most|majority|mostly|largest|biggest|dominant|dominates?|main)\b|\b(which|what) (segment|group|class|cluster)\b/;

/**
 * Finds a prediction run by what a person calls it: "latest", its id (exact, any case, or a unique
 * prefix of 4+ characters), its name (any case) or a part of its name. `predictions` is newest first.
 * @returns the prediction run, or undefined when nothing fits
 * @example findPredictionRun(predictions, 'leads-may')?.id
 */
export function findPredictionRun(
  predictions: readonly PredictionRun[],
  reference: string,
): PredictionRun | undefined {
  const trimmed = reference.trim();
  const exactId = predictions.find((run) => run.id === trimmed);
  if (exactId) return exactId;
  const norm = normalizeText(trimmed)
    .replace(/^the /, '')
    .replace(/ (run|one|prediction)$/, '');
  if (!norm || LATEST_WORDS.has(norm)) return predictions[0];
  const lower = trimmed.toLowerCase();
  const byIdOrName = predictions.find(
    (run) =>
      run.id.toLowerCase() === lower || normalizeText(run.id) === norm || normalizeText(run.name) === norm,
  );
  if (byIdOrName) return byIdOrName;
  if (norm.length >= 4) {
    const prefixed = predictions.filter((run) => run.id.toLowerCase().startsWith(lower));
    if (prefixed.length === 1) return prefixed[0];
  }
  const wanted = norm.split(' ');
  return predictions.find((run) => findSequence(normalizeText(run.name).split(' '), wanted) >= 0);
}

/** The prediction run a question names by id or name (3+ characters), marking those words used. */
function findPredictionMention(
  tokens: readonly Token[],
  predictions: readonly PredictionRun[],
  used: boolean[],
): PredictionRun | undefined {
  const norms = tokens.map((token) => token.norm);
  const candidates = predictions.flatMap((run) =>
    [run.id, run.name].map((label) => ({ run, words: normalizeText(label).split(' ').filter(Boolean) })),
  );
  candidates.sort((a, b) => b.words.join(' ').length - a.words.join(' ').length);
  for (const { run, words } of candidates) {
    if (words.join(' ').length < 3) continue;
    const start = findSequence(norms, words);
    if (start < 0) continue;
    for (let i = start; i < start + words.length; i++) used[i] = true;
    return run;
  }
  return undefined;
}

type PredictedSegmentResolution =
  | { kind: 'match'; segment: PredictedSegment }
  | { kind: 'none'; subject: string };

/**
 * The predicted segment `tokens` name: "segment D", "class B", "group A" (label or display name
 * after a segment word), a label or name written out ("VIP", "Segment D"), or a one- or two-letter
 * label when it is the only word left ("D"). Otherwise the words left over, to say what was not found.
 */
function resolvePredictedSegment(run: PredictionRun, tokens: readonly Token[]): PredictedSegmentResolution {
  const norms = tokens.map((token) => token.norm);
  const byWord = (word: string) =>
    run.segments.find((segment) => {
      const name = normalizeText(segment.name);
      return normalizeText(segment.label) === word || name === word || name === `segment ${word}`;
    });
  for (let i = 0; i < tokens.length; i++) {
    if (!SEGMENT_WORDS.has(norms[i])) continue;
    let j = i + 1;
    while (j < tokens.length && (norms[j] === 'number' || norms[j] === 'no' || norms[j] === 'nr')) j++;
    const segment = norms[j] === undefined ? undefined : byWord(norms[j]);
    if (segment) return { kind: 'match', segment };
  }
  const content = tokens
    .map((_, i) => i)
    .filter(
      (i) =>
        !FILLER_WORDS.has(norms[i]) && !FILLER_WORDS.has(tokens[i].stem) && !PREDICTION_FILLER.has(norms[i]),
    );
  const forms = run.segments
    .flatMap((segment) =>
      [segment.name, segment.label].map((form) => ({ segment, words: normalizeText(form).split(' ') })),
    )
    .sort((a, b) => b.words.join(' ').length - a.words.join(' ').length);
  for (const { segment, words } of forms) {
    const text = words.join(' ');
    if (!text) continue;
    // "a" and "d" are also words: a short label counts only when nothing else is left.
    if (text.replace(/ /g, '').length <= 2 && !(content.length === 1 && norms[content[0]] === text)) continue;
    if (findSequence(norms, words) >= 0) return { kind: 'match', segment };
  }
  return { kind: 'none', subject: content.map((i) => tokens[i].raw).join(' ') };
}

function predictionAnswer(
  tokens: readonly Token[],
  norm: string,
  predictions: readonly PredictionRun[],
  runRef: string | undefined,
  surface: 'slack' | 'cli',
): Answer {
  if (!predictions.length) return noPredictionsAnswer(surface);
  const used = tokens.map(() => false);
  const mentioned = findPredictionMention(tokens, predictions, used);
  // A picked run that is a segmentation run says nothing about predictions: then the latest is used.
  const picked = runRef === undefined ? undefined : findPredictionRun(predictions, runRef);
  const run = mentioned ?? picked ?? predictions[0];
  const resolution = resolvePredictedSegment(
    run,
    tokens.filter((_, i) => !used[i]),
  );
  if (resolution.kind === 'match') return predictedSegmentAnswer(run, resolution.segment);
  if (resolution.subject) {
    const names = bySizeOf(run).map(predictedRef).join(', ');
    return {
      intent: 'size',
      prediction: predictionFacts(run),
      text: `I don't know '${resolution.subject}'; the segments in prediction run "${run.name}" are ${names}.`,
    };
  }
  if (LARGEST_PREDICTED.test(norm)) return largestPredictedAnswer(run);
  return predictionOverviewAnswer(run);
}

function bySizeOf(run: PredictionRun): PredictedSegment[] {
  return [...run.segments].sort((a, b) => b.size - a.size || a.rank - b.rank);
}

/** "segment D" mid-sentence for display names "Segment D"; other names as they are. */
function predictedRef(segment: PredictedSegment): string {
  return segment.name.replace(/^Segment /, 'segment ');
}

function predictionFacts(run: PredictionRun, segment?: PredictedSegment): NonNullable<Answer['prediction']> {
  const segments: PredictedSegmentFacts[] = bySizeOf(run).map(({ label, name, size, share }) => ({
    label,
    name,
    size,
    share,
  }));
  return {
    runId: run.id,
    runName: run.name,
    modelId: run.modelId,
    modelName: run.modelName,
    rowCount: run.rowCount,
    ...(segment ? { segmentLabel: segment.label } : {}),
    segments,
  };
}

function predictedSegmentFacts(run: PredictionRun, segment: PredictedSegment): Partial<Answer> {
  return {
    segment: { index: run.segments.indexOf(segment), name: segment.name },
    size: segment.size,
    share: segment.share,
    prediction: predictionFacts(run, segment),
  };
}

function predictedSegmentAnswer(run: PredictionRun, segment: PredictedSegment): Answer {
  const [largest] = bySizeOf(run);
  const rank =
    largest === segment
      ? ' It is the largest predicted segment.'
      : ` The largest is ${predictedRef(largest)} with ${fmtCount(largest.size)} (${fmtShare(largest.share)}).`;
  return {
    intent: 'size',
    ...predictedSegmentFacts(run, segment),
    text:
      `${fmtCount(segment.size)} of the ${fmtCount(run.rowCount)} new customers (${fmtShare(segment.share)}) ` +
      `fall in ${predictedRef(segment)} (prediction run "${run.name}").${rank}`,
  };
}

function largestPredictedAnswer(run: PredictionRun): Answer {
  const [largest, second] = bySizeOf(run);
  const next = second
    ? ` Next comes ${predictedRef(second)} with ${fmtCount(second.size)} (${fmtShare(second.share)}).`
    : '';
  return {
    intent: 'size',
    ...predictedSegmentFacts(run, largest),
    text:
      `Most new customers fall in ${predictedRef(largest)}: ${fmtCount(largest.size)} of the ` +
      `${fmtCount(run.rowCount)} (${fmtShare(largest.share)}) in prediction run "${run.name}".${next}`,
  };
}

function predictionOverviewAnswer(run: PredictionRun): Answer {
  const parts = bySizeOf(run).map(
    (segment) => `${predictedRef(segment)} ${fmtCount(segment.size)} (${fmtShare(segment.share)})`,
  );
  return {
    intent: 'size',
    prediction: predictionFacts(run),
    text:
      `Prediction run "${run.name}" (model "${run.modelName}", ${dateOf(run.createdAt)}) put ` +
      `${fmtCount(run.rowCount)} new customers into ${plural(run.segments.length, 'segment')}: ${parts.join(', ')}. ` +
      sentence(run.ranking),
  };
}

function noPredictionsAnswer(surface: 'slack' | 'cli'): Answer {
  const text =
    surface === 'cli'
      ? 'There are no predictions yet. Train a model on customers whose segment you know with: segments train labelled.csv --label Segment, then predict new customers with: segments assign new.csv --run <model id or model.json> (the prediction run is saved in the local store), or use Extensions › Customer Segments › Predict segments from a labelled column… in Google Sheets. Then ask again.'
      : 'There are no predictions in this workspace yet. Make one in Google Sheets with Extensions › Customer Segments › Predict segments from a labelled column…, or from the command line with: segments train labelled.csv --label Segment, then segments assign new.csv --run model.json; publish the prediction run to /api/runs with the workspace token (/segments connect). Then ask again.';
  return { intent: 'size', text, examples: [...EXAMPLE_QUESTIONS] };
}

// ---------------------------------------------------------------------------------------------
// Formatting

function totalOf(run: RunSummary): number {
  return run.segments.reduce((sum, segment) => sum + segment.size, 0);
}

/** "Impulse Buyers (segment 3)": chat counts segments from 1. */
function segmentLabel(segment: Segment): string {
  const name = segment.persona.name;
  const number = segment.index + 1;
  if (normalizeText(name) === `segment ${number}`) return name;
  return `${name} (segment ${number})`;
}

function sourceOf(run: RunSummary): string {
  const source = run.source;
  if (source.fileName) return ` from ${source.fileName}`;
  if (source.spreadsheetName)
    return ` from ${source.spreadsheetName}${source.sheetName ? ` › ${source.sheetName}` : ''}`;
  if (source.sheetName) return ` from sheet ${source.sheetName}`;
  return '';
}

function fmtCount(value: number): string {
  return String(value).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

function fmtShare(share: number): string {
  return `${(share * 100).toFixed(1)}%`;
}

function fmtNumber(value: number): string {
  return Number.isInteger(value) ? fmtCount(value) : value.toFixed(1);
}

function signed(value: number, digits = 0): string {
  const text = digits ? Math.abs(value).toFixed(digits) : fmtCount(Math.abs(value));
  return `${value < 0 ? '−' : '+'}${text}`;
}

function plural(count: number, noun: string): string {
  return `${fmtCount(count)} ${noun}${count === 1 ? '' : 's'}`;
}

function customers(count: number): string {
  return plural(count, 'customer');
}

function dateOf(iso: string): string {
  return iso.slice(0, 10);
}

function ordinal(rank: number): string {
  const tens = rank % 100;
  const suffix = tens >= 11 && tens <= 13 ? 'th' : (['th', 'st', 'nd', 'rd'][rank % 10] ?? 'th');
  return `${rank}${suffix}`;
}

/** Ends a phrase with a full stop unless it already ends a sentence. */
function sentence(text: string): string {
  const trimmed = text.trim();
  if (!trimmed) return trimmed;
  const capitalised = capitalise(trimmed);
  return /[.!?…]$/.test(capitalised) ? capitalised : `${capitalised}.`;
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
