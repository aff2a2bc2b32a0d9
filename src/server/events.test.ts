import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext } from './testing/harness.js';
import { createEventBus } from './events.js';

type Noted = { key: string };

declare module './events.js' {
  interface AppEvents {
    'test.noted': Noted;
  }
}

let ctx: TestContext;
beforeAll(async () => {
  ctx = await createTestContext();
});
afterAll(async () => ctx?.close());

const setting = async (key: string) =>
  (await ctx.database.db.selectFrom('app_setting').select('value').where('key', '=', key).executeTakeFirst())?.value;

describe('the in-process event bus', () => {
  it("runs a listener inside the emitter's transaction: it sees the emitter's write and commits with it", async () => {
    const events = createEventBus();
    events.on('test.noted', async (tx, e) => {
      const seen = await tx.selectFrom('app_setting').select('value').where('key', '=', e.key).executeTakeFirst();
      await tx
        .insertInto('app_setting')
        .values({ key: `${e.key}.heard`, value: seen?.value ?? 'unseen' })
        .execute();
    });
    await ctx.database.db.transaction().execute(async (tx) => {
      await tx.insertInto('app_setting').values({ key: 'ev.a', value: 'written' }).execute();
      await events.emit(tx, 'test.noted', { key: 'ev.a' });
    });
    expect(await setting('ev.a.heard')).toBe('written');
  });

  it("a throwing listener fails the emit and rolls the emitter's write back", async () => {
    const events = createEventBus();
    events.on('test.noted', async (tx, e) => {
      await tx
        .insertInto('app_setting')
        .values({ key: `${e.key}.heard`, value: 'x' })
        .execute();
      throw new Error('listener failed');
    });
    await expect(
      ctx.database.db.transaction().execute(async (tx) => {
        await tx.insertInto('app_setting').values({ key: 'ev.b', value: 'written' }).execute();
        await events.emit(tx, 'test.noted', { key: 'ev.b' });
      }),
    ).rejects.toThrow('listener failed');
    expect(await setting('ev.b')).toBeUndefined();
    expect(await setting('ev.b.heard')).toBeUndefined();
  });

  it('runs listeners in order of subscription, and an unsubscribed one no more', async () => {
    const events = createEventBus();
    const heard: string[] = [];
    events.on('test.noted', async (_tx, e) => void heard.push(`first ${e.key}`));
    const off = events.on('test.noted', async (_tx, e) => void heard.push(`second ${e.key}`));
    await events.emit(ctx.database.db, 'test.noted', { key: '1' });
    off();
    await events.emit(ctx.database.db, 'test.noted', { key: '2' });
    expect(heard).toEqual(['first 1', 'second 1', 'first 2']);
  });
});
