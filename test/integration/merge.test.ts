/**
 * Merge duplicates (issue 14 §5) through the built bundle: groups found across full-width and case differences and
 * through transitive links; confirm with the defaults moves deals and follow-ups to the survivor, removes the
 * others from Customers, recomputes the survivor's purchases as Refresh tiers does, and logs the merge; undo puts
 * every cell back; a changed group writes nothing; a manager added to Settings after set-up may merge, a rep may
 * not; the same in a Chinese workbook.
 */
import type { LocalRuntime } from '../../runtime';
import {
  dataSnapshot,
  NEW_MANAGER,
  OWNER,
  plantDuplicates,
  records,
  sampleRuntime,
  SAMPLE_MANAGER,
  sheetName,
  type Language,
  type Planted,
} from './merge/fixture';

jest.setTimeout(120_000);

/** Customers kept from the sample (and what refers to them): the merge rules are the point, not the sheet's size. */
const SMALL = 40;

interface Group {
  fingerprint: string;
  ids: string[];
  survivor: string;
  why: string;
  reasons: string[];
  members: { id: string; linked: number; company: string }[];
  fields: { key: string; label: string; options: { value: string; members: string[] }[]; pick: number }[];
}
interface Preview {
  summary: string;
  total: number;
  groups: Group[];
  last: { mergeId: string } | null;
}
interface Confirm {
  status: string;
  message: string;
  mergeId?: string;
  removed?: number;
  moved?: number;
  preview?: Preview;
}

function preview(rt: LocalRuntime, user: string, locale: Language = 'en'): Preview {
  const result = rt.execute<Preview>('apiPreviewMerge', [], { user, locale });
  if (result.error) throw result.error;
  return result.value as Preview;
}

function decisionsOf(groups: Group[]) {
  return groups.map((group) => ({
    members: group.ids,
    fingerprint: group.fingerprint,
    survivor: group.survivor,
  }));
}

function confirm(rt: LocalRuntime, user: string, decisions: unknown[], locale: Language = 'en') {
  return rt.execute<Confirm>('apiConfirmMerge', [decisions], { user, locale });
}

function activeRep(rt: LocalRuntime, language: Language): string {
  return String(
    records(rt, 'reps', language).find((rep) => rep.active === true && !/wang\.fang/.test(String(rep.email)))
      ?.email,
  );
}

