import { Button, Modal, Typography, type TableColumnsType } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CampaignDetail, Handout } from '../../../common/welfare.js';
import { formatDateTime } from '../../app/format.js';
import { ListPage, useList } from '../../app/ListPage.js';
import { QrCode } from '../cards/QrCode.js';
import { welfareApi } from './welfare.api.js';

type VoucherRow = Handout['vouchers'][number] & { holder: string };

/** 兑换券: the vouchers issued with hand-outs (one per person), each with its signed QR code to show or print. */
export function VouchersTab({ campaign, version }: { campaign: CampaignDetail; version: number }) {
  const { t } = useTranslation();
  const [shown, setShown] = useState<VoucherRow | null>(null);
  const list = useList(
    async (_f: Record<string, never>, cursor) => {
      const page = await welfareApi.handouts(campaign.id, cursor, 50);
      const items = page.items.flatMap((h) =>
        h.vouchers.map((v) => ({ ...v, holder: [h.nameMasked, h.phoneMasked].filter(Boolean).join(' ') })),
      );
      return { items, nextCursor: page.nextCursor };
    },
    { initial: {}, scope: campaign.id },
  );
  const { restart } = list;
  useEffect(() => restart(), [version, restart]);
  const itemName = (id: number) => campaign.items.find((i) => i.id === id)?.name ?? `#${id}`;
  const columns: TableColumnsType<VoucherRow> = [
    { title: t('welfare.voucher.serial'), dataIndex: 'serial', width: 160 },
    { title: t('welfare.stock.item'), dataIndex: 'itemId', render: itemName },
    { title: t('welfare.handout.who'), dataIndex: 'holder', width: 200 },
    { title: t('welfare.voucher.validTo'), dataIndex: 'validTo', width: 170, render: formatDateTime },
    {
      title: '',
      key: 'qr',
      width: 100,
      render: (_: unknown, v) =>
        v.token && (
          <Button size="small" onClick={() => setShown(v)} data-testid={`voucher-qr-${v.id}`}>
            {t('welfare.voucher.show')}
          </Button>
        ),
    },
  ];
  return (
    <ListPage
      list={list}
      columns={columns}
      testId="vouchers"
      containerTestId="vouchers-tab"
      scrollX={800}
      above={<Typography.Paragraph type="secondary">{t('welfare.voucher.hint')}</Typography.Paragraph>}
    >
      {shown && (
        <Modal open footer={null} onCancel={() => setShown(null)} title={`${itemName(shown.itemId)} · ${shown.serial}`}>
          <QrCode text={shown.token} size={260} testId="voucher-qr" />
        </Modal>
      )}
    </ListPage>
  );
}
