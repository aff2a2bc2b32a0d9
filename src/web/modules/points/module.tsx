import { GiftOutlined } from '@ant-design/icons';
import { lazy } from 'react';
import { defineWebModule } from '../../app/webModule.js';

// ── programmes, awards, the cadre's view ──
const ProgrammesPage = lazy(() => import('./ProgrammesPage.js').then((m) => ({ default: m.ProgrammesPage })));
const ProgrammePage = lazy(() => import('./ProgrammePage.js').then((m) => ({ default: m.ProgrammePage })));

/** 积分: programmes, awards and the cadre's figures (merchants and the member's pages in their own block). */
export const webModule = defineWebModule({
  routes: [
    // ── programmes ──
    { path: 'points/programmes', element: <ProgrammesPage />, access: 'points.read' },
    { path: 'points/programmes/:id', element: <ProgrammePage />, access: 'points.read' },
  ],
  menu: [
    // ── programmes ──
    {
      key: '/points/programmes',
      order: 65,
      icon: <GiftOutlined />,
      label: (t) => t('programmes.menu'),
      testId: 'nav-points-programmes',
      access: 'points.read',
      to: (orgId) => (orgId ? `/points/programmes?org=${orgId}` : '/points/programmes'),
    },
  ],
});
