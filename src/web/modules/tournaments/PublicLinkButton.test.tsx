// @vitest-environment jsdom
import { configure, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { cadre, fakeApi, renderPage } from '../../testing/dom.js';
import { PublicLinkButton } from './PublicLinkButton.js';

// A loaded machine answers slowly: wait for the page as long as a test may run.
configure({ asyncUtilTimeout: 30_000 });

/** The public link route: the token of the current generation, moved on by each revocation. */
function linkServer() {
  let generation = 1;
  return fakeApi(cadre(['tournament.read', 'tournament.write']), (method, path) => {
    if (method === 'POST' && path === '/api/tournaments/5/public-link')
      return { body: { token: `tok${generation}`, url: `/public/tournaments/tok${generation}` } };
    if (method === 'POST' && path === '/api/tournaments/5/public-link/revoke') {
      generation += 1;
      return { status: 204 };
    }
    return undefined;
  });
}

const confirmPopup = async () => {
  await waitFor(() => expect(document.querySelector('.ant-popconfirm .ant-btn-primary')).toBeTruthy());
  await userEvent.click(document.querySelector<HTMLElement>('.ant-popconfirm .ant-btn-primary')!);
};

describe('PublicLinkButton (公开链接)', () => {
  it('revokes the link after a confirmation, and closes it', async () => {
    const calls = linkServer();
    renderPage(<PublicLinkButton tournamentId={5} />);
    await userEvent.click(await screen.findByTestId('public-link'));
    expect((await screen.findByTestId('public-link-url')).textContent).toContain('/public/tournaments/tok1');
    await userEvent.click(screen.getByTestId('public-link-revoke'));
    expect(calls.some((c) => c.url.pathname.endsWith('/revoke'))).toBe(false);
    await confirmPopup();
    await waitFor(() => expect(screen.queryByTestId('public-link-url')).toBeNull());
    expect(calls.filter((c) => c.url.pathname.endsWith('/revoke'))).toHaveLength(1);
  });

  it('replaces the link by a new one: the old one revoked', async () => {
    const calls = linkServer();
    renderPage(<PublicLinkButton tournamentId={5} />);
    await userEvent.click(await screen.findByTestId('public-link'));
    await screen.findByTestId('public-link-url');
    await userEvent.click(screen.getByTestId('public-link-renew'));
    await confirmPopup();
    await waitFor(() => expect(screen.getByTestId('public-link-url').textContent).toContain('/public/tournaments/tok2'));
    expect(calls.map((c) => c.url.pathname.replace('/api/tournaments/5', ''))).toEqual([
      '/public-link',
      '/public-link/revoke',
      '/public-link',
    ]);
  });
});
