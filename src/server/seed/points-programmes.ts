import { sql, type Kysely } from 'kysely';
import type { DB } from '../db/schema.js';
import { regionOfPath } from '../auth/tree.js';
import { findProgrammeById } from '../modules/points/programmes.repo.js';
import { awardManyInTx } from '../modules/points/awards.service.js';
import { openFundedProgramme } from './programme-funding.js';

export const DEMO_PROGRAMME_NAME = '党心e家';
const BUDGET = 200_000;
const AWARDED_MEMBERS = 300;

/** A small deterministic generator (the same demo every time). */
function lcg(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

/**
 * The demo's points programme (issue #12): 党心e家 of 东城区总工会 — volunteer service earns 10 points an hour, at most 40
 * a day and 200 a month, spent on lunch at the food courts' designated merchants (崇外街道's 新世界商场 outreach
 * meeting told the delivery riders). A budget of 200,000 points, and volunteer hours of a few hundred 东城 members
 * (riders and couriers first) today. Idempotent: the programme is made once, every booking has a
 * fixed key; run again once the demo members are in, it awards the hours it could not before.
 */
export async function seedPointsProgrammes(db: Kysely<DB>, now = new Date()): Promise<{ programmeId: number; awards: number } | null> {
  const district = await db
    .selectFrom('org_unit')
    .select(['id', 'path'])
    .where('name', '=', '东城区总工会')
    .where('kind', '=', 'district_federation')
    .executeTakeFirst();
  if (!district) return null;
  const region = regionOfPath(district.path);
  const programmeId = await db.transaction().execute(async (tx) => {
    const found = await tx
      .selectFrom('points_programme')
      .select('id')
      .where('org_id', '=', district.id)
      .where('name', '=', DEMO_PROGRAMME_NAME)
      .executeTakeFirst();
    if (found) return found.id;
    return openFundedProgramme(
      tx,
      district,
      {
        name: DEMO_PROGRAMME_NAME,
        description: '参加志愿服务、工会活动和培训获得积分，可在新世界商场、搜秀城等美食广场定点商户兑换午餐套餐（15 分一份）。',
        earnRules: JSON.stringify({ volunteerHour: 10, eventAttendance: 5, training: 5, manual: true }),
        capDay: 40,
        capMonth: 200,
        capYear: null,
        expiryRule: 'end_of_next_year',
        expiryMonths: null,
      },
      { key: 'seed:fund:dangxin', amount: BUDGET, reason: '2026 年度积分预算' },
    );
  });
  const programme = (await findProgrammeById(db, programmeId))!;
  const members = await db
    .selectFrom('member as m')
    .select(['m.id'])
    .where('m.region_id', '=', region)
    .where('m.status', '=', 'member')
    .where(sql<boolean>`m.org_path <@ ${district.path}::ltree`)
    .orderBy(sql`(m.employment_form IN ('delivery_rider', 'courier'))`, 'desc')
    .orderBy('m.id')
    .limit(AWARDED_MEMBERS)
    .execute();
  const random = lcg(20260530);
  const services = ['社区垃圾分类引导', '地铁站文明引导', '社区老人送餐', '疫苗接种点秩序维护', '雪后扫雪铲冰', '胡同环境整治'];
  // One verified service per member (the ledger dates a transfer when it is booked: past days would all fall on today),
  // booked as one batch (caps, keys and locks as single awards).
  const inputs = members.map((m) => {
    const hours = 1 + Math.floor(random() * 4);
    return {
      memberId: m.id,
      amount: hours * 10,
      key: `seed:award:${m.id}`,
      source: 'volunteer_hours' as const,
      sourceRef: `${hours}h`,
      reason: services[Math.floor(random() * services.length)]!,
      actorUserId: null,
    };
  });
  const outcomes = await db.transaction().execute((tx) => awardManyInTx(tx, programme, inputs, now));
  const awards = outcomes.filter((o) => 'ok' in o && !o.ok.replayed).length;
  return { programmeId, awards };
}
