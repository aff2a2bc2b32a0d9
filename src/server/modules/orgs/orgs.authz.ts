import type { ModuleAuthz } from '../../testing/authz.js';
import { buildOrg } from '../../testing/harness.js';

export const authz: ModuleAuthz = {
  cases: [
    {
      route: 'GET /api/orgs/roots',
      action: 'org.read',
      write: false,
      unscoped: true,
      request: async () => ({ method: 'GET', url: '/api/orgs/roots' }),
    },
    {
      route: 'GET /api/orgs/search',
      action: 'org.read',
      write: false,
      unscoped: true,
      request: async ({ tree }) => ({ method: 'GET', url: `/api/orgs/search?q=${encodeURIComponent(tree.dcStreet.name)}` }),
    },
    {
      route: 'GET /api/orgs/:id',
      action: 'org.read',
      visibleWith: 'org.read',
      write: false,
      request: async ({ tree }) => ({ method: 'GET', url: `/api/orgs/${tree.dcStreet.id}` }),
    },
    {
      route: 'GET /api/orgs/:id/children',
      action: 'org.read',
      visibleWith: 'org.read',
      write: false,
      request: async ({ tree }) => ({ method: 'GET', url: `/api/orgs/${tree.dcStreet.id}/children` }),
    },
    {
      route: 'POST /api/orgs',
      action: 'org.write',
      visibleWith: 'org.read',
      write: true,
      ok: 201,
      request: async ({ tree, unique }) => ({
        method: 'POST',
        url: '/api/orgs',
        payload: { parentId: tree.dcStreet.id, kind: 'grassroots_union', name: `矩阵工会${unique()}` },
      }),
    },
    {
      route: 'PATCH /api/orgs/:id',
      action: 'org.write',
      visibleWith: 'org.read',
      write: true,
      request: async ({ ctx, tree, unique }) => {
        const org = await buildOrg(ctx, tree.dcStreet.id, 'joint_union');
        return { method: 'PATCH', url: `/api/orgs/${org.id}`, payload: { version: org.version, name: `改名${unique()}` } };
      },
    },
    {
      route: 'POST /api/orgs/:id/move',
      action: 'org.write',
      visibleWith: 'org.read',
      write: true,
      request: async ({ ctx, tree }) => {
        const a = await buildOrg(ctx, tree.dcStreet.id, 'grassroots_union');
        const b = await buildOrg(ctx, tree.dcStreet.id, 'grassroots_union');
        const branch = await buildOrg(ctx, a.id, 'branch');
        return { method: 'POST', url: `/api/orgs/${branch.id}/move`, payload: { newParentId: b.id } };
      },
    },
    {
      route: 'DELETE /api/orgs/:id',
      action: 'org.write',
      visibleWith: 'org.read',
      write: true,
      request: async ({ ctx, tree }) => ({
        method: 'DELETE',
        url: `/api/orgs/${(await buildOrg(ctx, tree.dcStreet.id, 'grassroots_union')).id}`,
      }),
    },
    {
      route: 'GET /api/orgs/:id/zones',
      action: 'org.read',
      visibleWith: 'org.read',
      write: false,
      request: async ({ tree }) => ({ method: 'GET', url: `/api/orgs/${tree.dcStreet.id}/zones` }),
    },
    {
      route: 'POST /api/orgs/:id/zones',
      action: 'org.write',
      visibleWith: 'org.read',
      write: true,
      ok: 201,
      request: async ({ tree, unique }) => ({
        method: 'POST',
        url: `/api/orgs/${tree.dcStreet.id}/zones`,
        payload: { name: `协作区${unique()}` },
      }),
    },
  ],
};
