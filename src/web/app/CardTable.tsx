import { Card, Table, type TableColumnsType, type TableProps } from 'antd';
import type { ReactNode } from 'react';

type CardTableProps<T> = {
  title?: ReactNode;
  columns: TableColumnsType<T>;
  rows: readonly T[];
  rowKey: TableProps<T>['rowKey'];
  /** The table's width before it scrolls sideways. */
  scrollX: number;
  testId: string;
  emptyText?: ReactNode;
};

/** A small table of figures in a card, all rows at once (no pager): the tables of a detail page's tabs. */
export function CardTable<T extends object>({ title, columns, rows, rowKey, scrollX, testId, emptyText }: CardTableProps<T>) {
  return (
    <Card size="small" title={title}>
      <Table<T>
        rowKey={rowKey}
        size="small"
        columns={columns}
        dataSource={rows}
        pagination={false}
        scroll={{ x: scrollX }}
        locale={emptyText === undefined ? undefined : { emptyText }}
        data-testid={testId}
      />
    </Card>
  );
}
