/**
 * The English message catalogue: every sentence the product builds in more than one language, as a
 * function of its values. Its shape is the type {@link Messages}; the Indonesian catalogue
 * (messages-id.ts) must implement every key, so a missing translation fails the typecheck. Numbers come
 * in already formatted for the language (see number-format.ts) unless a message says otherwise.
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

  ...ADDON_MESSAGES_EN,
  // ── Answers about prediction runs (answers/prediction-answer) ──
  /** "segment D" mid-sentence for a display name "Segment D"; other names as they are. */
  predictedRef: (name: string) => name.replace(/^Segment /, 'segment '),
  predictedSegment: (count: string, total: string, share: string, ref: string, run: string, rank: string) =>
    `${count} of the ${total} new customers (${share}) fall in ${ref} (prediction run "${run}").${rank}`,
  predictedIsLargest: () => ' It is the largest predicted segment.',
  predictedLargestIs: (ref: string, count: string, share: string) =>
    ` The largest is ${ref} with ${count} (${share}).`,
  predictedLargest: (ref: string, count: string, total: string, share: string, run: string, next: string) =>
    `Most new customers fall in ${ref}: ${count} of the ${total} (${share}) in prediction run "${run}".${next}`,
  predictedNext: (ref: string, count: string, share: string) =>
    ` Next comes ${ref} with ${count} (${share}).`,
  predictedOverview: (
    run: string,
    model: string,
    date: string,
    total: string,
    segments: string,
    parts: string[],
  ) =>
    `Prediction run "${run}" (model "${model}", ${date}) put ${total} new customers into ${segments}: ${parts.join(', ')}.`,
  predictedUnknown: (subject: string, run: string, names: string[]) =>
    `I don't know '${subject}'; the segments in prediction run "${run}" are ${names.join(', ')}.`,
  noPredictionsCli: () =>
    'There are no predictions yet. Train a model on customers whose segment you know with: segments train labelled.csv --label Segment, then predict new customers with: segments assign new.csv --run <model id or model.json> (the prediction run is saved in the local store), or use Extensions › Customer Segments › Predict segments from a labelled column… in Google Sheets. Then ask again.',
  noPredictionsSlack: () =>
    'There are no predictions in this workspace yet. Make one in Google Sheets with Extensions › Customer Segments › Predict segments from a labelled column…, or from the command line with: segments train labelled.csv --label Segment, then segments assign new.csv --run model.json; publish the prediction run to /api/runs with the workspace token (/segments connect). Then ask again.',

  // ── Slack messages and the Home tab (slack-app/src/blocks) ──
  slackShareButton: () => 'Share in channel',
  slackOpenSheetButton: () => 'Open in Google Sheets',
  slackDetailsButton: () => 'Details',
  slackCompareButton: () => 'Compare with previous',
  slackStrategyButton: () => 'Strategy',
  slackMonths: () => ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'],
  slackRun: (name: string) => `Run *${name}*`,
  slackCustomers: (count: string) => `${count} customers`,
  slackTraitLevel: (level: Level, feature: string, mean: string) => `${level} ${feature} (avg ${mean})`,
  slackTraitMostly: (top: string, feature: string, share: string) => `mostly ${top} in ${feature} (${share})`,
  slackTraitsNone: () => 'close to the average on every feature',
  slackRunFacts: (customers: string, k: number, algorithm: string, date: string) =>
    `${customers} customers · ${k} segments · ${algorithm} · ${date}`,
  slackSegmentSummary: (number: number, name: string, customers: string, share: string) =>
    `*${number} · ${name}* — ${customers} customers (${share})`,
  slackRunHeader: (name: string, k: number, customers: string) =>
    `${name}: ${k} segments of ${customers} customers`,
  slackMoreSegments: (n: number) => `…and ${n} more segments.`,
  slackTargetFirst: (name: string, number: number, strategy: string) =>
    `*Target first: ${name}* (segment ${number}). ${strategy}`,
  slackWhyFirst: (reason: string) => `\n_Why first:_ ${reason}`,
  slackOutcomes: (parts: string[]) => `Outcomes: ${parts.join(', ')}`,
  slackOutcomePart: (column: string, rate: string, overall: string) =>
    `${column} ${rate} (${overall} overall)`,
  slackDerived: (parts: string[]) => `Derived: ${parts.join('; ')}.`,
  slackLeftOut: (parts: string[]) => `Left out: ${parts.join('; ')}.`,
  slackHomeIntro: () =>
    'Ask about your segments with `/segments <question>`, by mentioning me, or in a DM — e.g. “which segment should we target?” or “how big is the VIP segment?”.',
  slackHomeNoRuns: () =>
    'No runs yet. Publish one from Google Sheets (Extensions › Customer Segments › Publish to Slack…) with a token from `/segments connect`, or POST one to the runs API.',
  slackHomeTargetFirst: (name: string, customers: string, share: string, traits: string) =>
    `Target first: *${name}* — ${customers} customers (${share}); ${traits}`,
  slackSize: () => 'Size',
  slackShare: () => 'Share',
  slackShareOfSpending: () => 'Share of spending',
  slackTargetRank: () => 'Target rank',
  slackRankOf: (ordinal: string, n: number) => `${ordinal} of ${n}`,
  slackKeyTraits: () => 'Key traits',
  slackRunnerUp: (label: string) => ` Runner-up: ${label}.`,
  slackStrategy: (strategy: string) => `*Strategy:* ${strategy}`,
  slackSegment: () => 'Segment',
  slackCustomersColumn: () => 'Customers',
  slackAverage: (feature: string) => `Average ${feature}`,
  slackAverageFallback: () => 'Average',
  slackLevel: () => 'Level',
  slackAverageOf: (name: string, feature: string, mean: string) => `${name}: average ${feature} ${mean}`,
  slackAverageBySegment: (feature: string) => `Average ${feature} by segment`,
  slackSizeWithShare: (customers: string, share: string) => `${customers} customers (${share})`,
  slackVersus: (a: string, b: string) => `${a} vs ${b}`,
  slackNothingToCompare: () => 'Nothing to compare yet',
  slackCompareColumns: (): [string, string, string, string] => ['Segment', 'Before', 'Now', 'Change'],
  slackNew: () => 'new',
  slackGone: () => 'gone',
  slackChangedUpTo: (run: string | undefined) => `What changed up to ${run ?? 'the latest run'}`,
  slackRunsNewestFirst: (n: number) => `${n} runs, newest first`,
  slackRunLine: (date: string, customers: string, k: number, id: string) =>
    `${date} · ${customers} customers · ${k} segments · id ${id}`,
  slackOlderRuns: (n: number) => `…and ${n} older runs.`,
  slackHelpUnknown: () => 'Sorry, I did not get that',
  slackHelpHeader: () => 'Ask me about your segments',
  slackHelpHow: () => 'Ask with `/segments <question>`, by mentioning me, or in a direct message.',
  slackPrediction: (run: string, model: string, customers: string) =>
    `Prediction run *${run}* · model ${model} · ${customers} new customers`,
  slackSizeHeader: (name: string, customers: string, share: string) =>
    `${name}: ${customers} customers (${share})`,
  slackSegmentsIn: (n: number, run: string) => `${n} segments in ${run}`,
  slackTargetFor: (goal: string, name: string) => `For ${goal}: target ${name}`,
  slackTargetFirstHeader: (name: string) => `Target ${name} first`,
  slackStrategiesIn: (run: string) => `Strategies in ${run}, in targeting order`,
  slackStrategyFor: (label: string) => `Strategy for ${label}`,
  slackChartTitle: (kind: string) =>
    (
      ({
        sizes: 'Segment sizes',
        features: 'Segments by their two main features',
        'choose-k': 'How k was chosen',
        compare: 'What changed since the previous run',
      }) as Record<string, string>
    )[kind] ?? 'Segment sizes',
  slackAnswer: () => 'Answer',
  slackSharedBy: (run: string, user: string) => `Segmentation run ${run}, shared by ${user}`,

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
