import { lazy } from 'react';
import { defineWebModule } from '../../app/webModule.js';

const MatchConsolePage = lazy(() => import('./MatchConsolePage.js').then((m) => ({ default: m.MatchConsolePage })));

/** 联谊: the cadres' page of an event (the member's phone pages: public.tsx). */
export const webModule = defineWebModule({
  routes: [{ path: 'events/:id/matchmaking', element: <MatchConsolePage />, access: 'event.read' }],
});
