// @vitest-environment jsdom
import { screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { Registration } from '../../../common/events.js';
import { cadre, fakeApi, renderPage } from '../../testing/dom.js';
import { EventRegistrationsTab } from './EventRegistrationsTab.js';
import { buildEvent } from './events.fixtures.js';

const event = buildEvent();
const registration = (over: Partial<Registration>): Registration => ({
  id: 1,
  eventId: 4,
  sessionId: event.sessions[0]!.id,
  kind: 'member',
  memberId: 30,
  guestId: null,
  memberName: '张会员',
  orgId: 2,
  orgName: '东华门街道总工会',
  status: 'confirmed',
  waitlistPosition: null,
  offerExpiresAt: null,
  cancelReason: null,
  createdAt: '2026-12-01T08:00:00.000Z',
  ...over,
});

describe('EventRegistrationsTab', { timeout: 240_000 }, () => {
  it('tags a guest’s registration 非会员 and a member’s not', async () => {
    const items = [registration({}), registration({ id: 2, kind: 'guest', memberId: null, guestId: 7, memberName: '王骑手' })];
    fakeApi(cadre(['event.read']), (method, path) =>
      method === 'GET' && path === '/api/events/4/registrations'
        ? { body: { items, nextCursor: null, total: { count: 2, kind: 'exact' } } }
        : undefined,
    );
    renderPage(<EventRegistrationsTab event={event} orgId={2} canWrite={false} onChanged={() => undefined} />);
    const tag = await screen.findByTestId('reg-guest-2');
    expect(tag.textContent).toBe('非会员');
    await waitFor(() => expect(screen.getByText('张会员')).toBeTruthy());
    expect(screen.queryByTestId('reg-guest-1')).toBeNull();
  });
});
