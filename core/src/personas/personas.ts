/**
 * Naming segments as marketing personas with a strategy. Each numeric feature of a segment gets a
 * level against the population (high above mean + 0.5·sd, low below mean − 0.5·sd, average between);
 * recognised roles (income, spending, age) pick a playbook persona, anything else gets a descriptive
 * name ("High Age · Low Income"). Names are unique within a run; the ranking stage (segment/rank-segments.ts) ranks targeting value.
 */
import { formatNumber, round } from '../format';
import { assertNever } from '../schema/errors';
import type { Feature, Level, Persona, PersonaKey, ProfileEntry, Role } from '../schema/run';
import {
  CUSTOMER_PLAYBOOK,
  categoryFanName,
  customerKey,
  plainTrait,
  type RoleLevels,
} from './customer-playbook';
import { isOutlierSegment, outlierNote } from './outliers';
import { RFM_PLAYBOOK } from './rfm-playbook';

/** Half a standard deviation either side of the mean counts as average. */
export const LEVEL_BAND = 0.5;

interface PlaybookEntry {
  name: string;
  strategy: string;
}

/** The playbook: the common segment shapes and how to market to each. */
export const PLAYBOOK: Record<Exclude<PersonaKey, 'custom'>, PlaybookEntry> = {
  vip: {
    name: 'Premium Shoppers (VIP)',
    strategy:
      'Exclusive offers and memberships: early access, a VIP programme and personal service keep your most valuable customers spending.',
  },
  cautious: {
    name: 'Cautious Spenders',
    strategy:
      'Loyalty incentives: they can afford more but hold back, so reward repeat purchases and show quality and value to unlock their spending.',
  },
  impulse: {
    name: 'Impulse Buyers',
    strategy:
      'Flash sales and discounts: time-limited deals and bundles convert them fast — mind credit risk and avoid pushing them into debt.',
  },
  budget: {
    name: 'Budget Shoppers',
    strategy:
      'Cost-effective promotions: coupons, essentials and price-led messages through low-cost channels; keep spend per customer low.',
  },
  standard: {
    name: 'Potential Loyalists (Standard)',
    strategy:
      'Nurture and engagement: newsletters, points and personalised recommendations to grow them into loyal, higher-spending customers.',
  },
  young: {
    name: 'Young Enthusiasts',
    strategy:
      'Social and trend-led campaigns: influencers, new arrivals and social-media-first offers that match how they discover products.',
  },
  ...CUSTOMER_PLAYBOOK,
  ...RFM_PLAYBOOK,
};

/** What personas need to know about one segment. */
export interface SegmentFacts {
  index: number;
  size: number;
  share: number;
  /** Per numeric feature (in `features` order), the segment mean in original units. */
  numericMeans: number[];
  /** Per categorical feature, the most common category and its share in the segment. */
  categoricalTops: { top: string; topShare: number }[];
}

/**
 * Profiles of one segment: level and z-score per numeric feature, top category per categorical one.
 * @example profileSegment(features, { index: 0, size: 39, share: 0.195, numericMeans: [86.5, 82.1], categoricalTops: [] }).map((entry) => entry.level) // ['high', 'high']
 */
export function profileSegment(features: Feature[], facts: SegmentFacts): ProfileEntry[] {
  const numeric = features.filter((feature) => feature.kind === 'numeric');
  const categorical = features.filter((feature) => feature.kind === 'categorical');
  return [
    ...numeric.map((feature, f): ProfileEntry => {
      const mean = facts.numericMeans[f];
      const zScore = feature.std ? (mean - (feature.mean ?? 0)) / feature.std : 0;
      return {
        feature: feature.name,
        kind: 'numeric',
        mean: round(mean, 2),
        level: levelOf(zScore),
        zScore: round(zScore, 3),
      };
    }),
    ...categorical.map(
      (feature, f): ProfileEntry => ({
        feature: feature.name,
        kind: 'categorical',
        top: facts.categoricalTops[f].top,
        topShare: round(facts.categoricalTops[f].topShare, 4),
      }),
    ),
  ];
}

/**
 * The level of a z-score with the ±0.5 sd band.
 * @example [levelOf(0.51), levelOf(0.5), levelOf(-0.51)] // ['high', 'average', 'low']
 */
export function levelOf(zScore: number): Level {
  if (zScore > LEVEL_BAND) return 'high';
  if (zScore < -LEVEL_BAND) return 'low';
  return 'average';
}

type NumericProfile = Extract<ProfileEntry, { kind: 'numeric' }>;

/** What a segment looks like beyond its profile: spend mix and outcome rates (optional). */
export interface PersonaSegment {
  index: number;
  size: number;
  share: number;
  profile: ProfileEntry[];
  /** Share of the segment's spending per category, with the population's share. */
  mix?: { label: string; share: number; overall: number }[];
  /** Outcome/flag columns as rates in the segment and overall. */
  outcomes?: { column: string; rate: number; overall: number }[];
}

