/** Every bench case; one line per area. */
import type { BenchCase } from '../types';
import { cases as assign } from './assign';
import { cases as checks } from './checks';
import { cases as dashboard } from './dashboard';
import { cases as forms } from './forms';
import { cases as opportunities } from './opportunities';
import { cases as merge } from './merge';
import { cases as reminders } from './reminders';
import { cases as setup } from './setup';
import { cases as service } from './service';

export const cases: BenchCase[] = [
  ...assign,
  ...checks,
  ...dashboard,
  ...forms,
  ...opportunities,
  ...reminders,
  ...setup,
  ...service,
  ...merge,
];
