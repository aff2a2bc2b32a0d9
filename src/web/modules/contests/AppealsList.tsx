import { Button, Input, List, Space, Tag, Typography } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { APPEAL_LIMITS, type Appeal, type Entry } from '../../../common/contests.js';
import { useNotify } from '../../app/notify.js';
import { contestsApi } from './contests.api.js';
import { beijingMinute } from './time.js';

function AnswerBox({ contestId, appeal, onDone }: { contestId: number; appeal: Appeal; onDone: () => void }) {
  const { t } = useTranslation();
  const notify = useNotify();
  const [text, setText] = useState('');
  return (
    <Space.Compact style={{ width: '100%', marginTop: 6 }}>
      <Input
        value={text}
        onChange={(e) => setText(e.target.value)}
        placeholder={t('contests.appeals.answer')}
        maxLength={APPEAL_LIMITS.answerMax}
        data-testid={`appeal-answer-${appeal.id}`}
      />
      <Button
        type="primary"
        disabled={!text.trim()}
        onClick={() => void contestsApi.answerAppeal(contestId, appeal.id, text.trim()).then(onDone).catch(notify.error)}
        data-testid={`appeal-answer-ok-${appeal.id}`}
      >
        {t('contests.appeals.send')}
      </Button>
    </Space.Compact>
  );
}

/** 申诉: the written appeals filed during the notice, each answered by the organiser (the final waits for all). */
export function AppealsList({
  contestId,
  entries,
  canAnswer,
  version = 0,
}: {
  contestId: number;
  entries: Entry[];
  canAnswer: boolean;
  /** Moves when an appeal was filed elsewhere on the page: the list reloads. */
  version?: number;
}) {
  const { t } = useTranslation();
  const notify = useNotify();
  const [appeals, setAppeals] = useState<Appeal[]>([]);
  const load = useCallback(
    () =>
      void contestsApi
        .appeals(contestId)
        .then((r) => setAppeals(r.items))
        .catch(notify.error),
    [contestId, notify],
  );
  useEffect(load, [load, version]);
  const title = new Map(entries.map((e) => [e.id, `${e.title} · ${e.orgName}`]));
  return (
    <List
      header={t('contests.appeals.title', { count: appeals.length })}
      bordered
      data-testid="result-appeals"
      dataSource={appeals}
      locale={{ emptyText: t('contests.appeals.none') }}
      renderItem={(a) => (
        <List.Item data-testid={`appeal-${a.id}`}>
          <div style={{ width: '100%' }}>
            <Space wrap>
              <Typography.Text strong>{title.get(a.entryId) ?? `#${a.entryId}`}</Typography.Text>
              <Tag color={a.status === 'open' ? 'orange' : 'green'}>{t(`contests.appeals.status.${a.status}`)}</Tag>
              <Typography.Text type="secondary">{beijingMinute(a.createdAt)}</Typography.Text>
            </Space>
            <Typography.Paragraph style={{ marginBottom: 0 }}>{a.text}</Typography.Paragraph>
            {a.answer && (
              <Typography.Paragraph type="secondary">{t('contests.appeals.answered', { answer: a.answer })}</Typography.Paragraph>
            )}
            {a.status === 'open' && canAnswer && <AnswerBox contestId={contestId} appeal={a} onDone={load} />}
          </div>
        </List.Item>
      )}
    />
  );
}
