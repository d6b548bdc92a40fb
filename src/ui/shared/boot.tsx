/**
 * Start-up of every sidebar: render a loading line, ask the server for the bootstrap data (locale, user, role,
 * lists; templated scriptlets do not survive single-file bundling), then render the sidebar in the user's language.
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

/**
 * Mounts a sidebar into #app once the bootstrap call returns.
 * @param app renders the sidebar; it runs inside the i18n and boot providers.
 */
export async function mountSidebar(
  app: (boot: Bootstrap) => VNode,
  container?: Element | null,
): Promise<void> {
  const root = container ?? document.getElementById('app') ?? document.body;
  const early = earlyTranslator(browserLocale());
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
    render(
      <main class="sidebar">
        <div class="message error" role="alert">
          {early('common.error', { message: cleanServerMessage(error) })}
        </div>
      </main>,
      root,
    );
  }
}
