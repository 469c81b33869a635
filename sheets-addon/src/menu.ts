/**
 * The add-on menu and the windows it opens.
 */

import { languageSnapshot } from './language';
import { MENU_ITEMS } from './menu-items';

/** Title of the sidebar and dialogs. */
export const ADDON_TITLE = 'Customer Segments';

/** Which view of Sidebar.html opens first. */
export type SidebarView = 'segment' | 'assign' | 'predict' | 'publish' | 'settings';

/**
 * Builds the add-on menu (Extensions › Customer Segments). Works in every auth mode: it only adds
 * menu items, reads no data.
 */
export function onOpen(_event?: GoogleAppsScript.Events.SheetsOnOpen): void {
  const menu = SpreadsheetApp.getUi().createAddonMenu();
  MENU_ITEMS.forEach(([caption, functionName], position) => {
    // A separator before Help keeps the actions apart from the documentation.
    if (position === MENU_ITEMS.length - 1) menu.addSeparator();
    menu.addItem(caption, functionName);
  });
  menu.addToUi();
}

/** Runs when the add-on is installed from a test deployment or the Marketplace: show the menu now. */
export function onInstall(event?: GoogleAppsScript.Events.AddonOnInstall): void {
  onOpen(event as unknown as GoogleAppsScript.Events.SheetsOnOpen);
}

function openSidebar(view: SidebarView): void {
  const output = HtmlService.createHtmlOutputFromFile('Sidebar').setTitle(ADDON_TITLE);
  // The sidebar reads the view to open and its texts in the user's language from this tag before it
  // starts (one HTML file, five views, no catalogue of its own); '<' escaped so no text ends the tag.
  const language = JSON.stringify(languageSnapshot()).replace(/</g, '\\u003c');
  output.append(
    `<script>window.INITIAL_VIEW = ${JSON.stringify(view)}; window.SIDEBAR_LANGUAGE = ${language};</script>`,
  );
  SpreadsheetApp.getUi().showSidebar(output);
}

/** Segment customers…: the sidebar with the columns of the active sheet. */
export function showSidebar(): void {
  openSidebar('segment');
}

/** Assign new customers…: the sidebar's assign view. */
export function showAssignSidebar(): void {
  openSidebar('assign');
}

/**
 * Predict segments from a labelled column…: the sidebar's predict view (pick the label column, see
 * the holdout evaluation and the predicted distribution).
 */
export function showPredictSidebar(): void {
  openSidebar('predict');
}

/** Publish to Slack…: the sidebar's publish view. */
export function showPublishSidebar(): void {
  openSidebar('publish');
}

/** Settings…: the sidebar's settings view (Slack app URL and token). */
export function showSettingsSidebar(): void {
  openSidebar('settings');
}

const HELP_HTML = `<div style="font:13px/1.5 Arial,sans-serif">
<p><b>Segment customers…</b> reads the active sheet (header in the first non-empty row, or your selection),
groups similar customers and names each group as a marketing persona. It adds <b>Segment</b> and
<b>Persona</b> columns right of your data, a <b>Segments</b> sheet with the summary and charts, and keeps
the run in a hidden sheet. Your own cells are never changed; a re-run replaces only those columns.</p>
<p><b>Assign new customers…</b> gives rows without a Segment the segment of a kept run.</p>
<p><b>Predict segments from a labelled column…</b> learns from rows whose segment you already know (a
column such as Segmentation) and predicts it for rows where that cell is empty, in <b>Predicted
segment</b> and <b>Confidence</b> columns.</p>
<p><b>Publish to Slack…</b> sends the run summary (segments, sizes, personas; never customer rows) to your
Customer Segments Slack app, set up under <b>Settings…</b>.</p></div>`;

/** Help: a short dialog on what the add-on does and writes. */
export function showHelp(): void {
  const output = HtmlService.createHtmlOutput(HELP_HTML).setWidth(420).setHeight(340);
  SpreadsheetApp.getUi().showModalDialog(output, `${ADDON_TITLE} — Help`);
}
