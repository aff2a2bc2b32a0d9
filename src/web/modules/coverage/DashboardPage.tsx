import { ApartmentOutlined, ArrowUpOutlined } from '@ant-design/icons';
import { Breadcrumb, Button, Card, Col, Empty, Grid, Row, Skeleton, Typography } from 'antd';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useSearchParams } from 'react-router-dom';
import type { Coverage, CoverageBreakdown } from '../../../common/coverage.js';
import type { OrgWithAncestors } from '../../../common/orgs.js';
import { formatPercent } from '../../app/format.js';
import { useNotify } from '../../app/notify.js';
import { orgsApi } from '../orgs/orgs.api.js';
import { KindTag } from '../orgs/KindTag.js';
import { useOrgTree } from '../orgs/treeStore.js';
import { coverageApi } from './coverage.api.js';
import { CoverageCards } from './CoverageCards.js';
import { EChart, type ChartOption } from './EChart.js';
import { QualityTable } from './QualityTable.js';

const CHART_HEIGHT = 340;
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

/** Coverage of one node and a bar chart per child; clicking a bar drills down to that child. */
export function DashboardPage() {
  const { t } = useTranslation();
  const notify = useNotify();
  const navigate = useNavigate();
  const isNarrow = !Grid.useBreakpoint().md;
  const [searchParams] = useSearchParams();
  const { roots } = useOrgTree();
  const orgId = Number(searchParams.get('org')) || roots?.[0]?.id;
  const [org, setOrg] = useState<OrgWithAncestors | null>(null);
  const [breakdown, setBreakdown] = useState<CoverageBreakdown | null>(null);

  useEffect(() => {
    if (!orgId) return;
    let isCurrent = true;
    setBreakdown(null);
    Promise.all([orgsApi.get(orgId), coverageApi.children(orgId)])
      .then(([o, b]) => {
        if (!isCurrent) return;
        setOrg(o);
        setBreakdown(b);
      })
      .catch(notify.error);
    return () => {
      isCurrent = false;
    };
  }, [orgId, notify]);

  const children = useMemo(() => breakdown?.children ?? [], [breakdown]);
  const drill = ({ dataIndex }: { dataIndex: number }) => {
    const child = children[dataIndex];
    if (child) navigate(`/dashboard?org=${child.orgId}`);
  };

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

  if (!orgId) return roots === undefined ? <Skeleton active /> : <Empty />;
  const isLoaded = breakdown !== null && org !== null && org.id === orgId;
  const parent = org?.ancestors[org.ancestors.length - 1];

  return (
    <div data-testid="dashboard-page">
      {isLoaded && (
        <Breadcrumb
          items={[
            ...org.ancestors.map((a) => ({ key: a.id, title: <Link to={`/dashboard?org=${a.id}`}>{a.name}</Link> })),
            { key: org.id, title: org.name },
          ]}
        />
      )}
      <div className="page-header">
        <Typography.Title level={3} data-testid="dashboard-title">
          {t('dashboard.title')}
          {isLoaded && ` · ${org.name}`}
        </Typography.Title>
        {isLoaded && <KindTag kind={org.kind} jointType={org.jointType} />}
        <div className="page-actions">
          {isLoaded && parent && (
            <Button icon={<ArrowUpOutlined />} onClick={() => navigate(`/dashboard?org=${parent.id}`)} data-testid="dashboard-up">
              {t('dashboard.up')}
            </Button>
          )}
          <Button icon={<ApartmentOutlined />} onClick={() => navigate(`/orgs/${orgId}`)}>
            {t('dashboard.openOrg')}
          </Button>
        </div>
      </div>
      <CoverageCards coverage={isLoaded ? breakdown.total : null} />
      {isLoaded && children.length === 0 ? (
        <Card style={{ marginTop: 12 }}>
          <Empty description={t('dashboard.noChildren')} />
        </Card>
      ) : (
        <Row gutter={[12, 12]} style={{ marginTop: 12 }}>
          {isLoaded && children.length < breakdown.childrenTotal && (
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
              {isLoaded ? (
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
              extra={!isNarrow && isLoaded && `${t('coverage.membershipRate')} ${formatPercent(breakdown.total.membershipRate)}`}
            >
              {isLoaded ? (
                <EChart option={ratesOption} height={CHART_HEIGHT} onBarClick={drill} testId="chart-rates" />
              ) : (
                <Skeleton active />
              )}
            </Card>
          </Col>
        </Row>
      )}
      {isLoaded && children.length > 0 && <QualityTable rows={children} onOpen={(id) => navigate(`/dashboard?org=${id}`)} />}
    </div>
  );
}
