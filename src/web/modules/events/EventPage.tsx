import { DownloadOutlined, PrinterOutlined } from '@ant-design/icons';
import { Button, Descriptions, Empty, Skeleton, Tabs, Tag, Typography } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams, useSearchParams } from 'react-router-dom';
import type { EventDetail, EventReport } from '../../../common/events.js';
import { useAuth } from '../../app/auth.js';
import { useNotify } from '../../app/notify.js';
import { EventActions } from './EventActions.js';
import { EventByUnitTab } from './EventByUnitTab.js';
import { EventDrawTab } from './EventDrawTab.js';
import { EventGuestsTab } from './EventGuestsTab.js';
import { EventPhotos } from './EventPhotos.js';
import { EventRegistrationsTab } from './EventRegistrationsTab.js';
import { EventSessionsTab } from './EventSessionsTab.js';
import { eventsApi } from './events.api.js';

function ReportTab({ report, canWrite }: { report: EventReport | undefined; canWrite: boolean }) {
  const { t } = useTranslation();
  if (!report) return <Skeleton active />;
  const f = report.figures;
  return (
    <>
      <EventPhotos eventId={report.eventId} role="closing" canWrite={canWrite} />
      <Descriptions column={2} bordered size="small" data-testid="event-report">
        <Descriptions.Item label={t('events.report.signedUp')}>{f.signedUp}</Descriptions.Item>
        <Descriptions.Item label={t('events.field.confirmed')}>{f.confirmed}</Descriptions.Item>
        <Descriptions.Item label={t('events.report.attended')}>{f.attended}</Descriptions.Item>
        <Descriptions.Item label={t('events.report.noShow')}>{f.noShow}</Descriptions.Item>
        <Descriptions.Item label={t('events.report.rate')}>
          {f.attendanceRate === null ? '—' : `${Math.round(f.attendanceRate * 100)}%`}
        </Descriptions.Item>
        <Descriptions.Item label={t('events.field.waitlisted')}>{f.waitlisted}</Descriptions.Item>
        <Descriptions.Item label={t('events.report.summary')} span={2}>
          {report.closing ? (
            <Typography.Paragraph style={{ whiteSpace: 'pre-wrap' }}>{report.closing.summary}</Typography.Paragraph>
          ) : (
            t('events.report.none')
          )}
        </Descriptions.Item>
      </Descriptions>
    </>
  );
}

/** 活动详情: sessions, registrations, sign-ups by union, the draw and the summary; export and the sign-in sheet. */
export function EventPage() {
  const { t } = useTranslation();
  const notify = useNotify();
  const { can } = useAuth();
  const id = Number(useParams().id);
  const [searchParams] = useSearchParams();
  const [event, setEvent] = useState<EventDetail | null | undefined>(undefined);
  const [report, setReport] = useState<EventReport | undefined>(undefined);
  const [version, setVersion] = useState(0);
  const load = useCallback(() => {
    eventsApi
      .get(id)
      .then(setEvent)
      .catch(() => setEvent(null));
    eventsApi
      .report(id)
      .then(setReport)
      .catch(() => setReport(undefined));
  }, [id]);
  useEffect(load, [load, version]);
  if (event === undefined) return <Skeleton active />;
  if (event === null) return <Empty description={t('events.notFound')} />;
  const canWrite = can('event.write');
  const orgId = Number(searchParams.get('org')) || event.orgId;
  const changed = () => setVersion((n) => n + 1);
  return (
    <div data-testid="event-page">
      <div className="page-header">
        <Typography.Title level={3}>
          {event.title} · {event.orgName}
        </Typography.Title>
        <Tag>{t(`events.status.${event.status}`)}</Tag>
        <Tag>{t(`events.selection.${event.selection}`)}</Tag>
        <div className="page-actions">
          {canWrite && <EventActions event={event} onChanged={changed} />}
          <Button
            icon={<DownloadOutlined />}
            onClick={() => void eventsApi.exportList(event.id, { orgId }).catch((error: unknown) => notify.error(error))}
            data-testid="event-export"
          >
            {t('events.actions.export')}
          </Button>
          <Link to={`/events/${event.id}/sign-in?org=${orgId}`} target="_blank">
            <Button icon={<PrinterOutlined />} data-testid="event-print">
              {t('events.actions.print')}
            </Button>
          </Link>
          {event.kind === 'matchmaking' && (
            <Link to={`/events/${event.id}/matchmaking`}>
              <Button data-testid="event-matchmaking">{t('events.actions.matchmaking')}</Button>
            </Link>
          )}
        </div>
      </div>
      <EventPhotos eventId={event.id} role="cover" canWrite={canWrite} />
      <Typography.Paragraph type="secondary">{event.description}</Typography.Paragraph>
      {event.coOrganisers.length > 0 && (
        <Typography.Paragraph data-testid="event-co-organisers">
          {t('events.field.coOrganisers')}：{event.coOrganisers.map((c) => c.orgName).join('、')}
        </Typography.Paragraph>
      )}
      <Tabs
        items={[
          {
            key: 'sessions',
            label: t('events.tab.sessions'),
            children: <EventSessionsTab event={event} canWrite={canWrite && event.status === 'open'} onChanged={changed} />,
          },
          {
            key: 'registrations',
            label: t('events.tab.registrations'),
            children: <EventRegistrationsTab event={event} orgId={orgId} canWrite={canWrite} onChanged={changed} />,
          },
          {
            key: 'guests',
            label: <span data-testid="event-guests-tab">{t('events.tab.guests')}</span>,
            children: <EventGuestsTab event={event} canWrite={canWrite} onChanged={changed} />,
          },
          { key: 'byUnit', label: t('events.tab.byUnit'), children: <EventByUnitTab key={version} eventId={event.id} orgId={orgId} /> },
          {
            key: 'draw',
            label: <span data-testid="event-draw-tab">{t('events.tab.draw')}</span>,
            children: <EventDrawTab event={event} canWrite={canWrite} onChanged={changed} />,
          },
          { key: 'report', label: t('events.tab.report'), children: <ReportTab report={report} canWrite={canWrite} /> },
        ]}
      />
    </div>
  );
}
