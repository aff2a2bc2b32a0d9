import { Form, Space, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { EventDetail, EventSession } from '../../../common/events.js';
import { QuotasBody, quotaSum } from '../../../common/events.quota.js';
import { FormModal } from '../../app/FormModal.js';
import { eventsApi } from './events.api.js';
import { QuotaEditor, type QuotaRow } from './QuotaEditor.js';

/**
 * 单位名额: the quotas of one first-come session — units picked by the org search, places each (never below those
 * taken); the sum stays within the capacity. Sends the whole set (a removed unit is dropped).
 */
export function QuotaModal({
  event,
  session,
  onClose,
  onDone,
}: {
  event: EventDetail;
  session: EventSession;
  onClose: () => void;
  onDone: () => void;
}) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Record<string, never>>();
  const [rows, setRows] = useState<QuotaRow[]>(() => session.quotas.map((q) => ({ ...q })));
  const body = { quotas: rows.map((r) => ({ orgId: r.orgId, places: r.places ?? 0 })) };
  const isValid = QuotasBody.safeParse(body).success && quotaSum(body.quotas) <= session.capacity;
  return (
    <FormModal
      title={t('events.quota.title')}
      form={form}
      isOkDisabled={!isValid}
      submit={() => eventsApi.quotas(event.id, session.id, body)}
      onClose={onClose}
      onDone={onDone}
      successText={t('events.quota.saved')}
      okText={t('common.ok')}
      testIds={{ modal: 'quota-form', submit: 'quota-ok', error: 'quota-error' }}
    >
      <Typography.Paragraph type="secondary">{t('events.quota.hint')}</Typography.Paragraph>
      <QuotaEditor rows={rows} onChange={setRows} max={session.capacity} />
      <Space style={{ marginTop: 8 }}>
        <Typography.Text type={quotaSum(body.quotas) > session.capacity ? 'danger' : 'secondary'} data-testid="quota-sum">
          {t('events.quota.sum', { reserved: quotaSum(body.quotas), capacity: session.capacity })}
        </Typography.Text>
      </Space>
    </FormModal>
  );
}
