/**
 * The global services of an Apps Script project the local runtime does not implement (UrlFetchApp, GmailApp,
 * DocumentApp, Browser, ...). Each is an empty object named after its class: the membrane then reports every
 * documented member as "not supported by the local runtime: UrlFetchApp.fetch" and anything else as undefined,
 * instead of the script meeting a ReferenceError.
 */
import { APPS_SCRIPT_CLASS } from '../membrane';
import { GLOBAL_SERVICES } from './generated-services';

/** A service with no implemented member (a class of its own, so worker threads get a handle, not a copy). */
class UnsupportedService {
  constructor(name: string) {
    Object.defineProperty(this, APPS_SCRIPT_CLASS, { value: name });
  }
}

/**
 * Stand-ins for every global service not in `implemented`.
 * @param implemented names of the globals the runtime provides itself
 * @returns global name → object to wrap in the membrane under that name
 */
export function unsupportedServices(implemented: readonly string[]): Record<string, object> {
  const out: Record<string, object> = {};
  for (const name of Object.keys(GLOBAL_SERVICES)) {
    if (implemented.includes(name) || name === 'console') continue;
    out[name] = new UnsupportedService(name);
  }
  return out;
}
