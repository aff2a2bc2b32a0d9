import { employerOnStreet, type ModuleAuthz } from '../../testing/authz.js';

export const authz: ModuleAuthz = {
  publicRoutes: ['GET /api/public/meetings/:id'],
  cases: [
    {
      route: 'POST /api/meetings',
      action: 'member.write',
      visibleWith: 'org.read',
      write: true,
      ok: 201,
      request: async ({ tree }) => ({
        method: 'POST',
        url: '/api/meetings',
        payload: { orgId: tree.dcStreet.id, kind: 'worker', title: '职工沟通会', heldOn: '2026-05-30' },
      }),
    },
    {
      route: 'GET /api/meetings',
      action: 'member.read',
      visibleWith: 'member.read',
      write: false,
      request: async ({ tree }) => ({ method: 'GET', url: `/api/meetings?orgId=${tree.dcStreet.id}` }),
    },
    {
      route: 'GET /api/meetings/:id',
      action: 'member.read',
      visibleWith: 'member.read',
      write: false,
      request: async (f) => {
        const m = await f.asAdmin({
          method: 'POST',
          url: '/api/meetings',
          payload: { orgId: f.tree.dcStreet.id, kind: 'enterprise', title: `矩阵沟通会${f.unique()}`, heldOn: '2026-05-30' },
        });
        return { method: 'GET', url: `/api/meetings/${m.id}` };
      },
    },
    {
      route: 'GET /api/outreach/stats',
      action: 'member.read',
      visibleWith: 'member.read',
      write: false,
      request: async ({ tree }) => ({
        method: 'GET',
        url: `/api/outreach/stats?orgId=${tree.dcStreet.id}&from=2026-01-01&to=2026-12-31`,
      }),
    },
    {
      route: 'POST /api/employers/:id/unionisation',
      action: 'employer.write',
      visibleWith: 'employer.read',
      write: true,
      request: async (f) => {
        const e = await employerOnStreet(f);
        return { method: 'POST', url: `/api/employers/${e.id}/unionisation`, payload: { version: e.version, stage: 'contacted' } };
      },
    },
  ],
};
