import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { actorWith, buildTree, createTestContext, type TestContext } from '../../testing/harness.js';
import { PNG, fileUpload } from '../../testing/uploads.js';
import type { LedgerEntry } from '../../../common/ledger.js';
import type { LedgerPhoto, LedgerPhotoList } from '../../../common/ledger.photos.js';

let ctx: TestContext;
let tree: Awaited<ReturnType<typeof buildTree>>;
let serial = 0;

beforeAll(async () => {
  ctx = await createTestContext();
  tree = await buildTree(ctx);
});
afterAll(async () => ctx?.close());

async function addEntry(body: object = {}): Promise<LedgerEntry> {
  const r = await ctx.call('POST', '/api/ledger/entries', {
    orgId: tree.dcStreet.id,
    kind: 'welfare',
    title: `送清凉照片${++serial}`,
    dateFrom: '2026-07-10',
    ...body,
  });
  expect(r.statusCode, r.body).toBe(201);
  return r.json<LedgerEntry>();
}

function upload(entryId: number, content: Buffer, opts: { filename?: string; caption?: string; cookie?: string; lang?: string } = {}) {
  const { payload, contentType } = fileUpload(content, opts.filename ?? '现场.png');
  const query = opts.caption === undefined ? '' : `?caption=${encodeURIComponent(opts.caption)}`;
  return ctx.app.inject({
    method: 'POST',
    url: `/api/ledger/entries/${entryId}/photos${query}`,
    payload,
    headers: {
      cookie: opts.cookie ?? ctx.adminCookie,
      'content-type': contentType,
      ...(opts.lang ? { 'accept-language': opts.lang } : {}),
    },
  });
}

async function list(entryId: number, cookie?: string): Promise<LedgerPhoto[]> {
  const answer = await ctx.call('GET', `/api/ledger/entries/${entryId}/photos`, undefined, cookie);
  expect(answer.statusCode, answer.body).toBe(200);
  return answer.json<LedgerPhotoList>().items;
}

