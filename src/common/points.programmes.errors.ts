import { defineErrors } from './errors.js';

/** Errors of points programmes and awards (积分项目、积分奖励). */
export const programmeErrors = defineErrors({
  PROGRAMME_CLOSED: {
    status: 409,
    'zh-CN': '该积分项目已关闭，不能再奖励或入账',
    en: 'This points programme is closed: no more awards or funding',
  },
  PROGRAMME_RULE_OFF: {
    status: 422,
    'zh-CN': '该积分项目未设置此类奖励规则（{source}）',
    en: 'This programme does not award points for {source}',
  },
  PROGRAMME_CAP_DAY: {
    status: 409,
    'zh-CN': '超出每日积分上限 {cap} 分：该会员今日已获 {earned} 分，还可获得 {left} 分',
    en: 'Over the daily cap of {cap} points: this member has earned {earned} today, {left} left',
  },
  PROGRAMME_CAP_MONTH: {
    status: 409,
    'zh-CN': '超出每月积分上限 {cap} 分：该会员本月已获 {earned} 分，还可获得 {left} 分',
    en: 'Over the monthly cap of {cap} points: this member has earned {earned} this month, {left} left',
  },
  PROGRAMME_CAP_YEAR: {
    status: 409,
    'zh-CN': '超出每年积分上限 {cap} 分：该会员今年已获 {earned} 分，还可获得 {left} 分',
    en: 'Over the yearly cap of {cap} points: this member has earned {earned} this year, {left} left',
  },
  PROGRAMME_MEMBER_OUTSIDE: {
    status: 422,
    'zh-CN': '会员不属于该积分项目所属组织（或已不是会员）',
    en: 'The member does not belong to the programme’s organisation (or is no longer a member)',
  },
  PROGRAMME_NOT_AN_AWARD: {
    status: 422,
    'zh-CN': '只能冲正本项目的积分奖励',
    en: 'Only awards of this programme can be reversed here',
  },
  PROGRAMME_FILE_INVALID: {
    status: 422,
    'zh-CN': '文件无法读取：{detail}',
    en: 'The file cannot be read: {detail}',
  },
  PROGRAMME_FILE_TOO_MANY_ROWS: {
    status: 422,
    'zh-CN': '一次最多奖励 {max} 行',
    en: 'At most {max} rows per bulk award',
  },
  PROGRAMME_ROW_MEMBER_UNKNOWN: {
    status: 422,
    'zh-CN': '找不到与姓名和证件号码（或手机号）相符的会员',
    en: 'No member matches the name and ID number (or phone)',
  },
  PROGRAMME_ROW_INVALID: {
    status: 422,
    'zh-CN': '该行内容有误：{detail}',
    en: 'This row is invalid: {detail}',
  },
  PROGRAMME_BATCH_KEY_REUSED: {
    status: 409,
    'zh-CN': '该批次号已用于另一份名单，请换一个批次号',
    en: 'This batch number was already used for another list: choose another one',
  },
  PROGRAMME_JOB_NOT_FAILED: {
    status: 409,
    'zh-CN': '只有中断的批量奖励任务可以重试（该任务{status}）',
    en: 'Only an interrupted bulk award can be retried (this one is {status})',
  },
});

declare module './errors.js' {
  interface ErrorCatalogs {
    programmes: typeof programmeErrors;
  }
}
