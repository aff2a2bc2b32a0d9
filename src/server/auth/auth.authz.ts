import type { ModuleAuthz } from '../testing/authz.js';

export const authz: ModuleAuthz = {
  publicRoutes: ['POST /api/auth/login', 'POST /api/auth/logout'],
  cases: [
    {
      route: 'GET /api/auth/me',
      action: 'org.read',
      write: false,
      unscoped: true,
      callerOnly: true,
      request: async () => ({ method: 'GET', url: '/api/auth/me' }),
    },
    {
      // Everyone signed in reaches their own password change; a wrong current password is all the matrix sends.
      route: 'POST /api/auth/password',
      action: 'org.read',
      write: true,
      unscoped: true,
      ok: 422,
      request: async () => ({
        method: 'POST',
        url: '/api/auth/password',
        payload: { currentPassword: 'not-the-current-1', newPassword: 'Another-Matrix-Pass-26' },
      }),
    },
  ],
};
