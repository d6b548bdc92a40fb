/**
 * The after-sales service sheet (*Service* / 售后) of the template: one row per installation, training, visit,
 * complaint, repair… with its satisfaction (1–5), the next plan and its date, the rep and whether it is closed.
 * Its customer column is the shared `customerId` column (header "Customer ID" / 客户编号), so every feature that
 * follows a customer across sheets (the card, Merge duplicates) finds it by header.
 *
 * Functions, not constants: templates/workbook.ts imports this file and this file uses workbook.ts's column
 * helpers, so nothing here may run before workbook.ts has defined them (the calls happen while SHEETS is built).
 */
import type { Localised } from './lists';
import {
  NUMBER_FORMATS,
  customerId,
  dateColumn,
  id,
  listColumn,
  repEmail,
  updatedAt,
  updatedBy,
  type ConditionalFormatSpec,
  type ProtectionSpec,
  type SheetSpec,
} from './workbook';

const L = (en: string, zh: string): Localised => ({ en, 'zh-CN': zh });

/** Labels of the complaint type in both languages (the conditional format compares the cell to them). */
const COMPLAINT_LABELS = ['Complaint', '投诉'];

/** The Service sheet's spec: columns in tab order, with validation, formats and help in both languages. */
export function serviceSheet(): SheetSpec {
  return {
    key: 'service',
    names: L('Service', '售后'),
    aliases: [
      'After-sales',
      'After-sales service',
      'After sales',
      'Service records',
      'Services',
      '售后服务',
      '售后记录',
      '服务记录',
    ],
    tabColor: '#188038',
    frozenRows: 1,
    layout: 'table',
    columns: [
      id(
        L('Service ID', '服务编号'),
        L('Unique ID such as S-00001, filled by SalesDesk.', '唯一编号（如 S-00001），由 SalesDesk 生成。'),
        ['ID', 'Service no.', '售后编号', '服务单号', '编号'],
      ),
      customerId(L('ID of the customer served (Customers sheet).', '服务客户的编号（见“客户”表）。')),
      {
        key: 'time',
        headers: L('Time', '服务时间'),
        aliases: ['Date', 'Date and time', 'When', 'Service date', '时间', '日期', '服务日期'],
        type: 'datetime',
        required: true,
        width: 135,
        numberFormat: NUMBER_FORMATS.datetime,
        help: L(
          'When the service took place or the complaint came in (yyyy-mm-dd hh:mm).',
          '服务发生或收到投诉的时间（yyyy-mm-dd hh:mm）。',
        ),
        validation: { kind: 'date' },
        strict: true,
      },
      listColumn(
        'type',
        'serviceType',
        L('Type', '服务类型'),
        L(
          'Installation, training, visit, complaint, repair or other, from the list.',
          '安装、培训、回访、投诉、维修或其他，从列表中选择。',
        ),
        { required: true, aliases: ['Service type', 'Kind', '类型', '售后类型'] },
      ),
      {
        key: 'content',
        headers: L('Content', '服务内容'),
        aliases: ['Details', 'Description', 'Issue', 'Summary', '内容', '问题描述', '事项'],
        type: 'text',
        required: true,
        width: 280,
        help: L('What was done, or what the customer reported.', '做了什么，或客户反映了什么问题。'),
      },
      {
        key: 'result',
        headers: L('Result', '处理结果'),
        aliases: ['Outcome', 'Resolution', '结果', '处理情况'],
        type: 'text',
        width: 220,
        help: L('How it ended: fixed, replaced, explained, …', '处理结果：已修复、已更换、已说明等。'),
      },
      {
        key: 'satisfaction',
        headers: L('Satisfaction', '满意度'),
        aliases: ['Rating', 'Score', 'CSAT', '客户满意度', '评分'],
        type: 'integer',
        width: 95,
        numberFormat: NUMBER_FORMATS.integer,
        help: L(
          'The customer’s satisfaction, a whole number from 1 (very unhappy) to 5 (very happy).',
          '客户满意度，1（很不满意）到 5（非常满意）的整数。',
        ),
        validation: { kind: 'integer', min: 1, max: 5 },
        strict: true,
      },
      {
        key: 'nextPlan',
        headers: L('Next plan', '下次计划'),
        aliases: ['Next step', 'Follow-up plan', '下一步', '后续计划'],
        type: 'text',
        width: 220,
        help: L(
          'What happens next (a visit, a call back, a part to send).',
          '下一步安排（回访、回电、寄送配件等）。',
        ),
      },
      dateColumn(
        'nextDate',
        L('Next plan date', '下次计划日期'),
        L(
          'Date of the next plan: it comes up in the daily reminders. Red when overdue and not closed.',
          '下次计划的日期，会出现在每日提醒中。逾期且未关闭显示红色。',
        ),
        {
          aliases: ['Next date', 'Plan date', '下次日期', '计划日期'],
          // The service time carries hours; a plan on the same day sits at midnight, hence a day's grace.
          datePlausible: { after: 'time', graceDays: 1, withinYears: 5 },
        },
      ),
      repEmail(
        'rep',
        L('Rep', '服务人员'),
        L(
          'E-mail of the rep who handled it (from the Reps sheet).',
          '处理此事的销售邮箱（来自“销售团队”表）。',
        ),
        ['Handled by', 'Owner', 'Sales rep', '负责人', '销售', '处理人'],
      ),
      {
        key: 'closed',
        headers: L('Closed', '已关闭'),
        aliases: ['Done', 'Resolved', 'Completed', '关闭', '已解决', '已完成'],
        type: 'checkbox',
        width: 80,
        help: L(
          'Tick when nothing is left to do: an open complaint stays on the card, the dashboard and the digest until then.',
          '事情处理完毕后勾选；未关闭的投诉会一直显示在客户卡片、看板和每日提醒中。',
        ),
        validation: { kind: 'checkbox' },
        strict: true,
      },
      updatedBy,
      updatedAt,
    ],
  };
}

