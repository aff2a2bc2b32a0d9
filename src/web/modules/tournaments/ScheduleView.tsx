import { EditOutlined } from '@ant-design/icons';
import { Button, Collapse, Empty, List, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Match } from '../../../common/tournaments.js';
import { groupName, kickoffText, scoreText, sideText } from './matchText.js';

/** One fixture on a line: sides, score (加时/点球), kickoff and venue, and the result's status. */
export function MatchLine({ match }: { match: Match }) {
  const { t } = useTranslation();
  const status = match.result?.status;
  return (
    <div style={{ display: 'flex', flexWrap: 'wrap', gap: 8, alignItems: 'center' }} data-testid={`match-${match.id}`}>
      <span>{sideText(match.home, t)}</span>
      <Typography.Text strong>{scoreText(match, t) || t('tournaments.vs')}</Typography.Text>
      <span>{sideText(match.away, t)}</span>
      {status && status !== 'confirmed' && <Tag>{t(`tournaments.status.${status}`)}</Tag>}
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {[kickoffText(match.kickoff), match.venue].filter(Boolean).join(' · ')}
      </Typography.Text>
    </div>
  );
}

function byRound(matches: Match[]): [number, Match[]][] {
  const rounds = new Map<number, Match[]>();
  for (const m of matches) rounds.set(m.round, [...(rounds.get(m.round) ?? []), m]);
  return [...rounds].sort(([a], [b]) => a - b);
}

/** Whether a match is still to be played (no result, or its result voided for re-entry): its slot may change. */
export const isUnplayed = (m: Match): boolean => !m.result || m.result.status === 'voided';

/**
 * 赛程: the group matches by group and round (one panel per group), then the knockout by round. With `onEditSlot`
 * (the organiser), each match not yet played has a button to set its kickoff and venue.
 */
export function ScheduleView({ matches, onEditSlot }: { matches: Match[]; onEditSlot?: (m: Match) => void }) {
  const { t } = useTranslation();
  if (matches.length === 0) return <Empty description={t('tournaments.noMatches')} />;
  const groups = [...new Set(matches.filter((m) => m.stage === 'group').map((m) => m.group ?? 0))].sort((a, b) => a - b);
  const knockout = matches.filter((m) => m.stage === 'knockout');
  const rounds = (list: Match[]) =>
    byRound(list).map(([round, ms]) => (
      <div key={round} style={{ marginBottom: 8 }}>
        <Typography.Text type="secondary">{t('tournaments.round', { round })}</Typography.Text>
        <List
          size="small"
          dataSource={ms}
          renderItem={(m) => (
            <List.Item
              style={{ padding: '4px 0' }}
              actions={
                onEditSlot && isUnplayed(m)
                  ? [
                      <Button
                        key="slot"
                        size="small"
                        type="link"
                        icon={<EditOutlined />}
                        onClick={() => onEditSlot(m)}
                        data-testid={`slot-${m.id}`}
                      >
                        {t('tournaments.slot.edit')}
                      </Button>,
                    ]
                  : []
              }
            >
              <MatchLine match={m} />
            </List.Item>
          )}
        />
      </div>
    ));
  const items = [
    ...groups.map((g) => ({
      key: `g${g}`,
      label: t('tournaments.group', { name: groupName(g) }),
      children: rounds(matches.filter((m) => m.stage === 'group' && m.group === g)),
    })),
    ...(knockout.length > 0 ? [{ key: 'ko', label: t('tournaments.tab.bracket'), children: rounds(knockout) }] : []),
  ];
  return <Collapse items={items} defaultActiveKey={items[0] ? [items[0].key] : []} data-testid="schedule" />;
}
