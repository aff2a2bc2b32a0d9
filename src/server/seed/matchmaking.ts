/**
 * The demo's matchmaking (联谊, issue #14; seed 003 燕缘际会), on the event the events seed made with its 800 entries from
 * 126 units: matchmaking switched on, the event's own points programme, opt-in profiles (some with the sensitive
 * fields and their consents), five days of online tasks that earned points, a few mutual interests, then the events
 * module's points ranking giving the concert's 300 places, and the 非遗手工 session's 48 people grouped 6 × 8 at random.
 * Profiles, interests, the ranking and the grouping go through the modules' services (their rules run); the 5 days of
 * tasks are booked per day and task as one batch of awards (the ledger's batch, same keys, amounts and caps as
 * `doTask`), which keeps a cold start fast. Idempotent: each step runs once, when its rows are missing.
 */
import { sql, type Kysely } from 'kysely';
import type { DB } from '../db/schema.js';
import type { PiiCipher } from '../crypto/pii.js';
import type { Actor } from '../auth/scope.js';
import { beijingDayStart } from '../../common/points.programmes.js';
import {
  TASK_UNITS,
  consentFields,
  educations,
  incomeRanges,
  maritalHistories,
  ProfileBody as ProfileBodySchema,
  type MatchTask,
  type ProfileBody,
  type VisibleField,
} from '../../common/matchmaking.js';
import { insertSessions } from '../modules/events/events.repo.js';
import { setPointsProgramme } from '../modules/events/events.checkin.repo.js';
import { declarePlan, enterSeed, freezeDraws } from '../modules/events/events.draw.service.js';
import { groupSession } from '../modules/events/events.grouping.service.js';
import { findProgrammeById } from '../modules/points/programmes.repo.js';
import { awardManyInTx } from '../modules/points/awards.service.js';
import { putSettings } from '../modules/matchmaking/matchmaking.service.js';
import { confirmContact, expressInterest, saveMyProfile } from '../modules/matchmaking/matchmaking.portal.service.js';
import { fieldsLackingConsent, keptVisible } from '../modules/matchmaking/matchmaking.rules.js';
import { actorOf } from './competitions.js';
import { MATCHMAKING, MATCHMAKING_TITLE } from './events.js';
import { createRandom, type Random } from './random.js';
import { openFundedProgramme } from './programme-funding.js';

export const MATCHMAKING_PROGRAMME = '燕缘际会互动积分';
/** The demo's figures: settings, share of entrants who made a profile, the online days, interests, the small session. */
export const MATCHMAKING_DEMO = {
  retentionDays: 90,
  dailyInterestLimit: 10,
  /** Points per unit of a task (a check-in 1 unit, the day's question 2). */
  pointsPerUnit: 5,
  profileShare: 0.7,
  /** The five days of online interaction (Beijing days), before the sign-up window closed on 2026-11-30. */
  onlineDays: ['2026-11-23', '2026-11-24', '2026-11-25', '2026-11-26', '2026-11-27'],
  /** Profiles saved through the service one by one (the rest in one statement under the same rules). */
  profilesByService: 40,
  mutualPairs: 36,
  oneSided: 120,
  confirmedPairs: 12,
  handicraft: { title: '非遗手工制作交友活动', signUps: 48, groups: 6 },
  rankingSeed: '燕缘际会 2026-12-01 积分排名',
  groupingSeed: '燕缘际会 非遗手工 2026',
} as const;

type Entrant = { region_id: number; member_id: number; org_path: string };
type Event = { id: number; org_path: string; points_programme_id: number | null };

