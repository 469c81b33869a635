/**
 * The Apps Script entry points, and nothing else: the build bundles this module as the global
 * `Addon` and adds a top-level `function name(e) { return Addon.name(e) }` for each export, because
 * Apps Script only calls top-level functions (menu items, triggers, google.script.run).
 */

export { getLanguage, saveLanguage } from './language';
export {
  onInstall,
  onOpen,
  showAssignSidebar,
  showHelp,
  showPredictSidebar,
  showPublishSidebar,
  showSettingsSidebar,
  showSidebar,
} from './menu';
export {
  assignNewCustomers,
  exportSegment,
  getActiveTarget,
  getProgress,
  getSettings,
  getSheetProfile,
  listRuns,
  openSegmentsSheet,
  predictSegments,
  publishRun,
  renameSegment,
  runSegmentation,
  saveSettings,
} from './server';
