/**
 * The segmentation core's public surface: everything adapters (Sheets add-on, Slack app, CLI) call.
 * Topic folders: table/ (cells, columns, roles, features), cluster/ (k-means, k-prototypes, choose-k),
 * personas/, predict/ (the classifier), answers/ (the question engine), schema/ (Run, model, answer,
 * errors, ids), sheet-layout/ (what the product writes into a spreadsheet), segment/ (the pipeline).
 */
export * from './answers/answers';
export * from './answers/text-match';
export * from './cluster/choose-k';
export * from './cluster/kmeans';
export * from './cluster/kprototypes';
export * from './cluster/random';
export * from './cluster/silhouette';
export * from './personas/personas';
export * from './predict/classifier';
export * from './predict/gradient-boosting';
export * from './schema/answer';
export * from './schema/errors';
export * from './schema/ids';
export * from './schema/model';
export * from './schema/run';
export * from './segment/assign-table';
export * from './segment/segment-table';
export * from './sheet-layout/sheet-layout';
export * from './table/columns';
export * from './table/csv-columns';
export * from './table/extent';
export * from './table/prepare';
export * from './table/roles';
export * from './table/table';
export * from './table/typed-table';
