/** Set-up and sample-data messages (issue 4, template). */
import type { Catalog } from '../index';

export const setup: Catalog = {
  en: {
    'setup.title': 'SalesDesk set-up',
    'setup.done': 'The workbook is set up.',
    'setup.unchanged': 'The workbook already had every sheet and column of the template; nothing was added.',
    'setup.reapplied':
      'Data validation, number formats, highlighting of overdue follow-ups and protections were (re-)applied to {count, plural, one {# sheet} other {# sheets}}. No data was changed or removed.',
    'setup.change.sheetCreated': 'Created the sheet "{name}".',
    'setup.change.sheetAdopted': 'Used the empty sheet "{from}" as "{name}".',
    'setup.change.columnsAdded': '"{sheet}": added the columns {columns} at the right end.',
    'setup.change.settingsAdded':
      'Settings: added {count, plural, one {# setting} other {# settings}} with default values ({keys}).',
    'setup.change.listsFilled': 'Lists: filled {lists}.',
    'setup.change.duplicateSheet':
      '"{used}" and "{ignored}" are the same kind of sheet; SalesDesk uses "{used}" and leaves "{ignored}" alone.',
    'setup.change.managerAdded': 'You ({email}) are listed as manager in Settings → managers.',
    'setup.toast': 'SalesDesk: workbook set up ({count, plural, one {# change} other {# changes}}).',
    'setup.notManager':
      'This workbook is already set up and only its managers (Settings → managers) or owner may run set-up again.',
    'sample.title': 'SalesDesk sample data',
    'sample.loaded':
      'Loaded sample data: {customers, plural, one {# customer} other {# customers}}, {deals, plural, one {# deal} other {# deals}}, {followups, plural, one {# follow-up} other {# follow-ups}} and {reps, plural, one {# rep} other {# reps}}. Try Assign leads (there are unassigned leads) and My follow-ups (some are overdue).',
    'sample.notEmpty':
      'The Customers sheet already has data, so no sample data was added (it would mix with your customers). To try SalesDesk with sample data, create a new spreadsheet and run Load sample data there.',
    'sample.setupFirst': 'The workbook was set up first.',
  },
  'zh-CN': {
    'setup.title': 'SalesDesk 初始化',
    'setup.done': '工作簿已初始化完成。',
    'setup.unchanged': '工作簿已包含模板中的所有工作表和列，无需新增。',
    'setup.reapplied':
      '已为 {count} 个工作表（重新）应用数据验证、数字格式、逾期跟进高亮和保护范围。没有修改或删除任何数据。',
    'setup.change.sheetCreated': '新建了工作表“{name}”。',
    'setup.change.sheetAdopted': '将空白工作表“{from}”用作“{name}”。',
    'setup.change.columnsAdded': '“{sheet}”：在最右侧新增了列 {columns}。',
    'setup.change.settingsAdded': '设置：新增 {count} 项默认设置（{keys}）。',
    'setup.change.listsFilled': '列表：填入了 {lists}。',
    'setup.change.duplicateSheet':
      '“{used}”和“{ignored}”是同一类工作表；SalesDesk 使用“{used}”，不会改动“{ignored}”。',
    'setup.change.managerAdded': '已将您（{email}）写入“设置 → 经理”。',
    'setup.toast': 'SalesDesk：工作簿初始化完成（{count} 项变更）。',
    'setup.notManager': '此工作簿已经初始化，只有经理（设置 → 经理）或所有者才能再次运行初始化。',
    'sample.title': 'SalesDesk 示例数据',
    'sample.loaded':
      '已载入示例数据：{customers} 位客户、{deals} 笔成交、{followups} 条跟进记录和 {reps} 名销售。可以试试“分配线索”（有待分配的线索）和“我的跟进”（有逾期的跟进）。',
    'sample.notEmpty':
      '“客户”表中已有数据，因此没有载入示例数据（以免与您的客户混在一起）。如需体验示例数据，请新建一个表格，在其中运行“载入示例数据”。',
    'sample.setupFirst': '已先完成工作簿初始化。',
  },
};
