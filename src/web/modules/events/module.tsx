import { CalendarOutlined } from '@ant-design/icons';
import { lazy } from 'react';
import { defineWebModule } from '../../app/webModule.js';

const EventsPage = lazy(() => import('./EventsPage.js').then((m) => ({ default: m.EventsPage })));
const EventPage = lazy(() => import('./EventPage.js').then((m) => ({ default: m.EventPage })));
const SignInSheetPage = lazy(() => import('./SignInSheetPage.js').then((m) => ({ default: m.SignInSheetPage })));

/** 活动: the cadres' console of events — list, create and copy, sessions, registrations, by union, export, sign-in sheet (the public draw results: public.tsx). */
export const webModule = defineWebModule({
  routes: [
    { path: 'events', element: <EventsPage />, access: 'event.read' },
    { path: 'events/:id', element: <EventPage />, access: 'event.read' },
    { path: 'events/:id/sign-in', element: <SignInSheetPage />, access: 'event.read' },
  ],
  menu: [
    {
      key: '/events',
      order: 61,
      icon: <CalendarOutlined />,
      label: (t) => t('events.menu'),
      testId: 'nav-events',
      group: 'activities',
      access: 'event.read',
      to: (orgId) => (orgId ? `/events?org=${orgId}` : '/events'),
      orgTab: 'events',
    },
  ],
  orgTabs: [
    {
      key: 'events',
      order: 76,
      label: (t) => t('events.menu'),
      access: 'event.read',
      render: (org) => <EventsPage orgId={org.id} />,
    },
  ],
});