/** Everything of the demo's matchmaking; nothing when the event, its 800 entries or the admin are missing. */
export async function seedMatchmaking(db: Kysely<DB>, cipher: PiiCipher): Promise<void> {
  const admin = await actorOf(db, 'admin');
  const event = await db
    .selectFrom('event')
    .select(['id', sql<string>`org_path::text`.as('org_path'), 'points_programme_id'])
    .where('title', '=', MATCHMAKING_TITLE)
    .executeTakeFirst();
  if (!admin || !event) return;
  const entrants = await entrantsOf(db, event.id);
  if (entrants.length < MATCHMAKING.signUps) return;
  const random = createRandom(20261123);
  const programmeId = await ensureProgramme(db, event);
  if (!(await db.selectFrom('matchmaking_setting').select('event_id').where('event_id', '=', event.id).executeTakeFirst()))
    await putSettings(db, admin, event.id, {
      enabled: true,
      retentionDays: MATCHMAKING_DEMO.retentionDays,
      dailyInterestLimit: MATCHMAKING_DEMO.dailyInterestLimit,
    });
  await ensureHandicraftSession(db, event.id, entrants, random.fork('handicraft'));
  await seedProfiles(db, cipher, event.id, entrants, random.fork('profiles'));
  await seedTasks(db, event.id, programmeId, entrants, random.fork('tasks'));
  await seedInterests(db, cipher, event.id, random.fork('interests'));
  await runSelection(db, admin, event.id, programmeId);
}

/** The entrants of the concert session (one row per member), in sign-up order. */
async function entrantsOf(db: Kysely<DB>, eventId: number): Promise<Entrant[]> {
  const { rows } = await sql<Entrant>`
    SELECT DISTINCT ON (r.region_id, r.member_id) r.region_id, r.member_id, r.org_path::text AS org_path
      FROM event_registration r
     WHERE r.event_id = ${eventId} AND r.request_key LIKE 'seed:yy:%' AND r.member_id IS NOT NULL
     ORDER BY r.region_id, r.member_id, r.id`.execute(db);
  return rows.map((r) => ({ region_id: Number(r.region_id), member_id: Number(r.member_id), org_path: r.org_path }));
}

/** The event's own programme (海淀区总工会): online tasks earn 5 points a unit; funded; attached to the event. */
async function ensureProgramme(db: Kysely<DB>, event: Event): Promise<number> {
  if (event.points_programme_id !== null) return event.points_programme_id;
  return db.transaction().execute(async (tx) => {
    const owner = await tx
      .selectFrom('event')
      .innerJoin('org_unit as o', 'o.id', 'event.org_id')
      .select(['o.id', sql<string>`o.path::text`.as('path')])
      .where('event.id', '=', event.id)
      .executeTakeFirstOrThrow();
    const id = await openFundedProgramme(
      tx,
      owner,
      {
        name: MATCHMAKING_PROGRAMME,
        description: '燕缘际会线上互动：每日签到、每日一问获得积分，按积分排名确定线下活动参加人员。',
        earnRules: JSON.stringify({ eventAttendance: MATCHMAKING_DEMO.pointsPerUnit }),
        capDay: null,
        capMonth: null,
        capYear: null,
        expiryRule: 'end_of_next_year',
        expiryMonths: null,
      },
      { key: 'seed:fund:yanyuan', amount: 100_000, reason: '燕缘际会线上互动积分预算' },
    );
    await setPointsProgramme(tx, event.id, id);
    return id;
  });
}

/**
 * The 非遗手工 session (48 places), added to the event with the same sign-up window: 48 of the entrants entered it too
 * (the ranking gives all 48 their places, then they are grouped at random).
 */
async function ensureHandicraftSession(db: Kysely<DB>, eventId: number, entrants: readonly Entrant[], random: Random): Promise<void> {
  const sessions = await db.selectFrom('event_session').select('id').where('event_id', '=', eventId).execute();
  if (sessions.length > 1) return;
  const pool = [...entrants];
  const chosen: Entrant[] = [];
  while (chosen.length < MATCHMAKING_DEMO.handicraft.signUps) chosen.push(pool.splice(random.int(0, pool.length - 1), 1)[0]!);
  await db.transaction().execute(async (tx) => {
    const [sessionId] = await insertSessions(tx, eventId, [
      {
        startsAt: '2027-01-09T14:00:00+08:00',
        endsAt: '2027-01-09T17:00:00+08:00',
        place: `海淀区职工之家（${MATCHMAKING_DEMO.handicraft.title}）`,
        capacity: MATCHMAKING_DEMO.handicraft.signUps,
        opensAt: '2026-11-01T09:00:00+08:00',
        closesAt: '2026-11-30T00:00:00+08:00',
      },
    ]);
    await sql`
      INSERT INTO event_registration (region_id, event_id, session_id, member_id, org_id, org_path, status, request_key)
      SELECT r.region_id, r.event_id, ${sessionId}::bigint, r.member_id, r.org_id, r.org_path, 'entered', 'seed:yysg:' || r.member_id
        FROM event_registration r
        JOIN unnest(${chosen.map((c) => c.region_id)}::bigint[], ${chosen.map((c) => c.member_id)}::bigint[]) AS c(region_id, member_id)
          ON r.region_id = c.region_id AND r.member_id = c.member_id
       WHERE r.event_id = ${eventId} AND r.request_key LIKE 'seed:yy:%'`.execute(tx);
  });
}

