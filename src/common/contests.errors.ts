import { defineErrors } from './errors.js';

/**
 * Errors of contests (竞赛评比, issue #14). The first eight are the pure domain's (aggregate, awards, conflicts),
 * thrown there as {@link ContestError} and answered with their detail; the rest are the wiring's.
 */
export const contestsErrors = defineErrors({
  CONTEST_INVALID_CRITERIA: { status: 400, 'zh-CN': '评分项设置无效：{detail}', en: 'Invalid scoring criteria: {detail}' },
  CONTEST_SCORE_OUT_OF_RANGE: { status: 400, 'zh-CN': '分数超出范围：{detail}', en: 'Score out of range: {detail}' },
  CONTEST_UNKNOWN_REFERENCE: { status: 422, 'zh-CN': '评委或作品不存在：{detail}', en: 'Unknown judge or entry: {detail}' },
  CONTEST_DUPLICATE_SCORE: {
    status: 409,
    'zh-CN': '同一评委对同一作品有两份评分表：{detail}',
    en: 'Two score sheets from one judge for one entry: {detail}',
  },
  CONTEST_NORMALISATION_UNBALANCED: {
    status: 409,
    'zh-CN': '评委分配不平衡，不能做评委标准化：{detail}',
    en: 'The assignment is not balanced, so judges cannot be normalised: {detail}',
  },
  CONTEST_NORMALISATION_DEGENERATE: {
    status: 409,
    'zh-CN': '评委打分没有差异，无法标准化：{detail}',
    en: 'Scores without spread cannot be normalised: {detail}',
  },
  CONTEST_INVALID_TIERS: { status: 400, 'zh-CN': '奖项设置无效：{detail}', en: 'Invalid award tiers: {detail}' },
  CONTEST_INVALID_ASSIGNMENT: { status: 422, 'zh-CN': '评委分配无效：{detail}', en: 'Invalid judge assignment: {detail}' },
  CONTEST_CONFLICT_OF_INTEREST: {
    status: 409,
    'zh-CN': '回避规则：评委不能评本单位、上级或下级单位的作品，也不能评已申报回避的作品',
    en: 'Conflict of interest: a judge may not score an entry of their own unit, a unit above or below it, or one they declared',
  },
  CONTEST_WRONG_STATUS: {
    status: 409,
    'zh-CN': '竞赛当前状态（{status}）不允许此操作',
    en: 'The contest is {status}: this cannot be done now',
  },
  CONTEST_SHEET_SUBMITTED: {
    status: 409,
    'zh-CN': '评分表已提交，不能再修改；如需更正请提交带理由的更正记录',
    en: 'The score sheet was submitted; a change needs an amendment with a reason',
  },
  CONTEST_SHEET_NOT_SUBMITTED: {
    status: 409,
    'zh-CN': '评分表尚未提交，直接修改草稿即可',
    en: 'The score sheet is not submitted yet: edit the draft instead',
  },
  CONTEST_SHEET_INCOMPLETE: {
    status: 409,
    'zh-CN': '评分表还有未打分的评分项：{detail}',
    en: 'The score sheet still has criteria without a score: {detail}',
  },
  CONTEST_SCORES_MISSING: {
    status: 409,
    'zh-CN': '还有 {count} 份评分未完成，不能计算结果（缺失的分数不按零分处理）',
    en: '{count} scores are still missing, so no result can be computed (a missing score is never counted as zero)',
  },
  CONTEST_TIE_UNRESOLVED: {
    status: 409,
    'zh-CN': '获奖线上出现并列（{detail}），按规则须由评委会主任记录裁定后再计算',
    en: 'A tie at a prize boundary ({detail}): the chief judge must record a decision first',
  },
  CONTEST_PANEL_SHORT: {
    status: 409,
    'zh-CN': '有 {count} 个作品凑不齐无回避关系的评委，请增加评委或减少每组评委人数',
    en: '{count} entries cannot get a full panel free of conflicts: add judges or reduce the panel size',
  },
  CONTEST_NOTICE_OVER: { status: 409, 'zh-CN': '公示期已结束，不能再提出申诉', en: 'The notice period is over: appeals are closed' },
  CONTEST_NOTICE_RUNNING: {
    status: 409,
    'zh-CN': '公示期尚未结束（至 {until}），暂不能确定最终结果',
    en: 'The notice period runs until {until}: the result cannot be made final yet',
  },
  CONTEST_APPEALS_OPEN: {
    status: 409,
    'zh-CN': '还有 {count} 件申诉未答复，不能确定最终结果',
    en: '{count} appeals are still unanswered: the result cannot be made final',
  },
  CONTEST_APPEAL_ANSWERED: { status: 409, 'zh-CN': '该申诉已答复', en: 'The appeal was already answered' },
  CONTEST_DESIGN_NOT_DECLARED: {
    status: 409,
    'zh-CN': '评委没有评全部作品，且没有声明平衡设计，不能做评委标准化：请在开始评审前声明平衡设计，或改为不做标准化',
    en: 'Judges do not score every entry and no balanced design was declared, so judges cannot be normalised: declare a balanced design before the judging starts, or turn normalisation off',
  },
  CONTEST_DESIGN_NOT_HELD: {
    status: 409,
    'zh-CN': '实际分配不符合声明的平衡设计，不能做评委标准化：各评委评审作品数为 {loads}，各作品评委数为 {panels}，两者都须各自相同',
    en: 'The actual assignment does not hold the declared balanced design, so judges cannot be normalised: judges score {loads} entries, entries have {panels} judges; each must be one number',
  },
});

declare module './errors.js' {
  interface ErrorCatalogs {
    contests: typeof contestsErrors;
  }
}

/** The codes the pure contest rules throw. */
export type ContestErrorCode =
  | 'CONTEST_INVALID_CRITERIA'
  | 'CONTEST_SCORE_OUT_OF_RANGE'
  | 'CONTEST_UNKNOWN_REFERENCE'
  | 'CONTEST_DUPLICATE_SCORE'
  | 'CONTEST_NORMALISATION_UNBALANCED'
  | 'CONTEST_NORMALISATION_DEGENERATE'
  | 'CONTEST_INVALID_TIERS'
  | 'CONTEST_INVALID_ASSIGNMENT';

/** A broken rule of a contest, with a stable code and the detail that names what was wrong (pure, no HTTP). */
export class ContestError extends Error {
  readonly code: ContestErrorCode;
  readonly detail: string;

  constructor(code: ContestErrorCode, detail: string) {
    super(`${code}: ${detail}`);
    this.name = 'ContestError';
    this.code = code;
    this.detail = detail;
  }
}
