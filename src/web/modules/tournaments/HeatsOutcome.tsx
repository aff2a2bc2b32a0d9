import { Alert, Button, Card, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { HeatsView, Team } from '../../../common/tournaments.js';
import { timeText } from './matchText.js';

/**
 * 晋级决赛: the finalists with how each got through (by place / by time), lots at the cut, re-rows, a shortfall. With
 * `onReRow` (the organiser), each pending re-row has a button to record its order.
 */
export function Progression({
  progression: p,
  teams,
  onReRow,
}: {
  progression: NonNullable<HeatsView['progression']>;
  teams: Team[];
  onReRow?: (teamIds: number[]) => void;
}) {
  const { t } = useTranslation();
  const names = (ids: number[]) => ids.map((id) => teams.find((tm) => tm.id === id)?.name ?? `#${id}`).join('、');
  return (
    <Card size="small" title={t('tournaments.heats.progression')} style={{ marginBottom: 12 }} data-testid="progression">
      {p.finalists.map((f) => (
        <div key={f.teamId} data-testid={`finalist-${f.teamId}`}>
          {f.name} · {t('tournaments.heats.heat', { heat: f.heat })} #{f.place} · {timeText(f.timeMs)}{' '}
          <Tag>{t(`tournaments.heats.via.${f.via}`)}</Tag>
        </div>
      ))}
      {p.lots.length > 0 && (
        <Alert type="info" style={{ marginTop: 8 }} message={t('tournaments.heats.lots', { teams: names(p.lots.map((l) => l.teamId)) })} />
      )}
      {p.reRows.map((r, i) => (
        <Alert
          key={i}
          type="warning"
          style={{ marginTop: 8 }}
          message={t('tournaments.heats.reRow', { teams: names(r.teamIds) })}
          action={
            onReRow && (
              <Button size="small" onClick={() => onReRow(r.teamIds)} data-testid={`rerow-${i}`}>
                {t('tournaments.heats.reRowRecord')}
              </Button>
            )
          }
        />
      ))}
      {p.shortfall > 0 && <Alert type="warning" style={{ marginTop: 8 }} message={t('tournaments.heats.shortfall', { n: p.shortfall })} />}
    </Card>
  );
}

/** 决赛名次与奖项: the final's places with their prize or merit award. */
export function Places({ places }: { places: NonNullable<HeatsView['places']> }) {
  const { t } = useTranslation();
  return (
    <Card size="small" title={t('tournaments.heats.places')} data-testid="places">
      {places.map((pl) => (
        <div key={pl.teamId} data-testid={`place-${pl.teamId}`}>
          {pl.place ?? '—'}. {pl.name} {timeText(pl.timeMs)} {pl.outcome !== 'finished' && t(`tournaments.outcome.${pl.outcome}`)}{' '}
          {pl.award && <Tag color={pl.award === 'prize' ? 'gold' : 'blue'}>{t(`tournaments.heats.award.${pl.award}`)}</Tag>}
        </div>
      ))}
    </Card>
  );
}
