// @vitest-environment jsdom
import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import type { Guest } from '../../../common/events.guests.js';
import { cadre, fakeApi, renderPage } from '../../testing/dom.js';
import { EventGuestsTab } from './EventGuestsTab.js';
import { buildEvent } from './events.fixtures.js';

const event = buildEvent();
const guest: Guest = {
  id: 7,
  eventId: 4,
  name: '王骑手',
  phoneMasked: '138****5678',
  note: '外卖骑手',
  orgId: 2,
  orgName: '东华门街道总工会',
  createdAt: '2026-12-01T08:00:00.000Z',
};

function answer(method: string, path: string) {
  if (method === 'GET' && path === '/api/events/4/guests') return { body: { items: [guest] } };
  if (method === 'POST' && path === '/api/events/4/guests') return { status: 201, body: { ...guest, id: 8, name: '赵快递' } };
  if (method === 'POST' && path === '/api/events/4/guests/7/sign-up') return { body: { registrationId: 90, status: 'waitlisted' } };
  if (method === 'DELETE' && path === '/api/events/4/guests/7') return { status: 204 };
  return undefined;
}

describe('EventGuestsTab (非会员)', { timeout: 240_000 }, () => {
  it('lists guests with the masked phone and shows no actions to a reader', async () => {
    fakeApi(cadre(['event.read']), answer);
    renderPage(<EventGuestsTab event={event} canWrite={false} onChanged={() => undefined} />);
    const tab = await screen.findByTestId('event-guests');
    await waitFor(() => expect(tab.textContent).toContain('王骑手'));
    expect(tab.textContent).toContain('138****5678');
    expect(tab.textContent).toContain('外卖骑手');
    expect(screen.queryByTestId('guest-add')).toBeNull();
    expect(screen.queryByTestId('guest-remove-7')).toBeNull();
  });

  it('adds a guest, signs one up for a session and removes one', async () => {
    const calls = fakeApi(cadre(['event.read', 'event.write']), answer);
    let changed = 0;
    renderPage(<EventGuestsTab event={event} canWrite onChanged={() => changed++} />);
    await screen.findByText('王骑手');

    await userEvent.click(screen.getByTestId('guest-add'));
    await userEvent.type(await screen.findByTestId('guest-name'), '赵快递');
    await userEvent.type(screen.getByTestId('guest-phone'), '13912345678');
    await userEvent.type(screen.getByTestId('guest-note'), '快递员');
    await userEvent.click(screen.getByTestId('guest-ok'));
    await waitFor(() => expect(calls.some((c) => c.method === 'POST' && c.url.pathname === '/api/events/4/guests')).toBe(true));
    expect(calls.find((c) => c.method === 'POST' && c.url.pathname === '/api/events/4/guests')?.body).toMatchObject({
      name: '赵快递',
      phone: '13912345678',
      note: '快递员',
    });

    await userEvent.click(screen.getByTestId('guest-signup-7'));
    await userEvent.click(await screen.findByTestId('guest-signup-ok'));
    await waitFor(() => expect(calls.some((c) => c.url.pathname === '/api/events/4/guests/7/sign-up')).toBe(true));
    const signUp = calls.find((c) => c.url.pathname === '/api/events/4/guests/7/sign-up')?.body as { sessionId: number; key: string };
    expect(signUp.sessionId).toBe(event.sessions[0]!.id);
    expect(signUp.key).toMatch(/^guest:/);

    await userEvent.click(screen.getByTestId('guest-remove-7'));
    await userEvent.click(await screen.findByRole('button', { name: /确\s*定|OK/ }));
    await waitFor(() => expect(calls.some((c) => c.method === 'DELETE' && c.url.pathname === '/api/events/4/guests/7')).toBe(true));
    await waitFor(() => expect(changed).toBe(3));
  });
});
