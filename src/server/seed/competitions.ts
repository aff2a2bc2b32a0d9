/**
 * The demo's contest and tournaments (issue #14), run through the modules' own services as the demo's admin — the
 * rules that run for a user run here, so the demo's results are the rules' results:
 * - 市自来水集团工会's poetry contest (seed 004): 37 branch unions send 37 acts, nine judges score them in panels of
 *   five, the result is frozen and on notice (公示): 3 / 6 / 9, 3 最佳创作奖, 4 优秀组织奖, the top 18 to the showcase;
 * - 东城's dragon boats (seed 001): 17 crews, three heats, 6 to the final; the printed finalists win the printed places;
 * - 通州's football league (seed 001): 40 teams in three groups by category, the first five rounds played.
 * Runs in the background once the demo members are in (the judges and the referee are accounts; the admin exists by
 * then); idempotent: each is made once, by name.
 */
import { sql, type Kysely } from 'kysely';
import type { DB } from '../db/schema.js';
import type { Actor } from '../auth/scope.js';
import type { Role } from '../../common/auth.js';
import type { OrgKind } from '../../common/orgs.js';
import { createOrg } from '../modules/orgs/orgs.service.js';
import * as contests from '../modules/contests/contests.service.js';
import * as judging from '../modules/contests/contests.judging.service.js';
import * as results from '../modules/contests/contests.results.service.js';
import * as tournaments from '../modules/tournaments/tournaments.service.js';
import * as heats from '../modules/tournaments/tournaments.heats.js';
import * as matches from '../modules/tournaments/tournaments.results.js';
import { createRandom } from './random.js';
import { POETRY_CONTEST, POETRY_CONTEST_TITLE, POETRY_UNITS } from './contests.data.js';
import { DRAGON_BOAT, DRAGON_BOAT_CREWS, DRAGON_BOAT_TITLE, FOOTBALL, FOOTBALL_GROUPS, FOOTBALL_TITLE } from './tournaments.data.js';

const WATERWORKS_UNION = '北京市自来水集团有限责任公司工会';
/** The football league's played rounds in the demo (of 13 in the largest group). */
export const FOOTBALL_ROUNDS_PLAYED = 5;

/** The actor behind an account, with its grants, as a session would resolve it. */
export async function actorOf(db: Kysely<DB>, username: string): Promise<Actor | undefined> {
  const user = await db
    .selectFrom('app_user')
    .select(['id', 'username', 'display_name'])
    .where('username', '=', username)
    .executeTakeFirst();
  if (!user) return undefined;
  const grants = await db
    .selectFrom('role_grant as g')
    .innerJoin('org_unit as o', 'o.id', 'g.org_id')
    .select(['g.id', 'g.org_id', 'o.path', 'o.name', 'o.kind', 'g.role'])
    .where('g.user_id', '=', user.id)
    .orderBy('g.id')
    .execute();
  return {
    userId: user.id,
    username: user.username,
    displayName: user.display_name,
    ip: '127.0.0.1',
    grants: grants.map((g) => ({
      id: g.id,
      orgId: g.org_id,
      orgPath: g.path,
      orgName: g.name,
      orgKind: g.kind as OrgKind,
      role: g.role as Role,
    })),
  };
}

async function orgNamed(db: Kysely<DB>, name: string, under?: string): Promise<{ id: number; path: string } | undefined> {
  let q = db.selectFrom('org_unit').select(['id', 'path']).where('name', '=', name);
  if (under) q = q.where(sql<boolean>`path <@ ${under}::ltree`);
  return q.orderBy('id').executeTakeFirst();
}

/** Everything of issue #14 the demo shows; nothing when the demo tree or the admin is missing. */
export async function seedCompetitions(db: Kysely<DB>): Promise<void> {
  const admin = await actorOf(db, 'admin');
  if (!admin) return;
  await seedPoetryContest(db, admin);
  await seedDragonBoats(db, admin);
  await seedFootballLeague(db, admin);
}

// ── the poetry contest ──────────────────────────────────────────────────────────────────────────────────────────

/** The judges: their unit (a node outside the group, or two of the group's own units) and whether chief. */
const JUDGE_UNITS: readonly { unit: string; chief?: boolean }[] = [
  { unit: '东城区总工会', chief: true },
  { unit: '西城区总工会' },
  { unit: '朝阳区总工会' },
  { unit: '海淀区总工会' },
  { unit: '丰台区总工会' },
  { unit: '石景山区总工会' },
  { unit: '通州区总工会' },
  { unit: '第九水厂分工会' },
  { unit: '客户服务中心分工会' },
];

