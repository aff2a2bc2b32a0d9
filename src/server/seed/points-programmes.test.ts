import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildMember, buildOrg, createTestContext, type TestContext } from '../testing/harness.js';
import type { ProgrammeDetail } from '../../common/points.programmes.js';
import { seedPointsProgrammes } from './points-programmes.js';

let ctx: TestContext;
beforeAll(async () => {
  ctx = await createTestContext();
}, 120_000);
afterAll(async () => ctx?.close());

describe('the demo points programme (党心e家)', () => {
  it('is made and funded once, awards 东城 members once, and its figures add up', async () => {
    const dongcheng = await buildOrg(ctx, 1, 'district_federation', { name: '东城区总工会' });
    const street = await buildOrg(ctx, dongcheng.id, 'street_federation', { name: '崇外街道总工会' });
    const union = await buildOrg(ctx, street.id, 'grassroots_union');
    await buildMember(ctx, union.id, { employmentForm: 'delivery_rider' });
    await buildMember(ctx, union.id);
    const first = await seedPointsProgrammes(ctx.database.db);
    expect(first?.awards).toBe(2);
    const again = await seedPointsProgrammes(ctx.database.db);
    expect(again).toEqual({ programmeId: first!.programmeId, awards: 0 });
    const p = (await ctx.call('GET', `/api/points/programmes/${first!.programmeId}`)).json<ProgrammeDetail>();
    expect(p).toMatchObject({ name: '党心e家', figures: { funded: 200000, membersHolding: 2 } });
    expect(p.figures.issued).toBe(p.figures.liability);
    expect(p.figures.budgetLeft).toBe(200000 - p.figures.issued);
  });
});
