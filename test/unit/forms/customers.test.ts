/** Customer look-ups of the rep forms: summaries, duplicates, search, ids. */
import { readTable } from '../../../src/core/table';
import {
  customerSummaries,
  findDuplicates,
  nextId,
  phoneKey,
  searchCustomers,
} from '../../../src/core/forms/customers';

const specs = ['id', 'company', 'contact', 'phone', 'email', 'owner', 'lastContact'].map((key) => ({
  key,
  headers: [key],
}));
// Columns deliberately out of the template's order, with a user's own column in between.
const table = readTable(
  [
    ['Phone', 'my notes', 'contact', 'id', 'company', 'email', 'owner', 'lastContact'],
    [
      '138-0013-8000',
      'x',
      '张伟',
      'C-0007',
      '华东机电',
      'zw@hd.cn',
      'Amy@Example.com',
      new Date('2026-11-01T00:00:00Z'),
    ],
    ['', '', '', '', '', '', '', ''],
    ['+86 139 1111 2222', '', 'Li Na', 'C-0012', 'Acme Ltd', 'li@acme.com', 'bob@example.com', ''],
    ['021 6888 1234', '', 'Wang Fang', 'C-0003', 'Acme Ltd', '', 'amy@example.com', ''],
  ],
  specs.map((s) => (s.key === 'phone' ? { key: 'phone', headers: ['Phone'] } : s)),
);

describe('customerSummaries', () => {
  it('reads by header, skips blank rows and keeps sheet row numbers', () => {
    const list = customerSummaries(table);
    expect(list.map((c) => [c.row, c.id, c.owner])).toEqual([
      [2, 'C-0007', 'amy@example.com'],
      [4, 'C-0012', 'bob@example.com'],
      [5, 'C-0003', 'amy@example.com'],
    ]);
    expect(list[0].lastContact).toBe('2026-11-01');
  });
});

describe('findDuplicates', () => {
  const all = customerSummaries(table);
  it('matches e-mail case-insensitively, phone by digits, company + contact together', () => {
    expect(findDuplicates(all, { email: 'LI@acme.com ' }).map((m) => [m.customer.id, m.reasons])).toEqual([
      ['C-0012', ['email']],
    ]);
    expect(findDuplicates(all, { phone: '13800138000' }).map((m) => m.customer.id)).toEqual(['C-0007']);
    expect(findDuplicates(all, { phone: '8613911112222' }).map((m) => m.customer.id)).toEqual(['C-0012']);
    expect(findDuplicates(all, { company: 'acme ltd', contact: 'wang  fang' })[0].reasons).toEqual([
      'companyContact',
    ]);
  });
  it('does not match on company alone or on short numbers', () => {
    expect(findDuplicates(all, { company: 'Acme Ltd', contact: 'Someone Else' })).toEqual([]);
    expect(findDuplicates(all, { phone: '12' })).toEqual([]);
    expect(findDuplicates(all, {})).toEqual([]);
  });
});

describe('searchCustomers', () => {
  const all = customerSummaries(table);
  it('finds by name, company and phone digits', () => {
    expect(searchCustomers(all, '张').map((c) => c.id)).toEqual(['C-0007']);
    expect(searchCustomers(all, 'acme').map((c) => c.id)).toEqual(['C-0012', 'C-0003']);
    expect(searchCustomers(all, 'acme wang').map((c) => c.id)).toEqual(['C-0003']);
    expect(searchCustomers(all, '0013 8000').map((c) => c.id)).toEqual(['C-0007']);
    expect(searchCustomers(all, 'nobody')).toEqual([]);
    expect(searchCustomers(all, '  ')).toHaveLength(3);
  });
});

describe('ids and phones', () => {
  it('continues the largest numbered id with its prefix and width', () => {
    expect(nextId(['C-0007', 'C-0012', '', 'C-0003'], 'C-')).toBe('C-0013');
    expect(nextId([], 'D-')).toBe('D-0001');
    expect(nextId(['CUS99'], 'C-')).toBe('CUS100');
  });
  it('compares phones by digits', () => {
    expect(phoneKey('+86 138-0013-8000')).toBe(phoneKey('13800138000'));
    expect(phoneKey('(021) 6888 1234')).toBe('2168881234');
  });
});
