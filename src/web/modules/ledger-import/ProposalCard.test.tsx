// @vitest-environment jsdom
import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import type { CreateLedgerEntryBody } from '../../../common/ledger.js';
import { cadre, fakeApi, renderPage } from '../../testing/dom.js';
import { ProposalCard } from './ProposalCard.js';
import { SOURCE, buildItem, buildProposal } from './ledgerImport.fixtures.js';

describe('ProposalCard', { timeout: 240_000 }, () => {
  it('highlights where each value was read and confirms the corrected entry', async () => {
    fakeApi(cadre(['ledger.read', 'ledger.write', 'org.read']), () => undefined);
    const sent: CreateLedgerEntryBody[] = [];
    renderPage(
      <ProposalCard
        source={SOURCE}
        item={buildItem()}
        year={2026}
        onConfirm={async (b) => void sent.push(b)}
        onDiscard={async () => undefined}
      />,
    );
    const source = await screen.findByTestId('ledger-import-source');
    const marks = [...source.querySelectorAll('mark')].map((m) => `${m.getAttribute('data-mark')}:${m.textContent}`);
    expect(marks).toEqual(['date:6月18日', 'organiser:东城区总工会', 'figure:1500余名户外劳动者', 'figure:33场']);
    const title = screen.getByTestId('ledger-import-title-0');
    await userEvent.clear(title);
    await userEvent.type(title, '送清凉进东城');
    await userEvent.click(screen.getByTestId('ledger-import-confirm-0'));
    await waitFor(() => expect(sent).toHaveLength(1));
    expect(sent[0]).toMatchObject({ orgId: 7, kind: 'welfare', title: '送清凉进东城', dateFrom: '2026-06-18' });
    expect(sent[0]!.figures).toHaveLength(1);
  });

  it('starts with the other nodes the item names as co-organisers and sends the ones the cadre keeps and adds', async () => {
    fakeApi(cadre(['ledger.read', 'ledger.write', 'org.read']), (method, path) =>
      method === 'GET' && path === '/api/orgs/search'
        ? { body: { items: [{ id: 9, name: '崇文门外街道总工会', kind: 'street_federation', trail: ['东城区总工会'] }] } }
        : undefined,
    );
    const sent: CreateLedgerEntryBody[] = [];
    const base = buildProposal();
    const item = buildItem(
      {},
      {
        organisers: [
          ...base.organisers,
          {
            role: 'co_organiser',
            printed: { text: '东城区总工会', start: 0, end: 6 },
            match: { status: 'existing', nodeId: '8', nodeName: '东城区卫健委工会', how: 'exact' },
          },
          {
            role: 'co_organiser',
            printed: { text: '东城区总工会', start: 0, end: 6 },
            match: { status: 'existing', nodeId: '7', nodeName: '东城区总工会', how: 'exact' },
          },
        ],
      },
    );
    renderPage(
      <ProposalCard source={SOURCE} item={item} year={2026} onConfirm={async (b) => void sent.push(b)} onDiscard={async () => undefined} />,
    );
    expect((await screen.findByTestId('ledger-co-org-8')).textContent).toContain('东城区卫健委工会');
    expect(screen.queryByTestId('ledger-co-org-7')).toBeNull();
    await userEvent.type(screen.getByTestId('ledger-import-co-org-search-0').querySelector('input') ?? document.body, '崇文门');
    await userEvent.click(await screen.findByTestId('org-option-9'));
    expect((await screen.findByTestId('ledger-co-org-9')).textContent).toContain('崇文门外街道总工会');
    await userEvent.click(screen.getByTestId('ledger-import-confirm-0'));
    await waitFor(() => expect(sent).toHaveLength(1));
    expect(sent[0]).toMatchObject({ orgId: 7, coOrgIds: [8, 9] });
  });

  it('refuses to confirm when the organiser is only a proposed new node, and says so', async () => {
    fakeApi(cadre(['ledger.read', 'ledger.write', 'org.read']), () => undefined);
    const sent: CreateLedgerEntryBody[] = [];
    const item = buildItem(
      {},
      {
        organisers: [
          {
            role: 'organiser',
            printed: { text: '东城区总工会', start: 0, end: 6 },
            match: { status: 'new', name: '某物流公司工会', parentId: '7', parentName: '东城区总工会' },
          },
        ],
      },
    );
    renderPage(
      <ProposalCard source={SOURCE} item={item} year={2026} onConfirm={async (b) => void sent.push(b)} onDiscard={async () => undefined} />,
    );
    expect(await screen.findByText(/某物流公司工会.*不在组织树中/)).toBeTruthy();
    await userEvent.click(screen.getByTestId('ledger-import-confirm-0'));
    expect(await screen.findByText('请填写主办单位')).toBeTruthy();
    expect(sent).toHaveLength(0);
  });

  it('shows a confirmed proposal with a link to the ledger and no buttons', async () => {
    fakeApi(cadre(['ledger.read', 'ledger.write', 'org.read']), () => undefined);
    renderPage(
      <ProposalCard
        source={SOURCE}
        item={buildItem({ status: 'confirmed', entryId: 3 })}
        year={2026}
        onConfirm={async () => undefined}
        onDiscard={async () => undefined}
      />,
    );
    expect((await screen.findByTestId('ledger-import-open-0')).getAttribute('href')).toBe('/ledger?org=7');
    expect(screen.queryByTestId('ledger-import-confirm-0')).toBeNull();
  });
});
