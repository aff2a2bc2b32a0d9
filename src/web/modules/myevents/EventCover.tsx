import { useState } from 'react';
import { useTranslation } from 'react-i18next';

/**
 * The event's cover (活动封面) at the top of its card on the member's phone page, for an event that has one
 * (`MemberEvent.hasCover`); should it be gone by the time the phone asks (404), nothing shows.
 */
export function EventCover({ eventId }: { eventId: number }) {
  const { t } = useTranslation();
  const [missing, setMissing] = useState(false);
  if (missing) return null;
  return (
    <img
      src={`/api/portal/events/${eventId}/cover`}
      alt={t('myEvents.cover')}
      data-testid={`my-event-cover-${eventId}`}
      style={{ width: '100%', maxHeight: 200, objectFit: 'cover', display: 'block' }}
      onError={() => setMissing(true)}
    />
  );
}
