import { defineErrors } from './errors.js';

/** Errors of random grouping at a session (随机分组). */
export const eventGroupingErrors = defineErrors({
  EVENT_GROUPING_NO_PEOPLE: {
    status: 409,
    'zh-CN': '该班次还没有已确认或已签到的人员，无法分组',
    en: 'This session has nobody confirmed or attended yet, so there is no one to group',
  },
  EVENT_GROUPING_TOO_FEW: {
    status: 409,
    'zh-CN': '该班次只有 {people} 人，不能分成 {groups} 组',
    en: 'This session has only {people} people; they cannot be split into {groups} groups',
  },
  EVENT_GROUPING_NONE: { status: 404, 'zh-CN': '该班次还没有分组', en: 'This session has not been grouped yet' },
  EVENT_GROUPING_INVALID: { status: 400, 'zh-CN': '分组参数无效：{detail}', en: 'Invalid grouping: {detail}' },
});

declare module './errors.js' {
  interface ErrorCatalogs {
    eventGrouping: typeof eventGroupingErrors;
  }
}
