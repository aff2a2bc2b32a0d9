import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { actorWith, buildMember, buildTree, createTestContext, signInMember, type TestContext } from '../../testing/harness.js';
import type { EventDetail, MemberEventList } from '../../../common/events.js';
import type { EventPhoto, EventPhotoList } from '../../../common/events.photos.js';
import { openSession } from './events.fixtures.js';

/** A valid 1×1 PNG. */
const PNG = Buffer.from(
  '89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d49444154789c6360000002000154a24f5d0000000049454e44ae426082',
  'hex',
);

let ctx: TestContext;
let tree: Awaited<ReturnType<typeof buildTree>>;
let serial = 0;

beforeAll(async () => {
  ctx = await createTestContext();
  tree = await buildTree(ctx);
});
afterAll(async () => ctx?.close());

function multipart(content: Buffer, filename: string, type = 'image/png') {
  const boundary = `----evphoto${++serial}`;
  const head = `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${filename}"\r\nContent-Type: ${type}\r\n\r\n`;
  return {
    payload: Buffer.concat([Buffer.from(head), content, Buffer.from(`\r\n--${boundary}--\r\n`)]),
    contentType: `multipart/form-data; boundary=${boundary}`,
  };
}

function upload(
  eventId: number,
  content: Buffer,
  opts: { role?: 'cover' | 'closing'; filename?: string; cookie?: string; lang?: string } = {},
) {
  const { payload, contentType } = multipart(content, opts.filename ?? '合影.png');
  return ctx.app.inject({
    method: 'POST',
    url: `/api/events/${eventId}/photos${opts.role ? `?role=${opts.role}` : ''}`,
    payload,
    headers: {
      cookie: opts.cookie ?? ctx.adminCookie,
      'content-type': contentType,
      ...(opts.lang ? { 'accept-language': opts.lang } : {}),
    },
  });
}

async function eventOf(orgId: number, audience?: number[]): Promise<EventDetail> {
  const created = await ctx.call('POST', '/api/events', {
    orgId,
    kind: 'culture',
    title: `图片活动${++serial}`,
    ...(audience ? { audienceOrgIds: audience } : {}),
    sessions: [openSession(10)],
  });
  expect(created.statusCode, created.body).toBe(201);
  return created.json<EventDetail>();
}

async function list(eventId: number): Promise<EventPhoto[]> {
  const answer = await ctx.call('GET', `/api/events/${eventId}/photos`);
  expect(answer.statusCode, answer.body).toBe(200);
  return answer.json<EventPhotoList>().items;
}

