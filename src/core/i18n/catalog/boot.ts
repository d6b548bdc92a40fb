/**
 * What a sidebar shows before the server has answered: the loading line and a failed start-up. The only strings
 * bundled into the sidebars; every other message reaches a sidebar with its start-up data (apiBootstrap).
 */
import type { Catalog } from '../index';

export const boot: Catalog = {
  en: {
    'ui.loading': 'Loading…',
    'common.error': 'Something went wrong: {message}',
  },
  'zh-CN': {
    'ui.loading': '正在加载…',
    'common.error': '出错了：{message}',
  },
};
