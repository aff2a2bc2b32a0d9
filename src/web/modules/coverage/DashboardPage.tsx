import { ApartmentOutlined, ArrowUpOutlined } from '@ant-design/icons';
import { Alert, Breadcrumb, Button, Empty, Grid, Skeleton, Typography } from 'antd';
import { lazy, Suspense, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CoverageTrend, DistrictCoverage } from '../../../common/coverage.reports.js';
import { useNotify } from '../../app/notify.js';
import { DashboardSlots } from './DashboardSlots.js';
import { Link, useLocation, useNavigate, useSearchParams } from 'react-router-dom';
import { KindTag } from '../orgs/KindTag.js';
import { useOrgTree } from '../orgs/treeStore.js';
import { CoverageCards } from './CoverageCards.js';
import { DashboardCharts } from './DashboardCharts.js';
import { QualityTable } from './QualityTable.js';
import { OverRateTable } from './OverRateTable.js';
import { coverageApi } from './coverage.api.js';
import { ReportButton } from './ReportButton.js';
import { TrendChanges } from './TrendChanges.js';
import { TrendChart } from './TrendChart.js';
import { isOutOfView, useCoverageBreakdown } from './useCoverageBreakdown.js';

// The map and its boundaries are a chunk of their own, loaded only where the map shows (the city, a district).
const DistrictMap = lazy(() => import('./DistrictMap.js').then((m) => ({ default: m.DistrictMap })));

/** The node's monthly trend and, for the city or a district, the districts of the map (null while loading). */
function useReports(orgId: number | undefined, withMap: boolean) {
  const notify = useNotify();
  const [trend, setTrend] = useState<CoverageTrend | null>(null);
  const [districts, setDistricts] = useState<DistrictCoverage[] | null>(null);
  useEffect(() => {
    if (!orgId) return;
    let isCurrent = true;
    setTrend(null);
    coverageApi
      .trend(orgId)
      .then((t) => isCurrent && setTrend(t))
      // A node out of view is the breakdown's to handle (the page falls back to the caller's own node).
      .catch((error: unknown) => isOutOfView(error) || notify.error(error));
    return () => {
      isCurrent = false;
    };
  }, [orgId, notify]);
  useEffect(() => {
    if (!withMap || districts) return;
    coverageApi
      .districts()
      .then((d) => setDistricts(d.items))
      .catch(notify.error);
  }, [withMap, districts, notify]);
  return { trend, districts };
}

/** Coverage of one node and a bar chart per child; clicking a bar drills down to that child. */
export function DashboardPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const isNarrow = !Grid.useBreakpoint().md;
  const [searchParams] = useSearchParams();
  const { roots } = useOrgTree();
  const location = useLocation();
  const orgId = Number(searchParams.get('org')) || roots?.[0]?.id;
  const { loaded, outOfView } = useCoverageBreakdown(orgId);
  const isMapLevel = loaded ? loaded.org.ancestors.length === 0 || loaded.org.kind === 'district_federation' : false;
  const { trend, districts } = useReports(orgId, isMapLevel);
  const home = roots?.[0]?.id;
  // A link to a node outside the caller's subtree (or gone): their own node instead, with a word why.
  const fallback = outOfView !== null && home !== undefined && home !== outOfView ? home : null;
  useEffect(() => {
    if (fallback !== null) navigate(`/dashboard?org=${fallback}`, { replace: true, state: { outOfView: true } });
  }, [fallback, navigate]);
  const isFallenBack = (location.state as { outOfView?: boolean } | null)?.outOfView === true;

  if (!orgId) return roots === undefined ? <Skeleton active /> : <Empty />;
  if (outOfView !== null && fallback === null && roots !== undefined) return <Empty description={t('dashboard.outOfView')} />;
  const open = (id: number) => navigate(`/dashboard?org=${id}`);
  const org = loaded?.org;
  const breakdown = loaded?.breakdown ?? null;
  const parent = org?.ancestors[org.ancestors.length - 1];

  return (
    <div data-testid="dashboard-page">
      {isFallenBack && (
        <Alert
          type="info"
          showIcon
          closable
          message={t('dashboard.fellBack')}
          style={{ marginBottom: 12 }}
          data-testid="dashboard-fell-back"
        />
      )}
      {org && (
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
          {org && ` · ${org.name}`}
        </Typography.Title>
        {org && <KindTag kind={org.kind} jointType={org.jointType} />}
        <div className="page-actions">
          {parent && (
            <Button icon={<ArrowUpOutlined />} onClick={() => open(parent.id)} data-testid="dashboard-up">
              {t('dashboard.up')}
            </Button>
          )}
          <Button icon={<ApartmentOutlined />} onClick={() => navigate(`/orgs/${orgId}`)}>
            {t('dashboard.openOrg')}
          </Button>
          <ReportButton orgId={orgId} />
        </div>
      </div>
      <CoverageCards
        coverage={breakdown?.total ?? null}
        below={{
          members: <TrendChanges trend={trend} figure="members" />,
          membershipRate: <TrendChanges trend={trend} figure="membershipRate" />,
        }}
      />
      <DashboardCharts breakdown={breakdown} isNarrow={isNarrow} onOpen={open} />
      {isMapLevel && (
        <Suspense fallback={<Skeleton active />}>
          <DistrictMap districts={districts} selectedId={org?.kind === 'district_federation' ? org.id : undefined} onOpen={open} />
        </Suspense>
      )}
      <TrendChart trend={trend} />
      {breakdown && breakdown.overRate.length > 0 && <OverRateTable rows={breakdown.overRate} onOpen={open} />}
      {breakdown && breakdown.children.length > 0 && <QualityTable rows={breakdown.children} onOpen={open} />}
      <DashboardSlots orgId={orgId} />
    </div>
  );
}
