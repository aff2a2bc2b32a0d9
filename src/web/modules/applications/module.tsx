import { FormOutlined, SolutionOutlined } from '@ant-design/icons';
import { lazy } from 'react';
import { coveringKinds } from '../../../common/orgs.js';
import { defineWebModule } from '../../app/webModule.js';

const ReviewTab = lazy(() => import('./ReviewTab.js').then((m) => ({ default: m.ReviewTab })));

const IntakePage = lazy(() => import('./IntakePage.js').then((m) => ({ default: m.IntakePage })));

/** 入会审核 (a tab of the organisation page) and 快速录入 (cadre intake). */
export const webModule = defineWebModule({
  routes: [{ path: 'intake', element: <IntakePage />, access: 'member.write' }],
  menu: [
    {
      key: '/review',
      order: 40,
      icon: <SolutionOutlined />,
      label: (t) => t('application.menu'),
      testId: 'nav-review',
      access: 'member.read',
      to: (orgId) => (orgId ? `/orgs/${orgId}?tab=applications` : '/'),
      orgTab: 'applications',
      badge: 'applications.pending',
    },
    {
      key: '/intake',
      order: 70,
      icon: <FormOutlined />,
      label: (t) => t('intake.menu'),
      testId: 'nav-intake',
      group: 'entry',
      access: 'member.write',
      to: (orgId) => (orgId ? `/intake?org=${orgId}` : '/intake'),
    },
  ],
  orgTabs: [
    {
      key: 'applications',
      order: 60,
      label: (t) => t('org.tabs.applications'),
      access: 'member.read',
      render: (org) => <ReviewTab orgId={org.id} orgKindIsCovering={coveringKinds.includes(org.kind)} />,
      badge: 'applications.pending',
    },
  ],
  // 待审核 on the 工作台: the review queue (pending is its default filter).
  todos: [
    { key: 'applications.pending', order: 10, label: (t) => t('application.todo'), to: (orgId) => `/orgs/${orgId}?tab=applications` },
  ],
});
