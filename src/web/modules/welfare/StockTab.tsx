import { Button, Space, type TableColumnsType } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CampaignDetail, StockBalance } from '../../../common/welfare.js';
import { useAuth } from '../../app/auth.js';
import { CardTable } from '../../app/CardTable.js';
import { formatDateTime } from '../../app/format.js';
import { useNotify } from '../../app/notify.js';
import { MoveModal, type MoveKindChoice } from './MoveModal.js';
import { placeLabel } from './places.js';
import { welfareApi } from './welfare.api.js';

type Pending = CampaignDetail['pendingReceipts'][number];

/** 物资与库存: the items, stock per place, allocations awaiting receipt; stock in, allocate, move to a site. */
export function StockTab({ campaign, onChanged }: { campaign: CampaignDetail; onChanged: () => void }) {
  const { t } = useTranslation();
  const { can } = useAuth();
  const notify = useNotify();
  const [dialog, setDialog] = useState<MoveKindChoice | null>(null);
  const [busy, setBusy] = useState<number | null>(null);
  const itemOf = (id: number) => campaign.items.find((i) => i.id === id);
  const itemText = (id: number) => {
    const item = itemOf(id);
    return item ? `${item.name}（${item.unit}）` : `#${id}`;
  };
  const confirm = async (p: Pending) => {
    setBusy(p.moveId);
    try {
      await welfareApi.receive(campaign.id, p.moveId);
      notify.success(t('welfare.stock.confirmed'));
      onChanged();
    } catch (error) {
      notify.error(error);
    } finally {
      setBusy(null);
    }
  };
  const itemColumns: TableColumnsType<CampaignDetail['items'][number]> = [
    { title: t('welfare.field.itemName'), dataIndex: 'name' },
    { title: t('welfare.field.unit'), dataIndex: 'unit', width: 80 },
    { title: t('welfare.field.plannedQty'), dataIndex: 'plannedQty', width: 120, align: 'right' },
    { title: t('welfare.field.budgetYuan'), dataIndex: 'budgetYuan', width: 140, align: 'right' },
    { title: t('welfare.field.isVoucher'), dataIndex: 'isVoucher', width: 90, render: (v: boolean) => (v ? '✓' : '') },
  ];
  const stockColumns: TableColumnsType<StockBalance> = [
    { title: t('welfare.stock.place'), key: 'place', render: (_: unknown, s) => placeLabel(t, s) },
    { title: t('welfare.stock.item'), dataIndex: 'itemId', render: itemText },
    { title: t('welfare.stock.qty'), dataIndex: 'qty', width: 120, align: 'right' },
  ];
  const pendingColumns: TableColumnsType<Pending> = [
    { title: t('welfare.stock.to'), dataIndex: 'toOrgName' },
    { title: t('welfare.stock.item'), dataIndex: 'itemId', render: itemText },
    { title: t('welfare.stock.qty'), dataIndex: 'qty', width: 100, align: 'right' },
    { title: t('welfare.stock.sentAt'), dataIndex: 'sentAt', width: 170, render: formatDateTime },
    {
      title: '',
      key: 'confirm',
      width: 120,
      render: (_: unknown, p) =>
        can('welfare.write') && (
          <Button
            size="small"
            type="primary"
            loading={busy === p.moveId}
            onClick={() => void confirm(p)}
            data-testid={`confirm-receipt-${p.moveId}`}
          >
            {t('welfare.stock.confirm')}
          </Button>
        ),
    },
  ];
  return (
    <Space direction="vertical" style={{ width: '100%' }} data-testid="stock-tab">
      {can('welfare.write') && (
        <Space wrap>
          <Button type="primary" onClick={() => setDialog('stock_in')} data-testid="stock-in">
            {t('welfare.stock.stockIn')}
          </Button>
          <Button onClick={() => setDialog('allocate')} data-testid="stock-allocate">
            {t('welfare.stock.allocate')}
          </Button>
          <Button onClick={() => setDialog('transfer')} data-testid="stock-transfer">
            {t('welfare.stock.transfer')}
          </Button>
        </Space>
      )}
      {campaign.pendingReceipts.length > 0 && (
        <CardTable
          title={t('welfare.stock.pending')}
          rowKey="moveId"
          columns={pendingColumns}
          rows={campaign.pendingReceipts}
          scrollX={600}
          testId="pending-receipts"
        />
      )}
      <CardTable
        title={t('welfare.field.items')}
        rowKey="id"
        columns={itemColumns}
        rows={campaign.items}
        scrollX={600}
        testId="campaign-items-table"
      />
      <CardTable
        title={t('welfare.stock.place')}
        rowKey={(s) => `${s.locationId}:${s.itemId}`}
        columns={stockColumns}
        rows={campaign.stock.filter((s) => s.kind !== 'handed_out')}
        scrollX={500}
        emptyText={t('welfare.stock.none')}
        testId="stock-table"
      />
      {dialog && (
        <MoveModal
          campaign={campaign}
          kind={dialog}
          onClose={() => setDialog(null)}
          onDone={() => {
            setDialog(null);
            onChanged();
          }}
        />
      )}
    </Space>
  );
}
