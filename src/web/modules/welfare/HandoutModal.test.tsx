// @vitest-environment jsdom
import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import type { Handout } from '../../../common/welfare.js';
import { cadre, fakeApi, renderPage } from '../../testing/dom.js';
import { HandoutModal } from './HandoutModal.js';
import { buildCampaign } from './welfare.fixtures.js';

const campaign = buildCampaign({
  orgId: 1,
  orgName: '北京市总工会',
  voucherFrom: '2026-07-01',
  voucherTo: '2026-08-31',
  budgetYuan: 20000,
  items: [
    { id: 11, name: '西瓜', unit: '斤', plannedQty: 10000, budgetYuan: 15000, isVoucher: false },
    { id: 12, name: '冷饮兑换券', unit: '张', plannedQty: 1500, budgetYuan: 5000, isVoucher: true },
  ],
  stock: [
    { locationId: 3, kind: 'node', orgId: 2, orgName: '东城区总工会', site: '', itemId: 11, qty: 200 },
    { locationId: 4, kind: 'site', orgId: 2, orgName: '东城区总工会', site: '新发地市场', itemId: 11, qty: 50 },
  ],
});

const handout: Handout = {
  id: 1,
  kind: 'person',
  nameMasked: '张**',
  phoneMasked: '139****1234',
  idNumberMasked: null,
  collectorName: '李四',
  batchCount: null,
  orgId: 2,
  orgName: '东城区总工会',
  site: '',
  createdAt: '2026-07-02T02:00:00.000Z',
  items: [{ itemId: 11, qty: 10 }],
  vouchers: [],
  hasPhoto: false,
};

describe('HandoutModal', { timeout: 240_000 }, () => {
  it('hands out to a named non-member with a collector (代领), and retries a refusal with the same key', async () => {
    let refuse = true;
    const calls = fakeApi(cadre(['welfare.read', 'welfare.write']), (method, path) => {
      if (method !== 'POST' || path !== '/api/welfare/campaigns/5/handouts') return undefined;
      if (refuse) {
        refuse = false;
        return {
          status: 409,
          body: { code: 'WELFARE_ALREADY_HANDED_OUT', message: '此人已在本活动中领取过（2026-07-02 10:00 于 东城区总工会），每人限领一次' },
        };
      }
      return { status: 201, body: handout };
    });
    let done: Handout | undefined;
    renderPage(<HandoutModal campaign={campaign} onClose={() => undefined} onDone={(h) => (done = h)} />);
    await userEvent.type(await screen.findByTestId('handout-name'), '张师傅');
    await userEvent.type(screen.getByTestId('handout-phone'), '13900001234');
    await userEvent.type(screen.getByTestId('handout-collector'), '李四');
    await userEvent.type(screen.getByTestId('handout-qty-11'), '10');
    await userEvent.click(screen.getByTestId('handout-ok'));
    expect(await screen.findByText(/每人限领一次/)).toBeTruthy();
    await userEvent.click(screen.getByTestId('handout-ok'));
    await waitFor(() => expect(done?.id).toBe(1));
    const [first, second] = calls.map((c) => c.body as { key: string });
    expect(first).toMatchObject({
      kind: 'person',
      from: { orgId: 2 },
      name: '张师傅',
      phone: '13900001234',
      collectorName: '李四',
      items: [{ itemId: 11, qty: 10 }],
    });
    expect(second?.key).toBe(first?.key);
  });

  it('sends a member hand-out with the typed card code', async () => {
    const calls = fakeApi(cadre(['welfare.read', 'welfare.write']), (method) =>
      method === 'POST' ? { status: 201, body: handout } : undefined,
    );
    renderPage(<HandoutModal campaign={campaign} onClose={() => undefined} onDone={() => undefined} />);
    await userEvent.click(await screen.findByTestId('handout-kind-member'));
    await userEvent.type(await screen.findByTestId('handout-card'), 'GC1.card-token');
    await userEvent.type(screen.getByTestId('handout-qty-12'), '1');
    await userEvent.click(screen.getByTestId('handout-ok'));
    await waitFor(() => expect(calls).toHaveLength(1));
    expect(calls[0]!.body).toMatchObject({ kind: 'member', cardToken: 'GC1.card-token', items: [{ itemId: 12, qty: 1 }] });
  });

  it('asks for the items before sending anything', async () => {
    const calls = fakeApi(cadre(['welfare.read', 'welfare.write']), () => undefined);
    renderPage(<HandoutModal campaign={campaign} onClose={() => undefined} onDone={() => undefined} />);
    await userEvent.type(await screen.findByTestId('handout-name'), '王师傅');
    await userEvent.type(screen.getByTestId('handout-phone'), '13900005678');
    await userEvent.click(screen.getByTestId('handout-ok'));
    await screen.findByText(/物资/, { selector: '.ant-form-item-explain-error' });
    expect(calls).toHaveLength(0);
  });
});
