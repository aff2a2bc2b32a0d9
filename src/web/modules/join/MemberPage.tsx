import { GiftOutlined, LogoutOutlined, ReloadOutlined, SyncOutlined } from '@ant-design/icons';
import { Alert, Button, Result, Skeleton } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router-dom';
import type { PortalMe, PortalTransfer } from '../../../common/portal.js';
import { ApiError } from '../../app/api.js';
import { errorText } from '../../app/notify.js';
import { formatCountdown } from '../cards/cardLink.js';
import { MemberCardFace } from '../cards/MemberCardFace.js';
import { useCardToken } from '../cards/useCardToken.js';
import { MemberSignIn } from './MemberSignIn.js';
import { PublicLayout } from './PublicLayout.js';
import { TransferConsent } from './TransferConsent.js';
import { memberApi } from './public.api.js';
import { addStrings } from '../../i18n/index.js';
import { messages as applicationsStrings } from '../applications/i18n.zh-CN.js';
import { messages as cardsStrings } from '../cards/i18n.zh-CN.js';
import { messages as myEventsStrings } from '../myevents/i18n.zh-CN.js';

// A phone page adds the strings it shows; the console's come with the console's chunk (#16).
addStrings(applicationsStrings, cardsStrings, myEventsStrings);

/** /join/member: the member's own page on the phone — sign in by a code, then the card, transfers and applications. */
export function MemberPage() {
  const { t } = useTranslation();
  const [me, setMe] = useState<PortalMe | null | undefined>(undefined);
  const [failure, setFailure] = useState<string | null>(null);
  useEffect(() => {
    memberApi
      .me()
      .then(setMe)
      .catch((error: unknown) => {
        // Not signed in (or the session ended): the sign-in form. Anything else is said, not hidden behind it.
        if (!(error instanceof ApiError && error.status === 401)) setFailure(errorText(error, t('app.networkError')));
        setMe(null);
      });
  }, [t]);
  return (
    <PublicLayout title={t('memberPage.title')}>
      {me === undefined && <Skeleton active />}
      {failure && <Alert type="error" showIcon message={failure} style={{ marginBottom: 12 }} data-testid="member-failure" />}
      {me === null && <MemberSignIn onSignedIn={setMe} />}
      {me && <MemberHome me={me} onChange={setMe} />}
      <p className="public-footer-link">
        <Link to="/join/status">{t('memberPage.toStatus')}</Link>
      </p>
    </PublicLayout>
  );
}

function MemberHome({ me, onChange }: { me: PortalMe; onChange: (me: PortalMe | null) => void }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const replaceTransfer = (changed: PortalTransfer) =>
    onChange({ ...me, transfers: me.transfers.map((x) => (x.id === changed.id ? changed : x)) });
  return (
    <div data-testid="member-home">
      <div className="status-head">
        <span className="status-name" data-testid="member-name">
          {me.name}
        </span>
        <Button
          icon={<LogoutOutlined />}
          onClick={() => void memberApi.signOut().finally(() => onChange(null))}
          data-testid="member-sign-out"
        >
          {t('memberPage.signOut')}
        </Button>
      </div>
      <div className="status-union">
        {t('card.union')}：{me.orgName}
      </div>
      {me.status === 'member' && (
        <Button
          block
          icon={<GiftOutlined />}
          onClick={() => navigate('/points/me')}
          style={{ margin: '8px 0' }}
          data-testid="member-points-link"
        >
          {t('memberPage.toPoints')}
        </Button>
      )}
      <Button
        block
        icon={<GiftOutlined />}
        onClick={() => navigate('/vouchers')}
        style={{ margin: '0 0 8px' }}
        data-testid="member-vouchers-link"
      >
        {t('memberPage.toVouchers')}
      </Button>
      {me.status === 'member' && (
        <Button block onClick={() => navigate('/m/events')} style={{ margin: '0 0 8px' }} data-testid="member-events-link">
          {t('myEvents.title')}
        </Button>
      )}
      {me.status === 'member' && me.cardStatus === 'active' ? (
        <LiveCard holder={me.name} orgName={me.orgName} />
      ) : (
        <Result status="info" title={t('status.noCardYet')} />
      )}
      {me.transfers.length > 0 && <h2 className="public-subtitle">{t('memberPage.transfers')}</h2>}
      {me.transfers.map((transfer) => (
        <TransferConsent key={transfer.id} transfer={transfer} onChanged={replaceTransfer} />
      ))}
      {me.applications.length > 0 && <h2 className="public-subtitle">{t('memberPage.applications')}</h2>}
      {me.applications.map((a) => (
        <div className="public-card" key={a.trackingCode}>
          <div className="status-head">
            <span>{a.orgName}</span>
            <span className={`status-badge status-${a.status}`}>{t(`application.status.${a.status}`)}</span>
          </div>
        </div>
      ))}
    </div>
  );
}

function LiveCard({ holder, orgName }: { holder: string; orgName: string }) {
  const { t } = useTranslation();
  const live = useCardToken(() => memberApi.card());
  if (!live.card) {
    return (
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
    );
  }
  return (
    <>
      <MemberCardFace card={live.card} holder={holder} orgName={orgName} />
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
  );
}
