/** Every feature catalogue; add a feature's catalogue here when it is created. */
import type { Catalog } from '../index';
import { assign } from './assign';
import { boot } from './boot';
import { checks } from './checks';
import { common } from './common';
import { dashboard } from './dashboard';
import { data } from './data';
import { forms } from './forms';
import { onboarding } from './onboarding';
import { opportunities } from './opportunities';
import { reminders } from './reminders';
import { roles } from './roles';
import { routing } from './routing';
import { setup } from './setup';
import { service } from './service';

export const catalogs: Catalog[] = [
  assign,
  boot,
  checks,
  common,
  dashboard,
  data,
  forms,
  onboarding,
  opportunities,
  reminders,
  roles,
  routing,
  setup,
  service,
];
