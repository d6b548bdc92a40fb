/** The plan: rules before rotation, availability, capacity, reasons; fast-check properties over random teams. */
import fc from 'fast-check';
import { planAssignment, type Lead, type Rep, type RotationState } from '../../../src/core/assign';
import { lead, rep, settingsOff } from './helpers';

const TODAY = 20_000;

describe('planAssignment rules', () => {
  it('round-robins new leads over the available team and skips inactive, away and weight-0 reps', () => {
    const reps = [
      rep('a@x.com'),
      rep('b@x.com', { active: false }),
      rep('c@x.com', { awayThroughDay: TODAY }),
      rep('d@x.com', { weight: 0 }),
      rep('e@x.com', { awayThroughDay: TODAY - 1 }), // back today
    ];
    const plan = planAssignment({
      reps,
      leads: [lead(2), lead(3), lead(4), lead(5)],
      openLoad: new Map(),
      settings: settingsOff,
      today: TODAY,
      rotation: {},
    });
    expect(plan.assignments.map((a) => a.toRep)).toEqual(['a@x.com', 'e@x.com', 'a@x.com', 'e@x.com']);
    expect(plan.assignments.every((a) => a.pool === 'team' && a.reason.code === 'team')).toBe(true);
    expect(plan.reps.map((r) => r.status)).toEqual([
      'available',
      'inactive',
      'away',
      'noWeight',
      'available',
    ]);
  });

  it('matches region and industry, keeps a rotation per pool, falls back to the team when nobody covers', () => {
    const reps = [
      rep('east1@x.com', { regions: ['east'] }),
      rep('east2@x.com', { regions: ['east'] }),
      rep('west@x.com', { regions: ['west'] }),
    ];
    const settings = { ...settingsOff, matchRegion: true };
    const plan = planAssignment({
      reps,
      leads: [
        lead(2, { region: 'east' }),
        lead(3, { region: 'west' }),
        lead(4, { region: 'east' }),
        lead(5, { region: 'north' }),
      ],
      openLoad: new Map(),
      settings,
      today: TODAY,
      rotation: {},
    });
    expect(plan.assignments.map((a) => [a.toRep, a.pool, a.reason.code])).toEqual([
      ['east1@x.com', 'region:east', 'matched'],
      ['west@x.com', 'region:west', 'matched'],
      ['east2@x.com', 'region:east', 'matched'],
      ['east1@x.com', 'team', 'fallbackTeam'],
    ]);
    expect(plan.changedPools).toEqual(['region:east', 'region:west', 'team']);

    const strict = planAssignment({
      reps,
      leads: [lead(5, { region: 'north' })],
      openLoad: new Map(),
      settings: { ...settings, fallbackToTeam: false },
      today: TODAY,
      rotation: {},
    });
    expect(strict.assignments).toEqual([]);
    expect(strict.unassigned).toEqual([
      expect.objectContaining({
        row: 5,
        pool: 'region:north',
        reason: expect.objectContaining({ code: 'noMatch', region: 'north' }),
      }),
    ]);
  });

  it('sends leads at or above the threshold to senior reps only, then all seniors, then the team', () => {
    const reps = [
      rep('junior@x.com', { regions: ['east'] }),
      rep('senior@x.com', { role: 'senior', regions: ['west'] }),
      rep('boss@x.com', { role: 'manager', regions: ['east'] }),
    ];
    const settings = { ...settingsOff, matchRegion: true, seniorMinPotentialValue: 100_000 };
    const plan = planAssignment({
      reps,
      leads: [
        lead(2, { region: 'east', potentialValue: 100_000 }),
        lead(3, { region: 'north', potentialValue: 500_000 }),
        lead(4, { region: 'east', potentialValue: 99_999 }),
      ],
      openLoad: new Map(),
      settings,
      today: TODAY,
      rotation: {},
    });
    expect(plan.assignments.map((a) => [a.toRep, a.pool, a.reason.code])).toEqual([
      ['boss@x.com', 'senior|region:east', 'matched'],
      ['senior@x.com', 'senior', 'fallbackSenior'],
      ['junior@x.com', 'region:east', 'matched'],
    ]);
    expect(plan.assignments[0].reason).toMatchObject({ potentialValue: 100_000, seniorThreshold: 100_000 });
  });

  it('skips a full rep, and leaves the lead unassigned when every eligible rep is full', () => {
    const reps = [rep('a@x.com', { capacity: 2 }), rep('b@x.com', { capacity: 1 })];
    const plan = planAssignment({
      reps,
      leads: [lead(2), lead(3), lead(4), lead(5, { open: false })],
      openLoad: new Map([['a@x.com', 1]]),
      settings: settingsOff,
      today: TODAY,
      rotation: {},
    });
    expect(plan.assignments.map((a) => [a.row, a.toRep])).toEqual([
      [2, 'a@x.com'],
      [3, 'b@x.com'],
      [5, 'b@x.com'], // a purchased/lost customer takes no capacity, so full b still gets it
    ]);
    expect(plan.unassigned).toEqual([
      expect.objectContaining({ row: 4, reason: expect.objectContaining({ code: 'allFull' }) }),
    ]);
    expect(plan.reps.map((r) => r.openLeadsAfter)).toEqual([2, 1]);
  });

  it('moves a lead marked for reassignment to someone else, freeing the old owner\u2019s capacity', () => {
    const reps = [rep('a@x.com', { capacity: 1 }), rep('b@x.com')];
    const plan = planAssignment({
      reps,
      leads: [lead(2, { owner: 'a@x.com', ownerCell: 'A@x.com', reassign: true }), lead(3)],
      openLoad: new Map([['a@x.com', 1]]),
      settings: settingsOff,
      today: TODAY,
      rotation: {},
    });
    expect(plan.assignments.map((a) => [a.row, a.fromRep, a.toRep])).toEqual([
      [2, 'A@x.com', 'b@x.com'],
      [3, '', 'a@x.com'],
    ]);
    const alone = planAssignment({
      reps: [reps[0]],
      leads: [lead(2, { owner: 'a@x.com', ownerCell: 'a@x.com', reassign: true })],
      openLoad: new Map([['a@x.com', 0]]),
      settings: settingsOff,
      today: TODAY,
      rotation: {},
    });
    expect(alone.unassigned[0].reason.code).toBe('onlyCurrentOwner');
  });

  it('says there are no reps when nobody is available', () => {
    const plan = planAssignment({
      reps: [rep('a@x.com', { active: false })],
      leads: [lead(2)],
      openLoad: new Map(),
      settings: settingsOff,
      today: TODAY,
      rotation: {},
    });
    expect(plan.unassigned[0].reason.code).toBe('noReps');
  });

  it('does not change the rotation it was given', () => {
    const rotation: RotationState = { team: { 'a@x.com': 1 } };
    planAssignment({
      reps: [rep('a@x.com')],
      leads: [lead(2)],
      openLoad: new Map(),
      settings: settingsOff,
      today: TODAY,
      rotation,
    });
    expect(rotation).toEqual({ team: { 'a@x.com': 1 } });
  });
});

