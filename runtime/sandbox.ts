/**
 * The script's world: a `node:vm` context holding the built bundle, where Apps Script finds its top-level
 * function declarations, with `Date` replaced so `new Date()` and `Date.now()` read the runtime's fake clock.
 */
import * as vm from 'node:vm';
import type { ScriptRealm } from './membrane';

/** Installed in the context before the bundle: a Date whose "now" is the fake clock, otherwise the real Date. */
const FAKE_DATE_SOURCE = `(function (nowMs) {
  var RealDate = Date;
  function ClockDate() {
    if (!new.target) return new RealDate(nowMs()).toString();
    var args = arguments.length === 0 ? [nowMs()] : Array.prototype.slice.call(arguments);
    return Reflect.construct(RealDate, args, new.target);
  }
  ClockDate.prototype = RealDate.prototype;
  Object.defineProperty(RealDate.prototype, 'constructor', { value: ClockDate, writable: true, configurable: true });
  ClockDate.now = function now() { return nowMs(); };
  ClockDate.parse = RealDate.parse;
  ClockDate.UTC = RealDate.UTC;
  Object.defineProperty(globalThis, 'Date', { value: ClockDate, writable: true, configurable: true });
  return {
    newArray: function () { return []; },
    newObject: function () { return {}; },
    newDate: function (ms) { return new ClockDate(ms); },
    newError: function (message, name, stack) {
      var error = new Error(message);
      if (name && name !== 'Error') error.name = name;
      if (stack) error.stack = stack;
      return error;
    },
    objectPrototype: Object.prototype,
  };
})`;

export class Sandbox {
  readonly context: vm.Context;
  readonly realm: ScriptRealm;
  private installedGlobals: string[] = [];

  constructor(code: string, filename: string, nowMs: () => number) {
    this.context = vm.createContext({});
    const install = vm.runInContext(FAKE_DATE_SOURCE, this.context) as (now: () => number) => ScriptRealm;
    this.realm = install(nowMs);
    vm.runInContext(code, this.context, { filename });
  }

  /** A top-level function of the script, or undefined. */
  fn(name: string): ((...args: unknown[]) => unknown) | undefined {
    const value: unknown = (this.context as Record<string, unknown>)[name];
    return typeof value === 'function' ? (value as (...args: unknown[]) => unknown) : undefined;
  }

  /** Names of the script's top-level functions. */
  functionNames(): string[] {
    return Object.keys(this.context).filter(
      (key) => typeof (this.context as Record<string, unknown>)[key] === 'function',
    );
  }

  /** Replaces the Apps Script globals (one set per execution); returns the previous set to restore. */
  swapGlobals(globals: Record<string, unknown>): Record<string, unknown> {
    const context = this.context as Record<string, unknown>;
    const previous: Record<string, unknown> = {};
    for (const name of this.installedGlobals) previous[name] = context[name];
    for (const name of this.installedGlobals) delete context[name];
    Object.assign(context, globals);
    this.installedGlobals = Object.keys(globals);
    return previous;
  }

  /** Runs compiled template code with the template's properties in scope (sloppy mode, for `with`). */
  evaluateTemplate(code: string, properties: Record<string, unknown>, output: object): void {
    const run = vm.runInContext(
      `(function (__properties, output) { with (__properties) { ${code}\n} })`,
      this.context,
    ) as (properties: Record<string, unknown>, output: object) => void;
    run(properties, output);
  }
}
