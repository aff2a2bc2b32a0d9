// @vitest-environment jsdom
import { fireEvent, screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { cadre, fakeApi, renderPage } from '../../testing/dom.js';
import { CloseCampaignButton } from './CloseCampaignButton.js';
import { buildCampaign } from './welfare.fixtures.js';

describe('CloseCampaignButton', () => {
  it('closes the campaign after the cadre confirms, then tells the page', async () => {
    let closed = 0;
    const calls = fakeApi(cadre(['welfare.read', 'welfare.write']), (method, path) =>
      method === 'POST' && path === '/api/welfare/campaigns/5/close'
        ? { body: buildCampaign({ closedAt: '2026-09-01T02:00:00.000Z' }) }
        : undefined,
    );
    renderPage(<CloseCampaignButton campaign={buildCampaign()} onClosed={() => closed++} />);
    fireEvent.click(await screen.findByTestId('campaign-close'));
    fireEvent.click(await screen.findByRole('button', { name: '确 定' }));
    await waitFor(() => expect(closed).toBe(1));
    expect(calls.filter((c) => c.url.pathname === '/api/welfare/campaigns/5/close').map((c) => c.method)).toEqual(['POST']);
  });

  it('shows a closed campaign as 已结束, and offers a reader nothing', async () => {
    fakeApi(cadre(['welfare.read', 'welfare.write']), () => undefined);
    renderPage(<CloseCampaignButton campaign={buildCampaign({ closedAt: '2026-09-01T02:00:00.000Z' })} onClosed={() => undefined} />);
    expect((await screen.findByTestId('campaign-closed')).textContent).toBe('已结束');
    expect(screen.queryByTestId('campaign-close')).toBeNull();
  });
});
