import { CheckOutlined, CloseOutlined } from '@ant-design/icons';
import { Button, Space, Tooltip, Typography, type TableColumnsType } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Transfer } from '../../../common/transfers.js';
import { formatDateTime } from '../../app/format.js';

type TransferStatus = Transfer['status'];

const statusColors: Record<TransferStatus, string> = { pending: 'gold', confirmed: 'green', rejected: 'red', cancelled: 'default' };

/** The transfer list's columns; the confirm / reject buttons where the caller may decide (pending, outgoing). */
export function useTransferColumns(
  canDecide: boolean,
  onDecide: (transfer: Transfer, decision: 'confirm' | 'reject') => void,
): TableColumnsType<Transfer> {
  const { t } = useTranslation();
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
  if (canDecide) {
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
            onClick={() => onDecide(tr, 'confirm')}
            data-testid={`transfer-confirm-${tr.id}`}
          >
            {t('transfer.confirm')}
          </Button>
          <Button
            size="small"
            danger
            icon={<CloseOutlined />}
            onClick={() => onDecide(tr, 'reject')}
            data-testid={`transfer-reject-${tr.id}`}
          >
            {t('transfer.reject')}
          </Button>
        </Space>
      ),
    });
  }

  return columns;
}
