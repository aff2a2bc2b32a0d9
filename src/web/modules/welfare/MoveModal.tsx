import { Form, Input, InputNumber, Select } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { MoveBody, type CampaignDetail, type StockMove } from '../../../common/welfare.js';
import { FormModal } from '../../app/FormModal.js';
import { parseWithSchema } from '../../app/zodForm.js';
import { OrgSearch } from '../orgs/OrgSearch.js';
import { stockPlaces } from './places.js';
import { newKey, welfareApi } from './welfare.api.js';

export type MoveKindChoice = 'stock_in' | 'allocate' | 'transfer';
type Values = { itemId?: number; qty?: number | null; from?: string; site?: string; note?: string };

/** 入库 / 分配到下级 / 调往发放点: one stock move, sent with a key so a retry is not booked twice. */
export function MoveModal({
  campaign,
  kind,
  onClose,
  onDone,
}: {
  campaign: CampaignDetail;
  kind: MoveKindChoice;
  onClose: () => void;
  onDone: (m: StockMove) => void;
}) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();
  const [key] = useState(() => newKey('move'));
  const [toOrgId, setToOrgId] = useState<number | undefined>(undefined);
  const places = stockPlaces(t, campaign).filter((p) => p.kind !== 'site');
  const labels = {
    itemId: t('welfare.stock.item'),
    qty: t('welfare.stock.qty'),
    toOrgId: t('welfare.stock.to'),
    site: t('welfare.stock.siteName'),
  };
  const title = t(`welfare.stock.${kind === 'stock_in' ? 'stockIn' : kind}`);
  return (
    <FormModal
      title={title}
      form={form}
      initialValues={{ itemId: campaign.items[0]?.id, from: places[0]?.key }}
      isEnterSubmit={false}
      submit={(v) => {
        const from = places.find((p) => p.key === v.from)?.place;
        const common = { key, itemId: v.itemId, qty: v.qty ?? undefined, note: v.note || undefined };
        const raw =
          kind === 'stock_in'
            ? { kind, ...common }
            : kind === 'allocate'
              ? { kind, ...common, fromOrgId: from?.orgId, toOrgId }
              : { kind, ...common, from, to: { orgId: from?.orgId, site: v.site } };
        const body = parseWithSchema(MoveBody, raw, form, labels, t);
        return body && welfareApi.move(campaign.id, body);
      }}
      onClose={onClose}
      onDone={onDone}
      successText={t('welfare.stock.moved')}
      okText={t('common.ok')}
      testIds={{ modal: 'move-form', submit: 'move-ok', error: 'move-error' }}
    >
      <Form.Item name="itemId" label={labels.itemId} required>
        <Select options={campaign.items.map((i) => ({ value: i.id, label: `${i.name}（${i.unit}）` }))} data-testid="move-item" />
      </Form.Item>
      <Form.Item name="qty" label={labels.qty} required>
        <InputNumber min={1} precision={0} style={{ width: 200 }} data-testid="move-qty" />
      </Form.Item>
      {kind !== 'stock_in' && (
        <Form.Item name="from" label={t('welfare.stock.from')} required>
          <Select options={places.map((p) => ({ value: p.key, label: p.label }))} data-testid="move-from" />
        </Form.Item>
      )}
      {kind === 'allocate' && (
        <Form.Item label={labels.toOrgId} required validateStatus={undefined}>
          <OrgSearch testId="move-to" keepName onPick={(hit) => setToOrgId(hit.id)} onClear={() => setToOrgId(undefined)} />
        </Form.Item>
      )}
      {kind === 'transfer' && (
        <Form.Item name="site" label={labels.site} required>
          <Input maxLength={100} data-testid="move-site" />
        </Form.Item>
      )}
      <Form.Item name="note" label={t('welfare.stock.note')}>
        <Input maxLength={500} />
      </Form.Item>
    </FormModal>
  );
}
