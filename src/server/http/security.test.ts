import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext } from '../testing/harness.js';
import { loadConfig } from '../config.js';

let ctx: TestContext;
beforeAll(async () => {
  ctx = await createTestContext();
});
afterAll(async () => ctx?.close());

describe('security headers', () => {
  it('sends a content security policy the console passes, nosniff and no framing', async () => {
    const response = await ctx.call('GET', '/api/health', undefined, '');
    const csp = String(response.headers['content-security-policy']);
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).toContain("script-src 'self'");
    expect(csp).not.toMatch(/script-src[^;]*unsafe-inline/);
    expect(csp).toContain("style-src 'self' 'unsafe-inline'");
    expect(csp).toContain("img-src 'self' data: blob:");
    expect(response.headers['x-content-type-options']).toBe('nosniff');
    expect(response.headers['x-frame-options']).toBe('SAMEORIGIN');
  });

  it('forbids caching every API answer, signed in or not, success or error', async () => {
    for (const [url, cookie] of [
      ['/api/auth/me', ctx.adminCookie],
      ['/api/users', ctx.adminCookie],
      ['/api/auth/me', ''],
      ['/api/no-such-route', ''],
    ] as const) {
      const response = await ctx.call('GET', url, undefined, cookie);
      expect(response.headers['cache-control'], url).toBe('no-store');
    }
  });

  it('serves the API documentation to anyone outside production', async () => {
    expect((await ctx.call('GET', '/api/openapi.json', undefined, '')).statusCode).toBe(200);
    const ui = await ctx.call('GET', '/api/docs/', undefined, '');
    expect(ui.statusCode).toBe(200);
    expect(ui.body).not.toMatch(/<script>/);
  });

  it('keeps the API documentation behind login in production', async () => {
    const production = await createTestContext({ isProduction: true });
    try {
      const call = (url: string, cookie: string) => production.call('GET', url, undefined, cookie);
      expect((await call('/api/openapi.json', '')).statusCode).toBe(401);
      expect((await call('/api/docs/', '')).statusCode).toBe(401);
      expect((await call('/api/docs', '')).statusCode).toBe(401);
      expect((await call('/api/openapi.json', production.adminCookie)).statusCode).toBe(200);
      expect((await call('/api/docs/', production.adminCookie)).statusCode).toBe(200);
    } finally {
      await production.close();
    }
  });
});

describe('settings', () => {
  it('listens on HOST, on all interfaces when it is unset or empty, and knows production from NODE_ENV', () => {
    expect(loadConfig({ HOST: '127.0.0.1' }).host).toBe('127.0.0.1');
    expect(loadConfig({}).host).toBe('0.0.0.0');
    expect(loadConfig({ HOST: '' }).host).toBe('0.0.0.0');
    expect(loadConfig({ NODE_ENV: 'production' }).isProduction).toBe(true);
    expect(loadConfig({}).isProduction).toBe(false);
  });
});
