// @vitest-environment jsdom
import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import type { CampaignDetail } from '../../../common/welfare.js';
import { cadre, fakeApi, renderPage } from '../../testing/dom.js';
import { CampaignFormModal } from './CampaignFormModal.js';
import { buildCampaign } from './welfare.fixtures.js';

const created = buildCampaign({ items: [{ id: 1, name: '西瓜', unit: '斤', plannedQty: 10000, budgetYuan: 15000, isVoucher: false }] });

describe('CampaignFormModal', { timeout: 240_000 }, () => {
  it('sends the campaign with its items (unit, quantity, amount) and period', async () => {
    const calls = fakeApi(cadre(['welfare.read', 'welfare.write']), (method, path) =>
      method === 'POST' && path === '/api/welfare/campaigns' ? { status: 201, body: created } : undefined,
    );
    let done: CampaignDetail | undefined;
    renderPage(<CampaignFormModal orgId={2} onClose={() => undefined} onDone={(c) => (done = c)} />);
    await userEvent.type(await screen.findByTestId('campaign-name'), '夏送清凉');
    await userEvent.type(screen.getByTestId('item-name-0'), '西瓜');
    await userEvent.type(screen.getByTestId('item-qty-0'), '10000');
    await userEvent.type(screen.getByTestId('item-budget-0'), '15000');
    await userEvent.click(screen.getByTestId('campaign-add-item'));
    await userEvent.type(screen.getByTestId('item-name-1'), '绿豆汤');
    await userEvent.type(screen.getByTestId('item-qty-1'), '1500');
    await userEvent.click(screen.getByTestId('campaign-ok'));
    await waitFor(() => expect(done?.id).toBe(5));
    expect(calls).toHaveLength(1);
    const body = calls[0]!.body as Record<string, unknown>;
    expect(body).toMatchObject({
      orgId: 2,
      kind: 'summer',
      name: '夏送清凉',
      coOrganiserIds: [],
      items: [
        { name: '西瓜', unit: '斤', plannedQty: 10000, budgetYuan: 15000, isVoucher: false },
        { name: '绿豆汤', unit: '份', plannedQty: 1500, budgetYuan: 0, isVoucher: false },
      ],
    });
    expect(body.startsOn).toMatch(/^\d{4}-\d{2}-\d{2}$/u);
    expect(String(body.endsOn) >= String(body.startsOn)).toBe(true);
  });

  it('refuses an item without a quantity before sending, and shows the server refusal in Chinese', async () => {
    const calls = fakeApi(cadre(['welfare.read', 'welfare.write']), (method) =>
      method === 'POST'
        ? { status: 422, body: { code: 'WELFARE_MERCHANT_UNKNOWN', message: '指定商户不存在，或不在本单位范围内' } }
        : undefined,
    );
    renderPage(<CampaignFormModal orgId={2} onClose={() => undefined} onDone={() => undefined} />);
    await userEvent.type(await screen.findByTestId('campaign-name'), '送温暖');
    await userEvent.type(screen.getByTestId('item-name-0'), '棉被');
    await userEvent.click(screen.getByTestId('campaign-ok'));
    expect(await screen.findByText(/物资/, { selector: '.ant-form-item-explain-error' })).toBeTruthy();
    expect(calls).toHaveLength(0);
    await userEvent.type(screen.getByTestId('item-qty-0'), '20');
    await userEvent.click(screen.getByTestId('campaign-ok'));
    expect(await screen.findByText('指定商户不存在，或不在本单位范围内')).toBeTruthy();
    expect(calls).toHaveLength(1);
  });
});