const repArb = fc.record({
  active: fc.boolean(),
  weight: fc.integer({ min: 0, max: 3 }),
  capacity: fc.option(fc.integer({ min: 0, max: 6 }), { nil: null }),
  away: fc.option(fc.integer({ min: TODAY - 2, max: TODAY + 2 }), { nil: null }),
  senior: fc.boolean(),
  regions: fc.subarray(['east', 'west']),
  load: fc.integer({ min: 0, max: 4 }),
});
const leadArb = fc.record({
  open: fc.boolean(),
  region: fc.constantFrom('', 'east', 'west', 'north'),
  value: fc.option(fc.integer({ min: 0, max: 200 }), { nil: null }),
  ownerIndex: fc.option(fc.integer({ min: 0, max: 5 }), { nil: null }),
});

describe('planAssignment properties', () => {
  it('assigns every lead exactly once, never to an unavailable rep, never over capacity, never back to its owner', () => {
    fc.assert(
      fc.property(
        fc.array(repArb, { minLength: 1, maxLength: 6 }),
        fc.array(leadArb, { maxLength: 40 }),
        fc.record({ matchRegion: fc.boolean(), senior: fc.boolean(), fallbackToTeam: fc.boolean() }),
        (repSpecs, leadSpecs, rules) => {
          const reps: Rep[] = repSpecs.map((s, i) =>
            rep(`r${i}@x.com`, {
              active: s.active,
              weight: s.weight,
              capacity: s.capacity,
              awayThroughDay: s.away,
              role: s.senior ? 'senior' : 'rep',
              regions: s.regions,
            }),
          );
          const openLoad = new Map(reps.map((r, i) => [r.email, repSpecs[i].load]));
          const leads: Lead[] = leadSpecs.map((s, i) => {
            const owner = s.ownerIndex !== null && s.ownerIndex < reps.length ? reps[s.ownerIndex].email : '';
            return lead(i + 2, {
              open: s.open,
              region: s.region,
              potentialValue: s.value,
              owner,
              ownerCell: owner,
              reassign: owner !== '',
            });
          });
          // a reassigned open lead is part of its owner's load
          for (const l of leads)
            if (l.owner && l.open) openLoad.set(l.owner, (openLoad.get(l.owner) ?? 0) + 1);
          const plan = planAssignment({
            reps,
            leads,
            openLoad,
            settings: {
              matchRegion: rules.matchRegion,
              matchIndustry: false,
              seniorMinPotentialValue: rules.senior ? 100 : null,
              fallbackToTeam: rules.fallbackToTeam,
            },
            today: TODAY,
            rotation: {},
          });
          const rows = [...plan.assignments.map((a) => a.row), ...plan.unassigned.map((u) => u.row)].sort(
            (a, b) => a - b,
          );
          expect(rows).toEqual(leads.map((l) => l.row));
          const load = new Map(openLoad);
          for (const a of plan.assignments) {
            const to = reps.find((r) => r.email === a.toRep)!;
            expect(
              to.active && to.weight > 0 && (to.awayThroughDay === null || to.awayThroughDay < TODAY),
            ).toBe(true);
            const l = leads.find((x) => x.row === a.row)!;
            expect(a.toRep).not.toBe(l.owner);
            if (l.open) {
              load.set(a.toRep, (load.get(a.toRep) ?? 0) + 1);
              if (to.capacity !== null) expect(load.get(a.toRep)).toBeLessThanOrEqual(to.capacity);
              if (l.owner) load.set(l.owner, (load.get(l.owner) ?? 0) - 1);
            }
            if (rules.senior && (l.potentialValue ?? -1) >= 100 && a.pool !== 'team')
              expect(to.role).toBe('senior');
            if (!rules.fallbackToTeam && rules.senior && (l.potentialValue ?? -1) >= 100)
              expect(to.role).toBe('senior');
            if (rules.matchRegion && l.region && !rules.fallbackToTeam)
              expect(to.regions).toContain(l.region);
          }
        },
      ),
      { numRuns: 300 },
    );
  });

  it('over many runs gives each always-eligible rep its weighted share within one lead', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 1, max: 4 }), { minLength: 1, maxLength: 5 }),
        fc.array(fc.integer({ min: 0, max: 25 }), { minLength: 1, maxLength: 10 }),
        (weights, runSizes) => {
          const reps = weights.map((weight, i) => rep(`r${i}@x.com`, { weight }));
          const total = weights.reduce((a, b) => a + b, 0);
          let rotation: RotationState = {};
          const counts = new Map<string, number>();
          let leadsSoFar = 0;
          let row = 2;
          for (const size of runSizes) {
            const leads = Array.from({ length: size }, () => lead(row++));
            const plan = planAssignment({
              reps,
              leads,
              openLoad: new Map(),
              settings: settingsOff,
              today: TODAY,
              rotation,
            });
            rotation = JSON.parse(JSON.stringify(plan.rotation)) as RotationState;
            for (const a of plan.assignments) counts.set(a.toRep, (counts.get(a.toRep) ?? 0) + 1);
            leadsSoFar += size;
            for (const r of reps) {
              if (Math.abs((counts.get(r.email) ?? 0) - (leadsSoFar * r.weight) / total) >= 1) return false;
            }
          }
          return true;
        },
      ),
      { numRuns: 200 },
    );
  });
});
