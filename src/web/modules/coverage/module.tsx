import { BarChartOutlined } from '@ant-design/icons';
import { lazy } from 'react';
import { defineWebModule } from '../../app/webModule.js';

// ECharts is large: load it only when the dashboard opens.
const DashboardPage = lazy(() => import('./DashboardPage.js').then((m) => ({ default: m.DashboardPage })));

/** 数据看板: coverage figures of a subtree. */
export const webModule = defineWebModule({
  routes: [{ path: 'dashboard', element: <DashboardPage />, access: 'coverage.read' }],
  menu: [
    {
      key: '/dashboard',
      order: 20,
      icon: <BarChartOutlined />,
      label: (t) => t('dashboard.menu'),
      testId: 'nav-dashboard',
      access: 'coverage.read',
      to: () => '/dashboard',
    },
  ],
});
