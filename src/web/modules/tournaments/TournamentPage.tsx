import { Button, Descriptions, Result, Skeleton, Space, Tabs, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router-dom';
import { useAuth } from '../../app/auth.js';
import { BracketTab, ScheduleTab, StandingsTab } from './LeagueTabs.js';
import { ResultsTab } from './ResultsTab.js';
import { HeatsTab } from './HeatsTab.js';
import { PublicLinkButton } from './PublicLinkButton.js';
import { RefereeModal } from './RefereeModal.js';
import { TeamsTab } from './TeamsTab.js';
import { tieBreakText } from './StandingsView.js';
import { tournamentsApi } from './tournaments.api.js';
import { useLoaded } from './useLoaded.js';

/** /tournaments/:id — 赛事: teams, schedule, standings, bracket and results (or heats), referees and the public link. */
export function TournamentPage() {
  const { t } = useTranslation();
  const { can } = useAuth();
  const id = Number(useParams().id);
  const [version, setVersion] = useState(0);
  const changed = () => setVersion((v) => v + 1);
  const tournament = useLoaded(() => tournamentsApi.get(id), [id, version]);
  const [isAddingReferee, setAddingReferee] = useState(false);
  if (!Number.isSafeInteger(id)) return <Result status="404" title={t('tournaments.notFound')} />;
  if (!tournament) return <Skeleton active />;
  const canWrite = can('tournament.write');
  const shared = { tournament, version, canWrite, onChanged: changed };
  const league = [
    { key: 'schedule', label: t('tournaments.tab.schedule'), children: <ScheduleTab {...shared} /> },
    { key: 'standings', label: t('tournaments.tab.standings'), children: <StandingsTab {...shared} /> },
    { key: 'bracket', label: t('tournaments.tab.bracket'), children: <BracketTab {...shared} /> },
    { key: 'results', label: t('tournaments.tab.results'), children: <ResultsTab {...shared} /> },
  ];
  const heats = [{ key: 'heats', label: t('tournaments.tab.heats'), children: <HeatsTab {...shared} /> }];
  return (
    <div data-testid="tournament-page">
      <Space style={{ width: '100%', justifyContent: 'space-between' }} wrap>
        <Typography.Title level={3} data-testid="tournament-title">
          {tournament.name}
        </Typography.Title>
        {canWrite && (
          <Space wrap>
            <Button onClick={() => setAddingReferee(true)} data-testid="create-referee">
              {t('tournaments.referee.create')}
            </Button>
            <PublicLinkButton tournamentId={tournament.id} />
          </Space>
        )}
      </Space>
      <Descriptions size="small" column={{ xs: 1, md: 3 }}>
        <Descriptions.Item label={t('tournaments.field.kind')}>{t(`tournaments.kind.${tournament.kind}`)}</Descriptions.Item>
        <Descriptions.Item label={t('tournaments.field.org')}>{tournament.orgName}</Descriptions.Item>
        <Descriptions.Item label={t('tournaments.field.teams')}>{tournament.teams.length}</Descriptions.Item>
        {tournament.kind === 'league_knockout' && (
          <Descriptions.Item label={t('tournaments.field.tieBreaks')}>{tieBreakText(tournament.tieBreaks, t)}</Descriptions.Item>
        )}
        <Descriptions.Item label={t('tournaments.field.lotsSeed')}>{tournament.lotsSeed}</Descriptions.Item>
      </Descriptions>
      <Tabs
        destroyOnHidden
        items={[
          { key: 'teams', label: t('tournaments.tab.teams'), children: <TeamsTab {...shared} /> },
          ...(tournament.kind === 'heats' ? heats : league),
        ]}
      />
      {isAddingReferee && (
        <RefereeModal
          tournamentId={tournament.id}
          isLeague={tournament.kind === 'league_knockout'}
          onClose={() => setAddingReferee(false)}
        />
      )}
    </div>
  );
}
