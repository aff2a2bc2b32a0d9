import { buildMember, makePhone } from '../../testing/harness.js';
import type { AuthzFixtures, ModuleAuthz } from '../../testing/authz.js';

/** A member of the union U, the target of every member route. */
const member = ({ ctx, tree }: AuthzFixtures) => buildMember(ctx, tree.dcUnion.id);

export const authz: ModuleAuthz = {
  cases: [
    {
      route: 'POST /api/members/:id/phone',
      action: 'member.write',
      visibleWith: 'member.read',
      write: true,
      target: 'union',
      request: async (f) => ({
        method: 'POST',
        url: `/api/members/${(await member(f)).id}/phone`,
        payload: { phone: makePhone(), reason: '本人到会核验' },
      }),
    },
    {
      route: 'GET /api/members/export',
      action: 'member.export',
      visibleWith: 'org.read',
      write: false,
      target: 'union',
      request: async ({ tree }) => ({ method: 'GET', url: `/api/members/export?orgId=${tree.dcUnion.id}&format=csv` }),
    },
    {
      route: 'GET /api/members',
      action: 'member.read',
      visibleWith: 'member.read',
      write: false,
      target: 'union',
      request: async ({ tree }) => ({ method: 'GET', url: `/api/members?orgId=${tree.dcUnion.id}` }),
    },
    {
      route: 'GET /api/members/:id',
      action: 'member.read',
      visibleWith: 'member.read',
      write: false,
      target: 'union',
      request: async (f) => ({ method: 'GET', url: `/api/members/${(await member(f)).id}` }),
    },
    {
      route: 'POST /api/members/:id/reveal',
      action: 'member.reveal',
      visibleWith: 'member.read',
      write: true,
      target: 'union',
      request: async (f) => ({
        method: 'POST',
        url: `/api/members/${(await member(f)).id}/reveal`,
        payload: { field: 'phone', reason: '核对身份' },
      }),
    },
    {
      route: 'POST /api/members/:id/lapse',
      action: 'member.write',
      visibleWith: 'member.read',
      write: true,
      target: 'union',
      request: async (f) => ({ method: 'POST', url: `/api/members/${(await member(f)).id}/lapse`, payload: { reason: '离职' } }),
    },
    {
      route: 'POST /api/members/:id/rejoin',
      action: 'member.write',
      visibleWith: 'member.read',
      write: true,
      target: 'union',
      request: async (f) => {
        const m = await member(f);
        await f.asAdmin({ method: 'POST', url: `/api/members/${m.id}/lapse`, payload: { reason: '离职' } });
        return { method: 'POST', url: `/api/members/${m.id}/rejoin` };
      },
    },
    {
      route: 'POST /api/members/:id/affiliations',
      action: 'member.write',
      visibleWith: 'member.read',
      write: true,
      target: 'union',
      request: async (f) => ({
        method: 'POST',
        url: `/api/members/${(await member(f)).id}/affiliations`,
        payload: { orgId: f.otherBranch.id },
      }),
    },
    {
      route: 'DELETE /api/members/:id/affiliations/:orgId',
      action: 'member.write',
      visibleWith: 'member.read',
      write: true,
      target: 'union',
      request: async (f) => {
        const m = await member(f);
        await f.asAdmin({ method: 'POST', url: `/api/members/${m.id}/affiliations`, payload: { orgId: f.otherBranch.id } });
        return { method: 'DELETE', url: `/api/members/${m.id}/affiliations/${f.otherBranch.id}` };
      },
    },
  ],
};
