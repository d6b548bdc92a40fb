/** Import, export, backup and role-check messages (issue 7). */
import type { Catalog } from '../index';

export const data: Catalog = {
  en: {
    'data.import.intro':
      'Paste CSV text or choose a .csv file. The first row must hold column names (English or Chinese, as in the Customers sheet).',
    'data.import.paste': 'Paste CSV text',
    'data.import.file': 'Or choose a file',
    'data.import.preview': 'Preview',
    'data.import.run': 'Import {count, plural, one {# customer} other {# customers}}',
    'data.import.again': 'Import another file',
    'data.import.mapping': 'Columns',
    'data.import.column': 'Column in file',
    'data.import.mapsTo': 'Fills',
    'data.import.ignored.unknown': 'ignored (unknown column)',
    'data.import.ignored.computed': 'ignored (SalesDesk fills it)',
    'data.import.ignored.repeated': 'ignored (repeated column)',
    'data.import.summary':
      '{total, plural, one {# row} other {# rows}}: {new} new, {duplicates} {duplicates, plural, one {matches an existing customer} other {match existing customers}}, {bad} with problems (not imported).',
    'data.import.sample': 'First rows to be added',
    'data.import.duplicates': 'Rows matching existing customers',
    'data.import.duplicateChoice': 'For these rows:',
    'data.import.merge': 'Merge (fill the existing customer’s empty fields, append notes)',
    'data.import.skip': 'Skip',
    'data.import.matches': 'line {line} → row {row} {name} ({reasons})',
    'data.import.sameAsLine': 'line {line}: same customer as line {earlier}, skipped',
    'data.import.reason.id': 'same ID',
    'data.import.reason.email': 'same e-mail',
    'data.import.reason.phone': 'same phone',
    'data.import.reason.companyContact': 'same company and contact',
    'data.import.problems': 'Rows with problems (not imported)',
    'data.import.line': 'Line {line}: {message}',
    'data.import.moreProblems': '… and {count} more.',
    'data.import.badQuotes': 'a quoted cell is not closed (check the quotation marks).',
    'data.import.tooManyCells':
      'this row has {count, plural, one {# cell} other {# cells}} but the header has {expected}.',
    'data.import.notYourCustomer': 'owner {owner} is another rep; reps import only their own customers.',
    'data.import.missingColumns':
      'The file has no column for: {columns}. Rename the header to match the Customers sheet and try again.',
    'data.import.empty': 'The file has no rows below the header.',
    'data.import.encoding.gbkUnsupported':
      'This file looks like Chinese text saved as GBK, which cannot be read here. In Excel choose Save As → "CSV UTF-8", then import again.',
    'data.import.encoding.unknownEncoding':
      'This file is not UTF-8 or GBK text. Save it as "CSV UTF-8" and import again.',
    'data.import.encoding.binary':
      'This is not a CSV file (it looks like an Excel workbook or other binary file). Save it as "CSV UTF-8" first.',
    'data.import.encoding.gbk': 'Read as GBK (Chinese Windows encoding).',
    'data.import.encoding.mixedEncoding':
      'This file mixes two encodings: line {utf8Line} is UTF-8 but line {otherLine} is not (GBK?), so names would be garbled (Zürich → Z眉rich). Save the whole file as "CSV UTF-8" and import again.',
    'data.import.tooLarge': 'The file is larger than {max} MB. Split it and import the parts one by one.',
    'data.import.done':
      'Imported {added, plural, one {# new customer} other {# new customers}} and merged {merged}; skipped {skipped}; {bad, plural, one {# row had problems and was} other {# rows had problems and were}} not imported.',
    'data.import.changed':
      'The Customers sheet changed since the preview. The import used the current data; check the summary below.',
    'data.export.title': 'Export as CSV',
    'data.export.ready':
      '{rows, plural, one {# row} other {# rows}} of "{sheet}" {rows, plural, one {is} other {are}} ready.',
    'data.export.filtered': 'Only the rows the current filter shows are included.',
    'data.export.download': 'Download {file}',
    'data.export.note':
      'UTF-8 with BOM (opens correctly in Excel); cells that look like formulas start with an apostrophe.',
    'data.export.empty': 'The sheet "{sheet}" has no data to export.',
    'data.backup.done': 'Backup "{name}" created. Keeping the latest {keep}; {removed} older removed.',
    'data.backup.name': 'SalesDesk backup {date} – {name}',
    'data.backup.failed': 'The backup could not be made: {message}',
  },
  'zh-CN': {
    'data.import.intro': '粘贴 CSV 文本或选择 .csv 文件。第一行须为列名（中文或英文，与“客户”表一致）。',
    'data.import.paste': '粘贴 CSV 文本',
    'data.import.file': '或选择文件',
    'data.import.preview': '预览',
    'data.import.run': '导入 {count} 位客户',
    'data.import.again': '导入其他文件',
    'data.import.mapping': '列对应',
    'data.import.column': '文件中的列',
    'data.import.mapsTo': '导入到',
    'data.import.ignored.unknown': '忽略（无法识别的列）',
    'data.import.ignored.computed': '忽略（由 SalesDesk 自动填写）',
    'data.import.ignored.repeated': '忽略（重复的列）',
    'data.import.summary':
      '共 {total} 行：新客户 {new} 行，与现有客户重复 {duplicates} 行，有问题 {bad} 行（不导入）。',
    'data.import.sample': '将新增的前几行',
    'data.import.duplicates': '与现有客户重复的行',
    'data.import.duplicateChoice': '这些行：',
    'data.import.merge': '合并（补全现有客户的空白字段，追加备注）',
    'data.import.skip': '跳过',
    'data.import.matches': '第 {line} 行 → 表中第 {row} 行 {name}（{reasons}）',
    'data.import.sameAsLine': '第 {line} 行：与第 {earlier} 行是同一客户，已跳过',
    'data.import.reason.id': '编号相同',
    'data.import.reason.email': '邮箱相同',
    'data.import.reason.phone': '电话相同',
    'data.import.reason.companyContact': '公司和联系人相同',
    'data.import.problems': '有问题的行（不导入）',
    'data.import.line': '第 {line} 行：{message}',
    'data.import.moreProblems': '……另有 {count} 行。',
    'data.import.badQuotes': '有单元格的引号没有闭合，请检查引号。',
    'data.import.tooManyCells': '此行有 {count} 个单元格，但表头只有 {expected} 列。',
    'data.import.notYourCustomer': '负责人 {owner} 是其他销售；销售只能导入自己负责的客户。',
    'data.import.missingColumns': '文件中缺少以下列：{columns}。请按“客户”表修改列名后重试。',
    'data.import.empty': '文件表头下方没有数据行。',
    'data.import.encoding.gbkUnsupported':
      '该文件似乎是 GBK 编码的中文文本，此处无法读取。请在 Excel 中“另存为”→“CSV UTF-8（逗号分隔）”，再重新导入。',
    'data.import.encoding.unknownEncoding':
      '该文件既不是 UTF-8 也不是 GBK 文本。请另存为“CSV UTF-8”后重新导入。',
    'data.import.encoding.binary':
      '这不是 CSV 文件（看起来是 Excel 工作簿或其他二进制文件）。请先另存为“CSV UTF-8”。',
    'data.import.encoding.gbk': '已按 GBK（中文 Windows 编码）读取。',
    'data.import.encoding.mixedEncoding':
      '该文件混用了两种编码：第 {utf8Line} 行是 UTF-8，第 {otherLine} 行却不是（可能是 GBK），直接读取会产生乱码（如 Zürich → Z眉rich）。请将整个文件另存为“CSV UTF-8”后重新导入。',
    'data.import.tooLarge': '文件超过 {max} MB，请拆分后分批导入。',
    'data.import.done':
      '已导入新客户 {added} 位，合并 {merged} 位；跳过 {skipped} 行；{bad} 行有问题，未导入。',
    'data.import.changed': '预览后“客户”表已有变动，导入按最新数据进行，请查看下方结果。',
    'data.export.title': '导出为 CSV',
    'data.export.ready': '“{sheet}”的 {rows} 行数据已准备好。',
    'data.export.filtered': '只包含当前筛选显示的行。',
    'data.export.download': '下载 {file}',
    'data.export.note': 'UTF-8（带 BOM）编码，Excel 可正确显示中文；看起来像公式的单元格前加了单引号。',
    'data.export.empty': '工作表“{sheet}”中没有可导出的数据。',
    'data.backup.done': '已创建备份“{name}”。保留最近 {keep} 份，删除了 {removed} 份旧备份。',
    'data.backup.name': 'SalesDesk 备份 {date} – {name}',
    'data.backup.failed': '备份失败：{message}',
  },
};
