import type { ModuleAuthz } from '../../testing/authz.js';

/** A well-formed consent body, so a refusal is about the session and never about the payload. */
const consent = { challengeId: '1.aaaaaaaaaaaaaaaaaaaaaa', code: '123456' };

export const authz: ModuleAuthz = {
  publicRoutes: ['POST /api/public/member-codes', 'POST /api/public/member-sessions'],
  memberRoutes: [
    { route: 'GET /api/portal/me' },
    { route: 'GET /api/portal/card' },
    { route: 'POST /api/portal/transfers/:id/consent-code', payload: consent },
    { route: 'POST /api/portal/transfers/:id/consent', payload: consent },
    { route: 'POST /api/portal/transfers/:id/decline', payload: consent },
    // Signing out needs no session: it only clears the member cookie, whoever asks.
    { route: 'POST /api/portal/logout', refused: 204, payload: consent },
  ],
};
