/**
 * The English catalogue's add-on part: the sidebar's labels and the add-on server's replies
 * (sheets-addon/html/Sidebar.html, sheets-addon/src). Spread into MESSAGES_EN (messages-en.ts), so the
 * Indonesian catalogue must implement these keys too.
 */

export const ADDON_MESSAGES_EN = {
  // ── The add-on sidebar (sheets-addon/html/Sidebar.html) ──
  /**
   * Every text the sidebar shows, as plain strings (HtmlService passes JSON, not functions): `{name}`
   * marks a value the sidebar fills in, numbers already formatted. Element texts are keyed by the
   * sidebar's `data-t` attributes.
   */
  sidebar: () => ({
    decimalMark: '.',
    groupMark: ',',
    views: 'Views',
    navSegment: 'Segment',
    navAssign: 'Assign',
    navPredict: 'Predict',
    navPublish: 'Publish',
    navSettings: 'Settings',
    segmentHeading: 'Segment customers',
    readingSheet: 'Reading the active sheet…',
    refresh: 'Refresh',
    refreshTitle: 'Read the active sheet again',
    colColumn: 'Column',
    colKind: 'Kind',
    colKindTitle:
      'What the values look like: numeric (numbers), categorical (a few repeated labels), id (a different code on every row) or text (free text such as names or notes).',
    colRole: 'Role',
    colRoleTitle:
      'What the column means, read from its header and values (for example income, age or spending). Roles name the personas and choose the columns ticked by default.',
    colEmpty: 'Empty',
    colEmptyTitle: 'Rows where this column is empty',
    kindWhyId:
      'A different value on every row (a customer number or code): it says nothing about groups, so it is left out.',
    kindWhyText: 'Free text (names, notes, emails): too many different values to group customers by.',
    kinds: { numeric: 'numeric', categorical: 'categorical', id: 'id', text: 'text' } as Record<
      string,
      string
    >,
    /** Roles as the columns table shows them; a role missing here shows as its code. */
    roles: {} as Record<string, string>,
    onlySelected: 'Only the selected rows',
    includeFiltered: 'Include rows hidden by the filter',
    kLegend: 'Number of segments (k)',
    kAuto: 'Auto',
    kFixed: 'Fixed:',
    kValueLabel: 'Number of segments',
    moreOptions: 'More options',
    algorithm: 'Algorithm',
    algorithmAuto: 'Auto (picks by column kinds)',
    algorithmKmeans: 'k-means (numbers only)',
    algorithmKprototypes: 'k-prototypes (numbers and categories)',
    scaling: 'Scaling',
    scalingZscore: 'Standardise (z-score)',
    scalingMinmax: 'Min–max to 0..1',
    scalingNone: 'None (original units)',
    seed: 'Seed',
    runName: 'Run name',
    runNamePlaceholder: 'Sheet name and date',
    run: 'Run',
    running: 'Running…',
    starting: 'Starting…',
    cannotStop: 'Apps Script cannot stop a run once started; it writes nothing until every step has worked.',
    cliIntro: 'Or segment every row from your computer with the Customer Segments command line:',
    command: 'Command',
    copy: 'Copy',
    copied: 'Copied',
    sheetInfo: 'Sheet "{sheet}", {range}: {rows} customers. Choose the columns to segment on.',
    sheetInfoOrders: 'Sheet "{sheet}", {range}: {rows} order lines.',
    resultsCustomersSheet: ' One row per customer on "{sheet}".',
    ordersChoice:
      'Segment the customers on recency, frequency and monetary value (RFM) instead of the ticked columns.',
    tooBig:
      'This table is large: segmenting all {rows} customers may take about {minutes} minutes, longer than Apps Script allows (6). Run will offer a sample or the command line.',
    runSample: 'Run on a sample of {rows} customers',
    segmentsTitle: 'Segments',
    resultsTitle: '{k} segments',
    resultsWhere: 'Written to "{sheet}" ({range}): {rows} customers.',
    sizesAlt: 'Customers per segment',
    openSegments: 'Open the Segments sheet',
    renameHint:
      'Click a persona name to rename it; the Persona column, the Segments sheet and what you publish use the new name.',
    whyK: 'Why k = {k}: {reason}',
    kChosen: 'k = {k} as you chose.',
    segmentNameLabel: 'Name of segment {n}',
    facts: '{size} customers · {share}',
    factsValue: ' · {share} of {column}',
    strategyLabel: 'Strategy: ',
    exportButton: 'Export these customers to a sheet',
    exportTitle: "A new sheet with this segment's rows, to download as CSV for an ad platform or CRM",
    saving: 'Saving…',
    renamed: 'Renamed to "{name}".',
    renamedRows: 'Renamed to "{name}" in {rows} rows and the Segments sheet.',
    exporting: 'Exporting…',
    exported: 'Sheet "{sheet}" created with {rows} customers (File › Download › CSV to upload it).',
    bug: 'Something went wrong in the add-on: {message}',
    assignHeading: 'Assign new customers',
    assignIntro: 'Rows without a Segment get the nearest segment of a kept run. Rows that have one keep it.',
    runLabel: 'Run',
    fromRow: 'From row (optional)',
    assign: 'Assign',
    noRuns: 'No run is kept in this spreadsheet yet: run Segment customers first.',
    runInfo: 'k = {k} · {rows} customers · {date}',
    allAssigned: 'Every row already has a segment.',
    assigned: '{n} new customers assigned.',
    predictHeading: 'Predict segments from a labelled column',
    predictIntro:
      'Learns from the rows whose segment you know and predicts it for the rows where that cell is empty. Writes Predicted segment and Confidence columns; your cells are not changed.',
    predictLabel: 'Column with the known segments',
    predict: 'Predict',
    predicting: 'Predicting…',
    predictionsTitle: 'Predictions',
    holdout: 'Holdout check',
    accuracy: 'Accuracy',
    macroF1: 'Macro-F1',
    predictedSegment: 'Predicted segment',
    customersColumn: 'Customers',
    shareColumn: 'Share',
    noLabelColumn: 'This sheet has no column of categories to learn segments from.',
    predictEveryRow: 'Every row has a {column}: leave it empty for the customers to predict.',
    predictMissing: '{rows} rows without a {column} will get a predicted segment.',
    model: 'Model',
    baseline: 'Always "{label}" (baseline)',
    predicted: '{n} new customers predicted',
    publishHeading: 'Publish to Slack',
    publishIntro:
      'Sends the run summary (segments, sizes, personas). Customer rows never leave the spreadsheet.',
    publish: 'Publish',
    published: 'Published to Slack.',
    alreadyPublished: 'Already in Slack (published before).',
    settingsHeading: 'Settings',
    serverUrl: 'Slack app URL',
    token: 'Token (from /segments connect in Slack)',
    tokenPlaceholder: 'Paste the token',
    tokenSaved: 'A token ending {hint} is saved; leave blank to keep it.',
    noToken: 'No token saved yet.',
    save: 'Save',
    saved: 'Saved.',
    language: 'Language',
    languageAuto: 'Auto (spreadsheet locale)',
    languageAutoLocale: 'Auto (spreadsheet locale {locale})',
    languageEn: 'English',
    languageId: 'Bahasa Indonesia',
    languageSaved: 'Language saved.',
  }),

  // ── The add-on's server replies (sheets-addon/src) ──
  /** The Help dialog (HTML; the menu items keep their English names, as the menu shows them). */
  addonHelpTitle: () => 'Help',
  addonHelpHtml:
    () => `<p><b>Segment customers…</b> reads the active sheet (header in the first non-empty row, or your selection),
groups similar customers and names each group as a marketing persona. It adds <b>Segment</b> and
<b>Persona</b> columns right of your data, a <b>Segments</b> sheet with the summary and charts, and keeps
the run in a hidden sheet. Your own cells are never changed; a re-run replaces only those columns.</p>
<p><b>Assign new customers…</b> gives rows without a Segment the segment of a kept run.</p>
<p><b>Predict segments from a labelled column…</b> learns from rows whose segment you already know (a
column such as Segmentation) and predicts it for rows where that cell is empty, in <b>Predicted
segment</b> and <b>Confidence</b> columns.</p>
<p><b>Publish to Slack…</b> sends the run summary (segments, sizes, personas; never customer rows) to your
Customer Segments Slack app, set up under <b>Settings…</b>.</p>`,
  addonExportSheetName: (number: number, persona: string) => `Segment ${number} — ${persona}`,
  addonExportSourceGone: (sheet: string) => `The sheet "${sheet}" this run was written to is gone.`,
  addonExportNoSegmentColumn: (sheet: string) =>
    `"${sheet}" has no Segment column any more; run Segment customers… again.`,
  addonExportLostHeader: (sheet: string) => `The Segment column of "${sheet}" has lost its header.`,
  addonExportNoRows: (sheet: string, number: number) => `No row of "${sheet}" is in segment ${number}.`,
  addonExportRefused: (reason: string) =>
    `Nothing was exported: Google Sheets refused the write (${reason}).`,
  addonLockBusy: () => 'Another segmentation is running in this spreadsheet; try again in a minute.',
  addonStaleSheet: (expected: string | undefined, actual: string) =>
    `The sidebar showed the columns of "${expected ?? 'another sheet'}", but the active sheet is now "${actual}". Nothing was written: click Refresh to read "${actual}", then Run again.`,
  addonStaleTable: (sheet: string, before: string, now: string) =>
    `The table on "${sheet}" changed since the sidebar read it (${before}, now ${now}). Nothing was written: click Refresh, then Run again.`,
  addonTooBig: (rows: string, columns: number, minutes: number, sampleRows: string, command: string) =>
    `${rows} customers × ${columns} columns would take about ${minutes} minutes, more than Apps Script's 6-minute limit, so nothing was run. Run on an evenly spread sample of ${sampleRows} customers (every row still gets its nearest segment), or segment the whole sheet from your computer with: ${command}`,
  addonSampled: (sample: string, rows: string) =>
    `Segmented an evenly spread sample of ${sample} of ${rows} customers (Apps Script's 6-minute limit); every row got its nearest segment.`,
  addonProgressReading: () => 'Reading the sheet',
  addonProgressWriting: () => 'Writing the Segment and Persona columns and the Segments sheet',
  addonRunToast: (k: number, sheet: string) =>
    `${k} segments written to "${sheet}"; see the Segments sheet for the summary.`,
  addonNoRun: (runId: string) =>
    `There is no run "${runId}" in this spreadsheet; run Segment customers… again.`,
  addonNoRunPick: (runId: string) =>
    `There is no run "${runId}" in this spreadsheet; pick one from the list.`,
  addonNoRunsYet: () => 'No segmentation has been run in this spreadsheet yet; run Segment customers… first.',
  addonNoSegment: (run: string, number: number) => `Run "${run}" has no segment ${number}.`,
  addonNameTaken: (number: number, name: string) =>
    `Segment ${number} is already called "${name}"; pick another name so the two can be told apart.`,
  addonNameMissing: () => 'Type a name for the segment',
  addonNameTooLong: () => 'A persona name is at most 60 characters',
  addonNoSummarySheet: () => 'There is no Segments sheet yet: run Segment customers… first.',
  addonAssignToast: (n: number, run: string) => `${n} new customers assigned with "${run}".`,
  addonEveryRowLabelled: (sheet: string, label: string) =>
    `Every row of Sheet "${sheet}" has a ${label}, so there is nothing to predict: leave ${label} empty for the new customers and try again.`,
  addonNoLabelColumn: (sheet: string, label: string, columns: string[]) =>
    `Sheet "${sheet}" has no label column "${label}"; its columns are: ${columns.join(', ')}`,
  addonPredictToast: (n: number, label: string, sheet: string) =>
    `${n} new customers got a predicted ${label} in "${sheet}".`,
  addonPublishNeedsSettings: () =>
    'Publishing needs the Slack app URL and a token: open Settings… and paste them (run /segments connect in Slack to get a token).',
  addonPublishTooLarge: (run: string, kb: number) =>
    `Run "${run}" is too large to publish (${kb} KB; the Slack app accepts up to 1 MB).`,
  addonUnreachable: (url: string, reason: string) =>
    `Could not reach the Slack app at ${url} (${reason}). Check the URL in Settings… and that the app is running.`,
  addonTokenRefused: () =>
    'The Slack app did not accept the token. Run /segments connect in Slack for a new token and paste it in Settings….',
  addonRunInvalid: (detail: string) =>
    `The Slack app refused the run as invalid: ${detail || 'no details given'}.`,
  addonRunTooLargeForApp: () =>
    'The run is too large for the Slack app (over 1 MB); segment fewer columns or publish a smaller run.',
  addonNoRunsApi: (url: string) =>
    `There is no runs API at ${url}/api/runs; check the Slack app URL in Settings….`,
  addonAppError: (url: string, status: number) =>
    `The Slack app at ${url} answered with an error (HTTP ${status}); try again later.`,
  addonUrlMissing: () => 'Enter the Slack app URL, e.g. https://segments.example.com',
  addonUrlNotHttps: () =>
    'The Slack app URL must start with https:// and name a host, e.g. https://segments.example.com (http:// would send the token in clear)',
  addonTokenTooLong: () => 'The token is longer than 500 characters; paste only the token',
  addonTokenMissing: () => 'Paste the token from /segments connect in Slack',
  addonLanguageInvalid: (value: string) => `The language must be auto, en or id; got ${value}`,
};
