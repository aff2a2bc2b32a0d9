import { CloudUploadOutlined } from '@ant-design/icons';
import { lazy } from 'react';
import { defineWebModule } from '../../app/webModule.js';

const ImportsTab = lazy(() => import('./ImportsTab.js').then((m) => ({ default: m.ImportsTab })));

/** 名册导入: roster imports, a tab of the organisation page. */
export const webModule = defineWebModule({
  menu: [
    {
      key: '/imports',
      order: 50,
      icon: <CloudUploadOutlined />,
      label: (t) => t('imports.menu'),
      testId: 'nav-imports',
      group: 'entry',
      access: 'member.read',
      to: (orgId) => (orgId ? `/orgs/${orgId}?tab=imports` : '/'),
      orgTab: 'imports',
      badge: 'imports.failed',
    },
  ],
  orgTabs: [
    {
      key: 'imports',
      order: 80,
      label: (t) => t('org.tabs.imports'),
      access: 'member.read',
      render: (org) => <ImportsTab org={org} />,
      badge: 'imports.failed',
    },
  ],
  todos: [{ key: 'imports.failed', order: 30, label: (t) => t('imports.todo'), to: (orgId) => `/orgs/${orgId}?tab=imports` }],
});