async function photoRows(entryId: number): Promise<number> {
  const row = await ctx.database.db
    .selectFrom('ledger_entry_photo')
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .where('entry_id', '=', entryId)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

describe('photos of a ledger entry (台账照片)', () => {
  it('stores an uploaded PNG with its caption, lists it without bytes and gives back the very same bytes', async () => {
    const entry = await addEntry();
    const uploaded = await upload(entry.id, PNG, { caption: '为户外劳动者送清凉' });
    expect(uploaded.statusCode, uploaded.body).toBe(201);
    const photo = uploaded.json<LedgerPhoto>();
    expect(photo).toMatchObject({ entryId: entry.id, caption: '为户外劳动者送清凉', mime: 'image/png', size: PNG.length });
    expect(photo.url).toBe(`/api/ledger/entries/${entry.id}/photos/${photo.id}`);
    const listed = await ctx.call('GET', `/api/ledger/entries/${entry.id}/photos`);
    expect(listed.json<LedgerPhotoList>()).toMatchObject({ max: 9, items: [{ id: photo.id }] });
    expect(listed.json<LedgerPhotoList>().items[0]).not.toHaveProperty('bytes');
    const image = await ctx.call('GET', photo.url);
    expect(image.statusCode).toBe(200);
    expect(image.headers['content-type']).toBe('image/png');
    expect(Buffer.compare(image.rawPayload, PNG)).toBe(0);
    const again = await ctx.app.inject({
      method: 'GET',
      url: photo.url,
      headers: { cookie: ctx.adminCookie, 'if-none-match': String(image.headers.etag) },
    });
    expect(again.statusCode).toBe(304);
  });

  it('refuses a text file renamed .png and an image over 5 MB with a 400 in the caller’s language', async () => {
    const entry = await addEntry();
    const text = Buffer.from('这不是图片，只是一段文字。\n', 'utf8');
    const refused = await upload(entry.id, text, { filename: '照片.png' });
    expect(refused.statusCode).toBe(400);
    expect(refused.json<{ code: string; message: string }>()).toMatchObject({ code: 'LEDGER_PHOTO_TYPE' });
    expect(refused.json<{ message: string }>().message).toContain('只能上传 JPEG、PNG 或 WebP');
    const english = await upload(entry.id, text, { filename: 'photo.png', lang: 'en' });
    expect(english.json<{ message: string }>().message).toContain('Only JPEG, PNG or WebP');
    const big = Buffer.concat([PNG, Buffer.alloc(6 * 1024 * 1024 - PNG.length, 1)]);
    const tooLarge = await upload(entry.id, big);
    expect(tooLarge.statusCode, tooLarge.body).toBe(400);
    expect(tooLarge.json<{ code: string; message: string }>()).toMatchObject({ code: 'LEDGER_PHOTO_TOO_LARGE' });
    expect(tooLarge.json<{ message: string }>().message).toContain('5 MB');
    expect(await list(entry.id)).toEqual([]);
  });

  it('keeps at most 9 photos on an entry: the 10th is refused in words, and the database refuses one written past the service', async () => {
    const entry = await addEntry();
    for (let i = 0; i < 9; i++) expect((await upload(entry.id, PNG)).statusCode).toBe(201);
    const refused = await upload(entry.id, PNG);
    expect(refused.statusCode).toBe(409);
    expect(refused.json<{ code: string; message: string }>()).toMatchObject({ code: 'LEDGER_PHOTO_TOO_MANY' });
    expect(refused.json<{ message: string }>().message).toContain('最多 9 张');
    const english = await upload(entry.id, PNG, { lang: 'en' });
    expect(english.json<{ message: string }>().message).toContain('at most 9 photos');
    expect(await list(entry.id)).toHaveLength(9);
    const direct = sql`INSERT INTO ledger_entry_photo (entry_id, org_path, mime, bytes, size, sha256, uploaded_by)
      SELECT entry_id, org_path, mime, bytes, size, sha256, uploaded_by FROM ledger_entry_photo WHERE entry_id = ${entry.id} LIMIT 1`;
    await expect(direct.execute(ctx.database.db)).rejects.toThrow(/ledger_entry_photo_limit/);
    expect(await photoRows(entry.id)).toBe(9);
  });

  it('deletes a photo (audited, upload and delete), and deleting the entry takes its photos with it', async () => {
    const entry = await addEntry();
    const kept = (await upload(entry.id, PNG, { caption: '合影' })).json<LedgerPhoto>();
    const gone = (await upload(entry.id, PNG)).json<LedgerPhoto>();
    expect((await ctx.call('DELETE', gone.url)).statusCode).toBe(204);
    expect((await list(entry.id)).map((p) => p.id)).toEqual([kept.id]);
    expect((await ctx.call('GET', gone.url)).statusCode).toBe(404);
    expect((await ctx.call('DELETE', gone.url)).statusCode).toBe(404);
    const audit = await ctx.database.db
      .selectFrom('audit_log')
      .select(['action', 'detail'])
      .where('target_type', '=', 'ledger_entry')
      .where('target_id', '=', String(entry.id))
      .where('action', 'like', 'ledger.photo.%')
      .orderBy('id')
      .execute();
    expect(audit.map((a) => a.action)).toEqual(['ledger.photo.upload', 'ledger.photo.upload', 'ledger.photo.delete']);
    expect(audit[0]!.detail).toMatchObject({ photoId: kept.id, caption: '合影', mime: 'image/png', bytes: PNG.length });
    expect(audit[2]!.detail).toMatchObject({ photoId: gone.id, bytes: PNG.length });

    expect((await ctx.call('DELETE', `/api/ledger/entries/${entry.id}?version=${entry.version}`)).statusCode).toBe(204);
    expect(await photoRows(entry.id)).toBe(0);
    expect((await ctx.call('GET', kept.url)).statusCode).toBe(404);
  });

  it('a co-organiser and a reader see the photos but may not upload or delete (403); another subtree gets 404', async () => {
    const entry = await addEntry({ orgId: tree.dongcheng.id, coOrgIds: [tree.dcStreet.id] });
    const photo = (await upload(entry.id, PNG)).json<LedgerPhoto>();
    const coOrganiser = await actorWith(ctx, 'union_cadre', tree.dcStreet.id);
    expect((await list(entry.id, coOrganiser.cookie)).map((p) => p.id)).toEqual([photo.id]);
    expect((await ctx.call('GET', photo.url, undefined, coOrganiser.cookie)).statusCode).toBe(200);
    expect((await upload(entry.id, PNG, { cookie: coOrganiser.cookie })).statusCode).toBe(403);
    expect((await ctx.call('DELETE', photo.url, undefined, coOrganiser.cookie)).statusCode).toBe(403);
    const reader = await actorWith(ctx, 'read_only', tree.dongcheng.id);
    expect((await ctx.call('GET', photo.url, undefined, reader.cookie)).statusCode).toBe(200);
    expect((await upload(entry.id, PNG, { cookie: reader.cookie })).statusCode).toBe(403);

    const outsider = await actorWith(ctx, 'union_cadre', tree.xicheng.id);
    expect((await ctx.call('GET', `/api/ledger/entries/${entry.id}/photos`, undefined, outsider.cookie)).statusCode).toBe(404);
    expect((await ctx.call('GET', photo.url, undefined, outsider.cookie)).statusCode).toBe(404);
    expect((await upload(entry.id, PNG, { cookie: outsider.cookie })).statusCode).toBe(404);
    expect((await ctx.call('DELETE', photo.url, undefined, outsider.cookie)).statusCode).toBe(404);
    expect(await photoRows(entry.id)).toBe(1);
  });

  it('answers 404 for a photo asked for under another entry', async () => {
    const first = await addEntry();
    const second = await addEntry();
    const photo = (await upload(first.id, PNG)).json<LedgerPhoto>();
    expect((await ctx.call('GET', `/api/ledger/entries/${second.id}/photos/${photo.id}`)).statusCode).toBe(404);
    expect((await ctx.call('DELETE', `/api/ledger/entries/${second.id}/photos/${photo.id}`)).statusCode).toBe(404);
    expect(await photoRows(first.id)).toBe(1);
  });
});
