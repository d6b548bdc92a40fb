/**
 * Issue 3 bench: the rep forms' server calls on a large workbook (20 000 customers, 60 000 deals, 40 000
 * follow-ups). Each save is a constant number of service calls (one read per sheet it needs, one append, one or
 * two writes on the customer row) whatever the size; what grows is cells moved by the reads.
 */
import { LocalRuntime } from '../../runtime';
import { salesWorkbook } from '../../test/integration/helpers/sales-workbook';
import type { BenchCase } from '../types';

const NOW = new Date('2026-03-15T02:00:00Z');
const EVE = { user: 'eve@example.com', locale: 'en' };
const SIZES = { customers: 20_000, deals: 60_000, followups: 40_000 };

const setup = () =>
  LocalRuntime.create({
    workbook: salesWorkbook({ ...SIZES, now: NOW }),
    now: NOW,
    owner: 'owner@example.com',
  });

/** One of Eve's customers (what the picker would offer her). */
function firstCustomer(rt: LocalRuntime): string {
  const list = rt.call<{ customers: { id: string }[] }>('apiListCustomers', undefined, EVE);
  return list.customers[0].id;
}

export const cases: BenchCase[] = [
  {
    name: 'sidebar bootstrap (locale, role, lists)',
    rows: SIZES.customers,
    setup,
    run: (rt) => rt.execute('apiBootstrap', [], EVE),
  },
  {
    name: 'customer picker list for a rep (20 000 customers)',
    rows: SIZES.customers,
    setup,
    run: (rt) => rt.execute('apiListCustomers', [], EVE),
  },
  {
    name: 'save new customer with duplicate check (20 000 customers)',
    rows: SIZES.customers,
    setup,
    run: (rt) =>
      rt.execute(
        'apiSaveCustomer',
        [
          {
            customer: {
              company: 'Bench Co',
              contact: 'Bench Person',
              phone: '+86 139 9999 0000',
              email: 'bench@x.example',
            },
          },
        ],
        EVE,
      ),
  },
  {
    name: 'log follow-up (+ customer last contact / next follow-up)',
    rows: SIZES.customers + SIZES.followups,
    setup,
    run: (rt) =>
      rt.execute(
        'apiSaveFollowUp',
        [
          {
            customerId: firstCustomer(rt),
            time: '2026-03-15T09:30',
            channel: 'Phone',
            content: 'Bench',
            nextDate: '2026-03-22',
          },
        ],
        EVE,
      ),
  },
  {
    name: 'log deal (+ customer totals and tier over 60 000 deals)',
    rows: SIZES.customers + SIZES.deals,
    setup,
    run: (rt) =>
      rt.execute(
        'apiSaveDeal',
        [
          {
            customerId: firstCustomer(rt),
            product: 'Starter plan',
            amount: '1200',
            currency: 'CNY',
            date: '2026-03-14',
            status: 'Won',
          },
        ],
        EVE,
      ),
  },
];
