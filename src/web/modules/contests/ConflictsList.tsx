import { List, Typography, type TableColumnsType } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Conflicts } from '../../../common/contests.js';
import { CardTable } from '../../app/CardTable.js';
import { useNotify } from '../../app/notify.js';
import { contestsApi } from './contests.api.js';
import { beijingMinute } from './time.js';

type Declared = Conflicts['declared'][number];

/**
 * 回避: the conflicts declared (judge, unit, entry, reason, who recorded it, when) and, in words, those the tree makes
 * by itself (a judge never scores an entry of their own unit, a unit below it or above it). Reloaded when `version` moves.
 */
export function ConflictsList({ contestId, version }: { contestId: number; version: number }) {
  const { t } = useTranslation();
  const notify = useNotify();
  const [conflicts, setConflicts] = useState<Conflicts | null>(null);
  useEffect(() => {
    contestsApi.conflicts(contestId).then(setConflicts).catch(notify.error);
  }, [contestId, version, notify]);
  const columns: TableColumnsType<Declared> = [
    { title: t('contests.judges.judge'), dataIndex: 'judgeName', width: 110 },
    { title: t('contests.judges.unit'), dataIndex: 'judgeUnit', width: 160 },
    {
      title: t('contests.entries.title'),
      key: 'entry',
      width: 200,
      render: (_: unknown, d: Declared) => `${d.entryTitle} · ${d.entryUnit}`,
    },
    { title: t('contests.judges.conflictReason'), dataIndex: 'reason' },
    { title: t('contests.conflicts.by'), dataIndex: 'declaredBy', width: 110, render: (by: string | null) => by ?? '—' },
    { title: t('contests.conflicts.at'), dataIndex: 'declaredAt', width: 150, render: (at: string) => beijingMinute(at) },
  ];
  return (
    <>
      <CardTable
        title={t('contests.conflicts.declared', { count: conflicts?.declared.length ?? 0 })}
        columns={columns}
        rows={conflicts?.declared ?? []}
        rowKey={(d) => `${d.judgeId}-${d.entryId}`}
        scrollX={900}
        testId="conflicts-declared"
        emptyText={t('contests.conflicts.noneDeclared')}
      />
      <List
        size="small"
        bordered
        header={t('contests.conflicts.automatic', { count: conflicts?.automatic.length ?? 0 })}
        locale={{ emptyText: t('contests.conflicts.noneAutomatic') }}
        dataSource={conflicts?.automatic ?? []}
        data-testid="conflicts-automatic"
        renderItem={(a) => (
          <List.Item data-testid={`conflict-auto-${a.judgeId}-${a.entryId}`}>
            <Typography.Text>
              {t(`contests.conflicts.relation.${a.relation}`, {
                judge: a.judgeName,
                judgeUnit: a.judgeUnit,
                entry: a.entryTitle,
                entryUnit: a.entryUnit,
              })}
            </Typography.Text>
          </List.Item>
        )}
      />
    </>
  );
}
