import { ApartmentOutlined } from '@ant-design/icons';
import { lazy } from 'react';
import { defineWebModule } from '../../app/webModule.js';

const OrgPage = lazy(() => import('./OrgPage.js').then((m) => ({ default: m.OrgPage })));

/** 组织体系: the organisation pages (the tree itself sits in the shell). */
export const webModule = defineWebModule({
  routes: [{ path: 'orgs/:id', element: <OrgPage /> }],
  menu: [{ key: '/orgs', order: 10, icon: <ApartmentOutlined />, label: (t) => t('org.menu'), testId: 'nav-orgs', to: () => '/' }],
});
