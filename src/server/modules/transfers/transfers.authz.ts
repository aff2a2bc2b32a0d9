import { buildMember } from '../../testing/harness.js';
import type { ModuleAuthz } from '../../testing/authz.js';

export const authz: ModuleAuthz = {
  cases: [
    {
      route: 'POST /api/transfers',
      action: 'member.write',
      visibleWith: 'org.read',
      write: true,
      ok: 201,
      target: 'union',
      request: async ({ ctx, tree, elsewhere }) => {
        const m = await buildMember(ctx, elsewhere.id);
        return { method: 'POST', url: '/api/transfers', payload: { idNumber: m.idNumber, toOrgId: tree.dcUnion.id } };
      },
    },
    {
      route: 'GET /api/transfers',
      action: 'member.read',
      visibleWith: 'member.read',
      write: false,
      target: 'union',
      request: async ({ tree }) => ({ method: 'GET', url: `/api/transfers?orgId=${tree.dcUnion.id}&direction=outgoing` }),
    },
    {
      route: 'POST /api/transfers/:id/decision',
      action: 'member.write',
      visibleWith: 'member.read',
      write: true,
      target: 'union',
      request: async ({ ctx, tree, elsewhere, asAdmin }) => {
        const m = await buildMember(ctx, tree.dcUnion.id);
        const t = await asAdmin({ method: 'POST', url: '/api/transfers', payload: { idNumber: m.idNumber, toOrgId: elsewhere.id } });
        return { method: 'POST', url: `/api/transfers/${t.id}/decision`, payload: { decision: 'confirm' } };
      },
    },
  ],
};
