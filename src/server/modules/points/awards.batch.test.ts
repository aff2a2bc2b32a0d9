import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildMember, buildTree, createTestContext, type TestContext } from '../../testing/harness.js';
import type { ProgrammeDetail } from '../../../common/points.programmes.js';
import type { AppError } from '../../../common/errors.js';
import { awardManyInTx } from './awards.service.js';
import { checkBooks } from './points.invariants.js';
import * as repo from './programmes.repo.js';

let ctx: TestContext;
let tree: Awaited<ReturnType<typeof buildTree>>;
beforeAll(async () => {
  ctx = await createTestContext();
  tree = await buildTree(ctx);
}, 120_000);
afterAll(async () => ctx?.close());

const input = (memberId: number, amount: number, key: string) => ({
  memberId,
  amount,
  key,
  source: 'manual' as const,
  sourceRef: null,
  reason: '志愿服务',
  actorUserId: null,
});
const codeOf = (o: { ok: unknown } | { refused: AppError }) => ('refused' in o ? o.refused.code : 'ok');

describe('awards booked as a batch (awardManyInTx → transferBatch)', () => {
  it('applies caps, the budget and keys row after row as single awards would, and leaves the books whole', async () => {
    const created = await ctx.call('POST', '/api/points/programmes', {
      orgId: tree.dongcheng.id,
      name: '批量规则',
      earnRules: { manual: true },
      capDay: 10,
      expiryRule: 'end_of_next_year',
    });
    const p0 = created.json<ProgrammeDetail>();
    await ctx.call('POST', `/api/points/programmes/${p0.id}/fund`, { key: 'fund:batch', amount: 25 });
    const [a, b, c] = await Promise.all([0, 1, 2].map(() => buildMember(ctx, tree.dcUnion.id)));
    // A single award first: the batch counts it against a's day cap.
    const single = await ctx.call('POST', `/api/points/programmes/${p0.id}/awards`, {
      source: 'manual',
      key: 'k:single',
      memberId: a!.id,
      points: 4,
      reason: '志愿服务',
    });
    expect(single.statusCode, single.body).toBe(200);
    const p = (await repo.findProgrammeById(ctx.database.db, p0.id))!;
    const now = new Date();
    const run = (inputs: ReturnType<typeof input>[]) => ctx.database.db.transaction().execute((tx) => awardManyInTx(tx, p, inputs, now));
    const first = await run([
      input(a!.id, 5, 'k:1'), // a: 4 + 5 = 9 ≤ 10
      input(a!.id, 2, 'k:2'), // a: 11 > 10 → cap
      input(b!.id, 6, 'k:3'),
      input(b!.id, 6, 'k:3'), // the same key twice in the list: the first result
      input(c!.id, 9, 'k:4'), // budget 25 − 4 − 5 − 6 = 10 left: ok
      input(c!.id, 1, 'k:5'), // c: 9 + 1 = 10 ≤ cap, budget 1 left: ok
      input(b!.id, 1, 'k:6'), // budget 0 → insufficient
      input(b!.id, 4, 'k:single'), // a key booked before with other fields
    ]);
    expect(first.map(codeOf)).toEqual(['ok', 'PROGRAMME_CAP_DAY', 'ok', 'ok', 'ok', 'ok', 'POINTS_INSUFFICIENT', 'POINTS_KEY_REUSED']);
    expect(first.map((o) => ('ok' in o ? o.ok.replayed : null))).toEqual([false, null, false, true, false, false, null, null]);
    // The same list again: every booked row answers its first result, nothing is written.
    const again = await run([input(a!.id, 5, 'k:1'), input(b!.id, 6, 'k:3'), input(c!.id, 9, 'k:4'), input(a!.id, 4, 'k:single')]); // the single award's own fields: its first result
    expect(again.map((o) => ('ok' in o ? o.ok.replayed : o.refused.code))).toEqual([true, true, true, true]);
    const detail = (await ctx.call('GET', `/api/points/programmes/${p0.id}`)).json<ProgrammeDetail>();
    expect(detail.figures).toMatchObject({ issued: 25, liability: 25, budgetLeft: 0, membersHolding: 3 });
    // A single award replays a key the batch booked (the same request hash).
    const replay = await ctx.call('POST', `/api/points/programmes/${p0.id}/awards`, {
      source: 'manual',
      key: 'k:1',
      memberId: a!.id,
      points: 5,
      reason: '志愿服务',
    });
    expect(replay.json()).toMatchObject({ replayed: true });
    expect(await checkBooks(ctx.database.db)).toEqual([]);
  });
});
