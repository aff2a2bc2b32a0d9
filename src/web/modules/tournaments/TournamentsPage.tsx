import { Typography, type TableColumnsType } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Tournament } from '../../../common/tournaments.js';
import { useAuth } from '../../app/auth.js';
import { OrgListPage } from '../../app/OrgListPage.js';
import { kickoffText } from './matchText.js';
import { TournamentFormModal } from './TournamentFormModal.js';
import { tournamentsApi } from './tournaments.api.js';

function useColumns(): TableColumnsType<Tournament> {
  const { t } = useTranslation();
  return [
    { title: t('tournaments.field.name'), dataIndex: 'name', render: (s: string) => <Typography.Text strong>{s}</Typography.Text> },
    { title: t('tournaments.field.kind'), dataIndex: 'kind', width: 180, render: (k: Tournament['kind']) => t(`tournaments.kind.${k}`) },
    { title: t('tournaments.field.org'), dataIndex: 'orgName', width: 200 },
    { title: t('tournaments.field.createdAt'), dataIndex: 'createdAt', width: 160, render: (s: string) => kickoffText(s) },
  ];
}

/** 赛事: the tournaments run in an org's subtree, and new ones. */
export function TournamentsPage() {
  const { t } = useTranslation();
  const { can } = useAuth();
  return (
    <OrgListPage
      load={tournamentsApi.list}
      columns={useColumns()}
      testId="tournaments"
      title={t('tournaments.title')}
      emptyText={t('tournaments.empty')}
      pathOf={(id) => `/tournaments/${id}`}
      scrollX={760}
      create={{
        canCreate: can('tournament.write'),
        label: t('tournaments.create'),
        testId: 'create-tournament',
        doneText: t('tournaments.created'),
        Modal: TournamentFormModal,
      }}
    />
  );
}
