// @vitest-environment jsdom
import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import type { Reach } from '../../../common/events.reach.js';
import { cadre, fakeApi, renderPage } from '../../testing/dom.js';
import { ReachCard } from './ReachCard.js';
import { beijingMonth, beijingYear, monthsPeriod, periodOf } from './reachPeriod.js';

const reachOf = (from: string, to: string): Reach => ({
  orgId: 2,
  from,
  to,
  people: 1500,
  eventPeople: 1200,
  trainingPeople: 400,
  signUps: 1800,
  attendanceRate: 0.9,
  attended: 1350,
  training: { sessionsHeld: 12, plannedSessions: 30, targetPeople: 3000 },
  children: [],
});

describe('the reach card’s period', { timeout: 240_000 }, () => {
  it('asks for this year first, then last year, then a range of months picked on the card', async () => {
    const calls = fakeApi(cadre(['event.read', 'training.read']), (_m, path, url) =>
      path === '/api/events/reach' ? { body: reachOf(url.searchParams.get('from')!, url.searchParams.get('to')!) } : undefined,
    );
    const asked = () =>
      calls
        .filter((c) => c.url.pathname === '/api/events/reach')
        .map((c) => [c.url.searchParams.get('from'), c.url.searchParams.get('to')]);
    const year = beijingYear(new Date());
    renderPage(<ReachCard orgId={2} />);
    await waitFor(() => expect(asked()).toEqual([[`${year}-01-01`, `${year}-12-31`]]));
    expect(calls[0]!.url.searchParams.get('orgId')).toBe('2');
    expect(await screen.findByText(`活动与培训覆盖 · ${year}-01-01 至 ${year}-12-31`)).toBeTruthy();

    await userEvent.click(screen.getByText('去年'));
    await waitFor(() => expect(asked().at(-1)).toEqual([`${year - 1}-01-01`, `${year - 1}-12-31`]));

    await userEvent.click(screen.getByText('按月份'));
    const thisMonth = monthsPeriod(`${year}-01`, beijingMonth(new Date()));
    await waitFor(() => expect(asked().at(-1)).toEqual([thisMonth.from, thisMonth.to]));

    // antd puts the test id on both of the range's inputs.
    const [start, end] = (await screen.findAllByTestId('reach-months')).filter((e) => e.tagName === 'INPUT');
    expect(start && end).toBeTruthy();
    await userEvent.click(start!);
    await userEvent.clear(start!);
    await userEvent.type(start!, '2024-02{enter}');
    await userEvent.clear(end!);
    await userEvent.type(end!, '2024-05{enter}');
    await waitFor(() => expect(asked().at(-1)).toEqual(['2024-02-01', '2024-05-31']));
    expect(await screen.findByText('活动与培训覆盖 · 2024-02-01 至 2024-05-31')).toBeTruthy();
  });

  it('ends a range of months on the last day of its last month, leap years included', () => {
    expect(monthsPeriod('2024-01', '2024-02')).toEqual({ from: '2024-01-01', to: '2024-02-29' });
    expect(monthsPeriod('2025-02', '2025-02')).toEqual({ from: '2025-02-01', to: '2025-02-28' });
    expect(monthsPeriod('2026-03', '2026-04')).toEqual({ from: '2026-03-01', to: '2026-04-30' });
  });

  it('takes the year on Beijing’s calendar: 31 December 17:00 UTC is already the next year', () => {
    const now = new Date('2025-12-31T17:00:00Z');
    expect(periodOf('thisYear', null, now)).toEqual({ from: '2026-01-01', to: '2026-12-31' });
    expect(periodOf('lastYear', null, now)).toEqual({ from: '2025-01-01', to: '2025-12-31' });
    expect(periodOf('months', null, now)).toEqual({ from: '2026-01-01', to: '2026-01-31' });
    expect(periodOf('months', ['2025-11', '2026-01'], now)).toEqual({ from: '2025-11-01', to: '2026-01-31' });
  });
});
