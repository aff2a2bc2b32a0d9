import { Alert, Button, List, Skeleton, Space, Tag, Typography } from 'antd';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { Match } from '../../../common/tournaments.js';
import { useNotify } from '../../app/notify.js';
import { BracketView } from './BracketView.js';
import { CorrectionModal } from './CorrectionModal.js';
import { MatchLine, ScheduleView } from './ScheduleView.js';
import { StandingsView } from './StandingsView.js';
import type { TabProps } from './tabProps.js';
import { tournamentsApi } from './tournaments.api.js';
import { useLoaded } from './useLoaded.js';

/** 赛程: fixtures by group and round; the knockout is drawn here once every group match is confirmed. */
export function ScheduleTab({ tournament, version, canWrite, onChanged }: TabProps) {
  const { t } = useTranslation();
  const notify = useNotify();
  const schedule = useLoaded(() => tournamentsApi.schedule(tournament.id), [tournament.id, version]);
  if (!schedule) return <Skeleton active />;
  const hasKnockout = schedule.matches.some((m) => m.stage === 'knockout');
  const drawKnockout = () =>
    tournamentsApi.drawKnockout(tournament.id).then(() => {
      notify.success(t('tournaments.draw.knockoutDrawn'));
      onChanged();
    }, notify.error);
  return (
    <div data-testid="schedule-tab">
      {canWrite && schedule.matches.length > 0 && !hasKnockout && (
        <Space style={{ marginBottom: 12 }}>
          <Button onClick={() => void drawKnockout()} data-testid="draw-knockout">
            {t('tournaments.draw.knockout')}
          </Button>
          <Typography.Text type="secondary">{t('tournaments.draw.knockoutHint')}</Typography.Text>
        </Space>
      )}
      {schedule.matches.length === 0 && <Alert type="info" message={t('tournaments.noMatches')} style={{ marginBottom: 12 }} />}
      <ScheduleView matches={schedule.matches} />
    </div>
  );
}

/** 积分榜: computed by the server from confirmed results. */
export function StandingsTab({ tournament, version }: TabProps) {
  const standings = useLoaded(() => tournamentsApi.standings(tournament.id), [tournament.id, version]);
  if (!standings) return <Skeleton active />;
  return <StandingsView standings={standings.groups} tieBreaks={tournament.tieBreaks} lotsSeed={tournament.lotsSeed} />;
}

/** 对阵图. */
export function BracketTab({ tournament, version }: TabProps) {
  const bracket = useLoaded(() => tournamentsApi.bracket(tournament.id), [tournament.id, version]);
  if (!bracket) return <Skeleton active />;
  return <BracketView matches={bracket.matches} />;
}

/** 成绩确认: results entered by referees wait for the organiser; confirmed ones are corrected with a reason. */
export function ResultsTab({ tournament, version, canWrite, onChanged }: TabProps) {
  const { t } = useTranslation();
  const notify = useNotify();
  const schedule = useLoaded(() => tournamentsApi.schedule(tournament.id), [tournament.id, version]);
  const [correcting, setCorrecting] = useState<Match | null>(null);
  if (!schedule) return <Skeleton active />;
  const waiting = schedule.matches.filter((m) => m.result?.status === 'entered');
  const confirmed = schedule.matches.filter((m) => m.result?.status === 'confirmed');
  const confirm = (m: Match) =>
    tournamentsApi.confirmResult(m.id).then(() => {
      notify.success(t('tournaments.results.confirmed'));
      onChanged();
    }, notify.error);
  const item = (m: Match, action: ReactNode) => (
    <List.Item actions={canWrite ? [action] : []} data-testid={`result-${m.id}`}>
      <MatchLine match={m} />
    </List.Item>
  );
  return (
    <div data-testid="results-tab">
      <Typography.Title level={5}>{t('tournaments.results.waiting')}</Typography.Title>
      <List
        size="small"
        dataSource={waiting}
        locale={{ emptyText: t('tournaments.results.none') }}
        data-testid="results-waiting"
        renderItem={(m) =>
          item(
            m,
            <Button type="primary" size="small" onClick={() => void confirm(m)} data-testid={`confirm-${m.id}`}>
              {t('tournaments.results.confirm')}
            </Button>,
          )
        }
      />
      <Typography.Title level={5} style={{ marginTop: 16 }}>
        {t('tournaments.results.confirmedList')} <Tag>{confirmed.length}</Tag>
      </Typography.Title>
      <List
        size="small"
        dataSource={confirmed}
        pagination={{ pageSize: 20, hideOnSinglePage: true }}
        data-testid="results-confirmed"
        renderItem={(m) =>
          item(
            m,
            <Button size="small" onClick={() => setCorrecting(m)} data-testid={`correct-${m.id}`}>
              {t('tournaments.results.correct')}
            </Button>,
          )
        }
      />
      {correcting && (
        <CorrectionModal
          match={correcting}
          onClose={() => setCorrecting(null)}
          onDone={() => {
            setCorrecting(null);
            onChanged();
          }}
        />
      )}
    </div>
  );
}
