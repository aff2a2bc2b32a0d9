import { CheckOutlined, CloseOutlined, SwapOutlined } from '@ant-design/icons';
import { Button, Segmented, Select, Space, Tooltip, Typography, type TableColumnsType } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { transferStatuses, type Transfer } from '../../../common/transfers.js';
import type { OrgWithAncestors } from '../../../common/orgs.js';
import { useAuth } from '../../app/auth.js';
import { formatDateTime } from '../../app/format.js';
import { useNotify } from '../../app/notify.js';
import { ListPage, useList } from '../../app/ListPage.js';
import { TransferDecisionModal, TransferRequestModal } from './TransferModals.js';
import { transfersApi, type TransferFilters } from './transfers.api.js';

const PAGE_SIZE = 50;
type TransferStatus = Transfer['status'];
type Dialog = { kind: 'request' } | { kind: 'decide'; transfer: Transfer; decision: 'confirm' | 'reject' } | null;

const statusColors: Record<TransferStatus, string> = { pending: 'gold', confirmed: 'green', rejected: 'red', cancelled: 'default' };

/** The 会籍转移 tab: transfers into (转入) and out of (转出) this node's subtree; the releasing side confirms. */
export function TransfersTab({ org }: { org: OrgWithAncestors }) {
  const { t } = useTranslation();
  const { can } = useAuth();
  const notify = useNotify();
  const [dialog, setDialog] = useState<Dialog>(null);
  const list = useList((filters: TransferFilters, cursor) => transfersApi.list(org.id, filters, cursor, PAGE_SIZE), {
    initial: { direction: 'incoming', status: 'pending' },
    scope: org.id,
  });
  const filters = list.draft;
  const canWrite = can('member.write');

  const columns: TableColumnsType<Transfer> = [
    {
      title: t('transfer.field.member'),
      dataIndex: 'maskedName',
      width: 100,
      render: (n: string) => <Typography.Text strong>{n}</Typography.Text>,
    },
    { title: t('transfer.field.from'), dataIndex: 'fromOrgName', ellipsis: true },
    { title: t('transfer.field.to'), dataIndex: 'toOrgName', ellipsis: true },
    { title: t('transfer.field.requestedAt'), dataIndex: 'requestedAt', width: 170, render: (v: string) => formatDateTime(v) },
    {
      title: t('transfer.field.autoConfirmAt'),
      dataIndex: 'autoConfirmAt',
      width: 130,
      render: (v: string, tr) =>
        tr.status === 'pending' ? (
          <Tooltip title={t('transfer.autoHint', { date: formatDateTime(v) })}>
            <span data-testid="auto-confirm">{v.slice(0, 10)}</span>
          </Tooltip>
        ) : (
          <Typography.Text type="secondary">{tr.decidedAt ? formatDateTime(tr.decidedAt) : t('common.none')}</Typography.Text>
        ),
    },
    {
      title: t('transfer.field2.consent'),
      dataIndex: 'consent',
      width: 150,
      render: (c: Transfer['consent'], tr) => (
        <span data-testid="transfer-consent">
          {t(`transfer.consent.${c ?? 'none'}`)}
          {tr.status === 'pending' && tr.releasedAt ? ` · ${t('transfer.released')}` : ''}
        </span>
      ),
    },
    {
      title: t('transfer.field.status'),
      dataIndex: 'status',
      width: 110,
      render: (s: TransferStatus) => <span className={`dot-status ${statusColors[s]}`}>{t(`transfer.status.${s}`)}</span>,
    },
  ];
  if (canWrite && filters.direction === 'outgoing' && filters.status === 'pending') {
    columns.push({
      title: t('common.actions'),
      key: 'actions',
      width: 190,
      render: (_v: unknown, tr) => (
        <Space size={4}>
          <Button
            size="small"
            type="primary"
            icon={<CheckOutlined />}
            onClick={() => setDialog({ kind: 'decide', transfer: tr, decision: 'confirm' })}
            data-testid={`transfer-confirm-${tr.id}`}
          >
            {t('transfer.confirm')}
          </Button>
          <Button
            size="small"
            danger
            icon={<CloseOutlined />}
            onClick={() => setDialog({ kind: 'decide', transfer: tr, decision: 'reject' })}
            data-testid={`transfer-reject-${tr.id}`}
          >
            {t('transfer.reject')}
          </Button>
        </Space>
      ),
    });
  }

  return (
    <ListPage
      list={list}
      columns={columns}
      testId="transfers"
      containerTestId="transfers-tab"
      scrollX={900}
      emptyText={t('transfer.empty')}
      filters={
        <>
          <Segmented
            value={filters.direction}
            onChange={(direction) => list.apply({ direction: direction === 'outgoing' ? 'outgoing' : 'incoming' })}
            options={[
              { value: 'incoming', label: <span data-testid="transfers-incoming">{t('transfer.incoming')}</span> },
              { value: 'outgoing', label: <span data-testid="transfers-outgoing">{t('transfer.outgoing')}</span> },
            ]}
          />
          <Select
            value={filters.status}
            onChange={(status: TransferStatus) => list.apply({ status })}
            options={transferStatuses.map((s) => ({ value: s, label: t(`transfer.status.${s}`) }))}
            style={{ width: 130 }}
            data-testid="transfers-filter-status"
          />
        </>
      }
      actions={
        canWrite && (
          <Button type="primary" icon={<SwapOutlined />} onClick={() => setDialog({ kind: 'request' })} data-testid="transfer-request">
            {t('transfer.request')}
          </Button>
        )
      }
    >
      {dialog?.kind === 'request' && (
        <TransferRequestModal
          org={org}
          onClose={() => setDialog(null)}
          onDone={(transfer) => {
            setDialog(null);
            notify.success(t('transfer.requested', { from: transfer.fromOrgName }));
            list.reset();
            list.restart();
          }}
        />
      )}
      {dialog?.kind === 'decide' && (
        <TransferDecisionModal
          transfer={dialog.transfer}
          decision={dialog.decision}
          onClose={() => setDialog(null)}
          onDone={() => {
            notify.success(dialog.decision === 'confirm' ? t('transfer.confirmed') : t('transfer.rejectedMsg'));
            setDialog(null);
            list.restart();
          }}
        />
      )}
    </ListPage>
  );
}
