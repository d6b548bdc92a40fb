/** Every bench case; one line per area. */
import type { BenchCase } from '../types';
import { cases as dashboard } from './dashboard';

export const cases: BenchCase[] = [...dashboard];
