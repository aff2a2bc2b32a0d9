import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseIdNumber, parsePhone } from '../../common/identity.js';
import { bootstrap } from '../bootstrap.js';
import { createDeps } from '../deps.js';
import { diffCoverage } from '../modules/coverage/coverage.rollup.js';
import { buildOrg, buildTree, createTestContext, type TestContext } from '../testing/harness.js';
import { testConfig } from '../testing/template.js';
import { recentMeetingDay } from './members.extras.js';
import { openDatabase, type Database } from '../db/client.js';
import { apportionCapped, seedDemoMembers } from './members.js';
import { PeopleGenerator } from './people.js';
import { createRandom } from './random.js';

const TARGET = 2000;
const SEED = 7;

/** A district with three grassroots unions and a joint union covering 3,200 staff in all. */
async function buildDistrict(ctx: TestContext) {
  const tree = await buildTree(ctx);
  const joint = await buildOrg(ctx, tree.dcStreet2.id, 'joint_union', { jointType: 'regional' });
  const second = await buildOrg(ctx, tree.dcStreet.id, 'grassroots_union');
  const third = await buildOrg(ctx, tree.dcStreet2.id, 'grassroots_union');
  const employers: [number, number][] = [
    [tree.dcUnion.id, 900],
    [tree.dcUnion.id, 300],
    [second.id, 700],
    [third.id, 150],
    [joint.id, 400],
    [joint.id, 250],
    [joint.id, 300],
    [joint.id, 200],
  ];
  for (const [unionOrgId, headcount] of employers) {
    const street = unionOrgId === tree.dcUnion.id || unionOrgId === second.id ? tree.dcStreet : tree.dcStreet2;
    const response = await ctx.app.inject({
      method: 'POST',
      url: '/api/employers',
      headers: { cookie: ctx.adminCookie },
      payload: { name: `北京测试${unionOrgId}-${headcount}有限公司`, headcount, industry: 'I', streetOrgId: street.id, unionOrgId },
    });
    if (response.statusCode !== 201) throw new Error(`employer ${response.statusCode}: ${response.body}`);
  }
  // An employer of another district must never lend its union members to this one.
  await ctx.app.inject({
    method: 'POST',
    url: '/api/employers',
    headers: { cookie: ctx.adminCookie },
    payload: { name: '北京西城测试有限公司', headcount: 5000, industry: 'I', streetOrgId: tree.xcStreet.id, unionOrgId: tree.xcUnion.id },
  });
  return { ...tree, joint };
}

async function maskedIds(ctx: TestContext): Promise<string[]> {
  const rows = await ctx.database.db.selectFrom('member').select(['name', 'id_number_masked']).orderBy('id').execute();
  return rows.map((r) => `${r.name} ${r.id_number_masked}`);
}

