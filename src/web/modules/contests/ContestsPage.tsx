import { Tag, Typography, type TableColumnsType } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Contest } from '../../../common/contests.js';
import { useAuth } from '../../app/auth.js';
import { OrgListPage } from '../../app/OrgListPage.js';
import { ContestFormModal } from './ContestFormModal.js';
import { contestsApi } from './contests.api.js';

export const statusColor = { draft: 'default', open: 'green', judging: 'blue', scored: 'purple', notice: 'orange', final: 'gold' } as const;

function useContestColumns(): TableColumnsType<Contest> {
  const { t } = useTranslation();
  return [
    { title: t('contests.field.name'), dataIndex: 'name', render: (s: string) => <Typography.Text strong>{s}</Typography.Text> },
    {
      title: t('contests.field.status'),
      dataIndex: 'status',
      width: 100,
      render: (s: Contest['status']) => <Tag color={statusColor[s]}>{t(`contests.status.${s}`)}</Tag>,
    },
    { title: t('contests.field.org'), dataIndex: 'orgName', width: 200 },
    {
      title: t('contests.field.normalisation'),
      dataIndex: 'normalisation',
      width: 150,
      render: (n: Contest['normalisation']) => t(`contests.normalisation.${n}`),
    },
    {
      title: t('contests.field.showcaseSize'),
      dataIndex: 'showcaseSize',
      width: 100,
      align: 'right',
      render: (n: number | null) => n ?? '—',
    },
  ];
}

/** 竞赛评比: the contests run in an org's subtree, and new ones. */
export function ContestsPage({ orgId }: { orgId?: number }) {
  const { t } = useTranslation();
  const { can } = useAuth();
  return (
    <OrgListPage
      orgId={orgId}
      load={contestsApi.list}
      columns={useContestColumns()}
      testId="contests"
      title={t('contests.title')}
      emptyText={t('contests.empty')}
      pathOf={(id) => `/contests/${id}`}
      scrollX={800}
      create={{
        canCreate: can('contest.write'),
        label: t('contests.create'),
        testId: 'create-contest',
        doneText: t('contests.created'),
        Modal: ContestFormModal,
      }}
    />
  );
}