/** A category is the segment's dominant one when its share is this many times the population's. */
const MIX_LIFT = 1.25;

/** A persona before the ranking stage gives it its targeting priority. */
export type UnrankedPersona = Pick<Persona, 'name' | 'key' | 'summary' | 'strategy'>;

/**
 * Names every segment of a run and writes its summary and strategy; the ranking stage
 * (`rankSegments`) then gives targeting priority. Segments of fewer than max(5, 1%) customers are
 * outliers.
 * @param features the run's features (roles decide the playbook)
 * @param segments each segment's size, share and profile (and optionally spend mix and outcome rates)
 * @example namePersonas(features, profiles).map((persona) => persona.name) // ['Potential Loyalists (Standard)', 'Premium Shoppers (VIP)', 'Cautious Spenders', 'Budget Shoppers', 'Impulse Buyers']
 */
export function namePersonas(features: Feature[], segments: PersonaSegment[]): UnrankedPersona[] {
  const roleOf = new Map(features.map((feature) => [feature.name, feature.role]));
  const customers = segments.reduce((sum, segment) => sum + segment.size, 0);
  const populationMeans = new Map(features.map((feature) => [feature.name, feature.mean ?? 0]));
  const drafts = segments.map((segment) => {
    const numeric = segment.profile.filter((entry): entry is NumericProfile => entry.kind === 'numeric');
    const byRole = (role: Role) => numeric.find((entry) => roleOf.get(entry.feature) === role);
    const dominant = dominantCategory(segment, numeric, roleOf);
    const outlier = isOutlierSegment(segment.size, customers);
    let key: PersonaKey = outlier
      ? 'outlier'
      : playbookKey(byRole('income'), byRole('spending'), byRole('age'), numeric);
    if (key === 'custom') {
      const levels: RoleLevels = {};
      for (const entry of numeric) {
        const role = roleOf.get(entry.feature);
        const normalised = role === 'count' ? 'frequency' : role;
        if (normalised && levels[normalised] === undefined) levels[normalised] = entry.level;
      }
      key = customerKey(levels) ?? (dominant ? 'category-fans' : 'custom');
    }
    const traits = distinguishingTraits(segment.profile, roleOf);
    let name: string;
    if (key === 'outlier') name = `Outliers (${segment.size} customer${segment.size === 1 ? '' : 's'})`;
    else if (key === 'category-fans') name = categoryFanName(dominant ?? 'Category');
    else if (key === 'custom') name = descriptiveName(traits);
    else if (key in CUSTOMER_PLAYBOOK)
      name = dominant ? `${PLAYBOOK[key].name} (${dominant}-Heavy)` : PLAYBOOK[key].name;
    else name = PLAYBOOK[key].name;
    return { segment, key, name, traits, dominant, outlier };
  });
  makeNamesUnique(drafts);
  return drafts.map((draft) => ({
    name: draft.name,
    key: draft.key,
    summary:
      draft.key === 'outlier'
        ? `${summarise(draft.segment, roleOf)} Unusual: ${outlierNote(draft.segment.profile, populationMeans)}.`
        : summarise(draft.segment, roleOf),
    strategy: strategyFor(draft.key, draft.traits, draft.dominant, draft.segment.outcomes),
  }));
}

/**
 * The category the segment spends on clearly more than the population does, if any: the largest
 * excess share of spending (segment share − population share) among categories with a lift of at
 * least {@link MIX_LIFT} and at least 15% of the segment's spending. Falls back to the strongest
 * high share feature when the spend mix is not known.
 */
function dominantCategory(
  segment: PersonaSegment,
  numeric: NumericProfile[],
  roleOf: Map<string, Role | undefined>,
): string | undefined {
  if (segment.mix && segment.mix.length > 0) {
    let best: { label: string; excess: number } | undefined;
    for (const category of segment.mix) {
      if (category.overall <= 0 || category.share < 0.15 || category.share / category.overall < MIX_LIFT)
        continue;
      const excess = category.share - category.overall;
      if (!best || excess > best.excess) best = { label: category.label, excess };
    }
    return best?.label;
  }
  const mixEntries = numeric.filter((entry) => roleOf.get(entry.feature) === 'mix' && entry.level === 'high');
  if (mixEntries.length === 0) return undefined;
  const best = mixEntries.reduce((a, b) => (b.zScore > a.zScore ? b : a));
  return featureLabel(best.feature).replace(/ share$/i, '');
}

function descriptiveName(traits: string[]): string {
  if (traits.length === 0) return 'Typical Customers';
  const text = traits.slice(0, 2).join(', ');
  const noun = /buyers$|spenders$/.test(text) ? '' : ' customers';
  return `${text.charAt(0).toUpperCase()}${text.slice(1)}${noun}`;
}

