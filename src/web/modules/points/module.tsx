import { GiftOutlined, ShopOutlined } from '@ant-design/icons';
import { lazy } from 'react';
import { defineWebModule } from '../../app/webModule.js';

// ── programmes, awards, the cadre's view ──
const ProgrammesPage = lazy(() => import('./ProgrammesPage.js').then((m) => ({ default: m.ProgrammesPage })));
const ProgrammePage = lazy(() => import('./ProgrammePage.js').then((m) => ({ default: m.ProgrammePage })));

// ── merchants and the cashier's counter (the member's points on the phone: public.tsx) ──
const MerchantsPage = lazy(() => import('./MerchantsPage.js').then((m) => ({ default: m.MerchantsPage })));
const CashierPage = lazy(() => import('./CashierPage.js').then((m) => ({ default: m.CashierPage })));

/** 积分: programmes, awards and the cadre's figures; merchants and the counter. */
export const webModule = defineWebModule({
  routes: [
    // ── programmes ──
    { path: 'points/programmes', element: <ProgrammesPage />, access: 'points.read' },
    { path: 'points/programmes/:id', element: <ProgrammePage />, access: 'points.read' },
    // ── merchants ──
    { path: 'points/merchants', element: <MerchantsPage />, access: 'points.read' },
    { path: 'points/counter', element: <CashierPage />, access: 'points.redeem' },
  ],
  menu: [
    // ── programmes ──
    {
      key: '/points/programmes',
      order: 65,
      icon: <GiftOutlined />,
      label: (t) => t('programmes.menu'),
      testId: 'nav-points-programmes',
      group: 'activities',
      access: 'points.read',
      to: (orgId) => (orgId ? `/points/programmes?org=${orgId}` : '/points/programmes'),
    },
    // ── merchants ──
    {
      key: '/points/merchants',
      order: 67,
      icon: <ShopOutlined />,
      label: (t) => t('merchants.menu'),
      testId: 'nav-points-merchants',
      group: 'activities',
      access: 'points.read',
      to: (orgId) => (orgId ? `/points/merchants?org=${orgId}` : '/points/merchants'),
    },
    {
      key: '/points/counter',
      order: 68,
      icon: <ShopOutlined />,
      label: (t) => t('cashier.title'),
      testId: 'nav-points-counter',
      access: (me) => me.grants.some((g) => g.role === 'cashier'),
      to: () => '/points/counter',
    },
  ],
});