describe('demo members in a district', () => {
  let ctx: TestContext;
  let district: Awaited<ReturnType<typeof buildDistrict>>;
  let first: { members: number; ms: number };
  let districtPath: string;

  beforeAll(async () => {
    ctx = await createTestContext();
    district = await buildDistrict(ctx);
    districtPath = (
      await ctx.database.db.selectFrom('org_unit').select('path').where('id', '=', district.dongcheng.id).executeTakeFirstOrThrow()
    ).path;
    first = await seedDemoMembers(ctx.app.deps, { seed: SEED, target: TARGET, districtId: district.dongcheng.id, batchSize: 500 });
  });
  afterAll(async () => {
    await ctx?.close();
  });

  it('brings the district to exactly the target, and the roll-up agrees with the rows', async () => {
    expect(first.members).toBe(TARGET);
    const { rows } = await sql<{ n: number }>`
      SELECT count(*)::int AS n FROM member WHERE status = 'member' AND org_path <@ ${districtPath}::ltree`.execute(ctx.database.db);
    expect(rows[0]?.n).toBe(TARGET);
    const coverage = await ctx.app.inject({
      method: 'GET',
      url: `/api/coverage/${district.dongcheng.id}`,
      headers: { cookie: ctx.adminCookie },
    });
    expect(coverage.json<{ members: number }>()).toMatchObject({ members: TARGET });
    expect(await diffCoverage(ctx.database.db)).toEqual([]);
  });

  it('gives no union more members than the staff of the employers it covers, and no other district any', async () => {
    const { rows } = await sql<{ org_id: number; members: number; staff: number }>`
      SELECT m.org_id, count(*)::int AS members,
             (SELECT sum(e.headcount)::int FROM employer e WHERE e.union_org_id = m.org_id) AS staff
        FROM member m GROUP BY m.org_id`.execute(ctx.database.db);
    expect(rows.length).toBe(4);
    for (const row of rows) expect(row.members).toBeLessThanOrEqual(row.staff);
    expect(rows.map((r) => r.org_id)).not.toContain(district.xcUnion.id);
  });

  it('gives every member a valid ID number of the district region and a phone, stored only sealed', async () => {
    const rows = await ctx.database.db.selectFrom('member').selectAll().execute();
    const cipher = ctx.app.deps.cipher;
    const phones = new Set<string>();
    for (const row of rows) {
      const id = cipher.decrypt(row.id_number_enc);
      const parsed = parseIdNumber(id);
      expect(parsed.ok, id).toBe(true);
      expect(id.slice(0, 6)).toBe('110101');
      expect(row.birth_date).toBe(`${id.slice(6, 10)}-${id.slice(10, 12)}-${id.slice(12, 14)}`);
      expect(row.id_number_masked).toBe(`${id.slice(0, 6)}********${id.slice(14)}`);
      const phone = cipher.decrypt(row.phone_enc!);
      expect(parsePhone(phone).ok).toBe(true);
      phones.add(phone);
      const stored = JSON.stringify(row);
      expect(stored).not.toContain(id);
      expect(stored).not.toContain(phone);
    }
    expect(phones.size).toBe(rows.length);
  });

  it('makes members cardholders with a join in their history, employed by a covered employer', async () => {
    const { rows } = await sql<{ cards: number; joined: number; employed: number; gig: number; gig_joint: number }>`
      SELECT count(DISTINCT m.card_no)::int AS cards,
             (SELECT count(*)::int FROM member_status_history h WHERE h.event = 'joined') AS joined,
             count(*) FILTER (WHERE e.union_org_id = m.org_id AND e.name = m.employer_name)::int AS employed,
             count(*) FILTER (WHERE m.employment_form <> 'standard')::int AS gig,
             count(*) FILTER (WHERE m.employment_form <> 'standard' AND m.org_id = ${district.joint.id})::int AS gig_joint
        FROM member m LEFT JOIN employer e ON e.id = m.employer_id`.execute(ctx.database.db);
    expect(rows[0]).toMatchObject({ cards: TARGET, joined: TARGET, employed: TARGET });
    expect(rows[0]!.gig).toBeGreaterThan(0);
    expect(rows[0]!.gig_joint / rows[0]!.gig).toBeGreaterThan(0.6);
  });

  it('adds about 200 pending applications with unique tracking codes, some from an outreach meeting', async () => {
    const rows = await ctx.database.db
      .selectFrom('member_application')
      .select(['tracking_code', 'source', 'meeting_id', 'status', 'org_path', 'id_number_enc'])
      .execute();
    expect(rows.length).toBeGreaterThanOrEqual(180);
    expect(rows.every((r) => r.status === 'pending' && r.org_path.startsWith(`${districtPath}.`))).toBe(true);
    expect(new Set(rows.map((r) => r.tracking_code)).size).toBe(rows.length);
    for (const r of rows) expect(r.tracking_code).toMatch(/^[ABCDEFGHJKMNPQRSTUVWXYZ23456789]{12}$/);
    const meetings = await ctx.database.db.selectFrom('outreach_meeting').select(['id', 'title', 'held_on']).orderBy('id').execute();
    expect(meetings[0]).toMatchObject({ title: '崇外街道外卖小哥专场沟通会', held_on: recentMeetingDay(12) });
    // The default period 今年 shows them.
    expect(meetings.every((m) => m.held_on.slice(0, 4) === recentMeetingDay(0).slice(0, 4))).toBe(true);
    expect(rows.filter((r) => r.source === 'meeting').every((r) => meetings.some((m) => m.id === r.meeting_id))).toBe(true);
    expect(rows.filter((r) => r.source === 'meeting').length).toBeGreaterThan(0);
    // Nobody applies who is a member already.
    const ids = new Set((await ctx.database.db.selectFrom('member').select('id_number_bidx').execute()).map((m) => m.id_number_bidx));
    const applicants = await ctx.database.db.selectFrom('member_application').select('id_number_bidx').execute();
    expect(applicants.filter((a) => ids.has(a.id_number_bidx))).toEqual([]);
  });

  it('adds about 20 pending transfers between the district unions, due in the future', async () => {
    const { rows } = await sql<{ n: number; bad: number }>`
      SELECT count(*)::int AS n,
             count(*) FILTER (WHERE t.from_org_id = t.to_org_id OR t.auto_confirm_at <= now() OR t.from_org_id <> m.org_id
                                OR NOT t.to_org_path <@ ${districtPath}::ltree)::int AS bad
        FROM member_transfer t JOIN member m ON m.id = t.member_id WHERE t.status = 'pending'`.execute(ctx.database.db);
    expect(rows[0]!.n).toBeGreaterThanOrEqual(15);
    expect(rows[0]!.bad).toBe(0);
  });

  it('adds nothing when called again', async () => {
    const count = async () =>
      sql<{ m: number; a: number; t: number; o: number }>`
        SELECT (SELECT count(*)::int FROM member) AS m, (SELECT count(*)::int FROM member_application) AS a,
               (SELECT count(*)::int FROM member_transfer) AS t, (SELECT count(*)::int FROM outreach_meeting) AS o`.execute(
        ctx.database.db,
      );
    const before = (await count()).rows[0];
    const again = await seedDemoMembers(ctx.app.deps, { seed: SEED, target: TARGET, districtId: district.dongcheng.id });
    expect(again.members).toBe(0);
    expect((await count()).rows[0]).toEqual(before);
  });

  it('gives the same people in the same order on another database, also when stopped half-way and started again', async () => {
    const other = await createTestContext();
    try {
      const otherDistrict = await buildDistrict(other);
      const controller = new AbortController();
      const stopped = seedDemoMembers(other.app.deps, {
        seed: SEED,
        target: TARGET,
        districtId: otherDistrict.dongcheng.id,
        batchSize: 500,
        signal: controller.signal,
        onProgress: () => controller.abort(),
      });
      await expect(stopped).rejects.toThrow();
      // Whole batches only.
      expect((await maskedIds(other)).length).toBe(500);
      expect(await diffCoverage(other.database.db)).toEqual([]);
      const resumed = await seedDemoMembers(other.app.deps, { seed: SEED, target: TARGET, districtId: otherDistrict.dongcheng.id });
      expect(resumed.members).toBe(TARGET - 500);
      expect(await maskedIds(other)).toEqual(await maskedIds(ctx));
    } finally {
      await other.close();
    }
  });
});

