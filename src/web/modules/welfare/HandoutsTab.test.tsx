// @vitest-environment jsdom
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { Handout } from '../../../common/welfare.js';
import { cadre, fakeApi, renderPage } from '../../testing/dom.js';
import { HandoutsTab } from './HandoutsTab.js';
import { buildCampaign } from './welfare.fixtures.js';

const campaign = buildCampaign();

const batch: Handout = {
  id: 9,
  kind: 'batch',
  nameMasked: null,
  phoneMasked: null,
  idNumberMasked: null,
  collectorName: null,
  batchCount: 120,
  orgId: 2,
  orgName: '东城区总工会',
  site: '新发地市场',
  createdAt: '2026-07-02T02:00:00.000Z',
  items: [{ itemId: 11, qty: 1200 }],
  vouchers: [],
  hasPhoto: false,
};

describe('HandoutsTab', () => {
  it('reads a counted batch as 共 120 人, as a Chinese cadre says it', async () => {
    fakeApi(cadre(['welfare.read']), (method, path) =>
      method === 'GET' && path === '/api/welfare/campaigns/5/handouts' ? { body: { items: [batch], nextCursor: null } } : undefined,
    );
    renderPage(<HandoutsTab campaign={campaign} version={0} onChanged={() => undefined} />);
    const row = await within(await screen.findByTestId('handouts-table')).findByText('共 120 人');
    expect(row.closest('tr')?.textContent).toContain('新发地市场（东城区总工会）');
    expect(screen.queryByText(/人数/)).toBeNull();
  });

  it('offers a cadre who may write to add the batch photo, sends the image, then links to it', async () => {
    const sent: string[] = [];
    let hasPhoto = false;
    fakeApi(cadre(['welfare.read', 'welfare.write']), (method, path) => {
      if (method === 'GET' && path === '/api/welfare/campaigns/5/handouts')
        return { body: { items: [{ ...batch, hasPhoto }], nextCursor: null } };
      if (method === 'POST' && path === '/api/welfare/campaigns/5/handouts/9/photo') {
        sent.push(path);
        hasPhoto = true;
        return { status: 201, body: { handoutId: 9, mime: 'image/png', bytes: 67, createdAt: '2026-07-02T02:05:00.000Z' } };
      }
      return undefined;
    });
    renderPage(<HandoutsTab campaign={campaign} version={0} onChanged={() => undefined} />);
    const add = await screen.findByTestId('handout-photo-add-9');
    const input = add.closest('.ant-upload')?.querySelector('input[type=file]');
    expect(input).toBeTruthy();
    fireEvent.change(input!, {
      target: { files: [new File([new Uint8Array([0x89, 0x50, 0x4e, 0x47])], '现场.png', { type: 'image/png' })] },
    });
    const link = await screen.findByTestId('handout-photo-9');
    expect(sent).toEqual(['/api/welfare/campaigns/5/handouts/9/photo']);
    expect(link.getAttribute('href')).toBe('/api/welfare/campaigns/5/handouts/9/photo');
    expect(link.textContent).toBe('查看照片');
  });

  it('shows a reader of the node no upload button', async () => {
    fakeApi(cadre(['welfare.read']), (method, path) =>
      method === 'GET' && path === '/api/welfare/campaigns/5/handouts' ? { body: { items: [batch], nextCursor: null } } : undefined,
    );
    renderPage(<HandoutsTab campaign={campaign} version={0} onChanged={() => undefined} />);
    await within(await screen.findByTestId('handouts-table')).findByText('共 120 人');
    await waitFor(() => expect(screen.queryByTestId('handout-photo-add-9')).toBeNull());
  });
});
