/** Every `salesdesk` command; one line per command module. */
import type { CliCommand } from '../types';
import { command as assign } from './assign';
import { command as backup } from './backup';
import { command as dashboard } from './dashboard';
import { command as demo } from './demo';
import { command as exportCsv } from './export-csv';
import { command as importCsv } from './import-csv';
import { command as merge } from './merge';
import { command as remind } from './remind';
import { command as setup } from './setup';
import { command as tiers } from './tiers';
import { command as validate } from './validate';

export const commands: CliCommand[] = [
  assign,
  backup,
  dashboard,
  demo,
  exportCsv,
  importCsv,
  merge,
  remind,
  setup,
  tiers,
  validate,
];
