import { Alert, Button, Card, DatePicker, Form, Input, InputNumber, Modal, Space, Table, Tag } from 'antd';
import type { Dayjs } from 'dayjs';
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router-dom';
import type { Merchant, MerchantDetail } from '../../../common/points.merchants.js';
import { useAuth, useMe } from '../../app/auth.js';
import { errorText } from '../../app/notify.js';
import { merchantsApi } from './merchants.api.js';

type CreateValues = { name: string; contactName?: string; shopName: string; address: string; itemName?: string; itemPoints?: number };

/** /points/merchants: the merchants of a node's subtree, registering one with its first shop and item, cashiers, statements. */
export function MerchantsPage() {
  const { t } = useTranslation();
  const me = useMe();
  const { can } = useAuth();
  const [params] = useSearchParams();
  const orgId = Number(params.get('org') ?? me.grants[0]?.orgId ?? 1);
  const [items, setItems] = useState<Merchant[]>([]);
  const [total, setTotal] = useState<number | null>(null);
  const [isCreating, setCreating] = useState(false);
  const [detail, setDetail] = useState<MerchantDetail | null>(null);
  const load = useCallback(
    () =>
      void merchantsApi.list({ orgId, limit: 200 }).then((p) => {
        setItems(p.items);
        setTotal(p.total?.count ?? null);
      }),
    [orgId],
  );
  useEffect(load, [load]);
  return (
    <Card
      title={`${t('merchants.title')}${total !== null ? `（${total}）` : ''}`}
      extra={
        can('points.write') && (
          <Button type="primary" onClick={() => setCreating(true)} data-testid="merchant-create">
            {t('merchants.create')}
          </Button>
        )
      }
    >
      <Table
        rowKey="id"
        dataSource={items}
        pagination={false}
        locale={{ emptyText: t('merchants.empty') }}
        onRow={(m) => ({ onClick: () => void merchantsApi.get(m.id).then(setDetail) })}
        columns={[
          { title: t('merchants.name'), dataIndex: 'name' },
          { title: t('merchants.contact'), dataIndex: 'contactName' },
          { title: t('merchants.shops'), dataIndex: 'shops' },
          { title: '', dataIndex: 'status', render: (s: Merchant['status']) => <Tag>{t(`merchants.status.${s}`)}</Tag> },
        ]}
      />
      {isCreating && <CreateMerchant orgId={orgId} onClose={() => setCreating(false)} onDone={load} />}
      {detail && <MerchantDrawer detail={detail} onChange={setDetail} onClose={() => setDetail(null)} canWrite={can('points.write')} />}
    </Card>
  );
}

function CreateMerchant({ orgId, onClose, onDone }: { orgId: number; onClose: () => void; onDone: () => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<CreateValues>();
  const [failure, setFailure] = useState<string | null>(null);
  const submit = async () => {
    const v = await form.validateFields();
    try {
      await merchantsApi.create({
        orgId,
        name: v.name,
        ...(v.contactName ? { contactName: v.contactName } : {}),
        shops: [{ name: v.shopName, address: v.address }],
        items: v.itemName && v.itemPoints ? [{ name: v.itemName, points: v.itemPoints }] : [],
      });
      onDone();
      onClose();
    } catch (error) {
      setFailure(errorText(error, t('app.networkError')));
    }
  };
  return (
    <Modal open title={t('merchants.create')} onOk={() => void submit()} onCancel={onClose}>
      {failure && <Alert type="error" message={failure} />}
      <Form form={form} layout="vertical">
        <Form.Item name="name" label={t('merchants.name')} rules={[{ required: true }]}>
          <Input />
        </Form.Item>
        <Form.Item name="contactName" label={t('merchants.contact')}>
          <Input />
        </Form.Item>
        <Form.Item name="shopName" label={t('merchants.shopName')} rules={[{ required: true }]}>
          <Input />
        </Form.Item>
        <Form.Item name="address" label={t('merchants.address')} rules={[{ required: true }]}>
          <Input />
        </Form.Item>
        <Space>
          <Form.Item name="itemName" label={t('merchants.itemName')}>
            <Input />
          </Form.Item>
          <Form.Item name="itemPoints" label={t('merchants.itemPoints')}>
            <InputNumber min={1} precision={0} />
          </Form.Item>
        </Space>
      </Form>
    </Modal>
  );
}

function MerchantDrawer(props: { detail: MerchantDetail; onChange: (d: MerchantDetail) => void; onClose: () => void; canWrite: boolean }) {
  const { t } = useTranslation();
  const { detail, onChange } = props;
  const [month, setMonth] = useState<Dayjs | null>(null);
  const [cashier, setCashier] = useState({ username: '', displayName: '' });
  const [message, setMessage] = useState<string | null>(null);
  const addCashier = () =>
    void merchantsApi
      .createCashier(detail.id, cashier)
      .then((c) => {
        setMessage(t('merchants.firstPassword', { password: c.firstPassword }));
        return merchantsApi.get(detail.id).then(onChange);
      })
      .catch((error: unknown) => setMessage(errorText(error, t('app.networkError'))));
  return (
    <Modal open title={detail.name} footer={null} onCancel={props.onClose} width={640}>
      {message && <Alert type="info" message={message} style={{ marginBottom: 8 }} data-testid="merchant-message" />}
      <p>
        {t('merchants.shops')}：{detail.shopList.map((s) => `${s.name}（${s.address}）`).join('；')}
      </p>
      <p>
        {t('merchants.items')}：{detail.items.map((i) => `${i.name} ${i.points}`).join('；')}
      </p>
      <p>
        {t('merchants.cashiers')}：{detail.cashiers.map((c) => `${c.displayName}（${c.username}）`).join('；')}
      </p>
      {props.canWrite && (
        <Space wrap style={{ marginBottom: 8 }}>
          <Input placeholder={t('merchants.username')} onChange={(e) => setCashier({ ...cashier, username: e.target.value })} />
          <Input placeholder={t('merchants.displayName')} onChange={(e) => setCashier({ ...cashier, displayName: e.target.value })} />
          <Button onClick={addCashier}>{t('merchants.addCashier')}</Button>
          <Button
            danger={detail.status === 'active'}
            onClick={() => void merchantsApi.setStatus(detail.id, detail.status === 'active' ? 'suspended' : 'active').then(onChange)}
          >
            {detail.status === 'active' ? t('merchants.suspend') : t('merchants.resume')}
          </Button>
        </Space>
      )}
      <Space>
        <DatePicker picker="month" onChange={setMonth} placeholder={t('merchants.month')} />
        <Button disabled={!month} onClick={() => month && void merchantsApi.statement(detail.id, month.format('YYYY-MM'))}>
          {t('merchants.statement')}
        </Button>
      </Space>
    </Modal>
  );
}
