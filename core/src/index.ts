/**
 * The segmentation core's public surface: everything adapters (Sheets add-on, Slack app, CLI) call.
 * Topic folders: table/ (cells, columns, roles, features), cluster/ (k-means, k-prototypes, choose-k),
 * personas/, predict/ (the classifier), answers/ (the question engine), schema/ (Run, model, answer,
 * errors, ids), sheet-layout/ (what the product writes into a spreadsheet), segment/ (the pipeline, one stage per file).
 */
export * from './answers/index';
export * from './answers/text-match';
export * from './cluster/choose-k';
export * from './cluster/kmeans';
export * from './cluster/kprototypes';
export * from './cluster/random';
export * from './cluster/silhouette';
export * from './format';
export * from './personas/customer-playbook';
export * from './personas/outliers';
export * from './personas/personas';
export * from './personas/rfm-playbook';
export * from './personas/value-ranking';
export * from './predict/gradient-boosting';
export * from './predict/index';
export * from './schema/answer';
export * from './schema/errors';
export * from './schema/ids';
export * from './schema/model';
export * from './schema/publishable-summary';
export * from './schema/run';
export * from './segment/apply-plan';
export * from './segment/assemble-run';
export * from './segment/assign-table';
export * from './segment/cluster-and-choose-k';
export * from './segment/encode-features';
export * from './segment/feature-matrix';
export * from './segment/measure-quality';
export * from './segment/missing-policy';
export * from './segment/name-rfm-segments';
export * from './segment/name-segments';
export * from './segment/options';
export * from './segment/order-segments';
export * from './segment/profile-segments';
export * from './segment/rank-segments';
export * from './segment/read-feature-cells';
export * from './segment/rfm-matrix';
export * from './segment/row-assignments';
export * from './segment/row-count';
export * from './segment/scale';
export * from './segment/segment-extras';
export * from './segment/segment-table';
export * from './segment/segment-transactions';
export * from './segment/select-features';
export * from './sheet-layout/index';
export * from './table/column-semantics';
export * from './table/columns';
export * from './table/dates';
export * from './table/derive-features';
export * from './table/feature-plan';
export * from './table/header-words';
export * from './table/number-format';
export * from './table/roles';
export * from './table/table';
export * from './transactions/customer-rows';
export * from './transactions/describe-transactions';
export * from './transactions/detect-transactions';
export * from './transactions/rfm-scores';
export * from './transactions/roll-up';
export * from './transactions/transaction-options';
