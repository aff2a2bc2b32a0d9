// @vitest-environment jsdom
import { cadre, fakeApi, renderPage } from '../../testing/dom.js';
import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import type { Counter, Redemption } from '../../../common/points.merchants.js';
import { CashierForm } from './CashierForm.js';

const counter: Counter = {
  merchantId: 3,
  merchantName: '新世界美食广场',
  status: 'active',
  programmes: [{ id: 9, name: '党心e家', orgName: '东城区总工会' }],
  items: [{ id: 11, name: '午餐套餐', points: 15, active: true }],
};

const redemption = (over: Partial<Redemption> = {}): Redemption => ({
  id: 100,
  merchantId: 3,
  programmeId: 9,
  programmeName: '党心e家',
  memberNameMasked: '张**',
  itemName: '午餐套餐',
  points: 15,
  status: 'posted',
  timeoutAt: null,
  cashier: '收银员',
  createdAt: '2026-12-01T04:00:00Z',
  ...over,
});

/** Records the Idempotency-Key of every charge sent through the fetch double. */
function recordKeys(): string[] {
  const keys: string[] = [];
  const inner = globalThis.fetch;
  globalThis.fetch = (input: RequestInfo | URL, init: RequestInit = {}) => {
    const headers = (init.headers ?? {}) as Record<string, string>;
    if (headers['Idempotency-Key']) keys.push(headers['Idempotency-Key']);
    return inner(input, init);
  };
  return keys;
}

describe('CashierForm (积分收银)', () => {
  it('charges a catalogue item with the typed code and shows the result', async () => {
    const calls = fakeApi(cadre(['points.redeem']), (method, path) =>
      method === 'POST' && path === '/api/points/redemptions' ? { status: 201, body: redemption() } : undefined,
    );
    const keys = recordKeys();
    renderPage(<CashierForm counter={counter} onCharged={() => undefined} />);
    await userEvent.type(screen.getByTestId('cashier-code'), '12345678');
    await userEvent.click(await screen.findByText('午餐套餐 · 15'));
    await userEvent.click(screen.getByTestId('cashier-charge'));
    expect((await screen.findByTestId('cashier-result')).textContent).toContain('已收取 15 分（张**）');
    expect(calls.find((c) => c.url.pathname === '/api/points/redemptions')?.body).toEqual({ code: '12345678', hold: false, itemId: 11 });
    expect(keys).toHaveLength(1);
  });

  it('re-sends a failed charge under the same Idempotency-Key, and a new charge under a new one', async () => {
    let attempt = 0;
    fakeApi(cadre(['points.redeem']), (method, path) => {
      if (method !== 'POST' || path !== '/api/points/redemptions') return undefined;
      attempt++;
      return attempt === 1
        ? { status: 503, body: { code: 'UNAVAILABLE', message: '服务暂时不可用' } }
        : { status: 201, body: redemption() };
    });
    const keys = recordKeys();
    renderPage(<CashierForm counter={counter} onCharged={() => undefined} />);
    await userEvent.type(screen.getByTestId('cashier-code'), '12345678');
    await userEvent.click(await screen.findByText('午餐套餐 · 15'));
    await userEvent.click(screen.getByTestId('cashier-charge'));
    expect((await screen.findByTestId('cashier-failure')).textContent).toContain('服务暂时不可用');
    await userEvent.click(screen.getByTestId('cashier-charge'));
    await screen.findByTestId('cashier-result');
    await userEvent.type(screen.getByTestId('cashier-code'), '87654321');
    await userEvent.click(screen.getByTestId('cashier-charge'));
    await waitFor(() => expect(keys).toHaveLength(3));
    expect(keys[1]).toBe(keys[0]);
    expect(keys[2]).not.toBe(keys[0]);
  });

  it("shows the server's refusal and, for a hold, confirms it", async () => {
    const calls = fakeApi(cadre(['points.redeem']), (method, path, _url, body) => {
      if (path === '/api/points/redemptions' && (body as { points?: number }).points === 500)
        return { status: 409, body: { code: 'POINTS_INSUFFICIENT', message: '积分不足：可用 40 分，需要 500 分' } };
      if (path === '/api/points/redemptions') return { status: 201, body: redemption({ status: 'held', points: 20, itemName: null }) };
      if (path === '/api/points/redemptions/100/post') return { body: redemption({ points: 20, itemName: null }) };
      return undefined;
    });
    renderPage(<CashierForm counter={counter} onCharged={() => undefined} />);
    await userEvent.type(screen.getByTestId('cashier-code'), '12345678');
    await userEvent.click(screen.getByText('自定积分'));
    await userEvent.type(await screen.findByTestId('cashier-points'), '500');
    await userEvent.click(screen.getByTestId('cashier-charge'));
    expect((await screen.findByTestId('cashier-failure')).textContent).toContain('积分不足：可用 40 分，需要 500 分');
    await userEvent.clear(screen.getByTestId('cashier-points'));
    await userEvent.type(screen.getByTestId('cashier-points'), '20');
    await userEvent.click(screen.getByTestId('cashier-hold'));
    await userEvent.click(screen.getByTestId('cashier-charge'));
    expect((await screen.findByTestId('cashier-result')).textContent).toContain('已预扣 20 分');
    await userEvent.click(screen.getByTestId('cashier-post'));
    await waitFor(() => expect(calls.some((c) => c.url.pathname === '/api/points/redemptions/100/post')).toBe(true));
    expect((await screen.findByTestId('cashier-result')).textContent).toContain('已入账');
  });
});
