import { DesktopOutlined } from '@ant-design/icons';
import { lazy } from 'react';
import { defineWebModule } from '../../app/webModule.js';

const WorkbenchPage = lazy(() => import('./WorkbenchPage.js').then((m) => ({ default: m.WorkbenchPage })));

/** 工作台: the console's home — what waits for the caller, their nodes' key figures, recent activity. */
export const webModule = defineWebModule({
  routes: [{ path: 'workbench', element: <WorkbenchPage /> }],
  menu: [
    {
      key: '/workbench',
      order: 5,
      icon: <DesktopOutlined />,
      label: (t) => t('workbench.menu'),
      testId: 'nav-workbench',
      to: () => '/workbench',
    },
  ],
});
