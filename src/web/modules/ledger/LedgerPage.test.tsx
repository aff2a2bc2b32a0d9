// @vitest-environment jsdom
import { configure, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import type { Action } from '../../../common/auth.js';
import { cadre, fakeApi, renderPage } from '../../testing/dom.js';
import { OrgTreeProvider } from '../orgs/treeStore.js';
import { buildEntry } from './ledger.fixtures.js';
import { LedgerPage } from './LedgerPage.js';

configure({ asyncUtilTimeout: 30_000 });

const entries = [
  buildEntry({
    id: 3,
    kind: 'event',
    title: '职工运动会',
    peopleReached: 42,
    peopleBasis: 'members',
    source: 'module',
    moduleLink: { module: 'events', recordId: 8 },
    coOrganisers: [{ orgId: 9, name: '北京市建筑工会' }],
  }),
  buildEntry({
    id: 4,
    title: '夏送清凉',
    peopleReached: 1500,
    peopleBasis: 'reported',
    source: 'report',
    figures: [{ id: 1, value: 10000, unit: '斤', counts: '西瓜', approximate: true, snippet: null }],
  }),
];

const article = '本报讯 东城区总工会开展夏送清凉活动，为一线职工送去西瓜1万余斤。';

function renderLedger(permissions: Action[]) {
  const calls = fakeApi(cadre(permissions), (method, path) => {
    if (method === 'GET' && path === '/api/ledger/entries') return { body: { items: entries, nextCursor: null } };
    if (method === 'GET' && path === '/api/ledger/entries/4')
      return { body: { ...entries[1], sourceSnippet: '送去西瓜1万余斤', hasSourceText: true, sourceText: article } };
    return undefined;
  });
  renderPage(
    <OrgTreeProvider>
      <LedgerPage orgId={2} />
    </OrgTreeProvider>,
  );
  return calls;
}

describe('LedgerPage', { timeout: 240_000 }, () => {
  it('shows people reached with its basis, the co-organisers and a link to the module record; a reader gets no write buttons', async () => {
    const calls = renderLedger(['ledger.read']);
    const table = await screen.findByTestId('ledger-table');
    const moduleRow = (await within(table).findByText('职工运动会')).closest('tr')!;
    expect(within(moduleRow).getByText('按会员计')).toBeTruthy();
    expect(within(moduleRow).getByText('北京市建筑工会')).toBeTruthy();
    expect(within(moduleRow).getByTestId('ledger-record-3').getAttribute('href')).toBe('/events/8');
    const reportRow = within(table).getByText('夏送清凉').closest('tr')!;
    expect(within(reportRow).getByText('报道数字')).toBeTruthy();
    expect(within(reportRow).getByText(/西瓜: 约 10,000斤/u)).toBeTruthy();
    expect(screen.getByTestId('ledger-export')).toBeTruthy();
    await screen.findByTestId('session-ready');
    expect(screen.queryByTestId('ledger-create')).toBeNull();
    expect(screen.queryByTestId('ledger-edit-3')).toBeNull();
    expect(screen.queryByTestId('ledger-delete-4')).toBeNull();
    const list = calls.find((c) => c.url.pathname === '/api/ledger/entries')!;
    expect(list.url.searchParams.get('orgId')).toBe('2');
    expect(list.url.searchParams.get('year')).toBe(String(new Date().getFullYear()));
    expect(list.url.searchParams.get('reach')).toBe('node');
  });

  it('gives a holder of ledger.write the new-entry, edit and delete buttons', async () => {
    renderLedger(['ledger.read', 'ledger.write']);
    expect(await screen.findByTestId('ledger-create')).toBeTruthy();
    expect(await screen.findByTestId('ledger-edit-3')).toBeTruthy();
    expect(screen.getByTestId('ledger-delete-4')).toBeTruthy();
  });

  it('opens an entry with its source text, the quoted words marked', async () => {
    renderLedger(['ledger.read']);
    await userEvent.click(await screen.findByText('夏送清凉'));
    const text = await screen.findByTestId('ledger-source-text');
    expect(text.textContent).toBe(article);
    expect(within(text).getByTestId('ledger-snippet-mark').textContent).toBe('送去西瓜1万余斤');
  });
});
