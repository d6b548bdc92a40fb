/**
 * The merged catalogue is complete: every key exists, non-empty, in en and zh-CN, with the same placeholders; and
 * English counts agree with their nouns ("1 lead", never "1 leads").
 */
import { catalogs } from '../../src/core/i18n/catalog';
import { catalogKeys, placeholderNames, t } from '../../src/core/i18n';

const placeholders = placeholderNames;

describe('message catalogue', () => {
  const en = new Set(catalogKeys('en'));
  const zh = new Set(catalogKeys('zh-CN'));

  it('has every key in both languages', () => {
    expect([...en].filter((key) => !zh.has(key))).toEqual([]);
    expect([...zh].filter((key) => !en.has(key))).toEqual([]);
  });

  it('has no empty message', () => {
    const empty = [...en]
      .flatMap((key) => [
        t('en', key).trim() === '' ? `en:${key}` : '',
        t('zh-CN', key).trim() === '' ? `zh-CN:${key}` : '',
      ])
      .filter(Boolean);
    expect(empty).toEqual([]);
  });

  it('uses the same placeholders in both languages', () => {
    const mismatched = [...en].filter(
      (key) => zh.has(key) && placeholders(t('en', key)).join() !== placeholders(t('zh-CN', key)).join(),
    );
    expect(mismatched).toEqual([]);
  });

  it('has each feature catalogue complete on its own (no key defined in one language only)', () => {
    for (const catalog of catalogs) {
      expect(Object.keys(catalog['zh-CN']).sort()).toEqual(Object.keys(catalog.en).sort());
    }
  });

  it('has Chinese text in the zh-CN forms messages (not English left in place)', () => {
    const english = [...zh]
      .filter((key) => key.startsWith('forms.') || key.startsWith('ui.'))
      // Latin letters without any Chinese: English left untranslated (punctuation-only messages are fine).
      .filter(
        (key) =>
          !/[\u4e00-\u9fff]/.test(t('zh-CN', key)) &&
          /[A-Za-z]{3,}/.test(t('zh-CN', key).replace(/\{\w+\}/g, '')),
      );
    expect(english).toEqual([]);
  });

  it('names the menu where it really is: Extensions → SalesDesk → … (扩展程序 → SalesDesk → …)', () => {
    const wrong = (['en', 'zh-CN'] as const).flatMap((locale) =>
      catalogKeys(locale)
        .map((key) => ({ key, text: t(locale, key) }))
        .filter(({ text }) => /SalesDesk →/.test(text.replace(/(Extensions|扩展程序) → SalesDesk →/g, '')))
        .map(({ key }) => `${locale}:${key}`),
    );
    expect(wrong).toEqual([]);
  });

  describe('English plurals', () => {
    /** Every message with every parameter set to `n` (ids and names become "n" too: harmless for the check). */
    const rendered = (n: number) =>
      catalogKeys('en').map((key) => {
        const names = placeholderNames(t('en', key));
        return { key, text: t('en', key, Object.fromEntries(names.map((name) => [name, n]))) };
      });
    // Words ending in s that follow a count without being a plural noun ("1 is required", "1 stays unassigned").
    const NOT_PLURAL = new Set(['is', 'was', 'has', 'belongs', 'stays', 'matches', 'runs', 'as']);

    it('never puts a plural noun after the number 1 ("1 leads", "1 new leads")', () => {
      const wrong = rendered(1).flatMap(({ key, text }) =>
        [...text.matchAll(/(?<![\d.,])\b1 (?:new |tier )?([A-Za-z-]+s)\b/g)]
          .filter((match) => !NOT_PLURAL.has(match[1].toLowerCase()))
          .map((match) => `${key}: "${match[0]}" in "${text}"`),
      );
      expect(wrong).toEqual([]);
    });

    it('puts the plural after other numbers ("2 leads", "0 rows")', () => {
      const nouns =
        'lead|customer|rep|row|day|deal|error|warning|cell|sheet|change|setting|problem|assignment|follow-up';
      for (const n of [0, 2, 21]) {
        const wrong = rendered(n).filter(({ text }) =>
          new RegExp(`\\b${n} (?:new )?(?:${nouns})\\b(?!-)`).test(text),
        );
        expect(wrong).toEqual([]);
      }
    });

    it('chooses forms by Intl.PluralRules, exact matches first, and leaves Chinese without plural forms', () => {
      expect(t('en', 'assign.preview.confirm', { count: 1 })).toBe('Assign 1 lead');
      expect(t('en', 'assign.preview.confirm', { count: 3 })).toBe('Assign 3 leads');
      expect(t('en', 'remind.item.overdue', { days: 1, date: '2026-11-30' })).toBe(
        '1 day overdue (due 2026-11-30)',
      );
      expect(t('zh-CN', 'assign.preview.confirm', { count: 1 })).not.toMatch(/plural|#/);
      expect(placeholderNames('{a, plural, one {# x} other {# xs}} and {b}')).toEqual(['a', 'b']);
    });
  });
});
