import { Alert, Segmented } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router-dom';
import type { MatchRetention, MyProfile } from '../../../common/matchmaking.js';
import { errorText } from '../../app/notify.js';
import { MemberPhonePage, NotLoaded } from '../myevents/MemberPhonePage.js';
import { BrowseProfiles } from './BrowseProfiles.js';
import { DailyTasks } from './DailyTasks.js';
import { myMatchApi } from './matchmaking.api.js';
import { MyBlocks } from './MyBlocks.js';
import { MyMatches } from './MyMatches.js';
import { PrivacyNotice } from './PrivacyNotice.js';
import { ProfileForm } from './ProfileForm.js';
import { RetentionNote } from './RetentionNote.js';
import { addStrings } from '../../i18n/index.js';
import { messages as matchmakingStrings } from './i18n.zh-CN.js';

// A phone page adds the strings it shows; the console's come with the console's chunk (#16).
addStrings(matchmakingStrings);

/** /m/matchmaking/:eventId: the member's matchmaking (联谊) in one event they signed up for. */
export function MatchmakingPhonePage() {
  const { t } = useTranslation();
  const eventId = Number(useParams().eventId);
  return (
    <MemberPhonePage
      title={t('matchmaking.title')}
      to="/m/matchmaking"
      other={{ label: t('matchmaking.toEvents'), to: '/m/events', testId: 'match-to-events' }}
    >
      <MatchmakingHome eventId={eventId} />
    </MemberPhonePage>
  );
}

const tabs = ['profile', 'browse', 'matches', 'tasks'] as const;
type Tab = (typeof tabs)[number];

/** The privacy notice first (until I have a profile), then my profile, the others, my matches and the day's tasks. */
export function MatchmakingHome({ eventId }: { eventId: number }) {
  const { t } = useTranslation();
  const [profile, setProfile] = useState<MyProfile | null | undefined>(undefined);
  const [retention, setRetention] = useState<MatchRetention | null>(null);
  // Bumped by a block in the browse list (my blocks reload) and by a lifted block (the browse list reloads).
  const [blocks, setBlocks] = useState(0);
  const [browsing, setBrowsing] = useState(0);
  const [failure, setFailure] = useState<string | null>(null);
  const [hasReadNotice, setReadNotice] = useState(false);
  const [isWithdrawn, setWithdrawn] = useState(false);
  const [tab, setTab] = useState<Tab>('profile');
  const load = useCallback(() => {
    myMatchApi
      .profile(eventId)
      .then((answer) => {
        setProfile(answer.profile);
        setRetention(answer.retention);
      })
      .catch((error: unknown) => setFailure(errorText(error, t('app.networkError'))));
  }, [eventId, t]);
  useEffect(load, [load]);
  if (profile === undefined || !retention) return <NotLoaded failure={failure} />;
  const withdrawn = isWithdrawn && (
    <Alert type="success" showIcon message={t('matchmaking.withdrawn')} style={{ marginBottom: 12 }} data-testid="match-withdrawn" />
  );
  if (!profile && !hasReadNotice)
    return (
      <>
        {withdrawn}
        <PrivacyNotice retention={retention} onAccept={() => setReadNotice(true)} />
      </>
    );
  const needProfile = <Alert type="info" showIcon message={t('matchmaking.needProfile')} data-testid="match-need-profile" />;
  return (
    <div data-testid="matchmaking">
      <Segmented<Tab>
        block
        value={tab}
        onChange={setTab}
        style={{ marginBottom: 12 }}
        options={tabs.map((k) => ({ value: k, label: <span data-testid={`match-tab-${k}`}>{t(`matchmaking.tab.${k}`)}</span> }))}
      />
      <RetentionNote retention={retention} />
      {tab === 'profile' && (
        <ProfileForm
          eventId={eventId}
          profile={profile}
          retention={retention}
          onSaved={setProfile}
          onWithdrawn={() => {
            setProfile(null);
            setReadNotice(false);
            setWithdrawn(true);
          }}
        />
      )}
      {tab === 'browse' &&
        (profile ? (
          <>
            <BrowseProfiles key={browsing} eventId={eventId} onBlocked={() => setBlocks((n) => n + 1)} />
            <MyBlocks eventId={eventId} version={blocks} onLifted={() => setBrowsing((n) => n + 1)} />
          </>
        ) : (
          needProfile
        ))}
      {tab === 'matches' && (profile ? <MyMatches eventId={eventId} /> : needProfile)}
      {tab === 'tasks' && <DailyTasks eventId={eventId} />}
    </div>
  );
}
