// @vitest-environment jsdom
import { cadre, fakeApi } from '../testing/dom.js';
import { describe, expect, it } from 'vitest';
import { pageOf } from '../../common/paging.js';
import { Zone } from '../../common/orgs.js';
import { api, ApiError, NoAnswer } from './api.js';

describe('the API client', () => {
  it('hands over the answer as the shared schema reads it', async () => {
    fakeApi(cadre([]), () => ({ body: { items: [{ id: 1, orgId: 9, name: '东片区', memberCount: 3, extra: 'x' }], nextCursor: null } }));
    const page = await api.get('/api/orgs/1/zones', pageOf(Zone));
    expect(page).toEqual({ items: [{ id: 1, orgId: 9, name: '东片区', memberCount: 3 }], nextCursor: null });
  });

  it('refuses an answer that is not what the schema promises, with a message to show', async () => {
    fakeApi(cadre([]), () => ({ body: { items: [{ id: '1', name: null }], nextCursor: null } }));
    const failure = await api.get('/api/orgs/1/zones', pageOf(Zone)).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(ApiError);
    expect(failure).toMatchObject({ code: 'BAD_ANSWER', message: '无法连接服务器，请检查网络后重试' });
  });

  it('passes on the server’s refusal as it was said', async () => {
    fakeApi(cadre([]), () => ({ status: 403, body: { code: 'FORBIDDEN', message: '无权进行此操作' } }));
    const failure = await api.post('/api/orgs/1/zones', Zone, { name: 'x' }).catch((error: unknown) => error);
    expect(failure).toMatchObject({ status: 403, code: 'FORBIDDEN', message: '无权进行此操作' });
  });

  it('reads a 204 as no answer', async () => {
    fakeApi(cadre([]), () => ({ status: 204 }));
    expect(await api.post('/api/members/1/card/revoke', NoAnswer)).toBeUndefined();
  });
});
