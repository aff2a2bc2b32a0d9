import { PlusOutlined } from '@ant-design/icons';
import { Button, Empty, Skeleton, Tag, Typography, type TableColumnsType } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useSearchParams } from 'react-router-dom';
import type { Campaign } from '../../../common/welfare.js';
import { useAuth } from '../../app/auth.js';
import { ListPage, useList } from '../../app/ListPage.js';
import { useNotify } from '../../app/notify.js';
import { useOrgTree } from '../orgs/treeStore.js';
import { CampaignFormModal } from './CampaignFormModal.js';
import { welfareApi } from './welfare.api.js';

function useCampaignColumns(): TableColumnsType<Campaign> {
  const { t } = useTranslation();
  return [
    { title: t('welfare.field.name'), dataIndex: 'name', render: (name: string) => <Typography.Text strong>{name}</Typography.Text> },
    {
      title: t('welfare.field.kind'),
      dataIndex: 'kind',
      width: 110,
      render: (k: Campaign['kind']) => <Tag color="cyan">{t(`welfare.kind.${k}`)}</Tag>,
    },
    { title: t('welfare.field.org'), dataIndex: 'orgName', width: 200 },
    { title: t('welfare.field.period'), key: 'period', width: 220, render: (_: unknown, c) => `${c.startsOn} ~ ${c.endsOn}` },
    {
      title: t('welfare.field.budget'),
      dataIndex: 'budgetYuan',
      width: 140,
      align: 'right',
      render: (n: number) => n.toLocaleString('zh-CN'),
    },
  ];
}

/** 慰问活动: the campaigns owned in (or co-organised by) an org's subtree, and new ones. */
export function CampaignsPage({ orgId: fixedOrgId }: { orgId?: number }) {
  const { t } = useTranslation();
  const { can } = useAuth();
  const notify = useNotify();
  const navigate = useNavigate();
  const { roots } = useOrgTree();
  const [searchParams] = useSearchParams();
  const orgId = fixedOrgId ?? (Number(searchParams.get('org')) || roots?.[0]?.id);
  const [isCreating, setCreating] = useState(false);
  const list = useList(
    (_filter: Record<string, never>, cursor) =>
      orgId ? welfareApi.list(orgId, cursor, 50) : Promise.resolve({ items: [], nextCursor: null }),
    { initial: {}, scope: orgId ?? '' },
  );
  const columns = useCampaignColumns();
  if (!orgId) return roots === undefined ? <Skeleton active /> : <Empty />;
  const create = can('welfare.write') && (
    <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)} data-testid="create-campaign">
      {t('welfare.create')}
    </Button>
  );
  return (
    <ListPage
      list={list}
      columns={columns}
      testId="campaigns"
      containerTestId="campaigns-page"
      title={fixedOrgId === undefined ? t('welfare.title') : undefined}
      actions={create}
      scrollX={900}
      emptyText={t('welfare.empty')}
      onRow={(c) => ({ onClick: () => navigate(`/welfare/campaigns/${c.id}`), style: { cursor: 'pointer' } })}
    >
      {isCreating && (
        <CampaignFormModal
          orgId={orgId}
          onClose={() => setCreating(false)}
          onDone={(c) => {
            setCreating(false);
            notify.success(t('welfare.created'));
            navigate(`/welfare/campaigns/${c.id}`);
          }}
        />
      )}
    </ListPage>
  );
}
