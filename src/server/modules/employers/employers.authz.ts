import { employerOnStreet, type ModuleAuthz } from '../../testing/authz.js';

export const authz: ModuleAuthz = {
  cases: [
    {
      route: 'GET /api/employers',
      action: 'employer.read',
      visibleWith: 'employer.read',
      write: false,
      request: async ({ tree }) => ({ method: 'GET', url: `/api/employers?orgId=${tree.dcStreet.id}` }),
    },
    {
      route: 'GET /api/employers/:id',
      action: 'employer.read',
      visibleWith: 'employer.read',
      write: false,
      request: async (f) => ({ method: 'GET', url: `/api/employers/${(await employerOnStreet(f)).id}` }),
    },
    {
      route: 'POST /api/employers',
      action: 'employer.write',
      visibleWith: 'org.read',
      write: true,
      ok: 201,
      request: async ({ tree, unique, uscc }) => ({
        method: 'POST',
        url: '/api/employers',
        payload: { name: `新企业${unique()}`, uscc: uscc(), headcount: 5, industry: 'G', streetOrgId: tree.dcStreet.id },
      }),
    },
    {
      route: 'PATCH /api/employers/:id',
      action: 'employer.write',
      visibleWith: 'employer.read',
      write: true,
      request: async (f) => {
        const e = await employerOnStreet(f);
        return { method: 'PATCH', url: `/api/employers/${e.id}`, payload: { version: e.version, headcount: 300 } };
      },
    },
  ],
};
