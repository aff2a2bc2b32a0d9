// @vitest-environment jsdom
import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import type { EventGrouping } from '../../../common/events.grouping.js';
import { cadre, fakeApi, renderPage } from '../../testing/dom.js';
import { EventSessionsTab } from './EventSessionsTab.js';
import { buildEvent } from './events.fixtures.js';

const base = buildEvent().sessions[0]!;
const event = buildEvent({ sessions: [{ ...base, capacity: 10, confirmed: 4 }] });

const person = (registrationId: number, maskedName: string, groupNo: number) => ({
  registrationId,
  maskedName,
  orgName: '北京铁路局工会',
  groupNo,
  key: String(registrationId).padStart(64, 'a'),
});

const grouping: EventGrouping = {
  id: 9,
  eventId: 4,
  sessionId: 11,
  groups: 2,
  people: 4,
  seed: 'f'.repeat(64),
  seedSource: 'random',
  listHash: 'e'.repeat(64),
  createdAt: '2026-11-14T06:00:00.000Z',
  members: [
    [person(1, '张*', 1), person(2, '李**', 1)],
    [person(3, '王*', 2), person(4, '欧阳**', 2)],
  ],
};

describe('random grouping on the sessions tab (随机分组)', { timeout: 240_000 }, () => {
  it('groups a session from the form (an empty seed is left to the server) and shows and prints the groups', async () => {
    const calls = fakeApi(cadre(['event.read', 'event.write']), (method, path) =>
      method === 'POST' && path === '/api/events/4/sessions/11/groupings' ? { status: 201, body: grouping } : undefined,
    );
    const print = vi.fn();
    vi.stubGlobal('print', print);
    renderPage(<EventSessionsTab event={event} canWrite onChanged={() => undefined} />);
    await userEvent.click(await screen.findByTestId('grouping-run-11'));
    expect((await screen.findByTestId('grouping-form')).textContent).toContain('留空则随机生成');
    const groups = screen.getByTestId('grouping-groups');
    await userEvent.clear(groups);
    await userEvent.type(groups, '2');
    await userEvent.click(screen.getByTestId('grouping-ok'));
    expect((await screen.findByTestId('group-1')).textContent).toContain('第1组（2人）');
    expect(screen.getByTestId('group-1').textContent).toContain('张*');
    expect(screen.getByTestId('group-2').textContent).toContain('欧阳**');
    expect(screen.getByTestId('group-2').textContent).toContain('北京铁路局工会');
    expect(screen.getByTestId('grouping-seed-shown').textContent).toContain('f'.repeat(64));
    expect(calls.filter((c) => c.method === 'POST').map((c) => c.body)).toEqual([{ groups: 2 }]);
    await userEvent.click(screen.getByTestId('grouping-print'));
    expect(print).toHaveBeenCalledTimes(1);
    vi.unstubAllGlobals();
  });

  it('shows the server’s refusal in the form instead of closing it', async () => {
    fakeApi(cadre(['event.read', 'event.write']), (method) =>
      method === 'POST' ? { status: 409, body: { code: 'EVENT_GROUPING_TOO_FEW', message: '该班次只有 4 人，不能分成 6 组' } } : undefined,
    );
    renderPage(<EventSessionsTab event={event} canWrite onChanged={() => undefined} />);
    await userEvent.click(await screen.findByTestId('grouping-run-11'));
    await screen.findByTestId('grouping-form');
    await userEvent.click(screen.getByTestId('grouping-ok'));
    expect((await screen.findByTestId('grouping-error')).textContent).toContain('不能分成 6 组');
  });

  it('lets a reader see the latest grouping but not group; a session never grouped says so', async () => {
    let hasGrouping = true;
    const calls = fakeApi(cadre(['event.read']), (method, path) =>
      method === 'GET' && path === '/api/events/4/sessions/11/groupings/latest' && hasGrouping ? { body: grouping } : undefined,
    );
    renderPage(<EventSessionsTab event={event} canWrite={false} onChanged={() => undefined} />);
    await userEvent.click(await screen.findByTestId('grouping-view-11'));
    expect((await screen.findByTestId('group-2')).textContent).toContain('王*');
    expect(screen.queryByTestId('grouping-run-11')).toBeNull();
    await userEvent.click(screen.getByTestId('grouping-export'));
    await waitFor(() => expect(calls.map((c) => c.url.pathname)).toContain('/api/events/4/sessions/11/groupings/latest/export'));
    await userEvent.click(screen.getByTestId('grouping-close'));
    hasGrouping = false;
    await userEvent.click(screen.getByTestId('grouping-view-11'));
    await waitFor(() => expect(screen.getByTestId('grouping-none').textContent).toContain('本班次尚未分组'));
  });
});
