/** SalesDesk → Use live tier formulas: the menu puts the template's array formulas in, and they agree with the
 * values Refresh tiers wrote. */
import { sampleWorkbookRuntime } from '../support/built-workbooks';

const OWNER = { user: 'owner@example.com', locale: 'en' };

test('live tier formulas from the menu compute the same tiers as Refresh tiers', async () => {
  const rt = await sampleWorkbookRuntime({
    owner: OWNER.user,
    locale: OWNER.locale,
    now: '2026-11-23T10:00:00+08:00',
  });
  rt.call('menuRefreshTiers', [], OWNER);
  const tierColumn = rt.workbook.sheetValues('Customers')[0].indexOf('Tier');
  const tiersOf = (): unknown[] =>
    rt.workbook
      .sheetValues('Customers')
      .slice(1)
      .filter((row) => row[0] !== '')
      .map((row) => row[tierColumn]);
  const asValues = tiersOf();

  const run = rt.execute('menuUseLiveTierFormulas', [], OWNER);
  expect(run.error).toBeUndefined();
  expect(rt.ui.toasts.at(-1)?.message).toMatch(/Live formulas now compute/);
  expect(String(rt.workbook.sheetFormulas('Customers')[1][tierColumn])).toMatch(/^=ARRAYFORMULA\(/i);
  expect(tiersOf()).toEqual(asValues);

  const rep = { user: String(rt.workbook.sheetValues('Reps')[2][1]), locale: 'en' };
  rt.execute('menuUseLiveTierFormulas', [], rep);
  expect(rt.ui.alerts.at(-1)?.prompt).toMatch(/Only a manager can do this/);
});
