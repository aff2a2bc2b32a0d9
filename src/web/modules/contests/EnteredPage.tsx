import { Button, Empty, Skeleton, Space, Tag, Typography, type TableColumnsType } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router-dom';
import type { EnteredEntry } from '../../../common/contests.entered.js';
import { useAuth } from '../../app/auth.js';
import { ListPage, useList } from '../../app/ListPage.js';
import { useOrgTree } from '../orgs/treeStore.js';
import { AppealFormModal } from './AppealFormModal.js';
import { statusColor } from './ContestsPage.js';
import { contestsApi } from './contests.api.js';
import { beijingDay } from './time.js';

/** During the notice and before its end: the entry's unit may still appeal. */
export const isAppealable = (e: EnteredEntry, now = Date.now()): boolean =>
  e.contest.status === 'notice' && e.contest.noticeEndsAt !== null && Date.parse(e.contest.noticeEndsAt) > now;

function useEnteredColumns(canAppeal: boolean, onAppeal: (e: EnteredEntry) => void): TableColumnsType<EnteredEntry> {
  const { t } = useTranslation();
  return [
    {
      title: t('contests.entered.entry'),
      key: 'entry',
      render: (_: unknown, e) => (
        <Space direction="vertical" size={0}>
          <Typography.Text strong>{e.title}</Typography.Text>
          <Typography.Text type="secondary">{e.orgName}</Typography.Text>
        </Space>
      ),
    },
    {
      title: t('contests.entered.contest'),
      key: 'contest',
      render: (_: unknown, e) => (
        <Space direction="vertical" size={0}>
          <Typography.Text>{e.contest.name}</Typography.Text>
          <Typography.Text type="secondary">{t('contests.entered.organiser', { name: e.contest.organiserName })}</Typography.Text>
        </Space>
      ),
    },
    {
      title: t('contests.entered.status'),
      key: 'status',
      width: 200,
      render: (_: unknown, e) => (
        <Space direction="vertical" size={0} data-testid={`entered-status-${e.id}`}>
          <Tag color={statusColor[e.contest.status]}>{t(`contests.status.${e.contest.status}`)}</Tag>
          {e.contest.status === 'notice' && e.contest.noticeEndsAt !== null && (
            <Typography.Text type="secondary">
              {isAppealable(e)
                ? t('contests.entered.noticeUntil', { date: beijingDay(e.contest.noticeEndsAt) })
                : t('contests.entered.noticeOver')}
            </Typography.Text>
          )}
        </Space>
      ),
    },
    {
      title: t('contests.entered.result'),
      key: 'result',
      width: 220,
      render: (_: unknown, e) =>
        e.result === null ? (
          <Typography.Text type="secondary">{t('contests.entered.notPublished')}</Typography.Text>
        ) : (
          <Space wrap size={4} data-testid={`entered-result-${e.id}`}>
            <Typography.Text>{t('contests.entered.place', { rank: e.result.rank, total: e.result.total })}</Typography.Text>
            {e.result.awards.map((a) => (
              <Tag key={a} color="gold">
                {a}
              </Tag>
            ))}
            {e.result.isShowcase && <Tag color="blue">{t('contests.entered.showcase')}</Tag>}
          </Space>
        ),
    },
    {
      title: t('contests.entered.appeals'),
      key: 'appeals',
      width: 280,
      render: (_: unknown, e) =>
        e.appeals.length === 0 ? (
          <Typography.Text type="secondary">{t('contests.entered.noAppeals')}</Typography.Text>
        ) : (
          <Space direction="vertical" size={4} data-testid={`entered-appeals-${e.id}`}>
            {e.appeals.map((a) => (
              <div key={a.id}>
                <Tag color={a.status === 'open' ? 'orange' : 'green'}>{t(`contests.appeals.status.${a.status}`)}</Tag>
                <Typography.Text>{a.text}</Typography.Text>
                {a.answer !== null && (
                  <Typography.Paragraph type="secondary" style={{ marginBottom: 0 }}>
                    {t('contests.entered.answer', { answer: a.answer })}
                  </Typography.Paragraph>
                )}
              </div>
            ))}
          </Space>
        ),
    },
    {
      title: t('contests.entered.actions'),
      key: 'actions',
      width: 120,
      render: (_: unknown, e) =>
        canAppeal &&
        isAppealable(e) && (
          <Button size="small" onClick={() => onAppeal(e)} data-testid={`entered-appeal-${e.id}`}>
            {t('contests.appeals.file')}
          </Button>
        ),
    },
  ];
}

/** 本单位参赛: the entries of the org's units in contests organised here or above, their results, and their appeals. */
export function EnteredPage() {
  const { t } = useTranslation();
  const { can } = useAuth();
  const { roots } = useOrgTree();
  const [searchParams] = useSearchParams();
  const orgId = Number(searchParams.get('org')) || roots?.[0]?.id;
  const [appealing, setAppealing] = useState<EnteredEntry | null>(null);
  const list = useList(
    (_filter: Record<string, never>, cursor) =>
      orgId ? contestsApi.entered(orgId, cursor, 50) : Promise.resolve({ items: [], nextCursor: null }),
    { initial: {}, scope: orgId ?? '' },
  );
  const columns = useEnteredColumns(can('contest.write'), setAppealing);
  if (!orgId) return roots === undefined ? <Skeleton active /> : <Empty />;
  return (
    <ListPage
      list={list}
      columns={columns}
      testId="entered"
      containerTestId="entered-page"
      title={t('contests.entered.title')}
      intro={t('contests.entered.intro')}
      emptyText={t('contests.entered.empty')}
      scrollX={1200}
    >
      {appealing && (
        <AppealFormModal
          entries={[appealing]}
          onClose={() => setAppealing(null)}
          onDone={() => {
            setAppealing(null);
            list.pages.reload();
          }}
        />
      )}
    </ListPage>
  );
}
