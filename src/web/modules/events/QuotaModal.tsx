import { Button, Form, InputNumber, Space, Table, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { EventDetail, EventSession } from '../../../common/events.js';
import { QuotasBody, quotaSum } from '../../../common/events.quota.js';
import { FormModal } from '../../app/FormModal.js';
import { OrgSearch } from '../orgs/OrgSearch.js';
import { eventsApi } from './events.api.js';

type Row = { orgId: number; orgName: string; places: number | null; taken: number };

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
  const [rows, setRows] = useState<Row[]>(() => session.quotas.map((q) => ({ ...q })));
  const body = { quotas: rows.map((r) => ({ orgId: r.orgId, places: r.places ?? 0 })) };
  const isValid = QuotasBody.safeParse(body).success && quotaSum(body.quotas) <= session.capacity;
  const setPlaces = (orgId: number, places: number | null) => setRows((rs) => rs.map((r) => (r.orgId === orgId ? { ...r, places } : r)));
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
      <OrgSearch
        placeholder={t('events.quota.search')}
        onPick={(hit) =>
          setRows((rs) => (rs.some((r) => r.orgId === hit.id) ? rs : [...rs, { orgId: hit.id, orgName: hit.name, places: 1, taken: 0 }]))
        }
        testId="quota-unit-search"
        style={{ width: '100%', marginBottom: 8 }}
      />
      <Table
        rowKey="orgId"
        size="small"
        pagination={false}
        dataSource={rows}
        data-testid="quota-rows"
        columns={[
          { title: t('events.quota.unit'), dataIndex: 'orgName' },
          {
            title: t('events.quota.places'),
            key: 'places',
            width: 140,
            render: (_: unknown, r: Row) => (
              <InputNumber
                min={Math.max(1, r.taken)}
                max={session.capacity}
                precision={0}
                value={r.places}
                onChange={(v) => setPlaces(r.orgId, v)}
                data-testid={`quota-places-${r.orgId}`}
              />
            ),
          },
          {
            key: 'remove',
            width: 80,
            render: (_: unknown, r: Row) => (
              <Button
                size="small"
                type="link"
                disabled={r.taken > 0}
                onClick={() => setRows((rs) => rs.filter((x) => x.orgId !== r.orgId))}
              >
                {t('events.quota.remove')}
              </Button>
            ),
          },
        ]}
      />
      <Space style={{ marginTop: 8 }}>
        <Typography.Text type={quotaSum(body.quotas) > session.capacity ? 'danger' : 'secondary'} data-testid="quota-sum">
          {t('events.quota.sum', { reserved: quotaSum(body.quotas), capacity: session.capacity })}
        </Typography.Text>
      </Space>
    </FormModal>
  );
}
