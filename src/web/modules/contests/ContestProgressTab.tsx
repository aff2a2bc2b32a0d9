import { List, Progress, Space, Typography, type TableColumnsType } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Amendment, ContestDetail } from '../../../common/contests.js';
import { CardTable } from '../../app/CardTable.js';
import { useNotify } from '../../app/notify.js';
import { useEntries } from './ContestEntriesTab.js';
import { contestsApi } from './contests.api.js';
import { beijingMinute } from './time.js';
import { usePanels } from './useContestData.js';

type Row = { judgeId: number; name: string; assigned: number; submitted: number; drafts: number };

/** 评分进度: sheets submitted per judge, the missing ones by judge and entry, and the amendments trail. */
export function ContestProgressTab({ contest }: { contest: ContestDetail }) {
  const { t } = useTranslation();
  const notify = useNotify();
  const { judges, assignments } = usePanels(contest.id);
  const entries = useEntries(contest.id);
  const [amendments, setAmendments] = useState<Amendment[]>([]);
  useEffect(
    () =>
      void contestsApi
        .amendments(contest.id)
        .then((r) => setAmendments(r.items))
        .catch(notify.error),
    [contest.id, notify],
  );
  const items = assignments?.items ?? [];
  const judgeName = new Map((judges ?? []).map((j) => [j.id, j.displayName]));
  const title = new Map((entries ?? []).map((e) => [e.id, e.title]));
  const rows: Row[] = (judges ?? []).map((j) => {
    const mine = items.filter((a) => a.judgeId === j.id);
    return {
      judgeId: j.id,
      name: j.displayName,
      assigned: mine.length,
      submitted: mine.filter((a) => a.sheetStatus === 'submitted').length,
      drafts: mine.filter((a) => a.sheetStatus === 'draft').length,
    };
  });
  const missing = items.filter((a) => a.sheetStatus !== 'submitted');
  const submitted = items.length - missing.length;
  const columns: TableColumnsType<Row> = [
    { title: t('contests.judges.displayName'), dataIndex: 'name' },
    { title: t('contests.progress.assigned'), dataIndex: 'assigned', width: 90, align: 'right' },
    {
      title: t('contests.progress.submitted'),
      dataIndex: 'submitted',
      width: 90,
      align: 'right',
      render: (n: number, r: Row) => <span data-testid={`progress-submitted-${r.judgeId}`}>{n}</span>,
    },
    { title: t('contests.progress.drafts'), dataIndex: 'drafts', width: 90, align: 'right' },
    {
      title: t('contests.progress.share'),
      key: 'share',
      width: 160,
      render: (_: unknown, r: Row) => <Progress percent={r.assigned ? Math.round((100 * r.submitted) / r.assigned) : 0} size="small" />,
    },
  ];
  return (
    <Space direction="vertical" style={{ width: '100%' }} data-testid="contest-progress">
      <Typography.Text data-testid="progress-total">{t('contests.progress.total', { submitted, total: items.length })}</Typography.Text>
      <CardTable
        title={t('contests.progress.byJudge')}
        columns={columns}
        rows={rows}
        rowKey="judgeId"
        scrollX={600}
        testId="progress-judges"
      />
      <List
        header={t('contests.progress.missing', { count: missing.length })}
        bordered
        size="small"
        data-testid="progress-missing"
        dataSource={missing.slice(0, 200)}
        renderItem={(a) => (
          <List.Item>
            {judgeName.get(a.judgeId) ?? `#${a.judgeId}`} · {title.get(a.entryId) ?? `#${a.entryId}`} ·{' '}
            {t(a.sheetStatus === 'draft' ? 'contests.sheetStatus.draft' : 'contests.progress.notStarted')}
          </List.Item>
        )}
      />
      <List
        header={t('contests.sheet.amendments')}
        bordered
        size="small"
        data-testid="progress-amendments"
        dataSource={amendments}
        renderItem={(m) => (
          <List.Item>
            {beijingMinute(m.at)} · {judgeName.get(m.judgeId)} · {title.get(m.entryId)} · {m.oldScore} → {m.newScore} · {m.reason}
          </List.Item>
        )}
      />
    </Space>
  );
}
