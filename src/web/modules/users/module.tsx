import { AuditOutlined, TeamOutlined } from '@ant-design/icons';
import { lazy } from 'react';
import { defineWebModule } from '../../app/webModule.js';

const AuditPage = lazy(() => import('./AuditPage.js').then((m) => ({ default: m.AuditPage })));
const UsersPage = lazy(() => import('./UsersPage.js').then((m) => ({ default: m.UsersPage })));

/** 用户管理 and 操作日志. */
export const webModule = defineWebModule({
  routes: [
    { path: 'users', element: <UsersPage />, access: 'user.read' },
    { path: 'audit', element: <AuditPage />, access: 'audit.read' },
  ],
  menu: [
    {
      key: '/users',
      order: 80,
      icon: <TeamOutlined />,
      label: (t) => t('users.menu'),
      testId: 'nav-users',
      access: 'user.read',
      group: 'admin',
      to: () => '/users',
    },
    {
      key: '/audit',
      order: 90,
      icon: <AuditOutlined />,
      label: (t) => t('audit.menu'),
      testId: 'nav-audit',
      access: 'audit.read',
      group: 'admin',
      to: () => '/audit',
    },
  ],
});
