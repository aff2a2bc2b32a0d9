import type { DataValidation } from 'exceljs';
import { loadExcelJS } from '../../http/file-libraries.js';
import type { Writable } from 'node:stream';
import { columnOf, EMPLOYMENT_FORM_CHOICES, GENDER_CHOICES, ROSTER_COLUMNS, ROSTER_LIMITS, type ColumnKey } from './roster.columns.js';

export const TEMPLATE_SHEET = '会员名册';
export const INSTRUCTIONS_SHEET = '填写说明';
/** Drop-downs and formats reach this row; a roster is split long before it. */
const LAST_TEMPLATE_ROW = 100_001;
/** 中华全国总工会 was founded on 1925-05-01: no membership starts earlier. */
const EARLIEST_JOIN_DATE = new Date(Date.UTC(1925, 4, 1));
const LATEST_JOIN_DATE = new Date(Date.UTC(2099, 11, 31));

const INSTRUCTIONS: readonly string[] = [
  '会员名册填写说明',
  '',
  '1. 请在“会员名册”工作表中从第 2 行起逐行填写，每行一名会员；不要修改第 1 行的列名，也不要删除或调换列。',
  '2. 姓名：填写身份证上的姓名，不要加空格、称谓或备注；少数民族姓名中的间隔号写作“·”。',
  '3. 身份证号：18 位居民身份证号码，末位 X 大小写均可。该列已设为文本格式；如从其他表格粘贴，请使用“选择性粘贴—数值”，' +
    '否则号码可能被 Excel 转成科学计数法（如 1.10112199904264E+17），后几位将无法恢复。不接受 15 位旧号码。',
  '4. 手机号：11 位手机号码，必填，用于发送入会通知和会员服务。',
  '5. 性别：从下拉列表选择“男”或“女”；可不填，系统按身份证号判断，填写时须与身份证号一致。',
  `6. 用工形式：从下拉列表选择（${EMPLOYMENT_FORM_CHOICES.join('、')}）。`,
  '7. 所在单位：填写用人单位全称；快递员、外卖骑手等新就业形态劳动者没有固定单位的，可填写所属站点或平台，也可不填。',
  '8. 入会日期：按 2024-05-01 的格式填写，不能晚于今天，也不能早于会员年满 16 周岁的日期。',
  `9. 一个文件最多 ${ROSTER_LIMITS.maxRows.toLocaleString('en-US')} 行、${ROSTER_LIMITS.maxFileBytes / 1048576} MB；同一身份证号在文件中只能出现一次。`,
  '10. 保存为 .xlsx 文件上传；也可另存为 CSV（UTF-8 或 GBK 编码均可）。',
  '11. 上传后，有问题的行会列入“错误数据”文件并注明原因，修改后可直接再次上传该文件。',
];

function columnLetter(key: ColumnKey): string {
  return String.fromCharCode(65 + ROSTER_COLUMNS.findIndex((c) => c.key === key));
}

function rangeOf(key: ColumnKey): string {
  const letter = columnLetter(key);
  return `${letter}2:${letter}${LAST_TEMPLATE_ROW}`;
}

/**
 * Writes the blank roster template (.xlsx, streamed): the fixed header row, frozen; 身份证号 and 手机号
 * formatted as text so Excel keeps every digit; drop-downs for 性别 and 用工形式; a date rule on 入会日期;
 * and a sheet of instructions in Chinese.
 */
export async function writeRosterTemplate(target: string | Writable): Promise<void> {
  const ExcelJS = await loadExcelJS();
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({
    ...(typeof target === 'string' ? { filename: target } : { stream: target }),
    useStyles: true,
    useSharedStrings: false,
  });
  const sheet = workbook.addWorksheet(TEMPLATE_SHEET, { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = ROSTER_COLUMNS.map((c) => ({
    header: c.header,
    key: c.key,
    width: c.width,
    style: c.isText ? { numFmt: '@' } : c.key === 'joinDate' ? { numFmt: 'yyyy-mm-dd' } : {},
  }));
  const header = sheet.getRow(1);
  header.font = { bold: true };
  header.alignment = { horizontal: 'center' };

  // exceljs's streaming sheet has data validations, its typings omit them
  const { dataValidations } = sheet as unknown as { dataValidations: { add: (range: string, rule: DataValidation) => void } };
  const list = (choices: readonly string[], title: string): DataValidation => ({
    type: 'list',
    allowBlank: true,
    formulae: [`"${choices.join(',')}"`],
    showErrorMessage: true,
    errorStyle: 'stop',
    errorTitle: title,
    error: `请从下拉列表中选择${title}`,
  });
  dataValidations.add(rangeOf('gender'), list(GENDER_CHOICES, columnOf('gender').header));
  dataValidations.add(rangeOf('employmentForm'), list(EMPLOYMENT_FORM_CHOICES, columnOf('employmentForm').header));
  dataValidations.add(rangeOf('joinDate'), {
    type: 'date',
    operator: 'between',
    allowBlank: true,
    formulae: [EARLIEST_JOIN_DATE, LATEST_JOIN_DATE],
    showErrorMessage: true,
    errorStyle: 'stop',
    errorTitle: '入会日期',
    error: '请填写日期，格式如 2024-05-01',
    showInputMessage: true,
    promptTitle: '入会日期',
    prompt: '格式如 2024-05-01',
  });
  header.commit();
  sheet.commit();

  const instructions = workbook.addWorksheet(INSTRUCTIONS_SHEET);
  instructions.columns = [{ width: 120 }];
  INSTRUCTIONS.forEach((line, index) => {
    const row = instructions.addRow([line]);
    if (index === 0) row.font = { bold: true, size: 14 };
    row.alignment = { wrapText: true, vertical: 'top' };
    row.commit();
  });
  instructions.commit();
  await workbook.commit();
}
