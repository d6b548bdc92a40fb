/** Merge duplicates (issue 14 §5): menu, sidebar, reports, log lines (log lines in the workbook's language). */
import type { Catalog } from '../index';

export const merge: Catalog = {
  en: {
    'menu.mergeDuplicates': 'Merge duplicates…',
    'menu.undoMerge': 'Undo last merge',
    'help.item.mergeDuplicates':
      'Managers: find customers entered twice (same e-mail, phone, or company and contact), choose the record to keep and its values; their deals, follow-ups and other records move to it.',
    'help.item.undoMerge':
      'Managers: put the customers of the last merge back, with their records, exactly as they were.',
    'merge.title': 'Merge duplicates',
    'merge.loading': 'Looking for duplicates…',
    'merge.preview.none':
      'No likely duplicates: no two customers share an e-mail, a phone, or a company and contact.',
    'merge.preview.summary':
      '{groups, plural, one {# group} other {# groups}} of likely duplicates ({customers, plural, one {# customer} other {# customers}}).',
    'merge.preview.more':
      '…and {count, plural, one {# more group} other {# more groups}}: merge these first, then open Merge duplicates again.',
    'merge.reason.email': 'same e-mail',
    'merge.reason.phone': 'same phone',
    'merge.reason.companyContact': 'same company and contact',
    'merge.reason.separator': ', ',
    'merge.group.heading': 'Group {n} of {total}',
    'merge.group.include': 'Merge this group',
    'merge.group.keep': 'Record to keep',
    'merge.group.fields': 'Values to keep',
    'merge.group.sameValues': 'The records do not differ in any other field.',
    'merge.group.linked': '{count, plural, one {# linked record} other {# linked records}}',
    'merge.group.row': 'row {row}',
    'merge.group.created': 'created {date}',
    'merge.group.previous': 'Previous',
    'merge.group.next': 'Next',
    'merge.confirm': 'Merge {count, plural, one {# group} other {# groups}}',
    'merge.nothingWritten':
      'Nothing is written until you merge. The other records are removed from Customers; their deals, follow-ups and other records move to the record kept. Undo puts everything back.',
    'merge.cancelled': 'Cancelled. Nothing was merged.',
    'merge.refresh': 'Look again',
    'merge.undo': 'Undo this merge',
    'merge.lastMerge': 'Last merge: {mergeId} ({time}, {groups, plural, one {# group} other {# groups}}).',
    'merge.nothing': 'Nothing to merge: tick "Merge this group" for at least one group.',
    'merge.invalid': 'This merge request is not valid. Open Merge duplicates again.',
    'merge.changed':
      'Customers changed since this preview, so nothing was merged. Here are the groups as they are now; check them and merge again.',
    'merge.done':
      'Merged {groups, plural, one {# group} other {# groups}} (merge {mergeId}): {removed, plural, one {# record} other {# records}} removed from Customers, {moved, plural, one {# linked record} other {# linked records}} moved to the records kept.',
    'merge.recovered': 'An interrupted merge ({mergeId}) was completed first.',
    'merge.undo.nothing': 'There is no merge to undo.',
    'merge.undo.done':
      'Undid merge {mergeId}: {restored, plural, one {# customer} other {# customers}} back in Customers, {moved, plural, one {# record} other {# records}} moved back.',
    'merge.undo.conflicts':
      '{count, plural, one {# item was} other {# items were}} left as they are because they changed since the merge: {list}.',
    'merge.log.pool': 'Merge',
    'merge.log.reason':
      'Merged into {survivorId} ({survivor}); {moved, plural, one {# linked record} other {# linked records}} moved to it.',
    'merge.log.fields': 'Kept from this record: {fields}.',
  },
  'zh-CN': {
    'menu.mergeDuplicates': '合并重复客户…',
    'menu.undoMerge': '撤销上次合并',
    'help.item.mergeDuplicates':
      '经理：找出重复录入的客户（邮箱、电话或公司加联系人相同），选择保留的记录及各字段的值；其成交、跟进等记录一并转到保留的客户。',
    'help.item.undoMerge': '经理：把上次合并的客户及其记录原样恢复。',
    'merge.title': '合并重复客户',
    'merge.loading': '正在查找重复客户…',
    'merge.preview.none': '没有疑似重复的客户：没有两位客户的邮箱、电话或公司加联系人相同。',
    'merge.preview.summary': '共 {groups} 组疑似重复（涉及 {customers} 位客户）。',
    'merge.preview.more': '…另有 {count} 组：请先合并这些，然后再次打开“合并重复客户”。',
    'merge.reason.email': '邮箱相同',
    'merge.reason.phone': '电话相同',
    'merge.reason.companyContact': '公司和联系人相同',
    'merge.reason.separator': '、',
    'merge.group.heading': '第 {n} 组，共 {total} 组',
    'merge.group.include': '合并此组',
    'merge.group.keep': '保留的记录',
    'merge.group.fields': '保留的值',
    'merge.group.sameValues': '这些记录的其他字段没有差异。',
    'merge.group.linked': '{count} 条关联记录',
    'merge.group.row': '第 {row} 行',
    'merge.group.created': '创建于 {date}',
    'merge.group.previous': '上一组',
    'merge.group.next': '下一组',
    'merge.confirm': '合并 {count} 组',
    'merge.nothingWritten':
      '点击合并之前不会写入任何内容。其他记录将从“客户”表中删除，其成交、跟进等记录转到保留的客户。撤销可完整恢复。',
    'merge.cancelled': '已取消，未合并任何客户。',
    'merge.refresh': '重新查找',
    'merge.undo': '撤销此次合并',
    'merge.lastMerge': '上次合并：{mergeId}（{time}，{groups} 组）。',
    'merge.nothing': '没有要合并的内容：请至少勾选一组“合并此组”。',
    'merge.invalid': '此合并请求无效，请重新打开“合并重复客户”。',
    'merge.changed': '预览之后客户数据已有变化，因此未合并任何客户。以下是最新的分组，请核对后再次合并。',
    'merge.done':
      '已合并 {groups} 组（合并批次 {mergeId}）：从“客户”表删除 {removed} 条记录，{moved} 条关联记录已转到保留的客户。',
    'merge.recovered': '已先完成一次中断的合并（{mergeId}）。',
    'merge.undo.nothing': '没有可撤销的合并。',
    'merge.undo.done': '已撤销合并 {mergeId}：{restored} 位客户已恢复到“客户”表，{moved} 条记录已转回。',
    'merge.undo.conflicts': '有 {count} 项在合并后被修改，已保持原样：{list}。',
    'merge.log.pool': '合并',
    'merge.log.reason': '已合并到 {survivorId}（{survivor}）；{moved} 条关联记录已转到该客户。',
    'merge.log.fields': '从此记录保留：{fields}。',
  },
};
