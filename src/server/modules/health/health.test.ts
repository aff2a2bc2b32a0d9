import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DemoStatus } from '../../../common/demo.js';
import { runDemoMembersInBackground } from '../../seed/members.js';
import { createTestContext, type TestContext } from '../../testing/harness.js';

let ctx: TestContext;
beforeAll(async () => {
  ctx = await createTestContext();
});
afterAll(async () => ctx?.close());

const demoStatus = async () => {
  const response = await ctx.call('GET', '/api/public/demo-status', undefined, '');
  expect(response.statusCode).toBe(200);
  return DemoStatus.parse(response.json());
};
const quietLog = { info: () => undefined, error: () => undefined };

describe('GET /api/public/demo-status', () => {
  it('says nothing is loading on a server that loads no demo, without a session', async () => {
    expect(await demoStatus()).toEqual({ loading: false, percent: 100 });
  });

  it('says the demo is loading from the moment the background loader starts until it stops', async () => {
    const loader = runDemoMembersInBackground(ctx.app.deps, quietLog, undefined);
    expect(await demoStatus()).toEqual({ loading: true, percent: 0 });
    await loader.stop();
    expect(await demoStatus()).toEqual({ loading: false, percent: 100 });
  });

  it('is described in the OpenAPI document with its answer', async () => {
    const response = await ctx.call('GET', '/api/openapi.json', undefined, '');
    const doc = response.json<{ paths: Record<string, { get?: { responses?: Record<string, unknown> } }> }>();
    expect(doc.paths['/api/public/demo-status']?.get?.responses?.['200']).toBeDefined();
  });
});
