/**
 * Issue 14 in the plan: SLA return (never back to the rep who held the lead), routing to the account owner
 * (width/case-insensitive, free mail excluded, phones normalised), per-day caps; unit cases and fast-check
 * properties (caps never exceeded, the skipped rep never gets its lead back, pool rotation unchanged by
 * account-routed leads).
 */
import fc from 'fast-check';
import {
  buildAccountIndex,
  companyDomain,
  companyKey,
  findAccount,
  isFreeMailDomain,
  planAssignment,
  type Lead,
  type Rep,
} from '../../../src/core/assign';
import { lead, rep, settingsOff } from './helpers';

const TODAY = 20_000;

describe('account matching', () => {
  it('folds width, case, spaces and punctuation of company names (Chinese full-width included)', () => {
    expect(companyKey('ＡＢＣ（上海）有限公司')).toBe(companyKey('abc(上海)有限公司'));
    expect(companyKey('ABC Co., Ltd.')).toBe(companyKey('abc co ltd'));
    expect(companyKey('华为技术')).not.toBe(companyKey('华为科技'));
  });

  it('takes the domain of company e-mails only, never a free-mail one', () => {
    expect(companyDomain('Li.Lei@ACME.com.cn')).toBe('acme.com.cn');
    expect(companyDomain('ｌｉ＠ａｃｍｅ．ｃｏｍ')).toBe('acme.com');
    for (const free of [
      'a@gmail.com',
      'a@outlook.com',
      'a@hotmail.co.uk',
      'a@yahoo.com.hk',
      'a@qq.com',
      'a@vip.qq.com',
      'a@163.com',
      'a@126.com',
      'a@sina.com',
      'a@sohu.com',
      'a@foxmail.com',
      'a@icloud.com',
    ])
      expect(companyDomain(free)).toBe('');
    expect(isFreeMailDomain('acme.com')).toBe(false);
    expect(companyDomain('not an address')).toBe('');
  });

  it('matches company, then domain, then phone (normalised), first customer of a key wins', () => {
    const index = buildAccountIndex([
      { customerId: 'C-1', company: 'Acme', email: 'x@acme.com', phone: '138 0013 8000', owner: 'a@x.com' },
      { customerId: 'C-2', company: 'ACME', email: '', phone: '', owner: 'b@x.com' },
      {
        customerId: 'C-3',
        company: 'Beta',
        email: 'y@beta.cn',
        phone: '+86 139 0013 9000',
        owner: 'b@x.com',
      },
      { customerId: 'C-4', company: 'Nobody', email: 'z@nobody.cn', phone: '', owner: '' },
    ]);
    expect(findAccount(index, { company: 'ａｃｍｅ', email: '', phone: '' })).toEqual({
      by: 'company',
      customerId: 'C-1',
      owner: 'a@x.com',
    });
    expect(findAccount(index, { company: 'New', email: 'q@BETA.cn', phone: '' })?.by).toBe('domain');
    expect(findAccount(index, { company: 'New', email: 'q@gmail.com', phone: '0086-139-0013-9000' })).toEqual(
      {
        by: 'phone',
        customerId: 'C-3',
        owner: 'b@x.com',
      },
    );
    expect(findAccount(index, { company: 'Nobody', email: 'z@nobody.cn', phone: '' })).toBeNull();
  });
});

