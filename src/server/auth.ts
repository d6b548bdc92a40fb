/**
 * Role checks on the execution context (src/server/context.ts): managers are the e-mails in Settings → managers
 * plus the spreadsheet owner (src/core/roles.ts decides). The entry-point guard (src/server/entry-points.ts) refuses
 * manager-only entry points for everyone else before they run; an entry point that serves both roles reads
 * `context.isManager` itself.
 */
import { managersDescription } from '../core/roles';
import type { ExecutionContext } from './context';

/** Thrown when someone runs an action their role does not allow; its message is the localised explanation. */
export class AccessDeniedError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'AccessDeniedError';
  }
}

/** "Only a manager can do this. Managers: owner@…, a@…" in the user's language. */
export function notManagerMessage(context: ExecutionContext): string {
  // Without a Settings sheet the owner is the only manager: re-creating it is theirs alone.
  if (!context.settingsRead.sheet && context.owner)
    return context.t('roles.ownerOnlySettings', { owner: context.owner });
  return context.t('common.notManagerWho', {
    managers: managersDescription(context.owner, context.settings.managers),
  });
}
