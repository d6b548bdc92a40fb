/** Every feature catalogue; add a feature's catalogue here when it is created. */
import type { Catalog } from '../index';
import { assign } from './assign';
import { common } from './common';
import { dashboard } from './dashboard';
import { data } from './data';
import { forms } from './forms';
import { reminders } from './reminders';

export const catalogs: Catalog[] = [assign, common, dashboard, data, forms, reminders];
