import { Alert, Button, Card, Form, Result, Space, Tag, Typography } from 'antd';
import { useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ScanOutcome } from '../../../common/welfare.js';
import { ApiError } from '../../app/api.js';
import { CardScanner } from './CardScanner.js';
import { checkVoucherOffline, offlineStore } from './voucherOffline.js';
import { welfareApi } from './welfare.api.js';

type Outcome = ScanOutcome | 'queued';
type Shown = { outcome: Outcome; detail: string };

const refusals: Record<string, Outcome> = {
  WELFARE_VOUCHER_REDEEMED: 'duplicate',
  WELFARE_VOUCHER_INVALID: 'invalid',
  WELFARE_VOUCHER_EXPIRED: 'expired',
  WELFARE_VOUCHER_WRONG_MERCHANT: 'wrong_merchant',
};

/** 兑换券核销 on a shop's phone: online through the server; offline checked here and queued until it syncs. */
export function VoucherCheckPage() {
  const { t } = useTranslation();
  const [code, setCode] = useState('');
  const [shown, setShown] = useState<Shown | null>(null);
  const [queued, setQueued] = useState(() => offlineStore.queue().length);
  const [isOnline, setOnline] = useState(() => navigator.onLine);
  const [isBusy, setBusy] = useState(false);
  const [syncNote, setSyncNote] = useState<string | null>(null);

  const isSyncing = useRef(false);
  const sync = useCallback(async () => {
    const scans = offlineStore.queue();
    if (scans.length === 0 || isSyncing.current) return;
    isSyncing.current = true;
    try {
      const { results } = await welfareApi.syncOffline({ scans: scans.slice(0, 500) });
      offlineStore.dequeue(results.length);
      setQueued(offlineStore.queue().length);
      const duplicates = results.filter((r) => r.outcome === 'duplicate').length;
      setSyncNote(
        `${t('welfare.check.synced', { count: results.length })}${duplicates ? ` · ${t('welfare.check.outcome.duplicate')} ${duplicates}` : ''}`,
      );
    } catch {
      // still offline: the scans stay queued
    } finally {
      isSyncing.current = false;
    }
  }, [t]);

  useEffect(() => {
    if (!offlineStore.key() && navigator.onLine)
      void welfareApi
        .voucherKey()
        .then(offlineStore.saveKey)
        .catch(() => undefined);
    const up = () => {
      setOnline(true);
      void sync();
    };
    const down = () => setOnline(false);
    window.addEventListener('online', up);
    window.addEventListener('offline', down);
    if (navigator.onLine) void sync();
    return () => {
      window.removeEventListener('online', up);
      window.removeEventListener('offline', down);
    };
  }, [sync]);

  const offline = async (token: string): Promise<Shown> => {
    const key = offlineStore.key();
    if (!key) return { outcome: 'invalid', detail: t('welfare.check.noKey') };
    const check = await checkVoucherOffline(token, key);
    if (!check.ok) return { outcome: check.reason, detail: check.reason === 'invalid' ? t('welfare.check.badSignature') : '' };
    if (offlineStore.hasSeen(check.claims.s)) return { outcome: 'duplicate', detail: check.claims.s };
    offlineStore.enqueue({ token, scannedAt: new Date().toISOString() });
    offlineStore.markSeen(check.claims.s);
    setQueued(offlineStore.queue().length);
    return { outcome: 'queued', detail: `${check.claims.s} · ${t('welfare.check.validSignature')}` };
  };

  const redeem = async (text: string) => {
    const token = text.trim();
    if (!token || isBusy) return;
    setBusy(true);
    try {
      if (!navigator.onLine) return setShown(await offline(token));
      const r = await welfareApi.redeem(token);
      if (r.serial) offlineStore.markSeen(r.serial);
      setShown({ outcome: 'redeemed', detail: [r.itemName, r.serial].filter(Boolean).join(' · ') });
    } catch (error) {
      if (error instanceof ApiError && refusals[error.code]) setShown({ outcome: refusals[error.code]!, detail: error.message });
      else if (error instanceof ApiError && error.code !== 'NETWORK') setShown({ outcome: 'invalid', detail: error.message });
      else setShown(await offline(token));
    } finally {
      setBusy(false);
      setCode('');
    }
  };

  const status =
    shown && (shown.outcome === 'redeemed' || shown.outcome === 'queued' ? 'success' : shown.outcome === 'duplicate' ? 'warning' : 'error');
  return (
    <div data-testid="voucher-check-page" style={{ maxWidth: 480, margin: '0 auto' }}>
      <Typography.Title level={3}>{t('welfare.check.title')}</Typography.Title>
      <Space wrap style={{ marginBottom: 8 }}>
        <Tag color={isOnline ? 'green' : 'orange'}>{isOnline ? t('welfare.check.online') : t('welfare.check.offline')}</Tag>
        {queued > 0 && (
          <>
            <Tag color="blue" data-testid="voucher-queued">
              {t('welfare.check.queued', { count: queued })}
            </Tag>
            <Button size="small" onClick={() => void sync()}>
              {t('welfare.check.sync')}
            </Button>
          </>
        )}
      </Space>
      {syncNote && <Alert type="info" showIcon message={syncNote} style={{ marginBottom: 8 }} />}
      <Card size="small">
        <Form layout="vertical" onFinish={() => void redeem(code)}>
          <Form.Item label={t('welfare.check.code')} extra={t('welfare.check.hint')}>
            <CardScanner value={code} onChange={setCode} onScanned={(text) => void redeem(text)} testId="voucher-code" />
          </Form.Item>
          <Button type="primary" htmlType="submit" block size="large" loading={isBusy} data-testid="voucher-redeem">
            {t('welfare.check.verify')}
          </Button>
        </Form>
      </Card>
      {shown && status && (
        <Result
          status={status}
          title={<span data-testid="voucher-outcome">{t(`welfare.check.outcome.${shown.outcome}`)}</span>}
          subTitle={shown.detail}
        />
      )}
    </div>
  );
}