export async function seedPoetryContest(db: Kysely<DB>, admin: Actor): Promise<void> {
  const union = await orgNamed(db, WATERWORKS_UNION);
  if (!union) return;
  if (await db.selectFrom('contest').select('id').where('name', '=', POETRY_CONTEST_TITLE).executeTakeFirst()) return;
  const units: number[] = [];
  for (const u of POETRY_UNITS) {
    const existing = await orgNamed(db, u.unit, union.path);
    units.push(existing?.id ?? (await createOrg(db, admin, { parentId: union.id, kind: 'branch', name: u.unit })).id);
  }
  const contest = await contests.createContest(db, admin, {
    orgId: union.id,
    name: POETRY_CONTEST_TITLE,
    normalisation: 'none',
    panelSize: 5,
    showcaseSize: POETRY_CONTEST.showcase,
    noticeDays: 7,
    criteria: [
      { name: '题材内容', weight: 1, maxScore: 30, decimals: 2, tieBreakRank: 1 },
      { name: '表现形式', weight: 1, maxScore: 30, decimals: 2, tieBreakRank: 2 },
      { name: '选手素质', weight: 1, maxScore: 20, decimals: 2, tieBreakRank: 3 },
      { name: '现场发挥', weight: 1, maxScore: 20, decimals: 2, tieBreakRank: 4 },
    ],
    tiers: [
      { kind: 'ladder', name: '最佳表演奖', quota: POETRY_CONTEST.best },
      { kind: 'ladder', name: '最佳风采奖', quota: POETRY_CONTEST.style },
      { kind: 'ladder', name: '优秀表演奖', quota: POETRY_CONTEST.excellent },
      { kind: 'criterion', name: '最佳创作奖', quota: POETRY_CONTEST.writing, criterionIndex: 0 },
      { kind: 'unit', name: '优秀组织奖', quota: POETRY_CONTEST.organisation },
    ],
  });
  await contests.openContest(db, admin, contest.id);
  const random = createRandom(20260520);
  for (const [i, u] of POETRY_UNITS.entries()) {
    const performers = Array.from({ length: u.performers }, (_, k) => ({ name: `${u.unit.replace(/分工会$/, '')}职工${k + 1}` }));
    await contests.addEntry(db, admin, contest.id, { orgId: units[i]!, title: u.title, performers, attachments: [] });
  }
  const judges: { id: number; username: string }[] = [];
  for (const [i, j] of JUDGE_UNITS.entries()) {
    const unit = (await orgNamed(db, j.unit, j.unit.endsWith('分工会') ? union.path : undefined))!;
    const created = await contests.createJudge(db, admin, contest.id, {
      username: `poetry-judge-${i + 1}`,
      displayName: `评委${i + 1}`,
      orgId: unit.id,
      isChief: j.chief ?? false,
    });
    judges.push({ id: created.id, username: created.username });
  }
  await contests.assignPanels(db, admin, contest.id);
  await contests.startJudging(db, admin, contest.id);
  // Each act has its own quality, spaced so the ranking is the acts' order of quality; each judge a slight bias.
  const entries = (await contests.listEntries(db, admin, contest.id)).items;
  const quality = new Map(entries.map((e, i) => [e.id, 0.95 - ((i * 17) % entries.length) * 0.0095]));
  for (const judge of judges) {
    const actor = (await actorOf(db, judge.username))!;
    const bias = (random.next() - 0.5) * 0.03;
    for (const c of (await judging.myContests(db, actor)).items)
      for (const a of c.assignments) {
        const sheet = await judging.mySheet(db, actor, a.assignmentId);
        const q = quality.get(sheet.entryId)!;
        const scores = Object.fromEntries(
          sheet.criteria.map((cr) => [
            String(cr.id),
            Math.round(cr.maxScore * Math.min(1, q + bias + (random.next() - 0.5) * 0.004) * 100) / 100,
          ]),
        );
        await judging.saveSheet(db, actor, a.assignmentId, { scores });
        await judging.submitSheet(db, actor, a.assignmentId);
      }
  }
  await results.closeJudging(db, admin, contest.id);
  await results.publishResult(db, admin, contest.id);
}

// ── the dragon boats ────────────────────────────────────────────────────────────────────────────────────────────

/** 2:05.3 for the winner; the printed finalists 1.1 s apart; the other crews slower, one did not start. */
const FINAL_MS = [125_300, 126_400, 127_500, 128_600, 129_700, 130_800];

