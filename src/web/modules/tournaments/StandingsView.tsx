import { Empty, Table, Tag, Typography, type TableColumnsType } from 'antd';
import type { TFunction } from 'i18next';
import type { HTMLAttributes } from 'react';
import { useTranslation } from 'react-i18next';
import type { Standings, Tournament } from '../../../common/tournaments.js';
import { groupName } from './matchText.js';

type Row = Standings['groups'][number]['rows'][number];

/** The declared tie-break list in words: "积分 → 相互间比赛成绩 → 净胜球 → … → 抽签". */
export function tieBreakText(tieBreaks: Tournament['tieBreaks'], t: TFunction): string {
  return tieBreaks.map((k) => t(`tournaments.tieBreak.${k}`)).join(' → ');
}

/** Why a row stands above the next one: the rule that separated them, and the lot drawn when lots decided. */
export function separationText(row: Row, t: TFunction): string {
  if (!row.separatedFromNextBy || row.separatedFromNextBy === 'points') return '';
  if (row.separatedFromNextBy === 'lots') return t('tournaments.standings.byLots', { key: (row.lotsKey ?? '').slice(0, 8) });
  return t('tournaments.standings.byRule', { rule: t(`tournaments.tieBreak.${row.separatedFromNextBy}`) });
}

/** The columns kept on a phone (375 px): position, team, played, goal difference, points, why. */
const compactKeys = new Set(['position', 'name', 'played', 'goalDifference', 'points', 'separated']);

function useColumns(isCompact: boolean): TableColumnsType<Row> {
  const { t } = useTranslation();
  const columns: TableColumnsType<Row> = [
    { title: t('tournaments.standings.position'), dataIndex: 'position', width: 56 },
    { title: t('tournaments.standings.team'), dataIndex: 'name', width: 160 },
    { title: t('tournaments.standings.played'), dataIndex: 'played', width: 48 },
    { title: t('tournaments.standings.won'), dataIndex: 'won', width: 48 },
    { title: t('tournaments.standings.drawn'), dataIndex: 'drawn', width: 48 },
    { title: t('tournaments.standings.lost'), dataIndex: 'lost', width: 48 },
    { title: t('tournaments.standings.goals'), key: 'goals', width: 72, render: (_: unknown, r: Row) => `${r.goalsFor}/${r.goalsAgainst}` },
    { title: t('tournaments.standings.goalDifference'), dataIndex: 'goalDifference', width: 56 },
    { title: t('tournaments.standings.points'), dataIndex: 'points', width: 56, render: (p: number) => <strong>{p}</strong> },
    { title: t('tournaments.standings.fairPlay'), dataIndex: 'fairPlay', width: 90 },
    {
      title: t('tournaments.standings.separated'),
      key: 'separated',
      render: (_: unknown, r: Row) => <span data-testid={`standing-why-${r.teamId}`}>{separationText(r, t)}</span>,
    },
  ];
  return isCompact ? columns.filter((c) => compactKeys.has(String('dataIndex' in c ? c.dataIndex : c.key))) : columns;
}

/**
 * 积分榜: each group's table as the server computed it from confirmed results (never stored), with the declared
 * tie-break list in words and, where lots decided, the lot and the recorded seed.
 */
export function StandingsView({
  standings,
  tieBreaks,
  lotsSeed,
  isCompact = false,
}: {
  standings: Standings['groups'];
  tieBreaks?: Tournament['tieBreaks'];
  lotsSeed?: string;
  /** The public page on a phone: the columns that fit 375 px. */
  isCompact?: boolean;
}) {
  const { t } = useTranslation();
  const columns = useColumns(isCompact);
  if (standings.length === 0) return <Empty description={t('tournaments.standings.empty')} />;
  const usedLots = standings.some((g) => g.rows.some((r) => r.separatedFromNextBy === 'lots'));
  return (
    <div data-testid="standings">
      {tieBreaks && (
        <Typography.Paragraph data-testid="standings-rules">
          {t('tournaments.standings.rules', { rules: tieBreakText(tieBreaks, t) })}
        </Typography.Paragraph>
      )}
      {usedLots && lotsSeed && (
        <Typography.Paragraph data-testid="standings-seed">{t('tournaments.standings.seed', { seed: lotsSeed })}</Typography.Paragraph>
      )}
      {standings.map((g) => (
        <div key={g.group} style={{ marginBottom: 16 }}>
          <Typography.Title level={5}>
            {t('tournaments.group', { name: groupName(g.group) })}{' '}
            <Tag color={g.complete ? 'green' : 'default'}>
              {t(g.complete ? 'tournaments.standings.complete' : 'tournaments.standings.incomplete')}
            </Tag>
          </Typography.Title>
          <Table<Row>
            rowKey="teamId"
            size="small"
            pagination={false}
            columns={columns}
            dataSource={g.rows}
            scroll={isCompact ? undefined : { x: 900 }}
            onRow={(r) => ({ 'data-testid': `standing-row-${r.teamId}` }) as HTMLAttributes<HTMLElement>}
          />
        </div>
      ))}
    </div>
  );
}
