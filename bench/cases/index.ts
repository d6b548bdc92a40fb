/** Every bench case; one line per area. */
import type { BenchCase } from '../types';
import { cases as dashboard } from './dashboard';
import { cases as forms } from './forms';
import { cases as reminders } from './reminders';
import { cases as setup } from './setup';

export const cases: BenchCase[] = [...dashboard, ...forms, ...reminders, ...setup];
