import { Button, Card, Table, Typography, type TableColumnsType, type TableProps } from 'antd';
import { useCallback, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { Page } from '../../common/paging.js';
import { PagerBar, useCursorPages, type CursorPages } from './paging.js';
import { useTableSettings } from './TableSettings.js';

/** The state of a filtered list: the filters being edited, the ones applied, and the pages they load. */
export type ListState<F, T> = {
  /** What the filter bar shows (a search box may hold text not yet applied). */
  draft: F;
  /** The filters the pages were loaded with. */
  filter: F;
  /** Changes the draft only (typing in a search box). */
  edit: (patch: Partial<F>) => void;
  /** Changes the draft and applies it: the list starts again at page 1. */
  apply: (patch: Partial<F>) => void;
  /** Clears every filter. */
  reset: () => void;
  pages: CursorPages<T>;
  /** Loads page 1 again (after a create: the new row may sort first). */
  restart: () => void;
};

/**
 * A keyset-paged list under filters. `load` receives the applied filters and the cursor; any change of the filters
 * or of `scope` (the organisation in view) starts again at page 1.
 */
export function useList<F extends object, T>(
  load: (filter: F, cursor: string | undefined) => Promise<Page<T>>,
  { initial, scope = '' }: { initial: F; scope?: string | number },
): ListState<F, T> {
  const [initialFilter] = useState<F>(initial);
  const [draft, setDraft] = useState<F>(initial);
  const [filter, setFilter] = useState<F>(initial);
  const [version, setVersion] = useState(0);
  const pages = useCursorPages((cursor) => load(filter, cursor), `${scope}:${JSON.stringify(filter)}:${version}`);
  const edit = useCallback((patch: Partial<F>) => setDraft((d) => ({ ...d, ...patch })), []);
  const apply = useCallback(
    (patch: Partial<F>) => {
      const next = { ...draft, ...patch };
      setDraft(next);
      setFilter(next);
    },
    [draft],
  );
  const reset = useCallback(() => {
    setDraft(initialFilter);
    setFilter(initialFilter);
  }, [initialFilter]);
  const restart = useCallback(() => setVersion((n) => n + 1), []);
  return { draft, filter, edit, apply, reset, pages, restart };
}

type ListPageProps<F, T> = {
  list: ListState<F, T>;
  columns: TableColumnsType<T>;
  /** `<testId>-table` and `<testId>-pager` name the table and its pager for browser tests. */
  testId: string;
  /** The page's own test id (its container). */
  containerTestId?: string;
  /** A page of its own has a title (filters and actions go into its header); a tab of a page has none. */
  title?: ReactNode;
  intro?: ReactNode;
  /** The filter controls; they read `list.draft` and call `list.edit` / `list.apply`. */
  filters?: ReactNode;
  /** Shows the reset button of the filter bar (tabs). */
  canReset?: boolean;
  /** Buttons at the end of the bar: create, export. */
  actions?: ReactNode;
  /** Between the filter bar and the table: a selection bar, a notice. */
  above?: ReactNode;
  scrollX?: number;
  emptyText?: ReactNode;
  onRow?: TableProps<T>['onRow'];
  /** A row's key where the rows have no `id` (e.g. a row number of a file). */
  rowKey?: TableProps<T>['rowKey'];
  /** `small` for a list inside a card or a notice. */
  size?: TableProps<T>['size'];
  rowSelection?: TableProps<T>['rowSelection'];
  /** A click on a sortable column's header (the list's sort is a filter: it starts again at page 1). */
  onChange?: TableProps<T>['onChange'];
  /** Dialogs and drawers the page opens. */
  children?: ReactNode;
};

/**
 * 列表页: a filter bar, a table with its controls (total, refresh, density, columns) and the previous/next pager, alike
 * on every list of the console.
 */
export function ListPage<F, T extends object>({
  list,
  columns,
  testId,
  containerTestId,
  title,
  intro,
  filters,
  canReset = false,
  actions,
  above,
  scrollX,
  emptyText,
  onRow,
  rowKey = 'id',
  size = 'middle',
  rowSelection,
  onChange,
  children,
}: ListPageProps<F, T>) {
  const { t } = useTranslation();
  const settings = useTableSettings(testId, columns, size, list.pages.reload);
  const table = (
    <>
      {above}
      <div style={{ display: 'flex', justifyContent: 'flex-end', marginBottom: 4 }}>{settings.toolbar}</div>
      <Table<T>
        rowKey={rowKey}
        size={settings.size}
        columns={settings.columns}
        dataSource={list.pages.items}
        loading={list.pages.isLoading}
        pagination={false}
        scroll={scrollX === undefined ? undefined : { x: scrollX - settings.hiddenWidth }}
        locale={emptyText === undefined ? undefined : { emptyText }}
        onRow={onRow}
        rowSelection={rowSelection}
        onChange={onChange}
        data-testid={`${testId}-table`}
      />
      <PagerBar pages={list.pages} testId={`${testId}-pager`} />
    </>
  );
  const reset = canReset && <Button onClick={list.reset}>{t('common.reset')}</Button>;

  if (title === undefined) {
    return (
      <div data-testid={containerTestId}>
        {(filters || actions || reset) && (
          <div className="filters">
            {filters}
            {reset}
            {actions && <span style={{ marginLeft: 'auto', display: 'inline-flex', gap: 8 }}>{actions}</span>}
          </div>
        )}
        {table}
        {children}
      </div>
    );
  }
  return (
    <div data-testid={containerTestId}>
      <div className="page-header">
        <Typography.Title level={3}>{title}</Typography.Title>
        {(filters || actions) && (
          <div className="page-actions" style={{ flexWrap: 'wrap', gap: 8 }}>
            {filters}
            {reset}
            {actions}
          </div>
        )}
      </div>
      {intro && <Typography.Paragraph type="secondary">{intro}</Typography.Paragraph>}
      <Card size="small">{table}</Card>
      {children}
    </div>
  );
}
