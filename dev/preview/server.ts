/**
 * `npm run preview`: every built sidebar (dist/*.html) served on 127.0.0.1, wired to the bundle's real server
 * functions in the local runtime, on a workbook (the demo workbook by default, or --in file.xlsx). No Google
 * account needed: a developer, or someone evaluating SalesDesk, sees and uses the real sidebars.
 *
 *   npm run preview -- [--port 8765] [--in book.xlsx] [--as rep@example.com] [--locale zh-CN] [--save out.xlsx]
 *
 * Routes: /                      index of the sidebars, with a view of the workbook to select rows
 *         /sidebar/<name>        the sidebar page with the google.script.run bridge (?as=&locale= override)
 *         POST /run/<apiName>    runs the bundle's function: { args, as, locale } → { ok, value | error }
 *         GET /workbook          sheet names and values (for the index's workbook view)
 *         POST /select           { sheet, row } makes that row the active range (customer card)
 */
import * as fs from 'node:fs';
import * as http from 'node:http';
import * as path from 'node:path';
import type { AddressInfo } from 'node:net';
import { LocalRuntime } from '../../runtime';
import { injectBridge } from './bridge';
import { indexPage } from './index-page';
import { selectRow, workbookSnapshot } from './workbook-view';

export interface PreviewOptions {
  /** Port to listen on; 0 picks a free one (tests). */
  port?: number;
  /** Built bundle folder (default dist/). */
  distDir?: string;
  /** A runtime to serve (tests pass theirs); otherwise one is created from --in or the demo workbook. */
  runtime?: LocalRuntime;
  /** Workbook to open instead of the demo workbook. */
  inFile?: string;
  /** Default user of sidebar calls (each page may override with ?as=). */
  as?: string;
  /** Default locale of sidebar calls (each page may override with ?locale=). */
  locale?: string;
  /** Print each call to the console. */
  log?: (line: string) => void;
}

export interface PreviewServer {
  url: string;
  port: number;
  runtime: LocalRuntime;
  close(): Promise<void>;
}

const root = path.resolve(__dirname, '../..');

/**
 * A fresh runtime on the demo workbook: the bundle's own set-up and sample data, run as the owner.
 * @param now the runtime clock's start (tests pass a fixed time; the preview server shows today).
 */
export async function demoRuntime(distDir: string, now?: string): Promise<LocalRuntime> {
  const rt = await LocalRuntime.create({
    bundleDir: distDir,
    addOnName: 'SalesDesk',
    ...(now ? { now } : {}),
  });
  for (const step of ['menuSetupWorkbook', 'menuLoadSampleData']) {
    const result = rt.execute(step, []);
    if (result.error) throw new Error(`${step} failed: ${result.error.message}`);
  }
  return rt;
}

function sidebarNames(distDir: string): string[] {
  return fs
    .readdirSync(distDir)
    .filter((file) => file.endsWith('.html'))
    .map((file) => file.slice(0, -'.html'.length))
    .sort();
}

function entryPoints(distDir: string): Set<string> {
  try {
    const manifest = JSON.parse(fs.readFileSync(path.join(distDir, 'manifest.json'), 'utf8')) as {
      entryPoints?: string[];
    };
    return new Set(manifest.entryPoints ?? []);
  } catch {
    return new Set();
  }
}

function readBody(request: http.IncomingMessage): Promise<unknown> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    request.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > 5_000_000) reject(new Error('request too large'));
      else chunks.push(chunk);
    });
    request.on('end', () => {
      const text = Buffer.concat(chunks).toString('utf8');
      try {
        resolve(text === '' ? {} : JSON.parse(text));
      } catch (error) {
        reject(error);
      }
    });
    request.on('error', reject);
  });
}

function send(response: http.ServerResponse, status: number, type: string, body: string): void {
  response.writeHead(status, {
    'content-type': `${type}; charset=utf-8`,
    'cache-control': 'no-store',
    'x-content-type-options': 'nosniff',
  });
  response.end(body);
}

const sendJson = (response: http.ServerResponse, status: number, value: unknown) =>
  send(response, status, 'application/json', JSON.stringify(value));

