import { Button, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { MatchRetention } from '../../../common/matchmaking.js';
import { useRetentionText } from './RetentionNote.js';

/**
 * The privacy notice a member reads before making a profile: what is shown, what nobody sees, how blocks work and are
 * lifted, and how long this event keeps the data (its days after the last session, and the date of deletion).
 */
export function PrivacyNotice({ retention, onAccept }: { retention: MatchRetention; onAccept: () => void }) {
  const { t } = useTranslation();
  const kept = useRetentionText(retention);
  return (
    <div className="public-card" data-testid="match-privacy-notice">
      <Typography.Title level={4}>{t('matchmaking.notice.title')}</Typography.Title>
      <Typography.Paragraph>{t('matchmaking.notice.body1')}</Typography.Paragraph>
      <Typography.Paragraph>{t('matchmaking.notice.body2')}</Typography.Paragraph>
      <Typography.Paragraph>{t('matchmaking.notice.body3')}</Typography.Paragraph>
      <Typography.Paragraph data-testid="match-notice-unblock">{t('matchmaking.notice.unblock')}</Typography.Paragraph>
      <Typography.Paragraph data-testid="match-notice-retention">
        {kept}
        {t('matchmaking.notice.body4')}
      </Typography.Paragraph>
      <Button type="primary" block onClick={onAccept} data-testid="match-notice-accept">
        {t('matchmaking.notice.accept')}
      </Button>
    </div>
  );
}
