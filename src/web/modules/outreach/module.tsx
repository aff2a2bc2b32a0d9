import { CommentOutlined } from '@ant-design/icons';
import { lazy } from 'react';
import { defineWebModule } from '../../app/webModule.js';

const OutreachPage = lazy(() => import('./OutreachPage.js').then((m) => ({ default: m.OutreachPage })));
const MeetingPage = lazy(() => import('./MeetingPage.js').then((m) => ({ default: m.MeetingPage })));
const MeetingSheetPage = lazy(() => import('./MeetingSheetPage.js').then((m) => ({ default: m.MeetingSheetPage })));

/** 双沟通: outreach meetings and the employers' unionisation pipeline. */
export const webModule = defineWebModule({
  routes: [
    { path: 'outreach', element: <OutreachPage />, access: 'member.read' },
    { path: 'outreach/meetings/:id', element: <MeetingPage />, access: 'member.read' },
    { path: 'outreach/meetings/:id/sheet', element: <MeetingSheetPage />, access: 'member.read' },
  ],
  menu: [
    {
      key: '/outreach',
      order: 60,
      icon: <CommentOutlined />,
      label: (t) => t('outreach.menu'),
      testId: 'nav-outreach',
      access: 'member.read',
      to: (orgId) => (orgId ? `/outreach?org=${orgId}` : '/outreach'),
    },
  ],
});
