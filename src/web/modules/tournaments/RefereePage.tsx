import { Alert, Card, Empty, Skeleton } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { RefereeAssignments } from '../../../common/tournaments.js';
import { errorText } from '../../app/notify.js';
import { RefereeHeats, RefereeMatches } from './RefereeTournament.js';
import { tournamentsApi } from './tournaments.api.js';

/** /tournaments/referee: the referee's phone page — my matches (and heats) of each tournament I serve. */
export function RefereePage() {
  const { t } = useTranslation();
  const [assignments, setAssignments] = useState<RefereeAssignments | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  useEffect(() => {
    tournamentsApi
      .assignments()
      .then(setAssignments)
      .catch((error: unknown) => setFailure(errorText(error, t('app.networkError'))));
  }, [t]);
  if (failure) return <Alert type="error" message={failure} />;
  if (!assignments) return <Skeleton active />;
  return (
    <div style={{ maxWidth: 480, margin: '0 auto' }} data-testid="referee-page">
      {assignments.items.length === 0 && <Empty description={t('tournaments.ref.none')} />}
      {assignments.items.map((a) => (
        <Card
          key={a.tournamentId}
          title={a.name}
          style={{ marginBottom: 12 }}
          styles={{ body: { padding: 12 } }}
          data-testid={`ref-tournament-${a.tournamentId}`}
        >
          {a.kind === 'heats' ? (
            <RefereeHeats tournamentId={a.tournamentId} />
          ) : (
            <RefereeMatches tournamentId={a.tournamentId} matchIds={a.matchIds} />
          )}
        </Card>
      ))}
    </div>
  );
}
