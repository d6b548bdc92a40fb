/** Customer card assembly and what a follow-up or deal changes on the customer. */
import { readTable } from '../../../src/core/table';
import { buildCustomerCard, customerIdFromRow } from '../../../src/core/forms/card';
import { followUpCustomerUpdate } from '../../../src/core/forms/updates';

const spec = (keys: string[]) => keys.map((key) => ({ key, headers: [key] }));
const customers = readTable(
  [
    ['id', 'contact', 'company', 'owner'],
    ['C-1', '<img src=x onerror=alert(1)>', 'Acme', 'a@x.com'],
    ['C-2', 'Other', 'B', 'b@x.com'],
  ],
  spec(['id', 'contact', 'company', 'owner']),
);
const followUps = readTable(
  [
    ['id', 'customerId', 'time', 'content'],
    ['F-1', 'C-1', new Date('2026-11-01T02:00:00Z'), 'first'],
    ['F-2', 'C-2', new Date('2026-11-02T02:00:00Z'), 'not this one'],
    ['F-3', 'c-1', new Date('2026-11-05T02:00:00Z'), 'latest'],
    ['F-4', 'C-1', new Date('2026-10-01T02:00:00Z'), 'oldest'],
  ],
  spec(['id', 'customerId', 'time', 'content']),
);
const deals = readTable(
  [
    ['id', 'customerId', 'date', 'amount', 'status'],
    ['D-1', 'C-1', new Date('2026-03-01T00:00:00Z'), 1000, 'Won'],
    ['D-2', 'C-1', new Date('2026-09-01T00:00:00Z'), 250.1, 'Won'],
    ['D-3', 'C-1', new Date('2026-10-01T00:00:00Z'), 9999, 'Lost'],
    ['D-4', 'C-2', new Date('2026-10-01T00:00:00Z'), 5, 'Won'],
  ],
  spec(['id', 'customerId', 'date', 'amount', 'status']),
);

describe('buildCustomerCard', () => {
  it('collects the customer’s follow-ups and deals, newest first', () => {
    const card = buildCustomerCard(customers, 0, followUps, deals);
    expect(card.row).toBe(2);
    expect(card.details.contact).toBe('<img src=x onerror=alert(1)>');
    expect(card.followUps.map((f) => f.id)).toEqual(['F-3', 'F-1', 'F-4']);
    expect(card.deals.map((d) => d.id)).toEqual(['D-3', 'D-2', 'D-1']);
    expect(card.deals[1].amount).toBe(250.1);
  });
  it('works without the history sheets', () => {
    const card = buildCustomerCard(customers, 1, null, null);
    expect(card.followUps).toEqual([]);
    expect(card.deals).toEqual([]);
  });
  it('finds the customer of a selected row', () => {
    expect(customerIdFromRow(customers, 3, 'id')).toBe('C-2');
    expect(customerIdFromRow(customers, 1, 'id')).toBeNull();
    expect(customerIdFromRow(deals, 5, 'customerId')).toBe('C-2');
  });
});

describe('followUpCustomerUpdate', () => {
  it('moves last contact forward and sets the next date', () => {
    expect(
      followUpCustomerUpdate(
        { lastContact: '2026-10-01', nextFollowUp: '2026-11-03' },
        '2026-11-03',
        '2026-11-20',
      ),
    ).toEqual({
      lastContact: '2026-11-03',
      nextFollowUp: '2026-11-20',
    });
  });
  it('keeps a later last contact for a back-dated entry', () => {
    expect(followUpCustomerUpdate({ lastContact: '2026-11-10', nextFollowUp: '' }, '2026-11-01', '')).toEqual(
      {
        lastContact: '2026-11-10',
        nextFollowUp: '',
      },
    );
  });
  it('clears a due follow-up that this contact fulfilled, keeps a later planned one', () => {
    expect(
      followUpCustomerUpdate({ lastContact: '', nextFollowUp: '2026-11-01' }, '2026-11-03', '').nextFollowUp,
    ).toBe('');
    expect(
      followUpCustomerUpdate({ lastContact: '', nextFollowUp: '2026-12-01' }, '2026-11-03', '').nextFollowUp,
    ).toBe('2026-12-01');
  });
});
