/**
 * Start-up of every sidebar: render a loading line, ask the server for the bootstrap data (locale, user, role,
 * lists; templated scriptlets do not survive single-file bundling), then render the sidebar in the user's language.
 * A start-up that fails shows what could not be opened, the reason, and Retry, instead of a blank panel.
 */
import { createContext, render, type ComponentChildren, type VNode } from 'preact';
import { useContext } from 'preact/hooks';
import { serverCall, cleanServerMessage, type ServerResult } from './server';
import { I18nProvider, browserLocale, earlyTranslator } from './i18n';
import './addon.css';

export type Bootstrap = ServerResult<'apiBootstrap'>;

const BootContext = createContext<Bootstrap | null>(null);

/** The bootstrap data (available to every component under mountSidebar). */
export function useBoot(): Bootstrap {
  const boot = useContext(BootContext);
  if (!boot) throw new Error('useBoot() used outside mountSidebar');
  return boot;
}

export function BootProvider(props: { boot: Bootstrap; children: ComponentChildren }) {
  return (
    <BootContext.Provider value={props.boot}>
      <I18nProvider locale={props.boot.locale} messages={props.boot.messages}>
        {props.children}
      </I18nProvider>
    </BootContext.Provider>
  );
}

export interface MountOptions {
  /** Catalogue key of the sidebar's title (the one the server passes to setTitle), named if start-up fails. */
  titleKey?: string;
  /** Where to render (default #app, else body). */
  container?: Element | null;
}

/**
 * Mounts a sidebar into #app once the bootstrap call returns.
 * @param app renders the sidebar; it runs inside the i18n and boot providers.
 * @param options the sidebar's title key (for the failure panel) and container.
 */
export async function mountSidebar(
  app: (boot: Bootstrap) => VNode,
  options: MountOptions = {},
): Promise<void> {
  const root = options.container ?? document.getElementById('app') ?? document.body;
  // Before the server answers, the browser's language is the best guess at the user's.
  const early = earlyTranslator(browserLocale());
  document.documentElement.lang = browserLocale();
  render(
    <main class="sidebar" aria-busy="true">
      <span class="busy">{early('ui.loading')}</span>
    </main>,
    root,
  );
  try {
    const boot = await serverCall('apiBootstrap');
    document.documentElement.lang = boot.locale;
    render(<BootProvider boot={boot}>{app(boot)}</BootProvider>, root);
  } catch (error) {
    const title = options.titleKey ? early(options.titleKey) : early('app.name');
    document.title = title;
    render(
      <main class="sidebar" aria-labelledby="load-failed-title">
        <h1 id="load-failed-title" class="load-failed-title">
          {early('ui.loadFailed.title', { title })}
        </h1>
        <div class="message error" role="alert" data-testid="load-failed">
          {cleanServerMessage(error)}
        </div>
        <button type="button" class="action" id="retry" onClick={() => void mountSidebar(app, options)}>
          {early('ui.retry')}
        </button>
      </main>,
      root,
    );
    document.getElementById('retry')?.focus();
  }
}
