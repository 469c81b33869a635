/**
 * The English message catalogue: every sentence the product builds in more than one language, as a
 * function of its values. Its shape is the type {@link Messages}; the Indonesian catalogue
 * (messages-id.ts) must implement every key, so a missing translation fails the typecheck. Numbers come
 * in already formatted for the language (see number-format.ts) unless a message says otherwise.
 */
import type { Level, Role } from '../schema/run';

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

  // ── Answers (answers/*) ──
  customers: (count: string, n: number) => plural(count, n, 'customer'),
  segments: (count: string, n: number) => plural(count, n, 'segment'),
  rows: (count: string, n: number) => plural(count, n, 'row'),
  segmentLabel: (name: string, number: number) => `${name} (segment ${number})`,
  ordinal: (rank: number) => {
    const tens = rank % 100;
    const suffix = tens >= 11 && tens <= 13 ? 'th' : (['th', 'st', 'nd', 'rd'][rank % 10] ?? 'th');
    return `${rank}${suffix}`;
  },
  fromFile: (file: string) => ` from ${file}`,
  fromSheet: (sheet: string) => ` from sheet ${sheet}`,
  sizeAnswer: (
    label: string,
    customers: string,
    share: string,
    total: string,
    run: string,
    largest: boolean,
  ) =>
    `${label} has ${customers}, ${share} of the ${total} in run ${run}.${largest ? ' It is the largest segment.' : ''}`,
  sizePart: (label: string, count: string, share: string) => `${label} ${count} (${share})`,
  sizeOverview: (
    run: string,
    customers: string,
    segments: string,
    parts: string[],
    largest: string,
    smallest?: string,
  ) =>
    `Run ${run} has ${customers} in ${segments}: ${parts.join(', ')}. The largest is ${largest}${smallest ? `, the smallest ${smallest}.` : '.'}`,
  strategyAnswer: (
    label: string,
    run: string,
    strategy: string,
    customers: string,
    share: string,
    total: string,
    rank: string,
    profile: string,
  ) =>
    `The strategy for ${label} in run ${run}: ${strategy} It has ${customers}, ${share} of the ${total}, and ranks ${rank} for targeting.${profile ? ` Profile: ${profile}` : ''}`,
  strategyLine: (label: string, customers: string, strategy: string) => `${label}, ${customers}: ${strategy}`,
  strategyOverview: (run: string, lines: string[]) =>
    `Strategies in run ${run}, in targeting order:\n${lines.join('\n')}`,
  valueClause: (parts: string[]) => (parts.length ? `, with ${parts.join(' and ')}` : ''),
  valuePart: (level: string, feature: string, mean: string) => `${level} ${feature} (${mean} on average)`,
  targetFacts: (customers: string, share: string, total: string, value: string) =>
    `${customers}, ${share} of the ${total}${value}`,
  targetOverall: (label: string, run: string, facts: string, reason: string) =>
    `Target ${label} first in run ${run}: ${facts}. It ranks first for targeting (size × value).${reason ? ` Why: ${reason}` : ''}`,
  targetSuited: (goal: string, label: string, run: string, facts: string) =>
    `For ${goal}, target ${label} in run ${run}: ${facts}. Its persona suits ${goal} best in this run.`,
  targetUnsuited: (goal: string, label: string, run: string, facts: string, fitting: string[]) =>
    `For ${goal}, target ${label} in run ${run}: ${facts}. No segment in this run is a typical fit (${fitting.join(' or ')}), so this is the first priority overall.`,
  targetStrategy: (strategy: string) => ` Strategy: ${strategy}`,
  runnerUp: (label: string, customers: string, share: string) =>
    ` Runner-up: ${label}, ${customers}, ${share}.`,
  noRunnerUp: () => ' There is no runner-up: the run has one segment.',
  goal: (goal: string) =>
    (
      ({
        discount: 'a discount campaign',
        loyalty: 'a loyalty programme',
        'premium launch': 'a premium launch',
        upsell: 'upselling',
        retention: 'retention',
        reactivation: 'reactivation',
        social: 'a social media campaign',
      }) as Record<string, string>
    )[goal] ?? goal,
  algorithm: (algorithm: string) => (algorithm === 'kprototypes' ? 'k-prototypes' : 'k-means'),
  describeRun: (
    run: string,
    id: string,
    date: string,
    customers: string,
    source: string,
    segments: string,
    algorithm: string,
    dropped: string,
    list: string[],
    top: string,
  ) =>
    `Run ${run} (id ${id}, created ${date}) put ${customers}${source} into ${segments} with ${algorithm}.${dropped} Segments: ${list.join('; ')}. Target first: ${top}.`,
  droppedRows: (rows: string, n: number) => ` ${rows} ${n === 1 ? 'was' : 'were'} left out.`,
  describeSegment: (label: string, count: string, share: string) => `${label} with ${count} (${share})`,
  shareSlack: (run: string, description: string) => `Sharing run ${run} to the channel. ${description}`,
  shareCli: (run: string, description: string) =>
    `Sharing to a channel happens in Slack: type /segments share ${run} there, or publish from Google Sheets with Extensions › Customer Segments › Publish to Slack…. ${description}`,
  listHead: (n: number) => (n === 1 ? 'There is 1 run:' : `There are ${n} runs, newest first:`),
  listLine: (position: number, run: string, id: string, segments: string, customers: string, date: string) =>
    `${position}. ${run} (id ${id}): ${segments}, ${customers}, created ${date}.`,
  listMore: (n: number) => `\n…and ${n} older runs.`,
  compareHead: (
    from: string,
    fromDate: string,
    to: string,
    toDate: string,
    before: string,
    beforeSegments: string,
    after: string,
    afterSegments: string,
  ) =>
    `Comparing run ${from} (${fromDate}) with run ${to} (${toDate}): ${before} in ${beforeSegments} before, ${after} in ${afterSegments} now.`,
  compareOnlyOne: (run: string) =>
    `There is only one run (${run}), so there is nothing to compare it with yet.`,
  compareNew: (name: string, run: string, customers: string, share: string) =>
    `${name} is new in ${run}: ${customers} (${share}).`,
  compareGone: (name: string, run: string, customers: string, share: string, from: string) =>
    `${name} is not in ${run}; it had ${customers} (${share}) in ${from}.`,
  compareStayed: (customers: string) => `stayed at ${customers}`,
  compareSize: (grew: boolean, before: string, after: string, delta: string) =>
    `${grew ? 'grew' : 'shrank'} from ${before} to ${after} (${delta})`,
  compareShareStayed: (share: string) => `its share stayed at ${share}`,
  compareShare: (rose: boolean, before: string, after: string, delta: string) =>
    `its share ${rose ? 'rose' : 'fell'} from ${before} to ${after} (${delta} points)`,
  compareLine: (name: string, size: string, share: string) => `${name} ${size}; ${share}.`,
  runNotFound: (reference: string, shown: string[], more: number) =>
    `I can't find a run called '${reference}'. The runs are: ${shown.join(', ')}${more > 0 ? ` and ${more} more` : ''}.`,
  runWithId: (run: string, id: string) => `${run} (id ${id})`,
  segmentAmbiguous: (text: string, options: string[], run: string) =>
    `'${text}' could mean ${options.slice(0, -1).join(', ')} or ${options[options.length - 1]} in run ${run}. Which one?`,
  segmentNoNumber: (run: string, number: number, segments: string, count: number, names: string[]) =>
    `Run ${run} has no segment ${number}; it has ${segments}, numbered 1 to ${count}: ${names.join(', ')}.`,
  segmentUnknown: (subject: string, run: string, names: string[]) =>
    `I don't know '${subject}'; the segments in run ${run} are ${names.join(', ')}.`,
  noRunsCli: () =>
    'There are no runs saved yet. Segment a file with: segments segment file.csv (the run is saved in the local store), or segment a sheet in Google Sheets with Extensions › Customer Segments › Segment customers…, then ask again.',
  noRunsSlack: () =>
    'There are no runs in this workspace yet. Publish one from Google Sheets with Extensions › Customer Segments › Publish to Slack… (connect first with /segments connect), or segment a file from the command line with: segments segment file.csv. Then ask again.',
  connectCli: () =>
    'The command line keeps its runs in a local store (team "local"); it needs no connection. To connect the Google Sheets add-on to Slack, type /segments connect in your Slack workspace to get a token, then paste it in the spreadsheet under Extensions › Customer Segments › Settings…. After that, Extensions › Customer Segments › Publish to Slack… sends a run summary (never row-level data) to the workspace.',
  connectSlack: () =>
    'To connect the Google Sheets add-on to this workspace: type /segments connect to get a token (only you see it), then paste it in the spreadsheet under Extensions › Customer Segments › Settings…. After that, Extensions › Customer Segments › Publish to Slack… sends a run summary (never row-level data) here, and you can ask about it.',
  helpHowCli: () =>
    'I answer questions about the segmentation runs saved on this machine. Ask with: segments ask "your question".',
  helpHowSlack: () =>
    'I answer questions about the segmentation runs published to this workspace. Ask with /segments followed by a question, by mentioning me, or in a direct message.',
  helpOpening: (unknown: boolean, question: string) =>
    unknown ? `Sorry, I did not understand "${question}". ` : 'I can help with that. ',
  helpCan: () =>
    ' I can list runs, show a run, tell you how big a segment is, which segment to target (also for a goal such as a discount campaign, loyalty, a premium launch, retention, upselling or reactivation), the strategy for a segment, compare two runs, share a run to a channel, and explain how to connect the Google Sheets add-on. Try: ',
  examples: () => [
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
  ],

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
  sheetScatter: (x: string, y: string) => `Customers by ${x} and ${y}`,
  sheetElbowTitle: () => 'Elbow: inertia by number of segments',
  sheetElbowAxis: () => 'k (number of segments)',
  sheetSizesTitle: () => 'Customers per segment',

  // ── CLI run summary (cli/src/format.ts) ──
  cliSegmentsFrom: (k: number, customers: string, algorithm: string, features: string) =>
    `${k} segments from ${customers} customers (${algorithm}, ${features})`,
  cliCategoryShares: () => ", and each category's share of spending",
  cliHeaders: () => ['#', 'Persona', 'Size', 'Share', 'Key traits'],
  cliNoTraits: () => 'close to average on every feature',
  cliRecommended: (reason: string) => `Recommended: ${reason}`,
  cliTargetFirst: (name: string, reason: string) => `Target first: ${name}${reason ? ` — ${reason}` : ''}`,
  cliStrategy: (strategy: string) => `Strategy: ${strategy}`,
  cliNote: (note: string) => `Note: ${note}`,
};

/** The catalogue's shape: every language implements every key with the same parameters. */
export type Messages = typeof MESSAGES_EN;