const NICK_FIRST = ['小', '阿', '大', ''] as const;
const NICK_WORDS = [
  '雨',
  '晴',
  '杰',
  '楠',
  '悦',
  '航',
  '琳',
  '哲',
  '萌',
  '宇',
  '桐',
  '然',
  '溪',
  '川',
  '柠檬',
  '橙子',
  '木木',
  '星星',
  '豆豆',
  'Coco',
];
const HOMETOWNS = [
  '北京',
  '河北保定',
  '山东济南',
  '河南郑州',
  '湖北武汉',
  '黑龙江哈尔滨',
  '山西太原',
  '辽宁沈阳',
  '四川成都',
  '江苏南京',
  '内蒙古包头',
];
const HOBBIES = ['爬山', '羽毛球', '摄影', '做饭', '看电影', '跑步', '读书', '骑行', '唱歌', '桌游', '钓鱼', '养猫', '书法', '游泳'];
const INTROS = [
  '工作踏实，周末喜欢出去走走，希望遇到聊得来的人。',
  '性格开朗，爱笑，会做几道拿手菜。',
  '在海淀上班，喜欢安静地看书，也愿意一起尝试新鲜事。',
  '热爱运动，每周打两次球，期待一起成长的另一半。',
  '朋友说我靠谱、细心，希望以诚相待。',
];

/** A plausible profile: about 7 in 10 share their birth year and hobbies, 4 in 10 state their marital history. */
function profileFor(random: Random, i: number): ProfileBody {
  const hobbies = [...new Set([random.pick(HOBBIES), random.pick(HOBBIES), random.pick(HOBBIES)])].join('、');
  const withMarital = random.chance(0.4);
  const withIncome = random.chance(0.25);
  const visible: VisibleField[] = ['hometown', 'hobbies'];
  if (random.chance(0.8)) visible.push('birthYear');
  if (random.chance(0.6)) visible.push('education', 'heightCm');
  if (random.chance(0.5)) visible.push('selfIntro');
  if (withMarital && random.chance(0.7)) visible.push('maritalHistory');
  if (withIncome && random.chance(0.3)) visible.push('incomeRange');
  return {
    nickname: `${random.pick(NICK_FIRST)}${random.pick(NICK_WORDS)}${i % 7 === 0 ? random.int(1, 99) : ''}`,
    birthYear: random.int(1988, 2001),
    heightCm: random.int(155, 188),
    education: random.weighted(educations.map((e, k) => [e, [1, 3, 6, 3, 1][k]!] as const)),
    hometown: random.pick(HOMETOWNS),
    hobbies,
    selfIntro: random.pick(INTROS),
    ...(withMarital ? { maritalHistory: random.weighted(maritalHistories.map((m, k) => [m, [90, 9, 1][k]!] as const)) } : {}),
    ...(withIncome ? { incomeRange: random.pick(incomeRanges) } : {}),
    visible,
    consents: consentFields
      .filter((f) => (f === 'maritalHistory' ? withMarital : withIncome))
      .map((field) => ({ field, textVersion: '2026-11' })),
  };
}

const memberOf = (e: Entrant) => ({ memberId: e.member_id, regionId: e.region_id, ip: '127.0.0.1' });

/**
 * About 70 % of the entrants opt in with a profile. The first ones through the service, as on their phones; the rest in
 * one statement under the same rules (a sensitive field only with its consent, sealed; visibility of stored fields only).
 */
