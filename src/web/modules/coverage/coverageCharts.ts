import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { Coverage, CoverageBreakdown } from '../../../common/coverage.js';
import type { ChartOption } from './EChart.js';

const COLORS = { unions: '#c8102e', employers: '#faad14', membership: '#1677ff', unionisation: '#52c41a' };

/** How many bars fit before a zoom slider is added. */
function visibleBars(isNarrow: boolean): number {
  return isNarrow ? 6 : 16;
}

function baseOption(children: Coverage[], isNarrow: boolean): ChartOption {
  const needsZoom = children.length > visibleBars(isNarrow);
  const endPercent = needsZoom ? Math.max(5, Math.round((visibleBars(isNarrow) / children.length) * 100)) : 100;
  return {
    grid: { left: 8, right: 16, top: 40, bottom: needsZoom ? 56 : 16, containLabel: true },
    legend: { top: 0 },
    xAxis: {
      type: 'category',
      data: children.map((c) => c.name),
      axisLabel: { interval: 0, rotate: children.length > 5 || isNarrow ? 30 : 0, width: 90, overflow: 'truncate' },
    },
    dataZoom: needsZoom ? [{ type: 'slider', start: 0, end: endPercent, height: 18, bottom: 8 }, { type: 'inside' }] : [],
  };
}

/** The two bar charts of the dashboard, one bar group per child: counts (unions, employers) and rates. */
export function useCoverageCharts(
  breakdown: CoverageBreakdown | null,
  isNarrow: boolean,
): { countsOption: ChartOption; ratesOption: ChartOption } {
  const { t } = useTranslation();
  const children = useMemo(() => breakdown?.children ?? [], [breakdown]);
  const countsOption = useMemo<ChartOption>(
    () => ({
      ...baseOption(children, isNarrow),
      color: [COLORS.unions, COLORS.employers],
      tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
      yAxis: { type: 'value', minInterval: 1 },
      series: [
        {
          name: t('coverage.grassrootsUnions'),
          type: 'bar',
          data: children.map((c) => c.grassrootsUnions),
          barMaxWidth: 28,
          cursor: 'pointer',
        },
        {
          name: t('coverage.employersCovered'),
          type: 'bar',
          data: children.map((c) => c.employersCovered),
          barMaxWidth: 28,
          cursor: 'pointer',
        },
      ],
    }),
    [children, isNarrow, t],
  );

  const ratesOption = useMemo<ChartOption>(() => {
    const percent = (rate: number | null) => (rate === null ? '-' : Math.round(rate * 1000) / 10);
    return {
      ...baseOption(children, isNarrow),
      color: [COLORS.membership, COLORS.unionisation],
      tooltip: {
        trigger: 'axis',
        axisPointer: { type: 'shadow' },
        valueFormatter: (value: unknown) => (typeof value === 'number' ? `${value.toFixed(1)}%` : '—'),
      },
      yAxis: { type: 'value', min: 0, max: 100, axisLabel: { formatter: '{value}%' } },
      series: [
        {
          name: t('coverage.membershipRate'),
          type: 'bar',
          data: children.map((c) => percent(c.membershipRate)),
          barMaxWidth: 28,
          cursor: 'pointer',
        },
        {
          name: t('coverage.unionisationRate'),
          type: 'bar',
          data: children.map((c) => percent(c.unionisationRate)),
          barMaxWidth: 28,
          cursor: 'pointer',
        },
      ],
    };
  }, [children, isNarrow, t]);

  return { countsOption, ratesOption };
}