describe('plan with SLA, account owner and daily caps', () => {
  const account = (owner: string) => ({ by: 'company' as const, customerId: 'C-9', owner });

  it('returns an SLA lead to its pool, never to the rep who held it, with the SLA in the reason', () => {
    const plan = planAssignment({
      reps: [rep('a@x.com'), rep('b@x.com')],
      leads: [lead(2, { owner: 'a@x.com', ownerCell: 'A@x.com', sla: { kind: 'firstContact', hours: 48 } })],
      openLoad: new Map([['a@x.com', 1]]),
      settings: settingsOff,
      today: TODAY,
      rotation: {},
    });
    expect(plan.assignments).toHaveLength(1);
    expect(plan.assignments[0]).toMatchObject({ toRep: 'b@x.com', fromRep: 'A@x.com', pool: 'team' });
    expect(plan.assignments[0].reason.sla).toEqual({ kind: 'firstContact', hours: 48 });
    expect(plan.reps.find((r) => r.email === 'a@x.com')?.openLeadsAfter).toBe(0);
  });

  it('leaves an SLA lead with its rep when nobody else can take it', () => {
    const plan = planAssignment({
      reps: [rep('a@x.com'), rep('b@x.com', { active: false })],
      leads: [lead(2, { owner: 'a@x.com', ownerCell: 'a@x.com', sla: { kind: 'noFollowUp', days: 7 } })],
      openLoad: new Map(),
      settings: settingsOff,
      today: TODAY,
      rotation: {},
    });
    expect(plan.assignments).toHaveLength(0);
    expect(plan.unassigned[0].reason).toMatchObject({
      code: 'onlyCurrentOwner',
      sla: { kind: 'noFollowUp' },
    });
  });

  it('routes a new lead to its account owner without moving the rotation; inactive or away owner → pool', () => {
    const reps = [
      rep('a@x.com'),
      rep('b@x.com'),
      rep('c@x.com', { active: false }),
      rep('d@x.com', { awayThroughDay: TODAY }),
    ];
    const plan = planAssignment({
      reps,
      leads: [
        lead(2, { account: account('b@x.com') }),
        lead(3, { account: account('c@x.com') }),
        lead(4, { account: account('d@x.com') }),
        lead(5, { account: account('zz@x.com') }),
      ],
      openLoad: new Map(),
      settings: settingsOff,
      today: TODAY,
      rotation: {},
    });
    expect(plan.assignments.map((a) => [a.row, a.toRep, a.pool, a.reason.code])).toEqual([
      [2, 'b@x.com', 'account', 'accountOwner'],
      [3, 'a@x.com', 'team', 'team'],
      [4, 'b@x.com', 'team', 'team'],
      [5, 'a@x.com', 'team', 'team'],
    ]);
  });

  it('an account owner at capacity or at the daily maximum gets nothing; the pool takes the lead', () => {
    const plan = planAssignment({
      reps: [rep('a@x.com'), rep('b@x.com', { capacity: 1 }), rep('c@x.com', { maxPerDay: 2 })],
      leads: [lead(2, { account: account('b@x.com') }), lead(3, { account: account('c@x.com') })],
      openLoad: new Map([['b@x.com', 1]]),
      settings: settingsOff,
      today: TODAY,
      rotation: {},
      assignedToday: new Map([['c@x.com', 2]]),
    });
    expect(plan.assignments.map((a) => a.toRep)).toEqual(['a@x.com', 'a@x.com']);
  });

  it('counts today’s earlier assignments against the daily maximum and says so when everyone is capped', () => {
    const plan = planAssignment({
      reps: [rep('a@x.com', { maxPerDay: 3 }), rep('b@x.com', { maxPerDay: 1 })],
      leads: [lead(2), lead(3), lead(4), lead(5)],
      openLoad: new Map(),
      settings: settingsOff,
      today: TODAY,
      rotation: {},
      assignedToday: new Map([['a@x.com', 1]]),
    });
    expect(plan.assignments.map((a) => a.toRep).sort()).toEqual(['a@x.com', 'a@x.com', 'b@x.com']);
    expect(plan.unassigned[0].reason).toMatchObject({ code: 'allFull', dailyCap: true });
  });
});

const repArb = fc.record({
  active: fc.boolean(),
  weight: fc.integer({ min: 0, max: 3 }),
  capacity: fc.option(fc.integer({ min: 0, max: 6 }), { nil: null }),
  maxPerDay: fc.option(fc.integer({ min: 0, max: 5 }), { nil: null }),
  today: fc.integer({ min: 0, max: 3 }),
  load: fc.integer({ min: 0, max: 4 }),
});
const leadArb = fc.record({
  open: fc.boolean(),
  kind: fc.constantFrom('new', 'sla', 'account', 'reassign'),
  who: fc.integer({ min: 0, max: 5 }),
});

