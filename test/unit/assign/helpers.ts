/** Builders for assignment unit tests: reps and leads as the core sees them. */
import type { Lead, Rep } from '../../../src/core/assign';

export function rep(email: string, extra: Partial<Rep> = {}): Rep {
  return {
    email,
    name: email.split('@')[0],
    active: true,
    role: 'rep',
    weight: 1,
    capacity: null,
    regions: [],
    industries: [],
    awayThroughDay: null,
    language: '',
    row: 2,
    ...extra,
  };
}

export function lead(row: number, extra: Partial<Lead> = {}): Lead {
  return {
    row,
    customerId: `C${row}`,
    customer: `Company ${row}`,
    owner: '',
    ownerCell: '',
    reassign: false,
    region: '',
    industry: '',
    potentialValue: null,
    open: true,
    ...extra,
  };
}

export const settingsOff = {
  matchRegion: false,
  matchIndustry: false,
  seniorMinPotentialValue: null,
  fallbackToTeam: true,
};
