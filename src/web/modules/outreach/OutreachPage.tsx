import { ApartmentOutlined, PlusOutlined } from '@ant-design/icons';
import { Breadcrumb, Button, Empty, Skeleton, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useSearchParams } from 'react-router-dom';
import { useAuth } from '../../app/auth.js';
import { ListPage } from '../../app/ListPage.js';
import { useNotify } from '../../app/notify.js';
import { KindTag } from '../orgs/KindTag.js';
import { useOrgTree } from '../orgs/treeStore.js';
import { MeetingFormModal } from './MeetingFormModal.js';
import { useMeetingColumns } from './meetingColumns.js';
import { OutreachFilters } from './OutreachFilters.js';
import { OutreachStatsCards } from './OutreachStatsCards.js';
import { useOutreach } from './useOutreach.js';

/** 双沟通: the worker and enterprise meetings of an org's subtree in a period, their figures, and new meetings. */
export function OutreachPage() {
  const { t } = useTranslation();
  const { can } = useAuth();
  const notify = useNotify();
  const navigate = useNavigate();
  const { roots } = useOrgTree();
  const [searchParams] = useSearchParams();
  const orgId = Number(searchParams.get('org')) || roots?.[0]?.id;
  const { org, list, stats, isPeriodValid, refresh } = useOutreach(orgId);
  const [isCreating, setCreating] = useState(false);
  const columns = useMeetingColumns(list.pages.items);

  if (!orgId) return roots === undefined ? <Skeleton active /> : <Empty />;

  return (
    <div data-testid="outreach-page">
      {org && (
        <Breadcrumb
          items={[
            ...org.ancestors.map((a) => ({ key: a.id, title: <Link to={`/outreach?org=${a.id}`}>{a.name}</Link> })),
            { key: org.id, title: org.name },
          ]}
        />
      )}
      <div className="page-header">
        <Typography.Title level={3} data-testid="outreach-title">
          {t('outreach.title')}
          {org && ` · ${org.name}`}
        </Typography.Title>
        {org && <KindTag kind={org.kind} jointType={org.jointType} />}
        <div className="page-actions">
          <Button icon={<ApartmentOutlined />} onClick={() => navigate(`/orgs/${orgId}`)}>
            {t('dashboard.openOrg')}
          </Button>
          {can('member.write') && org && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)} data-testid="create-meeting">
              {t('outreach.create')}
            </Button>
          )}
        </div>
      </div>
      <ListPage
        list={list}
        columns={columns}
        testId="meetings"
        scrollX={1000}
        emptyText={t('outreach.empty')}
        onRow={(m) => ({ onClick: () => navigate(`/outreach/meetings/${m.id}`), style: { cursor: 'pointer' } })}
        filters={<OutreachFilters list={list} isPeriodValid={isPeriodValid} />}
        above={
          <div style={{ marginBottom: 12 }}>
            <OutreachStatsCards stats={stats} />
          </div>
        }
      >
        {isCreating && org && (
          <MeetingFormModal
            org={org}
            onClose={() => setCreating(false)}
            onDone={() => {
              setCreating(false);
              notify.success(t('outreach.created'));
              refresh();
            }}
          />
        )}
      </ListPage>
    </div>
  );
}
