import { lazy } from 'react';
import { defineWebModule } from '../../app/webModule.js';

const ScannerPage = lazy(() => import('./ScannerPage.js').then((m) => ({ default: m.ScannerPage })));
const TicketPage = lazy(() => import('./TicketPage.js').then((m) => ({ default: m.TicketPage })));

/** 签到: the cadre's offline scanner of a session, the member's ticket on the phone. */
export const webModule = defineWebModule({
  routes: [{ path: 'events/:id/sessions/:sessionId/check-in', element: <ScannerPage />, access: 'event.write' }],
  publicRoutes: [{ path: '/m/events/tickets/:registrationId', element: <TicketPage /> }],
});
