/**
 * PropertiesService (developers.google.com/apps-script/reference/properties): string values only,
 * and Google's quotas, 9 KB per value and 500 KB per property store, enforced with the exceptions
 * Apps Script throws.
 */
import type { Realm } from './realm';

/** Google's limit on one property value, in bytes. */
export const MAX_PROPERTY_VALUE_BYTES = 9 * 1024;
/** Google's limit on one property store, in bytes (keys and values). */
export const MAX_PROPERTY_STORE_BYTES = 500 * 1024;

const utf8 = new TextEncoder();

function bytes(text: string): number {
  return utf8.encode(text).length;
}

/** The data behind one property store (script, one user's, or one document's). */
export class PropertyStore {
  readonly entries = new Map<string, string>();

  /** Total bytes of keys and values. */
  size(): number {
    let total = 0;
    for (const [key, value] of this.entries) total += bytes(key) + bytes(value);
    return total;
  }
}

/** Property stores shared across loads, so a second "execution" sees what the first saved. */
export interface PropertyStores {
  script: PropertyStore;
  /** Keyed by user email. */
  users: Map<string, PropertyStore>;
}

/** Fresh, empty script and user property stores. */
export function createPropertyStores(): PropertyStores {
  return { script: new PropertyStore(), users: new Map() };
}

type Count = (method: string) => Realm;

/** The Properties class scripts see. */
export class Properties {
  constructor(
    private readonly store: PropertyStore,
    private readonly count: Count,
  ) {}

  private fail(realm: Realm, message: string): never {
    throw realm.error(message);
  }

  private check(realm: Realm, next: Map<string, string>): void {
    for (const value of next.values()) {
      if (bytes(value) > MAX_PROPERTY_VALUE_BYTES) this.fail(realm, 'Argument too large: value');
    }
    let total = 0;
    for (const [key, value] of next) total += bytes(key) + bytes(value);
    if (total > MAX_PROPERTY_STORE_BYTES) {
      this.fail(
        realm,
        'You have exceeded the property storage quota. Please remove some properties and try again.',
      );
    }
  }

  /** The value, or null when the key is not set. */
  getProperty(key: string): string | null {
    this.count('getProperty');
    return this.store.entries.get(String(key)) ?? null;
  }

  /** Values are stored as strings (String(value)), as in Apps Script. */
  setProperty(key: string, value: unknown): Properties {
    const realm = this.count('setProperty');
    const next = new Map(this.store.entries);
    next.set(String(key), String(value));
    this.check(realm, next);
    this.store.entries.set(String(key), String(value));
    return this;
  }

  /** setProperties(properties[, deleteAllOthers]). */
  setProperties(properties: Record<string, unknown>, deleteAllOthers?: boolean): Properties {
    const realm = this.count('setProperties');
    const next = deleteAllOthers ? new Map<string, string>() : new Map(this.store.entries);
    for (const [key, value] of Object.entries(properties)) next.set(key, String(value));
    this.check(realm, next);
    this.store.entries.clear();
    for (const [key, value] of next) this.store.entries.set(key, value);
    return this;
  }

  /** A copy of all key/value pairs. */
  getProperties(): Record<string, string> {
    const realm = this.count('getProperties');
    return realm.object(Object.fromEntries(this.store.entries));
  }

  getKeys(): string[] {
    const realm = this.count('getKeys');
    return realm.array([...this.store.entries.keys()]);
  }

  deleteProperty(key: string): Properties {
    this.count('deleteProperty');
    this.store.entries.delete(String(key));
    return this;
  }

  deleteAllProperties(): Properties {
    this.count('deleteAllProperties');
    this.store.entries.clear();
    return this;
  }
}
