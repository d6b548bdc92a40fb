/**
 * What every browser test shares: Debian's Chromium started headless with the flags this closed network needs
 * (never a downloaded browser), and screenshots of a 300 px sidebar grown to its content.
 */
import * as fs from 'node:fs';
import * as http from 'node:http';
import type { AddressInfo } from 'node:net';
import * as path from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { CHROMIUM, CHROMIUM_ARGS } from './chromium-server';
import type { LocalRuntime } from '../../runtime';
import { startPreview, type PreviewServer } from '../../dev/preview/server';
import { demoWorkbookRuntime, DIST_DIR } from './built-workbooks';

export { DIST_DIR };

/** The one time every browser test's demo workbook is made at, so no test or screenshot depends on the wall clock. */
export const SCREENSHOT_NOW = '2026-11-23T10:00:00+08:00';

/** Markup a user might type: every text a sidebar shows must render it as text, never run it. */
export const XSS = '<img src=x onerror=alert(1)>';

export const SCREENSHOT_DIR = path.resolve(__dirname, '../../test-output/screenshots');

/** What to run when Chromium is missing (scripts/ensure-browser.sh does it when `npm test` runs as root). */
export const BROWSER_INSTALL_COMMAND = 'sudo apt-get install -y chromium fonts-wqy-zenhei';

/**
 * Chromium for a browser test file: the run's shared Chromium when jest started one (test/support/chromium-server.ts,
 * `close()` then only disconnects), else one of its own.
 */
export function launchChromium(): Promise<Browser> {
  if (!fs.existsSync(CHROMIUM))
    return Promise.reject(new Error(`browser tests need ${CHROMIUM}: ${BROWSER_INSTALL_COMMAND}`));
  const shared = process.env.SALESDESK_CHROMIUM_WS;
  if (shared) return chromium.connect(shared);
  return chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS, headless: true });
}

/**
 * A browser test file's demo workbook (made at SCREENSHOT_NOW), the preview server serving its sidebars, and
 * Chromium; `closeBrowserAndPreview` ends the last two after the file's tests.
 */
export async function openDemo(
  distDir: string,
): Promise<{ rt: LocalRuntime; preview: PreviewServer; browser: Browser }> {
  const rt = await demoWorkbookRuntime(distDir, SCREENSHOT_NOW);
  const preview = await startPreview({ runtime: rt, port: 0, distDir });
  return { rt, preview, browser: await launchChromium() };
}

export async function closeBrowserAndPreview(
  browser: Browser | undefined,
  preview: PreviewServer | undefined,
): Promise<void> {
  await browser?.close();
  await preview?.close();
  await closeAxeServer();
}

const AXE_FILE = require.resolve('axe-core/axe.min.js');
let axeServer: Promise<{ server: http.Server; url: string }> | undefined;

/**
 * axe-core (test-only, never bundled) at a URL on 127.0.0.1 that Chromium may cache: `addScriptTag({ path })` sent
 * its 650 KB through the protocol and had the page compile it anew each time, ~0.1 s of CPU; from a cached URL a
 * page fetches it from memory and V8 reuses the compiled script (~0.04 s).
 */
