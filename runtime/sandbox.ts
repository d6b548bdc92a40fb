/**
 * The script's world: a `node:vm` context holding the project's script files (evaluated in push order into one
 * global scope, as Apps Script does), where Apps Script finds its top-level function declarations, with `Date` replaced so `new Date()` and `Date.now()` read the runtime's fake clock and
 * local-time members work in the script's time zone (runtime/script-date.cjs).
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vm from 'node:vm';
import type { ScriptRealm } from './membrane';

/**
 * The script's Date (fake clock, script time zone): plain JS shared with the worker threads. Compiled once; each
 * context runs the compiled code (a vm.Script runs in any number of contexts), which yields that context's own
 * installer function.
 */
const SCRIPT_DATE_INSTALLER = new vm.Script(
  `(function () { var module = { exports: {} };\n${fs.readFileSync(path.join(__dirname, 'script-date.cjs'), 'utf8')}\nreturn module.exports; })()`,
  { filename: 'script-date.cjs' },
);

/** The context's global object. */
const GLOBAL_THIS = new vm.Script('globalThis');

/** Factories of the context's own objects, for values crossing into the script. */
const REALM_SOURCE = `({
  newArray: function () { return []; },
  newObject: function () { return {}; },
  newDate: function (ms) { return new Date(ms); },
  newError: function (message, name, stack) {
    var error = new Error(message);
    if (name && name !== 'Error') error.name = name;
    if (stack) error.stack = stack;
    return error;
  },
  objectPrototype: Object.prototype,
})`;
const REALM = new vm.Script(REALM_SOURCE);

export class Sandbox {
  readonly context: vm.Context;
  readonly realm: ScriptRealm;
  private installedGlobals: string[] = [];

  private loaded = false;

  /**
   * A fresh context; the project's files (compiled once, `scripts`, in push order) run in it when the first
   * globals are installed.
   */
  constructor(
    private readonly scripts: readonly vm.Script[],
    nowMs: () => number,
    timeZone: string,
  ) {
    this.context = vm.createContext({});
    const install = SCRIPT_DATE_INSTALLER.runInContext(this.context) as (
      global: object,
      now: () => number,
      timeZone: string,
    ) => void;
    install(GLOBAL_THIS.runInContext(this.context) as object, nowMs, timeZone);
    this.realm = REALM.runInContext(this.context) as ScriptRealm;
  }

  /**
   * Installs one execution's globals and, the first time, runs every file's top-level code in order — after the
   * globals, as Apps Script evaluates the script with its services present; an error in one file's global code
   * stops there and fails the execution. Returns the previous globals.
   */
  install(globals: Record<string, unknown>): Record<string, unknown> {
    const previous = this.swapGlobals(globals);
    if (!this.loaded) {
      this.loaded = true;
      for (const script of this.scripts) script.runInContext(this.context);
    }
    return previous;
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
    const run = templateScript(code).runInContext(this.context) as (
      properties: Record<string, unknown>,
      output: object,
    ) => void;
    run(properties, output);
  }
}

/** Compiled template code by source (an HTML template is evaluated in a fresh context on every open). */
const templateScripts = new Map<string, vm.Script>();
const TEMPLATE_CACHE_LIMIT = 64;

function templateScript(code: string): vm.Script {
  let script = templateScripts.get(code);
  if (!script) {
    script = new vm.Script(`(function (__properties, output) { with (__properties) { ${code}\n} })`);
    if (templateScripts.size >= TEMPLATE_CACHE_LIMIT)
      templateScripts.delete(templateScripts.keys().next().value!);
    templateScripts.set(code, script);
  }
  return script;
}
