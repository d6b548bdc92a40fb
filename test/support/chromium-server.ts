/**
 * One Chromium for every browser test file of a jest run (jest globalSetup / globalTeardown, jest.config.js):
 * launching Debian's Chromium costs about 2 s of CPU, and a dozen files each launched their own. The server's
 * address goes to the workers in SALESDESK_CHROMIUM_WS; launchChromium (test/support/browser.ts) connects to it,
 * and each file's pages open in their own browser contexts as before. Not started when Chromium is missing (the
 * browser tests then fail with the install command) or when the run's path pattern names no browser test.
 */
import * as fs from 'node:fs';
import { chromium, type BrowserServer } from 'playwright-core';

export const CHROMIUM = '/usr/bin/chromium';
/** Background services would try to reach Google and be refused, many at a time: turn them off. */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

let server: BrowserServer | undefined;

function wantsBrowser(pattern: string | undefined): boolean {
  if (!pattern) return true;
  try {
    return new RegExp(pattern, 'i').test('test/browser/x.test.ts');
  } catch {
    return true;
  }
}

export async function startSharedChromium(globalConfig?: { testPathPattern?: string }): Promise<void> {
  if (
    process.env.SALESDESK_CHROMIUM_WS ||
    !fs.existsSync(CHROMIUM) ||
    !wantsBrowser(globalConfig?.testPathPattern)
  )
    return;
  server = await chromium.launchServer({ executablePath: CHROMIUM, args: CHROMIUM_ARGS, headless: true });
  process.env.SALESDESK_CHROMIUM_WS = server.wsEndpoint();
}

export async function stopSharedChromium(): Promise<void> {
  await server?.close();
  server = undefined;
}
