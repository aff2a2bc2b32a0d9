import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import SwaggerParser from '@apidevtools/swagger-parser';
import { createTestContext, type TestContext } from '../testing/harness.js';

let ctx: TestContext;
beforeAll(async () => {
  ctx = await createTestContext();
});
afterAll(async () => ctx?.close());

describe('API conventions', () => {
  it('publishes a valid OpenAPI 3 document covering every route', async () => {
    const response = await ctx.app.inject({ method: 'GET', url: '/api/openapi.json' });
    const doc = response.json<{ openapi: string; paths: Record<string, Record<string, unknown>> }>();
    expect(doc.openapi).toMatch(/^3\./);
    await SwaggerParser.validate(structuredClone(doc) as never);
    for (const route of ctx.app.routeTable.filter(
      (r) => r.url.startsWith('/api/') && !r.url.startsWith('/api/docs') && r.url !== '/api/openapi.json',
    )) {
      const path = route.url.replace(/:(\w+)/g, '{$1}');
      expect(doc.paths[path]?.[route.method.toLowerCase()], `${route.method} ${path}`).toBeDefined();
    }
  });

  it('serves the API docs page', async () => {
    const response = await ctx.app.inject({ method: 'GET', url: '/api/docs' });
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toMatch(/html/);
  });

  it('answers an unknown API path and a malformed body with the one error shape, never a stack trace', async () => {
    const unknown = await ctx.app.inject({ method: 'GET', url: '/api/nope', headers: { 'accept-language': 'en' } });
    expect(unknown.statusCode).toBe(404);
    expect(unknown.json()).toEqual({ code: 'ROUTE_NOT_FOUND', message: 'No such endpoint' });
    const broken = await ctx.app.inject({
      method: 'POST',
      url: '/api/orgs',
      payload: '{"parentId": 1,',
      headers: { cookie: ctx.adminCookie, 'content-type': 'application/json' },
    });
    expect(broken.statusCode).toBe(400);
    expect(broken.json()).toEqual({ code: 'BAD_REQUEST', message: '请求格式不正确' });
    const huge = await ctx.app.inject({
      method: 'POST',
      url: '/api/orgs',
      payload: JSON.stringify({ name: 'x'.repeat(2 * 1024 * 1024) }),
      headers: { cookie: ctx.adminCookie, 'content-type': 'application/json' },
    });
    expect(huge.statusCode).toBe(413);
    expect(huge.json().code).toBe('PAYLOAD_TOO_LARGE');
  });

  it('explains text that cannot be stored instead of an empty message', async () => {
    const response = await ctx.app.inject({
      method: 'POST',
      url: '/api/orgs/1/zones',
      payload: '{"name":"\\ud800x"}',
      headers: { cookie: ctx.adminCookie, 'content-type': 'application/json' },
    });
    expect(response.statusCode).toBe(400);
    expect(response.json()).toEqual({ code: 'INVALID_TEXT', message: expect.stringMatching(/无法保存的字符/) });
  });

  it('explains a bad query parameter with the field it concerns', async () => {
    const response = await ctx.app.inject({
      method: 'GET',
      url: '/api/orgs/1/children?limit=100000',
      headers: { cookie: ctx.adminCookie },
    });
    expect(response.statusCode).toBe(400);
    expect(response.json().details[0].path).toBe('limit');
    expect(response.json().message).toMatch(/limit/);
  });
});
