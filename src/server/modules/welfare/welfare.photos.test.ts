import fs from 'node:fs';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CampaignDetail, Handout, HandoutPhoto } from '../../../common/welfare.js';
import { actorWith, buildTree, createTestContext, type TestContext } from '../../testing/harness.js';
import { sniffImage } from '../../http/image.js';
import { PHOTO_MAX_BYTES } from './welfare.photos.js';

let ctx: TestContext;
let tree: Awaited<ReturnType<typeof buildTree>>;
let campaign: CampaignDetail;
let batch: Handout;
let person: Handout;
let key = 0;

/** A real 1×1 PNG. */
const png = Buffer.from(
  '89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d49444154789c6360000002000154a24f5d0000000049454e44ae426082',
  'hex',
);

function upload(handoutId: number, fileName: string, content: Buffer, cookie = ctx.adminCookie) {
  const boundary = `----gonghuiphoto${content.length}`;
  const head = Buffer.from(
    `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${fileName}"\r\nContent-Type: image/png\r\n\r\n`,
  );
  return ctx.app.inject({
    method: 'POST',
    url: `/api/welfare/campaigns/${campaign.id}/handouts/${handoutId}/photo`,
    payload: Buffer.concat([head, content, Buffer.from(`\r\n--${boundary}--\r\n`)]),
    headers: { cookie, 'content-type': `multipart/form-data; boundary=${boundary}` },
  });
}

beforeAll(async () => {
  ctx = await createTestContext();
  tree = await buildTree(ctx);
  const created = await ctx.call('POST', '/api/welfare/campaigns', {
    orgId: tree.dongcheng.id,
    kind: 'summer',
    name: '2026年夏送清凉（照片）',
    startsOn: '2026-07-01',
    endsOn: '2026-08-31',
    items: [{ name: '西瓜', unit: '斤', plannedQty: 1000, budgetYuan: 1500 }],
  });
  expect(created.statusCode).toBe(201);
  campaign = created.json<CampaignDetail>();
  const melon = campaign.items[0]!.id;
  const moves = [
    { kind: 'stock_in', key: `k${++key}`, itemId: melon, qty: 500 },
    {
      kind: 'transfer',
      key: `k${++key}`,
      itemId: melon,
      qty: 200,
      from: { orgId: tree.dongcheng.id },
      to: { orgId: tree.dongcheng.id, site: '新发地市场' },
    },
  ];
  for (const body of moves) {
    const r = await ctx.call('POST', `/api/welfare/campaigns/${campaign.id}/moves`, body);
    expect(r.statusCode, r.body).toBe(201);
  }
  const handOut = async (body: object) => {
    const r = await ctx.call('POST', `/api/welfare/campaigns/${campaign.id}/handouts`, body);
    expect(r.statusCode, r.body).toBe(201);
    return r.json<Handout>();
  };
  batch = await handOut({
    kind: 'batch',
    key: `k${++key}`,
    from: { orgId: tree.dongcheng.id, site: '新发地市场' },
    count: 120,
    items: [{ itemId: melon, qty: 100 }],
  });
  person = await handOut({
    kind: 'person',
    key: `k${++key}`,
    from: { orgId: tree.dongcheng.id, site: '新发地市场' },
    name: '王建筑',
    phone: '13900001111',
    items: [{ itemId: melon, qty: 10 }],
  });
});
afterAll(async () => ctx?.close());

