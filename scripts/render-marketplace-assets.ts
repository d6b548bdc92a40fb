/**
 * Renders the Marketplace listing graphics from their SVG sources in docs/marketplace/ with Debian's headless
 * Chromium (the one the browser tests use; no browser download): the application icon at 128 and 32 px and the
 * 220 × 140 card banner. Run `npm run marketplace:assets` after editing an SVG and commit the PNGs; the unit test
 * test/unit/marketplace.test.ts checks their sizes against the listing.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { chromium } from 'playwright-core';

const dir = path.resolve(__dirname, '../docs/marketplace');

/**
 * What the listing asks for (docs/marketplace/listing.md; Google's sizes: developers.google.com/workspace/marketplace/
 * create-listing, "Graphic assets"): source SVG → PNG at a size.
 */
export const ASSETS = [
  { svg: 'icon.svg', png: 'icon-128.png', width: 128, height: 128 },
  { svg: 'icon.svg', png: 'icon-32.png', width: 32, height: 32 },
  { svg: 'banner.svg', png: 'banner-220x140.png', width: 220, height: 140 },
] as const;

async function main(): Promise<void> {
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', headless: true });
  try {
    for (const asset of ASSETS) {
      const page = await browser.newPage({ viewport: { width: asset.width, height: asset.height } });
      const svg = fs.readFileSync(path.join(dir, asset.svg), 'utf8');
      // The SVG scaled to the viewport, on a transparent page, so the PNG is exactly the asked size.
      await page.setContent(
        `<html><body style="margin:0;background:transparent">` +
          `<img style="display:block;width:${asset.width}px;height:${asset.height}px" ` +
          `src="data:image/svg+xml;base64,${Buffer.from(svg).toString('base64')}"></body></html>`,
      );
      await page.screenshot({ path: path.join(dir, asset.png), omitBackground: true });
      await page.close();
      console.log(`docs/marketplace/${asset.png} (${asset.width}×${asset.height})`);
    }
  } finally {
    await browser.close();
  }
}

if (require.main === module)
  main().catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
