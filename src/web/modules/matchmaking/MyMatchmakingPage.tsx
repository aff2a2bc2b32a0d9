import { Button, Card, Empty, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import type { MemberRegistration } from '../../../common/events.js';
import { isParticipant } from '../../../common/matchmaking.js';
import { formatDateTime } from '../../app/format.js';
import { errorText } from '../../app/notify.js';
import { MemberPhonePage, NotLoaded } from '../myevents/MemberPhonePage.js';
import { myEventsApi } from '../myevents/myevents.api.js';
import { addStrings } from '../../i18n/index.js';
import { messages as matchmakingStrings } from './i18n.zh-CN.js';

// A phone page adds the strings it shows; the console's come with the console's chunk (#16).
addStrings(matchmakingStrings);

/** /m/matchmaking: the events I take part in (participantStatuses), once each, each leading to its matchmaking. */
export function MyMatchmakingPage() {
  const { t } = useTranslation();
  return (
    <MemberPhonePage
      title={t('matchmaking.title')}
      to="/m/matchmaking"
      other={{ label: t('matchmaking.toEvents'), to: '/m/events', testId: 'match-to-events' }}
    >
      <MyMatchmakingEvents />
    </MemberPhonePage>
  );
}

function MyMatchmakingEvents() {
  const { t } = useTranslation();
  const [items, setItems] = useState<MemberRegistration[] | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  useEffect(() => {
    myEventsApi
      .registrations()
      .then((r) => {
        const seen = new Set<number>();
        setItems(r.items.filter((x) => isParticipant(x.status) && !seen.has(x.eventId) && seen.add(x.eventId)));
      })
      .catch((error: unknown) => setFailure(errorText(error, t('app.networkError'))));
  }, [t]);
  if (!items) return <NotLoaded failure={failure} />;
  return (
    <div data-testid="match-events">
      <Typography.Paragraph type="secondary">{t('matchmaking.index.hint')}</Typography.Paragraph>
      {items.length === 0 && <Empty description={t('matchmaking.index.empty')} />}
      {items.map((r) => (
        <Card size="small" key={r.id} style={{ marginBottom: 12 }}>
          <Typography.Text strong>{r.eventTitle}</Typography.Text>
          <div>
            {formatDateTime(r.startsAt)} · {r.place}
          </div>
          <Link to={`/m/matchmaking/${r.eventId}`} data-testid={`match-event-${r.eventId}`}>
            <Button type="primary" style={{ marginTop: 8 }}>
              {t('matchmaking.index.open')}
            </Button>
          </Link>
        </Card>
      ))}
    </div>
  );
}
