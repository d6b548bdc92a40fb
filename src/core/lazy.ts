/**
 * Tables built on first use instead of in the global code. Apps Script compiles and runs the whole bundle's global
 * code before every execution (each custom-function recalculation too), so a table built at load time is paid by
 * every execution, including those that never read it. These wrappers keep a table's type and its readers' code as
 * they were (`SHEETS.customers`, `Object.values(LISTS)`, `SETTINGS.find(...)`, `FIELDS.get(key)`): the first read
 * builds it, once per execution.
 */

/** Turns a key of a lazy record into the plain data property it reads as once built. */
function settle(record: object, key: string, value: unknown): void {
  Object.defineProperty(record, key, { value, enumerable: true, writable: true, configurable: true });
}

/**
 * A record whose keys are known up front: each key starts as a getter, and the first read of any key builds the
 * whole record and turns every key into a plain data property (no cost on later reads). Keys keep the order given.
 * @throws Error (on first read) when the built record's keys are not exactly `keys`, in that order.
 */
export function lazyRecord<K extends string, V>(keys: readonly K[], build: () => Record<K, V>): Record<K, V> {
  const record = {} as Record<K, V>;
  const materialise = (): Record<K, V> => {
    const built = build();
    const builtKeys = Object.keys(built);
    if (builtKeys.length !== keys.length || builtKeys.some((key, index) => key !== keys[index]))
      throw new Error(`lazyRecord: built keys ${builtKeys.join(',')} differ from ${keys.join(',')}`);
    for (const key of keys) settle(record, key, built[key]);
    return built;
  };
  for (const key of keys)
    Object.defineProperty(record, key, {
      get: () => materialise()[key],
      enumerable: true,
      configurable: true,
    });
  return record;
}

/**
 * A record whose keys are known up front, each value built on its own first read (then a plain data property): for
 * a table whose readers mostly need one entry (an execution opens the few sheets it works on, not all eleven).
 * Keys keep the order given.
 */
export function lazyFields<K extends string, V>(
  keys: readonly K[],
  builders: { readonly [key in K]: () => V },
): Record<K, V> {
  const record = {} as Record<K, V>;
  for (const key of keys)
    Object.defineProperty(record, key, {
      get: () => {
        const value = builders[key]();
        settle(record, key, value);
        return value;
      },
      enumerable: true,
      configurable: true,
    });
  return record;
}

/**
 * An array, Map or Set built on first use. Every operation (index, `length`, `map`, `find`, `for…of`, spread,
 * `Array.isArray`; `get`, `has`, `size` of a Map or Set) goes to the built value, methods bound to it, so it reads
 * (and, were it written, writes) as that value.
 */
export function lazyValue<
  T extends readonly unknown[] | ReadonlyMap<unknown, unknown> | ReadonlySet<unknown>,
>(shape: 'array' | 'map' | 'set', build: () => T): T {
  let value: T | undefined;
  const built = (): T => (value ??= build());
  const handler: ProxyHandler<object> = {
    get(_target, key) {
      const target = built();
      const found: unknown = Reflect.get(target, key, target);
      return typeof found === 'function' ? (found as (...args: unknown[]) => unknown).bind(target) : found;
    },
    has: (_target, key) => Reflect.has(built(), key),
    ownKeys: () => Reflect.ownKeys(built()),
    getOwnPropertyDescriptor: (_target, key) => Reflect.getOwnPropertyDescriptor(built(), key),
    getPrototypeOf: () => Reflect.getPrototypeOf(built()),
    set: (_target, key, value) => Reflect.set(built(), key, value),
    defineProperty: (_target, key, descriptor) => Reflect.defineProperty(built(), key, descriptor),
    deleteProperty: (_target, key) => Reflect.deleteProperty(built(), key),
  };
  return new Proxy(shape === 'array' ? [] : shape === 'map' ? new Map() : new Set(), handler) as T;
}
