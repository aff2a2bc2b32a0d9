import { makeIdNumber, makePhone } from '../../testing/harness.js';
import type { AuthzFixtures, ModuleAuthz } from '../../testing/authz.js';

/** A pending application to the union U, made through the public form; answers its id. */
async function pending({ ctx, tree, asAdmin }: AuthzFixtures): Promise<number> {
  const U = tree.dcUnion.id;
  const applied = await ctx.app.inject({
    method: 'POST',
    url: '/api/public/applications',
    payload: { name: '矩阵申请', idNumber: makeIdNumber(), phone: makePhone(), employmentForm: 'courier', orgId: U },
  });
  const list = await asAdmin<{ items: { id: number; trackingCode: string }[] }>({
    method: 'GET',
    url: `/api/applications?orgId=${U}&limit=500`,
  });
  return list.items.find((a) => a.trackingCode === applied.json<{ trackingCode: string }>().trackingCode)!.id;
}

export const authz: ModuleAuthz = {
  publicRoutes: ['GET /api/public/unions', 'POST /api/public/applications', 'GET /api/public/applications/:trackingCode'],
  cases: [
    {
      route: 'POST /api/applications',
      action: 'member.write',
      visibleWith: 'org.read',
      write: true,
      ok: 201,
      target: 'union',
      request: async ({ tree }) => ({
        method: 'POST',
        url: '/api/applications',
        payload: { name: '录入', idNumber: makeIdNumber(), phone: makePhone(), employmentForm: 'standard', orgId: tree.dcUnion.id },
      }),
    },
    {
      route: 'GET /api/applications',
      action: 'member.read',
      visibleWith: 'member.read',
      write: false,
      target: 'union',
      request: async ({ tree }) => ({ method: 'GET', url: `/api/applications?orgId=${tree.dcUnion.id}` }),
    },
    {
      route: 'POST /api/applications/decisions',
      action: 'member.write',
      visibleWith: 'member.read',
      write: true,
      target: 'union',
      request: async (f) => ({
        method: 'POST',
        url: '/api/applications/decisions',
        payload: { ids: [await pending(f)], decision: 'approve' },
      }),
    },
  ],
};
