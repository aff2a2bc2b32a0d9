import { Table } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { UnitSignUps } from '../../../common/events.js';
import { useNotify } from '../../app/notify.js';
import { eventsApi } from './events.api.js';

/** 各单位报名: confirmed, waitlisted and attended per union under the chosen unit (only the caller's own part). */
export function EventByUnitTab({ eventId, orgId }: { eventId: number; orgId: number }) {
  const { t } = useTranslation();
  const notify = useNotify();
  const [rows, setRows] = useState<UnitSignUps[] | undefined>(undefined);
  useEffect(() => {
    eventsApi
      .byUnit(eventId, orgId)
      .then((answer) => setRows(answer.items))
      .catch((error: unknown) => {
        notify.error(error);
        setRows([]);
      });
  }, [eventId, orgId, notify]);
  return (
    <Table
      rowKey="orgId"
      size="small"
      loading={rows === undefined}
      dataSource={rows ?? []}
      pagination={false}
      data-testid="event-by-unit-table"
      columns={[
        { title: t('events.field.unit'), dataIndex: 'orgName' },
        { title: t('events.field.confirmed'), dataIndex: 'confirmed', width: 100 },
        { title: t('events.field.waitlisted'), dataIndex: 'waitlisted', width: 100 },
        { title: t('events.field.attended'), dataIndex: 'attended', width: 100 },
      ]}
    />
  );
}
