import { Button, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { EventSession, SelectionMode } from '../../../common/events.js';
import { formatDateTime } from '../../app/format.js';
import type { WindowState } from './signupWindow.js';

const windowColour: Record<WindowState, string> = { notYet: 'default', open: 'green', closed: 'red' };

/**
 * A session of an event open to me: Beijing time, place, places left, the window's state. The sign-up button shows
 * only inside the window [opensAt, closesAt) by the server's clock, and only while I hold no active registration there.
 */
export function SessionRow({
  session: s,
  selection,
  state,
  hasActive,
  isBusy,
  onSignUp,
}: {
  session: EventSession;
  selection: SelectionMode;
  state: WindowState;
  hasActive: boolean;
  isBusy: boolean;
  onSignUp: (sessionId: number) => void;
}) {
  const { t } = useTranslation();
  const left = Math.max(0, s.capacity - s.confirmed);
  // A preferences event is entered once for all its sessions (PreferencesPicker), not per session.
  const canSignUp = state === 'open' && !hasActive && selection !== 'preferences';
  return (
    <div className="public-card" data-testid={`my-session-${s.id}`}>
      <div>
        {formatDateTime(s.startsAt)} – {formatDateTime(s.endsAt)}
      </div>
      <div>{s.place}</div>
      <div>
        {t('myEvents.placesLeft', { left, capacity: s.capacity })}
        {s.waitlisted > 0 && ` · ${t('myEvents.waitlisted', { count: s.waitlisted })}`}
      </div>
      <div className="public-note">{t('myEvents.window', { opens: formatDateTime(s.opensAt), closes: formatDateTime(s.closesAt) })}</div>
      <div style={{ margin: '6px 0' }}>
        <Tag color={windowColour[state]} data-testid="my-session-window">
          {t(`myEvents.windowState.${state}`)}
        </Tag>
        {hasActive && <Tag color="blue">{t('myEvents.signedUp')}</Tag>}
      </div>
      {selection !== 'first_come' && <div className="public-note">{t(`myEvents.selection.${selection}`)}</div>}
      {canSignUp && (
        <Button type="primary" block loading={isBusy} onClick={() => onSignUp(s.id)} data-testid="my-session-sign-up">
          {left === 0 && selection === 'first_come' ? t('myEvents.signUpWaitlist') : t('myEvents.signUp')}
        </Button>
      )}
    </div>
  );
}
