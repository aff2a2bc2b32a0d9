import { ReadOutlined } from '@ant-design/icons';
import { lazy, Suspense } from 'react';
import { defineWebModule } from '../../app/webModule.js';

const TrainingPage = lazy(() => import('./TrainingPage.js').then((m) => ({ default: m.TrainingPage })));
const SessionPage = lazy(() => import('./SessionPage.js').then((m) => ({ default: m.SessionPage })));
const ReachCard = lazy(() => import('./ReachCard.js').then((m) => ({ default: m.ReachCard })));

/** 送教培训: plans with progress, courses and sessions, teachers, attendance; the reach card of the dashboard. */
export const webModule = defineWebModule({
  routes: [
    { path: 'training', element: <TrainingPage />, access: 'training.read' },
    { path: 'training/sessions/:id', element: <SessionPage />, access: 'training.read' },
  ],
  menu: [
    {
      key: '/training',
      order: 64,
      icon: <ReadOutlined />,
      label: (t) => t('training.menu'),
      testId: 'nav-training',
      group: 'activities',
      access: 'training.read',
      to: (orgId) => (orgId ? `/training?org=${orgId}` : '/training'),
    },
  ],
  dashboardCards: [
    {
      key: 'reach',
      order: 10,
      access: 'event.read',
      render: (orgId) => (
        <Suspense fallback={null}>
          <ReachCard orgId={orgId} />
        </Suspense>
      ),
    },
  ],
});
