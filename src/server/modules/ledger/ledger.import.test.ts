import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import iconv from 'iconv-lite';
import { actorWith, buildOrg, createTestContext, type TestContext } from '../../testing/harness.js';
import type { LedgerImport } from '../../../common/ledger.import.js';
import type { LedgerEntry, LedgerEntryPage, LedgerRollup } from '../../../common/ledger.js';
import { seedPages } from './report/seeds.fixture.js';

/**
 * From a union-paper page to ledger entries (issue #15): a pasted or uploaded page becomes a draft of proposals; a
 * cadre corrects and confirms one (an entry of the ledger, audited) or discards it; nothing else is written.
 */

let ctx: TestContext;
let dongcheng: { id: number };
let xicheng: { id: number };
let street: { id: number };
const page003 = Object.entries(seedPages()).find(([name]) => name.startsWith('003_'))![1];

beforeAll(async () => {
  ctx = await createTestContext();
  dongcheng = await buildOrg(ctx, 1, 'district_federation', { name: '东城区总工会' });
  xicheng = await buildOrg(ctx, 1, 'district_federation', { name: '西城区总工会' });
  street = await buildOrg(ctx, dongcheng.id, 'street_federation', { name: '崇文门外街道总工会' });
});
afterAll(async () => ctx?.close());

function paste(orgId: number, text: string | Buffer, cookie = ctx.adminCookie, lang = 'zh-CN') {
  return ctx.app.inject({
    method: 'POST',
    url: `/api/ledger/imports?orgId=${orgId}`,
    payload: text,
    headers: { cookie, 'content-type': 'text/plain; charset=utf-8', 'accept-language': lang },
  });
}

let serial = 0;
function upload(orgId: number, content: Buffer, filename: string, lang = 'zh-CN') {
  const boundary = `----ledgerimp${++serial}`;
  const head = `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${filename}"\r\nContent-Type: text/plain\r\n\r\n`;
  return ctx.app.inject({
    method: 'POST',
    url: `/api/ledger/imports?orgId=${orgId}`,
    payload: Buffer.concat([Buffer.from(head), content, Buffer.from(`\r\n--${boundary}--\r\n`)]),
    headers: { cookie: ctx.adminCookie, 'content-type': `multipart/form-data; boundary=${boundary}`, 'accept-language': lang },
  });
}

