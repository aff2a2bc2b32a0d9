import { Card, Empty, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Match } from '../../../common/tournaments.js';
import { scoreText, sideText } from './matchText.js';

/** The name of a knockout round: 决赛 for the last, 半决赛 before it, else 第 N 轮. */
function useRoundTitle(rounds: number) {
  const { t } = useTranslation();
  return (round: number) =>
    round === rounds
      ? t('tournaments.bracket.final')
      : round === rounds - 1
        ? t('tournaments.bracket.semi')
        : t('tournaments.bracket.round', { round });
}

function MatchCard({ match }: { match: Match }) {
  const { t } = useTranslation();
  const score = scoreText(match, t);
  const row = (side: Match['home'], which: 'home' | 'away') => {
    const isWinner = side.teamId !== null && side.teamId === match.winnerTeamId;
    return (
      <div style={{ display: 'flex', justifyContent: 'space-between', gap: 8, fontWeight: isWinner ? 600 : 400 }}>
        <span data-testid={`bracket-${which}-${match.bracketNo ?? match.id}`}>{sideText(side, t)}</span>
        {isWinner && <Tag color="gold">{t('tournaments.bracket.winner')}</Tag>}
      </div>
    );
  };
  return (
    <Card size="small" style={{ width: 200 }} data-testid={`bracket-match-${match.bracketNo ?? match.id}`}>
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {t('tournaments.matchNo', { no: match.bracketNo ?? match.id })}
      </Typography.Text>
      {row(match.home, 'home')}
      {row(match.away, 'away')}
      {score && (
        <div data-testid={`bracket-score-${match.bracketNo ?? match.id}`} style={{ fontSize: 12 }}>
          {score}
          {match.result?.status === 'entered' && <Tag style={{ marginLeft: 4 }}>{t('tournaments.status.entered')}</Tag>}
        </div>
      )}
    </Card>
  );
}

/**
 * 对阵图: the knockout as columns per round, a card per match with its sides — the team once resolved, else its
 * source ("A组第1", "第N场胜者") — and the score with 加时/点球. Plain DOM (no canvas): readable, searchable, testable.
 */
export function BracketView({ matches }: { matches: Match[] }) {
  const { t } = useTranslation();
  const rounds = Math.max(0, ...matches.map((m) => m.round));
  const roundTitle = useRoundTitle(rounds);
  if (matches.length === 0) return <Empty description={t('tournaments.bracket.empty')} />;
  const columns = Array.from({ length: rounds }, (_, i) =>
    matches.filter((m) => m.round === i + 1).sort((a, b) => (a.bracketNo ?? 0) - (b.bracketNo ?? 0)),
  );
  return (
    <div style={{ display: 'flex', gap: 16, overflowX: 'auto', paddingBottom: 8 }} data-testid="bracket">
      {columns.map((column, i) => (
        <div
          key={i}
          style={{ display: 'flex', flexDirection: 'column', justifyContent: 'space-around', gap: 8 }}
          data-testid={`bracket-round-${i + 1}`}
        >
          <Typography.Text strong>{roundTitle(i + 1)}</Typography.Text>
          {column.map((m) => (
            <MatchCard key={m.id} match={m} />
          ))}
        </div>
      ))}
    </div>
  );
}
