import type { ModuleAuthz } from '../../testing/authz.js';

export const authz: ModuleAuthz = {
  cases: [
    {
      route: 'GET /api/coverage/:id',
      action: 'coverage.read',
      visibleWith: 'coverage.read',
      write: false,
      request: async ({ tree }) => ({ method: 'GET', url: `/api/coverage/${tree.dcStreet.id}` }),
    },
    {
      route: 'GET /api/coverage/:id/children',
      action: 'coverage.read',
      visibleWith: 'coverage.read',
      write: false,
      request: async ({ tree }) => ({ method: 'GET', url: `/api/coverage/${tree.dcStreet.id}/children` }),
    },
    {
      route: 'POST /api/coverage/rebuild',
      action: 'coverage.rebuild',
      write: true,
      rootOnly: true,
      request: async () => ({ method: 'POST', url: '/api/coverage/rebuild' }),
    },
  ],
};
