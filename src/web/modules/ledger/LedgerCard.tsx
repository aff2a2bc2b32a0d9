import { Card, Empty, List, Skeleton, Space, Tag, Typography } from 'antd';
import { useEffect, useState, type CSSProperties } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import type { LedgerEntry, LedgerRollup } from '../../../common/ledger.js';
import { formatCount } from '../../app/format.js';
import { useNotify } from '../../app/notify.js';
import { ledgerApi } from './ledger.api.js';
import { periodOf } from './ledgerColumns.js';

const LATEST = 5;

/** 工作台账 on the 工作台 and the dashboard: this year's activities by kind in the node's subtree, and the latest entries. */
export function LedgerCard({ orgId, style }: { orgId: number; style?: CSSProperties }) {
  const { t } = useTranslation();
  const notify = useNotify();
  const year = new Date().getFullYear();
  const [rollup, setRollup] = useState<LedgerRollup | null>(null);
  const [latest, setLatest] = useState<LedgerEntry[] | null>(null);
  useEffect(() => {
    let isCurrent = true;
    setRollup(null);
    setLatest(null);
    Promise.all([ledgerApi.rollup(orgId, year), ledgerApi.entries(orgId, { year, reach: 'subtree' }, undefined, LATEST)])
      .then(([r, page]) => {
        if (!isCurrent) return;
        setRollup(r);
        setLatest(page.items);
      })
      .catch(notify.error);
    return () => {
      isCurrent = false;
    };
  }, [orgId, year, notify]);
  return (
    <Card
      size="small"
      title={t('ledger.card.title', { year })}
      extra={
        <Link to={`/ledger?org=${orgId}`} data-testid="ledger-card-open">
          {t('ledger.card.open')}
        </Link>
      }
      style={style}
      data-testid="ledger-card"
    >
      {!rollup || !latest ? (
        <Skeleton active />
      ) : rollup.activities === 0 ? (
        <Empty description={t('ledger.card.none')} />
      ) : (
        <>
          <Space wrap size={[4, 8]} data-testid="ledger-card-kinds">
            {rollup.byKind.map((k) => (
              <Tag key={k.kind} color="red">
                {t(`ledger.kinds.${k.kind}`)} {formatCount(k.activities)}
              </Tag>
            ))}
          </Space>
          <Typography.Title level={5} style={{ marginTop: 12 }}>
            {t('ledger.card.latest')}
          </Typography.Title>
          <List
            size="small"
            dataSource={latest}
            renderItem={(entry) => (
              <List.Item data-testid="ledger-card-entry">
                <List.Item.Meta
                  title={entry.title}
                  description={`${periodOf(entry)} · ${t(`ledger.kinds.${entry.kind}`)} · ${entry.orgName}`}
                />
              </List.Item>
            )}
          />
        </>
      )}
    </Card>
  );
}
