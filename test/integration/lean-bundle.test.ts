/**
 * Issue 12, what the lean build changes must not change: the message catalogue the bundle carries as one JSON text
 * (scripts/build.ts, lazy-catalogue) is exactly the source catalogue, in both languages, as a sidebar receives it.
 */
import * as path from 'node:path';
import { LocalRuntime } from '../../runtime';
import { catalogKeys, messagesOf } from '../../src/core/i18n';

const distDir = process.env.SALESDESK_DIST ?? path.resolve(__dirname, '../../dist');
const NOW = new Date('2026-03-16T02:00:00Z');
const OWNER = 'owner@example.com';

describe('the catalogue in dist/Code.js', () => {
  it.each(['en', 'zh-CN'] as const)('is the source catalogue, every key and text (%s)', async (locale) => {
    const rt = await LocalRuntime.create({
      bundleDir: distDir,
      now: NOW,
      owner: OWNER,
      addOnName: 'SalesDesk',
    });
    const boot = rt.execute<{ locale: string; messages: Record<string, string> }>('apiBootstrap', [], {
      user: OWNER,
      locale,
    });
    expect(boot.error).toBeUndefined();
    expect(boot.value?.locale).toBe(locale);
    expect(boot.value?.messages).toEqual(messagesOf(locale));
    expect(Object.keys(boot.value?.messages ?? {}).length).toBeGreaterThanOrEqual(catalogKeys('en').length);
  });
});
