/**
 * Errors of the contest judging rules (issue #14). These functions are pure domain: they throw this small error type,
 * never `AppError`; the wiring to come maps each code to an HTTP answer and a catalogue message.
 */
export type ContestErrorCode =
  | 'CONTEST_INVALID_CRITERIA'
  | 'CONTEST_SCORE_OUT_OF_RANGE'
  | 'CONTEST_UNKNOWN_REFERENCE'
  | 'CONTEST_DUPLICATE_SCORE'
  | 'CONTEST_NORMALISATION_UNBALANCED'
  | 'CONTEST_NORMALISATION_DEGENERATE'
  | 'CONTEST_INVALID_TIERS'
  | 'CONTEST_INVALID_ASSIGNMENT';

/** A broken rule of a contest, with a stable code and the detail that names what was wrong. */
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

/**
 * What each code means, in both languages, for the wiring to come: it registers these in the error catalogue
 * (`src/common/contests.errors.ts`) with an HTTP status and the detail as a parameter.
 */
export const contestErrorMessages: Readonly<Record<ContestErrorCode, { readonly 'zh-CN': string; readonly en: string }>> = {
  CONTEST_INVALID_CRITERIA: { 'zh-CN': '评分项设置无效：{detail}', en: 'Invalid scoring criteria: {detail}' },
  CONTEST_SCORE_OUT_OF_RANGE: { 'zh-CN': '分数超出范围：{detail}', en: 'Score out of range: {detail}' },
  CONTEST_UNKNOWN_REFERENCE: { 'zh-CN': '评委或作品不存在：{detail}', en: 'Unknown judge or entry: {detail}' },
  CONTEST_DUPLICATE_SCORE: {
    'zh-CN': '同一评委对同一作品有两份评分表：{detail}',
    en: 'Two score sheets from one judge for one entry: {detail}',
  },
  CONTEST_NORMALISATION_UNBALANCED: {
    'zh-CN': '评委分配不平衡，不能做评委标准化：{detail}',
    en: 'The assignment is not balanced, so judges cannot be normalised: {detail}',
  },
  CONTEST_NORMALISATION_DEGENERATE: {
    'zh-CN': '评委打分没有差异，无法标准化：{detail}',
    en: 'Scores without spread cannot be normalised: {detail}',
  },
  CONTEST_INVALID_TIERS: { 'zh-CN': '奖项设置无效：{detail}', en: 'Invalid award tiers: {detail}' },
  CONTEST_INVALID_ASSIGNMENT: { 'zh-CN': '评委分配无效：{detail}', en: 'Invalid judge assignment: {detail}' },
};
