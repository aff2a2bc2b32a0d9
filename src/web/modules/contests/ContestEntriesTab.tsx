import { PlusOutlined } from '@ant-design/icons';
import { Button, Popconfirm, Space, type TableColumnsType } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ContestDetail, Entry } from '../../../common/contests.js';
import { CardTable } from '../../app/CardTable.js';
import { useNotify } from '../../app/notify.js';
import { contestsApi } from './contests.api.js';
import { EntryFormModal } from './EntryFormModal.js';

/** Entries of a contest, loaded once per change (the judges and progress tabs name entries by their title). */
export function useEntries(contestId: number, version = 0): Entry[] | null {
  const notify = useNotify();
  const [entries, setEntries] = useState<Entry[] | null>(null);
  useEffect(
    () =>
      void contestsApi
        .entries(contestId)
        .then((r) => setEntries(r.items))
        .catch(notify.error),
    [contestId, version, notify],
  );
  return entries;
}

/** 参赛作品: unit, title, performers and attachments; added and removed while the contest takes entries. */
export function ContestEntriesTab({ contest, canWrite, onChanged }: { contest: ContestDetail; canWrite: boolean; onChanged: () => void }) {
  const { t } = useTranslation();
  const notify = useNotify();
  const [version, setVersion] = useState(0);
  const [isAdding, setAdding] = useState(false);
  const entries = useEntries(contest.id, version);
  const changed = useCallback(() => {
    setVersion((n) => n + 1);
    onChanged();
  }, [onChanged]);
  const isEditable = canWrite && (contest.status === 'draft' || contest.status === 'open');
  const columns: TableColumnsType<Entry> = [
    { title: t('contests.entries.unit'), dataIndex: 'orgName', width: 200 },
    { title: t('contests.entries.title'), dataIndex: 'title', width: 200 },
    {
      title: t('contests.entries.performers'),
      key: 'performers',
      render: (_: unknown, e: Entry) => e.performers.map((p) => p.name).join('、'),
    },
    {
      title: t('contests.entries.attachments'),
      key: 'attachments',
      width: 160,
      render: (_: unknown, e: Entry) => (
        <Space direction="vertical" size={0}>
          {e.attachments.map((url, i) => (
            <a key={url} href={url} target="_blank" rel="noreferrer">
              {t('contests.entries.attachment', { n: i + 1 })}
            </a>
          ))}
        </Space>
      ),
    },
    ...(isEditable
      ? [
          {
            key: 'remove',
            width: 80,
            render: (_: unknown, e: Entry) => (
              <Popconfirm
                title={t('contests.entries.removeConfirm')}
                onConfirm={() => void contestsApi.removeEntry(contest.id, e.id).then(changed).catch(notify.error)}
              >
                <Button size="small" danger data-testid={`entry-remove-${e.id}`}>
                  {t('contests.entries.remove')}
                </Button>
              </Popconfirm>
            ),
          },
        ]
      : []),
  ];
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      {isEditable && (
        <Button type="primary" icon={<PlusOutlined />} onClick={() => setAdding(true)} data-testid="entry-add">
          {t('contests.entries.add')}
        </Button>
      )}
      <CardTable
        title={t('contests.entries.count', { count: entries?.length ?? contest.entries })}
        columns={columns}
        rows={entries ?? []}
        rowKey="id"
        scrollX={800}
        testId="contest-entries"
        emptyText={t('contests.entries.empty')}
      />
      {isAdding && (
        <EntryFormModal
          contestId={contest.id}
          onClose={() => setAdding(false)}
          onDone={() => {
            setAdding(false);
            changed();
          }}
        />
      )}
    </Space>
  );
}
