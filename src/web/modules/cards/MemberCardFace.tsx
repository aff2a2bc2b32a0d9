import { useTranslation } from 'react-i18next';
import type { CardToken } from '../../../common/cards.js';
import { formatCardNo, verifyLink } from './cardLink.js';
import { QrCode } from './QrCode.js';

/** The face of a 会员服务卡: holder, union, card number and the QR code that opens the verify page. */
export function MemberCardFace({
  card,
  holder,
  orgName,
  qrSize = 232,
}: {
  card: CardToken;
  holder: string;
  orgName: string;
  qrSize?: number;
}) {
  const { t } = useTranslation();
  return (
    <div className="member-card" data-testid="member-card">
      <div className="member-card-top">
        <span className="brand-mark small">{t('app.logo')}</span>
        <span className="member-card-title">{t('card.title')}</span>
      </div>
      <div className="member-card-qr" data-testid="card-token" data-token={card.token}>
        <QrCode text={verifyLink(card.token)} size={qrSize} testId="card-qr" />
      </div>
      <dl className="member-card-facts">
        <dt>{t('card.holder')}</dt>
        <dd data-testid="card-holder">{holder}</dd>
        <dt>{t('card.union')}</dt>
        <dd>{orgName}</dd>
        <dt>{t('card.cardNo')}</dt>
        <dd className="mono" data-testid="card-no">
          {formatCardNo(card.cardNo)}
        </dd>
      </dl>
    </div>
  );
}
