import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { actorWith, buildTree, createTestContext, makeIdNumber, makePhone, type TestContext } from '../../testing/harness.js';

let ctx: TestContext;
let tree: Awaited<ReturnType<typeof buildTree>>;
beforeAll(async () => {
  ctx = await createTestContext();
  tree = await buildTree(ctx);
});
afterAll(async () => ctx?.close());

const person = () => ({ name: '李小红', idNumber: makeIdNumber(), phone: makePhone(), employmentForm: 'standard' });

async function employerUnder(streetOrgId: number): Promise<number> {
  const created = await ctx.call('POST', '/api/employers', {
    name: `企业${Date.now()}${Math.random()}`,
    headcount: 30,
    industry: 'C',
    streetOrgId,
  });
  expect(created.statusCode).toBe(201);
  return created.json<{ id: number }>().id;
}

describe('an application naming an employer', () => {
  it('a public application naming an employer that does not exist is refused with a clear message, not a 500', async () => {
    const answer = await ctx.call('POST', '/api/public/applications', { ...person(), orgId: tree.dcUnion.id, employerId: 987654321 }, '');
    expect(answer.statusCode).toBe(422);
    expect(answer.json()).toEqual({
      code: 'EMPLOYER_UNKNOWN',
      message: '所填企业（编号 987654321）不存在或不在您可查看的范围内，请重新选择',
    });
  });

  it('a public application naming an existing employer is recorded', async () => {
    const employerId = await employerUnder(tree.dcStreet.id);
    const answer = await ctx.call('POST', '/api/public/applications', { ...person(), orgId: tree.dcUnion.id, employerId }, '');
    expect(answer.statusCode).toBe(201);
  });

  it('a cadre intake naming an employer that does not exist, or one outside the cadre subtree, is refused clearly', async () => {
    const cadre = await actorWith(ctx, 'union_cadre', tree.dongcheng.id);
    const missing = await ctx.call(
      'POST',
      '/api/applications',
      { ...person(), orgId: tree.dcUnion.id, employerId: 987654321 },
      cadre.cookie,
      'en',
    );
    expect(missing.statusCode).toBe(422);
    expect(missing.json()).toEqual({
      code: 'EMPLOYER_UNKNOWN',
      message: 'Employer 987654321 does not exist or is outside what you may see; choose it again',
    });
    const foreign = await employerUnder(tree.xcStreet.id);
    const outside = await ctx.call('POST', '/api/applications', { ...person(), orgId: tree.dcUnion.id, employerId: foreign }, cadre.cookie);
    expect(outside.json<{ code: string }>().code).toBe('EMPLOYER_UNKNOWN');
    const own = await employerUnder(tree.dcStreet.id);
    const fine = await ctx.call('POST', '/api/applications', { ...person(), orgId: tree.dcUnion.id, employerId: own }, cadre.cookie);
    expect(fine.statusCode).toBe(201);
  });
});
