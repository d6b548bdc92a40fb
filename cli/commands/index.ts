/** Every `salesdesk` command; one line per command module. */
import type { CliCommand } from '../types';

export const commands: CliCommand[] = [];
