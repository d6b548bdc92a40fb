/**
 * Follow-up reminders end to end: dist/Code.js in the local runtime with its fake clock. The daily trigger is
 * installed through the menu handler and fired by rt.fireDueTriggers(); reps mark follow-ups done and log new ones
 * through the sidebars' api* functions; an independent model of the Follow-ups sheet says what each mail must hold.
 */
import { addDaysIso, dayNumberOfIso, daysBetween, parseLocalDateTime, ZoneDays } from '../../src/core/dates';
import { LocalRuntime, type SentMail } from '../../runtime';
import type { WorkbookStore } from '../../runtime/spreadsheet/store';
import { MANAGER, day, reps, runtimeWith, type FixtureData, type Row } from './reminders-fixture';

jest.setTimeout(240_000);

const TZ = 'Asia/Shanghai';
const START = '2026-11-01';
/** Stale-customer reminders are covered by unit tests; here they are off so the model stays about follow-ups. */
const BASE_SETTINGS = {
  reminderHour: 9,
  staleContactDays: 3650,
  staleVipDays: 3650,
  managers: MANAGER,
  managerTeamSummary: false,
};

function at(rt: LocalRuntime, isoDay: string, time: string): void {
  rt.clock.set(parseLocalDateTime(`${isoDay}T${time}`, rt.timeZone));
}

/**
 * Follow-ups rows a mail links to (…#gid=<Follow-ups id>&range=A<row>) as due or overdue; the "Coming up"
 * section (Settings → reminderLookAheadDays, 3 by default) is for planning and not counted.
 */
