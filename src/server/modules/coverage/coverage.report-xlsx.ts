import { loadExcelJS } from '../../http/file-libraries.js';
import type { Locale } from '../../../common/i18n.js';
import type { CoverageFigures } from '../../../common/coverage.reports.js';
import type { CoverageReport } from './coverage.reports.service.js';

type Column = { key: keyof CoverageFigures; width: number; percent?: boolean };
const columns: Column[] = [
  { key: 'employees', width: 12 },
  { key: 'employeesCovered', width: 14 },
  { key: 'members', width: 12 },
  { key: 'membershipRate', width: 10, percent: true },
  { key: 'employersCovered', width: 12 },
  { key: 'employers', width: 10 },
  { key: 'employers100plusCovered', width: 16 },
  { key: 'employers100plus', width: 14 },
  { key: 'unionisationRate', width: 10, percent: true },
  { key: 'grassrootsUnions', width: 14 },
];

const words: Record<Locale, Record<keyof CoverageFigures | 'unit' | 'title' | 'asOf' | 'live' | 'sheet' | 'file', string>> = {
  'zh-CN': {
    unit: '单位',
    employees: '职工数',
    employeesCovered: '建会单位职工数',
    members: '会员数',
    membershipRate: '入会率',
    employersCovered: '建会单位数',
    employers: '单位数',
    employers100plusCovered: '百人以上已建会',
    employers100plus: '百人以上单位数',
    unionisationRate: '建会率',
    grassrootsUnions: '基层工会数',
    title: '工会组织和会员覆盖情况统计表',
    asOf: '统计截止日期',
    live: '实时',
    sheet: '覆盖情况',
    file: '覆盖情况统计表',
  },
  en: {
    unit: 'Unit',
    employees: 'Staff',
    employeesCovered: 'Staff of unionised units',
    members: 'Members',
    membershipRate: 'Membership rate',
    employersCovered: 'Unionised units',
    employers: 'Units',
    employers100plusCovered: 'Unionised units of 100+',
    employers100plus: 'Units of 100+',
    unionisationRate: 'Unionisation rate',
    grassrootsUnions: 'Grassroots unions',
    title: 'Union and membership coverage report',
    asOf: 'As of',
    live: 'live',
    sheet: 'Coverage',
    file: 'coverage-report',
  },
};

export const reportLabels = (locale: Locale) =>
  locale === 'en' ? { own: ' (own level)', subtotal: 'Subtotal', total: 'Total' } : { own: '（本级）', subtotal: '小计', total: '合计' };

/** The report's file name: node, report and date (统计表 of 东城区总工会 on 2026-11-30). */
export function reportFileName(report: CoverageReport, locale: Locale): string {
  return `${report.orgName}_${words[locale].file}_${report.asOf}.xlsx`;
}

/** The report as an .xlsx in the layout cadres report upward: a title row, a header row, lines, 小计 and 合计. */
export async function writeReportXlsx(report: CoverageReport, locale: Locale): Promise<Buffer> {
  const w = words[locale];
  const ExcelJS = await loadExcelJS();
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet(w.sheet, { views: [{ state: 'frozen', ySplit: 2 }] });
  sheet.columns = [{ width: 36 }, ...columns.map((c) => ({ width: c.width }))];
  const title = sheet.addRow([`${report.orgName} ${w.title}（${w.asOf}: ${report.asOf}${report.isLive ? `, ${w.live}` : ''}）`]);
  sheet.mergeCells(1, 1, 1, columns.length + 1);
  title.font = { bold: true, size: 14 };
  title.alignment = { horizontal: 'center' };
  const header = sheet.addRow([w.unit, ...columns.map((c) => w[c.key])]);
  header.font = { bold: true };
  header.alignment = { horizontal: 'center', wrapText: true };
  for (const line of report.lines) {
    const values = line.figures ? columns.map((c) => line.figures![c.key]) : [];
    const row = sheet.addRow([`${line.level === 1 ? '    ' : ''}${line.label}`, ...values]);
    if (line.kind === 'group' || line.kind === 'subtotal' || line.kind === 'total') row.font = { bold: true };
    if (line.kind === 'total') row.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFEFEFEF' } };
    columns.forEach((c, i) => {
      const cell = row.getCell(i + 2);
      cell.numFmt = c.percent ? '0.00%' : '#,##0';
    });
  }
  sheet.eachRow((row) =>
    row.eachCell(
      (cell) => (cell.border = { top: { style: 'thin' }, bottom: { style: 'thin' }, left: { style: 'thin' }, right: { style: 'thin' } }),
    ),
  );
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
