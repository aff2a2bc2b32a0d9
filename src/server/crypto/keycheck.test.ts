import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../app.js';
import { checkPiiKey } from '../deps.js';
import { createPiiCipher } from './pii.js';
import { buildMember, buildTree, createTestContext, type TestContext } from '../testing/harness.js';
import { AppError } from '../../common/errors.js';

let ctx: TestContext;
let member: Awaited<ReturnType<typeof buildMember>>;
beforeAll(async () => {
  ctx = await createTestContext();
  const tree = await buildTree(ctx);
  member = await buildMember(ctx, tree.dcUnion.id);
});
afterAll(async () => ctx?.close());

const OTHER_SECRET = 'f'.repeat(64);

const storedFingerprint = async () =>
  (await ctx.database.db.selectFrom('app_setting').select('value').where('key', '=', 'pii_key_check').executeTakeFirst())?.value;

describe('personal-data key', () => {
  it('records the fingerprint of the key the database was first started with, not the key itself', async () => {
    const stored = await storedFingerprint();
    expect(stored).toBe(ctx.app.deps.cipher.fingerprint());
    expect(stored).not.toContain(ctx.config.secret!.slice(0, 16));
    // Another key has another fingerprint, or the check below could not tell them apart.
    expect(createPiiCipher(Buffer.from(OTHER_SECRET, 'hex')).fingerprint()).not.toBe(stored);
  });

  it('refuses to start on a database whose data were sealed with another key, and keeps the recorded key', async () => {
    const before = await storedFingerprint();
    const error = await buildApp(ctx.database, { ...ctx.config, secret: OTHER_SECRET }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).code).toBe('SECRET_MISMATCH');
    expect((error as AppError).toBody('zh-CN').message).toMatch(/GONGHUI_SECRET/);
    expect(await storedFingerprint()).toBe(before);
  });

  it('starts again with the right key, and finds the people sealed before by their ID number', async () => {
    const app = await buildApp(ctx.database, ctx.config);
    try {
      expect(app.deps.cipher.fingerprint()).toBe(await storedFingerprint());
      const found = await app.inject({
        method: 'GET',
        url: `/api/members?orgId=1&q=${member.idNumber}`,
        headers: { cookie: ctx.adminCookie },
      });
      expect(found.statusCode).toBe(200);
      expect(found.json<{ items: { id: number }[] }>().items.map((m) => m.id)).toEqual([member.id]);
    } finally {
      await app.close();
    }
  });

  it('takes the same key written in base64 instead of hex as the same key', async () => {
    const base64 = Buffer.from(ctx.config.secret!, 'hex').toString('base64');
    const app = await buildApp(ctx.database, { ...ctx.config, secret: base64 });
    await app.close();
    expect(app.deps.cipher.fingerprint()).toBe(await storedFingerprint());
  });

  it('checkPiiKey: the first key is recorded, the same key passes, any other is refused', async () => {
    const first = createPiiCipher(Buffer.alloc(32, 1));
    const second = createPiiCipher(Buffer.alloc(32, 2));
    // Run in a transaction rolled back at the end, so the recorded key of this database is left as it was.
    const rolledBack = new Error('roll back');
    const outcome = await ctx.database.db
      .transaction()
      .execute(async (tx) => {
        await tx.deleteFrom('app_setting').where('key', '=', 'pii_key_check').execute();
        await checkPiiKey(tx, first);
        const recorded = await tx.selectFrom('app_setting').select('value').where('key', '=', 'pii_key_check').executeTakeFirstOrThrow();
        expect(recorded.value).toBe(first.fingerprint());
        await checkPiiKey(tx, first);
        const refused = await checkPiiKey(tx, second).catch((e: unknown) => e);
        expect(refused).toBeInstanceOf(AppError);
        expect((refused as AppError).code).toBe('SECRET_MISMATCH');
        throw rolledBack;
      })
      .catch((e: unknown) => e);
    expect(outcome).toBe(rolledBack);
    expect(await storedFingerprint()).toBe(ctx.app.deps.cipher.fingerprint());
  });
});
