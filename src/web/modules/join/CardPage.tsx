import { ReloadOutlined, SyncOutlined } from '@ant-design/icons';
import { Button, Result } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'react-router-dom';
import type { CardToken } from '../../../common/members.js';
import { formatCountdown } from '../cards/cardLink.js';
import { MemberCardFace } from '../cards/MemberCardFace.js';
import { useCardToken } from '../cards/useCardToken.js';
import { PublicLayout } from './PublicLayout.js';
import { publicApi } from './public.api.js';

/** What the status page hands over (in the history state, never in the address): the key to renew the card. */
export type CardPageState = { trackingCode: string; phone: string; maskedName: string; orgName: string; card: CardToken };

function isCardPageState(value: unknown): value is CardPageState {
  return typeof value === 'object' && value !== null && 'trackingCode' in value && 'phone' in value && 'card' in value;
}

/** /join/card: the worker's member card as a QR code, renewed shortly before each token expires. */
export function CardPage() {
  const { t } = useTranslation();
  const state: unknown = useLocation().state;
  if (!isCardPageState(state)) {
    return (
      <PublicLayout title={t('card.title')}>
        <Result
          status="info"
          title={t('card.missing')}
          extra={
            <Link to="/join/status">
              <Button type="primary">{t('card.back')}</Button>
            </Link>
          }
        />
      </PublicLayout>
    );
  }
  return <LiveCard state={state} />;
}

function LiveCard({ state }: { state: CardPageState }) {
  const { t } = useTranslation();
  const live = useCardToken(() => publicApi.card(state.trackingCode, state.phone), state.card);
  const back = `/join/status?code=${state.trackingCode}`;
  return (
    <PublicLayout title={t('card.title')}>
      {live.card ? (
        <>
          <MemberCardFace card={live.card} holder={state.maskedName} orgName={state.orgName} />
          <div className="card-countdown" data-testid="card-countdown">
            {live.isRefreshing ? (
              <>
                <SyncOutlined spin /> {t('card.refreshing')}
              </>
            ) : (
              t('card.refreshIn', { time: formatCountdown(live.secondsLeft) })
            )}
          </div>
          <p className="public-note" style={{ textAlign: 'center' }}>
            {t('card.show')}
          </p>
        </>
      ) : (
        <Result
          status="warning"
          title={t('card.unavailable')}
          subTitle={live.failure}
          data-testid="card-unavailable"
          extra={
            <Button type="primary" icon={<ReloadOutlined />} onClick={live.refresh} loading={live.isRefreshing}>
              {t('card.reopen')}
            </Button>
          }
        />
      )}
      <p className="public-footer-link">
        <Link to={back}>{t('card.back')}</Link>
      </p>
    </PublicLayout>
  );
}
