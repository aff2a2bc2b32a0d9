// @vitest-environment jsdom
import { fireEvent, screen, waitFor } from '@testing-library/react';
import type * as ReactRouter from 'react-router-dom';
import { describe, expect, it, vi } from 'vitest';
import { cadre, fakeApi, renderPage } from '../../testing/dom.js';
import { SessionPage } from './SessionPage.js';
import { buildSession } from './training.fixtures.js';

const session = buildSession();

function answer(method: string, path: string) {
  if (method === 'POST' && path === '/api/training/sessions/21/sign-up')
    return { status: 201, body: { ...session, eventSessionId: 90, eventId: 45 } };
  if (path === '/api/training/sessions/21') return { body: session };
  if (path === '/api/training/sessions/21/attendance') return { body: { items: [], nextCursor: null, total: { count: 0, kind: 'exact' } } };
  return undefined;
}

// The page reads its id from the route: /training/sessions/21.
vi.mock('react-router-dom', async (original) => ({
  ...(await original<typeof ReactRouter>()),
  useParams: () => ({ id: '21' }),
}));

describe('SessionPage', { timeout: 240_000 }, () => {
  it('gives a cadre who may write the member picker to mark attendance', async () => {
    fakeApi(cadre(['training.read', 'training.write', 'member.read']), answer);
    renderPage(<SessionPage />);
    expect(await screen.findByTestId('attendance-member-search')).toBeTruthy();
    expect(screen.getByTestId('attendance-ids')).toBeTruthy();
  });

  it('shows a reader the session and its list without any marking', async () => {
    fakeApi(cadre(['training.read', 'member.read']), answer);
    renderPage(<SessionPage />);
    expect(await screen.findByTestId('training-session-page')).toBeTruthy();
    expect(await screen.findByText('尚无签到')).toBeTruthy();
    expect(screen.queryByTestId('attendance-member-search')).toBeNull();
    expect(screen.queryByTestId('attendance-mark')).toBeNull();
  });

  it('opens sign-up through the events machinery with the places asked, then links to the event', async () => {
    const calls = fakeApi(cadre(['training.read', 'training.write', 'member.read']), answer);
    renderPage(<SessionPage />);
    fireEvent.click(await screen.findByTestId('training-sign-up-open'));
    const places = await screen.findByTestId('training-sign-up-capacity');
    fireEvent.change(places, { target: { value: '60' } });
    fireEvent.click(screen.getByTestId('training-sign-up-ok'));
    await waitFor(() => expect(calls.some((c) => c.method === 'POST')).toBe(true));
    expect(calls.find((c) => c.method === 'POST')!.body).toEqual({ capacity: 60 });
    const link = await screen.findByTestId('training-sign-up-event');
    expect(link.getAttribute('href')).toBe('/events/45');
  });
});
