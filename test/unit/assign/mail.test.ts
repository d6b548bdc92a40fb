/** Rep e-mails: one per rep, in the rep's language, escaped, long lists cut with a count. */
import { leadMails, MAIL_LIST_LIMIT, type PlannedAssignment } from '../../../src/core/assign';
import { rep } from './helpers';

const assignment = (row: number, toRep: string, customer = `Co ${row}`): PlannedAssignment => ({
  row,
  customerId: `C${row}`,
  customer,
  fromRep: '',
  toRep,
  pool: 'team',
  reason: { code: 'team' },
});

describe('lead mails', () => {
  it('sends one mail per rep in the rep language, escaping user text', () => {
    const mails = leadMails(
      [rep('a@x.com', { name: 'A <i>' }), rep('b@x.com', { language: '中文' }), rep('c@x.com')],
      [assignment(2, 'a@x.com', '<script>x</script>'), assignment(3, 'b@x.com'), assignment(4, 'a@x.com')],
      'en',
      'https://docs.google.com/spreadsheets/d/1',
    );
    expect(mails.map((m) => [m.to, m.subject])).toEqual([
      ['a@x.com', 'SalesDesk: 2 new leads for you'],
      ['b@x.com', 'SalesDesk：您有 1 条新线索'],
    ]);
    expect(mails[0].htmlBody).toContain('&lt;script&gt;x&lt;/script&gt;');
    expect(mails[0].htmlBody).toContain('Hello A &lt;i&gt;');
    expect(mails[0].htmlBody).not.toMatch(/<script|<i>/);
  });

  it('lists at most the limit and counts the rest', () => {
    const many = Array.from({ length: MAIL_LIST_LIMIT + 5 }, (_, i) => assignment(i + 2, 'a@x.com'));
    const [mail] = leadMails([rep('a@x.com')], many, 'en', '');
    expect((mail.htmlBody.match(/<li>/g) ?? []).length).toBe(MAIL_LIST_LIMIT + 1);
    expect(mail.body).toContain('…and 5 more.');
  });
});
