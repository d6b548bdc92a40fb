/**
 * The guard in front of every entry point. `google.script.run` can call any top-level function of the bundle, so
 * each function Apps Script can call is declared in src/server/index.ts through one of the wrappers below, which
 * names its audience; scripts/build.ts emits top-level functions only for those declarations and records each
 * audience in dist/manifest.json. Before the function runs, its wrapper:
 *  - manager / managerMenu: builds the execution context and refuses anyone who is not a manager (owner or Settings
 *    → managers) with a localised message naming who can do it (an alert for a menu item, an error for a call);
 *  - rep: builds the context (the function itself limits a rep to their own rows);
 *  - trigger: does nothing unless the event comes from an installed trigger of this project for this handler
 *    (its triggerUid is one of ScriptApp.getProjectTriggers(), which lists only the running user's triggers of
 *    this project: a caller passing an event object of the right shape proves nothing);
 *  - anyone / customFunction: runs as is (onOpen may run in AuthMode.NONE; custom functions cannot read Session).
 * Manager and rep entry points run by a manager also bring the protections' editors up to date (owner + managers).
 */
import { alert } from './adapters/alert';
import { AccessDeniedError, notManagerMessage } from './auth';
import { runInContext, type ExecutionContext } from './context';
import { syncProtectionEditors } from './protections';

/** Who may run an entry point (recorded per entry point in dist/manifest.json). */
export type Audience = 'manager' | 'rep' | 'anyone' | 'trigger' | 'custom-function';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- entry points take any arguments Apps Script passes
type Fn = (...args: any[]) => any;

/** Keeps the protections' editors equal to owner + managers whenever a manager acts (cheap when in sync). */
function syncAsManager(context: ExecutionContext): void {
  if (!context.isManager) return;
  try {
    syncProtectionEditors(context);
  } catch (error) {
    // Keeping editors in step must never stop the action itself; the next manager action tries again.
    console.warn(`SalesDesk: protections not synced: ${(error as Error).message}`);
  }
}

/** Runs `fn` for managers; anyone else gets `refuse(message)` and `fn` never runs. */
function managersOnly<F extends Fn>(fn: F, refuse: (message: string) => null): F {
  return ((...args: Parameters<F>) =>
    runInContext('user', (context) => {
      if (!context.isManager) return refuse(notManagerMessage(context));
      syncAsManager(context);
      return fn(...args) as ReturnType<F>;
    })) as F;
}

/** A managers-only function called from a sidebar or script: refused with an AccessDeniedError. */
export function manager<F extends Fn>(fn: F): F {
  return managersOnly(fn, (message) => {
    throw new AccessDeniedError(message);
  });
}

/** A managers-only menu item: a refusal is an alert (no red error bar) and the item returns null. */
export function managerMenu<F extends Fn>(fn: F): F {
  return managersOnly(fn, (message) => {
    alert(message);
    return null;
  });
}

/** For every user who may edit the spreadsheet; the function keeps a rep to their own rows. */
export function rep<F extends Fn>(fn: F): F {
  return ((...args: Parameters<F>) =>
    runInContext('user', (context) => {
      syncAsManager(context);
      return fn(...args) as ReturnType<F>;
    })) as F;
}

/** Needs nothing of the context (menus at open, install). */
export function anyone<F extends Fn>(fn: F): F {
  return fn;
}

/** A custom function: runs without a user and without authorisation. */
export function customFunction<F extends Fn>(fn: F): F {
  return fn;
}

/**
 * True when `event` was delivered by an installed trigger of this project for `handler`. An installable trigger's
 * event carries its triggerUid (developers.google.com/apps-script/guides/triggers/events); getProjectTriggers()
 * lists the current user's triggers of this project (developers.google.com/apps-script/reference/script/script-app
 * #getProjectTriggers()), and a trigger runs as the user who installed it.
 */
export function firedByInstalledTrigger(handler: string, event: unknown): boolean {
  const uid = (event as { triggerUid?: unknown } | null | undefined)?.triggerUid;
  if (uid === undefined || uid === null || String(uid) === '') return false;
  try {
    return ScriptApp.getProjectTriggers().some(
      (trigger) => trigger.getUniqueId() === String(uid) && trigger.getHandlerFunction() === handler,
    );
  } catch {
    return false;
  }
}

/**
 * An installable-trigger handler: runs only when fired by its installed trigger; any other call does nothing and
 * returns undefined.
 */
export function trigger<F extends Fn>(handler: string, fn: F): F {
  return ((...args: Parameters<F>) => {
    if (!firedByInstalledTrigger(handler, args[0])) {
      console.warn(`SalesDesk: ${handler} runs only from its installed trigger; nothing was done.`);
      return undefined;
    }
    return runInContext('trigger', () => fn(...args) as ReturnType<F>);
  }) as F;
}
