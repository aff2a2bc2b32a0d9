import { defineErrors } from './errors.js';

/** Errors of the coverage reports (snapshots, trend, 统计报表). */
export const coverageReportErrors = defineErrors({
  REPORT_DATE_IN_FUTURE: { status: 422, 'zh-CN': '报表日期不能晚于本月', en: 'The report date cannot be later than this month' },
  SNAPSHOT_MISSING: {
    status: 422,
    'zh-CN': '该月没有覆盖情况快照，无法出具当月报表',
    en: 'There is no coverage snapshot for that month, so no report can be made for it',
  },
  REPORT_TOO_LARGE: {
    status: 422,
    'zh-CN': '报表行数过多，请选择下一级组织',
    en: 'The report would have too many rows; choose a lower-level organisation',
  },
});

declare module './errors.js' {
  interface ErrorCatalogs {
    coverageReports: typeof coverageReportErrors;
  }
}
