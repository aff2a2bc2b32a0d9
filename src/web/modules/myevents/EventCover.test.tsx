// @vitest-environment jsdom
import { fireEvent, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { cadre, fakeApi, renderPage } from '../../testing/dom.js';
import { EventCover } from './EventCover.js';

describe('EventCover', () => {
  it('shows the member’s cover of the event, and nothing once it answers that there is none', async () => {
    fakeApi(cadre([]), () => undefined);
    renderPage(<EventCover eventId={12} />);
    const img = await screen.findByTestId('my-event-cover-12');
    expect(img.getAttribute('src')).toBe('/api/portal/events/12/cover');
    expect(img.getAttribute('alt')).toBe('活动封面');
    fireEvent.error(img);
    expect(screen.queryByTestId('my-event-cover-12')).toBeNull();
  });
});
