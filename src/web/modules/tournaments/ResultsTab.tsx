import { Button, List, Typography } from 'antd';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { Match } from '../../../common/tournaments.js';
import { useNotify } from '../../app/notify.js';
import { PagerBar, useCursorPages, type CursorPages } from '../../app/paging.js';
import { CorrectionModal } from './CorrectionModal.js';
import { MatchLine } from './ScheduleView.js';
import type { TabProps } from './tabProps.js';
import { tournamentsApi } from './tournaments.api.js';

/**
 * 成绩确认: results entered by referees wait for the organiser; confirmed ones are corrected with a reason. Both lists
 * come a page at a time from the server, each with its total.
 */
export function ResultsTab({ tournament, version, canWrite, onChanged }: TabProps) {
  const { t } = useTranslation();
  const notify = useNotify();
  const key = `${tournament.id}:${version}`;
  const waiting = useCursorPages((cursor) => tournamentsApi.results(tournament.id, 'entered', cursor), key);
  const confirmed = useCursorPages((cursor) => tournamentsApi.results(tournament.id, 'confirmed', cursor), key);
  const [correcting, setCorrecting] = useState<Match | null>(null);
  const confirm = (m: Match) =>
    tournamentsApi.confirmResult(m.id).then(() => {
      notify.success(t('tournaments.results.confirmed'));
      onChanged();
    }, notify.error);
  const list = (pages: CursorPages<Match>, testId: string, action: (m: Match) => ReactNode, emptyText?: string) => (
    <>
      <List
        size="small"
        loading={pages.isLoading}
        dataSource={pages.items}
        {...(emptyText ? { locale: { emptyText } } : {})}
        data-testid={testId}
        renderItem={(m) => (
          <List.Item actions={canWrite ? [action(m)] : []} data-testid={`result-${m.id}`}>
            <MatchLine match={m} />
          </List.Item>
        )}
      />
      <PagerBar pages={pages} testId={`${testId}-pager`} />
    </>
  );
  return (
    <div data-testid="results-tab">
      <Typography.Title level={5}>{t('tournaments.results.waiting')}</Typography.Title>
      {list(
        waiting,
        'results-waiting',
        (m) => (
          <Button type="primary" size="small" onClick={() => void confirm(m)} data-testid={`confirm-${m.id}`}>
            {t('tournaments.results.confirm')}
          </Button>
        ),
        t('tournaments.results.none'),
      )}
      <Typography.Title level={5} style={{ marginTop: 16 }}>
        {t('tournaments.results.confirmedList')}
      </Typography.Title>
      {list(confirmed, 'results-confirmed', (m) => (
        <Button size="small" onClick={() => setCorrecting(m)} data-testid={`correct-${m.id}`}>
          {t('tournaments.results.correct')}
        </Button>
      ))}
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
