/**
 * The real public datasets in `../shared/data` beside the repository (SOURCES.md says where each came
 * from). A clone without that folder still runs the suite: the tests that need a file skip, and the
 * console says which file was missing and why.
 */
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** Absolute path of `../shared/data/` beside the repository root. */
export const SHARED_DATA_DIR = fileURLToPath(new URL('../../../shared/data/', import.meta.url));

/** Absolute path of one shared dataset, e.g. `sharedDataPath('mall_customers.csv')`. */
export function sharedDataPath(name: string): string {
  return `${SHARED_DATA_DIR}${name}`;
}

const noted = new Set<string>();

/**
 * True when every named dataset is present; otherwise false, after one console note per missing file,
 * so a skipped test is never silent. Use as `it.skipIf(!hasSharedData('automobile_train.csv'))`.
 */
export function hasSharedData(...names: string[]): boolean {
  const missing = names.filter((name) => !existsSync(sharedDataPath(name)));
  for (const name of missing) {
    if (noted.has(name)) continue;
    noted.add(name);
    console.warn(`skipping tests that need ${name}: ${SHARED_DATA_DIR} is absent in this checkout`);
  }
  return missing.length === 0;
}
