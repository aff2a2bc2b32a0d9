import { ApartmentOutlined, PlusOutlined } from '@ant-design/icons';
import { Breadcrumb, Button, Card, Empty, Input, Select, Skeleton, Space, Table, Tag, Typography, type TableColumnsType } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useSearchParams } from 'react-router-dom';
import type { OrgWithAncestors } from '../../../common/orgs.js';
import { meetingKinds, type Meeting, type OutreachStats } from '../../../common/outreach.js';
import { useAuth } from '../../app/auth.js';
import { formatCount } from '../../app/format.js';
import { useNotify } from '../../app/notify.js';
import { PagerBar, useCursorPages } from '../../app/paging.js';
import { KindTag } from '../orgs/KindTag.js';
import { orgsApi } from '../orgs/orgs.api.js';
import { useOrgTree } from '../orgs/treeStore.js';
import { MeetingFormModal } from './MeetingFormModal.js';
import { outreachApi, thisYear, type Period } from './outreach.api.js';
import { OutreachStatsCards } from './OutreachStatsCards.js';

const PAGE_SIZE = 50;

/** 双沟通: the worker and enterprise meetings of an org's subtree in a period, their figures, and new meetings. */
export function OutreachPage() {
  const { t } = useTranslation();
  const { can } = useAuth();
  const notify = useNotify();
  const navigate = useNavigate();
  const { roots } = useOrgTree();
  const [searchParams] = useSearchParams();
  const orgId = Number(searchParams.get('org')) || roots?.[0]?.id;
  const [org, setOrg] = useState<OrgWithAncestors | null>(null);
  const [period, setPeriod] = useState<Period>(() => thisYear());
  const [kind, setKind] = useState<Meeting['kind'] | undefined>(undefined);
  const [stats, setStats] = useState<OutreachStats | null>(null);
  const [version, setVersion] = useState(0);
  const [isCreating, setCreating] = useState(false);
  const isPeriodValid = period.from !== '' && period.to !== '' && period.from <= period.to;

  useEffect(() => {
    if (!orgId) return;
    let isCurrent = true;
    orgsApi
      .get(orgId)
      .then((o) => isCurrent && setOrg(o))
      .catch(notify.error);
    return () => {
      isCurrent = false;
    };
  }, [orgId, notify]);

  useEffect(() => {
    if (!orgId || !isPeriodValid) return;
    let isCurrent = true;
    setStats(null);
    outreachApi
      .stats(orgId, period)
      .then((s) => isCurrent && setStats(s))
      .catch(notify.error);
    return () => {
      isCurrent = false;
    };
  }, [orgId, period, isPeriodValid, version, notify]);

  const filters = isPeriodValid ? { kind, ...period } : { kind };
  const pages = useCursorPages(
    (cursor) => (orgId ? outreachApi.meetings(orgId, filters, cursor, PAGE_SIZE) : Promise.resolve({ items: [], nextCursor: null })),
    `${orgId}:${JSON.stringify(filters)}:${version}`,
  );

  if (!orgId) return roots === undefined ? <Skeleton active /> : <Empty />;
  const isLoaded = org !== null && org.id === orgId;
  const titleOf = new Map(pages.items.map((m) => [m.id, m.title]));

  const columns: TableColumnsType<Meeting> = [
    { title: t('outreach.field.heldOn'), dataIndex: 'heldOn', width: 110 },
    {
      title: t('outreach.kind'),
      dataIndex: 'kind',
      width: 120,
      render: (k: Meeting['kind']) => <Tag color={k === 'worker' ? 'red' : 'blue'}>{t(`outreach.meetingKind.${k}`)}</Tag>,
    },
    {
      title: t('outreach.field.title'),
      dataIndex: 'title',
      render: (title: string, m) => (
        <Space direction="vertical" size={0}>
          <Typography.Text strong>{title}</Typography.Text>
          {m.parentMeetingId !== null && (
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {t('outreach.subVenue')} · {t('outreach.mainVenue')}: {titleOf.get(m.parentMeetingId) ?? `#${m.parentMeetingId}`}
            </Typography.Text>
          )}
        </Space>
      ),
    },
    {
      title: t('outreach.field.venue'),
      dataIndex: 'venue',
      width: 150,
      ellipsis: true,
      render: (venue: string | null, m) => (
        <span>
          {m.isOnline && <Tag>{t('outreach.online')}</Tag>}
          {venue ?? (m.isOnline ? '' : t('common.none'))}
        </span>
      ),
    },
    { title: t('outreach.field.org'), dataIndex: 'orgName', width: 170, ellipsis: true },
    { title: t('outreach.field.applications'), dataIndex: 'applications', width: 100, align: 'right', render: formatCount },
    { title: t('outreach.field.approved'), dataIndex: 'approved', width: 90, align: 'right', render: formatCount },
    { title: t('outreach.field.employersEngaged'), dataIndex: 'employersEngaged', width: 100, align: 'right', render: formatCount },
  ];

  return (
    <div data-testid="outreach-page">
      {isLoaded && (
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
          {isLoaded && ` · ${org.name}`}
        </Typography.Title>
        {isLoaded && <KindTag kind={org.kind} jointType={org.jointType} />}
        <div className="page-actions">
          <Button icon={<ApartmentOutlined />} onClick={() => navigate(`/orgs/${orgId}`)}>
            {t('dashboard.openOrg')}
          </Button>
          {can('member.write') && isLoaded && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)} data-testid="create-meeting">
              {t('outreach.create')}
            </Button>
          )}
        </div>
      </div>
      <div className="filters">
        <Typography.Text>{t('outreach.period')}</Typography.Text>
        <Input
          type="date"
          value={period.from}
          onChange={(e) => setPeriod({ ...period, from: e.target.value })}
          status={isPeriodValid ? undefined : 'error'}
          style={{ width: 160 }}
          data-testid="outreach-from"
        />
        <span>–</span>
        <Input
          type="date"
          value={period.to}
          onChange={(e) => setPeriod({ ...period, to: e.target.value })}
          status={isPeriodValid ? undefined : 'error'}
          style={{ width: 160 }}
          data-testid="outreach-to"
        />
        <Button onClick={() => setPeriod(thisYear())}>{t('outreach.thisYear')}</Button>
        <Select
          allowClear
          placeholder={t('outreach.kind')}
          value={kind}
          onChange={(k: Meeting['kind'] | undefined) => setKind(k)}
          options={meetingKinds.map((k) => ({ value: k, label: t(`outreach.meetingKind.${k}`) }))}
          style={{ width: 150 }}
          data-testid="outreach-kind"
        />
      </div>
      <OutreachStatsCards stats={stats} />
      <Card size="small" style={{ marginTop: 12 }}>
        <Table<Meeting>
          rowKey="id"
          size="middle"
          columns={columns}
          dataSource={pages.items}
          loading={pages.isLoading}
          pagination={false}
          scroll={{ x: 1000 }}
          locale={{ emptyText: t('outreach.empty') }}
          data-testid="meetings-table"
        />
        <PagerBar pages={pages} testId="meetings-pager" />
      </Card>
      {isCreating && isLoaded && (
        <MeetingFormModal
          org={org}
          onClose={() => setCreating(false)}
          onDone={() => {
            setCreating(false);
            notify.success(t('outreach.created'));
            setVersion((n) => n + 1);
          }}
        />
      )}
    </div>
  );
}
