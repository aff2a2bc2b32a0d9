import { Alert, Button, Card, Form, Input, InputNumber, Modal, Select, Space, Table, Tag } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router-dom';
import type { Merchant, MerchantDetail } from '../../../common/points.merchants.js';
import type { Programme } from '../../../common/points.programmes.js';
import { useAuth, useMe } from '../../app/auth.js';
import { errorText } from '../../app/notify.js';
import { merchantsApi } from './merchants.api.js';
import { programmesApi } from './programmes.api.js';
import { DatePicker, type Dayjs } from '../../app/dates.js';

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
        onRow={(m) => ({ onClick: () => void merchantsApi.get(m.id).then(setDetail), 'data-testid': `merchant-row-${m.id}` })}
        columns={[
          { title: t('merchants.name'), dataIndex: 'name' },
          { title: t('merchants.org'), dataIndex: 'orgName' },
          { title: t('merchants.contact'), dataIndex: 'contactName' },
          { title: t('merchants.shops'), dataIndex: 'shops' },
          { title: '', dataIndex: 'status', render: (s: Merchant['status']) => <Tag>{t(`merchants.status.${s}`)}</Tag> },
        ]}
      />
      {isCreating && <CreateMerchant orgId={orgId} onClose={() => setCreating(false)} onDone={load} />}
      {detail && (
        <MerchantDrawer orgId={orgId} detail={detail} onChange={setDetail} onClose={() => setDetail(null)} canWrite={can('points.write')} />
      )}
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

function MerchantDrawer(props: {
  orgId: number;
  detail: MerchantDetail;
  onChange: (d: MerchantDetail) => void;
  onClose: () => void;
  canWrite: boolean;
}) {
  const { t } = useTranslation();
  const { detail, onChange } = props;
  const [month, setMonth] = useState<Dayjs | null>(null);
  const [cashier, setCashier] = useState({ username: '', displayName: '' });
  const [message, setMessage] = useState<string | null>(null);
  const [programmes, setProgrammes] = useState<Programme[]>([]);
  const [programmeId, setProgrammeId] = useState<number | null>(null);
  useEffect(() => {
    if (!props.canWrite) return;
    void programmesApi.list(props.orgId, undefined, 100).then((p) => setProgrammes(p.items));
  }, [props.orgId, props.canWrite]);
  const designate = () =>
    programmeId !== null &&
    void merchantsApi
      .designate(detail.id, programmeId)
      .then((d) => {
        onChange(d);
        setProgrammeId(null);
        setMessage(t('merchants.designated'));
      })
      .catch((error: unknown) => setMessage(errorText(error, t('app.networkError'))));
  const designatedIds = new Set(detail.programmes.map((p) => p.id));
  const addCashier = () =>
    void merchantsApi
      .createCashier(detail.id, cashier)
      .then((c) => {
        setMessage(t('merchants.firstPassword', { password: c.firstPassword }));
        return merchantsApi.get(detail.id).then(onChange);
      })
      .catch((error: unknown) => setMessage(errorText(error, t('app.networkError'))));
  return (
    <Modal open title={detail.name} footer={null} onCancel={props.onClose} width={640} data-testid="merchant-detail">
      {message && <Alert type="info" message={message} style={{ marginBottom: 8 }} data-testid="merchant-message" />}
      <p>
        {t('merchants.shops')}：{detail.shopList.map((s) => `${s.name}（${s.address}）`).join('；')}
      </p>
      <p>
        {t('merchants.items')}：{detail.items.map((i) => `${i.name} ${i.points}`).join('；')}
      </p>
      <p data-testid="merchant-programmes">
        {t('merchants.programmes')}：{detail.programmes.map((p) => `${p.name}（${p.orgName}）`).join('；') || t('merchants.noProgramme')}
      </p>
      {props.canWrite && (
        <Space wrap style={{ marginBottom: 8 }}>
          <Select
            style={{ width: 260 }}
            placeholder={t('merchants.chooseProgramme')}
            value={programmeId}
            onChange={setProgrammeId}
            options={programmes.filter((p) => !designatedIds.has(p.id)).map((p) => ({ value: p.id, label: `${p.name} · ${p.orgName}` }))}
            data-testid="merchant-programme-select"
          />
          <Button disabled={programmeId === null} onClick={designate} data-testid="merchant-designate">
            {t('merchants.designate')}
          </Button>
        </Space>
      )}
      <p data-testid="merchant-cashiers">
        {t('merchants.cashiers')}：{detail.cashiers.map((c) => `${c.displayName}（${c.username}）`).join('；')}
      </p>
      {props.canWrite && (
        <Space wrap style={{ marginBottom: 8 }}>
          <Input
            placeholder={t('merchants.username')}
            data-testid="cashier-username"
            onChange={(e) => setCashier({ ...cashier, username: e.target.value })}
          />
          <Input
            placeholder={t('merchants.displayName')}
            data-testid="cashier-display-name"
            onChange={(e) => setCashier({ ...cashier, displayName: e.target.value })}
          />
          <Button onClick={addCashier} data-testid="cashier-add">
            {t('merchants.addCashier')}
          </Button>
          <Button
            danger={detail.status === 'active'}
            onClick={() => void merchantsApi.setStatus(detail.id, detail.status === 'active' ? 'suspended' : 'active').then(onChange)}
          >
            {detail.status === 'active' ? t('merchants.suspend') : t('merchants.resume')}
          </Button>
        </Space>
      )}
      <Space>
        <DatePicker picker="month" onChange={setMonth} placeholder={t('merchants.month')} data-testid="statement-month" />
        <Button
          disabled={!month}
          data-testid="statement-download"
          onClick={() =>
            month &&
            void merchantsApi
              .statement(detail.id, month.format('YYYY-MM'))
              .catch((error: unknown) => setMessage(errorText(error, t('app.networkError'))))
          }
        >
          {t('merchants.statement')}
        </Button>
      </Space>
    </Modal>
  );
}
