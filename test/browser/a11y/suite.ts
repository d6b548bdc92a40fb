/**
 * Accessible, correct sidebars (issue 13 §2 and §4) in Debian chromium against the built bundle, through the preview
 * server's bridge, in en and zh-CN: axe-core (test-only, injected into the page; never bundled) finds no WCAG 2.1
 * A/AA violation in any sidebar, colour contrast included; every control shows a focus ring when reached with Tab;
 * a failed save focuses the first invalid field; the title is shown once (Sheets draws it above the page); a
 * sidebar whose start-up fails shows a title, the reason and Retry; Help explains the menu; someone not in Reps is
 * told so. Screenshots of Help and of the not-in-Reps notice go to test-output/screenshots.
 */
import type { Browser, Page } from 'playwright-core';
import { type PreviewServer } from '../../../dev/preview/server';
import { selectRow } from '../../../dev/preview/workbook-view';
import type { LocalRuntime } from '../../../runtime';
import { catalogKeys, translator } from '../../../src/core/i18n';
import {
  screenshotSidebar,
  openDemo,
  closeBrowserAndPreview,
  openSidebarPage,
  newSidebarTab,
  bridgeIdle,
  axeViolations,
  DIST_DIR,
} from '../../support/browser';

export type Locale = 'en' | 'zh-CN';

let preview: PreviewServer;
let rt: LocalRuntime;
let browser: Browser;
let manager: string;
let rep: string;
const pageErrors: string[] = [];

/** Each sidebar, who opens it, and what shows it has finished loading. */
const SIDEBARS: { name: string; titleKey: string; as: () => string; ready: string }[] = [
  { name: 'new-customer', titleKey: 'forms.newCustomer.title', as: () => rep, ready: '#company' },
  { name: 'log-follow-up', titleKey: 'forms.logFollowUp.title', as: () => rep, ready: '.list, .secondary' },
  { name: 'log-deal', titleKey: 'forms.logDeal.title', as: () => rep, ready: '.list, .secondary' },
  { name: 'log-opportunity', titleKey: 'opps.title', as: () => rep, ready: '.list, .secondary' },
  { name: 'log-service', titleKey: 'service.logService.title', as: () => rep, ready: '.list, .secondary' },
  { name: 'customer-card', titleKey: 'forms.card.title', as: () => manager, ready: '.details, .message' },
  { name: 'my-follow-ups', titleKey: 'myfu.title', as: () => rep, ready: '.fu-section, .fu-none' },
  {
    name: 'assign-preview',
    titleKey: 'assign.preview.title',
    as: () => manager,
    ready: '[data-testid="summary"]',
  },
  {
    name: 'check-report',
    titleKey: 'checks.report.title',
    as: () => manager,
    ready: '[data-testid="summary"], .message',
  },
  { name: 'import-csv', titleKey: 'data.import.title', as: () => rep, ready: 'input[type=file]' },
  { name: 'help', titleKey: 'help.title', as: () => rep, ready: '.menu-help' },
];

async function open(name: string, user: string, locale: Locale, ready?: string): Promise<Page> {
  const page = await openSidebarPage(browser, preview, { name, user, locale }, pageErrors);
  if (ready) await page.waitForSelector(ready, { state: 'attached' });
  await bridgeIdle(page);
  return page;
}

/**
 * Tabs through every control and returns those without a visible focus indicator: while focused, an outline of at
 * least 2 px whose colour stands out 3:1 against the white panel around it (WCAG 1.4.11; SalesDesk's rings stand
 * off the control, so the panel is what they are seen against). A box-shadow in the button's own blue, the old
 * ring of the blue buttons, does not count.
 *
 * Real Tab presses; the page notes the focused control's style as each press ends (on the Tab's keyup, once focus
 * has moved), and the notes are read once at the end instead of a round trip to the page after every press.
 */
