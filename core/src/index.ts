/**
 * The segmentation core's public surface: everything adapters (Sheets add-on, Slack app, CLI) call.
 */
export * from './answer-model';
export * from './answers';
export * from './assign';
export * from './choose-k';
export * from './classifier';
export * from './columns';
export * from './errors';
export * from './model-schema';
export * from './personas';
export * from './prepare';
export * from './run-schema';
export * from './segment';
export * from './sheet-layout';
export * from './table';