describe('issue 14 properties', () => {
  it('never exceeds capacity or the daily maximum, never gives an SLA/reassigned lead back to its rep', () => {
    fc.assert(
      fc.property(
        fc.array(repArb, { minLength: 1, maxLength: 6 }),
        fc.array(leadArb, { maxLength: 40 }),
        (repSpecs, leadSpecs) => {
          const reps: Rep[] = repSpecs.map((s, i) =>
            rep(`r${i}@x.com`, {
              active: s.active,
              weight: s.weight,
              capacity: s.capacity,
              maxPerDay: s.maxPerDay,
            }),
          );
          const openLoad = new Map(reps.map((r, i) => [r.email, repSpecs[i].load]));
          const assignedToday = new Map(reps.map((r, i) => [r.email, repSpecs[i].today]));
          const leads: Lead[] = leadSpecs.map((s, i) => {
            const who = s.who < reps.length ? reps[s.who].email : 'gone@x.com';
            if (s.kind === 'account')
              return lead(i + 2, { open: s.open, account: { by: 'phone', customerId: 'C', owner: who } });
            if (s.kind === 'new') return lead(i + 2, { open: s.open });
            return lead(i + 2, {
              open: s.open,
              owner: who,
              ownerCell: who,
              reassign: s.kind === 'reassign',
              ...(s.kind === 'sla' ? { sla: { kind: 'firstContact' as const, hours: 48 } } : {}),
            });
          });
          for (const l of leads)
            if (l.owner && l.open) openLoad.set(l.owner, (openLoad.get(l.owner) ?? 0) + 1);
          const plan = planAssignment({
            reps,
            leads,
            openLoad,
            settings: settingsOff,
            today: TODAY,
            rotation: {},
            assignedToday,
          });
          const load = new Map(openLoad);
          const perDay = new Map(assignedToday);
          for (const a of plan.assignments) {
            const to = reps.find((r) => r.email === a.toRep)!;
            const l = leads.find((x) => x.row === a.row)!;
            expect(to.active).toBe(true);
            if (l.owner) expect(a.toRep).not.toBe(l.owner);
            if (a.reason.code === 'accountOwner') expect(a.toRep).toBe(l.account?.owner);
            else expect(to.weight).toBeGreaterThan(0);
            perDay.set(a.toRep, (perDay.get(a.toRep) ?? 0) + 1);
            if (to.maxPerDay !== null && to.maxPerDay !== undefined)
              expect(perDay.get(a.toRep)).toBeLessThanOrEqual(to.maxPerDay);
            if (l.open) {
              load.set(a.toRep, (load.get(a.toRep) ?? 0) + 1);
              if (to.capacity !== null) expect(load.get(a.toRep)).toBeLessThanOrEqual(to.capacity);
              if (l.owner) load.set(l.owner, (load.get(l.owner) ?? 0) - 1);
            }
          }
        },
      ),
      { numRuns: 300 },
    );
  });

  it('account-routed leads leave the pool leads’ rotation exactly as without them', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 1, max: 3 }), { minLength: 1, maxLength: 5 }),
        fc.array(fc.option(fc.integer({ min: 0, max: 4 }), { nil: null }), { maxLength: 60 }),
        (weights, kinds) => {
          const reps = weights.map((weight, i) => rep(`r${i}@x.com`, { weight }));
          const leads = kinds.map((k, i) =>
            k === null || k >= reps.length
              ? lead(i + 2)
              : lead(i + 2, { account: { by: 'company', customerId: 'C', owner: reps[k].email } }),
          );
          const input = { reps, openLoad: new Map(), settings: settingsOff, today: TODAY, rotation: {} };
          const withAccounts = planAssignment({ ...input, leads });
          const poolOnly = planAssignment({ ...input, leads: leads.filter((l) => !l.account) });
          expect(
            withAccounts.assignments.filter((a) => a.pool !== 'account').map((a) => [a.row, a.toRep]),
          ).toEqual(poolOnly.assignments.map((a) => [a.row, a.toRep]));
          expect(withAccounts.rotation).toEqual(poolOnly.rotation);
          // Fairness of the pool leads: each rep within one lead of its weight share.
          const total = poolOnly.assignments.length;
          const sum = weights.reduce((a, b) => a + b, 0);
          for (const r of reps) {
            const got = poolOnly.assignments.filter((a) => a.toRep === r.email).length;
            expect(Math.abs(got - (total * r.weight) / sum)).toBeLessThan(1);
          }
        },
      ),
      { numRuns: 200 },
    );
  });
});
