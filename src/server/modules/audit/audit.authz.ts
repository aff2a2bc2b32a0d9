import type { ModuleAuthz } from '../../testing/authz.js';

export const authz: ModuleAuthz = {
  cases: [
    {
      route: 'GET /api/audit',
      action: 'audit.read',
      write: false,
      request: async ({ tree }) => ({ method: 'GET', url: `/api/audit?orgId=${tree.dcStreet.id}` }),
    },
  ],
};
