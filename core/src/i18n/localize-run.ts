/**
 * A run in another language: persona names, summaries, strategies and targeting reasons, and the
 * reason for k, worded again from what the run keeps — persona keys, profiles, outcome rates and RFM
 * scores — never by translating free text. `segmentTable` calls it for `lang: 'id'`, and the answer
 * engine calls it to answer about a run in the language of the question.
 */
import { recommendK } from '../cluster/choose-k';
import { CUSTOMER_PLAYBOOK } from '../personas/customer-playbook';
import { featureLabel } from '../personas/personas';
import { isRfmKey, RFM_PLAYBOOK } from '../personas/rfm-playbook';
import type { PersonaKey, ProfileEntry, Role, Run, Segment } from '../schema/run';
import { rankSegments } from '../segment/rank-segments';
import { readableHeader } from '../table/header-words';
import { DEFAULT_LANG, type Lang } from './lang';
import { createTranslator, type Translator } from './translator';

type NumericEntry = Extract<ProfileEntry, { kind: 'numeric' }>;

/**
 * The language a run was named in (runs from before languages were English).
 * @example runLang(run) // 'en'
 */
export function runLang(run: Pick<Run, 'lang'>): Lang {
  return run.lang ?? DEFAULT_LANG;
}

/**
 * The run worded in `lang`; the run itself when it already is. Priorities, sizes and every number
 * stay as they are; `lang` is set on the result.
 * @example localizeRun(run, 'id').segments[1].persona.name // 'Pelanggan Premium (VIP)'
 */
export function localizeRun<T extends Run>(run: T, lang: Lang): T {
  const from = runLang(run);
  if (from === lang) return run;
  const source = createTranslator(from);
  const t = createTranslator(lang);
  const roleOf = new Map(run.features.map((feature) => [feature.name, feature.role]));
  const populationMeans = new Map(run.features.map((feature) => [feature.name, feature.mean ?? 0]));
  const keyCount = new Map<PersonaKey | undefined, number>();
  for (const segment of run.segments)
    keyCount.set(segment.persona.key, (keyCount.get(segment.persona.key) ?? 0) + 1);

  const drafts = run.segments.map((segment) => {
    const key = segment.persona.key;
    const traits = traitsOf(segment.profile, roleOf, t);
    const dominant = dominantOf(segment.persona.name, key, source);
    const rfmScore = typeof segment.rfmScore === 'string' ? segment.rfmScore : undefined;
    let name: string;
    if (key === undefined) name = segment.persona.name;
    else if (key === 'outlier') name = t.m.outlierName(segment.size, t.count(segment.size));
    else if (key === 'custom') name = t.m.descriptiveName(traits.slice(0, 2));
    else if (key === 'category-fans') name = dominant ? t.m.categoryFans(dominant) : t.persona(key).name;
    else if (isRfmKey(key))
      name =
        (keyCount.get(key) ?? 0) > 1 && rfmScore
          ? `${t.persona(key).name} (${rfmScore})`
          : t.persona(key).name;
    else if (key in CUSTOMER_PLAYBOOK && dominant) name = t.m.withDominant(t.persona(key).name, dominant);
    else name = t.persona(key).name;
    return { segment, key, traits, dominant, name };
  });
  makeUnique(drafts);

  const ranked = drafts.some((draft) => isRfmKey(draft.key))
    ? undefined
    : rankSegments(run.features, run.segments, lang);
  const segments = drafts.map((draft, s): Segment => {
    const { segment, key } = draft;
    const reason =
      typeof segment.persona.reason !== 'string'
        ? undefined
        : ranked
          ? ranked[s].persona.reason
          : rfmReason(segment, t);
    return {
      ...segment,
      persona: {
        ...segment.persona,
        name: draft.name,
        summary: summaryOf(segment, roleOf, populationMeans, t),
        strategy: key === undefined ? segment.persona.strategy : strategyOf(draft, t),
        ...(reason !== undefined ? { reason } : {}),
      },
    };
  });
  const chooseK = run.chooseK
    ? { ...run.chooseK, reason: kReason(run.chooseK, run.preprocessing.rowsUsed, lang) }
    : undefined;
  return { ...run, lang, segments, ...(chooseK ? { chooseK } : {}) };
}

/** The reason for k again in `lang`, when recomputing it lands on the same k (else the old text stays). */
function kReason(chooseK: NonNullable<Run['chooseK']>, rows: number, lang: Lang): string {
  const again = recommendK(chooseK.candidates, rows, lang);
  return again.recommendedK === chooseK.recommendedK ? again.reason : chooseK.reason;
}

/** Non-average numeric traits by strength in plain words, then categories that dominate the segment. */
function traitsOf(profile: ProfileEntry[], roleOf: Map<string, Role | undefined>, t: Translator): string[] {
  const numeric = profile
    .filter((entry): entry is NumericEntry => entry.kind === 'numeric' && entry.level !== 'average')
    .sort((a, b) => Math.abs(b.zScore) - Math.abs(a.zScore))
    .map((entry) => t.m.trait(roleOf.get(entry.feature), entry.level === 'high', traitLabel(entry.feature)));
  const categorical = profile
    .filter(
      (entry): entry is Extract<ProfileEntry, { kind: 'categorical' }> =>
        entry.kind === 'categorical' && entry.topShare >= 0.75,
    )
    .sort((a, b) => b.topShare - a.topShare)
    .map((entry) => t.m.categoricalTrait(featureLabel(entry.feature).toLowerCase(), entry.top));
  return [...numeric, ...categorical];
}

