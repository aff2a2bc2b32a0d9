import { TEST_PASSWORD } from '../../testing/harness.js';
import type { AuthzFixtures, ModuleAuthz } from '../../testing/authz.js';

/** An account with a read-only grant on the street T, made by the admin. */
const userOnStreet = ({ asAdmin, tree, unique }: AuthzFixtures) =>
  asAdmin<{ id: number; grants: { id: number }[] }>({
    method: 'POST',
    url: '/api/users',
    payload: { username: `m${unique()}`, displayName: '矩阵用户', password: TEST_PASSWORD, orgId: tree.dcStreet.id, role: 'read_only' },
  });

export const authz: ModuleAuthz = {
  cases: [
    {
      route: 'GET /api/users',
      action: 'user.read',
      write: false,
      request: async ({ tree }) => ({ method: 'GET', url: `/api/users?orgId=${tree.dcStreet.id}` }),
    },
    {
      route: 'POST /api/users',
      action: 'user.write',
      visibleWith: 'org.read',
      write: true,
      ok: 201,
      request: async ({ tree, unique }) => ({
        method: 'POST',
        url: '/api/users',
        payload: { username: `n${unique()}`, displayName: '新用户', password: TEST_PASSWORD, orgId: tree.dcStreet.id, role: 'read_only' },
      }),
    },
    {
      route: 'PATCH /api/users/:id',
      action: 'user.write',
      visibleWith: 'user.read',
      write: true,
      request: async (f) => ({ method: 'PATCH', url: `/api/users/${(await userOnStreet(f)).id}`, payload: { displayName: '改名' } }),
    },
    {
      route: 'POST /api/users/:id/grants',
      action: 'user.write',
      visibleWith: 'user.read',
      write: true,
      request: async (f) => ({
        method: 'POST',
        url: `/api/users/${(await userOnStreet(f)).id}/grants`,
        payload: { orgId: f.tree.dcStreet.id, role: 'auditor' },
      }),
    },
    {
      route: 'DELETE /api/users/:id/grants/:grantId',
      action: 'user.write',
      visibleWith: 'user.read',
      write: true,
      request: async (f) => {
        const user = await userOnStreet(f);
        return { method: 'DELETE', url: `/api/users/${user.id}/grants/${user.grants[0]!.id}` };
      },
    },
  ],
};
