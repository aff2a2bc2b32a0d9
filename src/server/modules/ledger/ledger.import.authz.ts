import type { AuthzFixtures, ModuleAuthz } from '../../testing/authz.js';

/** A short page of the union paper naming the street T. */
const page = (f: AuthzFixtures) =>
  `${f.tree.dcStreet.name}开展送清凉活动\n\n本报讯(记者 边磊)6月18日，${f.tree.dcStreet.name}为辖区120名户外劳动者送去清凉慰问品。\n`;

/** A draft of the street T, made by the admin. */
function draftOnStreet(f: AuthzFixtures) {
  return f.asAdmin<{ id: number }>({
    method: 'POST',
    url: `/api/ledger/imports?orgId=${f.tree.dcStreet.id}`,
    payload: Buffer.from(page(f)),
    contentType: 'text/plain; charset=utf-8',
  });
}

export const authz: ModuleAuthz = {
  cases: [
    {
      route: 'POST /api/ledger/imports',
      action: 'ledger.write',
      visibleWith: 'org.read',
      write: true,
      ok: 201,
      request: async (f) => ({
        method: 'POST',
        url: `/api/ledger/imports?orgId=${f.tree.dcStreet.id}`,
        payload: Buffer.from(page(f)),
        contentType: 'text/plain; charset=utf-8',
      }),
    },
    {
      route: 'GET /api/ledger/imports',
      action: 'ledger.write',
      write: false,
      request: async (f) => {
        await draftOnStreet(f);
        return { method: 'GET', url: `/api/ledger/imports?orgId=${f.tree.dcStreet.id}&status=open` };
      },
    },
    {
      route: 'GET /api/ledger/imports/:id',
      action: 'ledger.write',
      visibleWith: 'ledger.read',
      write: false,
      request: async (f) => ({ method: 'GET', url: `/api/ledger/imports/${(await draftOnStreet(f)).id}` }),
    },
    {
      route: 'POST /api/ledger/imports/:id/proposals/:position/confirm',
      action: 'ledger.write',
      visibleWith: 'ledger.read',
      write: true,
      ok: 201,
      request: async (f) => ({
        method: 'POST',
        url: `/api/ledger/imports/${(await draftOnStreet(f)).id}/proposals/0/confirm`,
        payload: { orgId: f.tree.dcStreet.id, kind: 'welfare', title: '送清凉', dateFrom: '2026-06-18', peopleReached: 120 },
      }),
    },
    {
      route: 'POST /api/ledger/imports/:id/proposals/:position/discard',
      action: 'ledger.write',
      visibleWith: 'ledger.read',
      write: true,
      request: async (f) => ({ method: 'POST', url: `/api/ledger/imports/${(await draftOnStreet(f)).id}/proposals/0/discard` }),
    },
  ],
};
