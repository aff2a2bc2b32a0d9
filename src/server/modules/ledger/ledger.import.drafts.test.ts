import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { actorWith, buildOrg, createTestContext, type TestContext } from '../../testing/harness.js';
import type { LedgerImport, LedgerImportPage } from '../../../common/ledger.import.js';
import type { LedgerEntry } from '../../../common/ledger.js';
import { seedPages } from './report/seeds.fixture.js';

/**
 * The drafts of the report import (草稿, issue #15): a cadre who left the page finds the imports whose proposals are
 * not all decided, paged and filtered, only in the subtree where they may work on them; a confirmed proposal carries
 * the co-organisers the cadre picked, each a node the cadre can see.
 */

let ctx: TestContext;
let dongcheng: { id: number };
let xicheng: { id: number };
let street: { id: number };
let street2: { id: number };
let xcStreet: { id: number };
const page003 = Object.entries(seedPages()).find(([name]) => name.startsWith('003_'))![1];

/** A one-item page about `name`. */
const shortPage = (name: string, n: number) =>
  `${name}开展送清凉活动第${n}场\n\n本报讯(记者 边磊)6月18日，${name}为辖区120名户外劳动者送去清凉慰问品。\n`;

async function paste(orgId: number, text: string, cookie = ctx.adminCookie): Promise<LedgerImport> {
  const response = await ctx.app.inject({
    method: 'POST',
    url: `/api/ledger/imports?orgId=${orgId}`,
    payload: text,
    headers: { cookie, 'content-type': 'text/plain; charset=utf-8' },
  });
  expect(response.statusCode, response.body).toBe(201);
  return response.json<LedgerImport>();
}

async function list(query: string, cookie = ctx.adminCookie) {
  const response = await ctx.call('GET', `/api/ledger/imports?${query}`, undefined, cookie);
  expect(response.statusCode, response.body).toBe(200);
  return response.json<LedgerImportPage>();
}

const confirmBody = (orgId: number, extra: object = {}) => ({
  orgId,
  kind: 'welfare',
  title: '送清凉',
  dateFrom: '2026-06-18',
  ...extra,
});

beforeAll(async () => {
  ctx = await createTestContext();
  dongcheng = await buildOrg(ctx, 1, 'district_federation', { name: '东城区总工会' });
  xicheng = await buildOrg(ctx, 1, 'district_federation', { name: '西城区总工会' });
  street = await buildOrg(ctx, dongcheng.id, 'street_federation', { name: '崇文门外街道总工会' });
  street2 = await buildOrg(ctx, dongcheng.id, 'street_federation', { name: '东华门街道总工会' });
  xcStreet = await buildOrg(ctx, xicheng.id, 'street_federation', { name: '德胜街道总工会' });
});
afterAll(async () => ctx?.close());

