import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext } from '../testing/harness.js';
import { buildApp } from '../app.js';
import { AppError } from '../../common/errors.js';

let ctx: TestContext;
beforeAll(async () => {
  ctx = await createTestContext();
});
afterAll(async () => ctx?.close());

describe('personal-data key', () => {
  it('refuses to start on a database whose data were sealed with another key', async () => {
    const error = await buildApp(ctx.database, { ...ctx.config, secret: 'f'.repeat(64) }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).code).toBe('SECRET_MISMATCH');
    expect((error as AppError).toBody('zh-CN').message).toMatch(/GONGHUI_SECRET/);
  });

  it('starts again with the right key', async () => {
    const app = await buildApp(ctx.database, ctx.config);
    await app.close();
  });
});
