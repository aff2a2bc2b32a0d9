import { Button, Empty, Skeleton, Space, Tabs, Tag, Typography } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router-dom';
import type { ContestDetail } from '../../../common/contests.js';
import { useAuth } from '../../app/auth.js';
import { useNotify } from '../../app/notify.js';
import { ContestEntriesTab } from './ContestEntriesTab.js';
import { ContestFormModal } from './ContestFormModal.js';
import { ContestJudgesTab } from './ContestJudgesTab.js';
import { ContestProgressTab } from './ContestProgressTab.js';
import { ContestResultsTab } from './ContestResultsTab.js';
import { ContestRollupTab } from './ContestRollupTab.js';
import { contestsApi } from './contests.api.js';
import { ContestSettingsTab } from './ContestSettingsTab.js';
import { statusColor } from './ContestsPage.js';

/** 竞赛详情: rules, entries, judges and panels, scoring progress, results (notice, appeals, final) and the roll-up. */
export function ContestPage() {
  const { t } = useTranslation();
  const notify = useNotify();
  const { can } = useAuth();
  const id = Number(useParams().id);
  const [contest, setContest] = useState<ContestDetail | null | undefined>(undefined);
  const [isEditing, setEditing] = useState(false);
  const [version, setVersion] = useState(0);
  const load = useCallback(() => {
    contestsApi
      .get(id)
      .then(setContest)
      .catch(() => setContest(null));
  }, [id]);
  useEffect(load, [load, version]);
  if (contest === undefined) return <Skeleton active />;
  if (contest === null) return <Empty description={t('contests.notFound')} />;
  const canWrite = can('contest.write');
  const changed = () => setVersion((n) => n + 1);
  const step = (work: () => Promise<unknown>, done: string) =>
    void work()
      .then(() => {
        notify.success(done);
        changed();
      })
      .catch(notify.error);
  const tab = (key: string, children: React.ReactNode) => ({
    key,
    label: <span data-testid={`contest-tab-${key}`}>{t(`contests.tab.${key}` as 'contests.tab.settings')}</span>,
    children,
  });
  return (
    <div data-testid="contest-page">
      <div className="page-header">
        <Typography.Title level={3}>
          {contest.name} · {contest.orgName}
        </Typography.Title>
        <Tag color={statusColor[contest.status]} data-testid="contest-status">
          {t(`contests.status.${contest.status}`)}
        </Tag>
        {canWrite && (
          <Space className="page-actions">
            {contest.status === 'draft' && (
              <>
                <Button onClick={() => setEditing(true)} data-testid="contest-edit">
                  {t('contests.edit')}
                </Button>
                <Button
                  type="primary"
                  onClick={() => step(() => contestsApi.open(contest.id), t('contests.opened'))}
                  data-testid="contest-open"
                >
                  {t('contests.actions.open')}
                </Button>
              </>
            )}
            {contest.status === 'open' && (
              <Button
                type="primary"
                onClick={() => step(() => contestsApi.startJudging(contest.id), t('contests.judgingStarted'))}
                data-testid="contest-start-judging"
              >
                {t('contests.actions.startJudging')}
              </Button>
            )}
          </Space>
        )}
      </div>
      <Tabs
        items={[
          tab('settings', <ContestSettingsTab contest={contest} />),
          tab('entries', <ContestEntriesTab contest={contest} canWrite={canWrite} onChanged={changed} />),
          tab('judges', <ContestJudgesTab contest={contest} canWrite={canWrite} onChanged={changed} />),
          tab('progress', <ContestProgressTab key={version} contest={contest} />),
          tab('results', <ContestResultsTab contest={contest} canWrite={canWrite} onChanged={changed} />),
          tab('rollup', <ContestRollupTab contest={contest} />),
        ]}
      />
      {isEditing && (
        <ContestFormModal
          orgId={contest.orgId}
          contest={contest}
          onClose={() => setEditing(false)}
          onDone={() => {
            setEditing(false);
            changed();
          }}
        />
      )}
    </div>
  );
}
