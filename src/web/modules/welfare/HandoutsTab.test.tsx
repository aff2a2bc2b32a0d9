// @vitest-environment jsdom
import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { Handout } from '../../../common/welfare.js';
import { cadre, fakeApi, renderPage } from '../../testing/dom.js';
import { HandoutsTab } from './HandoutsTab.js';
import { buildCampaign } from './welfare.fixtures.js';

const campaign = buildCampaign();

const batch: Handout = {
  id: 9,
  kind: 'batch',
  nameMasked: null,
  phoneMasked: null,
  idNumberMasked: null,
  collectorName: null,
  batchCount: 120,
  orgId: 2,
  orgName: '东城区总工会',
  site: '新发地市场',
  createdAt: '2026-07-02T02:00:00.000Z',
  items: [{ itemId: 11, qty: 1200 }],
  vouchers: [],
};

describe('HandoutsTab', () => {
  it('reads a counted batch as 共 120 人, as a Chinese cadre says it', async () => {
    fakeApi(cadre(['welfare.read']), (method, path) =>
      method === 'GET' && path === '/api/welfare/campaigns/5/handouts' ? { body: { items: [batch], nextCursor: null } } : undefined,
    );
    renderPage(<HandoutsTab campaign={campaign} version={0} onChanged={() => undefined} />);
    const row = await within(await screen.findByTestId('handouts-table')).findByText('共 120 人');
    expect(row.closest('tr')?.textContent).toContain('新发地市场（东城区总工会）');
    expect(screen.queryByText(/人数/)).toBeNull();
  });
});
