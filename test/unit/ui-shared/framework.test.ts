/** The sidebar framework's non-visual parts: the google.script.run wrapper, escaping, zod error mapping. */
import { z } from 'zod';
import { serverCall, cleanServerMessage, ServerCallError } from '../../../src/ui/shared/server';
import { escapeHtml, html } from '../../../src/ui/shared/escape';
import { validateWith, issuesToFieldErrors } from '../../../src/ui/shared/validation';
import type { GoogleScriptRunner } from '../../../src/ui/shared/google-script';

/** A fake google.script.run that answers asynchronously like the real one and records what it was asked. */
function installFakeRun(server: Record<string, (...args: unknown[]) => unknown>): { calls: unknown[][] } {
  const calls: unknown[][] = [];
  const makeRunner = (
    onSuccess?: (v: unknown) => void,
    onFailure?: (e: Error) => void,
  ): GoogleScriptRunner => {
    const runner: GoogleScriptRunner = {
      withSuccessHandler: (handler) => makeRunner(handler, onFailure),
      withFailureHandler: (handler) => makeRunner(onSuccess, handler),
      withUserObject: () => runner,
    };
    for (const [name, fn] of Object.entries(server)) {
      runner[name] = (...args: unknown[]) => {
        calls.push([name, ...args]);
        if (!onSuccess || !onFailure) throw new Error('both handlers must be set');
        setTimeout(() => {
          try {
            onSuccess(fn(...args));
          } catch (error) {
            onFailure(error as Error);
          }
        }, 0);
      };
    }
    return runner;
  };
  globalThis.google = { script: { run: makeRunner(), host: { close: () => undefined } } };
  return { calls };
}

afterEach(() => {
  globalThis.google = undefined;
});

describe('serverCall', () => {
  it('resolves with the server result and passes arguments through', async () => {
    const fake = installFakeRun({ apiBootstrap: () => ({ locale: 'zh-CN' }) });
    await expect(serverCall('apiBootstrap')).resolves.toEqual({ locale: 'zh-CN' });
    expect(fake.calls).toEqual([['apiBootstrap']]);
  });

  it('rejects with the script message, without the Exception: prefix', async () => {
    installFakeRun({
      apiBootstrap: () => {
        throw new Error('Exception: Lock timeout: another process was holding the lock for too long.');
      },
    });
    const failure = serverCall('apiBootstrap');
    await expect(failure).rejects.toBeInstanceOf(ServerCallError);
    await expect(failure).rejects.toThrow(/^Lock timeout: another process/);
  });

  it('rejects when the function does not exist or google.script.run is missing', async () => {
    installFakeRun({});
    await expect(serverCall('apiBootstrap')).rejects.toThrow('The server has no function apiBootstrap.');
    globalThis.google = undefined;
    await expect(serverCall('apiBootstrap')).rejects.toThrow(/not available/);
  });

  it('cleans messages of any shape', () => {
    expect(cleanServerMessage(new Error('ScriptError: boom'))).toBe('boom');
    expect(cleanServerMessage('plain')).toBe('plain');
  });
});

describe('escaping', () => {
  it('escapes every HTML-significant character', () => {
    expect(escapeHtml('<img src=x onerror=alert(1)>')).toBe('&lt;img src=x onerror=alert(1)&gt;');
    expect(escapeHtml(`"'&\``)).toBe('&quot;&#39;&amp;&#96;');
    expect(escapeHtml(null)).toBe('');
    expect(html`<b title="${'"x"'}">${'<script>'}</b>`).toBe('<b title="&quot;x&quot;">&lt;script&gt;</b>');
  });
});

describe('form validation helpers', () => {
  const schema = z.object({ email: z.string().email('bad e-mail'), name: z.string().min(1, 'name needed') });

  it('maps the first issue of each field', () => {
    const result = validateWith(schema, { email: 'nope', name: '' });
    expect(result).toEqual({ ok: false, errors: { email: 'bad e-mail', name: 'name needed' } });
    expect(validateWith(schema, { email: 'a@b.co', name: 'A' })).toEqual({
      ok: true,
      data: { email: 'a@b.co', name: 'A' },
    });
  });

  it('puts form-wide issues under the empty key', () => {
    expect(
      issuesToFieldErrors([
        { path: [], message: 'x' },
        { path: ['a', 0], message: 'y' },
      ]),
    ).toEqual({
      '': 'x',
      a: 'y',
    });
  });
});
