import { Alert, Skeleton, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router-dom';
import type { Ticket } from '../../../common/events.checkin.js';
import { MemberGate } from '../../app/MemberGate.js';
import { errorText } from '../../app/notify.js';
import { QrCode } from '../cards/QrCode.js';
import { PublicLayout } from '../join/PublicLayout.js';
import { checkinApi } from './checkin.api.js';
import { addStrings } from '../../i18n/index.js';
import { messages as checkinStrings } from './i18n.zh-CN.js';

// A phone page adds the strings it shows; the console's come with the console's chunk (#16).
addStrings(checkinStrings);

/** /m/events/tickets/:registrationId: the member's ticket on the phone, a signed QR code to show at the door. */
export function TicketPage() {
  const { t } = useTranslation();
  return (
    <PublicLayout title={t('checkin.ticket.title')}>
      <MemberGate>
        <TicketCode />
      </MemberGate>
      <p className="public-footer-link">
        <Link to="/m/events" data-testid="ticket-back">
          {t('checkin.ticket.back')}
        </Link>
      </p>
    </PublicLayout>
  );
}

function TicketCode() {
  const { t } = useTranslation();
  const id = Number(useParams().registrationId);
  const [ticket, setTicket] = useState<Ticket | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  useEffect(() => {
    checkinApi
      .ticket(id)
      .then(setTicket)
      .catch((error: unknown) => setFailure(errorText(error, t('checkin.ticket.unavailable'))));
  }, [id, t]);
  if (failure) return <Alert type="warning" message={failure} data-testid="ticket-unavailable" />;
  if (!ticket) return <Skeleton active />;
  return (
    <div style={{ textAlign: 'center' }} data-testid="ticket">
      <Typography.Title level={4}>{ticket.eventTitle}</Typography.Title>
      <Typography.Paragraph>
        {new Date(ticket.startsAt).toLocaleString('zh-CN', { timeZone: 'Asia/Shanghai' })} · {ticket.place}
      </Typography.Paragraph>
      <div style={{ display: 'inline-block' }}>
        <QrCode text={ticket.token} size={260} testId="ticket-qr" />
      </div>
      <Typography.Paragraph type="secondary">{t('checkin.ticket.show')}</Typography.Paragraph>
    </div>
  );
}