describe.each(['en', 'zh-CN'] as const)('merge duplicates in a %s workbook', (language) => {
  let rt: LocalRuntime;
  let planted: Planted;

  beforeAll(async () => {
    rt = await sampleRuntime(language, SMALL);
    planted = plantDuplicates(rt, language);
  });

  it('finds the transitive group and the company + contact pair, with defaults', () => {
    const found = preview(rt, SAMPLE_MANAGER, language);
    expect(found.total).toBe(2);
    const [first, second] = found.groups;
    expect(first.ids).toEqual([String(planted.original.id), planted.emailTwin, planted.phoneTwin]);
    expect(first.reasons).toEqual(['email', 'phone']);
    expect(first.survivor).toBe(String(planted.original.id)); // the oldest record
    expect(first.members.map((m) => m.linked)).toEqual([expect.any(Number), 2, 1]);
    // Newest non-empty value by default: the notes typed on the twin beat the sample's.
    const notes = first.fields.find((field) => field.key === 'notes');
    expect(notes?.options[notes.pick].members).toEqual([planted.emailTwin]);
    expect(second.ids).toEqual([String(planted.nameOriginal.id), planted.nameTwin]);
    expect(second.reasons).toEqual(['companyContact']);
    if (language === 'zh-CN') {
      expect(found.summary).toBe('共 2 组疑似重复（涉及 5 位客户）。');
      expect(first.why).toBe('邮箱相同、电话相同');
      expect(notes?.label).toBe('备注');
    } else {
      expect(found.summary).toBe('2 groups of likely duplicates (5 customers).');
      expect(first.why).toBe('same e-mail, same phone');
    }
  });

  it('a rep is refused and nothing changes', () => {
    const rep = activeRep(rt, language);
    const before = dataSnapshot(rt, language);
    const refusedPreview = rt.execute('apiPreviewMerge', [], { user: rep, locale: language });
    expect(refusedPreview.error?.message).toMatch(
      language === 'en' ? /^Only a manager can do this\./ : /^只有经理/,
    );
    const groups = preview(rt, SAMPLE_MANAGER, language).groups;
    const refused = confirm(rt, rep, decisionsOf(groups), language);
    expect(refused.error?.message).toMatch(language === 'en' ? /^Only a manager can do this\./ : /^只有经理/);
    const undo = rt.execute('apiUndoMerge', [], { user: rep, locale: language });
    expect(undo.error).toBeDefined();
    expect(dataSnapshot(rt, language)).toBe(before);
  });

  it('a group changed since the preview: nothing written, the new groups come back', () => {
    const groups = preview(rt, SAMPLE_MANAGER, language).groups;
    const before = dataSnapshot(rt, language);
    const stale = decisionsOf(groups);
    stale[0] = { ...stale[0], fingerprint: 'not-the-one' };
    const result = confirm(rt, SAMPLE_MANAGER, stale, language);
    expect(result.error).toBeUndefined();
    expect(result.value?.status).toBe('changed');
    expect(result.value?.preview?.total).toBe(2);
    expect(dataSnapshot(rt, language)).toBe(before);
  });

  it('merges with the defaults, then undo puts every cell back', () => {
    const beforeData = dataSnapshot(rt, language);
    const logBefore = records(rt, 'assignmentLog', language).length;
    const groups = preview(rt, SAMPLE_MANAGER, language).groups;
    const survivor = String(planted.original.id);
    const dealsOfTwin = records(rt, 'deals', language).filter(
      (d) => d.customerId === planted.emailTwin,
    ).length;
    const result = confirm(rt, SAMPLE_MANAGER, decisionsOf(groups), language);
    expect(result.error).toBeUndefined();
    expect(result.value).toMatchObject({ status: 'done', removed: 3, moved: 4 });

    const customers = records(rt, 'customers', language);
    const ids = customers.map((c) => String(c.id));
    for (const gone of [planted.emailTwin, planted.phoneTwin, planted.nameTwin])
      expect(ids).not.toContain(gone);
    const kept = customers.find((c) => c.id === survivor) as Record<string, unknown>;
    expect(kept.notes).toBe('Met at the Shanghai fair');
    expect(kept.address).toBe('1 New Road'); // the newest record's (C-0902)
    expect(
      records(rt, 'deals', language).filter((d) => d.customerId === survivor).length,
    ).toBeGreaterThanOrEqual(dealsOfTwin);
    for (const key of ['deals', 'followups'] as const)
      for (const row of records(rt, key, language))
        expect([planted.emailTwin, planted.phoneTwin, planted.nameTwin, 'c-0901']).not.toContain(
          row.customerId,
        );

    // The log: one row per merged-away customer, who and when, the reason naming the survivor.
    const log = records(rt, 'assignmentLog', language).slice(logBefore);
    expect(log.map((row) => row.customerId)).toEqual([
      planted.emailTwin,
      planted.phoneTwin,
      planted.nameTwin,
    ]);
    expect(new Set(log.map((row) => row.runId))).toEqual(new Set([result.value?.mergeId]));
    expect(
      log.every((row) => row.by === SAMPLE_MANAGER && row.time instanceof Date && row.undone === false),
    ).toBe(true);
    expect(String(log[0].reason)).toContain(survivor);

    // The survivor's purchases are what Refresh tiers computes from the moved deals.
    const purchases = (): unknown[] => {
      const row = records(rt, 'customers', language).find((c) => c.id === survivor) as Record<
        string,
        unknown
      >;
      return [
        row.totalPurchases,
        row.orderCount,
        String(row.firstPurchase),
        String(row.lastPurchase),
        row.tier,
      ];
    };
    const merged = purchases();
    const tiers = rt.execute('menuRefreshTiers', [], { user: SAMPLE_MANAGER, locale: language });
    expect(tiers.error).toBeUndefined();
    expect(purchases()).toEqual(merged);

    // Undo: every cell of Customers, Deals and Follow-ups as before; the log rows marked undone.
    const undo = rt.execute<{ status: string; restored: number; movedBack: number; message: string }>(
      'apiUndoMerge',
      [],
      { user: SAMPLE_MANAGER, locale: language },
    );
    expect(undo.error).toBeUndefined();
    expect(undo.value).toMatchObject({ status: 'done', restored: 3, movedBack: 4 });
    expect(dataSnapshot(rt, language)).toBe(beforeData);
    expect(
      records(rt, 'assignmentLog', language)
        .slice(logBefore)
        .every((row) => row.undone === true),
    ).toBe(true);
    const again = rt.execute<{ status: string }>('apiUndoMerge', [], {
      user: SAMPLE_MANAGER,
      locale: language,
    });
    expect(again.value?.status).toBe('nothing');
  });
});