describe('a pasted page becomes a draft of proposals', () => {
  let draft: LedgerImport;
  beforeAll(async () => {
    const response = await paste(dongcheng.id, page003);
    expect(response.statusCode, response.body).toBe(201);
    draft = response.json<LedgerImport>();
  });

  it('proposes one entry per news item, organisers matched to the nodes the caller sees', () => {
    expect(draft.orgId).toBe(dongcheng.id);
    expect(draft.proposals.length).toBeGreaterThanOrEqual(3);
    expect(draft.proposals.every((p) => p.status === 'open' && p.entryId === null)).toBe(true);
    const first = draft.proposals[0]!.proposal;
    expect(first.headline).toContain('东城区总工会');
    const organiser = first.organisers[0]!.match;
    expect(organiser).toMatchObject({ status: 'existing', nodeId: String(dongcheng.id) });
    expect(first.figures.map((f) => f.value)).toEqual(expect.arrayContaining([1793, 8327, 179000]));
  });

  it('keeps the page so that every snippet points at its words', () => {
    for (const { proposal } of draft.proposals) {
      for (const f of proposal.figures) expect(draft.sourceText.slice(f.snippet.start, f.snippet.end)).toBe(f.snippet.text);
      for (const o of proposal.organisers) expect(draft.sourceText.slice(o.printed.start, o.printed.end)).toBe(o.printed.text);
    }
  });

  it('writes nothing to the ledger until a cadre confirms', async () => {
    const list = await ctx.call('GET', `/api/ledger/entries?orgId=${dongcheng.id}&year=2026&reach=subtree`);
    expect(list.json<LedgerEntryPage>().items.filter((e) => e.source === 'report')).toEqual([]);
  });

  it('confirms a corrected proposal into the ledger once, keeping the item as its source, and it rolls up', async () => {
    const url = `/api/ledger/imports/${draft.id}/proposals/0/confirm`;
    const body = {
      orgId: dongcheng.id,
      kind: 'workplan',
      title: '东城区总工会列出12项重点工作清单',
      dateFrom: '2026-05-30',
      coOrgIds: [street.id],
      figures: [{ value: 1793, unit: '个', counts: '基层工会组织', snippet: '基层工会组织1793个' }],
    };
    const confirmed = await ctx.call('POST', url, body);
    expect(confirmed.statusCode, confirmed.body).toBe(201);
    const entry = confirmed.json<LedgerEntry>();
    expect(entry).toMatchObject({ source: 'report', orgId: dongcheng.id, kind: 'workplan', hasSourceText: true });
    expect(entry.coOrganisers.map((o) => o.orgId)).toEqual([street.id]);

    const again = await ctx.call('POST', url, body);
    expect(again.statusCode).toBe(409);
    expect(again.json<{ code: string }>().code).toBe('LEDGER_IMPORT_DECIDED');

    const after = (await ctx.call('GET', `/api/ledger/imports/${draft.id}`)).json<LedgerImport>();
    expect(after.proposals[0]).toMatchObject({ status: 'confirmed', entryId: entry.id });
    const detail = await ctx.call('GET', `/api/ledger/entries/${entry.id}`);
    expect(detail.json<{ sourceText: string }>().sourceText).toContain('12项重点工作清单');

    const ledger = (await ctx.call('GET', `/api/ledger/entries?orgId=${dongcheng.id}&year=2026`)).json<LedgerEntryPage>();
    expect(ledger.items.map((e) => e.id)).toContain(entry.id);
    const rollup = (await ctx.call('GET', `/api/ledger/rollup?orgId=1&year=2026`)).json<LedgerRollup>();
    expect(rollup.byKind.find((k) => k.kind === 'workplan')?.activities).toBeGreaterThanOrEqual(1);

    const audit = await ctx.call('GET', '/api/audit?limit=50');
    const actions = audit.json<{ items: { action: string }[] }>().items.map((a) => a.action);
    expect(actions).toEqual(expect.arrayContaining(['ledger.import.create', 'ledger.entry.report']));
  });

  it('refuses a confirmation without a date or organiser, in the caller’s language', async () => {
    const response = await ctx.app.inject({
      method: 'POST',
      url: `/api/ledger/imports/${draft.id}/proposals/1/confirm`,
      payload: { kind: 'outreach', title: '职工沟通会' },
      headers: { cookie: ctx.adminCookie, 'accept-language': 'en' },
    });
    expect(response.statusCode).toBe(400);
    expect((await ctx.call('GET', `/api/ledger/imports/${draft.id}`)).json<LedgerImport>().proposals[1]!.status).toBe('open');
  });

  it('discards a proposal, which then cannot be confirmed', async () => {
    const discarded = await ctx.call('POST', `/api/ledger/imports/${draft.id}/proposals/1/discard`);
    expect(discarded.statusCode, discarded.body).toBe(200);
    expect(discarded.json<LedgerImport>().proposals[1]!.status).toBe('discarded');
    const confirm = await ctx.call('POST', `/api/ledger/imports/${draft.id}/proposals/1/confirm`, {
      orgId: dongcheng.id,
      kind: 'outreach',
      title: '职工沟通会',
      dateFrom: '2026-05-30',
    });
    expect(confirm.statusCode).toBe(409);
    expect((await ctx.call('POST', `/api/ledger/imports/${draft.id}/proposals/99/discard`)).statusCode).toBe(404);
  });

  it('hides a draft from another district (404) and refuses it to a reader of its own (403)', async () => {
    const outsider = await actorWith(ctx, 'federation_admin', xicheng.id);
    const reader = await actorWith(ctx, 'read_only', dongcheng.id);
    expect((await ctx.call('GET', `/api/ledger/imports/${draft.id}`, undefined, outsider.cookie)).statusCode).toBe(404);
    expect((await ctx.call('GET', `/api/ledger/imports/${draft.id}`, undefined, reader.cookie)).statusCode).toBe(403);
    const confirm = await ctx.call(
      'POST',
      `/api/ledger/imports/${draft.id}/proposals/2/confirm`,
      { orgId: xicheng.id, kind: 'other', title: 'x', dateFrom: '2026-05-30' },
      outsider.cookie,
    );
    expect(confirm.statusCode).toBe(404);
    expect((await paste(dongcheng.id, page003, outsider.cookie)).statusCode).toBe(404);
  });

  it('matches organisers only against the nodes the caller can see', async () => {
    const cadre = await actorWith(ctx, 'federation_admin', xicheng.id);
    const response = await paste(xicheng.id, page003, cadre.cookie);
    expect(response.statusCode).toBe(201);
    const ids = response
      .json<LedgerImport>()
      .proposals.flatMap((p) => p.proposal.organisers)
      .flatMap((o) => (o.match.status === 'existing' ? [o.match.nodeId] : []));
    expect(ids).not.toContain(String(dongcheng.id));
  });
});

