import { Breadcrumb, Card, Result, Skeleton, Tabs, Typography } from 'antd';
import { useState } from 'react';
import { Link, useParams, useSearchParams } from 'react-router-dom';
import { KindTag } from './KindTag.js';
import { MoveOrgModal } from './MoveOrgModal.js';
import { OrgActions, type OrgDialog } from './OrgActions.js';
import { OrgFormModal } from './OrgFormModal.js';
import { useOrgTabs, useTabKey } from './orgTabs.js';
import { useOrgTree } from './treeStore.js';
import { useOrg } from './useOrg.js';
import type { OrgWithAncestors } from '../../../common/orgs.js';

/** One organisation: breadcrumb, header and the tabs 概况 / 下级组织 / 企业 / 协作区. */
export function OrgPage() {
  const orgId = Number(useParams().id);
  const { org, failure, load } = useOrg(orgId);
  if (failure) return <Result status="warning" title={failure} />;
  if (!org) return <Skeleton active />;
  return <OrgView org={org} load={load} />;
}

function OrgView({ org, load }: { org: OrgWithAncestors; load: (shouldReveal: boolean) => Promise<void> }) {
  const tree = useOrgTree();
  const [searchParams, setSearchParams] = useSearchParams();
  const tab = useTabKey(searchParams.get('tab'));
  const [dialog, setDialog] = useState<OrgDialog | null>(null);
  const [childrenVersion, setChildrenVersion] = useState(0);

  const onChildrenChanged = (parentIds: number[]) => {
    setChildrenVersion((n) => n + 1);
    void load(false);
    void tree.refresh(parentIds);
  };
  const items = useOrgTabs(org, childrenVersion, onChildrenChanged);

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
        <OrgActions org={org} onOpen={setDialog} />
      </div>
      <Card size="small" styles={{ body: { paddingTop: 4 } }}>
        <Tabs
          activeKey={tab}
          items={items}
          destroyOnHidden
          onChange={(key) => setSearchParams(key === 'overview' ? {} : { tab: key }, { replace: true })}
        />
      </Card>
      {dialog === 'create' && (
        <OrgFormModal
          mode={{ kind: 'create', parent: org }}
          onClose={() => setDialog(null)}
          onDone={() => {
            setDialog(null);
            onChildrenChanged([org.id]);
          }}
        />
      )}
      {dialog === 'edit' && (
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
      {dialog === 'move' && (
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
