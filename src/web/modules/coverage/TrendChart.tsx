import { Card, Skeleton } from 'antd';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { CoverageTrend } from '../../../common/coverage.reports.js';
import { EChart, type ChartOption } from './EChart.js';

/** Members (bars) and 入会率 / 建会率 (lines) month by month: snapshots, then this month live. */
export function TrendChart({ trend }: { trend: CoverageTrend | null }) {
  const { t } = useTranslation();
  const option = useMemo<ChartOption>(() => {
    const points = trend?.points ?? [];
    const percent = (rate: number | null) => (rate === null ? '-' : Math.round(rate * 1000) / 10);
    return {
      color: ['#c8102e', '#1677ff', '#52c41a'],
      legend: { top: 0 },
      grid: { left: 8, right: 8, top: 40, bottom: 8, containLabel: true },
      tooltip: { trigger: 'axis' },
      xAxis: { type: 'category', data: points.map((p) => (p.source === 'live' ? `${p.month} (${t('trend.live')})` : p.month)) },
      yAxis: [
        { type: 'value', minInterval: 1, name: t('coverage.members') },
        { type: 'value', min: 0, max: 100, axisLabel: { formatter: '{value}%' }, splitLine: { show: false } },
      ],
      series: [
        { name: t('coverage.members'), type: 'bar', data: points.map((p) => p.members), barMaxWidth: 24 },
        {
          name: t('coverage.membershipRate'),
          type: 'line',
          yAxisIndex: 1,
          data: points.map((p) => percent(p.membershipRate)),
          tooltip: { valueFormatter: (v: unknown) => (typeof v === 'number' ? `${v.toFixed(1)}%` : '—') },
        },
        {
          name: t('coverage.unionisationRate'),
          type: 'line',
          yAxisIndex: 1,
          data: points.map((p) => percent(p.unionisationRate)),
          tooltip: { valueFormatter: (v: unknown) => (typeof v === 'number' ? `${v.toFixed(1)}%` : '—') },
        },
      ],
    };
  }, [trend, t]);
  return (
    <Card size="small" title={t('trend.title')} style={{ marginTop: 12 }} data-testid="trend-card">
      {trend ? <EChart option={option} height={300} testId="chart-trend" /> : <Skeleton active />}
    </Card>
  );
}
