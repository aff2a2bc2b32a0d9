import { Card, Empty, Skeleton, Statistic, Typography } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router-dom';
import type { EventDetail } from '../../../common/events.js';
import type { MatchStats } from '../../../common/matchmaking.js';
import { useAuth } from '../../app/auth.js';
import { eventsApi } from '../events/events.api.js';
import { matchConsoleApi } from './matchmaking.api.js';
import { MatchRankingCard } from './MatchRankingCard.js';
import { MatchSettingsCard } from './MatchSettingsCard.js';

/** events/:id/matchmaking: an event's 联谊 for its cadres — settings, counts without identities, the points ranking. */
export function MatchConsolePage() {
  const { t } = useTranslation();
  const { can } = useAuth();
  const id = Number(useParams().id);
  const [event, setEvent] = useState<EventDetail | null | undefined>(undefined);
  const [stats, setStats] = useState<MatchStats | null>(null);
  const loadStats = useCallback(() => {
    matchConsoleApi
      .stats(id)
      .then(setStats)
      .catch(() => setStats(null));
  }, [id]);
  useEffect(() => {
    eventsApi
      .get(id)
      .then(setEvent)
      .catch(() => setEvent(null));
    loadStats();
  }, [id, loadStats]);
  const loadRanking = useCallback((places: number) => matchConsoleApi.ranking(id, places), [id]);
  if (event === undefined) return <Skeleton active />;
  if (event === null) return <Empty description={t('matchConsole.notFound')} />;
  const figures = stats && (['participants', 'profiles', 'mutualMatches', 'withdrawals'] as const);
  return (
    <div data-testid="match-console">
      <div className="page-header">
        <Typography.Title level={3}>
          <Link to={`/events/${event.id}`}>{event.title}</Link> · {t('matchConsole.title')}
        </Typography.Title>
      </div>
      <MatchSettingsCard eventId={id} canWrite={can('event.write')} onSaved={loadStats} />
      <Card size="small" title={t('matchConsole.stats')} style={{ marginBottom: 16 }} data-testid="match-stats">
        <div style={{ display: 'flex', gap: 32, flexWrap: 'wrap' }}>
          {stats &&
            figures &&
            figures.map((k) => (
              <div key={k} data-testid={`match-stat-${k}`}>
                <Statistic title={t(`matchConsole.${k}`)} value={stats[k]} />
              </div>
            ))}
        </div>
      </Card>
      <MatchRankingCard eventId={id} load={loadRanking} />
    </div>
  );
}
