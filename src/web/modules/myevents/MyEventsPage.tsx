import { Card, Empty, Typography } from 'antd';
import { useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { activeStatuses, type MemberEvent, type MemberRegistration, type RegistrationStatus } from '../../../common/events.js';
import { ApiError } from '../../app/api.js';
import { errorText, useNotify } from '../../app/notify.js';
import { EventCover } from './EventCover.js';
import { MemberPhonePage, NotLoaded } from './MemberPhonePage.js';
import { MyRegistrationItem } from './MyRegistrationItem.js';
import { myEventsApi } from './myevents.api.js';
import { PreferencesPicker } from './PreferencesPicker.js';
import { SessionRow } from './SessionRow.js';
import { nextBoundary, windowState } from './signupWindow.js';
import { addStrings } from '../../i18n/index.js';
import { messages as myEventsStrings } from './i18n.zh-CN.js';

// A phone page adds the strings it shows; the console's come with the console's chunk (#16).
addStrings(myEventsStrings);

/** The longest the page waits before looking at the windows again (a phone asleep misses a timer). */
const RECHECK_MS = 60_000;

/** I hold this session: a place, a waitlist spot or an offer — or an entry to a draw, which the button must not repeat. */
const holds = (status: RegistrationStatus) => status === 'entered' || (activeStatuses as readonly RegistrationStatus[]).includes(status);

/** /m/events: the events open to me with their sessions, signing up, and my registrations (status, ticket, cancel, offer). */
export function MyEventsPage() {
  const { t } = useTranslation();
  return (
    <MemberPhonePage
      title={t('myEvents.title')}
      to="/m/events"
      other={{ label: t('myTraining.title'), to: '/m/training', testId: 'my-events-to-training' }}
    >
      <EventsHome />
    </MemberPhonePage>
  );
}

type Loaded = { events: MemberEvent[]; registrations: MemberRegistration[]; offsetMs: number };

function EventsHome() {
  const { t } = useTranslation();
  const notify = useNotify();
  const [loaded, setLoaded] = useState<Loaded | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const [busy, setBusy] = useState<string | null>(null);
  const [, setTick] = useState(0);
  // One idempotency key per session until the server answers: a retry after a lost answer is the same sign-up.
  const keys = useRef(new Map<number, string>());

  // Two reloads can overlap (a sign-up, then another at once): only the latest one's answer is shown, so a slower,
  // older answer never puts back a list without the newer sign-up.
  const latest = useRef(0);
  const load = useCallback(() => {
    const mine = ++latest.current;
    Promise.all([myEventsApi.events(), myEventsApi.registrations()])
      .then(([list, regs]) => {
        if (mine === latest.current)
          setLoaded({ events: list.items, registrations: regs.items, offsetMs: Date.parse(list.now) - Date.now() });
      })
      .catch((error: unknown) => {
        if (mine === latest.current) setFailure(errorText(error, t('app.networkError')));
      });
  }, [t]);
  useEffect(load, [load]);

  const serverNow = Date.now() + (loaded?.offsetMs ?? 0);
  const sessions = loaded?.events.flatMap((e) => e.sessions) ?? [];
  const boundary = nextBoundary(sessions, serverNow);
  // Re-render when a window opens or closes, so the button never outlives the deadline on an open page.
  useEffect(() => {
    const wait = boundary === undefined ? RECHECK_MS : Math.min(RECHECK_MS, Math.max(0, boundary - serverNow) + 50);
    const timer = setTimeout(() => setTick((n) => n + 1), wait);
    return () => clearTimeout(timer);
  });

  const act = async (label: string, run: () => Promise<unknown>, done: string) => {
    setBusy(label);
    try {
      await run();
      notify.success(done);
    } catch (error) {
      notify.error(error);
    } finally {
      setBusy(null);
      load();
    }
  };
  const signUp = (sessionId: number) => {
    const key = keys.current.get(sessionId) ?? crypto.randomUUID();
    keys.current.set(sessionId, key);
    void act(
      `session-${sessionId}`,
      async () => {
        try {
          await myEventsApi.signUp({ sessionId, key });
          keys.current.delete(sessionId);
        } catch (error) {
          if (!(error instanceof ApiError && error.status === 0)) keys.current.delete(sessionId);
          throw error;
        }
      },
      t('myEvents.signedUpDone'),
    );
  };
  // The same rule as a sign-up: one key per event until the server answers.
  const enterPreferences = (eventId: number, sessionIds: number[]) => {
    const key = keys.current.get(-eventId) ?? crypto.randomUUID();
    keys.current.set(-eventId, key);
    void act(
      `prefs-${eventId}`,
      async () => {
        try {
          await myEventsApi.preferences({ eventId, sessionIds, key });
          keys.current.delete(-eventId);
        } catch (error) {
          if (!(error instanceof ApiError && error.status === 0)) keys.current.delete(-eventId);
          throw error;
        }
      },
      t('myEvents.preferences.done'),
    );
  };
  const cancel = (id: number) => void act(`reg-${id}`, () => myEventsApi.cancel(id), t('myEvents.cancelled'));
  const accept = (id: number) => void act(`reg-${id}`, () => myEventsApi.accept(id), t('myEvents.accepted'));

  if (!loaded) return <NotLoaded failure={failure} />;
  const activeSessions = new Set(loaded.registrations.filter((r) => holds(r.status)).map((r) => r.sessionId));
  return (
    <div data-testid="my-events">
      <Typography.Title level={4}>{t('myEvents.mine')}</Typography.Title>
      {loaded.registrations.length === 0 && <Empty description={t('myEvents.noRegistrations')} />}
      {loaded.registrations.map((r) => (
        <MyRegistrationItem
          key={r.id}
          registration={r}
          isMatchmaking={loaded.events.some((e) => e.id === r.eventId && e.kind === 'matchmaking')}
          isBusy={busy === `reg-${r.id}`}
          onCancel={cancel}
          onAccept={accept}
        />
      ))}
      <Typography.Title level={4}>{t('myEvents.open')}</Typography.Title>
      {loaded.events.length === 0 && <Empty description={t('myEvents.noEvents')} />}
      {loaded.events.map((e) => (
        <Card
          key={e.id}
          size="small"
          style={{ marginBottom: 12 }}
          cover={e.hasCover ? <EventCover eventId={e.id} /> : undefined}
          title={e.title}
          data-testid={`my-event-${e.id}`}
        >
          <div className="public-note">
            {e.orgName} · {t(`myEvents.kind.${e.kind}`)}
          </div>
          {e.description && <Typography.Paragraph>{e.description}</Typography.Paragraph>}
          {e.sessions.map((s) => (
            <SessionRow
              key={s.id}
              session={s}
              selection={e.selection}
              state={windowState(s, serverNow)}
              hasActive={activeSessions.has(s.id)}
              isBusy={busy === `session-${s.id}`}
              onSignUp={signUp}
            />
          ))}
          {e.selection === 'preferences' && (
            <PreferencesPicker
              eventId={e.id}
              sessions={e.sessions.filter((s) => windowState(s, serverNow) === 'open' && !activeSessions.has(s.id))}
              hasEntered={e.sessions.some((s) => activeSessions.has(s.id))}
              isBusy={busy === `prefs-${e.id}`}
              onSubmit={enterPreferences}
            />
          )}
        </Card>
      ))}
    </div>
  );
}
