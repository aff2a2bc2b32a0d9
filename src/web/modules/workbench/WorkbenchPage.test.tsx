// @vitest-environment jsdom
import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { Workbench } from '../../../common/workbench.js';
import { registry } from '../../app/modules.js';
import { RegistryProvider } from '../../app/webModule.js';
import { cadre, fakeApi, renderPage } from '../../testing/dom.js';
import { WorkbenchPage } from './WorkbenchPage.js';

const bench: Workbench = {
  nodes: [
    {
      orgId: 5,
      name: '东城区总工会',
      kind: 'district_federation',
      members: 8822,
      grassrootsUnions: 90,
      employers: 300,
      membershipRate: 0.66,
      unionisationRate: 0.931,
      todos: [
        { key: 'applications.pending', count: 3, capped: false },
        { key: 'transfers.toConfirm', count: 999, capped: true },
        // A key no web module names is not shown.
        { key: 'events.unknown', count: 4, capped: false },
      ],
    },
  ],
  activity: [
    {
      id: 1,
      at: '2026-11-30T08:00:00Z',
      username: 'admin',
      actorName: '系统管理员',
      action: 'user.create',
      targetType: 'user',
      targetId: '9',
      targetName: '张三',
      result: 'ok',
      ip: '127.0.0.1',
      detail: { role: 'read_only' },
    },
  ],
  activityIsOwn: false,
};

describe('the 工作台', () => {
  it('shows the node’s figures, each registered to-do with its count and filtered list, and the activity in words', async () => {
    fakeApi(cadre(['member.read', 'member.write', 'audit.read']), (method, path) =>
      method === 'GET' && path === '/api/workbench' ? { body: bench } : undefined,
    );
    renderPage(
      <RegistryProvider value={registry}>
        <WorkbenchPage />
      </RegistryProvider>,
    );
    const node = await screen.findByTestId('workbench-node-5');
    expect(within(node).getByText('66.0%')).toBeTruthy();
    expect(within(node).getByText('93.1%')).toBeTruthy();
    expect(within(screen.getByTestId('todo-applications.pending')).getByText('待审核入会申请')).toBeTruthy();
    expect(screen.getByTestId('todo-count-applications.pending').querySelector('sup')?.getAttribute('title')).toBe('3');
    expect(screen.getByTestId('todo-count-transfers.toConfirm').textContent).toContain('999+');
    expect(screen.getByTestId('todo-open-applications.pending').getAttribute('href')).toBe('/orgs/5?tab=applications');
    expect(screen.getByTestId('todo-open-transfers.toConfirm').getAttribute('href')).toBe('/orgs/5?tab=transfers&direction=outgoing');
    expect(screen.queryByTestId('todo-events.unknown')).toBeNull();
    expect(within(screen.getByTestId('workbench-activity')).getByText('新建用户 张三（只读）')).toBeTruthy();
    // The cards modules add are theirs to show: this caller may not read the ledger.
    expect(screen.queryByTestId('ledger-card')).toBeNull();
  });

  it(
    'shows the cards modules add (the work ledger) for the caller’s first node when the caller may read them',
    { timeout: 120_000 },
    async () => {
      const year = new Date().getFullYear();
      const people = { members: 0, membersEntries: 0, reported: 0, reportedEntries: 0, entriesWithoutFigure: 1 };
      fakeApi(cadre(['member.read', 'ledger.read']), (method, path) => {
        if (path === '/api/workbench') return { body: bench };
        if (path === '/api/ledger/rollup')
          return {
            body: {
              orgId: 5,
              orgName: '东城区总工会',
              year,
              activities: 1,
              people,
              byKind: [{ kind: 'welfare', activities: 1, people }],
              figures: [],
              children: [],
              hasMoreChildren: false,
            },
          };
        if (path === '/api/ledger/entries') return { body: { items: [], nextCursor: null } };
        return undefined;
      });
      renderPage(
        <RegistryProvider value={registry}>
          <WorkbenchPage />
        </RegistryProvider>,
      );
      // The card loads lazily: give it the time a busy machine needs.
      const card = await screen.findByTestId('ledger-card', {}, { timeout: 30_000 });
      expect(await within(card).findByText('普惠服务 1', {}, { timeout: 30_000 })).toBeTruthy();
      expect(within(card).getByTestId('ledger-card-open').getAttribute('href')).toBe('/ledger?org=5');
    },
  );
});