async function controlsWithoutFocusRing(page: Page): Promise<string[]> {
  type FocusState = { label: string; visible: boolean; detail: string } | null;
  const count = await page.evaluate(() => {
    const notes: FocusState[] = [];
    (window as unknown as { __focusNotes: FocusState[] }).__focusNotes = notes;
    const luminance = (css: string) => {
      const [r, g, b] = (css.match(/[\d.]+/g) ?? ['0', '0', '0']).slice(0, 3).map((v) => {
        const c = Number(v) / 255;
        return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
      });
      return 0.2126 * r + 0.7152 * g + 0.0722 * b;
    };
    window.addEventListener(
      'keyup',
      (event) => {
        if (event.key !== 'Tab') return;
        const element = document.activeElement as HTMLElement | null;
        if (!element || element === document.body) {
          notes.push(null);
          return;
        }
        const style = getComputedStyle(element);
        const ring = style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) >= 2;
        const contrast = (1 + 0.05) / (luminance(style.outlineColor) + 0.05);
        const label = `${element.tagName.toLowerCase()}#${element.id || ''}.${element.className || ''}`;
        notes.push({
          label,
          visible: ring && contrast >= 3,
          detail: `${style.outlineStyle} ${style.outlineWidth} ${style.outlineColor}`,
        });
      },
      true,
    );
    (document.activeElement as HTMLElement | null)?.blur();
    return document.querySelectorAll(
      'button:not([disabled]):not([tabindex="-1"]), input:not([disabled]), select, textarea, a[href], [tabindex="0"]',
    ).length;
  });
  for (let index = 0; index < count + 2; index += 1) await page.keyboard.press('Tab');
  const notes = await page.evaluate(() => (window as unknown as { __focusNotes: FocusState[] }).__focusNotes);
  // Every press left a note (focus stays in the page: past the last control it goes to the body).
  expect(notes).toHaveLength(count + 2);
  const missing: string[] = [];
  const seen = new Set<string>();
  for (const state of notes) {
    if (!state || seen.has(state.label)) continue;
    seen.add(state.label);
    if (!state.visible) missing.push(`${state.label} (${state.detail})`);
  }
  return missing;
}

/**
 * The checks for `locales`; each locale's test file (a11y-en, a11y-zh-CN) runs its own, so the two run side by side
 * on two cores instead of one after the other.
 */
