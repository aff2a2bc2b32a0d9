import { Button, Card, Empty, Skeleton, Space, Table, Tag, Typography, type TableColumnsType } from 'antd';
import { useTranslation } from 'react-i18next';
import type { HeatsView } from '../../../common/tournaments.js';
import { useNotify } from '../../app/notify.js';
import { useState } from 'react';
import { HeatCorrectionModal, ReRowModal } from './HeatsActions.js';
import { Places, Progression } from './HeatsOutcome.js';
import { timeText } from './matchText.js';
import type { TabProps } from './tabProps.js';
import { tournamentsApi } from './tournaments.api.js';
import { useLoaded } from './useLoaded.js';

type Lane = HeatsView['heats'][number]['lanes'][number];

function useLaneColumns(): TableColumnsType<Lane> {
  const { t } = useTranslation();
  return [
    { title: t('tournaments.heats.lane'), dataIndex: 'lane', width: 60 },
    { title: t('tournaments.heats.crew'), dataIndex: 'name' },
    {
      title: t('tournaments.heats.outcome'),
      dataIndex: 'outcome',
      width: 130,
      render: (o: Lane['outcome']) => (o ? t(`tournaments.outcome.${o}`) : ''),
    },
    { title: t('tournaments.heats.time'), dataIndex: 'timeMs', width: 100, render: (ms: number | null) => timeText(ms) },
    { title: '', dataIndex: 'status', width: 90, render: (s: Lane['status']) => <Tag>{t(`tournaments.status.${s ?? 'none'}`)}</Tag> },
  ];
}

/** 预赛与决赛 (龙舟): heats with lanes and times, their confirmation, the progression by its stated rule, the final's places and awards. */
export function HeatsTab({ tournament, version, canWrite, onChanged }: TabProps) {
  const { t } = useTranslation();
  const notify = useNotify();
  const view = useLoaded(() => tournamentsApi.heats(tournament.id), [tournament.id, version]);
  const columns = useLaneColumns();
  const [correcting, setCorrecting] = useState<{ stage: 'heat' | 'final'; heat: number; lanes: Lane[] } | null>(null);
  const [reRow, setReRow] = useState<number[] | null>(null);
  if (!view) return <Skeleton active />;
  const done = () => {
    setCorrecting(null);
    setReRow(null);
    onChanged();
  };
  const act = (p: Promise<unknown>, done: string) =>
    void p.then(() => {
      notify.success(done);
      onChanged();
    }, notify.error);
  const race = (stage: 'heat' | 'final', heat: number, lanes: Lane[], title: string) => (
    <Card
      key={`${stage}-${heat}`}
      size="small"
      title={title}
      style={{ marginBottom: 12 }}
      data-testid={`race-${stage}-${heat}`}
      extra={
        canWrite &&
        lanes.length > 0 &&
        (lanes.every((l) => l.status === 'confirmed') ? (
          <Button size="small" onClick={() => setCorrecting({ stage, heat, lanes })} data-testid={`correct-${stage}-${heat}`}>
            {t('tournaments.heats.correct')}
          </Button>
        ) : (
          lanes.every((l) => l.status === 'entered') && (
            <Button
              type="primary"
              size="small"
              onClick={() => act(tournamentsApi.confirmHeat(tournament.id, { stage, heat }), t('tournaments.heats.confirmed'))}
              data-testid={`confirm-${stage}-${heat}`}
            >
              {t('tournaments.heats.confirm')}
            </Button>
          )
        ))
      }
    >
      <Table<Lane>
        rowKey="teamId"
        size="small"
        pagination={false}
        columns={columns}
        dataSource={[...lanes].sort((a, b) => a.lane - b.lane)}
        scroll={{ x: 500 }}
      />
    </Card>
  );
  const p = view.progression;
  const byPlace = tournament.byPlace ?? Math.floor((tournament.finalists ?? 0) / Math.max(1, view.heats.length));
  return (
    <div data-testid="heats-tab">
      {canWrite && (
        <Space style={{ marginBottom: 12 }}>
          {view.heats.length === 0 && (
            <Button
              type="primary"
              onClick={() => act(tournamentsApi.drawHeats(tournament.id), t('tournaments.draw.heatsDrawn'))}
              data-testid="draw-heats"
            >
              {t('tournaments.draw.heats')}
            </Button>
          )}
          {p && !view.final && (
            <Button
              type="primary"
              onClick={() => act(tournamentsApi.drawFinal(tournament.id), t('tournaments.draw.finalDrawn'))}
              data-testid="draw-final"
            >
              {t('tournaments.draw.final')}
            </Button>
          )}
        </Space>
      )}
      <Typography.Paragraph data-testid="heats-rule">
        {t('tournaments.heats.rule', { byPlace, tie: t(`tournaments.heatTieRule.${tournament.heatTieRule}`) })}
      </Typography.Paragraph>
      {view.heats.length === 0 && <Empty description={t('tournaments.heats.none')} />}
      {view.heats.map((h) => race('heat', h.heat, h.lanes, t('tournaments.heats.heat', { heat: h.heat })))}
      {p && <Progression progression={p} teams={tournament.teams} {...(canWrite && !view.final ? { onReRow: setReRow } : {})} />}
      {view.final && race('final', 1, view.final, t('tournaments.heats.final'))}
      {view.places && <Places places={view.places} />}
      {correcting && <HeatCorrectionModal tournamentId={tournament.id} {...correcting} onClose={() => setCorrecting(null)} onDone={done} />}
      {reRow && (
        <ReRowModal tournamentId={tournament.id} teamIds={reRow} teams={tournament.teams} onClose={() => setReRow(null)} onDone={done} />
      )}
    </div>
  );
}