export async function seedDragonBoats(db: Kysely<DB>, admin: Actor): Promise<void> {
  const dongcheng = await orgNamed(db, '东城区总工会');
  if (!dongcheng) return;
  if (await db.selectFrom('tournament').select('id').where('name', '=', DRAGON_BOAT_TITLE).executeTakeFirst()) return;
  const t = await tournaments.createTournament(db, admin, {
    orgId: dongcheng.id,
    name: DRAGON_BOAT_TITLE,
    kind: 'heats',
    tieBreaks: ['points', 'goalDifference', 'goalsFor', 'headToHead', 'fairPlay', 'lots'],
    points: { win: 3, draw: 1, loss: 0 },
    lanes: DRAGON_BOAT.lanes,
    finalists: DRAGON_BOAT.finalists,
    heatTieRule: 'lots',
    prizes: DRAGON_BOAT.prizes,
    merits: DRAGON_BOAT.merits,
    lotsSeed: '东城龙舟 2026-06-20',
  });
  const teams = [];
  for (const [i, c] of DRAGON_BOAT_CREWS.entries()) {
    const unit = (await orgNamed(db, `${c.unit}总工会`, dongcheng.path)) ?? (await orgNamed(db, `${c.unit}工会`, dongcheng.path));
    teams.push({ name: c.crew, category: c.unit, seed: i + 1, ...(unit ? { orgId: unit.id } : {}) });
  }
  const detail = await tournaments.addTeams(db, admin, t.id, { teams });
  const rank = new Map(detail.teams.map((tm) => [tm.id, (tm.seed ?? 99) - 1]));
  const drawn = await heats.drawHeats(db, admin, t.id);
  for (const h of drawn.heats) {
    const laneResults = h.lanes.map((l) => {
      const r = rank.get(l.teamId)!;
      if (r === 12) return { teamId: l.teamId, outcome: 'DNS' as const }; // 东直门 did not start
      // Heat times: the printed finalists ahead, in their final order; the others 3–8 s behind.
      const timeMs = r < DRAGON_BOAT.finalists ? FINAL_MS[r]! + 1_500 : 134_000 + r * 370;
      return { teamId: l.teamId, outcome: 'finished' as const, timeMs };
    });
    await heats.enterHeatResults(db, admin, t.id, { stage: 'heat', heat: h.heat, results: laneResults });
    await heats.confirmHeat(db, admin, t.id, { stage: 'heat', heat: h.heat });
  }
  const final = await heats.drawFinal(db, admin, t.id);
  const finalResults = (final.final ?? []).map((l) => ({
    teamId: l.teamId,
    outcome: 'finished' as const,
    timeMs: FINAL_MS[rank.get(l.teamId)!]!,
  }));
  await heats.enterHeatResults(db, admin, t.id, { stage: 'final', heat: 1, results: finalResults });
  await heats.confirmHeat(db, admin, t.id, { stage: 'final', heat: 1 });
}

// ── the football league ─────────────────────────────────────────────────────────────────────────────────────────

export async function seedFootballLeague(db: Kysely<DB>, admin: Actor): Promise<void> {
  const tongzhou = await orgNamed(db, '通州区总工会');
  if (!tongzhou) return;
  if (await db.selectFrom('tournament').select('id').where('name', '=', FOOTBALL_TITLE).executeTakeFirst()) return;
  const t = await tournaments.createTournament(db, admin, {
    orgId: tongzhou.id,
    name: FOOTBALL_TITLE,
    kind: 'league_knockout',
    tieBreaks: ['points', 'goalDifference', 'goalsFor', 'headToHead', 'fairPlay', 'lots'],
    points: { win: 3, draw: 1, loss: 0 },
    qualifiers: FOOTBALL.qualifiersPerGroup,
    heatTieRule: 'lots',
    prizes: 0,
    merits: 0,
    lotsSeed: '副中心职工足球联赛 2026',
  });
  const teams = [];
  for (const g of FOOTBALL_GROUPS)
    for (const name of g.teams) {
      const unit = (await orgNamed(db, `${name}总工会`, tongzhou.path)) ?? (await orgNamed(db, `${name}工会`, tongzhou.path));
      teams.push({ name, category: g.category, ...(unit ? { orgId: unit.id } : {}) });
    }
  await tournaments.addTeams(db, admin, t.id, { teams });
  const schedule = await tournaments.drawGroups(db, admin, t.id, { categories: FOOTBALL_GROUPS.map((g) => g.category) });
  const random = createRandom(20260601);
  for (const m of schedule.matches) {
    if (m.stage !== 'group' || m.round > FOOTBALL_ROUNDS_PLAYED) continue;
    const goals = () =>
      random.weighted([
        [0, 25],
        [1, 30],
        [2, 22],
        [3, 13],
        [4, 7],
        [5, 3],
      ] as const);
    await matches.enterResult(db, admin, m.id, {
      regular: { home: goals(), away: goals() },
      fairPlay: { home: random.int(0, 3), away: random.int(0, 3) },
    });
    await matches.confirmResult(db, admin, m.id);
  }
}
