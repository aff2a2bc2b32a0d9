import { PlusOutlined } from '@ant-design/icons';
import { Button, Empty, Form, Input, Table } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { CreateZoneBody, type Org, type Zone } from '../../../common/orgs.js';
import { useAuth } from '../../app/auth.js';
import { useNotify } from '../../app/notify.js';
import { parseWithSchema } from '../../app/zodForm.js';
import { orgsApi } from './orgs.api.js';

/** The 协作区 tab: the zones this node groups its children into (27 branches → 5 zones). */
export function ZonesTab({ org }: { org: Org }) {
  const { t } = useTranslation();
  const { can } = useAuth();
  const notify = useNotify();
  const [form] = Form.useForm<{ name?: string }>();
  const [zones, setZones] = useState<Zone[] | null>(null);
  const [isBusy, setBusy] = useState(false);

  const load = useCallback(() => {
    orgsApi
      .zones(org.id)
      .then(({ items }) => setZones(items))
      .catch((error: unknown) => {
        setZones([]);
        notify.error(error);
      });
  }, [org.id, notify]);
  useEffect(load, [load]);

  const create = async () => {
    const body = parseWithSchema(CreateZoneBody, form.getFieldsValue(), form, { name: t('zone.name') }, t);
    if (!body) return;
    setBusy(true);
    try {
      await orgsApi.createZone(org.id, body.name);
      notify.success(t('common.created'));
      form.resetFields();
      load();
    } catch (error) {
      notify.error(error);
    } finally {
      setBusy(false);
    }
  };

  return (
    <div data-testid="zones-tab">
      {can('org.write') && (
        <Form form={form} layout="inline" onFinish={() => void create()} style={{ marginBottom: 12, rowGap: 8 }}>
          <Form.Item name="name" label={t('zone.name')}>
            <Input data-testid="zone-name" maxLength={100} style={{ width: 240 }} />
          </Form.Item>
          <Button type="primary" htmlType="submit" icon={<PlusOutlined />} loading={isBusy} data-testid="zone-create">
            {t('zone.create')}
          </Button>
        </Form>
      )}
      <Table<Zone>
        rowKey="id"
        size="middle"
        loading={zones === null}
        dataSource={zones ?? []}
        pagination={false}
        locale={{ emptyText: <Empty description={t('zone.empty')} /> }}
        columns={[
          { title: t('zone.name'), dataIndex: 'name' },
          { title: t('zone.memberCount'), dataIndex: 'memberCount', width: 120, align: 'right' },
        ]}
        data-testid="zones-table"
      />
    </div>
  );
}