describe('the photo of a batch hand-out', () => {
  it('knows an image by its bytes, not its name', () => {
    expect(sniffImage(png)).toBe('image/png');
    expect(sniffImage(Buffer.from([0xff, 0xd8, 0xff, 0xe0]))).toBe('image/jpeg');
    expect(sniffImage(Buffer.from('RIFF\0\0\0\0WEBPVP8 ', 'latin1'))).toBe('image/webp');
    expect(sniffImage(Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"/>'))).toBeUndefined();
  });

  it('is stored sealed, listed on the hand-out, read back whole, and never replaced', async () => {
    const first = await upload(batch.id, '现场.png', png);
    expect(first.statusCode, first.body).toBe(201);
    expect(first.json<HandoutPhoto>()).toMatchObject({ handoutId: batch.id, mime: 'image/png', bytes: png.length });

    // At rest the file is sealed: the PNG's bytes appear nowhere in it.
    const row = await ctx.database.db
      .selectFrom('welfare_handout_photo')
      .selectAll()
      .where('handout_id', '=', batch.id)
      .executeTakeFirstOrThrow();
    const stored = fs.readFileSync(row.file_path);
    expect(stored.subarray(0, 8).toString('latin1')).toBe('GHSEALv1');
    expect(stored.includes(png.subarray(8, 24))).toBe(false);

    const back = await ctx.call('GET', `/api/welfare/campaigns/${campaign.id}/handouts/${batch.id}/photo`);
    expect(back.statusCode).toBe(200);
    expect(back.headers['content-type']).toBe('image/png');
    expect(back.rawPayload.equals(png)).toBe(true);

    const list = (await ctx.call('GET', `/api/welfare/campaigns/${campaign.id}/handouts`)).json<{ items: Handout[] }>();
    expect(list.items.find((h) => h.id === batch.id)?.hasPhoto).toBe(true);
    expect(list.items.find((h) => h.id === person.id)?.hasPhoto).toBe(false);

    const again = await upload(batch.id, '另一张.png', png);
    expect(again.statusCode).toBe(409);
    expect(again.json<{ code: string }>().code).toBe('WELFARE_PHOTO_EXISTS');
    // The refused second upload left no file behind, and the evidence row cannot be changed.
    const files = fs.readdirSync(row.file_path.replace(/\/[^/]+$/, '')).filter((f) => f.startsWith(`${row.region_id}-${batch.id}-`));
    expect(files).toHaveLength(1);
    await expect(
      sql`UPDATE welfare_handout_photo SET mime = 'image/jpeg' WHERE handout_id = ${batch.id}`.execute(ctx.database.db),
    ).rejects.toThrow(/immutable/);
  });

  it('refuses what is not an image, a photo of one named person, and an oversize file — in Chinese', async () => {
    const svg = await upload(batch.id, 'x.png', Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"/>'));
    expect(svg.statusCode).toBe(422);
    expect(svg.json<{ message: string }>().message).toContain('JPG、PNG 或 WebP');

    const onePerson = await upload(person.id, 'p.png', png);
    expect(onePerson.statusCode).toBe(422);
    expect(onePerson.json<{ code: string }>().code).toBe('WELFARE_PHOTO_BATCH_ONLY');

    const huge = await upload(person.id, 'big.png', Buffer.concat([png, Buffer.alloc(PHOTO_MAX_BYTES)]));
    expect(huge.statusCode).toBe(413);
    expect(huge.json<{ message: string }>().message).toContain('8 MB');

    const none = await ctx.call('GET', `/api/welfare/campaigns/${campaign.id}/handouts/${person.id}/photo`);
    expect(none.statusCode).toBe(404);
    expect(none.json<{ code: string }>().code).toBe('WELFARE_PHOTO_NONE');
  });

  it('is neither read nor added by a cadre of another district, nor added by a read-only user of the node', async () => {
    const outsider = await actorWith(ctx, 'union_cadre', tree.xicheng.id);
    const read = await ctx.call('GET', `/api/welfare/campaigns/${campaign.id}/handouts/${batch.id}/photo`, undefined, outsider.cookie);
    expect(read.statusCode).toBe(404);
    expect((await upload(batch.id, 'x.png', png, outsider.cookie)).statusCode).toBe(404);
    const reader = await actorWith(ctx, 'read_only', tree.dongcheng.id);
    const readOnly = await upload(batch.id, 'x.png', png, reader.cookie);
    expect(readOnly.statusCode).toBe(403);
    const own = await ctx.call('GET', `/api/welfare/campaigns/${campaign.id}/handouts/${batch.id}/photo`, undefined, reader.cookie);
    expect(own.statusCode).toBe(200);
  });
});
