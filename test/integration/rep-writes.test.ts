/**
 * A rep's sidebar saves run as that rep, so every range they write must be one a rep may edit once set-up has
 * applied the template's protections (a managers-only range refuses the whole write, as in Google Sheets).
 */
import { sampleWorkbookRuntime } from '../support/built-workbooks';

const OWNER = { user: 'owner@example.com', locale: 'en' };

test('on a set-up workbook a rep can save a customer, a follow-up and a deal for their own customer', async () => {
  const rt = await sampleWorkbookRuntime({
    owner: OWNER.user,
    locale: OWNER.locale,
    now: '2026-11-23T10:00:00+08:00',
  });
  const reps = rt.workbook.sheetValues('Reps');
  const [email, role, active] = ['E-mail', 'Role', 'Active'].map((h) => reps[0].indexOf(h));
  const rep = String(reps.find((row) => row[role] === 'Rep' && row[active] === true)?.[email]);
  expect(rep).toMatch(/@/);
  const who = { user: rep, locale: 'en' };

  const customer = rt.call<{ status: string; id: string }>(
    'apiSaveCustomer',
    {
      customer: {
        contact: 'Lin Wei',
        company: 'Protected Co',
        phone: '+86 139 0000 1111',
        owner: rep,
        level: 3,
      },
      allowDuplicate: true,
    },
    who,
  );
  expect(customer.status).toBe('saved');

  const followUp = rt.call<{ status: string }>(
    'apiSaveFollowUp',
    {
      customerId: customer.id,
      time: '2026-11-23T10:00:00+08:00',
      channel: 'Phone',
      content: 'Intro call',
      nextDate: '2026-11-30',
    },
    who,
  );
  expect(followUp.status).toBe('saved');

  const deal = rt.call<{ status: string; tier: string }>(
    'apiSaveDeal',
    {
      customerId: customer.id,
      product: 'Starter plan',
      amount: '1200',
      currency: 'CNY',
      date: '2026-11-23',
      status: 'Won',
    },
    who,
  );
  expect(deal.status).toBe('saved');
  expect(deal.tier).not.toBe('');

  // After-sales service: logging and closing a complaint write only ranges a rep may edit.
  const service = rt.call<{ status: string; id: string }>(
    'apiSaveService',
    { customerId: customer.id, time: '2026-11-23T11:00', type: 'Complaint', content: 'Login is slow' },
    who,
  );
  expect(service.status).toBe('saved');
  const closed = rt.call<{ status: string }>(
    'apiCloseService',
    { id: service.id, result: 'Cache cleared', satisfaction: '4' },
    who,
  );
  expect(closed.status).toBe('closed');
});
