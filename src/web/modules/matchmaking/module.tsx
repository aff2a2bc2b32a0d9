import { lazy } from 'react';
import { defineWebModule } from '../../app/webModule.js';

const MatchConsolePage = lazy(() => import('./MatchConsolePage.js').then((m) => ({ default: m.MatchConsolePage })));
const MyMatchmakingPage = lazy(() => import('./MyMatchmakingPage.js').then((m) => ({ default: m.MyMatchmakingPage })));
const MatchmakingPhonePage = lazy(() => import('./MatchmakingPhonePage.js').then((m) => ({ default: m.MatchmakingPhonePage })));

/** 联谊: the member's phone pages (profile, browse, mutual matches, daily tasks) and the cadres' page of an event. */
export const webModule = defineWebModule({
  routes: [{ path: 'events/:id/matchmaking', element: <MatchConsolePage />, access: 'event.read' }],
  publicRoutes: [
    { path: '/m/matchmaking', element: <MyMatchmakingPage /> },
    { path: '/m/matchmaking/:eventId', element: <MatchmakingPhonePage /> },
  ],
});
