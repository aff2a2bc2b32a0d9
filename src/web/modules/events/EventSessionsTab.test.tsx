// @vitest-environment jsdom
import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { cadre, fakeApi, renderPage } from '../../testing/dom.js';
import { EventSessionsTab } from './EventSessionsTab.js';
import { buildEvent } from './events.fixtures.js';

const quota = { orgId: 5, orgName: '北京铁路局工会', places: 2, taken: 1 };
const base = buildEvent().sessions[0]!;
const event = buildEvent({ sessions: [{ ...base, capacity: 5, quotas: [quota] }] });

describe('EventSessionsTab quotas', { timeout: 240_000 }, () => {
  it('shows a session’s quota use and sends the edited places of its units', async () => {
    const calls = fakeApi(cadre(['event.read', 'event.write']), (method, path) =>
      method === 'PUT' && path === '/api/events/4/sessions/11/quotas' ? { body: event } : undefined,
    );
    let changed = 0;
    renderPage(<EventSessionsTab event={event} canWrite onChanged={() => changed++} />);
    expect((await screen.findByTestId('quotas-11')).textContent).toContain('北京铁路局工会 1/2');
    await userEvent.click(screen.getByTestId('quota-edit-11'));
    const places = await screen.findByTestId('quota-places-5');
    await userEvent.clear(places);
    await userEvent.type(places, '3');
    expect(screen.getByTestId('quota-sum').textContent).toContain('3 / 班次名额 5');
    await userEvent.click(screen.getByTestId('quota-ok'));
    await waitFor(() => expect(changed).toBe(1));
    expect(calls.filter((c) => c.method === 'PUT').map((c) => c.body)).toEqual([{ quotas: [{ orgId: 5, places: 3 }] }]);
  });

  it('shows no quota editor to a reader', async () => {
    fakeApi(cadre(['event.read']), () => undefined);
    renderPage(<EventSessionsTab event={event} canWrite={false} onChanged={() => undefined} />);
    expect((await screen.findByTestId('quotas-11')).textContent).toContain('1/2');
    expect(screen.queryByTestId('quota-edit-11')).toBeNull();
  });
});
