/**
 * The add-on menu and the windows it opens.
 */

import { MESSAGES_EN } from '@segments/core';
import { addonMessages, languageSnapshot } from './language';
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

/** Help: a short dialog on what the add-on does and writes, in the user's language. */
export function showHelp(): void {
  const m = addonMessages();
  const html = `<div style="font:13px/1.5 Arial,sans-serif">${m.addonHelpHtml()}</div>`;
  const output = HtmlService.createHtmlOutput(html)
    .setWidth(420)
    .setHeight(m === MESSAGES_EN ? 340 : 400);
  SpreadsheetApp.getUi().showModalDialog(output, `${ADDON_TITLE} — ${m.addonHelpTitle()}`);
}
