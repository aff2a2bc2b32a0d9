import { Alert, Button, List, Skeleton, Tag, Typography } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { HeatsView, Match } from '../../../common/tournaments.js';
import { errorText } from '../../app/notify.js';
import { HeatEntryForm } from './HeatEntryForm.js';
import { kickoffText, sideText } from './matchText.js';
import { ResultEntryForm } from './ResultEntryForm.js';
import { tournamentsApi } from './tournaments.api.js';

function useLoad<T>(load: () => Promise<T>): { data: T | null; failure: string | null; reload: () => void } {
  const { t } = useTranslation();
  const [data, setData] = useState<T | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const reload = useCallback(() => {
    load()
      .then(setData)
      .catch((error: unknown) => setFailure(errorText(error, t('tournaments.ref.unavailable'))));
  }, [load, t]);
  useEffect(reload, [reload]);
  return { data, failure, reload };
}

const isOpen = (m: Match) => m.home.teamId !== null && m.away.teamId !== null && m.result?.status !== 'confirmed';

/** The referee's matches of one tournament still to be played or confirmed; a tap opens the entry form. */
export function RefereeMatches({ tournamentId, matchIds }: { tournamentId: number; matchIds: number[] | null }) {
  const { t } = useTranslation();
  const load = useCallback(() => tournamentsApi.schedule(tournamentId), [tournamentId]);
  const { data, failure } = useLoad(load);
  const [openId, setOpenId] = useState<number | null>(null);
  if (failure) return <Alert type="warning" message={failure} data-testid="ref-unavailable" />;
  if (!data) return <Skeleton active />;
  const mine = data.matches.filter((m) => (matchIds === null || matchIds.includes(m.id)) && isOpen(m));
  return (
    <List
      data-testid="ref-match-list"
      dataSource={mine}
      locale={{ emptyText: t('tournaments.ref.none') }}
      renderItem={(m) => (
        <List.Item data-testid={`ref-match-${m.id}`} style={{ display: 'block' }}>
          {openId === m.id ? (
            <ResultEntryForm match={m} />
          ) : (
            <div style={{ display: 'flex', justifyContent: 'space-between', alignItems: 'center', gap: 8 }}>
              <div>
                <div>
                  {sideText(m.home, t)} {t('tournaments.vs')} {sideText(m.away, t)}
                </div>
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {[kickoffText(m.kickoff), m.venue].filter(Boolean).join(' · ')}
                </Typography.Text>
                {m.result?.status === 'entered' && <Tag color="orange">{t('tournaments.ref.pending')}</Tag>}
              </div>
              <Button onClick={() => setOpenId(m.id)} data-testid={`ref-enter-${m.id}`}>
                {t('tournaments.ref.enter')}
              </Button>
            </div>
          )}
        </List.Item>
      )}
    />
  );
}

type Race = { stage: 'heat' | 'final'; heat: number; lanes: HeatsView['heats'][number]['lanes'] };

/** The referee's races (heats, then the final once drawn) not yet confirmed. */
export function RefereeHeats({ tournamentId }: { tournamentId: number }) {
  const { t } = useTranslation();
  const load = useCallback(() => tournamentsApi.heats(tournamentId), [tournamentId]);
  const { data, failure, reload } = useLoad(load);
  if (failure) return <Alert type="warning" message={failure} data-testid="ref-unavailable" />;
  if (!data) return <Skeleton active />;
  const races: Race[] = [
    ...data.heats.map((h) => ({ stage: 'heat' as const, heat: h.heat, lanes: h.lanes })),
    ...(data.final ? [{ stage: 'final' as const, heat: 1, lanes: data.final }] : []),
  ].filter((r) => !r.lanes.every((l) => l.status === 'confirmed'));
  if (races.length === 0) return <Typography.Text type="secondary">{t('tournaments.ref.none')}</Typography.Text>;
  return (
    <div data-testid="ref-heat-list">
      {races.map((r) => (
        <div key={`${r.stage}-${r.heat}`} style={{ marginBottom: 16 }}>
          <Typography.Title level={5}>
            {r.stage === 'final' ? t('tournaments.heats.final') : t('tournaments.heats.heat', { heat: r.heat })}
          </Typography.Title>
          <HeatEntryForm tournamentId={tournamentId} stage={r.stage} heat={r.heat} lanes={r.lanes} onSubmitted={reload} />
        </div>
      ))}
    </div>
  );
}
