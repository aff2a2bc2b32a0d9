import { Alert, Button, Descriptions, Empty, Space, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ContestDetail, ResultPreview, ResultSnapshot } from '../../../common/contests.js';
import { ApiError } from '../../app/api.js';
import { useNotify } from '../../app/notify.js';
import { AppealFormModal } from './AppealFormModal.js';
import { AppealsList } from './AppealsList.js';
import { useEntries } from './ContestEntriesTab.js';
import { contestsApi } from './contests.api.js';
import { ResultView } from './ResultView.js';
import { RulesPanel } from './RulesPanel.js';
import { TieList, tiesOf } from './TieList.js';
import { beijingDay, beijingMinute } from './time.js';

type Shown = { preview: ResultPreview } | { snapshot: ResultSnapshot } | { blocked: ApiError } | null;

/** 结果: compute (saying which rule ran), close the judging, freeze with a hash and put on notice, answer appeals, final. */
export function ContestResultsTab({ contest, canWrite, onChanged }: { contest: ContestDetail; canWrite: boolean; onChanged: () => void }) {
  const { t } = useTranslation();
  const notify = useNotify();
  const entries = useEntries(contest.id) ?? [];
  const [shown, setShown] = useState<Shown>(null);
  const [isFiling, setIsFiling] = useState(false);
  const [appealsVersion, setAppealsVersion] = useState(0);
  const isPublished = contest.status === 'notice' || contest.status === 'final';
  const show = (work: Promise<ResultPreview | ResultSnapshot>, changed = false) =>
    void work
      .then((r) => {
        setShown('id' in r ? { snapshot: r } : { preview: r });
        if (changed) onChanged();
      })
      .catch((error: unknown) => (error instanceof ApiError && error.status === 409 ? setShown({ blocked: error }) : notify.error(error)));
  useEffect(() => {
    if (contest.status === 'notice' || contest.status === 'final') show(contestsApi.result(contest.id));
    else if (contest.status === 'scored') show(contestsApi.preview(contest.id));
  }, [contest.id, contest.status]);
  if (contest.status === 'draft' || contest.status === 'open')
    return <Empty description={t('contests.results.notYet')} data-testid="result-not-yet" />;
  const result = shown && 'preview' in shown ? shown.preview.result : shown && 'snapshot' in shown ? shown.snapshot.result : null;
  return (
    <Space direction="vertical" style={{ width: '100%' }} data-testid="contest-results">
      <Space wrap>
        {contest.status === 'judging' && (
          <Button onClick={() => show(contestsApi.preview(contest.id))} data-testid="result-compute">
            {t('contests.results.compute')}
          </Button>
        )}
        {canWrite && contest.status === 'judging' && (
          <Button type="primary" onClick={() => show(contestsApi.closeJudging(contest.id), true)} data-testid="result-close">
            {t('contests.results.close')}
          </Button>
        )}
        {canWrite && contest.status === 'scored' && (
          <Button type="primary" onClick={() => show(contestsApi.publish(contest.id), true)} data-testid="result-freeze">
            {t('contests.results.freeze')}
          </Button>
        )}
        {canWrite && contest.status === 'notice' && (
          <Button type="primary" onClick={() => show(contestsApi.finalise(contest.id), true)} data-testid="result-final">
            {t('contests.results.final')}
          </Button>
        )}
        {canWrite && contest.status === 'notice' && (
          <Button onClick={() => setIsFiling(true)} data-testid="appeal-file">
            {t('contests.appeals.file')}
          </Button>
        )}
        {contest.status === 'final' && (
          <Button onClick={() => void contestsApi.certificates(contest.id).catch(notify.error)} data-testid="result-certificates">
            {t('contests.results.certificates')}
          </Button>
        )}
      </Space>
      {shown && 'blocked' in shown && (
        <Alert
          type="warning"
          showIcon
          data-testid="result-blocked"
          message={shown.blocked.message}
          description={
            shown.blocked.code === 'CONTEST_TIE_UNRESOLVED' ? (
              <TieList contest={contest} entries={entries} ties={tiesOf(shown.blocked)} />
            ) : (
              t('contests.results.blockedCount', { count: shown.blocked.details?.length ?? 0 })
            )
          }
        />
      )}
      {shown && 'preview' in shown && (
        <Alert
          type="info"
          message={t('contests.results.previewHash')}
          description={
            <Typography.Text code data-testid="result-hash">
              {shown.preview.sha256}
            </Typography.Text>
          }
        />
      )}
      {shown && 'snapshot' in shown && (
        <Descriptions bordered size="small" column={1} data-testid="result-snapshot">
          <Descriptions.Item label={t('contests.results.frozenHash')}>
            <Typography.Text code copyable data-testid="result-hash">
              {shown.snapshot.sha256}
            </Typography.Text>
          </Descriptions.Item>
          <Descriptions.Item label={t('contests.results.publishedAt')}>{beijingMinute(shown.snapshot.publishedAt)}</Descriptions.Item>
          <Descriptions.Item label={t('contests.results.noticeEndsLabel')}>
            <span data-testid="result-notice-ends">{beijingDay(shown.snapshot.noticeEndsAt)}</span>
            {contest.status === 'final' && <Typography.Text type="success"> · {t('contests.status.final')}</Typography.Text>}
          </Descriptions.Item>
        </Descriptions>
      )}
      {result && <ResultView contest={contest} result={result} entries={entries} />}
      {isPublished && (
        <AppealsList
          contestId={contest.id}
          entries={entries}
          canAnswer={canWrite && contest.status === 'notice'}
          version={appealsVersion}
        />
      )}
      {isFiling && (
        <AppealFormModal
          entries={entries}
          onClose={() => setIsFiling(false)}
          onDone={() => {
            setIsFiling(false);
            setAppealsVersion((n) => n + 1);
          }}
        />
      )}
      <RulesPanel />
    </Space>
  );
}