describe('who may merge', () => {
  it('a manager typed into Settings after set-up merges with chosen survivor and values; the menu undoes', async () => {
    const rt = await sampleRuntime('en', SMALL);
    const planted = plantDuplicates(rt, 'en');
    const settings = rt.workbook.sheetValues('Settings');
    const row = settings.findIndex((r) => r[0] === 'managers') + 1;
    const [edit] = rt.edit('Settings', `B${row}`, `${String(settings[row - 1][1])}, ${NEW_MANAGER}`, {
      user: OWNER,
    });
    expect(edit.error).toBeUndefined();
    const before = dataSnapshot(rt, 'en');
    const [group] = preview(rt, NEW_MANAGER).groups;
    // Keep the e-mail twin, with the original's phone.
    const phone = group.fields.find((field) => field.key === 'phone');
    expect(phone).toBeDefined();
    const originalId = String(planted.original.id);
    const result = confirm(rt, NEW_MANAGER, [
      {
        members: group.ids,
        fingerprint: group.fingerprint,
        survivor: planted.emailTwin,
        picks: { phone: originalId },
      },
    ]);
    expect(result.error).toBeUndefined();
    expect(result.value?.status).toBe('done');
    const customers = records(rt, 'customers', 'en');
    expect(customers.map((c) => c.id)).not.toContain(originalId);
    const kept = customers.find((c) => c.id === planted.emailTwin) as Record<string, unknown>;
    expect(kept.phone).toBe(planted.original.phone);
    expect(kept.company).toBe('Another name'); // by default the newest record's (C-0902, created last)
    // The other group is still there.
    expect(preview(rt, NEW_MANAGER).total).toBe(1);
    rt.execute('menuUndoLastMerge', [], { user: NEW_MANAGER });
    expect(rt.ui.alerts.at(-1)?.prompt).toContain(String(result.value?.mergeId));
    expect(dataSnapshot(rt, 'en')).toBe(before);
  });

  it('a manager typed in while no trigger syncs the protections is told who can fix it; nothing is written', async () => {
    const rt = await sampleRuntime('en', SMALL);
    plantDuplicates(rt, 'en');
    rt.triggers.all.splice(0, rt.triggers.all.length); // the on-edit trigger turned off by hand
    const settings = rt.workbook.sheetValues('Settings');
    const row = settings.findIndex((r) => r[0] === 'managers') + 1;
    rt.edit('Settings', `B${row}`, `${String(settings[row - 1][1])}, ${NEW_MANAGER}`, { user: OWNER });
    const before = dataSnapshot(rt, 'en');
    const logBefore = rt.workbook.sheetValues('Assignment log');
    const groups = preview(rt, NEW_MANAGER).groups;
    const refused = confirm(rt, NEW_MANAGER, decisionsOf(groups));
    expect(refused.error?.message).toMatch(
      /^Nothing was changed: you cannot edit Assignment log \(protected\)\./,
    );
    expect(dataSnapshot(rt, 'en')).toBe(before);
    expect(rt.workbook.sheetValues('Assignment log')).toEqual(logBefore);
    expect(rt.workbook.data.sheets.some((sheet) => sheet.name === 'SalesDesk state')).toBe(false);
  });

  it('live tier formulas stay in place and compute the survivor from its moved deals; undo keeps them too', async () => {
    const rt = await sampleRuntime('en', SMALL);
    const planted = plantDuplicates(rt, 'en');
    const manager = { user: SAMPLE_MANAGER, locale: 'en' };
    expect(rt.execute('menuUseLiveTierFormulas', [], manager).error).toBeUndefined();
    const header = rt.workbook.sheetValues('Customers')[0];
    const totalColumn = header.indexOf('Total purchases');
    const formulas = (): unknown[] => rt.workbook.sheetFormulas('Customers')[1].filter((f) => f !== '');
    const before = formulas();
    expect(before.length).toBeGreaterThanOrEqual(5);
    const beforeData = dataSnapshot(rt, 'en');
    const total = (id: string): number =>
      Number(rt.workbook.sheetValues('Customers').find((row) => row[0] === id)?.[totalColumn]);
    const survivor = String(planted.original.id);
    const expected = total(survivor) + total(planted.emailTwin);
    const result = confirm(rt, SAMPLE_MANAGER, decisionsOf(preview(rt, SAMPLE_MANAGER).groups));
    expect(result.value?.status).toBe('done');
    expect(formulas()).toEqual(before);
    expect(total(survivor)).toBeCloseTo(expected, 6);
    expect(rt.execute('apiUndoMerge', [], manager).value).toMatchObject({ status: 'done' });
    expect(formulas()).toEqual(before);
    expect(dataSnapshot(rt, 'en')).toBe(beforeData);
    // Slow in the local runtime only: the formula engine recomputes SUMIFS over whole columns after each write.
  }, 900_000);

  it('the menu item opens the sidebar for a manager and refuses a rep with an alert', async () => {
    const rt = await sampleRuntime('en', SMALL);
    const opened = rt.execute('menuMergeDuplicates', [], { user: SAMPLE_MANAGER });
    expect(opened.error).toBeUndefined();
    expect(rt.ui.sidebars.at(-1)?.title).toBe('Merge duplicates');
    const rep = activeRep(rt, 'en');
    rt.execute('menuMergeDuplicates', [], { user: rep });
    expect(rt.ui.alerts.at(-1)?.prompt).toMatch(/^Only a manager can do this\./);
    expect(sheetName('customers', 'en')).toBe('Customers');
  });
});
