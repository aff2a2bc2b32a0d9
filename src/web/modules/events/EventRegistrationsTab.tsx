import { Button, Select, Space, Tag, type TableColumnsType } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { registrationStatuses, type EventDetail, type Registration, type RegistrationStatus } from '../../../common/events.js';
import { formatDateTime } from '../../app/format.js';
import { ListPage, useList } from '../../app/ListPage.js';
import { useNotify } from '../../app/notify.js';
import { BulkSignUpModal } from './BulkSignUpModal.js';
import { eventsApi } from './events.api.js';
import { beijingMinute } from './sessionRows.js';

type Filter = { sessionId?: number | undefined; status?: RegistrationStatus | undefined };

function useRegistrationColumns(event: EventDetail, canWrite: boolean, act: (r: Registration, what: 'cancel' | 'noShow') => void) {
  const { t } = useTranslation();
  const sessionOf = new Map(event.sessions.map((s) => [s.id, s]));
  const columns: TableColumnsType<Registration> = [
    {
      title: t('events.field.member'),
      key: 'memberName',
      width: 140,
      render: (_: unknown, r) => (
        <>
          {r.memberName}
          {r.kind === 'guest' && (
            <Tag color="orange" style={{ marginLeft: 4 }} data-testid={`reg-guest-${r.id}`}>
              {t('events.guests.tag')}
            </Tag>
          )}
        </>
      ),
    },
    { title: t('events.field.unit'), dataIndex: 'orgName', width: 200 },
    {
      title: t('events.bulk.session'),
      dataIndex: 'sessionId',
      width: 170,
      render: (id: number) => (sessionOf.get(id) ? beijingMinute(sessionOf.get(id)!.startsAt) : `#${id}`),
    },
    {
      title: t('events.field.status'),
      key: 'status',
      width: 140,
      render: (_: unknown, r) => (
        <Tag>{r.waitlistPosition ? `${t(`events.regStatus.${r.status}`)} #${r.waitlistPosition}` : t(`events.regStatus.${r.status}`)}</Tag>
      ),
    },
    { title: t('events.field.signedUpAt'), dataIndex: 'createdAt', width: 170, render: formatDateTime },
    {
      title: '',
      key: 'actions',
      width: 200,
      render: (_: unknown, r) =>
        canWrite && (
          <Space>
            {['waitlisted', 'offered', 'confirmed'].includes(r.status) && (
              <Button size="small" danger onClick={() => act(r, 'cancel')} data-testid={`reg-cancel-${r.id}`}>
                {t('events.actions.cancelReg')}
              </Button>
            )}
            {r.status === 'confirmed' && (
              <Button size="small" onClick={() => act(r, 'noShow')} data-testid={`reg-noshow-${r.id}`}>
                {t('events.actions.noShow')}
              </Button>
            )}
          </Space>
        ),
    },
  ];
  return columns;
}

/** 报名名单 of an event under the chosen unit: filters by session and status, bulk sign-up, cancel and no-show. */
export function EventRegistrationsTab({
  event,
  orgId,
  canWrite,
  onChanged,
}: {
  event: EventDetail;
  orgId: number;
  canWrite: boolean;
  onChanged: () => void;
}) {
  const { t } = useTranslation();
  const notify = useNotify();
  const [isBulkOpen, setBulkOpen] = useState(false);
  const list = useList((f: Filter, cursor) => eventsApi.registrations(event.id, { orgId, ...f }, cursor, 50), {
    initial: {},
    scope: `${event.id}:${orgId}`,
  });
  const act = async (r: Registration, what: 'cancel' | 'noShow') => {
    try {
      await (what === 'cancel' ? eventsApi.cancelRegistration(event.id, r.id) : eventsApi.noShow(event.id, r.id));
      list.restart();
      onChanged();
    } catch (error) {
      notify.error(error);
    }
  };
  const columns = useRegistrationColumns(event, canWrite, (r, what) => void act(r, what));
  return (
    <ListPage
      list={list}
      columns={columns}
      testId="event-registrations"
      canReset
      filters={
        <Space wrap>
          <Select
            allowClear
            placeholder={t('events.filter.session')}
            style={{ width: 200 }}
            value={list.draft.sessionId}
            onChange={(sessionId?: number) => list.apply({ sessionId })}
            options={event.sessions.map((s) => ({ value: s.id, label: `${beijingMinute(s.startsAt)} ${s.place}` }))}
          />
          <Select
            allowClear
            placeholder={t('events.filter.status')}
            style={{ width: 140 }}
            value={list.draft.status}
            onChange={(status?: RegistrationStatus) => list.apply({ status })}
            options={registrationStatuses.map((s) => ({ value: s, label: t(`events.regStatus.${s}`) }))}
            data-testid="reg-status-filter"
          />
        </Space>
      }
      actions={
        canWrite &&
        event.status === 'open' && (
          <Button type="primary" onClick={() => setBulkOpen(true)} data-testid="bulk-signup">
            {t('events.actions.bulk')}
          </Button>
        )
      }
    >
      {isBulkOpen && (
        <BulkSignUpModal
          event={event}
          orgId={orgId}
          onClose={() => setBulkOpen(false)}
          onDone={() => {
            setBulkOpen(false);
            list.restart();
            onChanged();
          }}
        />
      )}
    </ListPage>
  );
}
