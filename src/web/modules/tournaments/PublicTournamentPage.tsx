import { Alert, Skeleton, Tabs, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router-dom';
import type { PublicTournament } from '../../../common/tournaments.js';
import { errorText } from '../../app/notify.js';
import { PublicLayout } from '../join/PublicLayout.js';
import { BracketView } from './BracketView.js';
import { timeText } from './matchText.js';
import { ScheduleView } from './ScheduleView.js';
import { StandingsView } from './StandingsView.js';
import { tournamentsApi } from './tournaments.api.js';
import { addStrings } from '../../i18n/index.js';
import { messages as tournamentsStrings } from './i18n.zh-CN.js';

// A phone page adds the strings it shows; the console's come with the console's chunk (#16).
addStrings(tournamentsStrings);

function HeatsResults({ heats }: { heats: NonNullable<PublicTournament['heats']> }) {
  const { t } = useTranslation();
  const races = [
    ...heats.heats.map((h) => ({ title: t('tournaments.heats.heat', { heat: h.heat }), lanes: h.lanes })),
    ...(heats.final ? [{ title: t('tournaments.heats.final'), lanes: heats.final }] : []),
  ];
  return (
    <div data-testid="public-heats">
      {heats.places && (
        <>
          <Typography.Title level={5}>{t('tournaments.heats.places')}</Typography.Title>
          {heats.places.map((p) => (
            <div key={p.teamId}>
              {p.place ?? '—'}. {p.name} {timeText(p.timeMs)} {p.award && t(`tournaments.heats.award.${p.award}`)}
            </div>
          ))}
        </>
      )}
      {races.map((r) => (
        <div key={r.title}>
          <Typography.Title level={5}>{r.title}</Typography.Title>
          {[...r.lanes]
            .sort((a, b) => a.lane - b.lane)
            .map((l) => (
              <div key={l.teamId}>
                {t('tournaments.heats.lane')} {l.lane} · {l.name}{' '}
                {l.status === 'confirmed' ? (l.outcome === 'finished' ? timeText(l.timeMs) : l.outcome) : ''}
              </div>
            ))}
        </div>
      ))}
    </div>
  );
}

/** /public/tournaments/:token — 赛事公开页: schedule, standings and bracket (or heats), read-only, no session. */
export function PublicTournamentPage() {
  const { t } = useTranslation();
  const token = useParams().token ?? '';
  const [data, setData] = useState<PublicTournament | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  useEffect(() => {
    tournamentsApi
      .publicPage(token)
      .then(setData)
      .catch((error: unknown) => setFailure(errorText(error, t('tournaments.pub.unavailable'))));
  }, [token, t]);
  const items = data
    ? data.kind === 'heats'
      ? [{ key: 'heats', label: t('tournaments.tab.heats'), children: data.heats ? <HeatsResults heats={data.heats} /> : null }]
      : [
          { key: 'schedule', label: t('tournaments.tab.schedule'), children: <ScheduleView matches={data.schedule} /> },
          { key: 'standings', label: t('tournaments.tab.standings'), children: <StandingsView standings={data.standings} isCompact /> },
          { key: 'bracket', label: t('tournaments.tab.bracket'), children: <BracketView matches={data.bracket} /> },
        ]
    : [];
  return (
    <PublicLayout title={data?.name ?? t('tournaments.pub.title')}>
      {failure && <Alert type="warning" message={failure} data-testid="public-tournament-unavailable" />}
      {!failure && !data && <Skeleton active />}
      {data && (
        <div data-testid="public-tournament">
          <Typography.Paragraph type="secondary">{t('tournaments.pub.readOnly')}</Typography.Paragraph>
          <Tabs items={items} />
        </div>
      )}
    </PublicLayout>
  );
}