describe('bad pages get clear messages, never a 500', () => {
  it('refuses an empty page', async () => {
    const response = await paste(dongcheng.id, '   \n\n ');
    expect(response.statusCode).toBe(422);
    expect(response.json<{ code: string; message: string }>()).toMatchObject({ code: 'LEDGER_REPORT_EMPTY' });
  });

  it('refuses a binary file in the caller’s language', async () => {
    const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52]);
    const response = await upload(dongcheng.id, png, 'photo.png', 'en');
    expect(response.statusCode).toBe(415);
    expect(response.json<{ message: string }>().message).toContain('not a text file');
  });

  it('refuses a 50 MB paste before reading it, saying the limit', async () => {
    const response = await ctx.app.inject({
      method: 'POST',
      url: `/api/ledger/imports?orgId=${dongcheng.id}`,
      payload: Buffer.alloc(50 * 1024 * 1024, 0x61),
      headers: { cookie: ctx.adminCookie, 'content-type': 'text/plain' },
    });
    expect(response.statusCode).toBe(413);
    expect(response.json<{ code: string; message: string }>()).toMatchObject({ code: 'LEDGER_REPORT_PAGE_TOO_LARGE' });
    expect(response.json<{ message: string }>().message).toContain('50');
  });

  it('refuses an uploaded file larger than a page', async () => {
    const response = await upload(dongcheng.id, Buffer.alloc(3 * 1024 * 1024, 0x61), 'big.txt');
    expect(response.statusCode).toBe(413);
    expect(response.json<{ code: string }>().code).toBe('LEDGER_REPORT_PAGE_TOO_LARGE');
  });

  it('reads an uploaded page saved in GBK and keeps its name', async () => {
    const response = await upload(dongcheng.id, iconv.encode(page003, 'gbk'), '第3版.txt');
    expect(response.statusCode, response.body).toBe(201);
    const draft = response.json<LedgerImport>();
    expect(draft.fileName).toBe('第3版.txt');
    expect(draft.proposals[0]!.proposal.headline).toContain('东城区总工会');
  });

  it('asks for a page when the request carries none', async () => {
    const response = await ctx.call('POST', `/api/ledger/imports?orgId=${dongcheng.id}`, { text: 'json' });
    expect(response.statusCode).toBe(400);
    expect(response.json<{ code: string }>().code).toBe('LEDGER_IMPORT_UPLOAD_MISSING');
  });
});
