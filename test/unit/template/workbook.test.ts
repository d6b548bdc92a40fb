import { normaliseHeader, readTable } from '../../../src/core/table';
import {
  CONDITIONAL_FORMATS,
  LIST_KEYS,
  LISTS,
  PROTECTIONS,
  SHEET_KEYS,
  SHEETS,
  columnHeaders,
  columnSpec,
  listLabel,
  listValueCode,
  sheetNames,
} from '../../../templates';

const CONTRACT_COLUMNS: Record<string, string> = {
  customers:
    'id company contact position phone email address industry region size source customerType stage level potentialValue owner reassign created lastContact nextFollowUp totalPurchases orderCount firstPurchase lastPurchase tier notes updatedBy updatedAt',
  deals:
    'id customerId date product amount currency paymentMethod status expectedClose notes rep updatedBy updatedAt',
  followups: 'id customerId time channel content result nextStep nextDate rep done',
  service:
    'id customerId time type content result satisfaction nextPlan nextDate rep closed updatedBy updatedAt',
  reps: 'name email active role weight capacity regions industries outOfOfficeUntil language maxNewPerDay',
  assignmentLog: 'time runId customerId customer fromRep toRep pool reason by undone',
  settings: 'key value description',
  lists:
    'industry region size source customerType stage channel result product currency paymentMethod dealStatus role tier opportunityStage stageProbability serviceType',
  dashboard: '',
  opportunities:
    'id customerId source description stage probability expectedClose amount currency owner nextStep nextStepDate reason created updated dealId',
  stageHistory: 'time opportunityId fromStage toStage by via',
};

describe('workbook template', () => {
  it.each(SHEET_KEYS)('%s has exactly the column keys of CONTRACTS.md', (key) => {
    expect(SHEETS[key].columns.map((column) => column.key)).toEqual(
      CONTRACT_COLUMNS[key].split(' ').filter(Boolean),
    );
  });

  it.each(SHEET_KEYS)('%s: no header text (any language, alias) names two columns', (key) => {
    const owner = new Map<string, string>();
    for (const spec of columnHeaders(key)) {
      for (const header of spec.headers) {
        const text = normaliseHeader(header);
        const previous = owner.get(text);
        if (previous !== undefined && previous !== spec.key)
          throw new Error(`${key}: "${header}" is ${previous} and ${spec.key}`);
        owner.set(text, spec.key);
      }
    }
  });

  it('no sheet name belongs to two sheets', () => {
    const owner = new Map<string, string>();
    for (const key of SHEET_KEYS) {
      for (const name of sheetNames(key)) {
        const text = normaliseHeader(name);
        expect([undefined, key]).toContain(owner.get(text));
        owner.set(text, key);
      }
    }
  });

  it('reads a sheet whose headers are in the other language, reordered', () => {
    const zhHeaders = SHEETS.deals.columns.map((column) => column.headers['zh-CN']).reverse();
    const table = readTable([zhHeaders, zhHeaders.map(() => 'x')], columnHeaders('deals'));
    expect(table.missing).toEqual([]);
    expect(table.columns.id).toBe(zhHeaders.length - 1);
  });

  it('every list column points at a list; formats and protections name real columns', () => {
    for (const key of SHEET_KEYS) {
      for (const column of SHEETS[key].columns) {
        if (column.type === 'list' && column.list) expect(LIST_KEYS).toContain(column.list);
        if (column.validation?.kind === 'list') expect(LIST_KEYS).toContain(column.validation.list);
        if (column.validation?.kind === 'sheetColumn')
          expect(columnSpec(column.validation.sheet, column.validation.column)).toBeDefined();
      }
    }
    for (const format of CONDITIONAL_FORMATS) {
      for (const column of format.columns) expect(columnSpec(format.sheet, column)).toBeDefined();
      for (const [, placeholder] of format.formula.matchAll(/\{(\w+)\}/g))
        expect(columnSpec(format.sheet, placeholder)).toBeDefined();
    }
    for (const protection of PROTECTIONS)
      for (const column of protection.columns ?? [])
        expect(columnSpec(protection.sheet, column)).toBeDefined();
  });
});

describe('list catalogue', () => {
  it('maps labels of either language and aliases to the code', () => {
    expect(listValueCode('stage', '洽谈中')).toBe('negotiating');
    expect(listValueCode('stage', ' Negotiating ')).toBe('negotiating');
    expect(listValueCode('dealStatus', '成交')).toBe('won');
    expect(listValueCode('currency', 'rmb')).toBe('CNY');
    expect(listValueCode('tier', 'VIP')).toBe('vip');
    expect(listValueCode('customerType', '流失客户')).toBe('lost');
    expect(listValueCode('stage', 'nonsense')).toBeUndefined();
    expect(listValueCode('stage', '')).toBeUndefined();
    expect(listLabel('stage', 'signed', 'zh-CN')).toBe('已签约');
  });

  it.each(LIST_KEYS)('%s: codes unique, every label maps back to its own code', (key) => {
    const codes = LISTS[key].items.map((item) => item.code);
    expect(new Set(codes).size).toBe(codes.length);
    for (const item of LISTS[key].items) {
      expect(listValueCode(key, item.en)).toBe(item.code);
      expect(listValueCode(key, item['zh-CN'])).toBe(item.code);
      for (const alias of item.aliases ?? []) expect(listValueCode(key, alias)).toBe(item.code);
    }
  });
});
