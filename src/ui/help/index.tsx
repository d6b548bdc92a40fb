/**
 * Help sidebar (Extensions → SalesDesk → Help): what each menu item does, listed from the very menu data the server
 * builds the menu from (src/core/menu.ts), so the two cannot drift apart; the first five steps for a manager and for
 * a rep; roles; where the data lives; what the mobile apps cannot do. Static text in the user's language; it works
 * before the workbook is set up.
 */
import { salesDeskMenu, type MenuEntry } from '../../core/menu';
import { menuHelpKey } from '../../core/menu-help';
import { ActionButton, Sidebar, closeSidebar, mountSidebar, useBoot, useI18n } from '../shared';
import './style.css';

function MenuHelp(props: { entries: MenuEntry[] }) {
  const { t } = useI18n();
  return (
    <dl class="menu-help">
      {props.entries.map((entry, index) =>
        entry.kind === 'separator' ? null : (
          <div key={index} class="menu-help-item" data-menu={entry.labelKey}>
            <dt>{t(entry.labelKey)}</dt>
            <dd>
              {t(menuHelpKey(entry.labelKey))}
              {entry.kind === 'submenu' ? <MenuHelp entries={entry.items} /> : null}
            </dd>
          </div>
        ),
      )}
    </dl>
  );
}

function Steps(props: { prefix: string; id: string }) {
  const { t } = useI18n();
  return (
    <section class="block" aria-labelledby={props.id}>
      <h2 id={props.id}>{t(`${props.prefix}.heading`)}</h2>
      <ol>
        {[1, 2, 3, 4, 5].map((step) => (
          <li key={step}>{t(`${props.prefix}.${step}`)}</li>
        ))}
      </ol>
    </section>
  );
}

function Help() {
  const { t } = useI18n();
  const boot = useBoot();
  // A rep reads their own steps first; managers (and anyone not yet set up as a rep) the manager's.
  const repFirst = boot.role !== 'none' && !boot.isManager;
  const steps = [
    <Steps key="manager" prefix="help.manager" id="help-manager" />,
    <Steps key="rep" prefix="help.rep" id="help-rep" />,
  ];
  return (
    <Sidebar
      title={t('help.title')}
      footer={
        <ActionButton kind="plain" id="close" onClick={closeSidebar}>
          {t('common.close')}
        </ActionButton>
      }
    >
      <p class="help-where">{t('help.where')}</p>
      {repFirst ? steps.reverse() : steps}
      <section class="block" aria-labelledby="help-menu">
        <h2 id="help-menu">{t('help.menu.heading')}</h2>
        <MenuHelp entries={salesDeskMenu({ remindersOn: false, setUp: true })} />
      </section>
      <section class="block" aria-labelledby="help-roles">
        <h2 id="help-roles">{t('help.roles.heading')}</h2>
        <ul>
          <li>{t('help.roles.manager')}</li>
          <li>{t('help.roles.rep')}</li>
          <li>{t('help.roles.none')}</li>
        </ul>
      </section>
      <section class="block" aria-labelledby="help-data">
        <h2 id="help-data">{t('help.data.heading')}</h2>
        <p>{t('help.data.text')}</p>
      </section>
      <section class="block" aria-labelledby="help-mobile">
        <h2 id="help-mobile">{t('help.mobile.heading')}</h2>
        <p>{t('help.mobile.text')}</p>
      </section>
    </Sidebar>
  );
}

void mountSidebar(() => <Help />, { titleKey: 'help.title' });
