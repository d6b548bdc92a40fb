/** Strings of roles and permissions: who may run what, protections that cannot be written, set-up refusals. */
import type { Catalog } from '../index';

export const roles: Catalog = {
  en: {
    'common.notManagerWho': 'Only a manager can do this. Managers: {managers}. Ask one of them to run it.',
    'roles.cannotWrite':
      'Nothing was changed: you cannot edit {ranges} (protected). {fixers} can fix this by running any SalesDesk action (it makes every manager in Settings an editor).',
    'roles.cannotWriteAskManager':
      'Nothing was changed: {ranges} is protected and you are not one of its editors. Ask a manager ({managers}) to do this.',
    'roles.ownerOnlySettings':
      'The Settings sheet is missing. Only the spreadsheet owner ({owner}) can re-create it with Set up workbook.',
  },
  'zh-CN': {
    'common.notManagerWho': '只有经理才能执行此操作。经理：{managers}。请联系其中一位处理。',
    'roles.cannotWrite':
      '未做任何修改：您无法编辑 {ranges}（受保护）。{fixers} 运行任意 SalesDesk 操作即可修复（会把“设置”中的每位经理设为编辑者）。',
    'roles.cannotWriteAskManager':
      '未做任何修改：{ranges} 受保护，您不是其编辑者。请联系经理（{managers}）处理。',
    'roles.ownerOnlySettings': '缺少“设置”工作表。只有表格所有者（{owner}）可以通过“初始化工作簿”重新创建。',
  },
};
