/** Every bench case; one line per area. */
import type { BenchCase } from '../types';

export const cases: BenchCase[] = [];
