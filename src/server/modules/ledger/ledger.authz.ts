import type { AuthzFixtures, ModuleAuthz } from '../../testing/authz.js';
import { pngUpload } from '../../testing/uploads.js';

/** An entry of the street T, made by the admin. */
function entryOnStreet(f: AuthzFixtures) {
  return f.asAdmin<{ id: number; version: number }>({
    method: 'POST',
    url: '/api/ledger/entries',
    payload: { orgId: f.tree.dcStreet.id, kind: 'welfare', title: `矩阵台账${f.unique()}`, dateFrom: '2026-06-18', peopleReached: 120 },
  });
}

/** An entry of the street T with one photo, both by the admin. */
async function photoOnStreet(f: AuthzFixtures): Promise<{ url: string; entryId: number }> {
  const entry = await entryOnStreet(f);
  return f.asAdmin<{ url: string; entryId: number }>({ method: 'POST', url: `/api/ledger/entries/${entry.id}/photos`, ...pngUpload() });
}

export const authz: ModuleAuthz = {
  cases: [
    {
      route: 'POST /api/ledger/entries',
      action: 'ledger.write',
      visibleWith: 'org.read',
      write: true,
      ok: 201,
      request: async ({ tree }) => ({
        method: 'POST',
        url: '/api/ledger/entries',
        payload: { orgId: tree.dcStreet.id, kind: 'outreach', title: '职工沟通会', dateFrom: '2026-05-30' },
      }),
    },
    {
      route: 'GET /api/ledger/entries',
      action: 'ledger.read',
      write: false,
      request: async ({ tree }) => ({ method: 'GET', url: `/api/ledger/entries?orgId=${tree.dcStreet.id}&year=2026` }),
    },
    {
      route: 'GET /api/ledger/entries/:id',
      action: 'ledger.read',
      visibleWith: 'ledger.read',
      write: false,
      request: async (f) => ({ method: 'GET', url: `/api/ledger/entries/${(await entryOnStreet(f)).id}` }),
    },
    {
      route: 'PATCH /api/ledger/entries/:id',
      action: 'ledger.write',
      visibleWith: 'ledger.read',
      write: true,
      request: async (f) => {
        const e = await entryOnStreet(f);
        return { method: 'PATCH', url: `/api/ledger/entries/${e.id}`, payload: { version: e.version, place: '职工之家' } };
      },
    },
    {
      route: 'DELETE /api/ledger/entries/:id',
      action: 'ledger.write',
      visibleWith: 'ledger.read',
      write: true,
      request: async (f) => {
        const e = await entryOnStreet(f);
        return { method: 'DELETE', url: `/api/ledger/entries/${e.id}?version=${e.version}` };
      },
    },
    {
      route: 'GET /api/ledger/entries/:id/photos',
      action: 'ledger.read',
      visibleWith: 'ledger.read',
      write: false,
      request: async (f) => ({ method: 'GET', url: `/api/ledger/entries/${(await photoOnStreet(f)).entryId}/photos` }),
    },
    {
      route: 'POST /api/ledger/entries/:id/photos',
      action: 'ledger.write',
      visibleWith: 'ledger.read',
      write: true,
      ok: 201,
      request: async (f) => ({ method: 'POST', url: `/api/ledger/entries/${(await entryOnStreet(f)).id}/photos`, ...pngUpload() }),
    },
    {
      route: 'GET /api/ledger/entries/:id/photos/:photoId',
      action: 'ledger.read',
      visibleWith: 'ledger.read',
      write: false,
      binary: true,
      request: async (f) => ({ method: 'GET', url: (await photoOnStreet(f)).url }),
    },
    {
      route: 'DELETE /api/ledger/entries/:id/photos/:photoId',
      action: 'ledger.write',
      visibleWith: 'ledger.read',
      write: true,
      request: async (f) => ({ method: 'DELETE', url: (await photoOnStreet(f)).url }),
    },
    {
      route: 'GET /api/ledger/rollup',
      action: 'ledger.read',
      write: false,
      request: async ({ tree }) => ({ method: 'GET', url: `/api/ledger/rollup?orgId=${tree.dcStreet.id}&year=2026` }),
    },
    {
      route: 'GET /api/ledger/export',
      action: 'ledger.read',
      write: false,
      binary: true,
      request: async ({ tree }) => ({ method: 'GET', url: `/api/ledger/export?orgId=${tree.dcStreet.id}&year=2026` }),
    },
  ],
};
