/**
 * CacheService (developers.google.com/apps-script/reference/cache): string values with an expiry
 * (default 600 s, at most 21600 s), keys up to 250 characters, values up to 100 KB.
 */
import type { Realm } from './realm';

export const MAX_CACHE_KEY_CHARACTERS = 250;
export const MAX_CACHE_VALUE_BYTES = 100 * 1024;
export const MAX_CACHE_SECONDS = 21_600;

/** The data behind one cache. */
export class CacheStore {
  readonly entries = new Map<string, { value: string; expiresAt: number }>();
}

/** The Cache class scripts see. */
export class Cache {
  constructor(
    private readonly store: CacheStore,
    private readonly count: (method: string) => Realm,
    private readonly now: () => number,
  ) {}

  private checkKey(realm: Realm, key: string): void {
    if (key.length > MAX_CACHE_KEY_CHARACTERS) throw realm.error('Argument too large: key');
  }

  private write(realm: Realm, key: string, value: unknown, expirationInSeconds: unknown): void {
    this.checkKey(realm, key);
    const text = String(value);
    if (new TextEncoder().encode(text).length > MAX_CACHE_VALUE_BYTES)
      throw realm.error('Argument too large: value');
    const seconds = Math.min(
      expirationInSeconds === undefined ? 600 : Number(expirationInSeconds),
      MAX_CACHE_SECONDS,
    );
    this.store.entries.set(key, { value: text, expiresAt: this.now() + seconds * 1000 });
  }

  private read(key: string): string | null {
    const entry = this.store.entries.get(key);
    if (!entry) return null;
    if (entry.expiresAt <= this.now()) {
      this.store.entries.delete(key);
      return null;
    }
    return entry.value;
  }

  /** The cached string, or null when absent or expired. */
  get(key: string): string | null {
    const realm = this.count('get');
    this.checkKey(realm, String(key));
    return this.read(String(key));
  }

  getAll(keys: string[]): Record<string, string> {
    const realm = this.count('getAll');
    const found: Record<string, string> = {};
    for (const key of keys) {
      const value = this.read(String(key));
      if (value !== null) found[String(key)] = value;
    }
    return realm.object(found);
  }

  put(key: string, value: string, expirationInSeconds?: number): void {
    const realm = this.count('put');
    this.write(realm, String(key), value, expirationInSeconds);
  }

  putAll(values: Record<string, string>, expirationInSeconds?: number): void {
    const realm = this.count('putAll');
    for (const [key, value] of Object.entries(values)) this.write(realm, key, value, expirationInSeconds);
  }

  remove(key: string): void {
    this.count('remove');
    this.store.entries.delete(String(key));
  }

  removeAll(keys: string[]): void {
    this.count('removeAll');
    for (const key of keys) this.store.entries.delete(String(key));
  }
}
