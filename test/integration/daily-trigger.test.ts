/**
 * The add-on's one daily time-driven trigger (an editor add-on may have one per user per document) mails the
 * reminder digests and refreshes the Dashboard, at the Settings hour in the spreadsheet's time zone.
 */
import { sampleWorkbookRuntime } from '../support/built-workbooks';

const OWNER = { user: 'owner@example.com', locale: 'en' };

test('turning reminders on installs one trigger whose daily run mails digests and refreshes the dashboard', async () => {
  const rt = await sampleWorkbookRuntime({
    owner: OWNER.user,
    locale: OWNER.locale,
    now: '2026-11-23T06:00:00+08:00',
  });
  rt.call('menuTurnOnReminders', [], OWNER);
  expect(rt.triggers.all.filter((trigger) => trigger.eventType === 'CLOCK')).toHaveLength(1);
  const dashboardBefore = rt.workbook
    .sheetValues('Dashboard')
    .flat()
    .filter((cell) => cell !== '').length;

  expect(rt.fireDueTriggers()).toEqual([]); // 06:00 is before the reminder hour
  rt.clock.set(new Date('2026-11-23T09:20:00+08:00'));
  const runs = rt.fireDueTriggers();
  expect(runs).toHaveLength(1);
  expect(runs[0].error).toBeUndefined();
  expect(runs[0].logs.join('\n')).not.toMatch(/daily dashboard/);
  expect(rt.mail.outbox.length).toBeGreaterThan(0);
  const dashboardAfter = rt.workbook
    .sheetValues('Dashboard')
    .flat()
    .filter((cell) => cell !== '').length;
  expect(dashboardAfter).toBeGreaterThan(dashboardBefore + 20);
  expect(rt.fireDueTriggers()).toEqual([]); // once a day
});
