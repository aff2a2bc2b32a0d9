import { z } from 'zod';
import { BodyId, PageQuery, pageOf } from './paging.js';
import { defineAuditActions } from './audit.actions.js';

/** Tournaments (赛事, issue #14): a league with groups and a knockout, or heats and a final. */
export const tournamentKinds = ['league_knockout', 'heats'] as const;
export type TournamentKind = (typeof tournamentKinds)[number];
export const tieBreaks = ['points', 'goalDifference', 'goalsFor', 'headToHead', 'fairPlay', 'lots'] as const;
export const heatTieRules = ['lots', 'reRow'] as const;
export const heatOutcomes = ['finished', 'DNS', 'DNF', 'DSQ'] as const;
export const resultStatuses = ['entered', 'confirmed', 'voided'] as const;
export type ResultStatus = (typeof resultStatuses)[number];

export const TOURNAMENT_LIMITS = { teams: 200, teamsPerRequest: 200, referees: 50 } as const;

export const CreateTournamentBody = z.object({
  orgId: BodyId,
  eventId: BodyId.optional(),
  name: z.string().trim().min(1).max(100),
  kind: z.enum(tournamentKinds),
  /** Ordered, each once, ending with the drawing of lots (FIFA's order by default). */
  tieBreaks: z.array(z.enum(tieBreaks)).min(1).max(6).default(['points', 'goalDifference', 'goalsFor', 'headToHead', 'fairPlay', 'lots']),
  points: z
    .object({ win: z.number().int().min(0).max(10), draw: z.number().int().min(0).max(10), loss: z.number().int().min(0).max(10) })
    .default({ win: 3, draw: 1, loss: 0 }),
  /** Teams of each group that go through to the knockout. */
  qualifiers: z.number().int().min(1).max(64).optional(),
  lanes: z.number().int().min(2).max(12).optional(),
  finalists: z.number().int().min(1).max(12).optional(),
  /** Crews through by place in each heat (default ⌊finalists / heats⌋); the rest by the fastest times. */
  byPlace: z.number().int().min(0).max(12).optional(),
  heatTieRule: z.enum(heatTieRules).default('lots'),
  prizes: z.number().int().min(0).max(12).default(0),
  merits: z.number().int().min(0).max(12).default(0),
  /** The recorded seed of the drawing of lots; generated when not given. */
  lotsSeed: z.string().trim().min(1).max(200).optional(),
});
export type CreateTournamentBody = z.infer<typeof CreateTournamentBody>;

export const TeamInput = z.object({
  name: z.string().trim().min(1).max(100),
  /** The sending unit, when it is a node of the tree. */
  orgId: BodyId.optional(),
  category: z.string().trim().min(1).max(50).optional(),
  seed: z.number().int().min(1).max(1000).optional(),
});
export const AddTeamsBody = z.object({ teams: z.array(TeamInput).min(1).max(TOURNAMENT_LIMITS.teamsPerRequest) });
export type AddTeamsBody = z.infer<typeof AddTeamsBody>;

/** Groups by category (in the order of `categories`) or a number of groups dealt by seed. */
export const DrawGroupsBody = z.union([
  z.object({ categories: z.array(z.string().trim().min(1).max(50)).min(1).max(16) }),
  z.object({ groups: z.number().int().min(1).max(16) }),
]);
export type DrawGroupsBody = z.infer<typeof DrawGroupsBody>;

export const Team = z.object({
  id: z.number(),
  name: z.string(),
  orgId: z.number().nullable(),
  category: z.string().nullable(),
  seed: z.number().nullable(),
  group: z.number().nullable(),
});
export type Team = z.infer<typeof Team>;

export const Tournament = z.object({
  id: z.number(),
  orgId: z.number(),
  orgName: z.string(),
  eventId: z.number().nullable(),
  name: z.string(),
  kind: z.enum(tournamentKinds),
  tieBreaks: z.array(z.enum(tieBreaks)),
  points: z.object({ win: z.number(), draw: z.number(), loss: z.number() }),
  qualifiers: z.number().nullable(),
  lanes: z.number().nullable(),
  finalists: z.number().nullable(),
  byPlace: z.number().nullable(),
  heatTieRule: z.enum(heatTieRules),
  prizes: z.number(),
  merits: z.number(),
  lotsSeed: z.string(),
  createdAt: z.string(),
});
export type Tournament = z.infer<typeof Tournament>;
export const TournamentDetail = Tournament.extend({ teams: z.array(Team) });
export type TournamentDetail = z.infer<typeof TournamentDetail>;
export const TournamentList = z.object({ items: z.array(Tournament) });
export const TournamentListQuery = z.object({
  orgId: z
    .string()
    .regex(/^[1-9][0-9]{0,15}$/)
    .transform(Number),
});

