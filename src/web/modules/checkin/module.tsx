import { lazy } from 'react';
import { defineWebModule } from '../../app/webModule.js';

const ScannerPage = lazy(() => import('./ScannerPage.js').then((m) => ({ default: m.ScannerPage })));

/** 签到: the cadre's offline scanner of a session (the member's ticket on the phone: public.tsx). */
export const webModule = defineWebModule({
  routes: [{ path: 'events/:id/sessions/:sessionId/check-in', element: <ScannerPage />, access: 'event.write' }],
});
