import { defineWebModule } from '../../app/webModule.js';
import { TransfersTab } from './TransfersTab.js';

/** 会籍转移: transfers in and out of an organisation, a tab of the organisation page. */
export const webModule = defineWebModule({
  orgTabs: [
    {
      key: 'transfers',
      order: 70,
      label: (t) => t('org.tabs.transfers'),
      access: 'member.read',
      render: (org) => <TransfersTab org={org} />,
    },
  ],
});
