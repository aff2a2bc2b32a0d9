import { SwapOutlined } from '@ant-design/icons';
import { Button, Segmented, Select } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router-dom';
import { transferStatuses, type Transfer } from '../../../common/transfers.js';
import type { OrgWithAncestors } from '../../../common/orgs.js';
import { useAuth } from '../../app/auth.js';
import { useNotify } from '../../app/notify.js';
import { ListPage, useList } from '../../app/ListPage.js';
import { useTransferColumns } from './transferColumns.js';
import { TransferDecisionModal, TransferRequestModal } from './TransferModals.js';
import { transfersApi, type TransferFilters } from './transfers.api.js';

const PAGE_SIZE = 50;
type TransferStatus = Transfer['status'];
type Dialog = { kind: 'request' } | { kind: 'decide'; transfer: Transfer; decision: 'confirm' | 'reject' } | null;

/** The 会籍转移 tab: transfers into (转入) and out of (转出) this node's subtree; the releasing side confirms. */
export function TransfersTab({ org }: { org: OrgWithAncestors }) {
  const { t } = useTranslation();
  const { can } = useAuth();
  const notify = useNotify();
  const [dialog, setDialog] = useState<Dialog>(null);
  const [searchParams] = useSearchParams();
  const list = useList((filters: TransferFilters, cursor) => transfersApi.list(org.id, filters, cursor, PAGE_SIZE), {
    // The 工作台's 待确认 link opens the outgoing list.
    initial: { direction: searchParams.get('direction') === 'outgoing' ? 'outgoing' : 'incoming', status: 'pending' },
    scope: org.id,
  });
  const filters = list.draft;
  const canWrite = can('member.write');

  const columns = useTransferColumns(canWrite && filters.direction === 'outgoing' && filters.status === 'pending', (transfer, decision) =>
    setDialog({ kind: 'decide', transfer, decision }),
  );

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
