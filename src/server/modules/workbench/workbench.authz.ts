import type { ModuleAuthz } from '../../testing/authz.js';

// About the caller alone: every signed-in cadre gets their own nodes' figures and counts (tests in workbench.test.ts
// show that a cadre elsewhere counts none of another district's items).
export const authz: ModuleAuthz = {
  cases: [
    {
      route: 'GET /api/workbench',
      action: 'org.read',
      write: false,
      unscoped: true,
      callerOnly: true,
      request: async () => ({ method: 'GET', url: '/api/workbench' }),
    },
    {
      route: 'GET /api/workbench/counts',
      action: 'org.read',
      write: false,
      unscoped: true,
      callerOnly: true,
      request: async () => ({ method: 'GET', url: '/api/workbench/counts' }),
    },
  ],
};
