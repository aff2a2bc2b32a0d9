import { defineErrors } from './errors.js';

/** Errors of the tournaments module (赛事). */
export const tournamentErrors = defineErrors({
  TOURNAMENT_INPUT_INVALID: { status: 400, 'zh-CN': '赛事设置有误：{zh}', en: 'Invalid tournament input: {en}' },
  TOURNAMENT_WRONG_KIND: { status: 409, 'zh-CN': '此操作不适用于该赛制', en: 'This does not apply to this kind of tournament' },
  TOURNAMENT_DRAWN: {
    status: 409,
    'zh-CN': '已经抽签编排，不能再增减队伍或重新编排',
    en: 'The draw is made: teams and fixtures are fixed',
  },
  TOURNAMENT_TEAM_UNKNOWN: { status: 400, 'zh-CN': '队伍不属于本赛事：{teamId}', en: 'The team is not in this tournament: {teamId}' },
  TOURNAMENT_GROUP_STAGE_INCOMPLETE: {
    status: 409,
    'zh-CN': '小组赛尚有比赛未确认结果，不能编排淘汰赛',
    en: 'Some group matches have no confirmed result yet; the knockout cannot be drawn',
  },
  TOURNAMENT_MATCH_NOT_READY: {
    status: 409,
    'zh-CN': '该场比赛的对阵尚未确定（或为轮空）',
    en: 'The sides of this match are not known yet (or it is a bye)',
  },
  TOURNAMENT_RESULT_CONFIRMED: {
    status: 409,
    'zh-CN': '结果已确认，只能由主办方更正',
    en: 'The result is confirmed; only the organiser can correct it',
  },
  TOURNAMENT_NOTHING_TO_CONFIRM: { status: 409, 'zh-CN': '没有待确认的结果', en: 'There is no entered result to confirm' },
  TOURNAMENT_RESULT_CHANGED: {
    status: 409,
    'zh-CN': '该场结果已被他人更改，请刷新后重试',
    en: 'The result was changed meanwhile; reload and try again',
  },
  TOURNAMENT_NOTHING_TO_CORRECT: { status: 409, 'zh-CN': '只能更正已确认的结果', en: 'Only a confirmed result can be corrected' },
  TOURNAMENT_KNOCKOUT_UNDECIDED: {
    status: 400,
    'zh-CN': '淘汰赛须分出胜负：平局时请录入加时赛和点球',
    en: 'A knockout match needs a winner: record extra time and penalties when level',
  },
  TOURNAMENT_DEPENDENT_PLAYED: {
    status: 409,
    'zh-CN': '后续比赛（第 {match} 场）已有结果，更正须以“强制更正”并说明理由',
    en: 'A later match (match {match}) already has a result; correcting needs an override with a reason',
  },
  TOURNAMENT_HEATS_INCOMPLETE: {
    status: 409,
    'zh-CN': '预赛尚有成绩未确认，不能编排决赛',
    en: 'Some heat results are not confirmed yet; the final cannot be drawn',
  },
  TOURNAMENT_RE_ROW_PENDING: {
    status: 409,
    'zh-CN': '晋级线上成绩相同，须重赛决定',
    en: 'Equal times at the cut wait for a re-row',
  },
  TOURNAMENT_RESULTS_MISMATCH: {
    status: 400,
    'zh-CN': '须录入本组每个航道的成绩，且完赛须有用时',
    en: 'Enter every lane of the race, with a time for each finished crew',
  },
  TOURNAMENT_LINK_INVALID: { status: 404, 'zh-CN': '链接无效', en: 'This link is not valid' },
  TOURNAMENT_LINK_REVOKED: {
    status: 404,
    'zh-CN': '此链接已被主办方停用，请向主办方索取新的链接',
    en: 'The organiser has revoked this link; ask them for a new one',
  },
  TOURNAMENT_MATCH_PLAYED: {
    status: 409,
    'zh-CN': '该场比赛已有结果，不能再改开赛时间和场地',
    en: 'This match has a result; its kickoff and venue can no longer be changed',
  },
  TOURNAMENT_RE_ROW_UNKNOWN: {
    status: 400,
    'zh-CN': '所列队伍不是一组待重赛的队伍：须恰好列出同一组成绩相同的各队',
    en: 'These crews are not a re-row that is waiting: list exactly the crews level at one cut',
  },
  TOURNAMENT_FINAL_PLAYED: {
    status: 409,
    'zh-CN': '决赛已有成绩，更正预赛须以“强制更正”并说明理由（决赛成绩将作废，须重新编排）',
    en: 'The final has results; correcting a heat needs an override with a reason (the final is then drawn and rowed again)',
  },
});

declare module './errors.js' {
  interface ErrorCatalogs {
    tournaments: typeof tournamentErrors;
  }
}