describe('event photos (活动图片)', () => {
  it('stores an uploaded PNG, lists it without bytes and gives back the very same bytes with its type and cache headers', async () => {
    const event = await eventOf(tree.dcStreet.id);
    const uploaded = await upload(event.id, PNG, { role: 'closing' });
    expect(uploaded.statusCode, uploaded.body).toBe(201);
    const photo = uploaded.json<EventPhoto>();
    expect(photo).toMatchObject({ eventId: event.id, role: 'closing', mime: 'image/png', size: PNG.length });

    const items = await list(event.id);
    expect(items.map((p) => p.id)).toEqual([photo.id]);
    expect(items[0]).not.toHaveProperty('bytes');

    const image = await ctx.call('GET', photo.url);
    expect(image.statusCode).toBe(200);
    expect(image.headers['content-type']).toBe('image/png');
    expect(image.headers['cache-control']).toBe('private, max-age=86400');
    expect(Buffer.compare(image.rawPayload, PNG)).toBe(0);
    const again = await ctx.app.inject({
      method: 'GET',
      url: photo.url,
      headers: { cookie: ctx.adminCookie, 'if-none-match': String(image.headers.etag) },
    });
    expect(again.statusCode).toBe(304);
    // The rest of the API still forbids caching.
    expect((await ctx.call('GET', `/api/events/${event.id}/photos`)).headers['cache-control']).toBe('no-store');
  });

  it('refuses a text file renamed .png with a zh-CN message (English on request), by its content not its name', async () => {
    const event = await eventOf(tree.dcStreet.id);
    const text = Buffer.from('这不是图片，只是一段文字。\n', 'utf8');
    const refused = await upload(event.id, text, { filename: '照片.png' });
    expect(refused.statusCode).toBe(400);
    expect(refused.json<{ code: string; message: string }>()).toMatchObject({ code: 'EVENT_PHOTO_TYPE' });
    expect(refused.json<{ message: string }>().message).toContain('只能上传 JPEG、PNG 或 WebP');
    const english = await upload(event.id, text, { filename: 'photo.png', lang: 'en' });
    expect(english.json<{ message: string }>().message).toContain('Only JPEG, PNG or WebP');
    expect(await list(event.id)).toEqual([]);
  });

  it('refuses a 6 MB image with 400, never a 500', async () => {
    const event = await eventOf(tree.dcStreet.id);
    const big = Buffer.concat([PNG, Buffer.alloc(6 * 1024 * 1024 - PNG.length, 1)]);
    const refused = await upload(event.id, big);
    expect(refused.statusCode, refused.body).toBe(400);
    expect(refused.json<{ code: string; message: string }>()).toMatchObject({ code: 'EVENT_PHOTO_TOO_LARGE' });
    expect(refused.json<{ message: string }>().message).toContain('5 MB');
    expect(await list(event.id)).toEqual([]);
  });

  it('keeps at most 20 photos on an event: the 21st is refused', async () => {
    const event = await eventOf(tree.dcStreet.id);
    for (let i = 0; i < 20; i++) expect((await upload(event.id, PNG)).statusCode).toBe(201);
    const refused = await upload(event.id, PNG);
    expect(refused.statusCode).toBe(409);
    expect(refused.json<{ code: string }>().code).toBe('EVENT_PHOTO_TOO_MANY');
    expect(await list(event.id)).toHaveLength(20);
  });

  it('replaces the cover with a new one, and deletes a photo (audited)', async () => {
    const event = await eventOf(tree.dcStreet.id);
    const first = (await upload(event.id, PNG, { role: 'cover' })).json<EventPhoto>();
    const closing = (await upload(event.id, PNG, { role: 'closing' })).json<EventPhoto>();
    const second = await upload(event.id, PNG, { role: 'cover' });
    expect(second.statusCode, second.body).toBe(201);
    const cover = second.json<EventPhoto>();
    expect(cover.id).not.toBe(first.id);
    // The cover comes first; the old one is gone.
    expect((await list(event.id)).map((p) => [p.id, p.role])).toEqual([
      [cover.id, 'cover'],
      [closing.id, 'closing'],
    ]);
    expect((await ctx.call('GET', first.url)).statusCode).toBe(404);

    const deleted = await ctx.call('DELETE', closing.url);
    expect(deleted.statusCode).toBe(204);
    expect((await list(event.id)).map((p) => p.id)).toEqual([cover.id]);
    expect((await ctx.call('DELETE', closing.url)).statusCode).toBe(404);
    const audit = await ctx.database.db
      .selectFrom('audit_log')
      .select(['action'])
      .where('action', 'like', 'event.photo.%')
      .where('target_id', '=', String(event.id))
      .execute();
    expect(audit.map((a) => a.action).sort()).toEqual([
      'event.photo.delete',
      'event.photo.upload',
      'event.photo.upload',
      'event.photo.upload',
    ]);
  });

  it('lets a reader see the photos but not upload or delete them (403); another subtree gets 404', async () => {
    const event = await eventOf(tree.dcStreet.id);
    const photo = (await upload(event.id, PNG)).json<EventPhoto>();
    const reader = await actorWith(ctx, 'read_only', tree.dcStreet.id);
    expect((await upload(event.id, PNG, { cookie: reader.cookie })).statusCode).toBe(403);
    expect((await ctx.call('DELETE', photo.url, undefined, reader.cookie)).statusCode).toBe(403);
    expect((await ctx.call('GET', photo.url, undefined, reader.cookie)).statusCode).toBe(200);
    const stranger = await actorWith(ctx, 'union_cadre', tree.xcStreet.id);
    expect((await ctx.call('GET', `/api/events/${event.id}/photos`, undefined, stranger.cookie)).statusCode).toBe(404);
    expect((await upload(event.id, PNG, { cookie: stranger.cookie })).statusCode).toBe(404);
    expect(await list(event.id)).toHaveLength(1);
  });

  it('shows the cover to a member in the audience, and answers 404 to a member outside it', async () => {
    const event = await eventOf(tree.dcStreet.id);
    const cover = (await upload(event.id, PNG, { role: 'cover' })).json<EventPhoto>();
    const inside = await buildMember(ctx, tree.dcUnion.id, { name: '封面会员' });
    const outside = await buildMember(ctx, tree.xcUnion.id, { name: '外区会员' });
    const insideCookie = await signInMember(ctx, inside.idNumber, inside.phone, '10.9.0.1');
    const outsideCookie = await signInMember(ctx, outside.idNumber, outside.phone, '10.9.0.2');

    const seen = await ctx.call('GET', `/api/portal/events/${event.id}/cover`, undefined, insideCookie);
    expect(seen.statusCode).toBe(200);
    expect(seen.headers['content-type']).toBe('image/png');
    expect(Buffer.compare(seen.rawPayload, PNG)).toBe(0);
    expect(cover.role).toBe('cover');
    // The phone's list says which events have a cover, so it asks only for those.
    const list = (await ctx.call('GET', '/api/portal/events', undefined, insideCookie)).json<MemberEventList>();
    expect(list.items.find((e) => e.id === event.id)?.hasCover).toBe(true);
    const bare = await eventOf(tree.dcStreet.id);
    const again = (await ctx.call('GET', '/api/portal/events', undefined, insideCookie)).json<MemberEventList>();
    expect(again.items.find((e) => e.id === bare.id)?.hasCover).toBe(false);

    const refused = await ctx.call('GET', `/api/portal/events/${event.id}/cover`, undefined, outsideCookie);
    expect(refused.statusCode).toBe(404);
    // A cadre's session is no member's.
    expect((await ctx.call('GET', `/api/portal/events/${event.id}/cover`)).statusCode).toBe(401);
  });
});
