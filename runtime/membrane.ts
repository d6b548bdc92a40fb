/**
 * The boundary between the script and the services. Every service object the script can reach is wrapped in a
 * Proxy that (1) counts each method call under 'Class.method' for the current execution and prices it, (2) is the
 * one place that reports unimplemented members: a member the Apps Script reference documents for the class but the
 * runtime lacks throws "not supported by the local runtime: Class.member", any other unknown member is undefined
 * (as in Apps Script, so `if (obj.method)` feature detection works), and (3) when the script runs in a
 * `node:vm` context, converts values between the two JavaScript realms, so that `value instanceof Date` and
 * `Array.isArray` behave in the script and in the services exactly as they would on one realm.
 */
import { cellsIn } from './cost-model';
import { notSupported, WouldBlock } from './errors';
import type { Execution } from './execution';
import { APPS_SCRIPT_MEMBERS, GLOBAL_SERVICES } from './services/generated-services';

/** Services may name their Apps Script class explicitly; otherwise the constructor name is used. */
export const APPS_SCRIPT_CLASS = Symbol.for('appsScriptLocal.class');

/** Factories of the script's realm (the vm context). */
export interface ScriptRealm {
  newArray(): unknown[];
  newObject(): Record<string, unknown>;
  newDate(ms: number): Date;
  newError(message: string, name: string, stack: string | undefined): Error;
  objectPrototype: object;
}

/** What the reference documents for a class: its methods and its properties (enums and the like). */
interface Documented {
  methods: ReadonlySet<string>;
  properties: ReadonlySet<string>;
}

const documentedCache = new Map<string, Documented>();

/**
 * The documented members of an Apps Script class (or of the class behind a global service name), from the
 * member lists generated out of @types/google-apps-script (scripts/generate-members.ts). The runtime's one chart
 * builder stands for every typed builder (EmbeddedColumnChartBuilder, ...): it documents all of theirs.
 */
export function documentedMembers(cls: string): Documented {
  let documented = documentedCache.get(cls);
  if (documented) return documented;
  const name = GLOBAL_SERVICES[cls] ?? cls;
  const names =
    name === 'EmbeddedChartBuilder'
      ? Object.keys(APPS_SCRIPT_MEMBERS).filter((n) => /^Embedded\w*ChartBuilder$/.test(n))
      : [name];
  const methods = new Set<string>();
  const properties = new Set<string>();
  for (const n of names) {
    APPS_SCRIPT_MEMBERS[n]?.methods.forEach((m) => methods.add(m));
    APPS_SCRIPT_MEMBERS[n]?.properties.forEach((p) => properties.add(p));
  }
  documented = { methods, properties };
  documentedCache.set(cls, documented);
  return documented;
}

/** Apps Script objects print their class name (`String(range)` is "Range"). */
const objectToString = Object.prototype.toString;

export function classNameOf(target: object): string {
  const explicit = (target as Record<symbol, unknown>)[APPS_SCRIPT_CLASS];
  if (typeof explicit === 'string') return explicit;
  const name = (target as { constructor?: { name?: string } }).constructor?.name ?? 'Object';
  return name.replace(/^(Local|Fake)/, '').replace(/(Impl)$/, '') || 'Object';
}

function isPlainObject(value: object, scriptObjectPrototype: object | undefined): boolean {
  const proto: unknown = Object.getPrototypeOf(value);
  return (
    proto === null ||
    proto === Object.prototype ||
    (scriptObjectPrototype !== undefined && proto === scriptObjectPrototype)
  );
}

/**
 * Whether service calls are timed in CPU (ExecutionResult.runtimeCpuMs). Off by default: process.cpuUsage() is a
 * system call, and two per service call cost tests more than the calls themselves; `npm run bench` turns it on.
 */
export const serviceCpuAccounting = { enabled: false };

/** Process CPU time (user + system) in ms. */
export function cpuNowMs(): number {
  const usage = process.cpuUsage();
  return (usage.user + usage.system) / 1000;
}

export class Membrane {
  private readonly proxies = new WeakMap<object, object>();
  private readonly targets = new WeakMap<object, object>();
  /** Service calls in progress: only the outermost one's CPU is added (a service may call another). */
  private depth = 0;

  constructor(
    private readonly execution: () => Execution,
    private readonly realm: ScriptRealm | undefined,
  ) {}

  /** The counted proxy of a service object (the same proxy every time, so identity comparisons hold). */
  wrap<T extends object>(target: T, className?: string): T {
    const existing = this.proxies.get(target);
    if (existing) return existing as T;
    const cls = className ?? classNameOf(target);
    const methodCache = new Map<PropertyKey, unknown>();
    const documented = documentedMembers(cls);
    const proxy = new Proxy(target, {
      get: (obj, prop) => {
        const value: unknown = Reflect.get(obj, prop, obj);
        if (typeof prop === 'symbol') return value;
        // Proxy invariant: a frozen own data property (the enums SpreadsheetApp.ProtectionType, BooleanCriteria, ...)
        // must be returned as it is, or the engine throws a TypeError on every access.
        const own = Object.getOwnPropertyDescriptor(obj, prop);
        if (own && !own.configurable && !own.writable && 'value' in own) return value;
        if (prop === 'toString' && value === objectToString) return () => cls;
        if (typeof value === 'function') {
          const cached = methodCache.get(prop);
          if (cached) return cached;
          const method = value as (...args: unknown[]) => unknown;
          const wrapped = (...args: unknown[]): unknown => this.invoke(obj, cls, prop, method, args);
          methodCache.set(prop, wrapped);
          return wrapped;
        }
        if (value === undefined && !(prop in obj)) {
          if (documented.methods.has(prop)) return () => notSupported(`${cls}.${prop}`);
          if (documented.properties.has(prop)) return notSupported(`${cls}.${prop}`);
          return undefined;
        }
        return this.toScript(value);
      },
      has: (obj, prop) =>
        Reflect.has(obj, prop) ||
        (typeof prop === 'string' && (documented.methods.has(prop) || documented.properties.has(prop))),
      set: (obj, prop, value) => Reflect.set(obj, prop, this.toHost(value), obj),
    });
    this.proxies.set(target, proxy);
    this.targets.set(proxy, target);
    return proxy;
  }

