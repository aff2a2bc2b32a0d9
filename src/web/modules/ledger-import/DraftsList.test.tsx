// @vitest-environment jsdom
import { configure, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useLocation } from 'react-router-dom';
import { describe, expect, it } from 'vitest';
import type { LedgerImportSummary } from '../../../common/ledger.import.js';
import { cadre, fakeApi, renderPage } from '../../testing/dom.js';
import { DraftsList } from './DraftsList.js';

configure({ asyncUtilTimeout: 30_000 });

const writer = cadre(['ledger.read', 'ledger.write', 'org.read']);

function buildSummary(overrides: Partial<LedgerImportSummary> = {}): LedgerImportSummary {
  return {
    id: 41,
    fileName: null,
    firstLine: '东城区总工会开展送清凉活动',
    orgId: 7,
    orgName: '东城区总工会',
    createdAt: '2026-06-20T02:00:00.000Z',
    createdBy: 7,
    createdByName: '干部',
    status: 'open',
    open: 2,
    confirmed: 1,
    discarded: 0,
    ...overrides,
  };
}

/** Where the list sent the browser. */
function Address() {
  const location = useLocation();
  return <span data-testid="address">{location.search}</span>;
}

describe('DraftsList', { timeout: 240_000 }, () => {
  it('lists the unfinished drafts with their counts, filters by status and opens a draft by its address', async () => {
    const calls = fakeApi(writer, (method, path, url) => {
      if (method !== 'GET' || path !== '/api/ledger/imports') return undefined;
      const finished = url.searchParams.get('status') === 'finished';
      const items = finished
        ? [buildSummary({ id: 40, fileName: '第3版.txt', status: 'finished', open: 0, confirmed: 2, discarded: 1 })]
        : [buildSummary()];
      return { body: { items, nextCursor: null, total: { count: items.length, kind: 'exact' } } };
    });
    renderPage(
      <>
        <DraftsList orgId={7} openId={undefined} refreshKey="" />
        <Address />
      </>,
    );
    const link = await screen.findByTestId('ledger-import-draft-41');
    expect(link.textContent).toBe('东城区总工会开展送清凉活动');
    const counts = screen.getByTestId('ledger-import-draft-counts-41').textContent;
    expect(counts).toContain('待确认 2');
    expect(counts).toContain('已确认 1');
    expect(calls[0]!.url.searchParams.get('orgId')).toBe('7');
    expect(calls[0]!.url.searchParams.get('status')).toBe('open');
    expect((await screen.findByTestId('list-total')).textContent).toContain('1');

    await userEvent.click(within(screen.getByTestId('ledger-import-drafts-status')).getByText('已处理完'));
    expect((await screen.findByTestId('ledger-import-draft-40')).textContent).toBe('第3版.txt');
    expect(calls.at(-1)!.url.searchParams.get('status')).toBe('finished');

    await userEvent.click(within(screen.getByTestId('ledger-import-drafts-status')).getByText('全部'));
    await waitFor(() => expect(calls.at(-1)!.url.searchParams.has('status')).toBe(false));

    await userEvent.click(await screen.findByText('东城区总工会', { selector: 'td' }));
    await waitFor(() => expect(screen.getByTestId('address').textContent).toBe('?draft=41'));
  });

  it('says so when there is no draft', async () => {
    fakeApi(writer, (method, path) =>
      method === 'GET' && path === '/api/ledger/imports'
        ? { body: { items: [], nextCursor: null, total: { count: 0, kind: 'exact' } } }
        : undefined,
    );
    renderPage(<DraftsList orgId={7} openId={undefined} refreshKey="" />);
    expect(await screen.findByText('没有草稿')).toBeTruthy();
  });
});
