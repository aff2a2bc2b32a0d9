import { Tag, Typography, type TableColumnsType } from 'antd';
import { useTranslation } from 'react-i18next';
import type { EventListItem } from '../../../common/events.js';
import { useAuth } from '../../app/auth.js';
import { OrgListPage } from '../../app/OrgListPage.js';
import { EventFormModal } from './EventFormModal.js';
import { eventsApi } from './events.api.js';
import { beijingMinute } from './sessionRows.js';

const statusColor = { draft: 'default', open: 'green', closed: 'blue', cancelled: 'red' } as const;

function useEventColumns(): TableColumnsType<EventListItem> {
  const { t } = useTranslation();
  return [
    { title: t('events.field.title'), dataIndex: 'title', render: (s: string) => <Typography.Text strong>{s}</Typography.Text> },
    {
      title: t('events.field.status'),
      dataIndex: 'status',
      width: 100,
      render: (s: EventListItem['status']) => <Tag color={statusColor[s]}>{t(`events.status.${s}`)}</Tag>,
    },
    { title: t('events.field.kind'), dataIndex: 'kind', width: 90, render: (k: EventListItem['kind']) => t(`events.kind.${k}`) },
    {
      title: t('events.field.selection'),
      dataIndex: 'selection',
      width: 110,
      render: (k: EventListItem['selection']) => t(`events.selection.${k}`),
    },
    { title: t('events.field.org'), dataIndex: 'orgName', width: 200 },
    { title: t('events.field.sessionCount'), dataIndex: 'sessionCount', width: 80, align: 'right' },
    {
      title: t('events.field.filled'),
      key: 'filled',
      width: 130,
      align: 'right',
      render: (_: unknown, e: EventListItem) => <span data-testid={`event-filled-${e.id}`}>{`${e.confirmed} / ${e.capacity}`}</span>,
    },
    { title: t('events.field.createdAt'), dataIndex: 'createdAt', width: 160, render: (s: string) => beijingMinute(s) },
  ];
}

/** 活动: the events owned in (or open to) an org's subtree, and new ones. */
export function EventsPage({ orgId }: { orgId?: number }) {
  const { t } = useTranslation();
  const { can } = useAuth();
  return (
    <OrgListPage
      orgId={orgId}
      load={eventsApi.list}
      columns={useEventColumns()}
      testId="events"
      title={t('events.title')}
      emptyText={t('events.empty')}
      pathOf={(id) => `/events/${id}`}
      scrollX={1110}
      create={{
        canCreate: can('event.write'),
        label: t('events.create'),
        testId: 'create-event',
        doneText: t('events.created'),
        Modal: EventFormModal,
      }}
    />
  );
}