function linkedFollowUpRows(mail: SentMail, followUpsGid: string): number[] {
  const rows = new Set<number>();
  const dueSections = mail.body.split('== Coming up')[0];
  for (const match of dueSections.matchAll(/#gid=(\d+)&range=A(\d+)/g)) {
    if (match[1] === followUpsGid) rows.add(Number(match[2]));
  }
  return [...rows].sort((a, b) => a - b);
}

function followUpsGid(rt: LocalRuntime): string {
  const preview = rt.execute<{ mails: { body: string }[] }>('apiPreviewReminders', [], { user: MANAGER });
  if (preview.error) throw preview.error;
  // Follow-up items link to Follow-ups; every digest in these tests has one, so any link's gid is it.
  const match = preview.value?.mails[0]?.body.match(/#gid=(\d+)&range=A\d+/);
  if (!match) throw new Error('no follow-up link in the preview');
  return match[1];
}

function turnOn(rt: LocalRuntime): void {
  const result = rt.execute('menuTurnOnReminders', [], { user: MANAGER });
  expect(result.error).toBeUndefined();
}

function dailyTriggers(rt: LocalRuntime) {
  return rt.triggers.all.filter((trigger) => trigger.handler === 'onDailyReminders');
}

interface ModelRow {
  row: number;
  customerId: string;
  owner: string;
  nextDate: string;
  /** Closed by ticking done, or superseded by a newer follow-up of the same customer. */
  closed: boolean;
}

describe('reminders through the built bundle', () => {
  it('turning reminders on twice leaves one trigger at the Settings hour in the spreadsheet zone; off removes it', async () => {
    const rt = await runtimeWith(
      {
        customers: [],
        followups: [],
        reps: reps(2),
        settings: { ...BASE_SETTINGS, reminderHour: 7, managers: `${MANAGER}, deputy@example.com` },
      },
      { timeZone: TZ, now: '2026-11-23T00:00:00Z', owner: 'owner@example.com' },
    );
    turnOn(rt);
    turnOn(rt);
    expect(dailyTriggers(rt)).toHaveLength(1);
    expect(dailyTriggers(rt)[0].clock).toMatchObject({ atHour: 7, everyDays: 1, timeZone: TZ });
    expect(rt.properties.document.get('salesdesk.remind.on')).toBe('true');
    // A rep may not turn them off.
    rt.execute('menuTurnOffReminders', [], { user: 'rep01@example.com' });
    expect(dailyTriggers(rt)).toHaveLength(1);
    // Another manager cannot remove a trigger that is not theirs: told whose it is, the state stays "on".
    const other = rt.execute('menuTurnOffReminders', [], { user: 'deputy@example.com' });
    expect(other.value).toEqual({ on: true, removed: 0 });
    expect(rt.ui.alerts.at(-1)?.prompt ?? '').toContain(MANAGER);
    expect(rt.properties.document.get('salesdesk.remind.on')).toBe('true');
    const off = rt.execute('menuTurnOffReminders', [], { user: MANAGER });
    expect(off.error).toBeUndefined();
    expect(dailyTriggers(rt)).toHaveLength(0);
    expect(rt.properties.document.get('salesdesk.remind.on')).toBeUndefined();
  });

  it('over 30 days mails every due item to its owner once per day it is due or overdue, one digest per rep a day', async () => {
    const team = reps(6);
    const customers: Row[] = Array.from({ length: 30 }, (_, i) => ({
      id: `C${String(i + 1).padStart(3, '0')}`,
      company: `Company ${i + 1}`,
      contact: `Contact ${i + 1}`,
      phone: `+86 138 0000 ${String(i).padStart(4, '0')}`,
      owner: team[i % team.length].email,
      created: day('2026-09-01'),
      lastContact: day('2026-10-25'),
    }));
    const followups: Row[] = customers.map((customer, i) => ({
      id: `F-${String(i + 1).padStart(4, '0')}`,
      customerId: customer.id,
      time: day('2026-10-25'),
      channel: 'Phone',
      content: `Initial call ${i + 1}`,
      nextDate: day(addDaysIso(START, (i % 20) - 3)),
      rep: customer.owner,
      done: false,
    }));
    const data: FixtureData = { customers, followups, reps: team, settings: BASE_SETTINGS };
    const rt = await runtimeWith(data, { timeZone: TZ, now: `${START}T00:00:00Z`, mailQuota: 100 });

    const model: ModelRow[] = followups.map((f, i) => ({
      row: i + 2,
      customerId: String(f.customerId),
      owner: String(f.rep),
      nextDate: addDaysIso(START, (i % 20) - 3),
      closed: false,
    }));
    at(rt, START, '08:00');
    turnOn(rt);
    const gid = followUpsGid(rt);

    let mailsSoFar = 0;
    let loggedFollowUps = 0;
    let markedDone = 0;
    for (let d = 0; d < 30; d++) {
      const today = addDaysIso(START, d);
      at(rt, today, '09:20');
      const runs = rt.fireDueTriggers().filter((r) => r.logs.join('\n').includes('reminders'));
      expect(runs).toHaveLength(1);
      expect(runs[0].error).toBeUndefined();
      // A retry and a manager's "Send reminders now" later the same day send nothing more.
      at(rt, today, '11:00');
      expect(rt.fireDueTriggers()).toHaveLength(0);
      const again = rt.execute('menuSendRemindersNow', [], { user: MANAGER });
      expect(again.error).toBeUndefined();

      const todays = rt.mail.outbox.slice(mailsSoFar);
      mailsSoFar = rt.mail.outbox.length;
      for (const rep of team) {
        const expected = model
          .filter((m) => !m.closed && m.owner === rep.email && m.nextDate <= today)
          .map((m) => m.row)
          .sort((a, b) => a - b);
        const mails = todays.filter((mail) => mail.to.includes(String(rep.email)));
        expect({ day: today, rep: rep.email, mails: mails.length }).toEqual({
          day: today,
          rep: rep.email,
          mails: expected.length > 0 ? 1 : 0,
        });
        if (mails.length === 1) {
          expect({ day: today, rep: rep.email, rows: linkedFollowUpRows(mails[0], gid) }).toEqual({
            day: today,
            rep: rep.email,
            rows: expected,
          });
        }
      }

      // The reps work through their lists in the afternoon.
      at(rt, today, '15:00');
      for (const item of model.filter((m) => !m.closed && m.nextDate <= today)) {
        const choice = (item.row + d) % 3;
        if (choice === 0) {
          const result = rt.execute(
            'apiMarkFollowUpDone',
            [
              {
                source: 'followup',
                followUpId: `F-${String(item.row - 1).padStart(4, '0')}`,
                followUpRow: item.row,
              },
            ],
            { user: item.owner },
          );
          if (result.error) throw result.error;
          item.closed = true;
          markedDone++;
        } else if (choice === 1) {
          const nextDate = addDaysIso(today, (item.row % 5) + 1);
          const saved = rt.execute<{ status: string; row: number; id: string; errors?: unknown }>(
            'apiSaveFollowUp',
            [
              {
                customerId: item.customerId,
                time: `${today}T15:00`,
                channel: 'Phone',
                content: `Called on ${today}`,
                result: '',
                nextStep: 'Send the quote',
                nextDate,
              },
            ],
            { user: item.owner },
          );
          if (saved.error) throw saved.error;
          expect(saved.value).toMatchObject({ status: 'saved' });
          for (const other of model) if (other.customerId === item.customerId) other.closed = true;
          model.push({
            row: saved.value!.row,
            customerId: item.customerId,
            owner: item.owner,
            nextDate,
            closed: false,
          });
          loggedFollowUps++;
        }
      }
    }
    expect(markedDone).toBeGreaterThan(5);
    expect(loggedFollowUps).toBeGreaterThan(5);
    // The done boxes really are ticked in the sheet.
    const sheet = rt.workbook.sheetValues('Follow-ups');
    const doneColumn = sheet[0].indexOf('Done');
    expect(sheet.slice(1).filter((row) => row[doneColumn] === true)).toHaveLength(markedDone);
  });

  it('a quota of 5 mails on a 12-rep team spreads over days: nobody lost, nobody twice a day', async () => {
    const team = reps(12);
    const customers: Row[] = team.map((rep, i) => ({
      id: `C${i + 1}`,
      company: `Company ${i + 1}`,
      owner: rep.email,
      lastContact: day('2026-11-01'),
    }));
    const followups: Row[] = customers.map((c, i) => ({
      id: `F-${i + 1}`,
      customerId: c.id,
      time: day('2026-11-01'),
      // All overdue, with different urgencies: rep01 is the most overdue.
      nextDate: day(addDaysIso('2026-11-10', i)),
      rep: c.owner,
      done: false,
    }));
    const rt = await runtimeWith(
      { customers, followups, reps: team, settings: BASE_SETTINGS },
      { timeZone: TZ, now: '2026-11-30T00:00:00Z', mailQuota: 5 },
    );
    at(rt, '2026-11-30', '08:00');
    turnOn(rt);
    const received = new Map<string, string[]>();
    let seen = 0;
    const days = 6;
    for (let d = 0; d < days; d++) {
      const today = addDaysIso('2026-11-30', d);
      at(rt, today, '09:10');
      const runs = rt.fireDueTriggers();
      expect(runs).toHaveLength(1);
      expect(runs[0].error).toBeUndefined();
      // A manual run the same day has no quota left and must not lose or duplicate anyone.
      at(rt, today, '12:00');
      expect(rt.execute('menuSendRemindersNow', [], { user: MANAGER }).error).toBeUndefined();
      const todays = rt.mail.outbox.slice(seen);
      seen = rt.mail.outbox.length;
      expect(todays).toHaveLength(5);
      const recipients = todays.map((mail) => mail.to[0]);
      expect(new Set(recipients).size).toBe(5);
      for (const to of recipients) received.set(to, [...(received.get(to) ?? []), today]);
    }
    // 30 mails over 6 days for 12 reps: everyone got 2 or 3, and nobody waited more than 3 days.
    expect([...received.keys()].sort()).toEqual(team.map((r) => r.email));
    for (const [rep, dates] of received) {
      expect({ rep, count: dates.length >= 2 && dates.length <= 3 }).toEqual({ rep, count: true });
      const gaps = dates.slice(1).map((date, i) => daysBetween(dates[i], date));
      expect({ rep, longestWait: Math.max(...gaps) <= 3 }).toEqual({ rep, longestWait: true });
    }
    const first = rt.mail.outbox.slice(0, 5).map((mail) => mail.to[0]);
    expect(first).toEqual(team.slice(0, 5).map((r) => r.email));
    // A held-back digest says so.
    const caughtUp = rt.mail.outbox[5];
    expect(caughtUp.body).toContain('waited since 2026-11-30');
    const pending = JSON.parse(String(rt.properties.document.get('salesdesk.remind.pending')));
    expect(pending.length).toBe(12 - 5);
  });

  it('a team larger than one run can mail is finished by a continuation trigger the same day', async () => {
    const team = reps(450);
    const customers: Row[] = team.map((rep, i) => ({
      id: `C${i + 1}`,
      company: `Company ${i + 1}`,
      owner: rep.email,
    }));
    const followups: Row[] = customers.map((c, i) => ({
      id: `F-${i + 1}`,
      customerId: c.id,
      time: day('2026-11-01'),
      nextDate: day('2026-11-20'),
      rep: c.owner,
    }));
    const rt = await runtimeWith(
      { customers, followups, reps: team, settings: BASE_SETTINGS },
      { timeZone: TZ, now: '2026-11-23T00:30:00Z', mailQuota: 1500 },
    );
    turnOn(rt);
    at(rt, '2026-11-23', '09:05');
    const [first] = rt.fireDueTriggers();
    expect(first.error).toBeUndefined();
    expect(first.value).toMatchObject({ continuing: true });
    expect(rt.mail.outbox).toHaveLength(400);
    // 400 digests, and the progress is written in batches (the plan, then the outcome), not once per digest.
    expect(first.calls['Properties.setProperties']).toBeLessThanOrEqual(3);
    expect(first.calls['Properties.setProperty'] ?? 0).toBe(0);
    expect(rt.triggers.all.filter((t) => t.handler === 'onRemindersContinue')).toHaveLength(1);
    rt.clock.advance(61_000);
    const [rest] = rt.fireDueTriggers();
    expect(rest.error).toBeUndefined();
    expect(rest.value).toMatchObject({ continuing: false, pending: [] });
    const recipients = rt.mail.outbox.map((mail) => mail.to[0]);
    expect(recipients).toHaveLength(450);
    expect(new Set(recipients).size).toBe(450);
    expect(rt.triggers.all.filter((t) => t.handler === 'onRemindersContinue')).toHaveLength(0);
    expect(dailyTriggers(rt)).toHaveLength(1);
    // 450 reps' record is larger than one property value may be (9 KB): it is kept in shards, each within it.
    const shards = [...rt.properties.document.entries()].filter(([key]) =>
      key.startsWith('salesdesk.remind.'),
    );
    expect(shards.filter(([key]) => key.startsWith('salesdesk.remind.lastSent')).length).toBeGreaterThan(1);
    for (const [, value] of shards) expect(Buffer.byteLength(String(value))).toBeLessThanOrEqual(9 * 1024);
  });

  it('a trigger and a manual send overlapping in time still mail each rep once (the document lock)', async () => {
    const team = reps(4);
    const customers: Row[] = team.map((rep, i) => ({
      id: `C${i + 1}`,
      company: `Company ${i + 1}`,
      owner: rep.email,
    }));
    const followups: Row[] = customers.map((c, i) => ({
      id: `F-${i + 1}`,
      customerId: c.id,
      time: day('2026-11-01'),
      nextDate: day('2026-11-20'),
      rep: c.owner,
    }));
    // Closed history rows make each run long enough that the three really overlap.
    for (let i = 0; i < 20_000; i++)
      followups.push({
        id: `H-${i}`,
        customerId: `X${i}`,
        time: day('2026-10-01'),
        nextDate: day('2026-10-02'),
        done: true,
      });
    const rt = await runtimeWith(
      { customers, followups, reps: team, settings: BASE_SETTINGS },
      { timeZone: TZ, now: '2026-11-23T01:10:00Z' },
    );
    const daily = rt.triggerTask('onDailyReminders', { installAs: rt.owner });
    const results = await rt.executeConcurrently([
      daily,
      { fn: 'menuSendRemindersNow', opts: { user: MANAGER } },
      daily,
    ]);
    for (const result of results) expect(result.error).toBeUndefined();
    expect(rt.mail.outbox.map((mail) => mail.to[0]).sort()).toEqual(team.map((r) => r.email));
    const lastSent = JSON.parse(String(rt.properties.document.get('salesdesk.remind.lastSent')));
    expect(Object.values(lastSent)).toEqual(['2026-11-23', '2026-11-23', '2026-11-23', '2026-11-23']);
  });

  it('"today" is the spreadsheet zone\'s: Asia/Shanghai vs UTC at 01:30 Shanghai time', async () => {
    type Run = { today: string; sent: string[] };
    const data: FixtureData = {
      customers: [{ id: 'C1', company: 'Acme', owner: 'rep01@example.com' }],
      followups: [
        {
          id: 'F-1',
          customerId: 'C1',
          time: day('2026-11-20'),
          nextDate: day('2026-11-23'),
          rep: 'rep01@example.com',
        },
      ],
      reps: reps(1),
      settings: BASE_SETTINGS,
    };
    const instant = '2026-11-22T17:30:00Z'; // 2026-11-23 01:30 in Shanghai, still the 22nd in UTC
    const shanghai = await runtimeWith(data, { timeZone: 'Asia/Shanghai', now: instant });
    const utc = await runtimeWith(data, { timeZone: 'UTC', now: instant });
    const [inShanghai] = shanghai.fireTrigger<Run>('onDailyReminders', { installAs: shanghai.owner });
    const [inUtc] = utc.fireTrigger<Run>('onDailyReminders', { installAs: utc.owner });
    expect(inShanghai.error).toBeUndefined();
    expect(inUtc.error).toBeUndefined();
    expect(inShanghai.value).toMatchObject({ today: '2026-11-23', sent: ['rep01@example.com'] });
    expect(inUtc.value).toMatchObject({ today: '2026-11-22', sent: [] });
    expect(shanghai.mail.outbox[0].subject).toBe('SalesDesk follow-ups for 2026-11-23: 1 due today');
    expect(utc.mail.outbox).toHaveLength(0);
  });

  it('writes a zh-CN digest for a rep whose language is Chinese, from a Chinese workbook, with escaped HTML', async () => {
    const data: FixtureData = {
      customers: [{ id: 'C1', company: '<b>华为</b>', phone: '+86 10 1234', owner: 'rep01@example.com' }],
      followups: [
        {
          id: 'F-1',
          customerId: 'C1',
          time: day('2026-11-01'),
          content: '报价 & 样品',
          nextDate: day('2026-11-20'),
          rep: 'rep01@example.com',
        },
      ],
      reps: reps(1, () => ({ language: 'zh-CN' })),
      settings: { ...BASE_SETTINGS, managerTeamSummary: true },
    };
    const rt = await runtimeWith(
      data,
      { timeZone: TZ, now: '2026-11-23T02:00:00Z', spreadsheetLocale: 'zh_CN' },
      'zh-CN',
    );
    const [result] = rt.fireTrigger<{ sent: string[] }>('onDailyReminders', { installAs: rt.owner });
    expect(result.error).toBeUndefined();
    expect(result.value?.sent).toEqual(['rep01@example.com', `team:${MANAGER}`]);
    const [digest, summary] = rt.mail.outbox;
    expect(digest.subject).toBe('SalesDesk 跟进提醒（2026-11-23）：逾期 1 条');
    expect(digest.body).toContain('已逾期 3 天（应于 2026-11-20 跟进）');
    expect(digest.htmlBody).toContain('&lt;b&gt;华为&lt;/b&gt;');
    expect(digest.htmlBody).toContain('报价 &amp; 样品');
    expect(digest.htmlBody).not.toContain('<b>华为</b>');
    expect(summary.to).toEqual([MANAGER]);
    expect(summary.subject).toContain('团队跟进概况');
    // The reads are one per sheet, whatever the row count: at most 5 for the reminders, and at most 7 for the
    // dashboard refresh that shares the add-on's one daily trigger.
    expect(result.calls['Range.getValues'] ?? 0).toBeLessThanOrEqual(12);
  });

  it("My follow-ups lists the user's items and marks one done in one write", async () => {
    const data: FixtureData = {
      customers: [
        { id: 'C1', company: 'Acme', owner: 'rep01@example.com' },
        { id: 'C2', company: 'Beta', owner: 'rep02@example.com' },
      ],
      followups: [
        {
          id: 'F-1',
          customerId: 'C1',
          time: day('2026-11-01'),
          nextDate: day('2026-11-20'),
          rep: 'rep01@example.com',
        },
        {
          id: 'F-2',
          customerId: 'C2',
          time: day('2026-11-01'),
          nextDate: day('2026-11-23'),
          rep: 'rep02@example.com',
        },
      ],
      reps: reps(2),
      settings: BASE_SETTINGS,
    };
    const rt = await runtimeWith(data, { timeZone: TZ, now: '2026-11-23T02:00:00Z' });
    const mine = rt.call<{ items: { key: string; kind: string; daysOverdue: number; followUpId: string }[] }>(
      'apiMyFollowUps',
      undefined,
      { user: 'rep01@example.com' },
    );
    expect(mine.items.map((i) => [i.key, i.kind, i.daysOverdue])).toEqual([['followup:F-1', 'overdue', 3]]);
    // Someone else's follow-up cannot be closed by a rep.
    expect(() =>
      rt.call(
        'apiMarkFollowUpDone',
        { source: 'followup', followUpId: 'F-2' },
        { user: 'rep01@example.com' },
      ),
    ).toThrow(/rep02@example.com/);
    const done = rt.call<{ customer: string }>(
      'apiMarkFollowUpDone',
      { source: 'followup', followUpId: 'F-1' },
      { user: 'rep01@example.com' },
    );
    expect(done.customer).toBe('Acme');
    const writes = Object.entries(rt.lastExecution!.calls).filter(([name]) =>
      /set(Value|Values)$/.test(name),
    );
    expect(writes.reduce((sum, [, count]) => sum + count, 0)).toBe(1);
    expect(
      rt.call<{ items: unknown[] }>('apiMyFollowUps', undefined, { user: 'rep01@example.com' }).items,
    ).toEqual([]);
  });

  it('the set-up workbook marks overdue next dates red and due-today amber (formulas evaluated by the runtime)', async () => {
    const rt = await LocalRuntime.create({
      timeZone: TZ,
      now: '2026-11-23T02:00:00Z',
      owner: 'owner@example.com',
      ...(process.env.SALESDESK_BUNDLE_DIR ? { bundleDir: process.env.SALESDESK_BUNDLE_DIR } : {}),
    });
    expect(rt.execute('menuSetupWorkbook', [], { user: 'owner@example.com' }).error).toBeUndefined();
    const store = rt.workbook as unknown as WorkbookStore;
    const zone = new ZoneDays(TZ);
    const date = (iso: string) => zone.midnightOf(dayNumberOfIso(iso));
    const followUps = store.sheetByName('Follow-ups')!;
    const header = rt.workbook.sheetValues('Follow-ups')[0].map(String);
    const col = (name: string) => header.indexOf(name);
    const rows = [
      { nextDate: date('2026-11-20'), done: false }, // row 2: overdue
      { nextDate: date('2026-11-23'), done: false }, // row 3: due today
      { nextDate: date('2026-11-20'), done: true }, // row 4: overdue but done
      { nextDate: date('2026-11-30'), done: false }, // row 5: later
    ].map((r, i) => {
      const row: unknown[] = header.map(() => '');
      row[col('ID')] = `F-${i + 1}`;
      row[col('Customer ID')] = 'C-1';
      row[col('Next date')] = r.nextDate;
      row[col('Rep')] = 'rep01@example.com';
      row[col('Done')] = r.done;
      return row;
    });
    expect(col('Next date')).toBeGreaterThanOrEqual(0);
    store.writeValues(
      followUps,
      { row: 2, column: 1, numRows: rows.length, numColumns: header.length },
      rows,
    );
    const colour = (row: number): string => {
      const hits = followUps.conditionalFormats.filter((rule) => {
        const formula = String(rule.values[0]).replace(/(\$[A-Z]+)2\b/g, `$1${row}`);
        const column = rule.ranges[0].column;
        return store.evaluateFormulaAt(followUps, formula, row, column) === true;
      });
      return hits.map((rule) => rule.format.background).join(',') || 'none';
    };
    expect([2, 3, 4, 5].map(colour)).toEqual(['#f4c7c3', '#fce8b2', 'none', 'none']);
    const customers = store.sheetByName('Customers')!;
    expect(customers.conditionalFormats.map((rule) => rule.format.background).sort()).toEqual([
      '#f4c7c3',
      '#fce8b2',
    ]);
  });
});