/** Starts the preview server on 127.0.0.1 (never on other interfaces: it runs code on a real workbook file). */
export async function startPreview(options: PreviewOptions = {}): Promise<PreviewServer> {
  const distDir = path.resolve(options.distDir ?? path.join(root, 'dist'));
  if (!fs.existsSync(path.join(distDir, 'Code.js')))
    throw new Error(`${distDir}/Code.js is missing: run npm run build`);
  const runtime =
    options.runtime ??
    (options.inFile
      ? await LocalRuntime.fromXlsx(options.inFile, { bundleDir: distDir, addOnName: 'SalesDesk' })
      : await demoRuntime(distDir));
  const callable = entryPoints(distDir);
  const log = options.log ?? (() => undefined);

  const server = http.createServer((request, response) => {
    void handle(request, response).catch((error: unknown) => {
      sendJson(response, 500, { ok: false, error: error instanceof Error ? error.message : String(error) });
    });
  });

  async function handle(request: http.IncomingMessage, response: http.ServerResponse): Promise<void> {
    const url = new URL(request.url ?? '/', 'http://127.0.0.1');
    const parts = url.pathname.split('/').filter(Boolean).map(decodeURIComponent);

    if (request.method === 'GET' && parts.length === 0) {
      send(
        response,
        200,
        'text/html',
        indexPage(sidebarNames(distDir), options.as ?? '', options.locale ?? ''),
      );
      return;
    }
    if (request.method === 'GET' && parts[0] === 'sidebar' && parts.length === 2) {
      const name = parts[1];
      if (!sidebarNames(distDir).includes(name)) {
        send(response, 404, 'text/plain', `no sidebar ${name}`);
        return;
      }
      send(
        response,
        200,
        'text/html',
        injectBridge(fs.readFileSync(path.join(distDir, `${name}.html`), 'utf8')),
      );
      return;
    }
    if (request.method === 'POST' && parts[0] === 'run' && parts.length === 2) {
      const name = parts[1];
      // Only what a sidebar could reach through google.script.run: the bundle's api* entry points.
      if (!/^api[A-Z]\w*$/.test(name) || (callable.size > 0 && !callable.has(name))) {
        sendJson(response, 404, { ok: false, error: `Script function not found: ${name}` });
        return;
      }
      const body = (await readBody(request)) as { args?: unknown[]; as?: string; locale?: string };
      const user = body.as || options.as || undefined;
      const locale = body.locale || options.locale || undefined;
      const result = runtime.execute(name, Array.isArray(body.args) ? body.args : [], { user, locale });
      log(
        `${name} as ${user ?? 'owner'}: ${result.error ? `error ${result.error.message}` : 'ok'} (${result.totalCalls} calls, ~${Math.round(result.modelledMs)} ms modelled)`,
      );
      if (result.error) sendJson(response, 200, { ok: false, error: result.error.message });
      else sendJson(response, 200, { ok: true, value: result.value ?? null });
      return;
    }
    if (request.method === 'GET' && parts[0] === 'workbook') {
      sendJson(response, 200, workbookSnapshot(runtime));
      return;
    }
    if (request.method === 'POST' && parts[0] === 'select') {
      const body = (await readBody(request)) as { sheet?: string; row?: number };
      selectRow(runtime, String(body.sheet ?? ''), Number(body.row));
      sendJson(response, 200, { ok: true });
      return;
    }
    send(response, 404, 'text/plain', 'not found');
  }

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 8765, '127.0.0.1', () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${port}`,
    port,
    runtime,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections?.();
        server.close(() => resolve());
      }),
  };
}

function parseArgs(argv: string[]): PreviewOptions & { save?: string } {
  const options: PreviewOptions & { save?: string } = {};
  for (let i = 0; i < argv.length; i++) {
    const flag = argv[i];
    const value = argv[i + 1];
    if (flag === '--port') options.port = Number(value);
    else if (flag === '--in') options.inFile = value;
    else if (flag === '--as') options.as = value;
    else if (flag === '--locale') options.locale = value;
    else if (flag === '--save') options.save = value;
    else if (flag === '--dist') options.distDir = value;
    else {
      console.error(
        `unknown option ${flag}\nusage: npm run preview -- [--port 8765] [--in book.xlsx] [--as email] [--locale en|zh-CN] [--save out.xlsx]`,
      );
      process.exit(2);
    }
    i++;
  }
  return options;
}

if (require.main === module) {
  const options = parseArgs(process.argv.slice(2));
  startPreview({ ...options, log: (line) => console.log(line) })
    .then((preview) => {
      console.log(
        `SalesDesk preview: ${preview.url}  (Ctrl+C to stop${options.save ? `; saves to ${options.save}` : ''})`,
      );
      const stop = async () => {
        if (options.save) {
          await preview.runtime.saveXlsx(options.save);
          console.log(`saved ${options.save}`);
        }
        await preview.close();
        process.exit(0);
      };
      process.on('SIGINT', () => void stop());
      process.on('SIGTERM', () => void stop());
    })
    .catch((error: unknown) => {
      console.error(error instanceof Error ? error.message : error);
      process.exit(1);
    });
}
