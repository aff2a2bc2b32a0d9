import { Tag, Typography, type TableColumnsType } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Programme } from '../../../common/points.programmes.js';
import { useAuth } from '../../app/auth.js';
import { OrgListPage } from '../../app/OrgListPage.js';
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
  return (
    <OrgListPage
      load={programmesApi.list}
      columns={useProgrammeColumns()}
      testId="programmes"
      title={t('programmes.title')}
      emptyText={t('programmes.empty')}
      pathOf={(id) => `/points/programmes/${id}`}
      create={{
        canCreate: can('points.write'),
        label: t('programmes.create'),
        testId: 'create-programme',
        doneText: t('programmes.created'),
        Modal: ProgrammeFormModal,
      }}
    />
  );
}
