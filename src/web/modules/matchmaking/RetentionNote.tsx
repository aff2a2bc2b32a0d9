import { Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { MatchRetention } from '../../../common/matchmaking.js';
import { formatDateTime } from '../../app/format.js';

/** How long this event's matchmaking data is kept: the event's days after its last session, and the day it is deleted. */
export function useRetentionText(r: MatchRetention): string {
  const { t } = useTranslation();
  return r.deleteOn && r.lastSessionEndsAt
    ? t('matchmaking.retention.until', { days: r.retentionDays, ends: formatDateTime(r.lastSessionEndsAt), date: r.deleteOn })
    : t('matchmaking.retention.noSessions', { days: r.retentionDays });
}

/** The retention line on the phone page, under the tabs. */
export function RetentionNote({ retention }: { retention: MatchRetention }) {
  return (
    <Typography.Paragraph type="secondary" style={{ fontSize: 12 }} data-testid="match-retention">
      {useRetentionText(retention)}
    </Typography.Paragraph>
  );
}