const RED = { background: '#f4c7c3', fontColor: '#a50e0e' };
const AMBER = { background: '#fce8b2', fontColor: '#7a4f01' };

/** Overdue and due-today next plans, and open complaints (type cell), while the row is not closed. */
export function serviceConditionalFormats(): ConditionalFormatSpec[] {
  const complaint = `OR(${COMPLAINT_LABELS.map((label) => `{type}="${label}"`).join(',')})`;
  return [
    {
      id: 'service.nextDate.overdue',
      sheet: 'service',
      columns: ['nextDate'],
      formula: '=AND(ISNUMBER({nextDate}),{closed}<>TRUE,{nextDate}<TODAY())',
      ...RED,
      description: L('Next service plan is overdue and not closed', '售后计划已逾期且未关闭'),
    },
    {
      id: 'service.nextDate.today',
      sheet: 'service',
      columns: ['nextDate'],
      formula: '=AND(ISNUMBER({nextDate}),{closed}<>TRUE,INT({nextDate})=TODAY())',
      ...AMBER,
      description: L('Next service plan is due today', '售后计划今天到期'),
    },
    {
      id: 'service.complaint.open',
      sheet: 'service',
      columns: ['type'],
      formula: `=AND(${complaint},{closed}<>TRUE)`,
      ...RED,
      description: L('Open complaint', '未关闭的投诉'),
    },
  ];
}

/** The ID column warns before an edit, as in Customers, Deals and Follow-ups. */
export function serviceProtections(): ProtectionSpec[] {
  return [
    {
      id: 'service.id',
      sheet: 'service',
      columns: ['id'],
      mode: 'warning',
      description: L(
        'IDs link service records to customers: change them only if you know why',
        '编号关联售后记录与客户：如非必要请勿修改',
      ),
    },
  ];
}
