// @vitest-environment jsdom
import { configure, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { MemberEvent, MemberRegistration } from '../../../common/events.js';
import { cadre, fakeApi, renderPage } from '../../testing/dom.js';
import { eventWith, registrationWith, sessionWith, signedInMember } from './myevents.fixtures.js';
import { MyEventsPage } from './MyEventsPage.js';

// antd's first render is slow on a busy machine: wait longer than the default second for what the page shows.
configure({ asyncUtilTimeout: 30_000 });

/** Beijing midnight opening 1 June 2026: 2026-05-31T16:00:00Z. */
const JUNE_1 = '2026-06-01T00:00:00+08:00';
const JUNE_8 = '2026-06-08T00:00:00+08:00';

/** The member pages answering these events (at the server's `now`) and registrations. */
function serve(now: string, events: MemberEvent[], registrations: () => MemberRegistration[]) {
  return fakeApi(cadre([]), (method, path, _url, body) => {
    if (path === '/api/portal/me') return { body: signedInMember };
    if (path === '/api/portal/events') return { body: { items: events, now } };
    if (method === 'GET' && path === '/api/portal/events/registrations') return { body: { items: registrations() } };
    if (method === 'POST' && path === '/api/portal/events/preferences')
      return { status: 201, body: registrationWith({ sessionId: (body as { sessionIds: number[] }).sessionIds[0]!, status: 'entered' }) };
    if (method === 'POST' && path === '/api/portal/events/registrations')
      return { status: 201, body: registrationWith({ sessionId: (body as { sessionId: number }).sessionId }) };
    const accept = /^\/api\/portal\/events\/registrations\/(\d+)\/accept$/u.exec(path);
    if (method === 'POST' && accept) return { body: registrationWith({ id: Number(accept[1]), status: 'confirmed' }) };
    return undefined;
  });
}

async function sessionCard(id: number) {
  return within(await screen.findByTestId(`my-session-${id}`));
}

afterEach(() => {
  vi.useRealTimers();
});

describe('MyEventsPage: the sign-up window [opensAt, closesAt) in Beijing time', () => {
  it('hides the button at the deadline, Beijing midnight, and says 已截止', async () => {
    // The server's clock reads exactly the deadline: the window is half-open, so it is closed.
    serve(JUNE_1, [eventWith([sessionWith(11, '2026-05-20T00:00:00+08:00', JUNE_1)])], () => []);
    renderPage(<MyEventsPage />);
    const card = await sessionCard(11);
    expect(card.getByTestId('my-session-window').textContent).toBe('已截止');
    expect(card.queryByTestId('my-session-sign-up')).toBeNull();
  });

  it('hides the button before the window opens at Beijing midnight and says 未开始', async () => {
    serve('2026-05-31T23:59:00+08:00', [eventWith([sessionWith(11, JUNE_1, JUNE_8)])], () => []);
    renderPage(<MyEventsPage />);
    const card = await sessionCard(11);
    expect(card.getByTestId('my-session-window').textContent).toBe('未开始');
    expect(card.queryByTestId('my-session-sign-up')).toBeNull();
    // The window's ends read as Beijing's clock whatever the phone's zone: 6/1 00:00, not 5/31.
    expect(card.getByText(/2026\/6\/1 00:00:00 至 2026\/6\/8 00:00:00/u)).toBeTruthy();
  });

  it('shows the button inside the window, just before the deadline, and signs up with a fresh idempotency key', async () => {
    const calls = serve('2026-05-31T23:59:00+08:00', [eventWith([sessionWith(11, '2026-05-20T00:00:00+08:00', JUNE_1)])], () => []);
    renderPage(<MyEventsPage />);
    const card = await sessionCard(11);
    expect(card.getByTestId('my-session-window').textContent).toBe('报名中');
    fireEvent.click(card.getByTestId('my-session-sign-up'));
    await waitFor(() => expect(calls.some((c) => c.method === 'POST')).toBe(true));
    const sent = calls.find((c) => c.method === 'POST')!.body as { sessionId: number; key: string };
    expect(sent.sessionId).toBe(11);
    expect(sent.key).toMatch(/^[0-9a-f-]{36}$/u);
  });

  it('takes the button away when the deadline passes while the page is open', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    const phone = Date.parse('2026-05-31T15:59:59.800Z');
    vi.setSystemTime(phone);
    serve('2026-05-31T15:59:59.800Z', [eventWith([sessionWith(11, '2026-05-20T00:00:00+08:00', JUNE_1)])], () => []);
    renderPage(<MyEventsPage />);
    const card = await sessionCard(11);
    expect(card.getByTestId('my-session-sign-up')).toBeTruthy();
    // The phone's clock passes Beijing midnight; the page looks again at the deadline without being reloaded.
    vi.setSystemTime(phone + 1000);
    await waitFor(() => expect(card.queryByTestId('my-session-sign-up')).toBeNull());
    expect(card.getByTestId('my-session-window').textContent).toBe('已截止');
  });

  it('asks for a cover only for an event that has one', async () => {
    const OPEN = ['2026-05-20T00:00:00+08:00', JUNE_1] as const;
    serve(
      '2026-05-31T12:00:00+08:00',
      [eventWith([sessionWith(11, ...OPEN)], { id: 7, hasCover: true }), eventWith([sessionWith(12, ...OPEN)], { id: 8 })],
      () => [],
    );
    renderPage(<MyEventsPage />);
    expect((await screen.findByTestId('my-event-cover-7')).getAttribute('src')).toBe('/api/portal/events/7/cover');
    expect(screen.queryByTestId('my-event-cover-8')).toBeNull();
  });

  it('says 报名后抽签 for a lottery session', async () => {
    serve(
      '2026-05-31T12:00:00+08:00',
      [eventWith([sessionWith(11, '2026-05-20T00:00:00+08:00', JUNE_1)], { selection: 'lottery' })],
      () => [],
    );
    renderPage(<MyEventsPage />);
    expect((await sessionCard(11)).getByText('报名后抽签')).toBeTruthy();
  });
});

