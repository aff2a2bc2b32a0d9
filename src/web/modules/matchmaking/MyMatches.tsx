import { Alert, Button, Empty } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Match } from '../../../common/matchmaking.js';
import { errorText } from '../../app/notify.js';
import { NotLoaded } from '../myevents/MemberPhonePage.js';
import { myMatchApi } from './matchmaking.api.js';
import { ProfileCard } from './ProfileCard.js';

/** My mutual matches: confirm the exchange of contact; the contact shows only once both confirmed. */
export function MyMatches({ eventId }: { eventId: number }) {
  const { t } = useTranslation();
  const [items, setItems] = useState<Match[] | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const [busyRef, setBusyRef] = useState<string | null>(null);
  useEffect(() => {
    myMatchApi
      .matches(eventId)
      .then((list) => setItems(list.items))
      .catch((error: unknown) => setFailure(errorText(error, t('app.networkError'))));
  }, [eventId, t]);
  const confirm = async (ref: string) => {
    setBusyRef(ref);
    setFailure(null);
    try {
      const updated = await myMatchApi.confirm(eventId, ref);
      setItems((had) => (had ?? []).map((m) => (m.profileRef === ref ? updated : m)));
    } catch (error) {
      setFailure(errorText(error, t('app.networkError')));
    } finally {
      setBusyRef(null);
    }
  };
  if (!items) return <NotLoaded failure={failure} />;
  return (
    <div data-testid="match-matches">
      {failure && <Alert type="error" showIcon message={failure} style={{ marginBottom: 12 }} />}
      {items.length === 0 && <Empty description={t('matchmaking.matchesEmpty')} />}
      {items.map((m) => (
        <ProfileCard key={m.profileRef} profile={m} testId={`match-match-${m.profileRef}`}>
          <div style={{ marginTop: 8 }}>
            {m.contact ? (
              <Alert type="success" message={t('matchmaking.contact', m.contact)} data-testid="match-contact" />
            ) : m.confirmedByMe ? (
              <Alert type="info" message={t('matchmaking.waiting')} data-testid="match-waiting" />
            ) : (
              <Button
                type="primary"
                block
                loading={busyRef === m.profileRef}
                onClick={() => void confirm(m.profileRef)}
                data-testid="match-confirm-contact"
              >
                {t('matchmaking.confirmContact')}
              </Button>
            )}
          </div>
        </ProfileCard>
      ))}
    </div>
  );
}
