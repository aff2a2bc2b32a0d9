import { Card, Col, Empty, Row, Skeleton, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { CoverageBreakdown } from '../../../common/coverage.js';
import { formatPercent } from '../../app/format.js';
import { useCoverageCharts } from './coverageCharts.js';
import { EChart } from './EChart.js';

const CHART_HEIGHT = 340;

/** The counts and rates charts per child (skeletons while loading); clicking a bar opens that child. */
export function DashboardCharts({
  breakdown,
  isNarrow,
  onOpen,
}: {
  breakdown: CoverageBreakdown | null;
  isNarrow: boolean;
  onOpen: (orgId: number) => void;
}) {
  const { t } = useTranslation();
  const children = breakdown?.children ?? [];
  const { countsOption, ratesOption } = useCoverageCharts(breakdown, isNarrow);
  const drill = ({ dataIndex }: { dataIndex: number }) => {
    const child = children[dataIndex];
    if (child) onOpen(child.orgId);
  };

  if (breakdown && children.length === 0) {
    return (
      <Card style={{ marginTop: 12 }}>
        <Empty description={t('dashboard.noChildren')} />
      </Card>
    );
  }
  return (
    <Row gutter={[12, 12]} style={{ marginTop: 12 }}>
      {breakdown && children.length < breakdown.childrenTotal && (
        <Col span={24}>
          <Typography.Text type="secondary" data-testid="dashboard-shown-largest">
            {t('dashboard.shownLargest', { shown: children.length, total: breakdown.childrenTotal })}
          </Typography.Text>
        </Col>
      )}
      <Col xs={24} xxl={12}>
        <Card
          size="small"
          title={t('dashboard.countsChart')}
          extra={!isNarrow && <Typography.Text type="secondary">{t('dashboard.drillHint')}</Typography.Text>}
        >
          {breakdown ? (
            <EChart option={countsOption} height={CHART_HEIGHT} onBarClick={drill} testId="chart-counts" />
          ) : (
            <Skeleton active />
          )}
        </Card>
      </Col>
      <Col xs={24} xxl={12}>
        <Card
          size="small"
          title={t('dashboard.ratesChart')}
          extra={!isNarrow && breakdown && `${t('coverage.membershipRate')} ${formatPercent(breakdown.total.membershipRate)}`}
        >
          {breakdown ? <EChart option={ratesOption} height={CHART_HEIGHT} onBarClick={drill} testId="chart-rates" /> : <Skeleton active />}
        </Card>
      </Col>
    </Row>
  );
}
