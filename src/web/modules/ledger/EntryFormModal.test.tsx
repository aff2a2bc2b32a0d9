// @vitest-environment jsdom
import { configure, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import type { CreateLedgerEntryBody, LedgerEntry, UpdateLedgerEntryBody } from '../../../common/ledger.js';
import { cadre, fakeApi, renderPage } from '../../testing/dom.js';
import { EntryFormModal } from './EntryFormModal.js';
import { buildEntry } from './ledger.fixtures.js';

configure({ asyncUtilTimeout: 30_000 });

const writer = cadre(['ledger.read', 'ledger.write']);

describe('EntryFormModal', { timeout: 240_000 }, () => {
  it('sends a new entry with its figures and a co-organiser picked from the tree', async () => {
    const calls = fakeApi(writer, (method, path) => {
      if (method === 'GET' && path === '/api/orgs/search')
        return { body: { items: [{ id: 9, name: '北京市建筑工会', kind: 'industry_union', trail: ['北京市总工会'] }] } };
      return method === 'POST' && path === '/api/ledger/entries' ? { status: 201, body: buildEntry({ id: 31 }) } : undefined;
    });
    let done: LedgerEntry | undefined;
    renderPage(<EntryFormModal orgId={2} onClose={() => undefined} onDone={(e) => (done = e)} />);
    await userEvent.type(await screen.findByTestId('ledger-title'), '送清凉进工地');
    await userEvent.type(screen.getByTestId('ledger-people'), '1500');
    await userEvent.type(screen.getByTestId('ledger-co-org-search').querySelector('input') ?? document.body, '建筑');
    await userEvent.click(await screen.findByTestId('org-option-9'));
    expect((await screen.findByTestId('ledger-co-org-9')).textContent).toContain('北京市建筑工会');
    await userEvent.click(screen.getByTestId('ledger-figure-add'));
    await userEvent.type(screen.getByTestId('ledger-figure-value-0'), '10000');
    await userEvent.type(screen.getByTestId('ledger-figure-unit-0'), '斤');
    await userEvent.type(screen.getByTestId('ledger-figure-counts-0'), '西瓜');
    await userEvent.click(screen.getByTestId('ledger-figure-approx-0'));
    await userEvent.click(screen.getByTestId('ledger-ok'));
    await waitFor(() => expect(done?.id).toBe(31));
    const post = calls.filter((c) => c.method === 'POST');
    expect(post).toHaveLength(1);
    const body = post[0]!.body as CreateLedgerEntryBody;
    expect(body).toMatchObject({ orgId: 2, kind: 'other', title: '送清凉进工地', peopleReached: 1500, coOrgIds: [9] });
    expect(body.figures).toEqual([{ value: 10000, unit: '斤', counts: '西瓜', approximate: true }]);
  });

  it('refuses a figure without what it counts before sending, naming its row', async () => {
    const calls = fakeApi(writer, () => ({ status: 201, body: buildEntry() }));
    renderPage(<EntryFormModal orgId={2} onClose={() => undefined} onDone={() => undefined} />);
    await userEvent.type(await screen.findByTestId('ledger-title'), '送清凉');
    await userEvent.click(screen.getByTestId('ledger-figure-add'));
    await userEvent.type(screen.getByTestId('ledger-figure-value-0'), '33');
    await userEvent.click(screen.getByTestId('ledger-ok'));
    expect(await screen.findByText('第 1 行：请填写统计对象')).toBeTruthy();
    expect(calls.filter((c) => c.method === 'POST')).toHaveLength(0);
  });

  it("corrects an entry at the version read, keeping a module's count of members it was not asked to change", async () => {
    const entry = buildEntry({
      id: 5,
      version: 3,
      source: 'module',
      peopleReached: 42,
      peopleBasis: 'members',
      moduleLink: { module: 'events', recordId: 8 },
      figures: [{ id: 1, value: 17, unit: '支', counts: '队伍', approximate: false, snippet: null }],
    });
    const calls = fakeApi(writer, (method, path) =>
      method === 'PATCH' && path === '/api/ledger/entries/5' ? { body: { ...entry, version: 4 } } : undefined,
    );
    let done: LedgerEntry | undefined;
    renderPage(<EntryFormModal orgId={2} entry={entry} onClose={() => undefined} onDone={(e) => (done = e)} />);
    const title = await screen.findByTestId('ledger-title');
    expect((title as HTMLInputElement).value).toBe('夏送清凉');
    expect((screen.getByTestId('ledger-figure-counts-0') as HTMLInputElement).value).toBe('队伍');
    await userEvent.clear(title);
    await userEvent.type(title, '夏送清凉（修订）');
    await userEvent.click(screen.getByTestId('ledger-ok'));
    await waitFor(() => expect(done?.version).toBe(4));
    const body = calls.find((c) => c.method === 'PATCH')!.body as UpdateLedgerEntryBody;
    expect(body).toMatchObject({ version: 3, title: '夏送清凉（修订）', place: null, dateTo: null });
    expect(body).not.toHaveProperty('peopleReached');
    expect(body.figures).toEqual([{ value: 17, unit: '支', counts: '队伍', approximate: false }]);
  });
});
