/**
 * The browser half of the preview: a script injected into each sidebar page that implements `google.script.run`
 * and `google.script.host` by POSTing to the preview server, which runs the bundle's real function in the local
 * runtime. Same contract as Apps Script: asynchronous, one success and one failure handler, errors as Error objects
 * with the script's message, results passed through JSON (so Dates would not survive there either).
 */

/** Source of the injected script (kept as a string: it runs in the page, not in Node). */
export const BRIDGE_SCRIPT = `(() => {
  const params = new URLSearchParams(location.search);
  const as = params.get('as') || '';
  const locale = params.get('locale') || '';
  function makeRunner(onSuccess, onFailure, userObject) {
    const base = {
      withSuccessHandler: (fn) => makeRunner(fn, onFailure, userObject),
      withFailureHandler: (fn) => makeRunner(onSuccess, fn, userObject),
      withUserObject: (obj) => makeRunner(onSuccess, onFailure, obj),
    };
    return new Proxy(base, {
      get(target, name) {
        if (name in target) return target[name];
        if (typeof name !== 'string') return undefined;
        return (...args) => {
          window.__previewCalls = (window.__previewCalls || 0) + 1;
          fetch('/run/' + encodeURIComponent(name), {
            method: 'POST',
            headers: { 'content-type': 'application/json' },
            body: JSON.stringify({ args, as, locale }),
          })
            .then((response) => response.json())
            .then((reply) => {
              window.__previewCalls -= 1;
              if (reply.ok) { if (onSuccess) onSuccess(reply.value, userObject); }
              else if (onFailure) onFailure(new Error(reply.error), userObject);
              else console.error('google.script.run ' + name + ' failed (no failure handler): ' + reply.error);
            })
            .catch((error) => {
              window.__previewCalls -= 1;
              if (onFailure) onFailure(new Error(String(error && error.message || error)), userObject);
            });
        };
      },
    });
  }
  window.google = {
    script: {
      run: makeRunner(),
      host: {
        close: () => {
          document.body.innerHTML = '<p style="font:13px Arial;padding:12px;color:#777">Sidebar closed.</p>';
          if (window.parent !== window) window.parent.postMessage({ type: 'salesdesk-preview-close' }, '*');
        },
        setHeight: () => {},
        setWidth: () => {},
        editor: { focus: () => {} },
      },
    },
  };
})();`;

/** Puts the bridge in front of every other script of a built sidebar page. */
export function injectBridge(html: string): string {
  const tag = `<script>${BRIDGE_SCRIPT}</script>`;
  return html.includes('<head>') ? html.replace('<head>', `<head>\n${tag}`) : `${tag}\n${html}`;
}
