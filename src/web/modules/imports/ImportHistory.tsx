import { ReloadOutlined } from '@ant-design/icons';
import { Button, Typography, type TableColumnsType } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ImportJob } from '../../../common/imports.js';
import { formatCount, formatDateTime } from '../../app/format.js';
import { ListPage, type ListState } from '../../app/ListPage.js';
import { ErrorFileButton } from './ErrorFileButton.js';
import { ImportStatusTag } from './ImportStatusTag.js';

/** The imports of this unit, newest first, with each one's figures and its error file. */
export function ImportHistory({ list }: { list: ListState<object, ImportJob> }) {
  const { t } = useTranslation();
  const columns: TableColumnsType<ImportJob> = [
    { title: t('imports.fileName'), dataIndex: 'fileName', ellipsis: true },
    {
      title: t('imports.statusLabel'),
      dataIndex: 'status',
      width: 100,
      render: (s: ImportJob['status']) => <ImportStatusTag status={s} />,
    },
    { title: t('imports.imported'), dataIndex: 'imported', width: 90, align: 'right', render: (n: number) => formatCount(n) },
    { title: t('imports.rejected'), dataIndex: 'rejected', width: 90, align: 'right', render: (n: number) => formatCount(n) },
    { title: t('imports.duplicates'), dataIndex: 'duplicates', width: 90, align: 'right', render: (n: number) => formatCount(n) },
    { title: t('imports.createdAt'), dataIndex: 'createdAt', width: 180, render: (v: string) => formatDateTime(v) },
    {
      title: t('common.actions'),
      key: 'actions',
      width: 150,
      render: (_v: unknown, row) =>
        row.hasErrorFile ? (
          <ErrorFileButton jobId={row.id} isCompact />
        ) : (
          row.status === 'failed' && <Typography.Text type="danger">{row.failure}</Typography.Text>
        ),
    },
  ];
  return (
    <ListPage
      list={list}
      columns={columns}
      testId="imports"
      size="small"
      scrollX={860}
      emptyText={t('imports.historyEmpty')}
      filters={
        <Typography.Title level={5} style={{ margin: 0 }}>
          {t('imports.history')}
        </Typography.Title>
      }
      actions={
        <Button icon={<ReloadOutlined />} onClick={list.pages.reload}>
          {t('common.refresh')}
        </Button>
      }
    />
  );
}
