/** The merged catalogue is complete: every key exists, non-empty, in en and zh-CN, with the same placeholders. */
import { catalogs } from '../../src/core/i18n/catalog';
import { catalogKeys, t } from '../../src/core/i18n';

const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

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
});
