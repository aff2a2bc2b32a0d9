import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bootstrap } from '../bootstrap.js';
import { createDeps } from '../deps.js';
import { openDatabase, type Database } from '../db/client.js';
import { diffCoverage, rebuildCoverage } from '../modules/coverage/coverage.rollup.js';
import { testConfig } from '../testing/template.js';
import { seedCityDemoMembers } from './members.js';

/** The believable band of a whole district's 入会率 (each union's own rate lies between 60 and 85%). */
const BAND = { low: 0.6, high: 0.85 };

describe('demo members for the whole city', () => {
  let database: Database;
  let dir: string;
  let progress: [number, number][];
  let added: number;

  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gonghui-city-test-'));
    database = await openDatabase({ dataDir: dir });
    const config = testConfig({ seedDemo: true, demoScale: 0.002, dataDir: dir });
    await bootstrap(database, config);
    // The smallest generated city still employs 116,000 in its unionised units (the named universities, hospitals
    // and transport companies): a 25th of everyone keeps every district and union, with members for a test's time.
    await sql`UPDATE employer SET headcount = greatest(1, headcount / 25)`.execute(database.db);
    await rebuildCoverage(database.db);
    progress = [];
    added = (await seedCityDemoMembers(createDeps(database, config), { onProgress: (n, total) => progress.push([n, total]) })).members;
  }, 240_000);
  afterAll(async () => {
    await database?.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('gives all 16 districts and every industry union members, each at a believable 入会率', async () => {
    const { rows } = await sql<{ name: string; kind: string; members: number; covered: number }>`
      SELECT o.name, o.kind, c.members, c.employees_covered AS covered
        FROM org_unit o JOIN org_coverage c ON c.org_id = o.id
       WHERE o.kind IN ('district_federation', 'industry_union') AND o.parent_id = 1
       ORDER BY o.id`.execute(database.db);
    expect(rows.filter((r) => r.kind === 'district_federation')).toHaveLength(16);
    for (const row of rows) {
      const rate = row.members / row.covered;
      expect({ name: row.name, isBelievable: rate >= BAND.low - 0.01 && rate <= BAND.high + 0.01 }).toEqual({
        name: row.name,
        isBelievable: true,
      });
    }
    const city = await database.db
      .selectFrom('org_coverage')
      .select(['members', 'employees_covered'])
      .where('org_id', '=', 1)
      .executeTakeFirstOrThrow();
    expect(city.members).toBe(added);
    expect(city.members / city.employees_covered).toBeGreaterThan(BAND.low);
    expect(await diffCoverage(database.db)).toEqual([]);
  });

  it('varies the rate from union to union, within 60–85% wherever a union has staff enough to tell', async () => {
    const { rows } = await sql<{ members: number; staff: number }>`
      SELECT count(m.id)::int AS members, (SELECT sum(e.headcount)::int FROM employer e WHERE e.union_org_id = u.id) AS staff
        FROM org_unit u LEFT JOIN member m ON m.org_id = u.id AND m.status = 'member'
       WHERE u.kind IN ('grassroots_union', 'joint_union')
       GROUP BY u.id`.execute(database.db);
    const rates = rows.filter((r) => r.staff >= 40).map((r) => r.members / r.staff);
    expect(rates.length).toBeGreaterThan(20);
    expect(Math.min(...rates)).toBeGreaterThanOrEqual(0.58);
    expect(Math.max(...rates)).toBeLessThanOrEqual(0.87);
    expect(Math.max(...rates) - Math.min(...rates)).toBeGreaterThan(0.1);
  });

  it('gives join dates that agree with birth, the calendar, the history and the transfers', async () => {
    const { rows } = await sql<{ problem: string; n: number }>`
      SELECT 'joined before 16' AS problem, count(*)::int AS n FROM member WHERE join_date < birth_date + interval '16 years'
      UNION ALL SELECT 'joined in the future', count(*)::int FROM member WHERE join_date > current_date
      UNION ALL SELECT 'history elsewhere', count(*)::int FROM member m
        WHERE NOT EXISTS (SELECT 1 FROM member_status_history h WHERE h.region_id = m.region_id AND h.member_id = m.id
                             AND h.event = 'joined' AND (h.at AT TIME ZONE 'Asia/Shanghai')::date = m.join_date)
      UNION ALL SELECT 'transfer before joining', count(*)::int FROM member_transfer t JOIN member m ON m.region_id = t.region_id AND m.id = t.member_id
        WHERE (t.requested_at AT TIME ZONE 'Asia/Shanghai')::date < m.join_date`.execute(database.db);
    expect(rows).toEqual([
      { problem: 'joined before 16', n: 0 },
      { problem: 'joined in the future', n: 0 },
      { problem: 'history elsewhere', n: 0 },
      { problem: 'transfer before joining', n: 0 },
    ]);
    const transfers = await database.db
      .selectFrom('member_transfer')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    expect(Number(transfers.n)).toBeGreaterThan(0);
  });

  it('reports progress over the whole city, ending at the total', () => {
    const last = progress.at(-1);
    expect(last?.[0]).toBe(last?.[1]);
    expect(progress.every(([n], i) => i === 0 || n >= (progress[i - 1]?.[0] ?? 0))).toBe(true);
  });
});
