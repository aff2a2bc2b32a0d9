import { FileTextOutlined } from '@ant-design/icons';
import { lazy } from 'react';
import { defineWebModule } from '../../app/webModule.js';

const LedgerImportPage = lazy(() => import('./LedgerImportPage.js').then((m) => ({ default: m.LedgerImportPage })));

/** The report import of the work ledger: a union-paper page → proposed entries → confirmed entries. */
export const webModule = defineWebModule({
  routes: [{ path: 'ledger/import', element: <LedgerImportPage />, access: 'ledger.write' }],
  menu: [
    {
      key: '/ledger/import',
      order: 71.5,
      icon: <FileTextOutlined />,
      label: (t) => t('ledgerImport.menu'),
      testId: 'nav-ledger-import',
      group: 'activities',
      access: 'ledger.write',
      to: (orgId) => (orgId ? `/ledger/import?org=${orgId}` : '/ledger/import'),
    },
  ],
});
