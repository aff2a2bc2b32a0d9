/**
 * The work-ledger rows (工作台账, issue #15) the authorization reliability test aims at inside the target subtree: an
 * entry of the street T with one photo and a draft import of a union-paper page at T (issue #15). Made through the routes
 * as the root's admin.
 */
import { pngUpload } from '../src/server/testing/uploads.js';
import type { AsAdmin } from './authorization.points.js';

type Req = { method: 'GET' | 'POST' | 'PATCH' | 'DELETE'; url: string; payload?: object | Buffer; contentType?: string };

export type LedgerTarget = { entry: number; version: number; draft: number; photoUrl: string };

/** A short page of the union paper about T. */
const page = (name: string) => `${name}开展送清凉活动\n\n本报讯(记者 边磊)6月18日，${name}为辖区120名户外劳动者送去清凉慰问品。\n`;

export async function buildLedgerTarget(asAdmin: AsAdmin, o: { orgId: number; name: string }): Promise<LedgerTarget> {
  const entry = await asAdmin<{ id: number; version: number }>({
    method: 'POST',
    url: '/api/ledger/entries',
    payload: { orgId: o.orgId, kind: 'outreach', title: '靶子双沟通', dateFrom: '2026-05-30', peopleReached: 40 },
  });
  const photo = await asAdmin<{ url: string }>({ method: 'POST', url: `/api/ledger/entries/${entry.id}/photos`, ...pngUpload() });
  const draft = await asAdmin<{ id: number }>({
    method: 'POST',
    url: `/api/ledger/imports?orgId=${o.orgId}`,
    payload: Buffer.from(page(o.name)),
    contentType: 'text/plain; charset=utf-8',
  });
  return { entry: entry.id, version: entry.version, draft: draft.id, photoUrl: photo.url };
}

/** The ledger routes, aimed at T's entry, T's ledger and T's drafts. */
export function aimedAtTargetLedger(t: LedgerTarget, T: number): { route: string; request: Req }[] {
  const r = (route: string, request: Req) => ({ route, request });
  const entry = `/api/ledger/entries/${t.entry}`;
  return [
    r('POST /api/ledger/entries', {
      method: 'POST',
      url: '/api/ledger/entries',
      payload: { orgId: T, kind: 'other', title: '越权台账', dateFrom: '2026-06-01' },
    }),
    r('GET /api/ledger/entries', { method: 'GET', url: `/api/ledger/entries?orgId=${T}&year=2026` }),
    r('GET /api/ledger/entries/:id', { method: 'GET', url: entry }),
    r('PATCH /api/ledger/entries/:id', { method: 'PATCH', url: entry, payload: { version: t.version, title: '越权修改' } }),
    r('DELETE /api/ledger/entries/:id', { method: 'DELETE', url: `${entry}?version=${t.version}` }),
    r('GET /api/ledger/entries/:id/photos', { method: 'GET', url: `${entry}/photos` }),
    r('POST /api/ledger/entries/:id/photos', { method: 'POST', url: `${entry}/photos`, ...pngUpload() }),
    r('GET /api/ledger/entries/:id/photos/:photoId', { method: 'GET', url: t.photoUrl }),
    r('DELETE /api/ledger/entries/:id/photos/:photoId', { method: 'DELETE', url: t.photoUrl }),
    r('GET /api/ledger/rollup', { method: 'GET', url: `/api/ledger/rollup?orgId=${T}&year=2026` }),
    r('GET /api/ledger/export', { method: 'GET', url: `/api/ledger/export?orgId=${T}&year=2026` }),
    r('POST /api/ledger/imports', {
      method: 'POST',
      url: `/api/ledger/imports?orgId=${T}`,
      payload: Buffer.from(page('越权街道工会')),
      contentType: 'text/plain; charset=utf-8',
    }),
    r('GET /api/ledger/imports', { method: 'GET', url: `/api/ledger/imports?orgId=${T}` }),
    r('GET /api/ledger/imports/:id', { method: 'GET', url: `/api/ledger/imports/${t.draft}` }),
    r('POST /api/ledger/imports/:id/proposals/:position/confirm', {
      method: 'POST',
      url: `/api/ledger/imports/${t.draft}/proposals/0/confirm`,
      payload: { orgId: T, kind: 'welfare', title: '越权确认', dateFrom: '2026-06-18' },
    }),
    r('POST /api/ledger/imports/:id/proposals/:position/discard', {
      method: 'POST',
      url: `/api/ledger/imports/${t.draft}/proposals/0/discard`,
    }),
  ];
}
