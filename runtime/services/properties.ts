/**
 * PropertiesService: document, script and per-user stores with Apps Script's size limits
 * (9 KB per value, 500 KB per store: developers.google.com/apps-script/guides/services/quotas).
 */

export const PROPERTY_VALUE_LIMIT_BYTES = 9 * 1024;
export const PROPERTY_STORE_LIMIT_BYTES = 500 * 1024;
/** Apps Script's texts (reported by users: e.g. github.com/lucasvtiradentes/gcal-sync/issues/115). */
export const PROPERTY_STORE_FULL =
  'You have exceeded the property storage quota. Please remove some properties and try again.';
export const PROPERTY_VALUE_TOO_LARGE = 'Argument too large: value';

const utf8Bytes = (text: string): number => Buffer.byteLength(text, 'utf8');

/** Where the runtime keeps every store; tests read them as `rt.properties.document.get('key')`. */
export class PropertyStores {
  readonly document = new Map<string, string>();
  readonly script = new Map<string, string>();
  private readonly users = new Map<string, Map<string, string>>();

  constructor(private readonly owner: string) {}

  /** The user store of one user (Apps Script keeps one per user per script). */
  userStore(email: string): Map<string, string> {
    const key = email.toLowerCase();
    let store = this.users.get(key);
    if (!store) {
      store = new Map();
      this.users.set(key, store);
    }
    return store;
  }

  /** The owner's user store. */
  get user(): Map<string, string> {
    return this.userStore(this.owner);
  }

  /** E-mails of the users who have a user store (for saving them with the document). */
  userEmails(): string[] {
    return [...this.users.keys()];
  }
}

export class LocalProperties implements GoogleAppsScript.Properties.Properties {
  constructor(private readonly store: Map<string, string>) {}

  getProperty(key: string): string | null {
    return this.store.get(String(key)) ?? null;
  }
  getProperties(): Record<string, string> {
    return Object.fromEntries(this.store);
  }
  getKeys(): string[] {
    return [...this.store.keys()];
  }
  setProperty(key: string, value: string): GoogleAppsScript.Properties.Properties {
    this.write({ [key]: value }, false);
    return this;
  }
  setProperties(
    properties: Record<string, unknown>,
    deleteAllOthers?: boolean,
  ): GoogleAppsScript.Properties.Properties {
    this.write(properties, deleteAllOthers === true);
    return this;
  }
  deleteProperty(key: string): GoogleAppsScript.Properties.Properties {
    this.store.delete(String(key));
    return this;
  }
  deleteAllProperties(): GoogleAppsScript.Properties.Properties {
    this.store.clear();
    return this;
  }
  /** Deprecated alias of getProperties (reference/properties/properties). */
  getAll(): Record<string, string> {
    return this.getProperties();
  }

  /** Checks every limit before changing anything: a failed write leaves the store as it was. */
  private write(properties: Record<string, unknown>, deleteAllOthers: boolean): void {
    const next = deleteAllOthers ? new Map<string, string>() : new Map(this.store);
    for (const [key, raw] of Object.entries(properties)) {
      // Apps Script stores strings: numbers and booleans become their string form.
      const value = String(raw);
      if (utf8Bytes(value) > PROPERTY_VALUE_LIMIT_BYTES) throw new Error(PROPERTY_VALUE_TOO_LARGE);
      next.set(String(key), value);
    }
    let total = 0;
    for (const [key, value] of next) total += utf8Bytes(key) + utf8Bytes(value);
    if (total > PROPERTY_STORE_LIMIT_BYTES) throw new Error(PROPERTY_STORE_FULL);
    this.store.clear();
    for (const [key, value] of next) this.store.set(key, value);
  }
}

export class LocalPropertiesService implements GoogleAppsScript.Properties.PropertiesService {
  constructor(
    private readonly stores: PropertyStores,
    private readonly activeUser: string,
  ) {}
  getDocumentProperties(): GoogleAppsScript.Properties.Properties {
    return new LocalProperties(this.stores.document);
  }
  getScriptProperties(): GoogleAppsScript.Properties.Properties {
    return new LocalProperties(this.stores.script);
  }
  getUserProperties(): GoogleAppsScript.Properties.Properties {
    return new LocalProperties(this.stores.userStore(this.activeUser));
  }
}