describe('the drafts list', () => {
  const streetDrafts: LedgerImport[] = [];
  let districtDraft: LedgerImport;
  let xichengDraft: LedgerImport;

  beforeAll(async () => {
    for (const n of [1, 2, 3]) streetDrafts.push(await paste(street.id, shortPage('崇文门外街道总工会', n)));
    districtDraft = await paste(dongcheng.id, page003);
    xichengDraft = await paste(xicheng.id, shortPage('西城区总工会', 1));
  });

  it('pages a node’s drafts newest first, with the total on the first page', async () => {
    const first = await list(`orgId=${street.id}&limit=2`);
    const ids = streetDrafts.map((d) => d.id).reverse();
    expect(first.items.map((d) => d.id)).toEqual(ids.slice(0, 2));
    expect(first.total).toEqual({ count: 3, kind: 'exact' });
    expect(first.nextCursor).not.toBeNull();
    const second = await list(`orgId=${street.id}&limit=2&cursor=${encodeURIComponent(first.nextCursor!)}`);
    expect(second.items.map((d) => d.id)).toEqual(ids.slice(2));
    expect(second.nextCursor).toBeNull();
  });

  it('describes each draft: its first line, node, author and its proposals by status', async () => {
    const [row] = (await list(`orgId=${street.id}&limit=1`)).items;
    expect(row).toMatchObject({
      id: streetDrafts[2]!.id,
      fileName: null,
      firstLine: '崇文门外街道总工会开展送清凉活动第3场',
      orgId: street.id,
      orgName: '崇文门外街道总工会',
      createdBy: 1,
      status: 'open',
      open: 1,
      confirmed: 0,
      discarded: 0,
    });
    expect(row!.createdByName).toEqual(expect.any(String));
    expect(Number.isNaN(Date.parse(row!.createdAt))).toBe(false);
  });

  it('lists the drafts of the whole subtree from the district, and nothing of another district', async () => {
    const page = await list(`orgId=${dongcheng.id}`);
    expect(page.items.map((d) => d.id).sort((a, b) => a - b)).toEqual([...streetDrafts.map((d) => d.id), districtDraft.id]);
    expect(page.items.map((d) => d.id)).not.toContain(xichengDraft.id);
    expect(page.total?.count).toBe(4);
    expect((await list(`orgId=${street2.id}`)).items).toEqual([]);
  });

  it('filters open and finished drafts, a draft finishing once each proposal is confirmed or discarded', async () => {
    const draft = streetDrafts[0]!;
    expect((await list(`orgId=${street.id}&status=finished`)).items).toEqual([]);
    const confirmed = await ctx.call('POST', `/api/ledger/imports/${draft.id}/proposals/0/confirm`, confirmBody(street.id));
    expect(confirmed.statusCode, confirmed.body).toBe(201);
    const finished = await list(`orgId=${street.id}&status=finished`);
    expect(finished.items).toEqual([expect.objectContaining({ id: draft.id, status: 'finished', open: 0, confirmed: 1, discarded: 0 })]);
    expect(finished.total).toEqual({ count: 1, kind: 'exact' });
    const open = await list(`orgId=${street.id}&status=open`);
    expect(open.items.map((d) => d.id)).toEqual([streetDrafts[2]!.id, streetDrafts[1]!.id]);

    const n = districtDraft.proposals.length;
    expect((await ctx.call('POST', `/api/ledger/imports/${districtDraft.id}/proposals/0/discard`)).statusCode).toBe(200);
    const district = (await list(`orgId=${dongcheng.id}&status=open`)).items.find((d) => d.id === districtDraft.id);
    expect(district).toMatchObject({ status: 'open', open: n - 1, confirmed: 0, discarded: 1 });
  });

  it('shows an outsider none of another district’s drafts (404 on its node), and refuses a reader (403)', async () => {
    const outsider = await actorWith(ctx, 'federation_admin', xicheng.id);
    for (const orgId of [dongcheng.id, street.id]) {
      const response = await ctx.call('GET', `/api/ledger/imports?orgId=${orgId}`, undefined, outsider.cookie);
      expect(response.statusCode).toBe(404);
    }
    const own = await list(`orgId=${xicheng.id}`, outsider.cookie);
    expect(own.items.map((d) => d.id)).toEqual([xichengDraft.id]);
    const siblingStreet = await actorWith(ctx, 'federation_admin', street2.id);
    expect((await ctx.call('GET', `/api/ledger/imports?orgId=${street.id}`, undefined, siblingStreet.cookie)).statusCode).toBe(404);
    const reader = await actorWith(ctx, 'read_only', dongcheng.id);
    const refused = await ctx.call('GET', `/api/ledger/imports?orgId=${dongcheng.id}`, undefined, reader.cookie, 'en');
    expect(refused.statusCode).toBe(403);
    expect(refused.json<{ message: string }>().message).toMatch(/[a-z]/);
  });

  it('refuses a bad filter with a clear 400, never a 500', async () => {
    for (const query of ['', `orgId=${street.id}&status=closed`, `orgId=${street.id}&limit=0`, 'orgId=abc']) {
      const response = await ctx.call('GET', `/api/ledger/imports?${query}`, undefined, ctx.adminCookie, 'en');
      expect(response.statusCode, query).toBe(400);
    }
  });
});

describe('co-organisers of a confirmed proposal', () => {
  it('carries the co-organisers the cadre picked to the entry', async () => {
    const cadre = await actorWith(ctx, 'federation_admin', dongcheng.id);
    const draft = await paste(street.id, shortPage('崇文门外街道总工会', 7), cadre.cookie);
    const response = await ctx.call(
      'POST',
      `/api/ledger/imports/${draft.id}/proposals/0/confirm`,
      confirmBody(street.id, { coOrgIds: [street2.id, dongcheng.id] }),
      cadre.cookie,
    );
    expect(response.statusCode, response.body).toBe(201);
    const entry = response.json<LedgerEntry>();
    expect(entry.coOrganisers.map((o) => o.orgId).sort((a, b) => a - b)).toEqual([dongcheng.id, street2.id].sort((a, b) => a - b));
    const read = (await ctx.call('GET', `/api/ledger/entries/${entry.id}`, undefined, cadre.cookie)).json<LedgerEntry>();
    expect(read.coOrganisers.map((o) => o.name).sort()).toEqual(['东城区总工会', '东华门街道总工会'].sort());
  });

  it('refuses a co-organiser the cadre cannot see, in the cadre’s language, and leaves the proposal open', async () => {
    const cadre = await actorWith(ctx, 'federation_admin', dongcheng.id);
    const draft = await paste(street.id, shortPage('崇文门外街道总工会', 8), cadre.cookie);
    const url = `/api/ledger/imports/${draft.id}/proposals/0/confirm`;
    const refused = await ctx.call('POST', url, confirmBody(street.id, { coOrgIds: [street2.id, xcStreet.id] }), cadre.cookie, 'en');
    expect(refused.statusCode).toBe(422);
    expect(refused.json<{ code: string; message: string }>()).toMatchObject({
      code: 'LEDGER_CO_ORGANISER_INVALID',
      message: expect.stringContaining('co-organiser'),
    });
    const zh = await ctx.call('POST', url, confirmBody(street.id, { coOrgIds: [99_999_999] }), cadre.cookie, 'zh-CN');
    expect(zh.statusCode).toBe(422);
    expect(zh.json<{ message: string }>().message).toContain('协办单位');
    const after = (await ctx.call('GET', `/api/ledger/imports/${draft.id}`, undefined, cadre.cookie)).json<LedgerImport>();
    expect(after.proposals[0]).toMatchObject({ status: 'open', entryId: null });
    expect((await list(`orgId=${street.id}&status=open`, cadre.cookie)).items.map((d) => d.id)).toContain(draft.id);
  });
});
