// @vitest-environment jsdom
import { cadre, fakeApi, renderPage } from '../testing/dom.js';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { Button } from 'antd';
import { useLocation } from 'react-router-dom';
import { describe, expect, it, vi } from 'vitest';
import type { Page } from '../../common/paging.js';
import { OrgTreeProvider } from '../modules/orgs/treeStore.js';
import { OrgListPage, type CreateModal } from './OrgListPage.js';

type Row = { id: number; name: string };

const NewRow: CreateModal = ({ orgId, onDone }) => (
  <Button onClick={() => onDone({ id: 40 + orgId })} data-testid="save-thing">
    保存
  </Button>
);

function Where() {
  return <span data-testid="where">{useLocation().pathname}</span>;
}

function Rows({ orgId, canCreate, load }: { orgId?: number; canCreate: boolean; load: (orgId: number) => Promise<Page<Row>> }) {
  return (
    <OrgTreeProvider>
      <Where />
      <OrgListPage<Row>
        orgId={orgId}
        load={load}
        columns={[{ title: '名称', dataIndex: 'name' }]}
        testId="things"
        title="事项"
        emptyText="暂无"
        pathOf={(id) => `/things/${id}`}
        create={{ canCreate, label: '新建事项', testId: 'create-thing', doneText: '已创建', Modal: NewRow }}
      />
    </OrgTreeProvider>
  );
}

const twoRows = async (): Promise<Page<Row>> => ({
  items: [
    { id: 1, name: '党心e家' },
    { id: 2, name: '夏送清凉' },
  ],
  nextCursor: null,
});

describe('OrgListPage', () => {
  it("lists the org's records as a tab (no title), opens one on a click, and shows no create button to a reader", async () => {
    fakeApi(cadre(['points.read']), () => undefined);
    const load = vi.fn(twoRows);
    renderPage(<Rows orgId={3} canCreate={false} load={load} />);
    const table = await screen.findByTestId('things-table');
    await waitFor(() =>
      expect(
        within(table)
          .getAllByRole('row')
          .slice(1)
          .map((r) => r.textContent),
      ).toEqual(['党心e家', '夏送清凉']),
    );
    expect(load).toHaveBeenCalledWith(3, undefined, 50);
    expect(screen.getByTestId('things-page')).toBeTruthy();
    expect(screen.queryByText('事项')).toBeNull();
    expect(screen.queryByTestId('create-thing')).toBeNull();
    await userEvent.click(screen.getByText('夏送清凉'));
    expect(screen.getByTestId('where').textContent).toBe('/things/2');
  });

  it('lets a writer create a record and leads to its page', async () => {
    fakeApi(cadre(['points.read', 'points.write']), () => undefined);
    renderPage(<Rows orgId={2} canCreate load={twoRows} />);
    await userEvent.click(await screen.findByTestId('create-thing'));
    await userEvent.click(screen.getByTestId('save-thing'));
    expect(screen.getByTestId('where').textContent).toBe('/things/42');
    expect(await screen.findByText('已创建')).toBeTruthy();
    expect(screen.queryByTestId('save-thing')).toBeNull();
  });
});
