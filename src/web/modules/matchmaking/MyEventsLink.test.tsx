// @vitest-environment jsdom
import { configure, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { MemberEvent, MemberRegistration } from '../../../common/events.js';
import { cadre, fakeApi, renderPage } from '../../testing/dom.js';
import { eventWith, registrationWith, sessionWith, signedInMember } from '../myevents/myevents.fixtures.js';
import { MyEventsPage } from '../myevents/MyEventsPage.js';
import { MyMatchmakingPage } from './MyMatchmakingPage.js';

// antd's first render is slow on a busy machine: wait longer than the default second for what the page shows.
configure({ asyncUtilTimeout: 30_000 });

function serve(events: MemberEvent[], registrations: MemberRegistration[]) {
  fakeApi(cadre([]), (_method, path) => {
    if (path === '/api/portal/me') return { body: signedInMember };
    if (path === '/api/portal/events') return { body: { items: events, now: '2026-06-01T00:00:00Z' } };
    if (path === '/api/portal/events/registrations') return { body: { items: registrations } };
    return undefined;
  });
}

const session = sessionWith(11, '2026-05-20T00:00:00+08:00', '2026-05-30T00:00:00+08:00');

describe('the way to matchmaking from my sign-ups', () => {
  it('a confirmed registration of a 联谊 event links to its matchmaking page; another kind does not', async () => {
    serve(
      [
        eventWith([session], { id: 5, kind: 'matchmaking', title: '燕缘际会' }),
        eventWith([sessionWith(12, '2026-05-20T00:00:00+08:00', '2026-05-30T00:00:00+08:00')]),
      ],
      [registrationWith({ id: 501, eventId: 5, eventTitle: '燕缘际会' }), registrationWith({ id: 502, eventId: 1, sessionId: 12 })],
    );
    renderPage(<MyEventsPage />);
    const mine = await screen.findByTestId('my-registration-501');
    expect(mine.querySelector('[data-testid="my-matchmaking-link"]')?.getAttribute('href')).toBe('/m/matchmaking/5');
    expect(screen.getByTestId('my-registration-502').querySelector('[data-testid="my-matchmaking-link"]')).toBeNull();
  });

  it('/m/matchmaking lists the events I take part in once each (an entry waiting for the ranking too), not a cancelled one', async () => {
    serve(
      [],
      [
        registrationWith({ id: 501, eventId: 5, eventTitle: '燕缘际会' }),
        registrationWith({ id: 502, eventId: 5, eventTitle: '燕缘际会', status: 'waitlisted' }),
        registrationWith({ id: 503, eventId: 6, status: 'cancelled' }),
        registrationWith({ id: 504, eventId: 7, eventTitle: '燕缘际会·音乐会', status: 'entered' }),
      ],
    );
    renderPage(<MyMatchmakingPage />);
    expect((await screen.findByTestId('match-event-5')).getAttribute('href')).toBe('/m/matchmaking/5');
    expect(screen.getAllByTestId('match-event-5')).toHaveLength(1);
    expect(screen.getByTestId('match-event-7').getAttribute('href')).toBe('/m/matchmaking/7');
    expect(screen.queryByTestId('match-event-6')).toBeNull();
  });
});
