import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Member } from '../../../common/members.js';
import type { ListTotal } from '../../../common/paging.js';
import { regionOfPath } from '../../auth/tree.js';
import { pinyinKey } from '../orgs/orgs.service.js';
import { actorWith, buildTree, createTestContext, type TestContext } from '../../testing/harness.js';
import { probeNameMatches } from './members.repo.js';

/**
 * Three people whose initials are zxy (a rare prefix); 45 surnamed 王 (w…: more than a probe of 2 × 20 holds, fewer
 * than the 2 × 200 above which the page walks the ids); and 450 named 刘洋 (l…, liu, ly: more than that), in bulk.
 */
const rare = ['张晓燕', '周小勇', '赵欣怡'];
const common = [...'伟芳静磊敏勇艳杰娟涛明超秀霞平刚桂英华玉兰萍红娥玲芬燕彬鹏辉斌宇浩凯健俊帆帅旭宁龙林欢阳建国']
  .slice(0, 45)
  .map((c) => `王${c}`);

type Org = { id: number; path: string };

describe('searching members by name prefix', () => {
  let ctx: TestContext;
  let dongcheng: Org;
  let street: Org;
  let cadre: string;
  let streetCadre: string;
  let serial = 0;

  const insert = async (org: Org, name: string, status: 'member' | 'lapsed' = 'member') => {
    serial++;
    await sql`
      INSERT INTO member (region_id, name, name_pinyin, id_number_enc, id_number_bidx, id_number_masked, gender, birth_date,
                          status, org_id, org_path, join_date)
      VALUES (${regionOfPath(org.path)}::bigint, ${name}, ${pinyinKey(name)}, 'enc', ${`search-${serial}`}, '1101**********0000',
              'male', DATE '1990-01-01', ${status}, ${org.id}::bigint, ${org.path}::ltree, DATE '2020-01-01')`.execute(ctx.database.db);
  };

  beforeAll(async () => {
    ctx = await createTestContext();
    const tree = await buildTree(ctx);
    const orgOf = (id: number) =>
      ctx.database.db.selectFrom('org_unit').select(['id', 'path']).where('id', '=', id).executeTakeFirstOrThrow();
    dongcheng = await orgOf(tree.dongcheng.id);
    street = await orgOf(tree.dcStreet2.id);
    const [union, xicheng] = [await orgOf(tree.dcUnion.id), await orgOf(tree.xcUnion.id)];
    // Interleaved, so that the newest-first order mixes unions, districts and statuses.
    for (const [i, name] of [...rare, ...common].entries()) {
      await insert(i % 3 === 0 ? street : union, name, i % 7 === 0 ? 'lapsed' : 'member');
      await insert(xicheng, name);
    }
    // Many alike, written in one statement each: in Dongcheng (street and union alternating) and in Xicheng.
    for (const [org, n] of [
      [street, 150],
      [union, 300],
      [xicheng, 450],
    ] as const) {
      await sql`
        INSERT INTO member (region_id, name, name_pinyin, id_number_enc, id_number_bidx, id_number_masked, gender, birth_date,
                            status, org_id, org_path, join_date)
        SELECT ${regionOfPath(org.path)}::bigint, '刘洋', ${pinyinKey('刘洋')}, 'enc', ${`many-${org.id}-`} || i, '1101**********0000',
               'female', DATE '1991-01-01', CASE WHEN i % 5 = 0 THEN 'lapsed' ELSE 'member' END, ${org.id}::bigint,
               ${org.path}::ltree, DATE '2021-01-01'
          FROM generate_series(1, ${n}::int) AS i`.execute(ctx.database.db);
    }
    cadre = (await actorWith(ctx, 'union_cadre', dongcheng.id)).cookie;
    streetCadre = (await actorWith(ctx, 'union_cadre', street.id)).cookie;
  });
  afterAll(() => ctx.close());

  /** Every page of the search, `limit` at a time, following the cursors: the ids in order, and the first page's total. */
  const search = async (org: Org, q: string, cookie: string, extra = '') => {
    const ids: number[] = [];
    let total: ListTotal | undefined;
    let cursor: string | null = null;
    do {
      const after = cursor ? `&cursor=${encodeURIComponent(cursor)}` : '';
      const response = await ctx.call(
        'GET',
        `/api/members?orgId=${org.id}&q=${encodeURIComponent(q)}&limit=2${extra}${after}`,
        undefined,
        cookie,
      );
      expect(response.statusCode, response.body).toBe(200);
      const page = response.json<{ items: Member[]; nextCursor: string | null; total?: ListTotal }>();
      total ??= page.total;
      ids.push(...page.items.map((m) => m.id));
      cursor = page.nextCursor;
    } while (cursor);
    return { ids, total };
  };

  /** What a plain scan of the subtree finds, newest first. */
  const scan = async (org: Org, q: string, status?: string) => {
    const rows = await sql<{ id: number }>`
      SELECT id FROM member
       WHERE org_path <@ ${org.path}::ltree AND (${status ?? null}::text IS NULL OR status = ${status ?? null})
         AND (name LIKE ${`${q}%`} OR name_pinyin LIKE ${`${q}%`} OR split_part(name_pinyin, ' ', 2) LIKE ${`${q}%`})
       ORDER BY id DESC`.execute(ctx.database.db);
    return rows.rows.map((r) => r.id);
  };

  it('finds exactly the members a scan finds for a rare prefix, with their exact total', async () => {
    for (const q of ['zxy', 'zh', '张晓', 'zhangxiao']) {
      const expected = await scan(dongcheng, q);
      expect(expected.length, q).toBeGreaterThan(0);
      const { ids, total } = await search(dongcheng, q, cadre);
      expect(ids, q).toEqual(expected);
      expect(total, q).toEqual({ count: expected.length, kind: 'exact' });
    }
  });

  it('pages through every match of a prefix too common to probe, and says the total is at least the probe', async () => {
    const expected = await scan(dongcheng, 'w');
    expect(expected.length).toBeGreaterThan(40);
    const { ids, total } = await search(dongcheng, 'w', cadre);
    expect(ids).toEqual(expected);
    expect(total?.kind).toBe('atLeast');
    expect(total!.count).toBeGreaterThan(40);
    expect(total!.count).toBeLessThanOrEqual(expected.length);
  });

  it('reads the index ranges of a prefix below the walk’s bound, and walks the ids above it, finding the same members', async () => {
    // As Dongcheng's cadre: the scope the service gives a grant there.
    const scope = { action: 'member.read' as const, paths: [dongcheng.path] };
    const probe = (prefix: string) =>
      probeNameMatches(ctx.database.db, scope, {
        underPath: dongcheng.path,
        status: undefined,
        employmentForm: undefined,
        prefix,
        limit: 2,
      });
    expect(await probe('zxy')).toMatchObject({ isComplete: true });
    expect(await probe('w')).toMatchObject({ isComplete: false, inRanges: true });
    for (const q of ['l', 'liu', 'ly']) {
      // The probe read one past its bound (2 × 20) of them, all in scope: the list holds at least that many.
      expect(await probe(q), q).toEqual({ isComplete: false, inRanges: false, atLeast: 41 });
      const expected = await scan(dongcheng, q);
      expect(expected.length, q).toBe(450);
      const { ids, total } = await search(dongcheng, q, cadre);
      expect(ids, q).toEqual(expected);
      expect(total, q).toEqual({ count: 41, kind: 'atLeast' });
    }
  });

  it('keeps the status filter and the caller’s subtree, in the probe and after it', async () => {
    for (const q of ['zxy', 'w', 'wang', 'ly']) {
      expect((await search(dongcheng, q, cadre, '&status=lapsed')).ids, q).toEqual(await scan(dongcheng, q, 'lapsed'));
      expect((await search(street, q, streetCadre)).ids, q).toEqual(await scan(street, q));
    }
  });

  it('searches the whole city region by region', async () => {
    const city = { id: 1, path: '1' };
    for (const q of ['zxy', 'w', 'ly']) expect((await search(city, q, ctx.adminCookie)).ids, q).toEqual(await scan(city, q));
  });
});
