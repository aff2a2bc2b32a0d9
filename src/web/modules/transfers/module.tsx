import { lazy } from 'react';
import { defineWebModule } from '../../app/webModule.js';

const TransfersTab = lazy(() => import('./TransfersTab.js').then((m) => ({ default: m.TransfersTab })));

/** 会籍转移: transfers in and out of an organisation, a tab of the organisation page. */
export const webModule = defineWebModule({
  orgTabs: [
    {
      key: 'transfers',
      order: 70,
      label: (t) => t('org.tabs.transfers'),
      access: 'member.read',
      render: (org) => <TransfersTab org={org} />,
      badge: 'transfers.toConfirm',
    },
  ],
  // 待确认 on the 工作台: pending transfers out, which the releasing union confirms.
  todos: [
    {
      key: 'transfers.toConfirm',
      order: 20,
      label: (t) => t('transfer.todo'),
      to: (orgId) => `/orgs/${orgId}?tab=transfers&direction=outgoing`,
    },
  ],
});