function axeScriptUrl(): Promise<string> {
  axeServer ??= (async () => {
    const source = await fs.promises.readFile(AXE_FILE);
    const server = http.createServer((_request, response) => {
      response.writeHead(200, {
        'content-type': 'text/javascript; charset=utf-8',
        'cache-control': 'public, max-age=86400, immutable',
      });
      response.end(source);
    });
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(0, '127.0.0.1', () => resolve());
    });
    return { server, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/axe.min.js` };
  })();
  return axeServer.then((served) => served.url);
}

async function closeAxeServer(): Promise<void> {
  const served = await axeServer;
  axeServer = undefined;
  if (!served) return;
  served.server.closeAllConnections();
  await new Promise<void>((resolve) => served.server.close(() => resolve()));
}

/**
 * axe-core's WCAG 2.1 A and AA rules (tags wcag2a, wcag2aa, wcag21a, wcag21aa) on the whole document as it is now;
 * one line per violating node (rule, target, axe's summary). Loads axe into the page first.
 */
export async function axeViolations(page: Page): Promise<string[]> {
  await page.addScriptTag({ url: await axeScriptUrl() });
  const result = (await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run: (ctx: unknown, opts: unknown) => Promise<unknown> } })
      .axe;
    return axe.run(document, {
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] },
      resultTypes: ['violations'],
    });
  })) as { violations: { id: string; nodes: { target: string[]; failureSummary?: string }[] }[] };
  return result.violations.flatMap((violation) =>
    violation.nodes.map((node) => `${violation.id}: ${node.target.join(' ')} — ${node.failureSummary ?? ''}`),
  );
}

/** Tallest page a screenshot takes whole (pixels). */
const MAX_SHOT_HEIGHT = 8000;

/**
 * Saves `test-output/screenshots/<fileName>.png` of a sidebar page. The action row is pinned to the bottom as in
 * Sheets, so the page grows to its content for the shot (nothing hidden under the buttons) and then returns to
 * the 300×900 panel.
 */
export async function screenshotSidebar(page: Page, fileName: string): Promise<void> {
  fs.mkdirSync(SCREENSHOT_DIR, { recursive: true });
  const height = await page.evaluate(() => document.documentElement.scrollHeight);
  // The whole page, never cut (Help is ~3 000 px); a page past the cap is a layout bug worth a failing test.
  if (height > MAX_SHOT_HEIGHT) throw new Error(`${fileName}: page is ${height} px, over ${MAX_SHOT_HEIGHT}`);
  await page.setViewportSize({ width: 300, height: Math.max(600, height) });
  await page.screenshot({ path: path.join(SCREENSHOT_DIR, `${fileName}.png`) });
  await page.setViewportSize({ width: 300, height: 900 });
}

/** Pages their tests have closed, kept open for the next test in the same language (newSidebarTab). */
const idlePages = new WeakMap<Browser, Map<string, Page[]>>();

/**
 * A 300 px wide page (`height` tall, 900 by default) in `locale`, as a test's own: its `close()` puts it back for the
 * next test of the file instead of closing it. Creating a page costs Chromium about 0.8 s of CPU on this machine,
 * and a sidebar test opens one or more; a page put back has its listeners (dialog, page errors) and routes removed.
 * It keeps its last document until the next test navigates it (every caller's first step), so that test starts
 * from a new document (the sidebars keep nothing in cookies or storage): going to about:blank in between cost
 * Chromium ~0.15 s of CPU a test, in that navigation and in the next one. Pages end with the browser.
 */
export async function newSidebarTab(
  browser: Browser,
  options: { locale: string; height?: number },
): Promise<Page> {
  let byLocale = idlePages.get(browser);
  if (!byLocale) idlePages.set(browser, (byLocale = new Map()));
  let idle = byLocale.get(options.locale);
  if (!idle) byLocale.set(options.locale, (idle = []));
  let tab = idle.pop();
  while (tab?.isClosed()) tab = idle.pop();
  if (!tab) tab = await browser.newPage({ viewport: { width: 300, height: 900 }, locale: options.locale });
  const height = options.height ?? 900;
  if (tab.viewportSize()?.height !== height) await tab.setViewportSize({ width: 300, height });
  const page = tab;
  const pool = idle;
  page.close = async () => {
    for (const event of ['dialog', 'pageerror', 'console', 'request', 'response'] as const)
      page.removeAllListeners(event);
    await page.unrouteAll({ behavior: 'ignoreErrors' });
    pool.push(page);
  };
  return page;
}

/**
 * A new page showing sidebar `name` of the preview server as `user` in `locale` (a 300 px panel, `height` tall),
 * once its title is in the page. Dialogs are dismissed; they and page errors go to `problems`, which the tests
 * expect to stay empty. Each caller then waits for what shows its sidebar has loaded.
 */
export async function openSidebarPage(
  browser: Browser,
  preview: PreviewServer,
  page: { name: string; user: string; locale: string; height?: number },
  problems: string[],
): Promise<Page> {
  const tab = await newSidebarTab(browser, page);
  tab.on('dialog', (dialog) => {
    problems.push(`dialog: ${dialog.message()}`);
    void dialog.dismiss();
  });
  tab.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  await tab.goto(
    `${preview.url}/sidebar/${page.name}?as=${encodeURIComponent(page.user)}&locale=${page.locale}`,
  );
  await tab.waitForSelector('main.sidebar h1', { state: 'attached' });
  return tab;
}

/** Waits until the preview bridge has no google.script.run call in flight. */
export async function bridgeIdle(page: Page): Promise<void> {
  await page.waitForFunction(() => !(window as unknown as { __previewCalls?: number }).__previewCalls);
}

/** Picks a customer in a form sidebar's customer picker (changing the one picked, if any). */
export async function pickCustomer(page: Page, query: string, id: string): Promise<void> {
  if (await page.$('[data-testid=picked-customer]')) await page.click('#change-customer');
  await page.fill('#customer-search', query);
  await page.click(`li[data-customer-id="${id}"]`);
  await page.waitForSelector('[data-testid=picked-customer]');
}
