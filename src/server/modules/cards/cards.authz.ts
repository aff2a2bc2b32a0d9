import { buildMember } from '../../testing/harness.js';
import type { AuthzFixtures, ModuleAuthz } from '../../testing/authz.js';

const member = ({ ctx, tree }: AuthzFixtures) => buildMember(ctx, tree.dcUnion.id);

export const authz: ModuleAuthz = {
  publicRoutes: ['POST /api/public/cards/verify'],
  cases: [
    {
      route: 'GET /api/members/:id/card',
      action: 'member.write',
      visibleWith: 'member.read',
      write: false,
      target: 'union',
      request: async (f) => ({ method: 'GET', url: `/api/members/${(await member(f)).id}/card` }),
    },
    {
      route: 'POST /api/members/:id/card/revoke',
      action: 'member.write',
      visibleWith: 'member.read',
      write: true,
      ok: 204,
      target: 'union',
      request: async (f) => ({ method: 'POST', url: `/api/members/${(await member(f)).id}/card/revoke` }),
    },
    {
      route: 'POST /api/members/:id/card/reissue',
      action: 'member.write',
      visibleWith: 'member.read',
      write: true,
      target: 'union',
      request: async (f) => ({ method: 'POST', url: `/api/members/${(await member(f)).id}/card/reissue` }),
    },
  ],
};
