/**
 * The English run catalogue: every sentence a run, the Segments sheet and the add-on build in more
 * than one language, as a function of its values. Its shape is the type {@link Messages}; the
 * Indonesian catalogue (messages-id.ts) must implement every key, so a missing translation fails the
 * typecheck. Numbers come in already formatted for the language (see number-format.ts) unless a
 * message says otherwise. Answers, Slack and the CLI add conversation-messages-en.ts; the sidebar's
 * texts are sidebar-strings-en.ts.
 */
import type { Level, Role } from '../schema/run';
import { ADDON_MESSAGES_EN } from './messages-en-addon';

const plural = (count: string, n: number, noun: string) => `${count} ${noun}${n === 1 ? '' : 's'}`;

export const MESSAGES_EN = {
  // ── Personas: levels, traits, names, summaries, strategies ──
  level: (level: Level) => level as string,
  /** "high Annual Income (avg 86.5)". */
  numericPart: (level: string, label: string, mean: string) => `${level} ${label} (avg ${mean})`,
  categoricalPart: (label: string, top: string, percent: string) => `${label} mostly ${top} (${percent})`,
  summary: (customers: string, share: string, parts: string[]) =>
    `${customers} customers (${share}): ${parts.join(', ')}.`,
  outlierName: (size: number, count: string) => `Outliers (${plural(count, size, 'customer')})`,
  unusual: (note: string) => `Unusual: ${note}.`,
  outlierNotePart: (label: string, value: string, average: string) =>
    `${label} ${value} vs ${average} on average`,
  outlierNoteNone: () => 'a small group far from the others in the combination of features',
  /** A trait in plain words for a role and level ("older", "high-income"); `label` is the readable header. */
  trait: (role: Role | undefined, high: boolean, label: string): string => {
    switch (role) {
      case 'age':
        return high ? 'older' : 'younger';
      case 'income':
        return high ? 'high-income' : 'low-income';
      case 'spending':
        return high ? 'high-spending' : 'low-spending';
      case 'frequency':
        return high ? 'frequent buyers' : 'infrequent buyers';
      case 'count':
        return `${high ? 'many' : 'few'} ${label}`;
      case 'recency':
        return high ? 'lapsing' : 'recently active';
      case 'tenure':
        return high ? 'long-standing' : 'newer';
      case 'family':
        return `${high ? 'more' : 'fewer'} ${label}`;
      case 'mix':
        return high ? `${label.replace(/ share$/, '')}-heavy` : `little ${label.replace(/ share$/, '')}`;
      default:
        return `${high ? 'high' : 'low'} ${label}`;
    }
  },
  categoricalTrait: (label: string, top: string) => `mostly ${label} ${top}`,
  descriptiveName: (traits: string[]) => {
    if (traits.length === 0) return 'Typical Customers';
    const text = traits.join(', ');
    const noun = /buyers$|spenders$/.test(text) ? '' : ' customers';
    return `${text.charAt(0).toUpperCase()}${text.slice(1)}${noun}`;
  },
  /** "Big Spenders (Wines-Heavy)". */
  withDominant: (name: string, dominant: string) => `${name} (${dominant}-Heavy)`,
  dominantPattern: () => /^(.*) \((.+)-Heavy\)$/,
  categoryFans: (label: string) => {
    const single = !label.includes(' ') && /[^s]s$/i.test(label) && label.length > 4;
    return `${single ? label.slice(0, -1) : label} Lovers`;
  },
  categoryFansPattern: () => /^(.+) Lovers$/,
  customStrategy: (focus: string) =>
    focus
      ? `Targeted tests: build a campaign around what sets this group apart (${focus}) and measure the response before scaling it up.`
      : 'Targeted tests: try a small campaign and measure the response before scaling it up.',
  and: () => 'and',
  leadWith: (dominant: string) =>
    `Lead with ${dominant}: it takes a larger share of their spending than average.`,
  notablePart: (label: string, rate: string, overall: string) => `${label} ${rate} vs ${overall} overall`,
  notable: (parts: string[]) => `Notable: ${parts.join('; ')}.`,
  rfmSummaryTail: (score: string, days: string, orders: string, spent: string) =>
    `${score}: last order ${days} days ago, ${orders} orders and ${spent} spent per customer on average.`,
  rfmReason: (share: string, revenueShare: string, highValue: boolean, score: string) =>
    `${share} of customers, ${revenueShare} of revenue; ${highValue ? 'a high-value' : 'a lower-value'} RFM segment (${score}).`,

  // ── Targeting reasons (personas/value-ranking) ──
  valueLabel: (label: 'spending' | 'income') => label as string,
  reasonCustomers: (share: string) => `${share} of customers`,
  reasonValueShare: (share: string, label: string) => `, ${share} of total ${label}`,
  reasonPerCustomer: (value: string, label: string, average: string, outliersAside: boolean) =>
    `${value} ${label} per customer vs ${average} on average${outliersAside ? ' (outliers aside)' : ''}`,
  reasonResponse: (rate: string, overall: string) => `response rate ${rate} vs ${overall} overall`,
  verdictOutliers: () => 'outliers: too few customers to target as a segment',
  verdictBelowAverage: (label: string) => `below-average ${label} per customer, so not a first target`,
  verdictBest: (label: string, withResponse: boolean) =>
    `the highest expected value (size × ${label}${withResponse ? ' × response' : ''})`,
  verdictLargest: () => 'the largest segment (no spending or income column to weigh value)',
  verdictRank: (priority: number) => `ranks ${priority} by expected value`,
  reason: (parts: string[], verdict: string) => `${parts.join('; ')}: ${verdict}.`,

  // ── The reason for k (cluster/choose-k) ──
  kElbowOnly: (elbow: number, n: number) =>
    `${elbow} segments: that is where adding another segment stops reducing the spread within segments much (the elbow of the curve); with ${n} rows the separation score could not be computed.`,
  kStrength: (strength: 'clearly' | 'reasonably' | 'only loosely') => strength as string,
  kElbowSame: () => 'and it is also the elbow of the curve, where more segments stop paying off',
  kElbowOther: (elbow: number) =>
    `while the elbow of the curve is at ${elbow}, which separates the groups less well`,
  kUnscored: (ks: string) =>
    ` (k = ${ks} has no silhouette: a segment came out empty or held every customer, so separation cannot be measured)`,
  kNearTie: (
    k: number,
    strength: string,
    rivalK: number,
    score: string,
    rivalScore: string,
    elbowPart: string,
    unscored: string,
  ) =>
    `${k} segments: customers fall ${strength} into ${k} groups — a near tie on silhouette with k = ${rivalK} (${score} vs ${rivalScore}, where 1 is perfectly separated), fewer segments preferred — ${elbowPart}${unscored}.`,
  kBest: (
    k: number,
    strength: string,
    fromK: number,
    toK: number,
    score: string,
    elbowPart: string,
    unscored: string,
  ) =>
    `${k} segments: customers fall ${strength} into ${k} groups — the best silhouette of k = ${fromK}–${toK} (${score}, where 1 is perfectly separated) — ${elbowPart}${unscored}.`,

  // ── Counts with their nouns (everywhere) ──
  customers: (count: string, n: number) => plural(count, n, 'customer'),
  segments: (count: string, n: number) => plural(count, n, 'segment'),
  rows: (count: string, n: number) => plural(count, n, 'row'),

  // ── The Segments sheet (sheet-layout/summary-sheet) ──
  sheetTitle: (run: string) => `Customer segments — ${run}`,
  sheetSubtitle: (id: string, createdAt: string, rows: string, k: number, algorithm: string) =>
    `Run ${id} · ${createdAt} · ${rows} customers · k = ${k} (${algorithm})`,
  sheetHeaders: () => ({
    segment: 'Segment',
    persona: 'Persona',
    customers: 'Customers',
    share: 'Share',
    strategy: 'Strategy',
    summary: 'Summary',
    rank: 'Target rank',
    why: 'Why this rank',
  }),
  sheetAverage: (feature: string) => `${feature} (average)`,
  sheetMostCommon: (feature: string) => `${feature} (most common)`,
  sheetRate: (column: string) => `${column} (rate)`,
  sheetAllCustomers: () => 'All customers',
  sheetKHeading: (automatic: boolean): string => (automatic ? 'How k was chosen' : 'Quality of the segments'),
  sheetWhyK: (k: number, reason: string) => `Why k = ${k}: ${reason}`,
  sheetKSet: (k: number) => `k = ${k} was set in the options (not chosen automatically).`,
  sheetScatterNote: (x: string, y: string, count: string, n: number, sheet: string) =>
    `The chart of customers by ${x} and ${y} plots ${plural(count, n, 'point')} from the hidden sheet "${sheet}".`,
  sheetScatterTitle: (x: string, y: string) => `${y} by ${x}, coloured by segment`,
  sheetElbowTitle: () => 'Elbow: inertia by number of segments',
  sheetElbowAxis: () => 'k (number of segments)',
  sheetSizesTitle: () => 'Customers per segment',
  /** The k table's headers, in words a marketer reads (the statistic's name in brackets). */
  sheetKTableHeaders: (): [string, string, string] => [
    'k (segments)',
    'Spread within segments (inertia)',
    'Separation (silhouette)',
  ],
  /** What the two k-table numbers mean, one sentence each, written under the table. */
  sheetKTableExplanations: (): [string, string] => [
    'Spread within segments: how far customers sit from their segment’s average, added up. It always falls as k grows; where it stops falling fast (the elbow) more segments add little.',
    'Separation: from −1 to 1, how much closer customers are to their own segment than to the next one. Above 0.5 the segments are clearly apart; near 0 they overlap.',
  ],
  sheetInertiaAxis: () => 'Inertia',
  sheetColumnsHeading: () => 'How the columns were used',
  sheetDerivedFeature: () => 'Derived feature',
  sheetDerivedFrom: (sources: string[]) => `from ${sources.join(', ')}`,
  sheetLeftOut: () => 'Left out',
  sheetDataCheck: () => 'Data check',

  // ── Protected ranges in the way of a write (sheet-layout/protections) ──
  /** `named` is ' ("description")' or ''; `where` the A1 range the write needs. */
  protectedSheet: (sheet: string, named: string, what: string, where: string) =>
    `Nothing was written: the sheet "${sheet}"${named} is protected, and ${what} go there (${where}). Ask its owner for edit access or remove the protection, then run again.`,
  protectedRange: (range: string, named: string, what: string, where: string) =>
    `Nothing was written: the range ${range}${named} is protected, and ${what} go there (${where}). Ask its owner for edit access or remove the protection, then run again.`,

  // ── What reading a sheet's table skipped or filled (table/data-region) ──
  regionTitleRows: (headerRow: number, n: number) =>
    `The header is row ${headerRow}; ${plural(String(n), n, 'title row')} above it ${n === 1 ? 'was' : 'were'} skipped.`,
  regionNoteRows: (n: number, fromRow: number) =>
    `${plural(String(n), n, 'note row')} below the table (from row ${fromRow}) ${n === 1 ? 'was' : 'were'} left out.`,
  regionMerged: (ranges: string[], more: number) =>
    `Merged cells ${ranges.join(', ')}${more > 0 ? ` and ${more} more` : ''} were read as if every cell held the value of the merged block.`,
  regionFiltered: (n: number, included: boolean) =>
    included
      ? `${plural(String(n), n, 'row')} hidden by the filter ${n === 1 ? 'was' : 'were'} included, as you asked.`
      : `${plural(String(n), n, 'row')} hidden by the filter ${n === 1 ? 'was' : 'were'} skipped (tick "Include rows hidden by the filter" to segment them).`,
  regionOnlySelected: (others: number) =>
    `Only the selected rows were segmented (${others} other ${others === 1 ? 'row' : 'rows'} of the table left out).`,
  addonSheetIsOutput: (sheet: string) =>
    `"${sheet}" is where Customer Segments writes its results; open the sheet with your customers and try again.`,
  addonSheetEmpty: (sheet: string) =>
    `"${sheet}" is empty: put a header row and customer rows in it, then try again.`,

  // ── Notes on the rows and values used (segment/missing-policy, segment/encode-features) ──
  noteRowsLeftOut: (dropped: string, total: string, columns: string[]) =>
    `${dropped} of ${total} rows were left out because a chosen column was empty (${columns.join(', ')}); choose missing: impute to fill them in instead.`,
  noteImputedMean: (n: number, column: string, mean: string) =>
    `${n} empty ${column} values were filled with the mean (${mean}).`,
  noteImputedMode: (n: number, column: string, value: string) =>
    `${n} empty ${column} values were filled with the most common value ("${value}").`,

  // ── Errors about k and the number of rows (segment/options, segment/row-count) ──
  errorK: (max: number, got: string) => `k must be "auto" or a whole number from 1 to ${max}; got ${got}`,
  errorTooFewRowsForAutoK: (source: string, rows: number, usable: boolean) =>
    `${source} has ${rows}${usable ? ' usable' : ''} row${rows === 1 ? '' : 's'}; choosing k needs at least 3 (segmentation is meant for tens of customers or more)`,
  errorKMoreThanRows: (k: number, rows: number, usable: boolean) =>
    `k = ${k} asks for more segments than there are${usable ? ' usable' : ''} rows (${rows}); choose k of at most ${rows}`,

  /** The input when it has no file or sheet name. */
  theTable: () => 'the table',
  /** A run's default name: "mall.csv · 5 segments · 2026-01-01 00:00". */
  runName: (source: string, k: number, date: string) => `${source} · ${k} segments · ${date}`,
  rfmRunName: (source: string, customers: string, k: number, date: string) =>
    `${source} · ${customers} customers · ${k} RFM segments · ${date}`,

  // ── Progress lines while a run works (segment/*) ──
  progressReadingColumns: () => 'Reading columns',
  progressRollingUp: () => 'Rolling orders up per customer',
  progressClustering: (k: number) => `Clustering into ${k} segments`,
  progressTried: (k: number, finished: number, total: number) => `Tried k = ${k} (${finished} of ${total})`,
  progressRefining: (k: number) => `Refining ${k} segments with the remaining restarts`,
  progressNaming: () => 'Naming segments',

  // ── Segment traits for the sidebar's cards (segment/describe-segments) ──
  /** "High Annual Income (k$) (avg 86.5)". */
  traitLevel: (high: boolean, feature: string, mean: string) =>
    `${high ? 'High' : 'Low'} ${feature} (avg ${mean})`,
  /** "Mostly Female (70% by Gender)". */
  traitMostly: (top: string, percent: string, feature: string) => `Mostly ${top} (${percent} by ${feature})`,
  traitAverage: (feature: string, mean: string) => `Average ${feature} (avg ${mean})`,
  traitCloseToAverage: () => 'Close to the average on every column',
  /** An RFM segment's average customer. */
  traitLastOrder: (days: string) => `Last order ${days} days ago on average`,
  traitOrdersAndSpend: (orders: string, spent: string) => `${orders} orders and ${spent} spent per customer`,

  ...ADDON_MESSAGES_EN,
};

/** The catalogue's shape: every language implements every key with the same parameters. */
export type Messages = typeof MESSAGES_EN;
