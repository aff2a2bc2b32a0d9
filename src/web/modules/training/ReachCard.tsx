import { Card, Col, Row, Skeleton, Statistic } from 'antd';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Reach } from '../../../common/events.reach.js';
import { formatCount, formatPercent } from '../../app/format.js';
import { useNotify } from '../../app/notify.js';
import { EChart, type ChartOption } from '../coverage/EChart.js';
import { trainingApi } from './training.api.js';

/** This calendar year on Beijing's calendar, as the dashboard's period. */
function thisYear(): { from: string; to: string } {
  const year = new Date(Date.now() + 8 * 3_600_000).getUTCFullYear();
  return { from: `${year}-01-01`, to: `${year}-12-31` };
}

/** 活动与培训覆盖 on the dashboard: people reached once each, sign-ups, attendance rate, 送教 progress, per child. */
export function ReachCard({ orgId }: { orgId: number }) {
  const { t } = useTranslation();
  const notify = useNotify();
  const [reach, setReach] = useState<Reach | null>(null);
  useEffect(() => {
    let isCurrent = true;
    setReach(null);
    const { from, to } = thisYear();
    trainingApi
      .reach(orgId, from, to)
      .then((r) => isCurrent && setReach(r))
      .catch(notify.error);
    return () => {
      isCurrent = false;
    };
  }, [orgId, notify]);
  const option = useMemo<ChartOption>(() => {
    const rows = (reach?.children ?? []).slice(0, 20);
    return {
      color: ['#c8102e'],
      grid: { left: 8, right: 8, top: 16, bottom: 8, containLabel: true },
      tooltip: { trigger: 'axis' },
      xAxis: { type: 'category', data: rows.map((r) => r.orgName), axisLabel: { rotate: rows.length > 6 ? 30 : 0 } },
      yAxis: { type: 'value', minInterval: 1 },
      series: [{ name: t('reach.people'), type: 'bar', data: rows.map((r) => r.people), barMaxWidth: 24 }],
    };
  }, [reach, t]);
  if (!reach) return <Skeleton active />;
  const figures = [
    { key: 'people', label: t('reach.people'), value: formatCount(reach.people) },
    { key: 'signUps', label: t('reach.signUps'), value: formatCount(reach.signUps) },
    {
      key: 'rate',
      label: t('reach.attendanceRate'),
      value: reach.attendanceRate === null ? t('reach.none') : formatPercent(reach.attendanceRate),
    },
    { key: 'training', label: t('reach.trainingProgress'), value: `${reach.training.sessionsHeld} / ${reach.training.plannedSessions}` },
  ];
  return (
    <Card title={`${t('reach.title')} · ${reach.from.slice(0, 4)}`} size="small" style={{ marginTop: 16 }} data-testid="reach-card">
      <Row gutter={[12, 12]}>
        {figures.map((f) => (
          <Col key={f.key} xs={12} md={6}>
            <Statistic title={f.label} value={f.value} data-testid={`reach-${f.key}`} />
          </Col>
        ))}
      </Row>
      {reach.children.length > 0 && <EChart option={option} height={260} testId="reach-chart" />}
    </Card>
  );
}
