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
    {
      route: 'GET /api/coverage/:id/trend',
      action: 'coverage.read',
      visibleWith: 'coverage.read',
      write: false,
      request: async ({ tree }) => ({ method: 'GET', url: `/api/coverage/${tree.dcStreet.id}/trend?months=3` }),
    },
    {
      // The map: every caller gets the districts their scope reaches (none below a district).
      route: 'GET /api/coverage/districts',
      action: 'coverage.read',
      write: false,
      unscoped: true,
      request: async () => ({ method: 'GET', url: '/api/coverage/districts' }),
    },
    {
      route: 'GET /api/coverage/report',
      action: 'coverage.read',
      visibleWith: 'coverage.read',
      write: false,
      binary: true,
      request: async ({ tree }) => ({ method: 'GET', url: `/api/coverage/report?orgId=${tree.dcStreet.id}` }),
    },
    {
      route: 'POST /api/coverage/snapshots',
      action: 'coverage.rebuild',
      write: true,
      rootOnly: true,
      request: async () => ({ method: 'POST', url: '/api/coverage/snapshots', payload: {} }),
    },
  ],
};
