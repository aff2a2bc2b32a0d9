import type { ModuleAuthz } from '../../testing/authz.js';

export const authz: ModuleAuthz = {
  cases: [
    {
      route: 'GET /api/audit',
      action: 'audit.read',
      write: false,
      request: async ({ tree }) => ({ method: 'GET', url: `/api/audit?orgId=${tree.dcStreet.id}` }),
    },
    {
      route: 'GET /api/audit/export',
      action: 'audit.read',
      write: false,
      binary: true,
      request: async ({ tree }) => ({ method: 'GET', url: `/api/audit/export?orgId=${tree.dcStreet.id}&from=2026-01-01` }),
    },
  ],
};
