import { ScanOutlined, ShoppingOutlined } from '@ant-design/icons';
import { lazy } from 'react';
import { defineWebModule } from '../../app/webModule.js';

const CampaignsPage = lazy(() => import('./CampaignsPage.js').then((m) => ({ default: m.CampaignsPage })));
const CampaignPage = lazy(() => import('./CampaignPage.js').then((m) => ({ default: m.CampaignPage })));
const VoucherCheckPage = lazy(() => import('./VoucherCheckPage.js').then((m) => ({ default: m.VoucherCheckPage })));

const isCashier = (me: { grants: { role: string }[] }) => me.grants.some((g) => g.role === 'cashier');

/** 慰问活动 (慰问 / 夏送清凉 / 送温暖): campaigns, stock, hand-outs, vouchers, reconciliation; a shop's voucher check (the member's vouchers: public.tsx). */
export const webModule = defineWebModule({
  routes: [
    { path: 'welfare', element: <CampaignsPage />, access: 'welfare.read' },
    { path: 'welfare/campaigns/:id', element: <CampaignPage />, access: 'welfare.read' },
    { path: 'welfare/check', element: <VoucherCheckPage />, access: 'points.redeem' },
  ],
  menu: [
    {
      key: '/welfare',
      order: 63,
      icon: <ShoppingOutlined />,
      label: (t) => t('welfare.menu'),
      testId: 'nav-welfare',
      group: 'activities',
      access: 'welfare.read',
      to: (orgId) => (orgId ? `/welfare?org=${orgId}` : '/welfare'),
      orgTab: 'welfare',
    },
    {
      key: '/welfare/check',
      order: 69,
      icon: <ScanOutlined />,
      label: (t) => t('welfare.check.menu'),
      testId: 'nav-welfare-check',
      access: isCashier,
      to: () => '/welfare/check',
    },
  ],
  orgTabs: [
    {
      key: 'welfare',
      order: 75,
      label: (t) => t('welfare.menu'),
      access: 'welfare.read',
      render: (org) => <CampaignsPage orgId={org.id} />,
    },
  ],
});
