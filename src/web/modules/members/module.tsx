import { IdcardOutlined } from '@ant-design/icons';
import { lazy } from 'react';
import { defineWebModule } from '../../app/webModule.js';

const MembersTab = lazy(() => import('./MembersTab.js').then((m) => ({ default: m.MembersTab })));

/** 会员: the members of an organisation's subtree, a tab of the organisation page. */
export const webModule = defineWebModule({
  menu: [
    {
      key: '/members',
      order: 30,
      icon: <IdcardOutlined />,
      label: (t) => t('member.menu'),
      testId: 'nav-members',
      access: 'member.read',
      to: (orgId) => (orgId ? `/orgs/${orgId}?tab=members` : '/'),
      orgTab: 'members',
    },
  ],
  orgTabs: [
    {
      key: 'members',
      order: 50,
      label: (t) => t('org.tabs.members'),
      access: 'member.read',
      render: (org) => <MembersTab orgId={org.id} orgName={org.name} />,
    },
  ],
});
