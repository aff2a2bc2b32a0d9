import { Button, Descriptions, Empty, Modal, Skeleton, Typography } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router-dom';
import type { CheckinCode, Session } from '../../../common/training.js';
import { useAuth } from '../../app/auth.js';
import { useNotify } from '../../app/notify.js';
import { QrCode } from '../cards/QrCode.js';
import { AttendanceList } from './AttendanceList.js';
import { AttendanceMarker } from './AttendanceMarker.js';
import { OpenSignUpModal } from './OpenSignUpModal.js';
import { trainingApi } from './training.api.js';
import { beijingTime } from './trainingColumns.js';

/** How often the room's screen asks for the code (it rotates every 30 s). */
const CODE_POLL_MS = 5_000;

/** A training session: its details, attendance marked from the cadre's list, and the check-in code for the room. */
export function SessionPage() {
  const { t } = useTranslation();
  const { can } = useAuth();
  const notify = useNotify();
  const id = Number(useParams().id);
  const [session, setSession] = useState<Session | null | undefined>(undefined);
  const [isShowingCode, setShowingCode] = useState(false);
  const [isOpeningSignUp, setOpeningSignUp] = useState(false);
  const [marks, setMarks] = useState(0);
  const load = useCallback(() => {
    trainingApi
      .session(id)
      .then(setSession)
      .catch((error: unknown) => {
        setSession(null);
        notify.error(error);
      });
  }, [id, notify]);
  useEffect(load, [load]);
  if (session === undefined) return <Skeleton active />;
  if (session === null) return <Empty />;
  return (
    <div data-testid="training-session-page">
      <Typography.Title level={3}>{session.courseTitle}</Typography.Title>
      <Descriptions size="small" column={2} style={{ marginBottom: 16 }}>
        <Descriptions.Item label={t('training.session.startsAt')}>{beijingTime(session.startsAt)}</Descriptions.Item>
        <Descriptions.Item label={t('training.session.endsAt')}>{beijingTime(session.endsAt)}</Descriptions.Item>
        <Descriptions.Item label={t('training.session.place')}>{session.place}</Descriptions.Item>
        <Descriptions.Item label={t('training.session.teachers')}>{session.teachers.map((x) => x.name).join('、')}</Descriptions.Item>
        <Descriptions.Item label={t('training.session.status')}>{t(`training.status.${session.status}`)}</Descriptions.Item>
        <Descriptions.Item label={t('training.session.attended')}>
          <span data-testid="session-attended">
            {session.attended} / {session.capacity}
          </span>
        </Descriptions.Item>
        <Descriptions.Item label={t('training.signUp.label')}>
          {session.eventId !== null ? (
            <Link to={`/events/${session.eventId}`} data-testid="training-sign-up-event">
              {t('training.signUp.view')}
            </Link>
          ) : can('training.write') && session.status === 'planned' ? (
            <Button size="small" onClick={() => setOpeningSignUp(true)} data-testid="training-sign-up-open">
              {t('training.signUp.open')}
            </Button>
          ) : (
            t('training.signUp.none')
          )}
        </Descriptions.Item>
      </Descriptions>
      {can('training.write') && session.status !== 'cancelled' && (
        <AttendanceMarker
          session={session}
          onMarked={() => {
            setMarks((n) => n + 1);
            load();
          }}
          onShowCode={() => setShowingCode(true)}
        />
      )}
      <AttendanceList sessionId={session.id} version={marks} />
      {isOpeningSignUp && (
        <OpenSignUpModal
          session={session}
          onClose={() => setOpeningSignUp(false)}
          onDone={(s) => {
            setOpeningSignUp(false);
            setSession(s);
          }}
        />
      )}
      {isShowingCode && <CheckinCodeModal sessionId={session.id} onClose={() => setShowingCode(false)} />}
    </div>
  );
}

/** The rotating check-in code, big for the room's screen, asked for again every few seconds. */
function CheckinCodeModal({ sessionId, onClose }: { sessionId: number; onClose: () => void }) {
  const { t } = useTranslation();
  const notify = useNotify();
  const [code, setCode] = useState<CheckinCode | null>(null);
  useEffect(() => {
    let isCurrent = true;
    const fetchCode = () =>
      trainingApi
        .checkinCode(sessionId)
        .then((c) => isCurrent && setCode(c))
        .catch(notify.error);
    void fetchCode();
    const timer = setInterval(() => void fetchCode(), CODE_POLL_MS);
    return () => {
      isCurrent = false;
      clearInterval(timer);
    };
  }, [sessionId, notify]);
  return (
    <Modal open footer={null} onCancel={onClose} width="90vw" title={t('training.attendance.code')}>
      {code ? (
        <div style={{ textAlign: 'center' }} data-testid="checkin-code">
          <div style={{ fontSize: 'min(16vw, 160px)', fontWeight: 700, letterSpacing: '0.1em', fontFamily: 'monospace' }}>{code.code}</div>
          <QrCode text={code.qr} size={320} />
          <Typography.Paragraph type="secondary">{t('training.attendance.codeHint')}</Typography.Paragraph>
          <Typography.Text type="secondary">
            {t('training.attendance.rotatesAt', { at: beijingTime(code.rotatesAt).slice(11) })}
          </Typography.Text>
        </div>
      ) : (
        <Skeleton active />
      )}
    </Modal>
  );
}
