import { canEditCustomer, isManager, parseEmailList, visibleRows } from '../../src/core/roles';

describe('roles', () => {
  const facts = { user: 'rep@x.com', owner: 'Boss@X.com', managers: 'lead@x.com， Other@x.com; third@x.com' };
  it('parses manager lists with any separator, case-insensitive', () => {
    expect(parseEmailList(facts.managers)).toEqual(['lead@x.com', 'other@x.com', 'third@x.com']);
  });
  it('the owner and listed managers are managers; others and unknown users are not', () => {
    expect(isManager({ ...facts, user: 'boss@x.com' })).toBe(true);
    expect(isManager({ ...facts, user: 'OTHER@x.com' })).toBe(true);
    expect(isManager(facts)).toBe(false);
    expect(isManager({ ...facts, user: '', owner: '' })).toBe(false);
  });
  it('reps edit and see only their own customers', () => {
    expect(canEditCustomer(facts, 'REP@x.com')).toBe(true);
    expect(canEditCustomer(facts, 'someone@x.com')).toBe(false);
    expect(visibleRows(facts, [{ o: 'rep@x.com' }, { o: 'b@x.com' }], (row) => row.o)).toHaveLength(1);
    expect(
      visibleRows({ ...facts, user: 'lead@x.com' }, [{ o: 'a' }, { o: 'b' }], (row) => row.o),
    ).toHaveLength(2);
  });
});
