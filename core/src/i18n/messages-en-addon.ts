/**
 * The English catalogue's add-on part: the add-on server's replies (sheets-addon/src). Spread into
 * MESSAGES_EN (messages-en.ts), so the Indonesian catalogue must implement these keys too. The
 * sidebar's own texts are in sidebar-strings-en.ts.
 */

export const ADDON_MESSAGES_EN = {
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
  /** What a write puts where (for the protected-range message). */
  addonWhatSegmentColumn: () => 'the Segment column',
  addonWhatPersonaColumn: () => 'the Persona column',
  addonWhatSummary: () => 'the Segments summary (replaced on every run)',
  addonWhatChartData: () => "the Segments sheet's hidden chart data (replaced on every run)",
  addonWhatCustomers: () => 'the Customers sheet (one row per customer, replaced on every orders run)',
  addonWhatKeptRun: () => 'the kept run',
  addonOrdersTooBig: (lines: string, minutes: number, command: string) =>
    `${lines} order lines would take about ${minutes} minutes, more than Apps Script's 6-minute limit, so nothing was run. Segment the orders from your computer with: ${command}`,
  addonOrdersLine: (customer: string, date: string, amounts: string) =>
    `Orders table: customers by ${customer}, dates from ${date}, amounts from ${amounts}.`,
  addonWriteFailed: (reason: string) =>
    `Nothing was written: Google Sheets refused a write (${reason}). The sheet is as it was; try again.`,
  addonTooManyCells: (cells: string) =>
    `Nothing was written: the results would take this spreadsheet past Google's limit of 10 million cells (it has ${cells}). Delete unused sheets or empty rows and columns, then run again.`,
  addonUrlNotAllowed: (prefix: string, serverUrl: string) =>
    `This copy of the add-on may only call ${prefix} (the Slack app it was installed for; Google blocks any other address). Enter a URL starting with ${prefix}, or ask whoever deployed the add-on to build it for ${serverUrl}.`,
};