describe('MyEventsPage: entries to a draw', () => {
  const OPEN = ['2026-05-20T00:00:00+08:00', JUNE_1] as const;

  it('takes the button away once I have entered a lottery (an entry, not a place, still holds the session)', async () => {
    serve('2026-05-31T12:00:00+08:00', [eventWith([sessionWith(11, ...OPEN)], { selection: 'lottery' })], () => [
      registrationWith({ id: 503, sessionId: 11, status: 'entered' }),
    ]);
    renderPage(<MyEventsPage />);
    const card = await sessionCard(11);
    expect(card.getByText('已报名')).toBeTruthy();
    expect(card.queryByTestId('my-session-sign-up')).toBeNull();
  });

  it('tells me my group when the session was grouped at random, and nothing when it was not', async () => {
    serve('2026-05-31T12:00:00+08:00', [eventWith([sessionWith(11, ...OPEN)])], () => [
      registrationWith({ id: 504, sessionId: 11, groupNo: 3 }),
      registrationWith({ id: 505, sessionId: 12 }),
    ]);
    renderPage(<MyEventsPage />);
    const grouped = within(await screen.findByTestId('my-registration-504'));
    expect(grouped.getByTestId('my-group').textContent).toBe('第3组');
    expect(within(screen.getByTestId('my-registration-505')).queryByTestId('my-group')).toBeNull();
  });

  it('ranks the sessions of a preferences event, best first, and sends them with one key', async () => {
    let mine: MemberRegistration[] = [];
    const event = eventWith([sessionWith(11, ...OPEN), sessionWith(12, ...OPEN), sessionWith(13, ...OPEN)], {
      id: 9,
      selection: 'preferences',
    });
    const calls = serve('2026-05-31T12:00:00+08:00', [event], () => mine);
    renderPage(<MyEventsPage />);
    const picker = within(await screen.findByTestId('my-preferences-9'));
    // No per-session button: a preferences event is entered once.
    expect((await sessionCard(11)).queryByTestId('my-session-sign-up')).toBeNull();
    expect((picker.getByTestId('my-preferences-submit') as HTMLButtonElement).disabled).toBe(true);
    fireEvent.click(picker.getByTestId('my-preference-choose-13'));
    fireEvent.click(picker.getByTestId('my-preference-choose-11'));
    // 13 was ticked first; move 11 up to be the first choice.
    fireEvent.click(picker.getAllByRole('button', { name: '上移' })[1]!);
    expect(picker.getByTestId('my-preferences-order').textContent).toMatch(/第1志愿.*第2志愿/u);
    mine = [registrationWith({ id: 504, sessionId: 11, status: 'entered' })];
    fireEvent.click(picker.getByTestId('my-preferences-submit'));
    await waitFor(() => expect(calls.some((c) => c.method === 'POST')).toBe(true));
    const sent = calls.find((c) => c.method === 'POST')!.body as { eventId: number; sessionIds: number[]; key: string };
    expect(sent.eventId).toBe(9);
    expect(sent.sessionIds).toEqual([11, 13]);
    expect(sent.key).toMatch(/^[0-9a-f-]{36}$/u);
    // Entered: the picker is gone after the page looks again.
    await waitFor(() => expect(screen.queryByTestId('my-preferences-9')).toBeNull());
  });
});

