import { Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { changeSince, type CoverageTrend, type TrendPoint } from '../../../common/coverage.reports.js';

type Figure = 'members' | 'membershipRate';

/** 同比 (against the same month a year before) and 环比 (against the month before) of one figure, under its card. */
export function TrendChanges({ trend, figure }: { trend: CoverageTrend | null; figure: Figure }) {
  const { t } = useTranslation();
  if (!trend) return null;
  const pick = (p: TrendPoint) => p[figure];
  const show = (monthsBack: number, label: string) => {
    const change = changeSince(trend.points, monthsBack, pick);
    let text = '—';
    let type: 'success' | 'danger' | 'secondary' = 'secondary';
    if (change) {
      const sign = change.delta > 0 ? '+' : '';
      // A rate moves by percentage points; a count by its relative change.
      text =
        figure === 'membershipRate'
          ? t('trend.points', { value: `${sign}${(change.delta * 100).toFixed(1)}` })
          : change.ratio === null
            ? `${sign}${change.delta}`
            : `${sign}${(change.ratio * 100).toFixed(1)}%`;
      type = change.delta > 0 ? 'success' : change.delta < 0 ? 'danger' : 'secondary';
    }
    return (
      <span data-testid={`change-${figure}-${monthsBack === 12 ? 'yoy' : 'mom'}`}>
        {label} <Typography.Text type={type}>{text}</Typography.Text>
      </span>
    );
  };
  return (
    <div style={{ fontSize: 12, marginTop: 4, display: 'flex', gap: 12, flexWrap: 'wrap' }}>
      {show(12, t('trend.yearOnYear'))}
      {show(1, t('trend.monthOnMonth'))}
    </div>
  );
}