export function a11ySuite(locales: readonly Locale[]): void {
  beforeAll(async () => {
    ({ rt, preview, browser } = await openDemo(DIST_DIR));
    manager = (rt.owner ?? 'owner@example.com').toLowerCase();
    // The sample's second rep: a plain rep who owns customers and has follow-ups.
    const reps = rt.workbook
      .sheetValues('Reps')
      .slice(1)
      .map((row) => row.find((value) => typeof value === 'string' && value.includes('@')) as string);
    rep = reps[1].toLowerCase();
    // The customer card shows the selected row.
    selectRow(rt, 'Customers', 2);
  }, 120_000);

  afterAll(() => closeBrowserAndPreview(browser, preview));

  afterEach(() => {
    expect(pageErrors).toEqual([]);
    pageErrors.length = 0;
  });

  describe.each(locales)('every sidebar (%s)', (locale) => {
    const t = translator(locale);
    it.each(SIDEBARS.map((s) => [s.name, s] as const))(
      '%s: no WCAG 2.1 AA violation, a focus ring on every control, the title once',
      async (_name, sidebar) => {
        const page = await open(sidebar.name, sidebar.as(), locale, sidebar.ready);
        expect(await axeViolations(page)).toEqual([]);
        expect(await controlsWithoutFocusRing(page)).toEqual([]);
        // The title heads the page for screen readers but is not drawn again under Sheets' own title bar.
        const title = t(sidebar.titleKey);
        const visibleTitles = await page.evaluate((text) => {
          return [...document.querySelectorAll('main *')].filter((element) => {
            const box = element.getBoundingClientRect();
            return element.textContent?.trim() === text && box.width > 1 && box.height > 1;
          }).length;
        }, title);
        expect(await page.textContent('h1')).toBe(title);
        expect(visibleTitles).toBe(0);
        // Every text is found, in the server's share of the catalogue or the sidebar's own (issue 12): no bare key.
        const shown = await page.evaluate(() =>
          [
            document.body.innerText,
            ...[...document.querySelectorAll('[title], [aria-label], [placeholder]')].flatMap((element) =>
              ['title', 'aria-label', 'placeholder'].map((name) => element.getAttribute(name) ?? ''),
            ),
          ].join('\n'),
        );
        expect(catalogKeys('en').filter((key) => shown.includes(key))).toEqual([]);
        await page.close();
      },
      60_000,
    );
  });

  describe.each(locales)('forms (%s)', (locale) => {
    const t = translator(locale);
    it('focuses the first invalid field after a failed save, and the error state passes axe', async () => {
      const page = await open('new-customer', rep, locale, '#company');
      await page.click('#save');
      await page.waitForSelector('[aria-invalid="true"]');
      await page.waitForFunction(() => document.activeElement?.getAttribute('aria-invalid') === 'true');
      const focused = await page.evaluate(() => document.activeElement?.id);
      const firstInvalid = await page.evaluate(
        () => document.querySelector('main [aria-invalid="true"]')?.id,
      );
      expect(focused).toBe(firstInvalid);
      expect(await page.textContent('[data-testid="message-error"]')).toContain(t('forms.invalid'));
      // Error text in red on white, and the invalid borders, measured by axe.
      expect(await axeViolations(page)).toEqual([]);
      await page.close();
    }, 60_000);
  });

  describe.each(locales)('a sidebar whose start-up fails (%s)', (locale) => {
    const t = translator(locale);
    it('shows a title, the reason and Retry, and Retry loads it', async () => {
      const page = await newSidebarTab(browser, { locale });
      page.on('pageerror', (error) => pageErrors.push(`page error: ${error.message}`));
      let failures = 0;
      const reason = t('common.missingSheet', { sheet: 'Reps' });
      await page.route('**/run/apiBootstrap', async (route) => {
        if (failures > 0) return route.continue();
        failures += 1;
        return route.fulfill({
          status: 200,
          contentType: 'application/json',
          body: JSON.stringify({ ok: false, error: `Exception: ${reason}` }),
        });
      });
      await page.goto(`${preview.url}/sidebar/log-deal?as=${encodeURIComponent(rep)}&locale=${locale}`);
      await page.waitForSelector('[data-testid="load-failed"]');
      expect(await page.textContent('h1')).toBe(
        t('ui.loadFailed.title', { title: t('forms.logDeal.title') }),
      );
      expect(await page.textContent('[data-testid="load-failed"]')).toBe(reason);
      expect(await page.evaluate(() => document.activeElement?.id)).toBe('retry');
      expect(await page.textContent('#retry')).toBe(t('ui.retry'));
      expect(await axeViolations(page)).toEqual([]);
      await screenshotSidebar(page, `load-failed-${locale}`);
      await page.click('#retry');
      await page.waitForSelector('#save');
      expect(await page.$('[data-testid="load-failed"]')).toBeNull();
      await page.close();
    }, 60_000);
  });

  describe.each(locales)('Help and the first steps (%s)', (locale) => {
    const t = translator(locale);
    it('explains every menu item, the first steps, roles, data and mobile', async () => {
      const page = await open('help', rep, locale, '.menu-help');
      const text = (await page.textContent('main')) ?? '';
      for (const key of [
        'menu.setup',
        'help.item.setup',
        'menu.newCustomer',
        'help.item.assign',
        'help.manager.1',
        'help.rep.1',
        'help.roles.none',
        'help.data.text',
        'help.mobile.text',
      ])
        expect(text).toContain(t(key));
      await screenshotSidebar(page, `help-${locale}`);
      await page.close();
    }, 60_000);

    it('tells someone not in Reps so in My follow-ups, not "Nothing due"', async () => {
      const page = await open('my-follow-ups', 'visitor@example.com', locale, '[data-testid="not-in-reps"]');
      expect(await page.textContent('[data-testid="not-in-reps"]')).toBe(
        t('myfu.notInReps', { email: 'visitor@example.com' }),
      );
      expect(await page.$('.fu-none')).toBeNull();
      expect(await axeViolations(page)).toEqual([]);
      await screenshotSidebar(page, `my-follow-ups-not-in-reps-${locale}`);
      await page.close();
    }, 60_000);
  });
}