describe('MyEventsPage: my registrations', () => {
  it('shows my place on the waitlist', async () => {
    serve(JUNE_1, [], () => [registrationWith({ id: 501, status: 'waitlisted', waitlistPosition: 3 })]);
    renderPage(<MyEventsPage />);
    const item = within(await screen.findByTestId('my-registration-501'));
    expect(item.getByTestId('my-registration-status').textContent).toBe('候补中');
    expect(item.getByTestId('my-waitlist-position').textContent).toBe('候补第 3 位');
    expect(item.queryByTestId('my-ticket-link')).toBeNull();
  });

  it('shows an offer with its expiry in Beijing time and accepts it, then links the e-ticket', async () => {
    let status: MemberRegistration['status'] = 'offered';
    const calls = serve(JUNE_1, [], () => [
      registrationWith({ id: 502, status, offerExpiresAt: status === 'offered' ? '2026-06-01T16:00:00Z' : null }),
    ]);
    renderPage(<MyEventsPage />);
    const item = within(await screen.findByTestId('my-registration-502'));
    expect(item.getByTestId('my-offer-expires').textContent).toBe('请在 2026/6/2 00:00:00 前确认');
    status = 'confirmed';
    fireEvent.click(item.getByTestId('my-offer-accept'));
    await waitFor(() => expect(calls.some((c) => c.method === 'POST' && c.url.pathname.endsWith('/502/accept'))).toBe(true));
    const link = await screen.findByTestId('my-ticket-link');
    expect(link.getAttribute('href')).toBe('/m/events/tickets/502');
    expect(screen.getByTestId('my-registration-status').textContent).toBe('已确认');
  });
});

describe('MyEventsPage: overlapping reloads', () => {
  it('keeps the newer list when an older reload answers last (two sign-ups in a row)', async () => {
    const window = [JUNE_1, JUNE_8] as const;
    const calls = serve('2026-06-02T09:00:00+08:00', [eventWith([sessionWith(11, ...window), sessionWith(12, ...window)])], () =>
      calls
        .filter((c) => c.method === 'POST' && c.url.pathname === '/api/portal/events/registrations')
        .map((c) => {
          const sessionId = (c.body as { sessionId: number }).sessionId;
          return registrationWith({ id: 500 + sessionId, sessionId });
        }),
    );
    // The reload after the first sign-up answers last: its answer (one registration) is held until the second
    // reload (two registrations) has been shown.
    const served = globalThis.fetch;
    let lists = 0;
    let release: () => void = () => undefined;
    const held = new Promise<void>((resolve) => (release = resolve));
    vi.stubGlobal('fetch', async (input: string, init?: RequestInit) => {
      const answer = await served(input, init);
      const isList =
        (init?.method ?? 'GET') === 'GET' && new URL(input, 'http://console.test').pathname === '/api/portal/events/registrations';
      if (isList && ++lists === 2) await held;
      return answer;
    });
    renderPage(<MyEventsPage />);
    fireEvent.click((await sessionCard(11)).getByTestId('my-session-sign-up'));
    await waitFor(() => expect(lists).toBe(2));
    fireEvent.click((await sessionCard(12)).getByTestId('my-session-sign-up'));
    await screen.findByTestId('my-registration-512');
    release();
    await waitFor(() => expect(lists).toBe(3));
    // The held answer is in memory: a fifth of a second is many times what reading it and rendering take.
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(screen.queryByTestId('my-registration-512')).not.toBeNull();
    expect(screen.queryByTestId('my-registration-511')).not.toBeNull();
  });
});
