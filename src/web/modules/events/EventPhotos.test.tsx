// @vitest-environment jsdom
import { fireEvent, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import type { EventPhoto } from '../../../common/events.photos.js';
import { cadre, fakeApi, renderPage } from '../../testing/dom.js';
import { EventPhotos } from './EventPhotos.js';

const photo = (id: number, role: EventPhoto['role']): EventPhoto => ({
  id,
  eventId: 4,
  role,
  mime: 'image/png',
  size: 67,
  sha256: 'a'.repeat(64),
  createdAt: '2026-12-01T08:00:00.000Z',
  url: `/api/events/4/photos/${id}`,
});

function answer(method: string, path: string) {
  if (method === 'GET' && path === '/api/events/4/photos')
    return { body: { items: [photo(1, 'cover'), photo(2, 'closing'), photo(3, 'closing')] } };
  if (method === 'POST' && path === '/api/events/4/photos') return { status: 201, body: photo(9, 'closing') };
  if (method === 'DELETE' && path === '/api/events/4/photos/2') return { status: 204 };
  return undefined;
}

describe('EventPhotos', { timeout: 240_000 }, () => {
  it('shows the cover image alone in the cover area', async () => {
    fakeApi(cadre(['event.read']), answer);
    renderPage(<EventPhotos eventId={4} role="cover" canWrite={false} />);
    const area = await screen.findByTestId('event-photos-cover');
    await waitFor(() => expect(area.querySelectorAll('img')).toHaveLength(1));
    expect(area.querySelector('img')?.getAttribute('src')).toBe('/api/events/4/photos/1');
    expect(screen.queryByTestId('event-photo-upload-cover')).toBeNull();
  });

  it('shows the closing gallery with no upload or delete to a reader', async () => {
    fakeApi(cadre(['event.read']), answer);
    renderPage(<EventPhotos eventId={4} role="closing" canWrite={false} />);
    const area = await screen.findByTestId('event-photos-closing');
    await waitFor(() => expect(screen.getAllByTestId('event-photo')).toHaveLength(2));
    expect([...area.querySelectorAll('img')].map((i) => i.getAttribute('src'))).toEqual([
      '/api/events/4/photos/2',
      '/api/events/4/photos/3',
    ]);
    expect(screen.queryByTestId('event-photo-upload-closing')).toBeNull();
    expect(screen.queryByTestId('event-photo-delete-2')).toBeNull();
  });

  it('lets a cadre who may write upload a closing photo and delete one', async () => {
    const calls = fakeApi(cadre(['event.read', 'event.write']), answer);
    renderPage(<EventPhotos eventId={4} role="closing" canWrite />);
    await waitFor(() => expect(screen.getAllByTestId('event-photo')).toHaveLength(2));
    const button = screen.getByTestId('event-photo-upload-closing');
    const input = button.closest('.ant-upload')?.querySelector('input[type=file]');
    expect(input).toBeTruthy();
    const file = new File([new Uint8Array([0x89, 0x50, 0x4e, 0x47])], '合影.png', { type: 'image/png' });
    fireEvent.change(input!, { target: { files: [file] } });
    await waitFor(() => expect(calls.some((c) => c.method === 'POST')).toBe(true));
    const posted = calls.find((c) => c.method === 'POST')!;
    expect(posted.url.pathname).toBe('/api/events/4/photos');
    expect(posted.url.searchParams.get('role')).toBe('closing');
    expect(await screen.findByText('图片已上传')).toBeTruthy();

    await userEvent.click(screen.getByTestId('event-photo-delete-2'));
    await userEvent.click(await screen.findByRole('button', { name: /确\s*定|OK/ }));
    await waitFor(() => expect(calls.some((c) => c.method === 'DELETE' && c.url.pathname === '/api/events/4/photos/2')).toBe(true));
    expect(await screen.findByText('图片已删除')).toBeTruthy();
  });
});
