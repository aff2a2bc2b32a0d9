import { MessageOutlined } from '@ant-design/icons';
import { lazy } from 'react';
import type { Me } from '../../../common/auth.js';
import { defineWebModule } from '../../app/webModule.js';

const OutboxPage = lazy(() => import('./OutboxPage.js').then((m) => ({ default: m.OutboxPage })));

// The outbox is the city federation's: a federation admin granted at the root.
const isRootAdmin = (me: Me) => me.grants.some((g) => g.role === 'federation_admin' && g.orgKind === 'city_federation');

/** 短信发件箱: every text message sent (the server refuses anyone else). */
export const webModule = defineWebModule({
  routes: [{ path: 'messages', element: <OutboxPage /> }],
  menu: [
    {
      key: '/messages',
      order: 100,
      icon: <MessageOutlined />,
      label: (t) => t('outbox.nav'),
      testId: 'nav-messages',
      access: isRootAdmin,
      group: 'admin',
      to: () => '/messages',
    },
  ],
});
