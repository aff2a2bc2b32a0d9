import type { ModuleAuthz } from '../../testing/authz.js';

export const authz: ModuleAuthz = {
  cases: [
    {
      route: 'GET /api/messages',
      action: 'message.read',
      write: false,
      rootOnly: true,
      request: async () => ({ method: 'GET', url: '/api/messages' }),
    },
  ],
};
