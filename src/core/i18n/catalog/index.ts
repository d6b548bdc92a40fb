/** Every feature catalogue; add a feature's catalogue here when it is created. */
import type { Catalog } from '../index';
import { assign } from './assign';
import { boot } from './boot';
import { checks } from './checks';
import { common } from './common';
import { dashboard } from './dashboard';
import { data } from './data';
import { forms } from './forms';
import { merge } from './merge';
import { onboarding } from './onboarding';
import { reminders } from './reminders';
import { roles } from './roles';
import { setup } from './setup';

export const catalogs: Catalog[] = [
  assign,
  boot,
  checks,
  common,
  dashboard,
  data,
  forms,
  merge,
  onboarding,
  reminders,
  roles,
  setup,
];
