/**
 * One language per shared sheet (issue 13 §3), through the CLI and the built bundle: whoever refreshes — an
 * English-speaking manager on the Chinese 看板, a Chinese one on an English Dashboard, the daily trigger — the
 * Dashboard's headings and labels, the tiers and the assignment log stay in the workbook's language, while the
 * messages to the person running it are in theirs. Every run at a fixed --now.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { main } from '../../cli/salesdesk';
import { LocalRuntime } from '../../runtime';
import { t, type Locale } from '../../src/core/i18n';
import { listLabel, SHEETS } from '../../templates';

jest.setTimeout(180_000);

const NOW = '2026-11-23T09:00';
const MANAGER = 'wang.fang@example.com';
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'salesdesk-language-'));

async function cli(...argv: string[]): Promise<{ code: number; out: string }> {
  let out = '';
  const write = (text: string) => void (out += text.endsWith('\n') ? text : `${text}\n`);
  const code = await main([...argv, '--now', NOW], { stdout: write, stderr: write });
  return { code, out };
}

const other = (locale: Locale): Locale => (locale === 'en' ? 'zh-CN' : 'en');

describe.each(['zh-CN', 'en'] as const)(
  'a %s workbook refreshed by someone in the other language',
  (language) => {
    const book = path.join(dir, `${language}.xlsx`);
    const refreshed = path.join(dir, `${language}-refreshed.xlsx`);
    const visitor = other(language);

    beforeAll(async () => {
      expect((await cli('setup', '--out', book, '--locale', language, '--sample')).code).toBe(0);
    });

    it('keeps the Dashboard, its tier labels and the tiers in the workbook language', async () => {
      const dash = await cli(
        'dashboard',
        '--in',
        book,
        '--out',
        refreshed,
        '--as',
        MANAGER,
        '--locale',
        visitor,
      );
      expect(dash.code).toBe(0);
      const rt = await LocalRuntime.fromXlsx(refreshed);
      expect(rt.workbook.sheetByName(SHEETS.dashboard.names[visitor])).toBeUndefined();
      const text = rt.workbook.sheetValues(SHEETS.dashboard.names[language]).flat().map(String).join('\n');
      expect(text).toContain(t(language, 'dashboard.section.reps'));
      expect(text).not.toContain(t(visitor, 'dashboard.section.reps'));
      expect(text).toContain(listLabel('tier', 'potential', language) as string);

      const tiers = await cli('tiers', '--in', refreshed, '--locale', visitor, '--json');
      const json = JSON.parse(tiers.out) as { customers: { tier: string }[] };
      const labels = new Set(json.customers.map((c) => c.tier));
      expect(labels.has(listLabel('tier', 'potential', language) as string)).toBe(true);
      expect(labels.has(listLabel('tier', 'potential', visitor) as string)).toBe(false);
    });

    it('the daily trigger, installed by a manager of the other language, writes the workbook language too', async () => {
      const rt = await LocalRuntime.fromXlsx(book, {
        now: '2026-11-23T06:00:00+08:00',
        owner: 'owner@salesdesk.example',
      });
      const manager = { user: MANAGER, locale: visitor === 'en' ? 'en_US' : 'zh_CN' };
      rt.call('menuTurnOnReminders', undefined, manager);
      rt.clock.set(new Date('2026-11-23T09:20:00+08:00'));
      const runs = rt.fireDueTriggers();
      expect(runs).toHaveLength(1);
      expect(runs[0].error).toBeUndefined();
      const text = rt.workbook.sheetValues(SHEETS.dashboard.names[language]).flat().map(String).join('\n');
      expect(text).toContain(t(language, 'dashboard.section.reps'));
      expect(text).not.toContain(t(visitor, 'dashboard.section.reps'));
    });

    it('assignment writes its log in the workbook language and speaks the manager’s', async () => {
      const out = path.join(dir, `${language}-assigned.xlsx`);
      const run = await cli('assign', '--in', book, '--out', out, '--as', MANAGER, '--locale', visitor);
      expect(run.code).toBe(0);
      const rt = await LocalRuntime.fromXlsx(out);
      const log = rt.workbook.sheetValues(SHEETS.assignmentLog.names[language]);
      expect(log.length).toBeGreaterThan(1);
      const cells = log.slice(1).flat().map(String).join('\n');
      // "Round robin among reps matching: …" in the workbook's language, never the manager's.
      const matched = (locale: Locale) => t(locale, 'assign.reason.matched', { rules: '' });
      expect(cells).toContain(matched(language));
      expect(cells).not.toContain(matched(visitor));
      expect(run.out).toContain(visitor === 'en' ? 'Assigned' : '已分配');
    });
  },
);
