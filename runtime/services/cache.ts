/**
 * CacheService: document, script and per-user caches with expiry on the fake clock and Apps Script's limits
 * (reference/cache/cache: keys up to 250 characters, values up to 100 KB, 1 000 items, after which it keeps
 * the 900 items farthest from expiry; TTL default 600 s, max 21 600 s).
 */
import type { FakeClock } from '../clock';

const MAX_KEY_LENGTH = 250;
const MAX_VALUE_BYTES = 100 * 1024;
const MAX_ITEMS = 1000;
const ITEMS_KEPT = 900;
const DEFAULT_TTL_S = 600;
const MAX_TTL_S = 21600;

interface Entry {
  value: string;
  expiresMs: number;
}

/** The runtime's caches. */
export class CacheStores {
  readonly document = new Map<string, Entry>();
  readonly script = new Map<string, Entry>();
  private readonly users = new Map<string, Map<string, Entry>>();
  userCache(email: string): Map<string, Entry> {
    const key = email.toLowerCase();
    let cache = this.users.get(key);
    if (!cache) {
      cache = new Map();
      this.users.set(key, cache);
    }
    return cache;
  }
}

export class LocalCache implements GoogleAppsScript.Cache.Cache {
  constructor(
    private readonly entries: Map<string, Entry>,
    private readonly clock: FakeClock,
  ) {}

  get(key: string): string | null {
    const entry = this.entries.get(checkKey(key));
    if (!entry) return null;
    if (entry.expiresMs <= this.clock.nowMs()) {
      this.entries.delete(key);
      return null;
    }
    return entry.value;
  }
  getAll(keys: string[]): Record<string, string> {
    const out: Record<string, string> = {};
    for (const key of keys) {
      const value = this.get(key);
      if (value !== null) out[key] = value;
    }
    return out;
  }
  // The reference's void methods hand the script null (issue 11 §1 observation).
  put(key: string, value: string, expirationInSeconds?: number): null {
    return this.putAll({ [key]: value }, expirationInSeconds);
  }
  putAll(values: Record<string, unknown>, expirationInSeconds?: number): null {
    const ttl =
      expirationInSeconds === undefined ? DEFAULT_TTL_S : Math.min(Number(expirationInSeconds), MAX_TTL_S);
    const expiresMs = this.clock.nowMs() + ttl * 1000;
    for (const [key, raw] of Object.entries(values)) {
      const value = String(raw);
      if (Buffer.byteLength(value, 'utf8') > MAX_VALUE_BYTES) throw new Error('Argument too large: value');
      this.entries.set(checkKey(key), { value, expiresMs });
    }
    this.evict();
    return null;
  }
  remove(key: string): null {
    this.entries.delete(checkKey(key));
    return null;
  }
  removeAll(keys: string[]): null {
    for (const key of keys) this.remove(key);
    return null;
  }

  private evict(): void {
    const now = this.clock.nowMs();
    for (const [key, entry] of this.entries) if (entry.expiresMs <= now) this.entries.delete(key);
    if (this.entries.size <= MAX_ITEMS) return;
    const kept = [...this.entries].sort((a, b) => b[1].expiresMs - a[1].expiresMs).slice(0, ITEMS_KEPT);
    this.entries.clear();
    for (const [key, entry] of kept) this.entries.set(key, entry);
  }
}

function checkKey(key: string): string {
  const text = String(key);
  if (text.length > MAX_KEY_LENGTH) throw new Error('Argument too large: key');
  return text;
}

export class LocalCacheService implements GoogleAppsScript.Cache.CacheService {
  constructor(
    private readonly stores: CacheStores,
    private readonly clock: FakeClock,
    private readonly user: string,
  ) {}
  getDocumentCache(): GoogleAppsScript.Cache.Cache {
    return new LocalCache(this.stores.document, this.clock);
  }
  getScriptCache(): GoogleAppsScript.Cache.Cache {
    return new LocalCache(this.stores.script, this.clock);
  }
  getUserCache(): GoogleAppsScript.Cache.Cache {
    return new LocalCache(this.stores.userCache(this.user), this.clock);
  }
}
