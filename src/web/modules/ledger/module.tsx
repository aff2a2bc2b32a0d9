import { BookOutlined } from '@ant-design/icons';
import { lazy, Suspense } from 'react';
import { defineWebModule } from '../../app/webModule.js';

const LedgerPage = lazy(() => import('./LedgerPage.js').then((m) => ({ default: m.LedgerPage })));
const LedgerCard = lazy(() => import('./LedgerCard.js').then((m) => ({ default: m.LedgerCard })));

/** 工作台账 (#15): a node's ledger by year and kind, its subtree's roll-up, the Excel export; its card on the 工作台 and the dashboard. */
export const webModule = defineWebModule({
  routes: [{ path: 'ledger', element: <LedgerPage />, access: 'ledger.read' }],
  menu: [
    {
      key: '/ledger',
      order: 71,
      icon: <BookOutlined />,
      label: (t) => t('ledger.menu'),
      testId: 'nav-ledger',
      group: 'activities',
      access: 'ledger.read',
      to: (orgId) => (orgId ? `/ledger?org=${orgId}` : '/ledger'),
      orgTab: 'ledger',
    },
  ],
  orgTabs: [
    {
      key: 'ledger',
      order: 77,
      label: (t) => t('ledger.menu'),
      access: 'ledger.read',
      render: (org) => <LedgerPage orgId={org.id} />,
    },
  ],
  dashboardCards: [
    {
      key: 'ledger',
      order: 20,
      access: 'ledger.read',
      render: (orgId) => (
        <Suspense fallback={null}>
          <LedgerCard orgId={orgId} style={{ marginTop: 16 }} />
        </Suspense>
      ),
    },
  ],
  workbenchCards: [
    {
      key: 'ledger',
      order: 10,
      access: 'ledger.read',
      render: (orgId) => (
        <Suspense fallback={null}>
          <LedgerCard orgId={orgId} style={{ marginBottom: 16 }} />
        </Suspense>
      ),
    },
  ],
});
