import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Checkbox, Form, Input, InputNumber, Select, Space } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { OrgSearchHit } from '../../../common/orgs.js';
import {
  campaignKinds,
  CreateCampaignBody,
  itemUnits,
  type CampaignDetail,
  type CampaignKind,
  type ItemUnit,
} from '../../../common/welfare.js';
import { DateInput } from '../../app/DateInput.js';
import { FormModal } from '../../app/FormModal.js';
import { parseWithSchema } from '../../app/zodForm.js';
import { OrgTagPicker } from '../orgs/OrgTagPicker.js';
import { welfareApi } from './welfare.api.js';

type ItemValues = { name?: string; unit?: ItemUnit; plannedQty?: number | null; budgetYuan?: number | null; isVoucher?: boolean };
type Values = {
  kind: CampaignKind;
  name?: string;
  description?: string;
  startsOn?: string;
  endsOn?: string;
  voucherFrom?: string;
  voucherTo?: string;
  items: ItemValues[];
};

/** 'YYYY-MM-DD' on Beijing's calendar, `days` from today. */
export function beijingDay(days = 0): string {
  return new Date(Date.now() + 8 * 3_600_000 + days * 86_400_000).toISOString().slice(0, 10);
}

/** 新建慰问活动: kind, period, items (unit, quantity, amount), co-organising nodes. */
export function CampaignFormModal({ orgId, onClose, onDone }: { orgId: number; onClose: () => void; onDone: (c: CampaignDetail) => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();
  const [coOrganisers, setCoOrganisers] = useState<OrgSearchHit[]>([]);
  const labels = {
    name: t('welfare.field.name'),
    startsOn: t('welfare.field.startsOn'),
    endsOn: t('welfare.field.endsOn'),
    voucherFrom: t('welfare.field.voucherFrom'),
    voucherTo: t('welfare.field.voucherTo'),
    items: t('welfare.field.items'),
  };
  const initial: Values = {
    kind: 'summer',
    startsOn: beijingDay(),
    endsOn: beijingDay(60),
    items: [{ unit: '斤', isVoucher: false }],
  };
  return (
    <FormModal
      title={t('welfare.create')}
      form={form}
      initialValues={initial}
      width={760}
      isEnterSubmit={false}
      submit={(v) => {
        const hasVoucher = v.items.some((i) => i.isVoucher);
        const body = parseWithSchema(
          CreateCampaignBody,
          {
            orgId,
            kind: v.kind,
            name: v.name,
            description: v.description ?? '',
            startsOn: v.startsOn,
            endsOn: v.endsOn,
            voucherFrom: v.voucherFrom ?? (hasVoucher ? v.startsOn : undefined),
            voucherTo: v.voucherTo ?? (hasVoucher ? v.endsOn : undefined),
            coOrganiserIds: coOrganisers.map((o) => o.id),
            items: (v.items ?? []).map((i) => ({
              name: i.name ?? '',
              unit: i.unit,
              plannedQty: i.plannedQty ?? undefined,
              budgetYuan: i.budgetYuan ?? 0,
              isVoucher: i.isVoucher ?? false,
            })),
          },
          form,
          labels,
          t,
        );
        return body && welfareApi.create(body);
      }}
      onClose={onClose}
      onDone={onDone}
      okText={t('common.ok')}
      testIds={{ modal: 'campaign-form', submit: 'campaign-ok', error: 'campaign-error' }}
    >
      <Space wrap align="start">
        <Form.Item name="kind" label={t('welfare.field.kind')} required>
          <Select style={{ width: 140 }} options={campaignKinds.map((k) => ({ value: k, label: t(`welfare.kind.${k}`) }))} />
        </Form.Item>
        <Form.Item name="name" label={labels.name} required>
          <Input maxLength={100} style={{ width: 420 }} data-testid="campaign-name" />
        </Form.Item>
      </Space>
      <Space wrap align="start">
        <Form.Item name="startsOn" label={labels.startsOn} required>
          <DateInput testId="campaign-starts" />
        </Form.Item>
        <Form.Item name="endsOn" label={labels.endsOn} required>
          <DateInput testId="campaign-ends" />
        </Form.Item>
        <Form.Item name="voucherFrom" label={labels.voucherFrom}>
          <DateInput />
        </Form.Item>
        <Form.Item name="voucherTo" label={labels.voucherTo}>
          <DateInput />
        </Form.Item>
      </Space>
      <Form.Item name="description" label={t('welfare.field.description')}>
        <Input.TextArea maxLength={2000} rows={2} />
      </Form.Item>
      <Form.Item label={labels.items} name="items" required>
        <Form.List name="items">
          {(fields, { add, remove }) => (
            <div data-testid="campaign-items">
              {fields.map((field, index) => (
                <Space key={field.key} wrap align="start" data-testid={`campaign-item-${index}`}>
                  <Form.Item name={[field.name, 'name']} noStyle>
                    <Input
                      placeholder={t('welfare.field.itemName')}
                      maxLength={100}
                      style={{ width: 200 }}
                      data-testid={`item-name-${index}`}
                    />
                  </Form.Item>
                  <Form.Item name={[field.name, 'unit']} noStyle>
                    <Select
                      style={{ width: 80 }}
                      options={itemUnits.map((u) => ({ value: u, label: u }))}
                      data-testid={`item-unit-${index}`}
                    />
                  </Form.Item>
                  <Form.Item name={[field.name, 'plannedQty']} noStyle>
                    <InputNumber
                      min={1}
                      precision={0}
                      placeholder={t('welfare.field.plannedQty')}
                      style={{ width: 130 }}
                      data-testid={`item-qty-${index}`}
                    />
                  </Form.Item>
                  <Form.Item name={[field.name, 'budgetYuan']} noStyle>
                    <InputNumber
                      min={0}
                      precision={2}
                      placeholder={t('welfare.field.budgetYuan')}
                      style={{ width: 130 }}
                      data-testid={`item-budget-${index}`}
                    />
                  </Form.Item>
                  <Form.Item name={[field.name, 'isVoucher']} valuePropName="checked" noStyle>
                    <Checkbox>{t('welfare.field.isVoucher')}</Checkbox>
                  </Form.Item>
                  {fields.length > 1 && (
                    <Button icon={<DeleteOutlined />} onClick={() => remove(field.name)} aria-label={t('welfare.remove')} />
                  )}
                </Space>
              ))}
              <Button
                icon={<PlusOutlined />}
                onClick={() => add({ unit: '份', isVoucher: false })}
                style={{ marginTop: 8 }}
                data-testid="campaign-add-item"
              >
                {t('welfare.addItem')}
              </Button>
            </div>
          )}
        </Form.List>
      </Form.Item>
      <Form.Item label={t('welfare.field.coOrganisers')}>
        <OrgTagPicker
          testId="campaign-co-organiser"
          placeholder={t('welfare.addCoOrganiser')}
          value={coOrganisers}
          onChange={setCoOrganisers}
          excludeId={orgId}
        />
      </Form.Item>
    </FormModal>
  );
}
