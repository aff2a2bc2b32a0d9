import { BarChartOutlined, DragOutlined, EditOutlined, PlusOutlined } from '@ant-design/icons';
import { Breadcrumb, Button, Card, Result, Skeleton, Tabs, Typography } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams, useSearchParams } from 'react-router-dom';
import { canSitUnder, orgKinds, type OrgWithAncestors } from '../../../common/orgs.js';
import { ApiError } from '../../app/api.js';
import { useAuth } from '../../app/auth.js';
import { hasAccess, useRegistry } from '../../app/webModule.js';
import { errorText } from '../../app/notify.js';
import { OrgCoverage } from '../coverage/CoverageCards.js';
import { ChildrenTab } from './ChildrenTab.js';
import { KindTag } from './KindTag.js';
import { MoveOrgModal } from './MoveOrgModal.js';
import { OrgFormModal } from './OrgFormModal.js';
import { orgsApi } from './orgs.api.js';
import { useOrgTree } from './treeStore.js';
import { ZonesTab } from './ZonesTab.js';

// The organisation's own tabs; other modules add theirs (employers, members, …) through their module.tsx.
const ownTabOrder = { overview: 10, children: 20, zones: 40 } as const;

type Dialog = { kind: 'edit' } | { kind: 'create' } | { kind: 'move' } | null;

/** One organisation: breadcrumb, header and the tabs 概况 / 下级组织 / 企业 / 协作区. */
export function OrgPage() {
  const { t } = useTranslation();
  const { can, me } = useAuth();
  const { orgTabs } = useRegistry();
  const navigate = useNavigate();
  const tree = useOrgTree();
  const orgId = Number(useParams().id);
  const [searchParams, setSearchParams] = useSearchParams();
  const tab = [...Object.keys(ownTabOrder), ...orgTabs.map((entry) => entry.key)].find((k) => k === searchParams.get('tab')) ?? 'overview';
  const [org, setOrg] = useState<OrgWithAncestors | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const [dialog, setDialog] = useState<Dialog>(null);
  const [childrenVersion, setChildrenVersion] = useState(0);
  const { reveal } = tree;

  const load = useCallback(
    async (shouldReveal: boolean) => {
      try {
        const loaded = await orgsApi.get(orgId);
        setOrg(loaded);
        setFailure(null);
        if (shouldReveal) void reveal(loaded);
      } catch (error) {
        setOrg(null);
        setFailure(error instanceof ApiError ? error.message : errorText(error, t('app.networkError')));
      }
    },
    [orgId, reveal, t],
  );

  useEffect(() => {
    setOrg(null);
    void load(true);
  }, [load]);

  if (failure) return <Result status="warning" title={failure} />;
  if (!org || org.id !== orgId) return <Skeleton active />;

  const childKinds = orgKinds.filter((kind) => canSitUnder(kind, org.kind));
  const canWrite = can('org.write');
  const isRoot = org.parentId === null;

  const onChildrenChanged = (parentIds: number[]) => {
    setChildrenVersion((n) => n + 1);
    void load(false);
    void tree.refresh(parentIds);
  };

  const tabLabel = (key: string, text: string) => <span data-testid={`tab-${key}`}>{text}</span>;
  const items = [
    {
      key: 'overview',
      order: ownTabOrder.overview,
      label: tabLabel('overview', t('org.tabs.overview')),
      children: <OrgCoverage orgId={org.id} />,
    },
    {
      key: 'children',
      order: ownTabOrder.children,
      label: tabLabel('children', t('org.tabs.children')),
      children: <ChildrenTab parent={org} version={childrenVersion} onChanged={onChildrenChanged} />,
    },
    { key: 'zones', order: ownTabOrder.zones, label: tabLabel('zones', t('org.tabs.zones')), children: <ZonesTab org={org} /> },
    ...orgTabs
      .filter((entry) => me && hasAccess(entry.access, me, can))
      .map((entry) => ({ key: entry.key, order: entry.order, label: tabLabel(entry.key, entry.label(t)), children: entry.render(org) })),
  ]
    .sort((a, b) => a.order - b.order)
    .map(({ order: _order, ...item }) => item);

  return (
    <div data-testid="org-page">
      <Breadcrumb
        data-testid="org-breadcrumb"
        items={[
          ...org.ancestors.map((a) => ({ key: a.id, title: <Link to={`/orgs/${a.id}`}>{a.name}</Link> })),
          { key: org.id, title: org.name },
        ]}
      />
      <div className="page-header">
        <Typography.Title level={3} data-testid="node-title">
          {org.name}
        </Typography.Title>
        <KindTag kind={org.kind} jointType={org.jointType} />
        <div className="page-actions">
          {can('coverage.read') && (
            <Button icon={<BarChartOutlined />} onClick={() => navigate(`/dashboard?org=${org.id}`)} data-testid="open-dashboard">
              {t('org.dashboard')}
            </Button>
          )}
          {canWrite && (
            <Button icon={<EditOutlined />} onClick={() => setDialog({ kind: 'edit' })} data-testid="edit-org">
              {t('common.edit')}
            </Button>
          )}
          {canWrite && !isRoot && (
            <Button icon={<DragOutlined />} onClick={() => setDialog({ kind: 'move' })} data-testid="move-button">
              {t('org.move')}
            </Button>
          )}
          {canWrite && childKinds.length > 0 && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setDialog({ kind: 'create' })} data-testid="create-child">
              {t('org.createChild')}
            </Button>
          )}
        </div>
      </div>
      <Card size="small" styles={{ body: { paddingTop: 4 } }}>
        <Tabs
          activeKey={tab}
          items={items}
          destroyOnHidden
          onChange={(key) => setSearchParams(key === 'overview' ? {} : { tab: key }, { replace: true })}
        />
      </Card>
      {dialog?.kind === 'create' && (
        <OrgFormModal
          mode={{ kind: 'create', parent: org }}
          onClose={() => setDialog(null)}
          onDone={() => {
            setDialog(null);
            onChildrenChanged([org.id]);
          }}
        />
      )}
      {dialog?.kind === 'edit' && (
        <OrgFormModal
          mode={{ kind: 'edit', org }}
          onClose={() => setDialog(null)}
          onDone={() => {
            setDialog(null);
            void load(false);
            void tree.refresh([org.id]);
          }}
        />
      )}
      {dialog?.kind === 'move' && (
        <MoveOrgModal
          org={org}
          onClose={() => setDialog(null)}
          onDone={(moved, oldParentId) => {
            setDialog(null);
            void tree.refresh([oldParentId, moved.parentId ?? oldParentId]).then(() => load(true));
          }}
        />
      )}
    </div>
  );
}
