import { Tag, Typography, type TableColumnsType } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Campaign } from '../../../common/welfare.js';
import { useAuth } from '../../app/auth.js';
import { OrgListPage } from '../../app/OrgListPage.js';
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
export function CampaignsPage({ orgId }: { orgId?: number }) {
  const { t } = useTranslation();
  const { can } = useAuth();
  return (
    <OrgListPage
      orgId={orgId}
      load={welfareApi.list}
      columns={useCampaignColumns()}
      testId="campaigns"
      title={t('welfare.title')}
      emptyText={t('welfare.empty')}
      pathOf={(id) => `/welfare/campaigns/${id}`}
      scrollX={900}
      create={{
        canCreate: can('welfare.write'),
        label: t('welfare.create'),
        testId: 'create-campaign',
        doneText: t('welfare.created'),
        Modal: CampaignFormModal,
      }}
    />
  );
}
