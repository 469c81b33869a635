/**
 * The add-on menu as data, free of Apps Script types so tests can read it. Every function named here
 * is an Apps Script entry point exported from index.ts (the build adds a top-level forwarder for it;
 * a test checks that).
 */

/** The add-on menu (Extensions › Customer Segments), in order: [caption, entry-point function name]. */
export const MENU_ITEMS: readonly (readonly [caption: string, functionName: string])[] = [
  ['Segment customers…', 'showSidebar'],
  ['Assign new customers…', 'showAssignSidebar'],
  ['Predict segments from a labelled column…', 'showPredictSidebar'],
  ['Publish to Slack…', 'showPublishSidebar'],
  ['Settings…', 'showSettingsSidebar'],
  ['Help', 'showHelp'],
];
