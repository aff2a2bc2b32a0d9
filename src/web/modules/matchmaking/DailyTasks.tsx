import { Alert, Button, Input, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { MatchTask, TaskBody, TaskResult } from '../../../common/matchmaking.js';
import { errorText } from '../../app/notify.js';
import { myMatchApi } from './matchmaking.api.js';

const questionKeys = ['q0', 'q1', 'q2', 'q3', 'q4'] as const;
const DAY_MS = 86_400_000;
const BEIJING_MS = 8 * 3_600_000;

/** The day's question: the same for everyone on a Beijing calendar day. */
export function questionOfDay(now: number): (typeof questionKeys)[number] {
  return questionKeys[Math.floor((now + BEIJING_MS) / DAY_MS) % questionKeys.length] ?? 'q0';
}

/** The day's tasks (签到, 每日一问): each earns points in the event's programme once a day; the points shown after. */
export function DailyTasks({ eventId }: { eventId: number }) {
  const { t } = useTranslation();
  const [results, setResults] = useState<Partial<Record<MatchTask, TaskResult>>>({});
  const [answer, setAnswer] = useState('');
  const [busy, setBusy] = useState<MatchTask | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const send = async (body: TaskBody) => {
    setBusy(body.task);
    setFailure(null);
    try {
      const result = await myMatchApi.task(eventId, body);
      setResults((had) => ({ ...had, [body.task]: result }));
    } catch (error) {
      setFailure(errorText(error, t('app.networkError')));
    } finally {
      setBusy(null);
    }
  };
  const shown = (task: MatchTask) => {
    const r = results[task];
    if (!r) return null;
    const text = r.replayed ? t('matchmaking.tasks.replayed', { points: r.points }) : t('matchmaking.tasks.earned', { points: r.points });
    return (
      <Alert
        type={r.replayed ? 'info' : 'success'}
        showIcon
        message={text}
        style={{ marginTop: 8 }}
        data-testid={`match-task-${task}-result`}
      />
    );
  };
  return (
    <div data-testid="match-tasks">
      <Typography.Paragraph type="secondary">{t('matchmaking.tasks.hint')}</Typography.Paragraph>
      <div className="public-card" style={{ marginBottom: 12 }}>
        <Button
          type="primary"
          block
          loading={busy === 'checkin'}
          disabled={Boolean(results.checkin)}
          onClick={() => void send({ task: 'checkin' })}
          data-testid="match-task-checkin"
        >
          {results.checkin ? t('matchmaking.tasks.checkinDone') : t('matchmaking.tasks.checkin')}
        </Button>
        {shown('checkin')}
      </div>
      <div className="public-card">
        <Typography.Title level={5}>{t('matchmaking.tasks.question')}</Typography.Title>
        <Typography.Paragraph data-testid="match-question">
          {t(`matchmaking.tasks.questions.${questionOfDay(Date.now())}`)}
        </Typography.Paragraph>
        <Input.TextArea
          rows={2}
          maxLength={500}
          value={answer}
          placeholder={t('matchmaking.tasks.answer')}
          onChange={(e) => setAnswer(e.target.value)}
          data-testid="match-task-answer"
        />
        <Button
          block
          style={{ marginTop: 8 }}
          loading={busy === 'question'}
          disabled={!answer.trim() || Boolean(results.question)}
          onClick={() => void send({ task: 'question', answer: answer.trim() })}
          data-testid="match-task-question"
        >
          {t('matchmaking.tasks.submitAnswer')}
        </Button>
        {shown('question')}
      </div>
      {failure && <Alert type="error" showIcon message={failure} style={{ marginTop: 12 }} data-testid="match-task-failure" />}
    </div>
  );
}
