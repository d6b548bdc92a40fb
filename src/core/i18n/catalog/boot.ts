/**
 * What a sidebar shows before the server has answered: the loading line, a failed start-up with the sidebar's
 * title and Retry. The only strings
 * bundled into the sidebars; every other message reaches a sidebar with its start-up data (apiBootstrap).
 */
import type { Catalog } from '../index';

export const boot: Catalog = {
  en: {
    'ui.loading': 'Loading…',
    'common.error': 'Something went wrong: {message}',
    // A start-up that fails names the sidebar it could not open (the same titles the server passes to setTitle).
    'myfu.title': 'My follow-ups',
    'forms.logDeal.title': 'Log deal',
    'forms.newCustomer.title': 'New customer',
    'data.import.title': 'Import customers from CSV',
    'forms.card.title': 'Customer card',
    'help.title': 'SalesDesk help',
    'assign.preview.title': 'Assign leads',
    'checks.report.title': 'Check data',
    'forms.logFollowUp.title': 'Log follow-up',
    'app.name': 'SalesDesk',
    'ui.loadFailed.title': '{title} could not be opened',
    'ui.retry': 'Retry',
  },
  'zh-CN': {
    'ui.loading': '正在加载…',
    'common.error': '出错了：{message}',
    'myfu.title': '我的待跟进',
    'forms.logDeal.title': '记录成交',
    'forms.newCustomer.title': '新建客户',
    'data.import.title': '从 CSV 导入客户',
    'forms.card.title': '客户卡片',
    'help.title': 'SalesDesk 帮助',
    'assign.preview.title': '分配线索',
    'checks.report.title': '检查数据',
    'forms.logFollowUp.title': '记录跟进',
    'app.name': 'SalesDesk',
    'ui.loadFailed.title': '无法打开“{title}”',
    'ui.retry': '重试',
  },
};
