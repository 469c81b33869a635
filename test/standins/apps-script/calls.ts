/**
 * Counts every call scripts make to the stand-in services, so tests can assert budgets such as
 * "one getValues() and at most three setValues()". Each call is counted twice: under the bare
 * method name (`getValues`) and under `Class.method` (`Range.getValues`) for the cases where two
 * classes share a method name (`Range.getValue` and `DeveloperMetadata.getValue`).
 */

/** Call counts by method; reading a method never called gives 0. */
export type CallCounts = Record<string, number>;

/** The counter shared by every service of one stand-in. */
export class CallCounter {
  private store: Record<string, number> = {};
  /** Live counts (a Proxy: missing keys read as 0). */
  readonly counts: CallCounts = new Proxy(this.store, {
    // Object.prototype keys (constructor, toString, …) keep their meaning so printers and matchers work.
    get: (target, key) =>
      typeof key !== 'string' || key in Object.prototype ? Reflect.get(target, key) : (target[key] ?? 0),
  });

  /** Records one call of `className.method`. */
  record(className: string, method: string): void {
    this.store[method] = (this.store[method] ?? 0) + 1;
    const qualified = `${className}.${method}`;
    this.store[qualified] = (this.store[qualified] ?? 0) + 1;
  }

  /** Forgets all counts (for example after the test has prepared the sheet). */
  reset(): void {
    for (const key of Object.keys(this.store)) delete this.store[key];
  }

  /** A plain copy of the non-zero counts. */
  toJSON(): Record<string, number> {
    return { ...this.store };
  }
}
