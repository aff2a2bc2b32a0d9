import { Card, Col, Row, Segmented, Skeleton, Space, Statistic } from 'antd';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Reach } from '../../../common/events.reach.js';
import { formatCount, formatPercent } from '../../app/format.js';
import { useNotify } from '../../app/notify.js';
import { EChart, type ChartOption } from '../coverage/EChart.js';
import { trainingApi } from './training.api.js';
import { periodOf, type Month, type ReachPeriodChoice } from './reachPeriod.js';
import { DatePicker, dayjs } from '../../app/dates.js';

const MONTH = 'YYYY-MM';

/**
 * 活动与培训覆盖 on the dashboard: people reached once each, sign-ups, attendance rate, 送教 progress, per child, over
 * a period picked on the card (this year, last year or a range of months), asked for again when it changes.
 */
export function ReachCard({ orgId }: { orgId: number }) {
  const { t } = useTranslation();
  const notify = useNotify();
  const [reach, setReach] = useState<Reach | null>(null);
  const [choice, setChoice] = useState<ReachPeriodChoice>('thisYear');
  const [months, setMonths] = useState<[Month, Month] | null>(null);
  const { from, to } = periodOf(choice, months, new Date());
  useEffect(() => {
    let isCurrent = true;
    setReach(null);
    trainingApi
      .reach(orgId, from, to)
      .then((r) => isCurrent && setReach(r))
      .catch(notify.error);
    return () => {
      isCurrent = false;
    };
  }, [orgId, from, to, notify]);
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
  const picker = (
    <Space wrap>
      <Segmented<ReachPeriodChoice>
        size="small"
        value={choice}
        onChange={setChoice}
        options={[
          { value: 'thisYear', label: t('reach.thisYear') },
          { value: 'lastYear', label: t('reach.lastYear') },
          { value: 'months', label: t('reach.months') },
        ]}
        data-testid="reach-period"
      />
      {choice === 'months' && (
        <DatePicker.RangePicker
          picker="month"
          size="small"
          format={MONTH}
          allowClear={false}
          value={[dayjs(from.slice(0, 7), MONTH), dayjs(to.slice(0, 7), MONTH)]}
          onChange={(range) => {
            if (range?.[0] && range[1]) setMonths([range[0].format(MONTH), range[1].format(MONTH)]);
          }}
          data-testid="reach-months"
        />
      )}
    </Space>
  );
  const title = `${t('reach.title')} · ${t('reach.period', { from, to })}`;
  if (!reach)
    return (
      <Card title={title} extra={picker} size="small" style={{ marginTop: 16 }} data-testid="reach-card">
        <Skeleton active />
      </Card>
    );
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
    <Card title={title} extra={picker} size="small" style={{ marginTop: 16 }} data-testid="reach-card">
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
