import { ApartmentOutlined, ArrowUpOutlined } from '@ant-design/icons';
import { Breadcrumb, Button, Empty, Grid, Skeleton, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useSearchParams } from 'react-router-dom';
import { KindTag } from '../orgs/KindTag.js';
import { useOrgTree } from '../orgs/treeStore.js';
import { CoverageCards } from './CoverageCards.js';
import { DashboardCharts } from './DashboardCharts.js';
import { QualityTable } from './QualityTable.js';
import { useCoverageBreakdown } from './useCoverageBreakdown.js';

/** Coverage of one node and a bar chart per child; clicking a bar drills down to that child. */
export function DashboardPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const isNarrow = !Grid.useBreakpoint().md;
  const [searchParams] = useSearchParams();
  const { roots } = useOrgTree();
  const orgId = Number(searchParams.get('org')) || roots?.[0]?.id;
  const loaded = useCoverageBreakdown(orgId);

  if (!orgId) return roots === undefined ? <Skeleton active /> : <Empty />;
  const open = (id: number) => navigate(`/dashboard?org=${id}`);
  const org = loaded?.org;
  const breakdown = loaded?.breakdown ?? null;
  const parent = org?.ancestors[org.ancestors.length - 1];

  return (
    <div data-testid="dashboard-page">
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
        </div>
      </div>
      <CoverageCards coverage={breakdown?.total ?? null} />
      <DashboardCharts breakdown={breakdown} isNarrow={isNarrow} onOpen={open} />
      {breakdown && breakdown.children.length > 0 && <QualityTable rows={breakdown.children} onOpen={open} />}
    </div>
  );
}
