/**
 * Naming segments as marketing personas with a strategy. Each numeric feature of a segment gets a
 * level against the population (high above mean + 0.5·sd, low below mean − 0.5·sd, average between);
 * recognised roles (income, spending, age) pick a playbook persona, anything else gets a descriptive
 * name ("High Age · Low Income"). Names are unique within a run; priority ranks targeting value.
 */
import { formatNumber, round } from '../format';
import { assertNever } from '../schema/errors';
import type { Feature, Level, Persona, PersonaKey, ProfileEntry, Role } from '../schema/run';

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
 * @example profileSegment(features, facts)[0] // { feature: 'Age', kind: 'numeric', mean: 25.3, level: 'low', zScore: -0.97 }
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

/** The level of a z-score with the ±0.5 sd band. */
export function levelOf(zScore: number): Level {
  if (zScore > LEVEL_BAND) return 'high';
  if (zScore < -LEVEL_BAND) return 'low';
  return 'average';
}

type NumericProfile = Extract<ProfileEntry, { kind: 'numeric' }>;

/**
 * Names every segment of a run, writes its summary and strategy, and ranks targeting priority.
 * @param features the run's features (roles decide the playbook)
 * @param segments each segment's size, share and profile
 * @example namePersonas(features, segments)[0].name // 'Premium Shoppers (VIP)'
 */
export function namePersonas(
  features: Feature[],
  segments: { index: number; size: number; share: number; profile: ProfileEntry[] }[],
): Persona[] {
  const roleOf = new Map(features.map((feature) => [feature.name, feature.role]));
  const drafts = segments.map((segment) => {
    const numeric = segment.profile.filter((entry): entry is NumericProfile => entry.kind === 'numeric');
    const byRole = (role: Role) => numeric.find((entry) => roleOf.get(entry.feature) === role);
    const key = playbookKey(byRole('income'), byRole('spending'), byRole('age'), numeric);
    const traits = distinguishingTraits(segment.profile, key);
    const name =
      key === 'custom' ? traits.slice(0, 2).join(' · ') || 'Typical Customers' : PLAYBOOK[key].name;
    return { segment, key, name, traits, value: valueScore(byRole('spending'), byRole('income')) };
  });
  makeNamesUnique(drafts);
  const ranked = [...drafts].sort(
    (a, b) => b.value * b.segment.share - a.value * a.segment.share || a.segment.index - b.segment.index,
  );
  return drafts.map((draft) => ({
    name: draft.name,
    key: draft.key,
    summary: summarise(draft.segment, roleOf),
    strategy: strategyFor(draft.key, draft.traits),
    priority: ranked.indexOf(draft) + 1,
  }));
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

/** Non-average numeric traits by strength, then categories that dominate the segment. */
function distinguishingTraits(profile: ProfileEntry[], key: PersonaKey): string[] {
  const numeric = profile
    .filter((entry): entry is NumericProfile => entry.kind === 'numeric' && entry.level !== 'average')
    .sort((a, b) => Math.abs(b.zScore) - Math.abs(a.zScore))
    .map((entry) => `${entry.level === 'high' ? 'High' : 'Low'} ${featureLabel(entry.feature)}`);
  const categorical = profile
    .filter(
      (entry): entry is Extract<ProfileEntry, { kind: 'categorical' }> =>
        entry.kind === 'categorical' && entry.topShare >= 0.75,
    )
    .sort((a, b) => b.topShare - a.topShare)
    .map((entry) => `${featureLabel(entry.feature)}: ${entry.top}`);
  void key;
  return [...numeric, ...categorical];
}

/** A header as a person would say it: no units in brackets, no underscores. */
export function featureLabel(header: string): string {
  return header
    .replace(/\([^)]*\)/g, '')
    .replace(/[_]+/g, ' ')
    .replace(/([a-z])([A-Z])/g, '$1 $2')
    .replace(/\s+/g, ' ')
    .trim();
}

/** Relative value of a customer in the segment: spending counts most, income helps. */
function valueScore(spending: NumericProfile | undefined, income: NumericProfile | undefined): number {
  if (!spending && !income) return 1;
  return Math.max(0.05, 1 + (spending?.zScore ?? 0) + 0.5 * (income?.zScore ?? 0));
}

function makeNamesUnique(drafts: { name: string; traits: string[]; key: PersonaKey }[]): void {
  const used = new Set<string>();
  for (const draft of drafts) {
    let name = draft.name;
    if (used.has(name.toLowerCase())) {
      const extra = draft.traits.find(
        (trait) => !name.includes(trait) && !used.has(`${name} · ${trait}`.toLowerCase()),
      );
      if (extra) name = `${name} · ${extra}`;
      for (let counter = 2; used.has(name.toLowerCase()); counter++) name = `${draft.name} ${counter}`;
    }
    draft.name = name;
    used.add(name.toLowerCase());
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

function strategyFor(key: PersonaKey, traits: string[]): string {
  if (key !== 'custom') return PLAYBOOK[key].strategy;
  const focus = traits.slice(0, 2).join(' and ').toLowerCase();
  return focus
    ? `Targeted tests: build a campaign around what sets this group apart (${focus}) and measure the response before scaling it up.`
    : 'Targeted tests: try a small campaign and measure the response before scaling it up.';
}
