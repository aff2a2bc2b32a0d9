import { Button, List, Skeleton, Tag, Typography } from 'antd';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { Match } from '../../../common/tournaments.js';
import { useNotify } from '../../app/notify.js';
import { CorrectionModal } from './CorrectionModal.js';
import { MatchLine } from './ScheduleView.js';
import type { TabProps } from './tabProps.js';
import { tournamentsApi } from './tournaments.api.js';
import { useLoaded } from './useLoaded.js';

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