const Goals = z.object({ home: z.number().int().min(0).max(99), away: z.number().int().min(0).max(99) });
export const ResultBody = z.object({
  regular: Goals,
  extraTime: Goals.optional(),
  penalties: Goals.optional(),
  fairPlay: Goals.optional(),
});
export type ResultBody = z.infer<typeof ResultBody>;
export const CorrectionBody = ResultBody.extend({
  /** The version of the confirmed result being corrected: a correction of a result changed meanwhile is refused. */
  version: z.number().int().min(1).max(1_000_000),
  reason: z.string().trim().min(1).max(500),
  /** Correct even though a dependent match has a result: those results are voided for re-entry. */
  override: z.boolean().default(false),
});
export type CorrectionBody = z.infer<typeof CorrectionBody>;

export const MatchResult = z.object({
  version: z.number(),
  status: z.enum(resultStatuses),
  regular: Goals,
  extraTime: Goals.nullable(),
  penalties: Goals.nullable(),
  fairPlay: Goals,
});
const Side = z.object({ teamId: z.number().nullable(), name: z.string().nullable(), source: z.string().nullable() });
export const Match = z.object({
  id: z.number(),
  stage: z.enum(['group', 'knockout']),
  group: z.number().nullable(),
  round: z.number(),
  bracketNo: z.number().nullable(),
  home: Side,
  away: Side,
  kickoff: z.string().nullable(),
  venue: z.string().nullable(),
  /** The latest result row, whatever its status; only a confirmed one counts. */
  result: MatchResult.nullable(),
  /** The winner of a knockout match once decided (a bye's walkover included). */
  winnerTeamId: z.number().nullable(),
});
export type Match = z.infer<typeof Match>;
/** When and where a match is played (开赛时间、场地), set by the organiser until the match has a result. */
export const MatchSlotBody = z.object({
  kickoff: z.string().datetime({ offset: true }).nullable(),
  venue: z.string().trim().min(1).max(100).nullable(),
});
export type MatchSlotBody = z.infer<typeof MatchSlotBody>;

/** The results of a tournament's matches by status, a page at a time (成绩确认). */
export const ResultListQuery = PageQuery.extend({ status: z.enum(['entered', 'confirmed']) });
export type ResultListQuery = z.infer<typeof ResultListQuery>;
export const MatchPage = pageOf(Match);
export type MatchPage = z.infer<typeof MatchPage>;

export const Schedule = z.object({ tournamentId: z.number(), name: z.string(), matches: z.array(Match) });
export type Schedule = z.infer<typeof Schedule>;

export const StandingRow = z.object({
  position: z.number(),
  teamId: z.number(),
  name: z.string(),
  played: z.number(),
  won: z.number(),
  drawn: z.number(),
  lost: z.number(),
  goalsFor: z.number(),
  goalsAgainst: z.number(),
  goalDifference: z.number(),
  points: z.number(),
  fairPlay: z.number(),
  separatedFromNextBy: z.enum(tieBreaks).nullable(),
  lotsKey: z.string().nullable(),
});
export const Standings = z.object({
  tournamentId: z.number(),
  groups: z.array(z.object({ group: z.number(), complete: z.boolean(), rows: z.array(StandingRow) })),
});
export type Standings = z.infer<typeof Standings>;

export const Bracket = z.object({
  tournamentId: z.number(),
  rounds: z.number(),
  matches: z.array(Match),
});
export type Bracket = z.infer<typeof Bracket>;

export const HeatResultInput = z.object({
  teamId: BodyId,
  outcome: z.enum(heatOutcomes),
  timeMs: z.number().int().min(1).max(86_400_000).optional(),
});
export const HeatResultsBody = z.object({
  stage: z.enum(['heat', 'final']),
  heat: z.number().int().min(1).max(100),
  results: z.array(HeatResultInput).min(1).max(12),
});
export type HeatResultsBody = z.infer<typeof HeatResultsBody>;
export const ConfirmHeatBody = z.object({ stage: z.enum(['heat', 'final']), heat: z.number().int().min(1).max(100) });
export type ConfirmHeatBody = z.infer<typeof ConfirmHeatBody>;
/**
 * A confirmed race corrected by the organiser (time, DNS/DNF/DSQ), with a reason. A drawn final that no crew has rowed
 * yet is withdrawn to be drawn again from the corrected progression; once the final has results only an override
 * corrects a heat (the final's results then no longer count and it is drawn and rowed again).
 */
