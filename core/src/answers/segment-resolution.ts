/**
 * Finding the segment a question means in a run: by number, label, persona name, playbook synonym,
 * distinctive name words or a name with a typo.
 */
import type { RunSummary, Segment } from '../schema/run';
import { maxOf } from '../table/extent';
import { PERSONA_SYNONYMS, PLAYBOOK_KEYS, personaKeyOf, withoutParenthesis } from './persona-synonyms';
import { findSequence, isCloseMatch, normalizeText, stemWord, type Token, tokenize } from './text-match';

/** How a reference found its segment, strongest first. */
export type SegmentMatchKind = 'index' | 'label' | 'name' | 'shape' | 'synonym' | 'partial' | 'fuzzy';

/** A segment found from what the user called it. */
export interface SegmentMatch {
  segment: Segment;
  by: SegmentMatchKind;
  /** The words of the reference that matched, as typed. */
  text: string;
}

export type SegmentResolution =
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

/** Words before "budget" that make it money rather than the Budget Shoppers. */
const BUDGET_AS_MONEY = new Set([
  'marketing',
  'our',
  'ad',
  'ads',
  'advertising',
  'campaign',
  'media',
  'total',
  'limited',
  'my',
  'annual',
  'monthly',
  'yearly',
  'your',
]);

export const SEGMENT_WORDS = new Set(['segment', 'cluster', 'group', 'persona', 'seg', 'class']);

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
export const FILLER_WORDS = new Set(
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
export function resolveSegmentInTokens(run: RunSummary, tokens: readonly Token[]): SegmentResolution {
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

  // 3. A shape: "high income but low spending", "rich but frugal" (one segment fits every level named).
  const shape = findShape(run, tokens);
  if (shape) return { kind: 'match', match: shape };

  // 4. Playbook synonyms of the persona key ("VIP", "Miser", "big spenders").
  const keyed = segments.map((segment) => ({ segment, key: personaKeyOf(segment) }));
  let synonymHit: { segment: Segment; start: number; length: number; weak: boolean } | undefined;
  for (const key of PLAYBOOK_KEYS) {
    const segment = keyed.filter((entry) => entry.key === key).sort(byPriority)[0]?.segment;
    if (!segment) continue;
    for (const synonym of PERSONA_SYNONYMS[key].synonyms) {
      const words = synonym.split(' ').map(stemWord);
      const start = findSequence(stems, words);
      if (start < 0) continue;
      // "the average customer" is anyone, not the Standard segment.
      if (
        synonym === 'average' &&
        /^(customer|client|shopper|buyer|person|user|spend|order)/.test(norms[start + 1] ?? '')
      )
        continue;
      // "budget" is also money to spend ("our marketing budget"): then it names no segment.
      if (synonym === 'budget' && BUDGET_AS_MONEY.has(norms[start - 1] ?? '')) continue;
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

  // 5. Distinctive words of a name ("impulse", "loyalists"); a word shared by names counts less.
  const content = tokens
    .map((_, i) => i)
    .filter((i) => !FILLER_WORDS.has(norms[i]) && !FILLER_WORDS.has(stems[i]));
  const subject = content.map((i) => tokens[i].raw).join(' ');
  const nameWords = segments.map((segment) =>
    tokenize(segment.persona.name)
      .map((token) => token.stem)
      .filter((word) => !FILLER_WORDS.has(word)),
  );
  // 6. A word no name contains may be a typo of a name word or a one-word synonym ("Impluse", "Sensibel").
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

/** Levels people say with words alone: "rich" is high income, "frugal" low spending. */
const SHAPE_WORDS: Readonly<Record<string, { role: 'income' | 'spending'; level: 'high' | 'low' }>> = {
  rich: { role: 'income', level: 'high' },
  wealthy: { role: 'income', level: 'high' },
  affluent: { role: 'income', level: 'high' },
  welloff: { role: 'income', level: 'high' },
  poor: { role: 'income', level: 'low' },
  frugal: { role: 'spending', level: 'low' },
  thrifty: { role: 'spending', level: 'low' },
  stingy: { role: 'spending', level: 'low' },
  careful: { role: 'spending', level: 'low' },
  cautious: { role: 'spending', level: 'low' },
  saver: { role: 'spending', level: 'low' },
  spendthrift: { role: 'spending', level: 'high' },
  lavish: { role: 'spending', level: 'high' },
};

/** "high income", "low spending", "big spenders", "earn little": level word then role word (or the reverse). */
const LEVEL_WORDS: Readonly<Record<string, 'high' | 'low'>> = {
  high: 'high',
  higher: 'high',
  big: 'high',
  heavy: 'high',
  lot: 'high',
  lots: 'high',
  more: 'high',
  much: 'high',
  low: 'low',
  lower: 'low',
  small: 'low',
  light: 'low',
  little: 'low',
  less: 'low',
  few: 'low',
};
const ROLE_OF_WORD: Readonly<Record<string, 'income' | 'spending'>> = {
  income: 'income',
  incomes: 'income',
  earner: 'income',
  earners: 'income',
  earning: 'income',
  earnings: 'income',
  earn: 'income',
  salary: 'income',
  spending: 'spending',
  spender: 'spending',
  spenders: 'spending',
  spend: 'spending',
  score: 'spending',
};

/**
 * The segment whose income and spending levels match every level the question names, when exactly
 * one does and the question names two levels, or one with an explicit "high/low" word pair.
 */
function findShape(run: RunSummary, tokens: readonly Token[]): SegmentMatch | undefined {
  const wanted = new Map<'income' | 'spending', 'high' | 'low'>();
  let explicit = false;
  const words: string[] = [];
  const norms = tokens.map((token) => token.norm);
  for (let i = 0; i < norms.length; i++) {
    const role = ROLE_OF_WORD[norms[i]];
    if (role) {
      const level = LEVEL_WORDS[norms[i - 1] ?? ''] ?? LEVEL_WORDS[norms[i + 1] ?? ''];
      if (level && !wanted.has(role)) {
        wanted.set(role, level);
        explicit = true;
        words.push(tokens[i].raw);
      }
      continue;
    }
    const said = SHAPE_WORDS[tokens[i].stem] ?? SHAPE_WORDS[norms[i]];
    if (said && !wanted.has(said.role)) {
      wanted.set(said.role, said.level);
      words.push(tokens[i].raw);
    }
  }
  if (wanted.size === 0 || (wanted.size === 1 && !explicit)) return undefined;
  const levelOf = (segment: Segment, role: 'income' | 'spending') => {
    const feature = run.features.find((candidate) => candidate.role === role && candidate.kind === 'numeric');
    const entry = feature && segment.profile.find((candidate) => candidate.feature === feature.name);
    return entry?.kind === 'numeric' ? entry.level : undefined;
  };
  const fits = run.segments.filter((segment) =>
    [...wanted].every(([role, level]) => levelOf(segment, role) === level),
  );
  if (fits.length !== 1) return undefined;
  return { segment: fits[0], by: 'shape', text: words.join(' ') };
}
