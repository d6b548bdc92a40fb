/** The preview server: only 127.0.0.1, an index of the sidebars, the bridge in each page, only api* callable. */
import * as path from 'node:path';
import { LocalRuntime } from '../../runtime';
import { startPreview, type PreviewServer } from '../../dev/preview/server';
import { salesWorkbook } from './helpers/sales-workbook';

const distDir = process.env.SALESDESK_DIST ?? path.resolve(__dirname, '../../dist');
let preview: PreviewServer;

beforeAll(async () => {
  const runtime = await LocalRuntime.create({
    bundleDir: distDir,
    workbook: salesWorkbook({
      customers: 20,
      deals: 20,
      followups: 20,
      now: new Date('2026-03-15T02:00:00Z'),
    }) as never,
    now: '2026-03-15T02:00:00Z',
  });
  preview = await startPreview({ runtime, port: 0, distDir });
});
afterAll(() => preview?.close());

const post = (route: string, body: unknown) =>
  fetch(`${preview.url}${route}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });

describe('preview server', () => {
  it('listens on 127.0.0.1 only', () => {
    expect(preview.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
  });

  it('lists every sidebar and serves each with the google.script.run bridge', async () => {
    const index = await (await fetch(`${preview.url}/`)).text();
    for (const name of ['new-customer', 'log-follow-up', 'log-deal', 'customer-card']) {
      expect(index).toContain(`/sidebar/${name}`);
      const page = await (await fetch(`${preview.url}/sidebar/${name}`)).text();
      expect(page.indexOf('window.google =')).toBeGreaterThan(-1);
      expect(page.indexOf('window.google =')).toBeLessThan(page.indexOf('<div id="app">'));
    }
    expect((await fetch(`${preview.url}/sidebar/nope`)).status).toBe(404);
  });

  it('runs api functions as the given user and locale, and nothing else', async () => {
    const boot = await (
      await post('/run/apiBootstrap', { args: [], as: 'eve@example.com', locale: 'zh-CN' })
    ).json();
    expect(boot).toMatchObject({
      ok: true,
      value: { user: 'eve@example.com', locale: 'zh-CN', isManager: false },
    });
    const refused = await post('/run/menuSetupWorkbook', { args: [] });
    expect(refused.status).toBe(404);
    const failed = await (
      await post('/run/apiSaveDeal', { args: [{ customerId: 'C-404' }], as: 'eve@example.com' })
    ).json();
    expect(failed).toMatchObject({ ok: true, value: { status: 'invalid' } });
  });
});
