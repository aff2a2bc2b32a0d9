import { Button, InputNumber, Space, Table, Tag, type TableColumnsType } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import type { EventDetail, EventSession } from '../../../common/events.js';
import { useNotify } from '../../app/notify.js';
import { eventsApi } from './events.api.js';
import { beijingMinute } from './sessionRows.js';
import { QuotaModal } from './QuotaModal.js';
import type { EventGrouping } from '../../../common/events.grouping.js';
import { GroupingModal } from './GroupingModal.js';
import { GroupingView } from './GroupingView.js';

/** The sessions (班次) of an event: time (Beijing), place, places (editable by a writer), confirmed and waitlisted. */
export function EventSessionsTab({ event, canWrite, onChanged }: { event: EventDetail; canWrite: boolean; onChanged: () => void }) {
  const { t } = useTranslation();
  const notify = useNotify();
  const [edits, setEdits] = useState<Record<number, number | null>>({});
  const [quotaOf, setQuotaOf] = useState<EventSession | undefined>(undefined);
  const [groupingOf, setGroupingOf] = useState<EventSession | undefined>(undefined);
  const [shown, setShown] = useState<{ session: EventSession; made?: EventGrouping } | undefined>(undefined);
  const save = async (s: EventSession) => {
    const capacity = edits[s.id];
    if (!capacity) return;
    try {
      await eventsApi.capacity(event.id, s.id, capacity);
      notify.success(t('events.capacitySaved'));
      setEdits(({ [s.id]: _done, ...rest }) => rest);
      onChanged();
    } catch (error) {
      notify.error(error);
    }
  };
  const columns: TableColumnsType<EventSession> = [
    {
      title: t('events.field.time'),
      key: 'time',
      render: (_: unknown, s) => `${beijingMinute(s.startsAt)} – ${beijingMinute(s.endsAt).slice(11)}`,
    },
    { title: t('events.field.place'), dataIndex: 'place' },
    {
      title: t('events.field.capacity'),
      key: 'capacity',
      width: 220,
      render: (_: unknown, s) =>
        canWrite ? (
          <Space>
            <InputNumber
              min={Math.max(1, s.confirmed)}
              precision={0}
              value={edits[s.id] ?? s.capacity}
              onChange={(v) => setEdits((e) => ({ ...e, [s.id]: v }))}
              data-testid={`capacity-${s.id}`}
            />
            {edits[s.id] !== undefined && edits[s.id] !== s.capacity && (
              <Button size="small" type="primary" onClick={() => void save(s)} data-testid={`capacity-save-${s.id}`}>
                {t('events.actions.saveCapacity')}
              </Button>
            )}
          </Space>
        ) : (
          s.capacity
        ),
    },
    ...(event.selection === 'first_come'
      ? [
          {
            title: t('events.quota.column'),
            key: 'quotas',
            render: (_: unknown, s: EventSession) => (
              <Space size={4} wrap data-testid={`quotas-${s.id}`}>
                {s.quotas.length === 0
                  ? t('events.quota.none')
                  : s.quotas.map((q) => (
                      <Tag key={q.orgId} color={q.taken >= q.places ? 'orange' : undefined}>
                        {t('events.quota.used', { orgName: q.orgName, taken: q.taken, places: q.places })}
                      </Tag>
                    ))}
                {canWrite && (
                  <Button size="small" type="link" onClick={() => setQuotaOf(s)} data-testid={`quota-edit-${s.id}`}>
                    {t('events.quota.edit')}
                  </Button>
                )}
              </Space>
            ),
          },
        ]
      : []),
    { title: t('events.field.confirmed'), dataIndex: 'confirmed', width: 90 },
    { title: t('events.field.waitlisted'), dataIndex: 'waitlisted', width: 90 },
    {
      title: t('events.grouping.column'),
      key: 'grouping',
      width: 170,
      render: (_: unknown, s: EventSession) => (
        <Space size={0}>
          {canWrite && (
            <Button size="small" type="link" onClick={() => setGroupingOf(s)} data-testid={`grouping-run-${s.id}`}>
              {t('events.grouping.action')}
            </Button>
          )}
          <Button size="small" type="link" onClick={() => setShown({ session: s })} data-testid={`grouping-view-${s.id}`}>
            {t('events.grouping.view')}
          </Button>
        </Space>
      ),
    },
    ...(canWrite
      ? [
          {
            title: t('events.field.checkIn'),
            key: 'checkIn',
            width: 110,
            render: (_: unknown, s: EventSession) => (
              <Link to={`/events/${event.id}/sessions/${s.id}/check-in`} data-testid={`check-in-${s.id}`}>
                {t('events.actions.scan')}
              </Link>
            ),
          },
        ]
      : []),
  ];
  return (
    <>
      <Table rowKey="id" size="small" columns={columns} dataSource={event.sessions} pagination={false} data-testid="event-sessions-table" />
      {groupingOf && (
        <GroupingModal
          eventId={event.id}
          session={groupingOf}
          onClose={() => setGroupingOf(undefined)}
          onDone={(made) => {
            setGroupingOf(undefined);
            setShown({ session: groupingOf, made });
          }}
        />
      )}
      {shown && (
        <GroupingView
          key={`${shown.session.id}-${shown.made?.id ?? 'latest'}`}
          eventId={event.id}
          sessionId={shown.session.id}
          title={`${event.title} · ${beijingMinute(shown.session.startsAt)} ${shown.session.place}`}
          made={shown.made}
          onClose={() => setShown(undefined)}
        />
      )}
      {quotaOf && (
        <QuotaModal
          event={event}
          session={quotaOf}
          onClose={() => setQuotaOf(undefined)}
          onDone={() => {
            setQuotaOf(undefined);
            onChanged();
          }}
        />
      )}
    </>
  );
}
