import { Alert, Button, Skeleton, Space, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNotify } from '../../app/notify.js';
import { BracketView } from './BracketView.js';
import { DrawGroupsModal } from './TeamModals.js';
import type { Match } from '../../../common/tournaments.js';
import { ScheduleView } from './ScheduleView.js';
import { SlotModal } from './SlotModal.js';
import { StandingsView } from './StandingsView.js';
import type { TabProps } from './tabProps.js';
import { tournamentsApi } from './tournaments.api.js';
import { useLoaded } from './useLoaded.js';

/** 赛程: fixtures by group and round; the knockout is drawn here once every group match is confirmed. */
export function ScheduleTab({ tournament, version, canWrite, onChanged }: TabProps) {
  const { t } = useTranslation();
  const notify = useNotify();
  const schedule = useLoaded(() => tournamentsApi.schedule(tournament.id), [tournament.id, version]);
  const [isDrawing, setDrawing] = useState(false);
  const [slotOf, setSlotOf] = useState<Match | null>(null);
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
      {schedule.matches.length === 0 && (
        <Alert
          type="info"
          message={t('tournaments.noMatches')}
          style={{ marginBottom: 12 }}
          action={
            canWrite &&
            tournament.teams.length > 1 && (
              <Button onClick={() => setDrawing(true)} data-testid="schedule-draw-groups">
                {t('tournaments.draw.groups')}
              </Button>
            )
          }
        />
      )}
      <ScheduleView matches={schedule.matches} {...(canWrite ? { onEditSlot: setSlotOf } : {})} />
      {slotOf && (
        <SlotModal
          match={slotOf}
          onClose={() => setSlotOf(null)}
          onDone={() => {
            setSlotOf(null);
            onChanged();
          }}
        />
      )}
      {isDrawing && (
        <DrawGroupsModal
          tournament={tournament}
          onClose={() => setDrawing(false)}
          onDone={() => {
            setDrawing(false);
            onChanged();
          }}
        />
      )}
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