describe('demo members on the generated demo data', () => {
  let database: Database;
  let dir: string;

  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gonghui-members-test-'));
    database = await openDatabase({ dataDir: dir });
  });
  afterAll(async () => {
    await database?.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('marks the database as demo data, fills 东城 by default and holds the meeting at 崇文门外街道', async () => {
    const config = testConfig({ seedDemo: true, demoScale: 0.02, dataDir: dir });
    const report = await bootstrap(database, config);
    expect(report.demo).toBe(true);
    const result = await seedDemoMembers(createDeps(database, config), { target: 1000 });
    expect(result.members).toBe(1000);
    const dongcheng = await database.db.selectFrom('org_coverage').select('members').where('org_id', '=', 2).executeTakeFirstOrThrow();
    expect(dongcheng.members).toBe(1000);
    const { rows } = await sql<{ street: string }>`
      SELECT o.name AS street FROM outreach_meeting m JOIN org_unit o ON o.id = m.org_id WHERE m.title = '崇外街道外卖小哥专场沟通会'`.execute(
      database.db,
    );
    expect(rows).toEqual([{ street: '崇文门外街道总工会' }]);
    expect(await diffCoverage(database.db)).toEqual([]);
    expect((await bootstrap(database, config)).demo).toBe(true);
  });
});

describe('a database built by hand', () => {
  it('is not demo data, so it never gets demo members', async () => {
    const ctx = await createTestContext();
    try {
      expect((await bootstrap(ctx.database, ctx.config)).demo).toBe(false);
    } finally {
      await ctx.close();
    }
  });
});

describe('the people generator', () => {
  it('makes unique, valid ID numbers and phones, the same for the same seed', () => {
    const make = () => {
      const people = new PeopleGenerator(createRandom(1), '110101');
      return Array.from({ length: 20_000 }, () => people.next());
    };
    const people = make();
    expect(new Set(people.map((p) => p.idNumber)).size).toBe(people.length);
    expect(new Set(people.map((p) => p.phone)).size).toBe(people.length);
    for (const p of people) {
      const parsed = parseIdNumber(p.idNumber);
      expect(parsed.ok && parsed.facts.birthDate === p.birthDate && parsed.facts.gender === p.gender).toBe(true);
      expect(p.birthDate >= '1960-01-01' && p.birthDate <= '2005-12-31').toBe(true);
      expect(p.name.length).toBeGreaterThanOrEqual(2);
    }
    expect(make()).toEqual(people);
  });
});

describe('apportionCapped', () => {
  it('splits in proportion, never above a cap, and always adds up', () => {
    const parts = apportionCapped(100, [10, 10, 80], [50, 50, 40]);
    expect(parts).toEqual([30, 30, 40]);
    expect(apportionCapped(7, [1, 0, 1], [3, 5, 3]).reduce((a, b) => a + b, 0)).toBe(7);
    expect(() => apportionCapped(10, [1], [9])).toThrow();
  });
});
