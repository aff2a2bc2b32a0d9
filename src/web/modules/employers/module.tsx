import { lazy } from 'react';
import { defineWebModule } from '../../app/webModule.js';

const EmployersTab = lazy(() => import('./EmployersTab.js').then((m) => ({ default: m.EmployersTab })));

/** 企业: the employers attributed to an organisation's subtree, a tab of the organisation page. */
export const webModule = defineWebModule({
  orgTabs: [
    {
      key: 'employers',
      order: 30,
      label: (t) => t('org.tabs.employers'),
      access: 'employer.read',
      render: (org) => <EmployersTab org={org} />,
    },
  ],
});
