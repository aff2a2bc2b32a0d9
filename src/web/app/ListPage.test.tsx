// @vitest-environment jsdom
import { cadre, fakeApi, renderPage } from '../testing/dom.js';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { Button, Input } from 'antd';
import { describe, expect, it, vi } from 'vitest';
import type { Page } from '../../common/paging.js';
import { ListPage, useList } from './ListPage.js';

type Row = { id: number; name: string };
type Filter = { q?: string | undefined };
type Load = (filter: Filter, cursor: string | undefined) => Promise<Page<Row>>;

/** Two pages of people: the first answers a cursor to the second. */
const twoPages: Load = async (filter, cursor) => {
  const rows =
    cursor === 'p2'
      ? [{ id: 3, name: '王五' }]
      : [
          { id: 1, name: '张三' },
          { id: 2, name: '李四' },
        ];
  return { items: rows.filter((r) => !filter.q || r.name.includes(filter.q)), nextCursor: cursor === 'p2' ? null : 'p2' };
};

function People({ load, onExport }: { load: Load; onExport: (filter: Filter) => void }) {
  const list = useList<Filter, Row>(load, { initial: {} });
  return (
    <ListPage
      list={list}
      testId="people"
      title="人员"
      columns={[{ title: '姓名', dataIndex: 'name' }]}
      filters={
        <Input.Search
          aria-label="搜索"
          value={list.draft.q ?? ''}
          onChange={(e) => list.edit({ q: e.target.value || undefined })}
          onSearch={(q) => list.apply({ q: q || undefined })}
        />
      }
      actions={<Button onClick={() => onExport(list.filter)}>导出</Button>}
    />
  );
}

const rowsOf = () =>
  within(screen.getByTestId('people-table'))
    .getAllByRole('row')
    .slice(1)
    .map((row) => row.textContent);

describe('ListPage', () => {
  it('loads page 1 with the applied filters, not with text still being typed', async () => {
    fakeApi(cadre([]), () => undefined);
    const load = vi.fn(twoPages);
    renderPage(<People load={load} onExport={() => undefined} />);
    await waitFor(() => expect(rowsOf()).toEqual(['张三', '李四']));
    expect(load).toHaveBeenLastCalledWith({}, undefined);

    const search = screen.getByRole('searchbox', { name: '搜索' });
    await userEvent.type(search, '李');
    expect(load).toHaveBeenCalledTimes(1);
    await userEvent.type(search, '{Enter}');
    await waitFor(() => expect(rowsOf()).toEqual(['李四']));
    expect(load).toHaveBeenLastCalledWith({ q: '李' }, undefined);
  });

  it('pages forward with the cursor the last page answered, and back to page 1', async () => {
    fakeApi(cadre([]), () => undefined);
    const load = vi.fn(twoPages);
    renderPage(<People load={load} onExport={() => undefined} />);
    const pager = within(await screen.findByTestId('people-pager'));
    await waitFor(() => expect(rowsOf()).toEqual(['张三', '李四']));
    expect(pager.getByTestId('pager-prev')).toHaveProperty('disabled', true);
    expect(pager.getByText('第 1 页')).toBeTruthy();

    await userEvent.click(pager.getByTestId('pager-next'));
    await waitFor(() => expect(rowsOf()).toEqual(['王五']));
    expect(load).toHaveBeenLastCalledWith({}, 'p2');
    expect(pager.getByText('第 2 页')).toBeTruthy();
    // The last page answered no cursor: there is no next page.
    expect(pager.getByTestId('pager-next')).toHaveProperty('disabled', true);

    await userEvent.click(pager.getByTestId('pager-prev'));
    await waitFor(() => expect(rowsOf()).toEqual(['张三', '李四']));
    expect(load).toHaveBeenLastCalledWith({}, undefined);
  });

  it('starts again at page 1 when the filters change on a later page', async () => {
    fakeApi(cadre([]), () => undefined);
    const load = vi.fn(twoPages);
    renderPage(<People load={load} onExport={() => undefined} />);
    await userEvent.click(await screen.findByTestId('pager-next'));
    await waitFor(() => expect(rowsOf()).toEqual(['王五']));
    await userEvent.type(screen.getByRole('searchbox', { name: '搜索' }), '张{Enter}');
    await waitFor(() => expect(rowsOf()).toEqual(['张三']));
    expect(load).toHaveBeenLastCalledWith({ q: '张' }, undefined);
    expect(screen.getByText('第 1 页')).toBeTruthy();
  });

  it('gives the export action the filters in force', async () => {
    fakeApi(cadre([]), () => undefined);
    const onExport = vi.fn();
    renderPage(<People load={twoPages} onExport={onExport} />);
    await userEvent.type(await screen.findByRole('searchbox', { name: '搜索' }), '王{Enter}');
    await userEvent.click(screen.getByRole('button', { name: /导\s*出/ }));
    expect(onExport).toHaveBeenCalledWith({ q: '王' });
  });

  it('says why a page failed to load instead of showing stale rows', async () => {
    fakeApi(cadre([]), () => undefined);
    const load = vi.fn<Load>().mockRejectedValue(new Error('boom'));
    renderPage(<People load={load} onExport={() => undefined} />);
    expect(await screen.findByText('无法连接服务器，请检查网络后重试')).toBeTruthy();
    expect(rowsOf()).toHaveLength(1); // antd's empty-state row
  });

  it('shows the total the first page answered, and keeps it on the next page', async () => {
    fakeApi(cadre([]), () => undefined);
    const load: Load = async (filter, cursor) => ({
      ...(await twoPages(filter, cursor)),
      ...(cursor ? {} : { total: { count: 12345, kind: 'atLeast' as const } }),
    });
    renderPage(<People load={load} onExport={() => undefined} />);
    const pager = within(await screen.findByTestId('people-pager'));
    await waitFor(() => expect(pager.getByTestId('list-total').textContent).toBe('12,345 条以上'));
    await userEvent.click(pager.getByTestId('pager-next'));
    await waitFor(() => expect(rowsOf()).toEqual(['王五']));
    expect(pager.getByTestId('list-total').textContent).toBe('12,345 条以上');
  });

  it('hides a column from the column settings and reloads on refresh', async () => {
    fakeApi(cadre([]), () => undefined);
    window.localStorage.clear();
    const load = vi.fn(twoPages);
    function Wide() {
      const list = useList<Filter, Row>(load, { initial: {} });
      return (
        <ListPage
          list={list}
          testId="wide"
          columns={[
            { title: '姓名', dataIndex: 'name' },
            { title: '编号', dataIndex: 'id' },
          ]}
        />
      );
    }
    renderPage(<Wide />);
    const header = () =>
      within(screen.getByTestId('wide-table'))
        .getAllByRole('columnheader')
        .map((h) => h.textContent);
    await waitFor(() => expect(header()).toEqual(['姓名', '编号']));
    await userEvent.click(screen.getByTestId('wide-columns'));
    await userEvent.click(await screen.findByTestId('wide-column-id'));
    await waitFor(() => expect(header()).toEqual(['姓名']));
    const calls = load.mock.calls.length;
    await userEvent.click(screen.getByTestId('wide-refresh'));
    await waitFor(() => expect(load.mock.calls.length).toBe(calls + 1));
  });
});
