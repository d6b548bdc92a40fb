/**
 * The first minutes in a spreadsheet: the Help sidebar (what each menu item does, first steps, roles, where data
 * lives, what the mobile apps cannot do), the "set up first" refusal, and a sidebar that failed to load.
 * Help texts of menu items are keyed `help.item.<menu label key without "menu.">`, one per item of src/core/menu.ts.
 */
import type { Catalog } from '../index';

export const onboarding: Catalog = {
  en: {
    'menu.help': 'Help',
    'onboarding.notSetUp.title': 'Set up the workbook first',
    'onboarding.notSetUp':
      'This spreadsheet has no SalesDesk sheets yet (Customers, Reps, Settings), so there is nowhere to save this. Choose Extensions → SalesDesk → Set up workbook first (or Load sample data to try SalesDesk with examples). Extensions → SalesDesk → Help explains the first steps.',
    'myfu.notInReps':
      'You ({email}) are not in the Reps sheet, so no customers or follow-ups are yours yet. Ask a manager to add your e-mail to Reps.',
    'myfu.notInReps.manager':
      'You ({email}) are not in the Reps sheet, so no customers are yours. Choose a rep above to see their follow-ups.',
    'myfu.noEmail':
      'SalesDesk cannot see the e-mail address of your Google account, so it cannot tell which customers are yours. Ask the spreadsheet owner to check your sharing.',
    'help.where':
      'The SalesDesk menu is under Extensions → SalesDesk. Before the workbook is set up it shows only Set up workbook, Load sample data and Help.',
    'help.menu.heading': 'What each menu item does',
    'help.item.assign':
      'Managers: preview how new and ticked-for-reassignment customers would be shared among reps, then confirm. Nothing is written before Confirm.',
    'help.item.undoAssign':
      'Managers: give every customer of the last assignment run its previous owner back.',
    'help.item.forms': 'Sidebars for the daily work of a rep:',
    'help.item.newCustomer': 'Add a customer, with a duplicate check against all customers.',
    'help.item.logFollowUp': "Record a call or visit and the next step; updates the customer's dates.",
    'help.item.logDeal': "Record a deal; updates the customer's totals and tier.",
    'help.item.customerCard': "Select a row first: the customer's details, follow-ups and deals.",
    'help.item.reminders': 'Follow-up reminders:',
    'help.item.myFollowUps': 'Your overdue, due and coming follow-ups; mark them done.',
    'help.item.sendRemindersNow': "Managers: send today's reminder e-mails now (never twice a day).",
    'help.item.remindersOn':
      'Managers: send every rep one reminder e-mail a day at Settings → reminderHour (choose it again to turn them off).',
    'help.item.checkData':
      'Find every data problem (required fields, wrong types, duplicates, unknown reps) and highlight the cells.',
    'help.item.clearHighlights': 'Give the highlighted cells their own colours back.',
    'help.item.refreshTiers':
      'Managers: recompute purchase totals, orders and the VIP / active / potential / lost tier.',
    'help.item.liveTiers': 'Managers: let formulas compute the tier columns live (for smaller workbooks).',
    'help.item.refreshDashboard': 'Managers: update the Dashboard sheet and its charts.',
    'help.item.data': 'Data in and out:',
    'help.item.importCsv': 'Add customers from a CSV file, with a preview and duplicate check.',
    'help.item.exportCsv': 'Download the current sheet as CSV (safe to open in Excel).',
    'help.item.backupNow': 'Managers: make a dated copy of the spreadsheet in Drive.',
    'help.item.setup':
      'Create or repair the SalesDesk sheets, dropdowns, formats and protections. Safe to run again: it never deletes data.',
    'help.item.loadSample':
      'Fill an empty workbook with sample customers, deals, follow-ups and reps to try everything.',
    'help.item.formIntake':
      'Managers: every Google Form response becomes a customer, assigned to a rep at once.',
    'help.item.help': 'This page.',
    'help.manager.heading': 'First five steps for a manager',
    'help.manager.1':
      'Extensions → SalesDesk → Set up workbook (you become a manager in Settings → managers).',
    'help.manager.2': 'List your team in the Reps sheet: name, e-mail, role, active, weight and capacity.',
    'help.manager.3':
      'Enter or import your customers (Data → Import customers from CSV), then run Check data and fix what it finds.',
    'help.manager.4': 'Assign leads… to share unowned customers fairly among the reps.',
    'help.manager.5':
      'Reminders → Turn on daily reminders, and share the spreadsheet with the reps as editors.',
    'help.rep.heading': 'First five steps for a rep',
    'help.rep.1': 'Ask a manager to add your e-mail to the Reps sheet: SalesDesk knows you by it.',
    'help.rep.2': 'Reminders → My follow-ups shows what is due today and overdue.',
    'help.rep.3': 'Forms → Log follow-up after every call or visit, with the next step and its date.',
    'help.rep.4': 'Forms → New customer for a new lead (it becomes yours), Forms → Log deal when you sell.',
    'help.rep.5': 'Read the daily reminder e-mail; its links open the right row.',
    'help.roles.heading': 'Roles',
    'help.roles.manager':
      'Managers (Settings → managers, and the spreadsheet owner) see every customer, assign leads, turn reminders on and run set-up.',
    'help.roles.rep':
      'Reps (listed in the Reps sheet) see and log only their own customers; senior reps also receive high-value leads.',
    'help.roles.none':
      'Someone not in the Reps sheet can open the spreadsheet but owns no customers and gets no reminders.',
    'help.data.heading': 'Where your data lives',
    'help.data.text':
      'Everything is in this spreadsheet: Customers, Deals, Follow-ups, Reps, Settings, Lists, Assignment log and Dashboard. SalesDesk keeps small notes (reminder and assignment state) in the document, sends e-mails only to your reps, and puts backups in your Drive. It sends your data nowhere else.',
    'help.mobile.heading': 'On phones and tablets',
    'help.mobile.text':
      'The Google Sheets mobile apps show no add-on menus or sidebars. On the go, reps add customers through the team’s Google Form (Assign form submissions automatically) and edit rows directly; the reminder e-mails work everywhere.',
  },
  'zh-CN': {
    'menu.help': '帮助',
    'onboarding.notSetUp.title': '请先初始化工作簿',
    'onboarding.notSetUp':
      '此表格还没有 SalesDesk 工作表（客户、销售、设置），无处保存。请先选择扩展程序 → SalesDesk → 初始化工作簿（或选择“载入示例数据”用示例试用）。扩展程序 → SalesDesk → 帮助 中有入门步骤。',
    'myfu.notInReps':
      '您（{email}）不在“销售”工作表中，所以还没有属于您的客户或跟进。请经理把您的邮箱加入“销售”工作表。',
    'myfu.notInReps.manager':
      '您（{email}）不在“销售”工作表中，所以没有属于您的客户。请在上方选择一位销售查看其跟进。',
    'myfu.noEmail':
      'SalesDesk 无法获取您 Google 帐号的邮箱地址，因此无法判断哪些客户属于您。请表格所有者检查共享设置。',
    'help.where':
      'SalesDesk 菜单位于扩展程序 → SalesDesk。工作簿初始化之前，菜单只显示“初始化工作簿”“载入示例数据”和“帮助”。',
    'help.menu.heading': '各菜单项的作用',
    'help.item.assign': '经理：预览新客户和勾选了“重新分配”的客户将如何分给销售，确认后才写入。',
    'help.item.undoAssign': '经理：把上次分配涉及的客户恢复给原负责人。',
    'help.item.forms': '销售日常录入用的侧边栏：',
    'help.item.newCustomer': '新增客户，并在全部客户中检查是否重复。',
    'help.item.logFollowUp': '记录电话或拜访及下一步计划，同时更新客户的联系日期。',
    'help.item.logDeal': '记录成交，同时更新客户的累计金额和分层。',
    'help.item.customerCard': '先选中一行：查看该客户的资料、跟进记录和成交记录。',
    'help.item.reminders': '跟进提醒：',
    'help.item.myFollowUps': '查看您逾期、今日到期和即将到期的跟进，并标记完成。',
    'help.item.sendRemindersNow': '经理：立即发送今天的提醒邮件（每天不会重复发送）。',
    'help.item.remindersOn':
      '经理：每天在“设置 → reminderHour”时给每位销售发送一封提醒邮件（再次选择可关闭）。',
    'help.item.checkData': '找出所有数据问题（必填项、类型错误、重复客户、未知销售）并标记单元格。',
    'help.item.clearHighlights': '恢复被标记单元格原来的颜色。',
    'help.item.refreshTiers': '经理：重新计算累计金额、订单数和 VIP／活跃／潜在／流失分层。',
    'help.item.liveTiers': '经理：改用公式实时计算分层列（适合较小的工作簿）。',
    'help.item.refreshDashboard': '经理：更新仪表板工作表及其图表。',
    'help.item.data': '数据导入导出：',
    'help.item.importCsv': '从 CSV 文件导入客户，先预览并检查重复。',
    'help.item.exportCsv': '将当前工作表下载为 CSV（可安全地用 Excel 打开）。',
    'help.item.backupNow': '经理：在云端硬盘中创建一份带日期的表格副本。',
    'help.item.setup': '创建或修复 SalesDesk 工作表、下拉列表、格式和保护。可随时再次运行，不会删除数据。',
    'help.item.loadSample': '在空工作簿中载入示例客户、成交、跟进和销售，方便试用全部功能。',
    'help.item.formIntake': '经理：Google 表单的每条回复都会成为一位客户，并立即分配给销售。',
    'help.item.help': '即本页。',
    'help.manager.heading': '经理入门五步',
    'help.manager.1': '扩展程序 → SalesDesk → 初始化工作簿（您会被写入“设置 → 经理”）。',
    'help.manager.2': '在“销售”工作表中列出团队成员：姓名、邮箱、角色、是否在职、权重和容量。',
    'help.manager.3': '录入或导入客户（数据 → 从 CSV 导入客户），然后运行“检查数据”并修正问题。',
    'help.manager.4': '运行“分配线索…”，把无负责人的客户公平地分给销售。',
    'help.manager.5': '跟进提醒 → 开启每日提醒，并以编辑者身份把表格共享给销售。',
    'help.rep.heading': '销售入门五步',
    'help.rep.1': '请经理把您的邮箱加入“销售”工作表：SalesDesk 通过邮箱识别您。',
    'help.rep.2': '跟进提醒 → 我的待跟进：查看今天到期和已逾期的跟进。',
    'help.rep.3': '每次电话或拜访后，用“录入 → 记录跟进”记下下一步和日期。',
    'help.rep.4': '有新线索时用“录入 → 新建客户”（客户归您），成交时用“录入 → 记录成交”。',
    'help.rep.5': '阅读每天的提醒邮件，邮件中的链接会打开对应的行。',
    'help.roles.heading': '角色',
    'help.roles.manager':
      '经理（“设置 → 经理”中列出的人和表格所有者）可查看全部客户、分配线索、开启提醒和运行初始化。',
    'help.roles.rep': '销售（“销售”工作表中列出的人）只能查看和记录自己的客户；高级销售还会分到高价值线索。',
    'help.roles.none': '不在“销售”工作表中的人可以打开表格，但没有自己的客户，也不会收到提醒。',
    'help.data.heading': '数据存放在哪里',
    'help.data.text':
      '所有数据都在本表格中：客户、成交、跟进、销售、设置、列表、分配记录和仪表板。SalesDesk 在文档中保存少量状态（提醒和分配记录），只给您的销售发送邮件，备份保存在您的云端硬盘中，不会把数据发往别处。',
    'help.mobile.heading': '在手机和平板上',
    'help.mobile.text':
      'Google 表格手机应用不显示插件菜单和侧边栏。外出时，销售可通过团队的 Google 表单（自动分配表单提交的线索）添加客户，并直接编辑表格行；提醒邮件在任何设备上都能查看。',
  },
};
