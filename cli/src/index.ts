/**
 * The CLI's surface for its launcher (bin/segments.js) and the tests: `main` runs one command line.
 */
export { defaultModelPath, trainCommand } from './commands/train';
export { formatTable } from './format';
export type { CliIo } from './io';
export { main } from './main';
export {
  formatPrediction,
  looksLikeModelFile,
  predictFile,
  predictionColumns,
  readModelFile,
} from './predict';
export { closeLocalStores, openLocalStore } from './store';
