import { Button, Card, Empty, List, Skeleton, Space, Tag, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import type { MyContests } from '../../../common/contests.js';
import { useNotify } from '../../app/notify.js';
import { ChiefDecisionModal } from './ChiefDecisionModal.js';
import { judgingApi } from './contests.api.js';

/** /judging: the judge's phone page — my contests, and in each my assigned entries, those to do first. */
export function JudgingPage() {
  const { t } = useTranslation();
  const notify = useNotify();
  const [mine, setMine] = useState<MyContests | null>(null);
  const [deciding, setDeciding] = useState<MyContests['items'][number] | null>(null);
  useEffect(() => void judgingApi.mine().then(setMine).catch(notify.error), [notify]);
  if (!mine) return <Skeleton active />;
  if (mine.items.length === 0) return <Empty description={t('contests.judging.none')} data-testid="judge-contests-empty" />;
  return (
    <div style={{ maxWidth: 640, margin: '0 auto' }} data-testid="judge-contests">
      <Typography.Title level={4}>{t('contests.judging.title')}</Typography.Title>
      {mine.items.map((c) => {
        const done = c.assignments.filter((a) => a.sheetStatus === 'submitted').length;
        const ordered = [...c.assignments].sort((a, b) => Number(a.sheetStatus === 'submitted') - Number(b.sheetStatus === 'submitted'));
        return (
          <Card
            key={c.contestId}
            size="small"
            style={{ marginBottom: 12 }}
            title={c.name}
            extra={
              <span data-testid={`judge-progress-${c.contestId}`}>
                {t('contests.judging.progress', { done, total: c.assignments.length })}
                {c.isChief && <Tag style={{ marginLeft: 6 }}>{t('contests.judges.chief')}</Tag>}
              </span>
            }
          >
            <Space wrap>
              <Typography.Text type="secondary">{t(`contests.status.${c.status}`)}</Typography.Text>
              {c.isChief && (c.status === 'judging' || c.status === 'scored') && (
                <Button size="small" onClick={() => setDeciding(c)} data-testid={`chief-decision-${c.contestId}`}>
                  {t('contests.ties.decide')}
                </Button>
              )}
            </Space>
            <List
              dataSource={ordered}
              data-testid="judge-entries"
              renderItem={(a) => (
                <List.Item data-testid={`judge-entry-${a.assignmentId}`}>
                  <Link to={`/judging/sheets/${a.assignmentId}`} style={{ flex: 1 }}>
                    {a.title}
                  </Link>
                  <Tag color={a.sheetStatus === 'submitted' ? 'green' : a.sheetStatus === 'draft' ? 'orange' : 'default'}>
                    {t(a.sheetStatus === 'submitted' ? 'contests.judging.done' : 'contests.judging.todo')}
                  </Tag>
                </List.Item>
              )}
            />
          </Card>
        );
      })}
      {deciding && <ChiefDecisionModal contest={deciding} onClose={() => setDeciding(null)} />}
    </div>
  );
}
