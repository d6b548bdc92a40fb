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

/**
 * The features playwright-core (1.65, chromiumSwitches.ts) turns off with its own --disable-features. Chromium
 * reads only the last --disable-features switch, so ours repeats them; startSharedChromium checks the list against
 * what Playwright passed and adds whatever a newer Playwright turns off.
 */
const PLAYWRIGHT_DISABLED_FEATURES = [
  'AvoidUnnecessaryBeforeUnloadCheckSync',
  'DestroyProfileOnBrowserClose',
  'HttpsUpgrades',
  'HttpsFirstBalancedModeAutoEnable',
  'LensOverlay',
  'MediaRouter',
  'PaintHolding',
  'ThirdPartyStoragePartitioning',
  'AvoidCorsURLLoaderRestartOnRedirect',
  'TcpPortRandomizationWin',
  'OptimizationHints',
  'NetworkTimeServiceQuerying',
  'AimEnabled',
  'PreconnectToSearch',
  'msForceBrowserSignIn',
  'msEdgeUpdateLaunchServicesPreferredVersion',
];

/**
 * Chromium 15x preloads the address bar's WebUI popups (chrome://omnibox-popup.top-chrome) in a renderer of their
 * own for every window, and each browser context's page is a window: a headless window never shows them, and every
 * new page paid ~0.8 s of Chromium CPU for it (a third of a run's page cost).
 */
const OUR_DISABLED_FEATURES = ['WebUIOmniboxPopup', 'WebUIOmniboxAimPopup', 'WebUIOmniboxFullPopup'];

/** Background services would try to reach Google and be refused, many at a time: turn them off. */
function chromiumArgs(playwrightDisabled: readonly string[]): string[] {
  const disabled = [...new Set([...playwrightDisabled, ...OUR_DISABLED_FEATURES])];
  return [
    '--no-sandbox',
    '--disable-gpu',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--no-first-run',
    `--disable-features=${disabled.join(',')}`,
  ];
}

export const CHROMIUM_ARGS = chromiumArgs(PLAYWRIGHT_DISABLED_FEATURES);

/** The features the first --disable-features of process `pid` names: Playwright's own list (ours comes last). */
function playwrightDisabledFeatures(pid: number | undefined): string[] {
  if (pid === undefined) return [];
  try {
    const args = fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0');
    const first = args.find((arg) => arg.startsWith('--disable-features='));
    return first ? first.slice('--disable-features='.length).split(',').filter(Boolean) : [];
  } catch {
    return [];
  }
}

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
  // A Playwright that turns off more than PLAYWRIGHT_DISABLED_FEATURES: start again with its features kept off too.
  const missing = playwrightDisabledFeatures(server.process().pid).filter(
    (feature) => !PLAYWRIGHT_DISABLED_FEATURES.includes(feature),
  );
  if (missing.length > 0) {
    await server.close();
    const args = chromiumArgs([...PLAYWRIGHT_DISABLED_FEATURES, ...missing]);
    server = await chromium.launchServer({ executablePath: CHROMIUM, args, headless: true });
  }
  process.env.SALESDESK_CHROMIUM_WS = server.wsEndpoint();
}

export async function stopSharedChromium(): Promise<void> {
  await server?.close();
  server = undefined;
}
