import { Alert, Button, Card, Input, List, Result, Space, Tag } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router-dom';
import type { CheckinPack, ScanResult } from '../../../common/events.checkin.js';
import { errorText } from '../../app/notify.js';
import { CashierScanner } from '../points/CashierScanner.js';
import { checkinApi } from './checkin.api.js';
import { checkTicket, mergeResults, newScan, sessionStore, tally, type LocalVerdict, type QueuedScan } from './checkinOffline.js';

const DEVICE_KEY = 'gonghui.checkin.device';
const colours = { ok: 'success', duplicate: 'warning', cancelled: 'error', invalid: 'error' } as const;
const tags = { accepted: 'green', duplicate: 'orange', cancelled_while_offline: 'red', invalid: 'red' } as const;

function deviceId(): string {
  const known = localStorage.getItem(DEVICE_KEY);
  if (known) return known;
  const made = crypto.randomUUID();
  localStorage.setItem(DEVICE_KEY, made);
  return made;
}

/** 活动签到 on a cadre's phone: download the session's list, scan offline (camera or typed code), sync later. */
export function ScannerPage() {
  const { t } = useTranslation();
  const params = useParams();
  const eventId = Number(params.id);
  const sessionId = Number(params.sessionId);
  const store = sessionStore(sessionId);
  const [pack, setPack] = useState<CheckinPack | null>(() => store.pack());
  const [queue, setQueue] = useState<QueuedScan[]>(() => store.queue());
  const [shown, setShown] = useState<ScanResult[]>([]);
  const [verdict, setVerdict] = useState<LocalVerdict | null>(null);
  const [code, setCode] = useState('');
  const [isScanning, setScanning] = useState(false);
  const [note, setNote] = useState<string | null>(null);
  const [failure, setFailure] = useState<string | null>(null);

  const download = () =>
    checkinApi
      .pack(eventId, sessionId)
      .then((p) => {
        store.savePack(p);
        setPack(p);
      })
      .catch((error: unknown) => setFailure(errorText(error, t('app.networkError'))));

  const take = useCallback(
    async (token: string) => {
      if (!pack || !token.trim()) return;
      const taken = sessionStore(sessionId).queue();
      const v = await checkTicket(token, pack, taken);
      setVerdict(v);
      const next = [...taken, newScan(token, v, deviceId())];
      sessionStore(sessionId).saveQueue(next);
      setQueue(next);
      setCode('');
    },
    [pack, sessionId],
  );
  const onCameraFailure = useCallback(() => {
    setScanning(false);
    setFailure(t('checkin.scanner.cameraFailed'));
  }, [t]);
  const onCode = useCallback((text: string) => void take(text), [take]);

  const sync = async () => {
    const pending = sessionStore(sessionId).queue();
    if (pending.length === 0) return;
    try {
      const answers = (
        await checkinApi.sync(eventId, sessionId, { scans: pending.slice(0, 2000).map(({ registrationId: _r, ...s }) => s) })
      ).items;
      const merged = mergeResults(sessionStore(sessionId).queue(), answers, shown);
      sessionStore(sessionId).saveQueue(merged.queue);
      setQueue(merged.queue);
      setShown(merged.shown);
      const c = tally(answers);
      setNote(
        t('checkin.scanner.synced', {
          count: answers.length,
          accepted: c.accepted,
          duplicate: c.duplicate,
          cancelled: c.cancelled_while_offline,
          invalid: c.invalid,
        }),
      );
    } catch {
      setNote(t('checkin.scanner.offline'));
    }
  };
  useEffect(() => {
    const online = () => void sync();
    window.addEventListener('online', online);
    return () => window.removeEventListener('online', online);
  });

  return (
    <Card title={pack ? `${t('checkin.scanner.title')} · ${pack.eventTitle}` : t('checkin.scanner.title')} data-testid="checkin-scanner">
      <Space direction="vertical" style={{ width: '100%' }}>
        {failure && <Alert type="error" message={failure} closable onClose={() => setFailure(null)} />}
        <Button onClick={() => void download()} data-testid="checkin-download">
          {t('checkin.scanner.download')}
        </Button>
        {pack ? (
          <Alert
            type="info"
            message={t('checkin.scanner.downloaded', {
              count: pack.tickets.length,
              cancelled: pack.cancelled.length,
              time: new Date(pack.generatedAt).toLocaleTimeString('zh-CN', { timeZone: 'Asia/Shanghai' }),
            })}
          />
        ) : (
          <Alert type="warning" message={t('checkin.scanner.noPack')} />
        )}
        {pack && (
          <>
            <Button type="primary" onClick={() => setScanning(!isScanning)} data-testid="checkin-scan">
              {isScanning ? t('checkin.scanner.stopScan') : t('checkin.scanner.scan')}
            </Button>
            {isScanning && <CashierScanner onCode={onCode} onFailure={onCameraFailure} />}
            <Space.Compact style={{ width: '100%' }}>
              <Input
                value={code}
                placeholder={t('checkin.scanner.code')}
                onChange={(e) => setCode(e.target.value)}
                onPressEnter={() => void take(code)}
                data-testid="checkin-code"
              />
              <Button onClick={() => void take(code)} data-testid="checkin-check">
                {t('checkin.scanner.check')}
              </Button>
            </Space.Compact>
          </>
        )}
        {verdict && (
          // antd's Result drops unknown props, so the test id sits on a wrapper.
          <div data-testid={`checkin-verdict-${verdict.kind}`}>
            <Result
              status={colours[verdict.kind]}
              title={t(`checkin.scanner.verdict.${verdict.kind}`)}
              subTitle={verdict.kind === 'ok' || verdict.kind === 'duplicate' ? verdict.maskedName : undefined}
            />
          </div>
        )}
        <Space>
          <Tag data-testid="checkin-queued">{t('checkin.scanner.queued', { count: queue.length })}</Tag>
          <Button onClick={() => void sync()} disabled={queue.length === 0} data-testid="checkin-sync">
            {t('checkin.scanner.sync')}
          </Button>
        </Space>
        {note && <Alert type="success" message={note} data-testid="checkin-synced" />}
        <List
          size="small"
          dataSource={shown}
          renderItem={(s) => (
            <List.Item>
              <Tag color={tags[s.outcome]}>{t(`checkin.scanner.outcome.${s.outcome}`)}</Tag> {s.maskedName ?? '—'}
            </List.Item>
          )}
        />
      </Space>
    </Card>
  );
}
