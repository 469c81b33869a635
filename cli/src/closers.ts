/**
 * Things to close before the process ends (open PGlite stores keep Node alive). Modules that open
 * such resources register here when they load, so the launcher closes them without importing them:
 * `segments --help` never loads the store.
 */
const closers = new Set<() => Promise<void>>();

/** Registers a function that closes what a module opened. */
export function registerCloser(close: () => Promise<void>): void {
  closers.add(close);
}

/**
 * Runs every registered closer (errors ignored: the command's result is already decided).
 * @example await closeAll()
 */
export async function closeAll(): Promise<void> {
  await Promise.allSettled([...closers].map((close) => close()));
}