async function seedProfiles(db: Kysely<DB>, cipher: PiiCipher, eventId: number, entrants: readonly Entrant[], random: Random) {
  if (await db.selectFrom('matchmaking_profile').select('id').where('event_id', '=', eventId).limit(1).executeTakeFirst()) return;
  const opted = entrants.flatMap((e, i) => {
    const body = ProfileBodySchema.parse(profileFor(random, i));
    return random.chance(MATCHMAKING_DEMO.profileShare) ? [{ e, body }] : [];
  });
  const byService = opted.slice(0, MATCHMAKING_DEMO.profilesByService);
  for (const { e, body } of byService) await saveMyProfile(db, cipher, memberOf(e), eventId, body);
  const rest = opted.slice(byService.length);
  await db.transaction().execute(async (tx) => {
    const rows = rest.map(({ e, body }) => {
      if (fieldsLackingConsent(body, body.consents).length > 0) throw new Error('a demo profile lacks a consent');
      const sealed = {
        ...(body.maritalHistory ? { maritalHistory: body.maritalHistory } : {}),
        ...(body.incomeRange ? { incomeRange: body.incomeRange } : {}),
      };
      return {
        region_id: e.region_id,
        event_id: eventId,
        member_id: e.member_id,
        org_path: e.org_path,
        nickname: body.nickname,
        birth_year: body.birthYear ?? null,
        height_cm: body.heightCm ?? null,
        education: body.education ?? null,
        hometown: body.hometown ?? null,
        hobbies: body.hobbies ?? null,
        self_intro: body.selfIntro ?? null,
        photo_url: null,
        sensitive_enc: Object.keys(sealed).length > 0 ? cipher.encrypt(JSON.stringify(sealed)) : null,
        visible: keptVisible(body.visible, body),
      };
    });
    const saved = await tx.insertInto('matchmaking_profile').values(rows).returning(['region_id', 'id']).execute();
    const consents = saved.flatMap((p, k) =>
      rest[k]!.body.consents.map((c) => ({ region_id: p.region_id, profile_id: p.id, field: c.field, text_version: c.textVersion })),
    );
    if (consents.length > 0) await tx.insertInto('matchmaking_consent').values(consents).execute();
  });
}

/**
 * Five days of online tasks: each entrant has their own keenness (most come some days, a few every day); each day's
 * check-ins and questions are booked as one batch of awards dated that evening, with the keys `doTask` uses.
 */
async function seedTasks(db: Kysely<DB>, eventId: number, programmeId: number, entrants: readonly Entrant[], random: Random) {
  if (await db.selectFrom('matchmaking_task_done').select('member_id').where('event_id', '=', eventId).limit(1).executeTakeFirst()) return;
  const programme = (await findProgrammeById(db, programmeId))!;
  const keenness = entrants.map(() => Math.min(1, Math.max(0.05, random.logNormal(0.45, 0.6))));
  for (const day of MATCHMAKING_DEMO.onlineDays) {
    const at = new Date(beijingDayStart(day).getTime() + 20 * 3600 * 1000);
    const done = (['checkin', 'question'] as const satisfies readonly MatchTask[]).flatMap((task) =>
      entrants
        .filter((_, k) => random.chance(task === 'checkin' ? keenness[k]! : keenness[k]! * 0.75))
        .map((e) => ({ e, task, amount: TASK_UNITS[task] * MATCHMAKING_DEMO.pointsPerUnit })),
    );
    await db.transaction().execute(async (tx) => {
      await awardManyInTx(
        tx,
        programme,
        done.map(({ e, task, amount }) => ({
          memberId: e.member_id,
          amount,
          key: `matchmaking:${eventId}:${task}:${day}:${e.region_id}-${e.member_id}`,
          source: 'event' as const,
          sourceRef: `matchmaking:${eventId}`,
          reason: null,
          actorUserId: null,
        })),
        at,
      );
      await sql`
        INSERT INTO matchmaking_task_done (region_id, event_id, member_id, task, day, points, created_at)
        SELECT d.region_id, ${eventId}::bigint, d.member_id, d.task, ${day}::date, d.points, ${at.toISOString()}::timestamptz
          FROM unnest(${done.map((d) => d.e.region_id)}::bigint[], ${done.map((d) => d.e.member_id)}::bigint[],
                      ${done.map((d) => d.task)}::text[], ${done.map((d) => d.amount)}::int[]) AS d(region_id, member_id, task, points)
        ON CONFLICT DO NOTHING`.execute(tx);
    });
  }
}

