/**
 * Customer picker for the follow-up and deal forms: loads the customers the user may pick once (their own; all for
 * a manager), then searches as they type by name, company or phone, using the same core search as the server.
 * Keyboard: type, ↓/↑ to move, Enter to pick; "Change" to pick again.
 */
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { searchCustomers, type CustomerSummary } from '../../core/forms/customers';
import type { CustomerList } from '../../server/forms/types';
import { useI18n } from './i18n';
import { serverCall } from './server';

const SHOWN = 30;

export function customerName(customer: Pick<CustomerSummary, 'company' | 'contact' | 'id'>): string {
  if (customer.company && customer.contact) return `${customer.contact} · ${customer.company}`;
  return customer.contact || customer.company || customer.id;
}

export function CustomerPicker(props: {
  list: CustomerList | null;
  value: string;
  onPick: (customer: CustomerSummary | null) => void;
  error?: string;
  loading?: boolean;
}) {
  const { t } = useI18n();
  const [query, setQuery] = useState('');
  const [active, setActive] = useState(0);
  const [picked, setPicked] = useState<CustomerSummary | null>(null);
  const [remote, setRemote] = useState<{ query: string; customers: CustomerSummary[]; total: number } | null>(
    null,
  );
  const [searching, setSearching] = useState(false);
  const inputRef = useRef<HTMLInputElement>(null);
  const customers = props.list?.customers ?? [];
  const selected =
    customers.find((customer) => customer.id === props.value) ?? (picked?.id === props.value ? picked : null);
  // A long list (a manager's whole book) comes cut; then what is typed is searched on the server.
  const searchOnServer = Boolean(props.list?.truncated) && query.trim() !== '';
  const local = useMemo(() => searchCustomers(customers, query), [customers, query]);
  const matches = searchOnServer ? (remote?.query === query ? remote.customers : []) : local;
  const total = searchOnServer ? (remote?.query === query ? remote.total : 0) : local.length;
  const shown = matches.slice(0, SHOWN);

  useEffect(() => setActive(0), [query]);
  useEffect(() => {
    if (!searchOnServer) return;
    const timer = setTimeout(() => {
      setSearching(true);
      serverCall('apiSearchCustomers', { query })
        .then((result) => setRemote({ query, customers: result.customers, total: result.total }))
        .catch(() => setRemote({ query, customers: [], total: 0 }))
        .finally(() => setSearching(false));
    }, 300);
    return () => clearTimeout(timer);
  }, [searchOnServer, query]);

  if (selected) {
    return (
      <div class="form-group" data-field="customerId">
        <span class="label" id="customer-label">
          {t('forms.field.customer')}
        </span>
        <div class="message info" data-testid="picked-customer" aria-labelledby="customer-label">
          <b>{customerName(selected)}</b>
          <div class="secondary">
            {[
              selected.id,
              selected.phone,
              selected.lastContact ? t('forms.picker.lastContact', { date: selected.lastContact }) : '',
            ]
              .filter(Boolean)
              .join(' · ')}
          </div>
          <button
            type="button"
            class="link"
            id="change-customer"
            onClick={() => {
              props.onPick(null);
              setTimeout(() => inputRef.current?.focus(), 0);
            }}
          >
            {t('forms.picker.change')}
          </button>
        </div>
      </div>
    );
  }

  const pick = (customer: CustomerSummary | undefined) => {
    if (!customer) return;
    setPicked(customer);
    props.onPick(customer);
  };
  const listId = 'customer-results';
  return (
    <div class="form-group" data-field="customerId">
      <label for="customer-search">
        {t('forms.picker.label')}
        <span class="required" aria-label={t('ui.required')} title={t('ui.required')}>
          *
        </span>
      </label>
      <input
        ref={inputRef}
        id="customer-search"
        type="text"
        role="combobox"
        aria-expanded="true"
        aria-controls={listId}
        aria-autocomplete="list"
        aria-activedescendant={shown[active] ? `customer-option-${active}` : undefined}
        aria-invalid={props.error ? 'true' : undefined}
        aria-describedby="customer-hint"
        placeholder={t('forms.picker.placeholder')}
        value={query}
        autoComplete="off"
        autoFocus
        onInput={(event) => setQuery((event.currentTarget as HTMLInputElement).value)}
        onKeyDown={(event) => {
          if (event.key === 'ArrowDown') {
            event.preventDefault();
            setActive((index) => Math.min(index + 1, shown.length - 1));
          } else if (event.key === 'ArrowUp') {
            event.preventDefault();
            setActive((index) => Math.max(index - 1, 0));
          } else if (event.key === 'Enter') {
            event.preventDefault();
            pick(shown[active]);
          }
        }}
      />
      <span id="customer-hint" class="hint secondary">
        {props.list?.all ? t('forms.picker.hintManager') : t('forms.picker.hint')}
      </span>
      {props.error ? (
        <span id="customerId-error" class="field-error error" role="alert">
          {props.error}
        </span>
      ) : null}
      {props.loading ? <span class="busy">{t('ui.loading')}</span> : null}
      {searching ? <span class="busy">{t('ui.searching')}</span> : null}
      {props.list && customers.length === 0 ? <p class="secondary">{t('forms.picker.noCustomers')}</p> : null}
      {props.list &&
      customers.length > 0 &&
      matches.length === 0 &&
      !searching &&
      (!searchOnServer || remote?.query === query) ? (
        <p class="secondary">{t('forms.picker.noMatch', { query })}</p>
      ) : null}
      {shown.length > 0 ? (
        <ul class="list" id={listId} role="listbox" aria-label={t('forms.picker.label')}>
          {shown.map((customer, index) => (
            <li
              key={customer.id || customer.row}
              id={`customer-option-${index}`}
              class="selectable"
              role="option"
              aria-selected={index === active ? 'true' : 'false'}
              data-customer-id={customer.id}
              onMouseDown={(event) => event.preventDefault()}
              onClick={() => pick(customer)}
            >
              <div>{customerName(customer)}</div>
              <div class="secondary">{[customer.id, customer.phone].filter(Boolean).join(' · ')}</div>
            </li>
          ))}
        </ul>
      ) : null}
      {total > shown.length ? (
        <p class="secondary">{t('forms.picker.more', { shown: shown.length, total })}</p>
      ) : null}
    </div>
  );
}
