import { Button, Space, Table, type TableColumnsType } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Team } from '../../../common/tournaments.js';
import { AddTeamsModal, DrawGroupsModal } from './TeamModals.js';
import { groupName } from './matchText.js';
import type { TabProps } from './tabProps.js';
import { useLoaded } from './useLoaded.js';
import { orgsApi } from '../orgs/orgs.api.js';

function useColumns(unitNames: Map<number, string> | null): TableColumnsType<Team> {
  const { t } = useTranslation();
  return [
    { title: t('tournaments.team.name'), dataIndex: 'name' },
    { title: t('tournaments.team.category'), dataIndex: 'category', width: 180 },
    {
      title: t('tournaments.team.unit'),
      dataIndex: 'orgId',
      width: 200,
      render: (id: number | null) => (id === null ? '' : (unitNames?.get(id) ?? `#${id}`)),
    },
    { title: t('tournaments.team.seed'), dataIndex: 'seed', width: 80 },
    {
      title: t('tournaments.team.group'),
      dataIndex: 'group',
      width: 80,
      render: (g: number | null) => (g === null ? '' : t('tournaments.group', { name: groupName(g) })),
    },
  ];
}

/** 参赛队: the teams (crews) with their category and seed; add more until the draw, then draw the groups. */
export function TeamsTab({ tournament, canWrite, onChanged }: TabProps) {
  const { t } = useTranslation();
  const [dialog, setDialog] = useState<'add' | 'draw' | null>(null);
  const isDrawn = tournament.teams.some((tm) => tm.group !== null);
  const unitIds = [...new Set(tournament.teams.flatMap((tm) => (tm.orgId === null ? [] : [tm.orgId])))];
  const unitNames = useLoaded(
    () => Promise.all(unitIds.map((id) => orgsApi.get(id).then((o) => [id, o.name] as const))).then((pairs) => new Map(pairs)),
    [unitIds.join(',')],
  );
  const done = () => {
    setDialog(null);
    onChanged();
  };
  return (
    <div data-testid="teams-tab">
      {canWrite && (
        <Space style={{ marginBottom: 12 }}>
          <Button type="primary" onClick={() => setDialog('add')} data-testid="add-teams">
            {t('tournaments.team.add')}
          </Button>
          {tournament.kind === 'league_knockout' && !isDrawn && tournament.teams.length > 1 && (
            <Button onClick={() => setDialog('draw')} data-testid="draw-groups">
              {t('tournaments.draw.groups')}
            </Button>
          )}
        </Space>
      )}
      <Table<Team>
        rowKey="id"
        size="small"
        columns={useColumns(unitNames)}
        dataSource={tournament.teams}
        pagination={{ pageSize: 50, hideOnSinglePage: true }}
        scroll={{ x: 640 }}
        locale={{ emptyText: t('tournaments.team.none') }}
        data-testid="teams-table"
      />
      {dialog === 'add' && <AddTeamsModal tournamentId={tournament.id} onClose={() => setDialog(null)} onDone={done} />}
      {dialog === 'draw' && <DrawGroupsModal tournament={tournament} onClose={() => setDialog(null)} onDone={done} />}
    </div>
  );
}