function playbookKey(
  income: NumericProfile | undefined,
  spending: NumericProfile | undefined,
  age: NumericProfile | undefined,
  numeric: NumericProfile[],
): PersonaKey {
  if (income && spending) {
    const pair = `${income.level}/${spending.level}`;
    if (pair === 'high/high') return 'vip';
    if (pair === 'high/low') return 'cautious';
    if (pair === 'low/high') return 'impulse';
    if (pair === 'low/low') return 'budget';
  }
  if (age?.level === 'low' && spending?.level === 'high') return 'young';
  if (numeric.length > 0 && numeric.every((entry) => entry.level === 'average')) return 'standard';
  return 'custom';
}

/** Non-average numeric traits by strength in plain words, then categories that dominate the segment. */
function distinguishingTraits(profile: ProfileEntry[], roleOf: Map<string, Role | undefined>): string[] {
  const numeric = profile
    .filter((entry): entry is NumericProfile => entry.kind === 'numeric' && entry.level !== 'average')
    .sort((a, b) => Math.abs(b.zScore) - Math.abs(a.zScore))
    .map((entry) => plainTrait(roleOf.get(entry.feature), entry.level, entry.feature));
  const categorical = profile
    .filter(
      (entry): entry is Extract<ProfileEntry, { kind: 'categorical' }> =>
        entry.kind === 'categorical' && entry.topShare >= 0.75,
    )
    .sort((a, b) => b.topShare - a.topShare)
    .map((entry) => `mostly ${featureLabel(entry.feature).toLowerCase()} ${entry.top}`);
  return [...numeric, ...categorical];
}

/**
 * A header as a person would say it: no units in brackets, no underscores.
 * @example featureLabel('Annual_Income (k$)') // 'Annual Income'
 */
export function featureLabel(header: string): string {
  return header
    .replace(/\([^)]*\)/g, '')
    .replace(/[_]+/g, ' ')
    .replace(/([a-z])([A-Z])/g, '$1 $2')
    .replace(/\s+/g, ' ')
    .trim();
}

function makeNamesUnique(drafts: { name: string; traits: string[]; key: PersonaKey }[]): void {
  // "High Grocery · High Milk" and "High Milk · High Grocery" are the same name: compare word sets.
  const wordsKey = (name: string) =>
    name
      .toLowerCase()
      .split(/[^a-z0-9]+/)
      .filter(Boolean)
      .sort()
      .join(' ');
  const used = new Set<string>();
  for (const draft of drafts) {
    let name = draft.name;
    if (used.has(wordsKey(name))) {
      const extra = draft.traits.find(
        (trait) => !name.toLowerCase().includes(trait) && !used.has(wordsKey(`${name} · ${trait}`)),
      );
      if (extra) name = `${name} · ${extra.charAt(0).toUpperCase()}${extra.slice(1)}`;
      for (let counter = 2; used.has(wordsKey(name)); counter++) name = `${draft.name} ${counter}`;
    }
    draft.name = name;
    used.add(wordsKey(name));
  }
}

function summarise(
  segment: { size: number; share: number; profile: ProfileEntry[] },
  roleOf: Map<string, Role | undefined>,
): string {
  const parts = segment.profile.map((entry) => {
    switch (entry.kind) {
      case 'numeric':
        return `${entry.level} ${featureLabel(entry.feature)} (avg ${formatNumber(entry.mean)})`;
      case 'categorical':
        return `${featureLabel(entry.feature)} mostly ${entry.top} (${Math.round(entry.topShare * 100)}%)`;
      default:
        return assertNever(entry, 'profile entry');
    }
  });
  void roleOf;
  return `${segment.size.toLocaleString('en-US')} customers (${(segment.share * 100).toFixed(1)}%): ${parts.join(', ')}.`;
}

function strategyFor(
  key: PersonaKey,
  traits: string[],
  dominant: string | undefined,
  outcomes: PersonaSegment['outcomes'],
): string {
  let strategy: string;
  if (key !== 'custom') strategy = PLAYBOOK[key].strategy;
  else {
    const focus = traits.slice(0, 2).join(' and ');
    strategy = focus
      ? `Targeted tests: build a campaign around what sets this group apart (${focus}) and measure the response before scaling it up.`
      : 'Targeted tests: try a small campaign and measure the response before scaling it up.';
  }
  const extras: string[] = [];
  if (dominant && key !== 'outlier')
    extras.push(`Lead with ${dominant}: it takes a larger share of their spending than average.`);
  const notable = (outcomes ?? [])
    .filter(
      (outcome) =>
        outcome.overall > 0 &&
        Math.abs(outcome.rate - outcome.overall) >= 0.5 * outcome.overall &&
        outcome.rate >= 0.02,
    )
    .slice(0, 2)
    .map(
      (outcome) =>
        `${featureLabel(outcome.column)} ${Math.round(outcome.rate * 100)}% vs ${Math.round(outcome.overall * 100)}% overall`,
    );
  if (notable.length > 0) extras.push(`Notable: ${notable.join('; ')}.`);
  return extras.length ? `${strategy} ${extras.join(' ')}` : strategy;
}
