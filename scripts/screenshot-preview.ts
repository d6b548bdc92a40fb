/**
 * Retakes docs/screenshots/preview.png, the README's picture of `npm run preview`: the demo workbook made at the
 * browser tests' fixed time, Customers row 3 selected and the customer card open in Chinese, 1200 × 800, in
 * Debian's headless Chromium (no browser download). Run `npx tsx scripts/screenshot-preview.ts` after `npm run build`
 * when the preview page, the sample data or the customer card changes.
 */
import * as path from 'node:path';
import { chromium } from 'playwright-core';
import { demoRuntime, startPreview } from '../dev/preview/server';
import { SCREENSHOT_NOW } from '../test/support/browser';

const root = path.resolve(__dirname, '..');

async function main(): Promise<void> {
  const distDir = path.join(root, 'dist');
  const preview = await startPreview({
    runtime: await demoRuntime(distDir, SCREENSHOT_NOW),
    port: 0,
    distDir,
  });
  const browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    headless: true,
    args: ['--no-sandbox'],
  });
  try {
    const page = await browser.newPage({ viewport: { width: 1200, height: 800 } });
    await page.goto(preview.url);
    await page.waitForSelector('#table tr.data', { state: 'attached', timeout: 120_000 });
    await page.$$eval('#table tr.data', (rows) => (rows[1] as HTMLElement).click());
    await page.waitForSelector('#table tr.selected', { state: 'attached' });
    await page.selectOption('#sidebar', 'customer-card');
    await page.selectOption('#locale', 'zh-CN');
    await page.click('#open');
    const frame = page.frameLocator('#frame');
    await frame.locator('[data-testid=card-name]').waitFor({ timeout: 120_000 });
    await page.waitForTimeout(1000); // the card's fonts and layout settle
    await page.screenshot({ path: path.join(root, 'docs/screenshots/preview.png') });
    console.log('docs/screenshots/preview.png (1200×800)');
  } finally {
    await browser.close();
    await preview.close();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
