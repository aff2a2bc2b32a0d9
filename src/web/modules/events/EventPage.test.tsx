// @vitest-environment jsdom
import { screen } from '@testing-library/react';
import type * as ReactRouter from 'react-router-dom';
import { describe, expect, it, vi } from 'vitest';
import type { EventReport } from '../../../common/events.js';
import { cadre, fakeApi, renderPage } from '../../testing/dom.js';
import { EventPage } from './EventPage.js';
import { buildEvent } from './events.fixtures.js';

const event = buildEvent();
const report: EventReport = {
  eventId: 4,
  status: 'open',
  figures: { signedUp: 3, confirmed: 3, waitlisted: 0, attended: 0, noShow: 0, cancelled: 0, attendanceRate: 0 },
  closing: null,
};

function answer(method: string, path: string) {
  if (path === '/api/events/4') return { body: event };
  if (path === '/api/events/4/report') return { body: report };
  if (path === '/api/events/4/registrations') return { body: { items: [], nextCursor: null } };
  if (path === '/api/events/4/by-unit') return { body: { items: [] } };
  return method === 'GET' ? undefined : { status: 405 };
}

// The page reads its id from the route: /events/4.
vi.mock('react-router-dom', async (original) => ({
  ...(await original<typeof ReactRouter>()),
  useParams: () => ({ id: '4' }),
}));

const page = () => <EventPage />;

describe('EventPage', { timeout: 240_000 }, () => {
  it('shows cancel, close and copy to a cadre who may write', async () => {
    fakeApi(cadre(['event.read', 'event.write', 'member.read']), answer);
    renderPage(page());
    expect(await screen.findByTestId('event-cancel')).toBeTruthy();
    expect(screen.getByTestId('event-close')).toBeTruthy();
    expect(screen.getByTestId('event-copy')).toBeTruthy();
    expect(screen.getByTestId('event-export')).toBeTruthy();
  });

  it('shows no write button to a reader, who may still export and print', async () => {
    fakeApi(cadre(['event.read']), answer);
    renderPage(page());
    expect(await screen.findByTestId('event-export')).toBeTruthy();
    await screen.findByTestId('session-ready');
    expect(screen.queryByTestId('event-cancel')).toBeNull();
    expect(screen.queryByTestId('event-close')).toBeNull();
    expect(screen.queryByTestId('bulk-signup')).toBeNull();
    expect(screen.getByTestId('event-print')).toBeTruthy();
  });
});
