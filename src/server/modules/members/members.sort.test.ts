import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Member } from '../../../common/members.js';
import { regionOfPath } from '../../auth/tree.js';
import { buildTree, createTestContext, type TestContext } from '../../testing/harness.js';

const people = [
  { name: '赵六', pinyin: 'zl zhaoliu', joined: '2021-03-01' },
  { name: '王五', pinyin: 'ww wangwu', joined: '2019-07-15' },
  { name: '李四', pinyin: 'ls lisi', joined: '2023-01-09' },
  { name: '张三', pinyin: 'zs zhangsan', joined: '2020-05-20' },
  { name: '艾一', pinyin: 'ay aiyi', joined: '2019-07-15' },
];

describe('sorting the member list', () => {
  let ctx: TestContext;
  let unionId: number;
  beforeAll(async () => {
    ctx = await createTestContext();
    unionId = (await buildTree(ctx)).dcUnion.id;
    const org = await ctx.database.db.selectFrom('org_unit').select(['id', 'path']).where('id', '=', unionId).executeTakeFirstOrThrow();
    for (const [i, p] of people.entries()) {
      await sql`
        INSERT INTO member (region_id, name, name_pinyin, id_number_enc, id_number_bidx, id_number_masked, gender, birth_date,
                            status, org_id, org_path, join_date)
        VALUES (${regionOfPath(org.path)}::bigint, ${p.name}, ${p.pinyin}, 'enc', ${`sort-${i}`}, '1101**********0000', 'male',
                DATE '1990-01-01', 'member', ${org.id}::bigint, ${org.path}::ltree, ${p.joined}::date)`.execute(ctx.database.db);
    }
  });
  afterAll(() => ctx.close());

  /** Every page of the list, two at a time, following the cursors. */
  const names = async (sort: string) => {
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const response = await ctx.call(
        'GET',
        `/api/members?orgId=${unionId}&sort=${sort}&limit=2${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`,
      );
      expect(response.statusCode, response.body).toBe(200);
      const page = response.json<{ items: Member[]; nextCursor: string | null }>();
      seen.push(...page.items.map((m) => m.name));
      cursor = page.nextCursor;
    } while (cursor);
    return seen;
  };

  it('sorts by name in pinyin order across pages', async () => {
    expect(await names('name')).toEqual(['艾一', '李四', '王五', '张三', '赵六']);
  });

  it('sorts by join date either way, ties by record', async () => {
    expect(await names('joinDateAsc')).toEqual(['王五', '艾一', '张三', '赵六', '李四']);
    expect(await names('joinDateDesc')).toEqual(['李四', '赵六', '张三', '艾一', '王五']);
  });

  it('keeps the newest record first by default', async () => {
    expect(await names('newest')).toEqual(['艾一', '张三', '李四', '王五', '赵六']);
  });
});
