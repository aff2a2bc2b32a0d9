// @vitest-environment jsdom
import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import type { EventDetail, SessionInput } from '../../../common/events.js';
import { cadre, fakeApi, renderPage } from '../../testing/dom.js';
import { EventFormModal } from './EventFormModal.js';
import { buildEvent } from './events.fixtures.js';
import { addDays, repeatDaily } from './sessionRows.js';

const created = buildEvent({ id: 9 });

describe('sessions repeat helper', () => {
  it('puts 33 trips on successive days, across a month end, with the same times and place', () => {
    const rows = repeatDaily({ date: '2026-06-20', start: '08:00', end: '17:00', place: '中关村', capacity: 45 }, 33);
    expect(rows).toHaveLength(33);
    expect(rows[0]!.date).toBe('2026-06-20');
    expect(rows[10]!.date).toBe('2026-06-30');
    expect(rows[11]!.date).toBe('2026-07-01');
    expect(rows[32]).toMatchObject({ date: '2026-07-22', start: '08:00', place: '中关村', capacity: 45 });
    expect(addDays('2028-02-28', 1)).toBe('2028-02-29');
  });
});

describe('EventFormModal', { timeout: 240_000 }, () => {
  it('repeats the first session over successive days and sends them with Beijing times', async () => {
    const calls = fakeApi(cadre(['event.read', 'event.write']), (method, path) =>
      method === 'POST' && path === '/api/events' ? { status: 201, body: created } : undefined,
    );
    let done: EventDetail | undefined;
    renderPage(<EventFormModal orgId={2} onClose={() => undefined} onDone={(e) => (done = e)} />);
    await userEvent.type(await screen.findByTestId('event-title'), '科技+杏福');
    await userEvent.type(screen.getByTestId('session-place-0'), '中关村');
    await userEvent.type(screen.getByTestId('session-repeat-count'), '3');
    await userEvent.click(screen.getByTestId('session-repeat'));
    expect(await screen.findByTestId('session-row-2')).toBeTruthy();
    await userEvent.click(screen.getByTestId('event-ok'));
    await waitFor(() => expect(done?.id).toBe(9));
    expect(calls).toHaveLength(1);
    const body = calls[0]!.body as { orgId: number; title: string; sessions: SessionInput[] };
    expect(body).toMatchObject({ orgId: 2, title: '科技+杏福', selection: 'first_come' });
    expect(body.sessions).toHaveLength(3);
    const days = body.sessions.map((s) => s.startsAt.slice(0, 10));
    expect(days[1]).toBe(addDays(days[0]!, 1));
    expect(days[2]).toBe(addDays(days[0]!, 2));
    for (const s of body.sessions) {
      expect(s.startsAt).toMatch(/T09:00:00\+08:00$/u);
      expect(s.endsAt).toMatch(/T11:00:00\+08:00$/u);
      expect(s).toMatchObject({ place: '中关村', capacity: 50, closesAt: s.startsAt });
    }
  });

  it('gives every session of a first-come event the unit quotas picked in the form', async () => {
    const calls = fakeApi(cadre(['event.read', 'event.write']), (method, path) => {
      if (method === 'GET' && path === '/api/orgs/search')
        return { body: { items: [{ id: 7, name: '中关村科技园工会', kind: 'grassroots_union', trail: ['海淀区总工会'] }] } };
      return method === 'POST' && path === '/api/events' ? { status: 201, body: created } : undefined;
    });
    let done: EventDetail | undefined;
    renderPage(<EventFormModal orgId={2} onClose={() => undefined} onDone={(e) => (done = e)} />);
    await userEvent.type(await screen.findByTestId('event-title'), '科技+杏福');
    await userEvent.type(screen.getByTestId('session-place-0'), '中关村');
    await userEvent.type(screen.getByTestId('session-repeat-count'), '2');
    await userEvent.click(screen.getByTestId('session-repeat'));
    await userEvent.type(screen.getByTestId('quota-unit-search').querySelector('input') ?? document.body, '中关村');
    await userEvent.click(await screen.findByTestId('org-option-7'));
    const places = await screen.findByTestId('quota-places-7');
    await userEvent.clear(places);
    await userEvent.type(places, '10');
    await userEvent.click(screen.getByTestId('event-ok'));
    await waitFor(() => expect(done?.id).toBe(9));
    const body = calls.find((c) => c.method === 'POST')!.body as { sessions: SessionInput[] };
    expect(body.sessions.map((s) => s.quotas)).toEqual([[{ orgId: 7, places: 10 }], [{ orgId: 7, places: 10 }]]);
  });

  it('refuses a session without a place before sending', async () => {
    const calls = fakeApi(cadre(['event.read', 'event.write']), () => ({ status: 201, body: created }));
    renderPage(<EventFormModal orgId={2} onClose={() => undefined} onDone={() => undefined} />);
    await userEvent.type(await screen.findByTestId('event-title'), '观影');
    await userEvent.click(screen.getByTestId('event-ok'));
    expect(await screen.findByText('请填写每个班次的日期、时间、地点和名额')).toBeTruthy();
    expect(calls).toHaveLength(0);
  });
});
