import { Alert, Button, Input, List, Select, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { heatOutcomes, type HeatResultsBody, type HeatsView } from '../../../common/tournaments.js';
import { errorText } from '../../app/notify.js';
import { parseTime, timeText } from './matchText.js';
import { tournamentsApi } from './tournaments.api.js';

type Lane = HeatsView['heats'][number]['lanes'][number];
type Outcome = (typeof heatOutcomes)[number];
type Entry = { outcome: Outcome; time: string };

export type HeatResults = HeatResultsBody['results'];

/**
 * 录入预赛/决赛成绩 (referee, phone): every lane's outcome (完赛 with a time, or DNS/DNF/DSQ); shows 待确认 until the
 * organiser confirms the race. The organiser's correction uses the same form with its own `send` (and a `guard` that
 * names what is missing around the form, such as the reason).
 */
export function HeatEntryForm({
  tournamentId,
  stage,
  heat,
  lanes,
  onSubmitted,
  send,
  guard,
  submitText,
}: {
  tournamentId: number;
  stage: 'heat' | 'final';
  heat: number;
  lanes: Lane[];
  onSubmitted?: (view: HeatsView) => void;
  send?: (results: HeatResults) => Promise<HeatsView>;
  guard?: () => string | null;
  submitText?: string;
}) {
  const { t } = useTranslation();
  const [entries, setEntries] = useState<Record<number, Entry>>(() =>
    Object.fromEntries(lanes.map((l) => [l.teamId, { outcome: l.outcome ?? 'finished', time: timeText(l.timeMs) }])),
  );
  const [failure, setFailure] = useState<string | null>(null);
  const [isBusy, setBusy] = useState(false);
  const [isSent, setSent] = useState(lanes.some((l) => l.status === 'entered'));
  const set = (teamId: number, change: Partial<Entry>) => setEntries((e) => ({ ...e, [teamId]: { ...e[teamId]!, ...change } }));
  const submit = async () => {
    setFailure(null);
    const results = lanes.map((l) => {
      const e = entries[l.teamId]!;
      const timeMs = e.outcome === 'finished' ? parseTime(e.time) : null;
      return { teamId: l.teamId, outcome: e.outcome, ...(timeMs === null ? {} : { timeMs }) };
    });
    if (results.some((r) => r.outcome === 'finished' && r.timeMs === undefined)) return setFailure(t('tournaments.ref.badTime'));
    const missing = guard?.() ?? null;
    if (missing) return setFailure(missing);
    setBusy(true);
    try {
      const view = await (send ? send(results) : tournamentsApi.enterHeat(tournamentId, { stage, heat, results }));
      setSent(!send);
      onSubmitted?.(view);
    } catch (error) {
      setFailure(errorText(error, t('app.networkError')));
    } finally {
      setBusy(false);
    }
  };
  return (
    <div data-testid={`heat-form-${stage}-${heat}`}>
      {failure && <Alert type="error" message={failure} style={{ marginBottom: 12 }} data-testid="heat-error" />}
      <List
        size="small"
        dataSource={[...lanes].sort((a, b) => a.lane - b.lane)}
        renderItem={(l) => (
          <List.Item style={{ flexWrap: 'wrap', gap: 8 }}>
            <Typography.Text>
              {t('tournaments.heats.lane')} {l.lane} · {l.name}
            </Typography.Text>
            <div style={{ display: 'flex', gap: 8 }}>
              <Select<Outcome>
                style={{ width: 130 }}
                value={entries[l.teamId]!.outcome}
                onChange={(outcome) => set(l.teamId, { outcome })}
                options={heatOutcomes.map((o) => ({ value: o, label: t(`tournaments.outcome.${o}`) }))}
                data-testid={`heat-outcome-${l.teamId}`}
              />
              {entries[l.teamId]!.outcome === 'finished' && (
                <Input
                  style={{ width: 110 }}
                  inputMode="decimal"
                  placeholder={t('tournaments.ref.timeHint')}
                  value={entries[l.teamId]!.time}
                  onChange={(e) => set(l.teamId, { time: e.target.value })}
                  data-testid={`heat-time-${l.teamId}`}
                />
              )}
            </div>
          </List.Item>
        )}
      />
      <Button type="primary" size="large" loading={isBusy} onClick={() => void submit()} data-testid="heat-submit" style={{ marginTop: 8 }}>
        {submitText ?? t('tournaments.ref.heatSubmit')}
      </Button>
      {isSent && (
        <Tag color="orange" style={{ marginLeft: 8 }} data-testid="heat-pending">
          {t('tournaments.ref.pending')}
        </Tag>
      )}
    </div>
  );
}
