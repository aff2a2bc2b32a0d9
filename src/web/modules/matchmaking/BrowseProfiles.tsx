import { Alert, Button, Empty, Popconfirm, Space, Tag } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SeenProfile } from '../../../common/matchmaking.js';
import { errorText } from '../../app/notify.js';
import { buttonTestId } from '../../app/testId.js';
import { NotLoaded } from '../myevents/MemberPhonePage.js';
import { myMatchApi } from './matchmaking.api.js';
import { ProfileCard } from './ProfileCard.js';

/**
 * Browsing the others of the event (cards, only what they show): 有意向 / 取消 and a silent block. My own interest is
 * all a card says; nothing tells whether anyone is interested in me.
 */
export function BrowseProfiles({ eventId, onBlocked }: { eventId: number; onBlocked?: () => void }) {
  const { t } = useTranslation();
  const [items, setItems] = useState<SeenProfile[] | null>(null);
  const [next, setNext] = useState<string | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const [note, setNote] = useState<{ ref: string; text: string } | null>(null);
  const [busyRef, setBusyRef] = useState<string | null>(null);
  const load = useCallback(
    (after?: string) => {
      myMatchApi
        .browse(eventId, after ? { after } : {})
        .then((page) => {
          setItems((had) => [...(after ? (had ?? []) : []), ...page.items]);
          setNext(page.next);
        })
        .catch((error: unknown) => setFailure(errorText(error, t('app.networkError'))));
    },
    [eventId, t],
  );
  useEffect(() => load(), [load]);
  const act = async (ref: string, work: () => Promise<(p: SeenProfile[]) => SeenProfile[]>) => {
    setBusyRef(ref);
    setFailure(null);
    try {
      const change = await work();
      setItems((had) => change(had ?? []));
    } catch (error) {
      setFailure(errorText(error, t('app.networkError')));
    } finally {
      setBusyRef(null);
    }
  };
  const setInterest = (ref: string, interested: boolean) => (list: SeenProfile[]) =>
    list.map((p) => (p.profileRef === ref ? { ...p, interested } : p));
  const interest = (ref: string) =>
    act(ref, async () => {
      const r = await myMatchApi.interest(eventId, ref);
      setNote({ ref, text: r.mutual ? t('matchmaking.mutualNow') : t('matchmaking.remaining', { n: r.remainingToday }) });
      return setInterest(ref, true);
    });
  const uninterest = (ref: string) =>
    act(ref, async () => {
      await myMatchApi.uninterest(eventId, ref);
      setNote(null);
      return setInterest(ref, false);
    });
  const block = (ref: string) =>
    act(ref, async () => {
      await myMatchApi.block(eventId, ref);
      onBlocked?.();
      return (list) => list.filter((p) => p.profileRef !== ref);
    });
  if (!items) return <NotLoaded failure={failure} />;
  return (
    <div data-testid="match-browse">
      {failure && <Alert type="error" showIcon message={failure} style={{ marginBottom: 12 }} data-testid="match-browse-failure" />}
      {items.length === 0 && <Empty description={t('matchmaking.browseEmpty')} />}
      {items.map((p) => (
        <ProfileCard key={p.profileRef} profile={p} testId={`match-card-${p.profileRef}`}>
          {note?.ref === p.profileRef && (
            <Alert type="info" message={note.text} style={{ margin: '8px 0' }} data-testid="match-interest-note" />
          )}
          <Space wrap style={{ marginTop: 8 }}>
            {p.interested ? (
              <>
                <Tag color="red">{t('matchmaking.interested')}</Tag>
                <Button loading={busyRef === p.profileRef} onClick={() => void uninterest(p.profileRef)} data-testid="match-uninterest">
                  {t('matchmaking.uninterest')}
                </Button>
              </>
            ) : (
              <Button
                type="primary"
                loading={busyRef === p.profileRef}
                onClick={() => void interest(p.profileRef)}
                data-testid="match-interest"
              >
                {t('matchmaking.interest')}
              </Button>
            )}
            <Popconfirm
              title={t('matchmaking.blockConfirm')}
              okText={t('matchmaking.blockYes')}
              okButtonProps={{ ...buttonTestId('match-block-yes'), danger: true }}
              onConfirm={() => void block(p.profileRef)}
            >
              <Button type="text" danger data-testid="match-block">
                {t('matchmaking.block')}
              </Button>
            </Popconfirm>
          </Space>
        </ProfileCard>
      ))}
      {next && (
        <Button block onClick={() => load(next)} data-testid="match-browse-more">
          {t('matchmaking.more')}
        </Button>
      )}
    </div>
  );
}