/** Interests through the service: some answered (mutual, a few with contact exchanged), more one-sided. */
async function seedInterests(db: Kysely<DB>, cipher: PiiCipher, eventId: number, random: Random) {
  if (await db.selectFrom('matchmaking_interest').select('profile_id').where('event_id', '=', eventId).limit(1).executeTakeFirst()) return;
  const profiles = await db
    .selectFrom('matchmaking_profile')
    .select(['region_id', 'id', 'member_id'])
    .where('event_id', '=', eventId)
    .orderBy('region_id')
    .orderBy('id')
    .execute();
  if (profiles.length < 2 * MATCHMAKING_DEMO.mutualPairs + 2) return;
  const pool = [...profiles];
  const take = () => pool.splice(random.int(0, pool.length - 1), 1)[0]!;
  const refOf = (p: { region_id: number; id: number }) => `${p.region_id}-${p.id}`;
  const who = (p: { region_id: number; member_id: number }) => ({ memberId: p.member_id, regionId: p.region_id, ip: '127.0.0.1' });
  for (let i = 0; i < MATCHMAKING_DEMO.mutualPairs; i++) {
    const [a, b] = [take(), take()];
    await expressInterest(db, who(a), eventId, refOf(b));
    await expressInterest(db, who(b), eventId, refOf(a));
    if (i < MATCHMAKING_DEMO.confirmedPairs) {
      await confirmContact(db, cipher, who(a), eventId, refOf(b));
      await confirmContact(db, cipher, who(b), eventId, refOf(a));
    }
  }
  // One-sided: from people not in a pair, to anyone (a person is sent at most a few; nobody is told).
  for (let i = 0; i < MATCHMAKING_DEMO.oneSided && pool.length > 0; i++) {
    const from = pool[random.int(0, pool.length - 1)]!;
    const to = profiles[random.int(0, profiles.length - 1)]!;
    if (to === from) continue;
    await expressInterest(db, who(from), eventId, refOf(to));
  }
}

/**
 * The events module's selection, as the cadre would run it once the window closed: the plan (points earned in the five
 * online days, in the event's programme), the freeze, the seed — the concert's 300 by points ranking, the rest on its
 * waitlist in rank order; the 非遗手工 session's 48 placed, then grouped 6 × 8 at random with a fixed seed.
 */
async function runSelection(db: Kysely<DB>, admin: Actor, eventId: number, programmeId: number): Promise<void> {
  const sessions = await db
    .selectFrom('event_session')
    .select(['id', sql<boolean>`closes_at <= now()`.as('closed')])
    .where('event_id', '=', eventId)
    .orderBy('id')
    .execute();
  if (sessions.length < 2 || sessions.some((s) => !s.closed)) return; // before the window closes, the entries wait
  const drawn = await db.selectFrom('event_draw').select('id').where('event_id', '=', eventId).executeTakeFirst();
  if (!drawn) {
    const days = MATCHMAKING_DEMO.onlineDays;
    await declarePlan(db, admin, eventId, {
      seedSource: '活动主办方现场公开抽取的随机数（积分相同时用于排序）',
      quotas: [],
      ranking: { programmeId, from: days[0], to: days[days.length - 1]! },
    });
    await freezeDraws(db, admin, eventId);
    await enterSeed(db, admin, eventId, { seed: MATCHMAKING_DEMO.rankingSeed });
  }
  // The places given are the demo's history, not news: the notification scan sends them nothing (as the events seed).
  await sql`
    INSERT INTO event_notification (region_id, registration_id, kind, outcome)
    SELECT region_id, id, 'confirmed', 'seeded' FROM event_registration WHERE event_id = ${eventId} AND status = 'confirmed'
    ON CONFLICT DO NOTHING`.execute(db);
  const small = sessions[1]!.id;
  if (!(await db.selectFrom('event_grouping').select('id').where('session_id', '=', small).executeTakeFirst()))
    await groupSession(db, admin, eventId, small, { groups: MATCHMAKING_DEMO.handicraft.groups, seed: MATCHMAKING_DEMO.groupingSeed });
}
