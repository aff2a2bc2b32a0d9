import { Alert, Button, Checkbox, InputNumber, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ResultBody, type Match } from '../../../common/tournaments.js';
import { errorText } from '../../app/notify.js';
import { sideText } from './matchText.js';
import { tournamentsApi } from './tournaments.api.js';

type Pair = { home: number | null; away: number | null };
const empty: Pair = { home: null, away: null };
const isLevel = (p: Pair) => p.home !== null && p.away !== null && p.home === p.away;
const filled = (p: Pair) => ({ home: p.home ?? 0, away: p.away ?? 0 });

function PairInput({ label, value, onChange, testId }: { label: string; value: Pair; onChange: (p: Pair) => void; testId: string }) {
  const box = (side: 'home' | 'away') => (
    <InputNumber
      min={0}
      max={99}
      precision={0}
      inputMode="numeric"
      style={{ width: 72 }}
      value={value[side]}
      onChange={(v) => onChange({ ...value, [side]: v })}
      data-testid={`${testId}-${side}`}
    />
  );
  return (
    <div style={{ marginBottom: 12 }}>
      <Typography.Text type="secondary">{label}</Typography.Text>
      <div style={{ display: 'flex', alignItems: 'center', gap: 8 }}>
        {box('home')} : {box('away')}
      </div>
    </div>
  );
}

/**
 * 录入比分 (referee, phone): goals in regular time; in a knockout, extra time when level, and penalties only when
 * still level; fair-play points. The answer shows 待确认 until the organiser confirms.
 */
export function ResultEntryForm({ match, onSubmitted }: { match: Match; onSubmitted?: (m: Match) => void }) {
  const { t } = useTranslation();
  const [regular, setRegular] = useState<Pair>(empty);
  const [hasExtraTime, setHasExtraTime] = useState(false);
  const [extraTime, setExtraTime] = useState<Pair>(empty);
  const [penalties, setPenalties] = useState<Pair>(empty);
  const [fairPlay, setFairPlay] = useState<Pair>(empty);
  const [failure, setFailure] = useState<string | null>(null);
  const [saved, setSaved] = useState<Match | null>(null);
  const [isBusy, setBusy] = useState(false);
  const isKnockout = match.stage === 'knockout';
  const canExtraTime = isKnockout && isLevel(regular);
  const needsPenalties = canExtraTime && (!hasExtraTime || isLevel({ home: extraTime.home ?? 0, away: extraTime.away ?? 0 }));
  const submit = async () => {
    setFailure(null);
    const body = ResultBody.safeParse({
      regular,
      ...(canExtraTime && hasExtraTime ? { extraTime: filled(extraTime) } : {}),
      ...(needsPenalties ? { penalties: penalties } : {}),
      fairPlay: filled(fairPlay),
    });
    if (!body.success) return setFailure(t('validation.invalid', { field: t('tournaments.ref.regular') }));
    setBusy(true);
    try {
      const answer = await tournamentsApi.enterResult(match.id, body.data);
      setSaved(answer);
      onSubmitted?.(answer);
    } catch (error) {
      setFailure(errorText(error, t('app.networkError')));
    } finally {
      setBusy(false);
    }
  };
  const names = `${sideText(match.home, t)} ${t('tournaments.vs')} ${sideText(match.away, t)}`;
  return (
    <div data-testid={`ref-form-${match.id}`}>
      <Typography.Paragraph strong>{names}</Typography.Paragraph>
      {failure && <Alert type="error" message={failure} style={{ marginBottom: 12 }} data-testid="ref-error" />}
      <PairInput label={t('tournaments.ref.regular')} value={regular} onChange={setRegular} testId="ref-regular" />
      {canExtraTime && (
        <Checkbox
          checked={hasExtraTime}
          onChange={(e) => setHasExtraTime(e.target.checked)}
          data-testid="ref-has-extra-time"
          style={{ marginBottom: 12 }}
        >
          {t('tournaments.ref.addExtraTime')}
        </Checkbox>
      )}
      {canExtraTime && hasExtraTime && (
        <PairInput label={t('tournaments.ref.extraTime')} value={extraTime} onChange={setExtraTime} testId="ref-extra-time" />
      )}
      {needsPenalties && (
        <PairInput label={t('tournaments.ref.penalties')} value={penalties} onChange={setPenalties} testId="ref-penalties" />
      )}
      <PairInput label={t('tournaments.ref.fairPlay')} value={fairPlay} onChange={setFairPlay} testId="ref-fair-play" />
      <Space>
        <Button type="primary" size="large" loading={isBusy} onClick={() => void submit()} data-testid="ref-submit">
          {t('tournaments.ref.submit')}
        </Button>
        {saved?.result?.status === 'entered' && (
          <Tag color="orange" data-testid="ref-pending">
            {t('tournaments.ref.pending')}
          </Tag>
        )}
      </Space>
    </div>
  );
}
