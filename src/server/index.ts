/**
 * Everything Apps Script can call: menu handlers, triggers, google.script.run targets, custom functions.
 * Only re-exports live here; scripts/build.ts turns each export into a top-level function in dist/Code.js.
 */
export { onOpen, onInstall } from './menu';
export * from './forms/entries';
export * from './dashboard/entries';
export * from './data/entries';
export * from './reminders/entries';
export * from './assign/entries';
export * from './checks/entries';
export * from '../functions';
export * from './setup/entries';
export { menuHelp } from './onboarding';
