import { Form, Input, InputNumber, Radio, Select, Space, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { HandoutBody, handoutKinds, type CampaignDetail, type Handout, type HandoutKind } from '../../../common/welfare.js';
import { FormModal } from '../../app/FormModal.js';
import { parseWithSchema } from '../../app/zodForm.js';
import { CardScanner } from './CardScanner.js';
import { stockPlaces } from './places.js';
import { newKey, welfareApi } from './welfare.api.js';

/** Holds the place of a field that has no control of its own, so that a refusal of `items` shows under the lines. */
function ErrorSlot(_: { value?: unknown; onChange?: unknown }) {
  return null;
}

type Values = {
  kind: HandoutKind;
  from?: string;
  cardToken?: string;
  name?: string;
  phone?: string;
  idNumber?: string;
  collectorName?: string;
  count?: number | null;
  qty: Record<string, number | null | undefined>;
};

/**
 * 发放: to a member (card QR scanned or typed), a named non-member (name + phone) or a counted batch at a site;
 * 代领 recorded by the collector's name. One key per opened form: a retry after a network failure is not booked twice.
 */
export function HandoutModal({
  campaign,
  onClose,
  onDone,
}: {
  campaign: CampaignDetail;
  onClose: () => void;
  onDone: (h: Handout) => void;
}) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();
  const [key] = useState(() => newKey('handout'));
  const kind = Form.useWatch('kind', form) ?? 'person';
  const places = stockPlaces(t, campaign);
  const labels = {
    cardToken: t('welfare.handout.cardToken'),
    name: t('welfare.handout.name'),
    phone: t('welfare.handout.phone'),
    idNumber: t('welfare.handout.idNumber'),
    collectorName: t('welfare.handout.collector'),
    count: t('welfare.handout.count'),
    items: t('welfare.handout.what'),
    from: t('welfare.handout.from'),
  };
  const initialQty = Object.fromEntries(campaign.items.map((i) => [String(i.id), null]));
  return (
    <FormModal
      title={t('welfare.handout.title')}
      form={form}
      initialValues={{ kind: 'person', from: places[0]?.key, qty: initialQty }}
      isEnterSubmit={false}
      width={640}
      submit={(v) => {
        const from = places.find((p) => p.key === v.from)?.place;
        const items = campaign.items.map((i) => ({ itemId: i.id, qty: v.qty?.[String(i.id)] ?? 0 })).filter((line) => line.qty > 0);
        const collectorName = v.collectorName?.trim() || undefined;
        const raw =
          v.kind === 'member'
            ? { kind: v.kind, key, from, cardToken: v.cardToken, collectorName, items }
            : v.kind === 'person'
              ? { kind: v.kind, key, from, name: v.name, phone: v.phone, idNumber: v.idNumber?.trim() || undefined, collectorName, items }
              : { kind: v.kind, key, from, count: v.count ?? undefined, items };
        const body = parseWithSchema(HandoutBody, raw, form, labels, t);
        return body && welfareApi.handOut(campaign.id, body);
      }}
      onClose={onClose}
      onDone={onDone}
      successText={t('welfare.handout.done')}
      okText={t('welfare.handout.create')}
      testIds={{ modal: 'handout-form', submit: 'handout-ok', error: 'handout-error' }}
    >
      <Form.Item name="kind">
        <Radio.Group
          optionType="button"
          options={handoutKinds.map((k) => ({
            value: k,
            label: <span data-testid={`handout-kind-${k}`}>{t(`welfare.handout.kindShort.${k}`)}</span>,
          }))}
        />
      </Form.Item>
      <Typography.Paragraph type="secondary">{t(`welfare.handout.kind.${kind}`)}</Typography.Paragraph>
      <Form.Item name="from" label={labels.from} required>
        <Select options={places.map((p) => ({ value: p.key, label: p.label }))} data-testid="handout-from" />
      </Form.Item>
      {kind === 'member' && (
        <Form.Item name="cardToken" label={labels.cardToken} extra={t('welfare.handout.cardHint')} required>
          <CardScanner testId="handout-card" />
        </Form.Item>
      )}
      {kind === 'person' && (
        <Space wrap align="start">
          <Form.Item name="name" label={labels.name} required>
            <Input maxLength={50} autoComplete="off" data-testid="handout-name" />
          </Form.Item>
          <Form.Item name="phone" label={labels.phone} required>
            <Input maxLength={30} inputMode="tel" autoComplete="off" data-testid="handout-phone" />
          </Form.Item>
          <Form.Item name="idNumber" label={labels.idNumber}>
            <Input maxLength={30} autoComplete="off" data-testid="handout-id-number" />
          </Form.Item>
        </Space>
      )}
      {kind === 'batch' && (
        <Form.Item name="count" label={labels.count} required>
          <InputNumber min={1} precision={0} data-testid="handout-count" />
        </Form.Item>
      )}
      {kind !== 'batch' && (
        <Form.Item name="collectorName" label={labels.collectorName}>
          <Input maxLength={50} data-testid="handout-collector" />
        </Form.Item>
      )}
      <Form.Item label={labels.items} required>
        <Space direction="vertical">
          {campaign.items.map((i) => (
            <Space key={i.id}>
              <span style={{ display: 'inline-block', minWidth: 160 }}>{i.name}</span>
              <Form.Item name={['qty', String(i.id)]} noStyle>
                <InputNumber
                  min={0}
                  max={i.isVoucher ? 1 : undefined}
                  precision={0}
                  style={{ width: 120 }}
                  data-testid={`handout-qty-${i.id}`}
                />
              </Form.Item>
              <span>{i.unit}</span>
            </Space>
          ))}
        </Space>
        <Form.Item name="items" style={{ marginBottom: 0 }}>
          <ErrorSlot />
        </Form.Item>
      </Form.Item>
    </FormModal>
  );
}
