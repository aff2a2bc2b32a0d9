import { Button, Card, Popconfirm, Space, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import type { MemberRegistration, RegistrationStatus } from '../../../common/events.js';
import { formatDateTime } from '../../app/format.js';
import { isParticipant } from '../../../common/matchmaking.js';

const statusColour: Record<RegistrationStatus, string> = {
  confirmed: 'green',
  waitlisted: 'orange',
  offered: 'blue',
  cancelled: 'default',
  expired: 'default',
  attended: 'green',
  no_show: 'red',
  entered: 'purple',
};

/** One of my registrations: its status (my place on the waitlist, an offer and its expiry), the ticket link, cancel, accept. */
export function MyRegistrationItem({
  registration: r,
  isMatchmaking = false,
  isBusy,
  onCancel,
  onAccept,
}: {
  registration: MemberRegistration;
  /** The event is a 联谊 (matchmaking) one: a participant's registration (participantStatuses) leads to its matchmaking pages. */
  isMatchmaking?: boolean;
  isBusy: boolean;
  onCancel: (id: number) => void;
  onAccept: (id: number) => void;
}) {
  const { t } = useTranslation();
  const canCancel = r.status === 'confirmed' || r.status === 'waitlisted' || r.status === 'offered';
  return (
    <Card size="small" style={{ marginBottom: 12 }} data-testid={`my-registration-${r.id}`}>
      <Typography.Text strong>{r.eventTitle}</Typography.Text>
      <div>
        {formatDateTime(r.startsAt)} · {r.place}
      </div>
      <div style={{ margin: '6px 0' }}>
        <Tag color={statusColour[r.status]} data-testid="my-registration-status">
          {t(`myEvents.status.${r.status}`)}
        </Tag>
        {r.status === 'waitlisted' && r.waitlistPosition !== null && (
          <span data-testid="my-waitlist-position">{t('myEvents.waitlistPosition', { position: r.waitlistPosition })}</span>
        )}
        {r.groupNo !== null && (
          <Tag color="geekblue" data-testid="my-group">
            {t('myEvents.group', { n: r.groupNo })}
          </Tag>
        )}
        {r.status === 'offered' && r.offerExpiresAt && (
          <span data-testid="my-offer-expires">{t('myEvents.offerUntil', { at: formatDateTime(r.offerExpiresAt) })}</span>
        )}
      </div>
      <Space wrap>
        {r.status === 'offered' && (
          <Button type="primary" loading={isBusy} onClick={() => onAccept(r.id)} data-testid="my-offer-accept">
            {t('myEvents.accept')}
          </Button>
        )}
        {r.status === 'confirmed' && (
          <Link to={`/m/events/tickets/${r.id}`} data-testid="my-ticket-link">
            <Button>{t('myEvents.ticket')}</Button>
          </Link>
        )}
        {isMatchmaking && isParticipant(r.status) && (
          <Link to={`/m/matchmaking/${r.eventId}`} data-testid="my-matchmaking-link">
            <Button>{t('myEvents.matchmaking')}</Button>
          </Link>
        )}
        {canCancel && (
          <Popconfirm
            title={t('myEvents.cancelConfirm')}
            okText={t('myEvents.cancelYes')}
            cancelText={t('myEvents.cancelNo')}
            onConfirm={() => onCancel(r.id)}
          >
            <Button danger loading={isBusy} data-testid="my-registration-cancel">
              {t('myEvents.cancel')}
            </Button>
          </Popconfirm>
        )}
      </Space>
    </Card>
  );
}
