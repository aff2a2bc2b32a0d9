import type { CampaignDetail } from '../../../common/welfare.js';

/** A 夏送清凉 campaign of 东城 for component tests: watermelon only, no stock yet; override what a test needs. */
export function buildCampaign(overrides: Partial<CampaignDetail> = {}): CampaignDetail {
  return {
    id: 5,
    orgId: 2,
    orgName: '东城区总工会',
    kind: 'summer',
    name: '夏送清凉',
    description: '',
    startsOn: '2026-07-01',
    endsOn: '2026-08-31',
    voucherFrom: null,
    voucherTo: null,
    budgetYuan: 15000,
    closedAt: null,
    items: [{ id: 11, name: '西瓜', unit: '斤', plannedQty: 10000, budgetYuan: 15000, isVoucher: false }],
    coOrganisers: [],
    merchants: [],
    stock: [],
    pendingReceipts: [],
    ...overrides,
  };
}
