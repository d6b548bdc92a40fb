/**
 * The customer card in its reader's language, through the built bundle: a Chinese workbook's list values (industry,
 * stage, follow-up channel, deal status, opportunity stage, service type) are shown to an English reader in
 * English, and to a Chinese reader as the sheet holds them; the other way round for an English workbook read in
 * Chinese. Values the template's lists do not know stay as typed. Owner, a second manager and a rep (own customer).
 */
import { selectRow } from '../../dev/preview/workbook-view';
import type { LocalRuntime } from '../../runtime';
import type { CustomerCard } from '../../src/core/forms/card';
import { listLabel, listValueCode, SHEETS, type Language, type ListKey } from '../../templates';
import { sampleWorkbookRuntime } from '../support/built-workbooks';

const NOW = '2026-11-23T10:00:00+08:00';
const OWNER = 'owner@example.com';
const MANAGER = 'wang.fang@example.com';
const REP = 'li.qiang@example.com';

const other = (language: Language): Language => (language === 'en' ? 'zh-CN' : 'en');

/** The list behind a column of a sheet (from the template). */
function listOf(
  sheet: 'customers' | 'followups' | 'deals' | 'opportunities' | 'service',
  key: string,
): ListKey {
  const list = SHEETS[sheet].columns.find((column) => column.key === key)?.list;
  if (!list) throw new Error(`${sheet}.${key} is not a list column`);
  return list;
}

/** `value` (a label in either language) as the label of its item in `language`. */
function inLanguage(list: ListKey, value: string, language: Language): string {
  const code = listValueCode(list, value);
  if (code === undefined) throw new Error(`${value} is not in ${list}`);
  return listLabel(list, code, language) as string;
}

function cardOf(rt: LocalRuntime, user: string, locale: Language): CustomerCard {
  const result = rt.call<{ status: string; card: CustomerCard; message?: string }>(
    'apiCustomerCard',
    undefined,
    {
      user,
      locale,
    },
  );
  expect(result.message).toBeUndefined();
  expect(result.status).toBe('ok');
  return result.card;
}

describe.each(['zh-CN', 'en'] as const)('a %s workbook', (workbook) => {
  const reader = other(workbook);
  let rt: LocalRuntime;

  beforeAll(async () => {
    rt = await sampleWorkbookRuntime({ owner: OWNER, now: NOW, locale: workbook });
    // The rep's first customer with follow-ups and deals, selected as a person would.
    const name = SHEETS.customers.names[workbook];
    const values = rt.workbook.sheetValues(name);
    const header = values[0];
    const owner = header.indexOf(SHEETS.customers.columns.find((c) => c.key === 'owner')!.headers[workbook]);
    const row = values.findIndex((r, i) => i > 0 && String(r[owner]).toLowerCase() === REP) + 1;
    expect(row).toBeGreaterThan(1);
    selectRow(rt, name, row);
  });

  it.each([OWNER, MANAGER, REP])(
    '%s reads list values in their own language, and as the sheet holds them',
    (user) => {
      const same = cardOf(rt, user, workbook);
      const translated = cardOf(rt, user, reader);
      // The card of the workbook's language shows the sheet as it is.
      for (const key of ['industry', 'stage'] as const) {
        const value = same.details[key] ?? '';
        expect(value).not.toBe('');
        expect(value).toBe(inLanguage(listOf('customers', key), value, workbook));
        expect(translated.details[key]).toBe(inLanguage(listOf('customers', key), value, reader));
        expect(translated.details[key]).not.toBe(value);
      }
      // Everything else on the card is the same.
      expect(translated.details.company).toBe(same.details.company);
      expect(translated.details.id).toBe(same.details.id);
      expect(same.followUps.length + same.deals.length).toBeGreaterThan(0);
      same.followUps.forEach((item, i) => {
        expect(translated.followUps[i].content).toBe(item.content);
        if (item.channel)
          expect(translated.followUps[i].channel).toBe(
            inLanguage(listOf('followups', 'channel'), item.channel, reader),
          );
      });
      same.deals.forEach((item, i) => {
        expect(translated.deals[i].amount).toBe(item.amount);
        if (item.status)
          expect(translated.deals[i].status).toBe(inLanguage(listOf('deals', 'status'), item.status, reader));
      });
      (same.opportunities ?? []).forEach((item, i) => {
        expect(translated.opportunities?.[i].stage).toBe(
          inLanguage(listOf('opportunities', 'stage'), item.stage, reader),
        );
      });
      (same.service?.items ?? []).forEach((item, i) => {
        if (item.type)
          expect(translated.service?.items[i].type).toBe(
            inLanguage(listOf('service', 'type'), item.type, reader),
          );
      });
    },
  );

  it('a value the lists do not know is shown as typed', () => {
    const name = SHEETS.customers.names[workbook];
    const values = rt.workbook.sheetValues(name);
    const header = values[0];
    const industry = header.indexOf(
      SHEETS.customers.columns.find((c) => c.key === 'industry')!.headers[workbook],
    );
    const row = rt.workbook.data.activeRange?.rect.row ?? 0;
    expect(row).toBeGreaterThan(1);
    const sheet = rt.workbook.requireSheet(name);
    const before = values[row - 1][industry];
    rt.workbook.writeValues(sheet, { row, column: industry + 1, numRows: 1, numColumns: 1 }, [['Platinum+']]);
    expect(cardOf(rt, OWNER, reader).details.industry).toBe('Platinum+');
    rt.workbook.writeValues(sheet, { row, column: industry + 1, numRows: 1, numColumns: 1 }, [[before]]);
  });
});
