import { Alert, Button, Space, Tag, Typography, type TableColumnsType } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ContestDetail, CreatedJudge, Judge } from '../../../common/contests.js';
import { CardTable } from '../../app/CardTable.js';
import { useNotify } from '../../app/notify.js';
import { ConflictModal } from './ConflictModal.js';
import { ConflictsList } from './ConflictsList.js';
import { DesignModal } from './DesignModal.js';
import { useEntries } from './ContestEntriesTab.js';
import { contestsApi } from './contests.api.js';
import { JudgeCreatedModal, JudgeFormModal } from './JudgeFormModal.js';
import { usePanels } from './useContestData.js';

type Row = Judge & { load: number; titles: string[] };

/** 评委: judge accounts (first password shown once), the chief judge, declared conflicts, balanced assignment and its table. */
export function ContestJudgesTab({ contest, canWrite, onChanged }: { contest: ContestDetail; canWrite: boolean; onChanged: () => void }) {
  const { t } = useTranslation();
  const notify = useNotify();
  const [version, setVersion] = useState(0);
  const [dialog, setDialog] = useState<'judge' | 'conflict' | 'design' | null>(null);
  const [created, setCreated] = useState<CreatedJudge | null>(null);
  const { judges, assignments } = usePanels(contest.id, version);
  const entries = useEntries(contest.id, version);
  const changed = () => {
    setVersion((n) => n + 1);
    onChanged();
  };
  const title = new Map((entries ?? []).map((e) => [e.id, e.title]));
  const rows: Row[] = (judges ?? []).map((j) => {
    const mine = (assignments?.items ?? []).filter((a) => a.judgeId === j.id);
    return { ...j, load: mine.length, titles: mine.map((a) => title.get(a.entryId) ?? `#${a.entryId}`) };
  });
  const isSetUp = contest.status === 'draft' || contest.status === 'open';
  const columns: TableColumnsType<Row> = [
    {
      title: t('contests.judges.displayName'),
      dataIndex: 'displayName',
      width: 120,
      render: (s: string, j: Row) => (
        <>
          {s}
          {j.isChief && (
            <Tag color="gold" style={{ marginLeft: 6 }}>
              {t('contests.judges.chief')}
            </Tag>
          )}
        </>
      ),
    },
    { title: t('contests.judges.username'), dataIndex: 'username', width: 120 },
    { title: t('contests.judges.unit'), dataIndex: 'orgName', width: 180 },
    {
      title: t('contests.judges.load'),
      dataIndex: 'load',
      width: 80,
      align: 'right',
      render: (n: number, j: Row) => <span data-testid={`judge-load-${j.id}`}>{n}</span>,
    },
    {
      title: t('contests.judges.assigned'),
      key: 'titles',
      render: (_: unknown, j: Row) => <Typography.Text type="secondary">{j.titles.join('、')}</Typography.Text>,
    },
  ];
  const assign = () =>
    void contestsApi
      .assign(contest.id)
      .then(() => {
        notify.success(t('contests.judges.assignedDone'));
        changed();
      })
      .catch(notify.error);
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      {canWrite && isSetUp && (
        <Space wrap>
          <Button type="primary" onClick={() => setDialog('judge')} data-testid="judge-add">
            {t('contests.judges.add')}
          </Button>
          <Button onClick={() => setDialog('conflict')} data-testid="conflict-add">
            {t('contests.judges.declareConflict')}
          </Button>
          <Button onClick={assign} data-testid="judges-assign">
            {t('contests.judges.assign')}
          </Button>
          {contest.normalisation === 'robust-z' && (
            <Button onClick={() => setDialog('design')} data-testid="design-declare">
              {t('contests.design.declare')}
            </Button>
          )}
        </Space>
      )}
      <Alert type="info" showIcon message={t('contests.judges.conflictRule')} />
      {contest.normalisation === 'robust-z' && (
        <Alert
          type={contest.balancedDesign === null ? 'warning' : 'success'}
          showIcon
          data-testid="design-state"
          message={
            contest.balancedDesign === null ? t('contests.design.none') : t('contests.design.declared', { design: contest.balancedDesign })
          }
        />
      )}
      <CardTable
        title={t('contests.judges.table', { judges: rows.length, assignments: assignments?.items.length ?? 0 })}
        columns={columns}
        rows={rows}
        rowKey="id"
        scrollX={900}
        testId="contest-judges"
        emptyText={t('contests.judges.empty')}
      />
      <ConflictsList contestId={contest.id} version={version} />
      {dialog === 'judge' && (
        <JudgeFormModal
          contestId={contest.id}
          onClose={() => setDialog(null)}
          onDone={(j) => {
            setDialog(null);
            setCreated(j);
            changed();
          }}
        />
      )}
      {dialog === 'conflict' && (
        <ConflictModal
          contestId={contest.id}
          judges={judges ?? []}
          entries={entries ?? []}
          onClose={() => setDialog(null)}
          onDone={() => {
            setDialog(null);
            setVersion((n) => n + 1);
          }}
        />
      )}
      {dialog === 'design' && (
        <DesignModal
          contest={contest}
          onClose={() => setDialog(null)}
          onDone={() => {
            setDialog(null);
            changed();
          }}
        />
      )}
      <JudgeCreatedModal judge={created} onClose={() => setCreated(null)} />
    </Space>
  );
}