  /** The service object behind a proxy (or the value itself). */
  unwrap(value: unknown): unknown {
    if (value !== null && typeof value === 'object') return this.targets.get(value) ?? value;
    return value;
  }

  private invoke(
    target: object,
    cls: string,
    method: string,
    fn: (...args: unknown[]) => unknown,
    args: unknown[],
  ): unknown {
    const execution = this.execution();
    const timed = this.depth === 0 && serviceCpuAccounting.enabled;
    const cpuStart = timed ? cpuNowMs() : 0;
    this.depth++;
    try {
      return this.invokeCounted(execution, target, cls, method, fn, args);
    } finally {
      this.depth--;
      if (timed) execution.runtimeCpuMs += cpuNowMs() - cpuStart;
    }
  }

  private invokeCounted(
    execution: Execution,
    target: object,
    cls: string,
    method: string,
    fn: (...args: unknown[]) => unknown,
    args: unknown[],
  ): unknown {
    const hostArgs = args.map((arg) => this.toHost(arg));
    let result: unknown;
    try {
      execution.checkTime();
      try {
        // runtime/faults.ts: a test may make this call fail (before it takes effect).
        if (!execution.repeating) execution.faultHook?.(cls, method);
        result = fn.apply(target, hostArgs);
      } catch (error) {
        // A failed call is still a call (Apps Script counts the quota and the time); a worker's blocked call
        // (waitLock, sleep) is one call, counted on its first attempt.
        execution.record(cls, method, 0);
        throw error;
      }
      let cells = 0;
      for (const arg of hostArgs) cells += cellsIn(arg);
      cells += cellsIn(result);
      execution.record(cls, method, cells);
    } catch (error) {
      if (error instanceof WouldBlock) throw error;
      throw this.errorToScript(error);
    }
    return this.toScript(result);
  }

  private errorToScript(error: unknown): unknown {
    if (!this.realm || !(error instanceof Error)) return error;
    return this.realm.newError(error.message, error.name, error.stack);
  }

  /** A value going to the script: service objects wrapped, dates/arrays/plain objects rebuilt in the script realm. */
  toScript(value: unknown): unknown {
    if (value === null || (typeof value !== 'object' && typeof value !== 'function')) return value;
    if (typeof value === 'function') return value;
    if (this.targets.has(value)) return value;
    if (value instanceof Date) return this.realm ? this.realm.newDate(value.getTime()) : value;
    if (Object.prototype.toString.call(value) === '[object Date]') return value; // already the script's
    if (Array.isArray(value)) {
      const out = this.realm ? this.realm.newArray() : [];
      for (let i = 0; i < value.length; i++) {
        const item: unknown = value[i];
        // Cells are mostly strings and numbers: no call for them (a sheet read is thousands of items).
        out.push(
          item === null || (typeof item !== 'object' && typeof item !== 'function')
            ? item
            : this.toScript(item),
        );
      }
      return out;
    }
    if (isPlainObject(value, this.realm?.objectPrototype)) {
      const out = this.realm ? this.realm.newObject() : ({} as Record<string, unknown>);
      for (const [key, item] of Object.entries(value)) out[key] = this.toScript(item);
      return out;
    }
    if (value instanceof Error) return this.errorToScript(value);
    return this.wrap(value);
  }

  /** A value coming from the script: proxies unwrapped, script-realm dates/arrays/objects rebuilt in Node's realm. */
  toHost(value: unknown): unknown {
    if (value === null || typeof value !== 'object') return value;
    const target = this.targets.get(value);
    if (target) return target;
    if (value instanceof Date) return value;
    if (Object.prototype.toString.call(value) === '[object Date]') {
      return new Date(Date.prototype.getTime.call(value as Date));
    }
    if (Array.isArray(value)) {
      const out: unknown[] = new Array(value.length);
      for (let i = 0; i < value.length; i++) {
        const item: unknown = value[i];
        // A row repeated (`Array.from({ length: n }, () => row)`, as scripts build a column of one rule or format)
        // is read once: host services only read their arguments.
        out[i] =
          item === null || typeof item !== 'object'
            ? item
            : i > 0 && item === value[i - 1]
              ? out[i - 1]
              : this.toHost(item);
      }
      return out;
    }
    if (isPlainObject(value, this.realm?.objectPrototype)) {
      const out: Record<string, unknown> = {};
      for (const [key, item] of Object.entries(value)) out[key] = this.toHost(item);
      return out;
    }
    return value;
  }
}
