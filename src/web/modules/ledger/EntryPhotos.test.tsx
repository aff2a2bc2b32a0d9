// @vitest-environment jsdom
import { fireEvent, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import type { LedgerPhoto } from '../../../common/ledger.photos.js';
import { cadre, fakeApi, renderPage } from '../../testing/dom.js';
import { EntryPhotos } from './EntryPhotos.js';

const photo = (id: number, caption: string | null = null): LedgerPhoto => ({
  id,
  entryId: 7,
  caption,
  mime: 'image/png',
  size: 67,
  sha256: 'a'.repeat(64),
  uploadedBy: 1,
  uploadedAt: '2026-07-10T08:00:00.000Z',
  url: `/api/ledger/entries/7/photos/${id}`,
});

function answerWith(items: LedgerPhoto[]) {
  return (method: string, path: string) => {
    if (method === 'GET' && path === '/api/ledger/entries/7/photos') return { body: { items, max: 9 } };
    if (method === 'POST' && path === '/api/ledger/entries/7/photos') return { status: 201, body: photo(9) };
    if (method === 'DELETE' && path === '/api/ledger/entries/7/photos/2') return { status: 204 };
    return undefined;
  };
}

describe('EntryPhotos', { timeout: 240_000 }, () => {
  it('shows the thumbnails with their captions and no upload or delete to a reader', async () => {
    fakeApi(cadre(['ledger.read']), answerWith([photo(2, '送清凉现场'), photo(3)]));
    renderPage(<EntryPhotos entryId={7} canWrite={false} />);
    await waitFor(() => expect(screen.getAllByTestId('ledger-photo')).toHaveLength(2));
    const area = screen.getByTestId('ledger-photos');
    expect([...area.querySelectorAll('img')].map((i) => i.getAttribute('src'))).toEqual([
      '/api/ledger/entries/7/photos/2',
      '/api/ledger/entries/7/photos/3',
    ]);
    expect(screen.getByText('照片（2/9）')).toBeTruthy();
    expect(screen.getByText('送清凉现场')).toBeTruthy();
    expect(screen.queryByTestId('ledger-photo-upload')).toBeNull();
    expect(screen.queryByTestId('ledger-photo-delete-2')).toBeNull();
  });

  it('lets a cadre who may correct the entry upload a photo with its caption and delete one after confirming', async () => {
    const calls = fakeApi(cadre(['ledger.read', 'ledger.write']), answerWith([photo(2), photo(3)]));
    renderPage(<EntryPhotos entryId={7} canWrite />);
    await waitFor(() => expect(screen.getAllByTestId('ledger-photo')).toHaveLength(2));
    await userEvent.type(screen.getByTestId('ledger-photo-caption'), '合影');
    const input = screen.getByTestId('ledger-photo-upload').closest('.ant-upload')?.querySelector('input[type=file]');
    expect(input).toBeTruthy();
    const file = new File([new Uint8Array([0x89, 0x50, 0x4e, 0x47])], '合影.png', { type: 'image/png' });
    fireEvent.change(input!, { target: { files: [file] } });
    await waitFor(() => expect(calls.some((c) => c.method === 'POST')).toBe(true));
    const posted = calls.find((c) => c.method === 'POST')!;
    expect(posted.url.pathname).toBe('/api/ledger/entries/7/photos');
    expect(posted.url.searchParams.get('caption')).toBe('合影');
    expect(await screen.findByText('照片已上传')).toBeTruthy();

    await userEvent.click(screen.getByTestId('ledger-photo-delete-2'));
    await userEvent.click(await screen.findByRole('button', { name: /确\s*定|OK/ }));
    await waitFor(() => expect(calls.some((c) => c.method === 'DELETE' && c.url.pathname === '/api/ledger/entries/7/photos/2')).toBe(true));
    expect(await screen.findByText('照片已删除')).toBeTruthy();
  });

  it('offers no upload once the entry has its 9 photos, and says why', async () => {
    fakeApi(cadre(['ledger.read', 'ledger.write']), answerWith(Array.from({ length: 9 }, (_, i) => photo(i + 1))));
    renderPage(<EntryPhotos entryId={7} canWrite />);
    await waitFor(() => expect(screen.getAllByTestId('ledger-photo')).toHaveLength(9));
    expect(screen.queryByTestId('ledger-photo-upload')).toBeNull();
    expect(screen.getByText('已达 9 张上限，请先删除不需要的照片')).toBeTruthy();
  });
});
