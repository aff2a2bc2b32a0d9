import { PlusOutlined } from '@ant-design/icons';
import { Button, Empty, Skeleton, Tag, Typography, type TableColumnsType } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useSearchParams } from 'react-router-dom';
import type { Programme } from '../../../common/points.programmes.js';
import { useAuth } from '../../app/auth.js';
import { ListPage, useList } from '../../app/ListPage.js';
import { useNotify } from '../../app/notify.js';
import { useOrgTree } from '../orgs/treeStore.js';
import { ProgrammeFormModal } from './ProgrammeFormModal.js';
import { programmesApi } from './programmes.api.js';

function useProgrammeColumns(): TableColumnsType<Programme> {
  const { t } = useTranslation();
  const cap = (n: number | null) => (n === null ? t('programmes.noCap') : n);
  return [
    { title: t('programmes.field.name'), dataIndex: 'name', render: (name: string) => <Typography.Text strong>{name}</Typography.Text> },
    { title: t('programmes.field.org'), dataIndex: 'orgName', width: 200 },
    { title: t('programmes.field.capDay'), dataIndex: 'capDay', width: 120, render: cap },
    { title: t('programmes.field.capMonth'), dataIndex: 'capMonth', width: 120, render: cap },
    {
      title: t('programmes.field.expiryRule'),
      dataIndex: 'expiryRule',
      width: 200,
      render: (r: Programme['expiryRule']) => t(`programmes.expiry.${r}`),
    },
    {
      title: t('programmes.field.status'),
      dataIndex: 'status',
      width: 100,
      render: (s: Programme['status']) => <Tag color={s === 'active' ? 'green' : 'default'}>{t(`programmes.status.${s}`)}</Tag>,
    },
  ];
}

/** 积分项目: the programmes owned in an org's subtree, and new ones. */
export function ProgrammesPage() {
  const { t } = useTranslation();
  const { can } = useAuth();
  const notify = useNotify();
  const navigate = useNavigate();
  const { roots } = useOrgTree();
  const [searchParams] = useSearchParams();
  const orgId = Number(searchParams.get('org')) || roots?.[0]?.id;
  const [isCreating, setCreating] = useState(false);
  const list = useList(
    (_filter: Record<string, never>, cursor) =>
      orgId ? programmesApi.list(orgId, cursor, 50) : Promise.resolve({ items: [], nextCursor: null }),
    { initial: {}, scope: orgId ?? '' },
  );
  const columns = useProgrammeColumns();
  if (!orgId) return roots === undefined ? <Skeleton active /> : <Empty />;
  return (
    <div data-testid="programmes-page">
      <div className="page-header">
        <Typography.Title level={3}>{t('programmes.title')}</Typography.Title>
        <div className="page-actions">
          {can('points.write') && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)} data-testid="create-programme">
              {t('programmes.create')}
            </Button>
          )}
        </div>
      </div>
      <ListPage
        list={list}
        columns={columns}
        testId="programmes"
        emptyText={t('programmes.empty')}
        onRow={(p) => ({ onClick: () => navigate(`/points/programmes/${p.id}`), style: { cursor: 'pointer' } })}
      >
        {isCreating && (
          <ProgrammeFormModal
            orgId={orgId}
            onClose={() => setCreating(false)}
            onDone={(p) => {
              setCreating(false);
              notify.success(t('programmes.created'));
              navigate(`/points/programmes/${p.id}`);
            }}
          />
        )}
      </ListPage>
    </div>
  );
}
