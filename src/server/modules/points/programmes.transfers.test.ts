import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from '../../../common/paging.js';
import type { PointsTransfer, ProgrammeDetail } from '../../../common/points.programmes.js';
import { actorWith, buildMember, buildTree, createTestContext, type TestContext } from '../../testing/harness.js';
import { awardForActivity } from './awards.service.js';

let ctx: TestContext;
beforeAll(async () => {
  ctx = await createTestContext();
}, 120_000);
afterAll(async () => ctx?.close());

let serial = 0;
const key = (prefix: string) => `${prefix}:${process.pid}:${++serial}`;

describe("a programme's transfers filtered by member and by Beijing days", () => {
  it('filters in SQL, counts what it filters, pages under the filter, and stays inside the subtree', async () => {
    const tree = await buildTree(ctx);
    const p = (
      await ctx.call('POST', '/api/points/programmes', {
        orgId: tree.dongcheng.id,
        name: '党心e家',
        earnRules: { eventAttendance: 5, manual: true },
        expiryRule: 'never',
      })
    ).json<ProgrammeDetail>();
    expect((await ctx.call('POST', `/api/points/programmes/${p.id}/fund`, { key: key('fund'), amount: 1000 })).statusCode).toBe(200);
    const rider = await buildMember(ctx, tree.dcUnion.id);
    const other = await buildMember(ctx, tree.dcUnion.id);
    const award = (memberId: number, at: string) =>
      ctx.database.db
        .transaction()
        .execute((tx) =>
          awardForActivity(
            tx,
            { programmeId: p.id, memberId, source: 'event', sourceRef: key('event'), key: key('event'), units: 1 },
            new Date(at),
          ),
        );
    // 23:59 and 00:01 in Beijing on either side of midnight: the first is 1 July, the second 2 July (both 1 July in UTC).
    await award(rider.id, '2026-07-01T15:59:00Z');
    await award(rider.id, '2026-07-01T16:01:00Z');
    await award(other.id, '2026-07-01T02:00:00Z');
    await award(rider.id, '2026-06-30T15:59:00Z'); // 30 June 23:59 in Beijing

    const list = async (query: string, cookie?: string) => {
      const r = await ctx.call('GET', `/api/points/programmes/${p.id}/transfers?${query}`, undefined, cookie);
      expect(r.statusCode, r.body).toBe(200);
      return r.json<Page<PointsTransfer>>();
    };
    const times = (page: Page<PointsTransfer>) => page.items.map((t) => t.createdAt).sort();

    const ofRider = await list(`memberId=${rider.id}`);
    expect(ofRider.items.every((t) => t.memberId === rider.id)).toBe(true);
    expect(ofRider.total).toEqual({ count: 3, kind: 'exact' });

    const july1 = await list('from=2026-07-01&to=2026-07-01');
    expect(times(july1)).toEqual(['2026-07-01T02:00:00.000Z', '2026-07-01T15:59:00.000Z']);
    expect(july1.total?.count).toBe(2);
    const july2 = await list('from=2026-07-02&to=2026-07-02');
    expect(times(july2)).toEqual(['2026-07-01T16:01:00.000Z']);
    const riderJuly1 = await list(`memberId=${rider.id}&from=2026-07-01&to=2026-07-01`);
    expect(times(riderJuly1)).toEqual(['2026-07-01T15:59:00.000Z']);
    // Only a start: 1 July on, the rider's 30 June left out.
    const sinceJuly = await list(`memberId=${rider.id}&from=2026-07-01`);
    expect(sinceJuly.total?.count).toBe(2);

    // Paged under the filter: the total on the first page, the rest after the cursor, no row twice.
    const first = await list(`memberId=${rider.id}&limit=2`);
    expect(first.items).toHaveLength(2);
    expect(first.total?.count).toBe(3);
    expect(first.nextCursor).not.toBeNull();
    const second = await list(`memberId=${rider.id}&limit=2&cursor=${encodeURIComponent(first.nextCursor!)}`);
    expect(second.items).toHaveLength(1);
    expect(new Set([...first.items, ...second.items].map((t) => t.id)).size).toBe(3);

    const bad = await ctx.call('GET', `/api/points/programmes/${p.id}/transfers?from=2026-13-01`);
    expect(bad.statusCode).toBe(400);
    expect(bad.json<{ message: string }>().message).toMatch(/[\u4e00-\u9fa5]/);

    // A cadre of another district cannot list this programme's transfers, filtered or not.
    const xicheng = await actorWith(ctx, 'union_cadre', tree.xicheng.id);
    const foreign = await ctx.call('GET', `/api/points/programmes/${p.id}/transfers?memberId=${rider.id}`, undefined, xicheng.cookie);
    expect(foreign.statusCode).toBe(404);
  });
});