export const HeatCorrectionBody = HeatResultsBody.extend({
  reason: z.string().trim().min(1).max(500),
  override: z.boolean().default(false),
});
export type HeatCorrectionBody = z.infer<typeof HeatCorrectionBody>;
/** The order a re-row decided: the crews that were level at a cut, best first. */
export const ReRowBody = z.object({ teamIds: z.array(BodyId).min(2).max(12) });
export type ReRowBody = z.infer<typeof ReRowBody>;

const LaneRow = z.object({
  lane: z.number(),
  teamId: z.number(),
  name: z.string(),
  outcome: z.enum(heatOutcomes).nullable(),
  timeMs: z.number().nullable(),
  status: z.enum(['entered', 'confirmed']).nullable(),
});
export const HeatsView = z.object({
  tournamentId: z.number(),
  heats: z.array(z.object({ heat: z.number(), lanes: z.array(LaneRow) })),
  progression: z
    .object({
      finalists: z.array(
        z.object({
          teamId: z.number(),
          name: z.string(),
          heat: z.number(),
          place: z.number(),
          timeMs: z.number(),
          via: z.enum(['place', 'time']),
        }),
      ),
      reRows: z.array(z.object({ teamIds: z.array(z.number()), cut: z.enum(['place', 'time']), heat: z.number().nullable() })),
      lots: z.array(z.object({ teamId: z.number(), key: z.string() })),
      shortfall: z.number(),
    })
    .nullable(),
  final: z.array(LaneRow).nullable(),
  places: z
    .array(
      z.object({
        teamId: z.number(),
        name: z.string(),
        place: z.number().nullable(),
        timeMs: z.number().nullable(),
        outcome: z.enum(heatOutcomes),
        award: z.enum(['prize', 'merit']).nullable(),
      }),
    )
    .nullable(),
});
export type HeatsView = z.infer<typeof HeatsView>;

export const CreateRefereeBody = z.object({
  username: z
    .string()
    .trim()
    .toLowerCase()
    .regex(/^[a-z0-9_.-]{3,40}$/),
  displayName: z.string().trim().min(1).max(50),
  /** The matches the referee may enter; none: every match of the tournament. */
  matchIds: z.array(BodyId).max(500).default([]),
});
export type CreateRefereeBody = z.infer<typeof CreateRefereeBody>;
export const CreatedReferee = z.object({ userId: z.number(), username: z.string(), firstPassword: z.string() });
export type CreatedReferee = z.infer<typeof CreatedReferee>;

/** What a referee serves: its tournaments and the matches it may enter (empty for anyone else). */
export const RefereeAssignments = z.object({
  items: z.array(
    z.object({ tournamentId: z.number(), name: z.string(), kind: z.enum(tournamentKinds), matchIds: z.array(z.number()).nullable() }),
  ),
});
export type RefereeAssignments = z.infer<typeof RefereeAssignments>;

export const PublicLink = z.object({ token: z.string(), url: z.string() });
export type PublicLink = z.infer<typeof PublicLink>;

/** The public page of a tournament: names, fixtures, results, standings and the bracket; nothing personal. */
export const PublicTournament = z.object({
  name: z.string(),
  kind: z.enum(tournamentKinds),
  schedule: z.array(Match),
  standings: Standings.shape.groups,
  bracket: z.array(Match),
  heats: HeatsView.nullable(),
});
export type PublicTournament = z.infer<typeof PublicTournament>;

