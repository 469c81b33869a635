/**
 * LockService (developers.google.com/apps-script/reference/lock). One script execution runs at a
 * time in tests, so "another execution" is simulated: the test marks a lock as held elsewhere, and
 * then tryLock returns false and waitLock throws Google's timeout exception without waiting.
 */
import type { Realm } from './realm';

/** Which lock: document (per spreadsheet), script, or user. */
export type LockKind = 'document' | 'script' | 'user';

/** Google's maximum wait for tryLock/waitLock, in milliseconds. */
export const MAX_LOCK_TIMEOUT_MS = 300_000;

/** Lock state shared by every load in a test. */
export class LockRegistry {
  private readonly elsewhere = new Set<LockKind>();
  private readonly mine = new Set<LockKind>();
  /** Every tryLock/waitLock timeout requested, in order. */
  readonly requests: { kind: LockKind; method: 'tryLock' | 'waitLock'; timeoutMs: number }[] = [];

  /** Simulates another execution holding the lock (a concurrent run). */
  holdByAnotherExecution(kind: LockKind): void {
    this.elsewhere.add(kind);
  }

  /** The other execution finished. */
  releaseByAnotherExecution(kind: LockKind): void {
    this.elsewhere.delete(kind);
  }

  /** True while this execution holds the lock. */
  isHeldByScript(kind: LockKind): boolean {
    return this.mine.has(kind);
  }

  /** Apps Script releases an execution's locks when it ends; the loader calls this after each entry point. */
  endExecution(): void {
    this.mine.clear();
  }

  /** @internal */
  acquire(kind: LockKind): boolean {
    if (this.elsewhere.has(kind)) return false;
    this.mine.add(kind);
    return true;
  }

  /** @internal */
  release(kind: LockKind): void {
    this.mine.delete(kind);
  }
}

/** The Lock class scripts see. */
export class Lock {
  constructor(
    private readonly registry: LockRegistry,
    private readonly kind: LockKind,
    private readonly count: (method: string) => Realm,
  ) {}

  private timeout(realm: Realm, timeoutInMillis: unknown): number {
    const timeoutMs = Number(timeoutInMillis);
    if (!Number.isFinite(timeoutMs) || timeoutMs < 0 || timeoutMs > MAX_LOCK_TIMEOUT_MS) {
      throw realm.error(`Invalid argument: timeoutInMillis`);
    }
    return timeoutMs;
  }

  /** True when acquired within the timeout; false when another execution holds it. */
  tryLock(timeoutInMillis: number): boolean {
    const realm = this.count('tryLock');
    const timeoutMs = this.timeout(realm, timeoutInMillis);
    this.registry.requests.push({ kind: this.kind, method: 'tryLock', timeoutMs });
    return this.registry.acquire(this.kind);
  }

  /** Acquires the lock or throws Google's timeout exception. */
  waitLock(timeoutInMillis: number): void {
    const realm = this.count('waitLock');
    const timeoutMs = this.timeout(realm, timeoutInMillis);
    this.registry.requests.push({ kind: this.kind, method: 'waitLock', timeoutMs });
    if (!this.registry.acquire(this.kind)) {
      throw realm.error('Lock timeout: another process was holding the lock for too long.');
    }
  }

  hasLock(): boolean {
    this.count('hasLock');
    return this.registry.isHeldByScript(this.kind);
  }

  releaseLock(): void {
    this.count('releaseLock');
    this.registry.release(this.kind);
  }
}
