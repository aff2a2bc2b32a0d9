import { Button, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { MATCHMAKING_LIMITS } from '../../../common/matchmaking.js';

/** The privacy notice a member reads before making a profile: what is shown, what nobody sees, how long it is kept. */
export function PrivacyNotice({ onAccept }: { onAccept: () => void }) {
  const { t } = useTranslation();
  return (
    <div className="public-card" data-testid="match-privacy-notice">
      <Typography.Title level={4}>{t('matchmaking.notice.title')}</Typography.Title>
      <Typography.Paragraph>{t('matchmaking.notice.body1')}</Typography.Paragraph>
      <Typography.Paragraph>{t('matchmaking.notice.body2')}</Typography.Paragraph>
      <Typography.Paragraph>{t('matchmaking.notice.body3')}</Typography.Paragraph>
      <Typography.Paragraph>{t('matchmaking.notice.body4', { days: MATCHMAKING_LIMITS.retentionDays })}</Typography.Paragraph>
      <Button type="primary" block onClick={onAccept} data-testid="match-notice-accept">
        {t('matchmaking.notice.accept')}
      </Button>
    </div>
  );
}