function traitLabel(header: string): string {
  return readableHeader(header)
    .replace(/^(num|number of|no\.? of|jumlah)\s+/i, '')
    .toLowerCase();
}

/** The category a customer persona leads with, read back from its name in the run's language. */
function dominantOf(name: string, key: PersonaKey | undefined, source: Translator): string | undefined {
  if (key === 'category-fans') return source.m.categoryFansPattern().exec(name)?.[1];
  if (key !== undefined && key !== 'outlier' && key in CUSTOMER_PLAYBOOK)
    return source.m.dominantPattern().exec(name)?.[2];
  return undefined;
}

function summaryOf(
  segment: Segment,
  roleOf: Map<string, Role | undefined>,
  populationMeans: Map<string, number>,
  t: Translator,
): string {
  const key = segment.persona.key;
  if (key !== undefined && isRfmKey(key)) {
    const rfm = segment.rfm as
      | { score: string; recencyDays: number; orders: number; monetary: number }
      | undefined;
    const head = t.persona(key).summary ?? '';
    return rfm
      ? `${head} ${t.m.rfmSummaryTail(rfm.score, t.number(rfm.recencyDays), t.number(rfm.orders), t.number(rfm.monetary))}`
      : head;
  }
  void roleOf;
  const parts = segment.profile.map((entry) =>
    entry.kind === 'numeric'
      ? t.m.numericPart(t.m.level(entry.level), featureLabel(entry.feature), t.number(entry.mean))
      : t.m.categoricalPart(featureLabel(entry.feature), entry.top, t.percent(entry.topShare, 0)),
  );
  const summary = t.m.summary(t.count(segment.size), t.percent(segment.share), parts);
  if (key !== 'outlier') return summary;
  const extreme = segment.profile
    .filter((entry): entry is NumericEntry => entry.kind === 'numeric')
    .sort((a, b) => Math.abs(b.zScore) - Math.abs(a.zScore))
    .slice(0, 2)
    .filter((entry) => Math.abs(entry.zScore) >= 1);
  const note =
    extreme.length === 0
      ? t.m.outlierNoteNone()
      : extreme
          .map((entry) =>
            t.m.outlierNotePart(
              readableHeader(entry.feature),
              t.number(entry.mean),
              t.number(populationMeans.get(entry.feature) ?? 0),
            ),
          )
          .join(', ');
  return `${summary} ${t.m.unusual(note)}`;
}

function strategyOf(
  draft: { segment: Segment; key: PersonaKey | undefined; traits: string[]; dominant?: string },
  t: Translator,
): string {
  const { key, traits, dominant, segment } = draft;
  const strategy =
    key === undefined || key === 'custom'
      ? t.m.customStrategy(traits.slice(0, 2).join(` ${t.m.and()} `))
      : t.persona(key).strategy;
  const extras: string[] = [];
  if (dominant && key !== 'outlier') extras.push(t.m.leadWith(dominant));
  const notable = (segment.outcomes ?? [])
    .filter(
      (outcome) =>
        outcome.overall > 0 &&
        Math.abs(outcome.rate - outcome.overall) >= 0.5 * outcome.overall &&
        outcome.rate >= 0.02,
    )
    .slice(0, 2)
    .map((outcome) =>
      t.m.notablePart(
        featureLabel(outcome.column),
        t.percent(outcome.rate, 0),
        t.percent(outcome.overall, 0),
      ),
    );
  if (notable.length > 0) extras.push(t.m.notable(notable));
  return extras.length ? `${strategy} ${extras.join(' ')}` : strategy;
}

function rfmReason(segment: Segment, t: Translator): string | undefined {
  const key = segment.persona.key;
  const rfm = segment.rfm as { score: string; revenueShare: number } | undefined;
  if (key === undefined || !isRfmKey(key) || !rfm) return undefined;
  return t.m.rfmReason(
    t.percent(segment.share),
    t.percent(rfm.revenueShare),
    RFM_PLAYBOOK[key].highValue,
    rfm.score,
  );
}

/** Names are unique within a run: a repeated name gets a distinguishing trait, then a number. */
function makeUnique(drafts: { name: string; traits: string[] }[]): void {
  const used = new Set<string>();
  for (const draft of drafts) {
    const base = draft.name;
    let name = base;
    if (used.has(name.toLowerCase())) {
      const extra = draft.traits.find(
        (trait) => !name.toLowerCase().includes(trait) && !used.has(`${name} · ${trait}`.toLowerCase()),
      );
      if (extra) name = `${name} · ${extra.charAt(0).toUpperCase()}${extra.slice(1)}`;
      for (let counter = 2; used.has(name.toLowerCase()); counter++) name = `${base} ${counter}`;
    }
    draft.name = name;
    used.add(name.toLowerCase());
  }
}
