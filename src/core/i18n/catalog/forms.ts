/** Strings of the sidebar framework (ui.*) and the rep forms (forms.*): new customer, follow-up, deal, customer card. */
import type { Catalog } from '../index';

export const forms: Catalog = {
  en: {
    'ui.loading': 'Loading…',
    'ui.required': 'required',
  },
  'zh-CN': {
    'ui.loading': '正在加载…',
    'ui.required': '必填',
  },
};