defineAuditActions({
  'tournament.create': {
    label: { 'zh-CN': '新建赛事', en: 'Tournament created' },
    sentence: { 'zh-CN': '新建赛事 {target}', en: 'Created tournament {target}' },
  },
  'tournament.teams.add': {
    label: { 'zh-CN': '添加参赛队', en: 'Teams added' },
    sentence: { 'zh-CN': '为赛事 {target} 添加参赛队', en: 'Added teams to {target}' },
  },
  'tournament.groups.draw': {
    label: { 'zh-CN': '分组与赛程', en: 'Groups drawn' },
    sentence: { 'zh-CN': '为赛事 {target} 分组并生成赛程', en: 'Drew the groups and fixtures of {target}' },
  },
  'tournament.knockout.draw': {
    label: { 'zh-CN': '生成淘汰赛', en: 'Knockout drawn' },
    sentence: { 'zh-CN': '生成赛事 {target} 的淘汰赛对阵', en: 'Drew the knockout of {target}' },
  },
  'tournament.heats.draw': {
    label: { 'zh-CN': '预赛分组', en: 'Heats drawn' },
    sentence: { 'zh-CN': '为赛事 {target} 编排预赛与航道', en: 'Drew the heats and lanes of {target}' },
  },
  'tournament.heat.enter': {
    label: { 'zh-CN': '录入预赛/决赛成绩', en: 'Race result entered' },
    sentence: { 'zh-CN': '录入赛事 {target} 一场比赛的成绩', en: 'Entered a race result of {target}' },
  },
  'tournament.heat.confirm': {
    label: { 'zh-CN': '确认预赛/决赛成绩', en: 'Race result confirmed' },
    sentence: { 'zh-CN': '确认赛事 {target} 一场比赛的成绩', en: 'Confirmed a race result of {target}' },
  },
  'tournament.final.draw': {
    label: { 'zh-CN': '编排决赛', en: 'Final drawn' },
    sentence: { 'zh-CN': '编排赛事 {target} 的决赛航道', en: 'Drew the final lanes of {target}' },
  },
  'tournament.referee.create': {
    label: { 'zh-CN': '新建裁判账号', en: 'Referee account created' },
    sentence: { 'zh-CN': '为赛事 {target} 新建裁判账号', en: 'Created a referee account for {target}' },
  },
  'tournament.result.enter': {
    label: { 'zh-CN': '录入比赛结果', en: 'Result entered' },
    sentence: { 'zh-CN': '录入比赛 {target} 的结果', en: 'Entered the result of match {target}' },
  },
  'tournament.result.confirm': {
    label: { 'zh-CN': '确认比赛结果', en: 'Result confirmed' },
    sentence: { 'zh-CN': '确认比赛 {target} 的结果', en: 'Confirmed the result of match {target}' },
  },
  'tournament.result.correct': {
    label: { 'zh-CN': '更正比赛结果', en: 'Result corrected' },
    sentence: { 'zh-CN': '更正比赛 {target} 的结果', en: 'Corrected the result of match {target}' },
  },
  'tournament.result.override': {
    label: { 'zh-CN': '强制更正比赛结果', en: 'Result overridden' },
    sentence: {
      'zh-CN': '强制更正比赛 {target} 的结果，后续比赛结果作废待重录',
      en: 'Overrode the result of match {target}; later results voided for re-entry',
    },
  },
  'tournament.match.slot': {
    label: { 'zh-CN': '安排开赛时间与场地', en: 'Kickoff and venue set' },
    sentence: { 'zh-CN': '安排比赛 {target} 的开赛时间与场地', en: 'Set the kickoff and venue of match {target}' },
  },
  'tournament.rerow.record': {
    label: { 'zh-CN': '录入重赛名次', en: 'Re-row order recorded' },
    sentence: { 'zh-CN': '录入赛事 {target} 晋级线重赛的名次', en: 'Recorded the order of a re-row of {target}' },
  },
  'tournament.heat.correct': {
    label: { 'zh-CN': '更正预赛/决赛成绩', en: 'Race result corrected' },
    sentence: { 'zh-CN': '更正赛事 {target} 一场比赛的成绩', en: 'Corrected a race result of {target}' },
  },
  'tournament.heat.override': {
    label: { 'zh-CN': '强制更正预赛成绩', en: 'Heat result overridden' },
    sentence: {
      'zh-CN': '强制更正赛事 {target} 的预赛成绩，决赛成绩作废、须重新编排',
      en: 'Overrode a heat result of {target}; the final results no longer count and it is drawn again',
    },
  },
  'tournament.public_link.revoke': {
    label: { 'zh-CN': '停用公开链接', en: 'Public link revoked' },
    sentence: { 'zh-CN': '停用赛事 {target} 的公开只读链接', en: 'Revoked the public read-only link of {target}' },
  },
  'tournament.public_link': {
    label: { 'zh-CN': '生成公开链接', en: 'Public link made' },
    sentence: { 'zh-CN': '生成赛事 {target} 的公开只读链接', en: 'Made the public read-only link of {target}' },
  },
});
