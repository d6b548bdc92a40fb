/** Issue 14 in the Assign leads flow: SLA return of stale leads, routing to the account owner, per-day caps. */
import type { Catalog } from '../index';

export const routing: Catalog = {
  en: {
    'assign.sla.firstContact': 'SLA: not contacted within {hours} h',
    'assign.sla.noFollowUp': 'SLA: no follow-up for {days, plural, one {# day} other {# days}}',
    'assign.sla.then': '{sla}; {reason}',
    'assign.account.company': 'Same company as {customer}, owned by {owner}',
    'assign.account.domain': 'Same e-mail domain as {customer}, owned by {owner}',
    'assign.account.phone': 'Same phone as {customer}, owned by {owner}',
    'assign.reason.accountOwner': 'Routed to the account owner',
    'assign.reason.dailyFull':
      'Every eligible rep has reached today’s maximum of new leads or their capacity',
    'assign.status.dailyFull': 'today’s maximum reached ({count}/{max})',
    'assign.preview.sla': 'Returned for a missed SLA ({count})',
    'assign.preview.slaHelp': 'Not followed up in time: each goes to another rep of its pool, never back.',
    'assign.preview.account': 'Routed to the account owner ({count})',
    'assign.preview.from': 'From',
    'assign.preview.today': 'Today / max per day',
    'assign.preview.workingHoursProblem':
      'Settings → slaWorkingHours "{value}" cannot be read (write e.g. Mon-Fri 09:00-18:00): the SLA counts every hour.',
    'assign.log.by.sla': 'SLA (daily)',
    'assign.sla.dailyDone':
      'SLA: {count, plural, one {# lead} other {# leads}} returned to {count, plural, one {its pool} other {their pools}} (run {runId}).',
    'remind.section.slaTaken': 'Given to another rep for a missed SLA ({count})',
    'remind.sla.item': '{customer}: {reason}; now with {to}',
    'remind.team.sla': 'Leads returned for a missed SLA since yesterday ({count})',
    'remind.team.slaItem': '{customer}: {from} → {to} ({reason})',
  },
  'zh-CN': {
    'assign.sla.firstContact': 'SLA：分配后 {hours} 小时内未联系',
    'assign.sla.noFollowUp': 'SLA：{days} 天未跟进',
    'assign.sla.then': '{sla}；{reason}',
    'assign.account.company': '与 {customer} 同一公司，负责人 {owner}',
    'assign.account.domain': '与 {customer} 邮箱域名相同，负责人 {owner}',
    'assign.account.phone': '与 {customer} 电话相同，负责人 {owner}',
    'assign.reason.accountOwner': '分配给客户负责人',
    'assign.reason.dailyFull': '符合条件的销售都已达到今日新线索上限或满额',
    'assign.status.dailyFull': '已达今日上限（{count}/{max}）',
    'assign.preview.sla': '超出 SLA 收回（{count}）',
    'assign.preview.slaHelp': '未按时跟进：交给同一分配池中的其他销售，不会回到原负责人。',
    'assign.preview.account': '分配给客户负责人（{count}）',
    'assign.preview.from': '原负责人',
    'assign.preview.today': '今日 / 每日上限',
    'assign.preview.workingHoursProblem':
      '“设置”中的 slaWorkingHours“{value}”无法识别（请写成 周一至周五 09:00-18:00）：SLA 按全天计算。',
    'assign.log.by.sla': 'SLA（每日）',
    'assign.sla.dailyDone': 'SLA：{count} 条线索已收回并重新分配（批次 {runId}）。',
    'remind.section.slaTaken': '因超出 SLA 已交给其他销售（{count}）',
    'remind.sla.item': '{customer}：{reason}；现由 {to} 负责',
    'remind.team.sla': '昨天以来因超出 SLA 收回的线索（{count}）',
    'remind.team.slaItem': '{customer}：{from} → {to}（{reason}）',
  },
};
