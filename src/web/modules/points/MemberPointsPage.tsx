import { Alert, Button, List, Skeleton, Switch } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import type { MemberHistoryItem, MemberPoints, SpendCode, SpendPlace } from '../../../common/points.merchants.js';
import { MemberGate } from '../../app/MemberGate.js';
import { errorText } from '../../app/notify.js';
import { QrCode } from '../cards/QrCode.js';
import { PublicLayout } from '../join/PublicLayout.js';
import { memberPointsApi } from './merchants.api.js';
import { addStrings } from '../../i18n/index.js';
import { messages as pointsStrings } from './i18n.zh-CN.js';

// A phone page adds the strings it shows; the console's come with the console's chunk (#16).
addStrings(pointsStrings);

/** How often the page looks for a new charge while the member's code is shown (the cashier's charge appears). */
const POLL_MS = 3000;

/**
 * The last day points can be spent: expiry is an exclusive instant (24:00 on 31 December is 00:00 on 1 January in
 * Asia/Shanghai), so the member reads 2027/12/31, not 2028/1/1.
 */
function lastValidDay(expiresAt: string): string {
  return new Date(new Date(expiresAt).getTime() - 1).toLocaleDateString('zh-CN', { timeZone: 'Asia/Shanghai' });
}

/** /points/me: the member's points on the phone — balance, what expires when, history, where to spend, the spending code. */
export function MemberPointsPage() {
  const { t } = useTranslation();
  return (
    <PublicLayout title={t('memberPoints.title')} brand={{ label: t('memberPoints.title'), to: '/points/me' }}>
      <MemberGate>
        <PointsHome />
      </MemberGate>
      <p className="public-footer-link">
        <Link to="/join/member" data-testid="points-to-member">
          {t('memberPoints.toMember')}
        </Link>
      </p>
    </PublicLayout>
  );
}

function PointsHome() {
  const { t } = useTranslation();
  const [points, setPoints] = useState<MemberPoints | null>(null);
  const [history, setHistory] = useState<MemberHistoryItem[]>([]);
  const [places, setPlaces] = useState<SpendPlace[]>([]);
  const [isShowingCode, setShowingCode] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const load = useCallback(() => {
    Promise.all([memberPointsApi.points(), memberPointsApi.history()])
      .then(([p, h]) => {
        setPoints(p);
        setHistory(h.items);
      })
      .catch((error: unknown) => setFailure(errorText(error, t('app.networkError'))));
  }, [t]);
  useEffect(() => {
    load();
    void memberPointsApi.places().then((w) => setPlaces(w.items));
  }, [load]);
  useEffect(() => {
    if (!isShowingCode) return;
    const timer = setInterval(load, POLL_MS);
    return () => clearInterval(timer);
  }, [isShowingCode, load]);
  const sortNear = (on: boolean) => {
    if (!on || !navigator.geolocation) return void memberPointsApi.places().then((w) => setPlaces(w.items));
    navigator.geolocation.getCurrentPosition(
      (pos) => void memberPointsApi.places({ lat: pos.coords.latitude, lng: pos.coords.longitude }).then((w) => setPlaces(w.items)),
    );
  };
  if (!points) return failure ? <Alert type="error" message={failure} /> : <Skeleton active />;
  return (
    <div data-testid="member-points">
      {points.programmes.length === 0 && <Alert type="info" message={t('memberPoints.noPoints')} />}
      {points.programmes.map((p) => (
        <div className="public-card" key={p.programmeId} data-testid={`points-programme-${p.programmeId}`}>
          <div className="status-head">
            <span>{p.programmeName}</span>
            <span className="status-name" data-testid="points-balance">
              {p.balance}
            </span>
          </div>
          {p.held > 0 && <div>{t('memberPoints.held', { points: p.held })}</div>}
          {p.expiring.map((e) => (
            <div key={e.expiresAt ?? 'never'} className="public-note">
              {e.expiresAt
                ? t('memberPoints.expiresOn', {
                    date: lastValidDay(e.expiresAt),
                    points: e.points,
                  })
                : `${t('memberPoints.never')} ${e.points}`}
            </div>
          ))}
        </div>
      ))}
      <Button
        type="primary"
        size="large"
        block
        onClick={() => setShowingCode(!isShowingCode)}
        style={{ margin: '12px 0' }}
        data-testid="points-show-code"
      >
        {t('memberPoints.showCode')}
      </Button>
      {isShowingCode && <LiveSpendCode />}
      <h2 className="public-subtitle">{t('memberPoints.history')}</h2>
      <List
        dataSource={history}
        locale={{ emptyText: t('memberPoints.noHistory') }}
        data-testid="points-history"
        renderItem={(h) => (
          <List.Item>
            <span>
              {new Date(h.createdAt).toLocaleString('zh-CN', { timeZone: 'Asia/Shanghai' })} {h.merchantName ?? h.reason ?? h.programmeName}{' '}
              {h.itemName ?? ''}
            </span>
            <strong>{h.points > 0 ? `+${h.points}` : h.points}</strong>
          </List.Item>
        )}
      />
      <h2 className="public-subtitle">
        {t('memberPoints.places')} <Switch size="small" onChange={sortNear} /> {t('memberPoints.nearMe')}
      </h2>
      <List
        dataSource={places}
        data-testid="points-places"
        renderItem={(s) => (
          <List.Item>
            <List.Item.Meta
              title={`${s.merchantName} · ${s.shopName}`}
              description={`${s.address}${s.distanceMetres !== null ? ` · ${t('memberPoints.distance', { km: (s.distanceMetres / 1000).toFixed(1) })}` : ''} · ${s.items
                .map((i) => `${i.name} ${i.points}`)
                .join('，')}`}
            />
          </List.Item>
        )}
      />
    </div>
  );
}

/** The spending code: a QR and its 8 digits, renewed shortly before the two minutes run out. */
function LiveSpendCode() {
  const { t } = useTranslation();
  const [code, setCode] = useState<SpendCode | null>(null);
  const [now, setNow] = useState(Date.now());
  useEffect(() => {
    void memberPointsApi.code().then(setCode);
    const tick = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(tick);
  }, []);
  const secondsLeft = code ? Math.max(0, Math.round((new Date(code.expiresAt).getTime() - now) / 1000) - 10) : 0;
  useEffect(() => {
    if (code && secondsLeft === 0) void memberPointsApi.code().then(setCode);
  }, [code, secondsLeft]);
  if (!code) return <Skeleton active />;
  return (
    <div style={{ display: 'flex', flexDirection: 'column', alignItems: 'center', margin: '12px 0' }} data-testid="points-code">
      <QrCode text={code.token} testId="points-qr" />
      <div style={{ fontSize: 28, letterSpacing: 4 }} data-testid="points-short-code">
        {code.shortCode.slice(0, 4)} {code.shortCode.slice(4)}
      </div>
      <div className="public-note">{t('memberPoints.codeHint')}</div>
      <div className="public-note">{t('memberPoints.refreshIn', { seconds: secondsLeft })}</div>
    </div>
  );
}
