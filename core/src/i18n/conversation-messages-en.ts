/**
 * The English catalogue of conversations: answers to questions (core answers/), Slack messages and the
 * Home tab, and the CLI's run summary. Kept apart from the run catalogue (messages-en.ts) so the
 * Sheets add-on, which answers no questions, does not carry these sentences in its bundle; the
 * Indonesian twin is conversation-messages-id.ts.
 */
import type { Level } from '../schema/run';

export const CONVERSATION_MESSAGES_EN = {
  // ── Answers (answers/*) ──
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
  cliPerSegment: () => 'Per segment (columns left out of the clustering):',
  cliAllCustomers: () => 'All customers',
  cliLeftOut: () => 'Left out of the features:',
  cliWroteRows: (path: string) => `Wrote ${path} (your rows with Segment and Persona columns).`,
  cliWroteCustomers: (path: string, key: string) =>
    `Wrote ${path} (one row per customer: ${key}, Recency (days), Frequency, Monetary, First order, Segment, Persona).`,
  cliSaved: (id: string, created: boolean) =>
    `Saved run ${id}${created ? '' : ' (already saved)'}. Try: segments ask "which segment should we target?"`,
  cliRfmTraits: (score: string, days: string, orders: string, spent: string) =>
    `${score}: last order ${days} ${days === '1' ? 'day' : 'days'} ago, ${orders} ${orders === '1' ? 'order' : 'orders'}, ${spent} spent`,
  cliRecommended: (reason: string) => `Recommended: ${reason}`,
  cliTargetFirst: (name: string, reason: string) => `Target first: ${name}${reason ? ` — ${reason}` : ''}`,
  cliStrategy: (strategy: string) => `Strategy: ${strategy}`,
  cliNote: (note: string) => `Note: ${note}`,
};

/** The conversation catalogue's shape: every language implements every key. */
export type ConversationMessages = typeof CONVERSATION_MESSAGES_EN;
