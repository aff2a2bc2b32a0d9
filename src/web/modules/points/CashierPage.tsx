import { Card, List, Skeleton, Tag } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Counter, RedemptionPage } from '../../../common/points.merchants.js';
import { CashierForm } from './CashierForm.js';
import { counterApi } from './merchants.api.js';

/** /points/counter: the cashier's phone page — charge a member's points, and today's charges at this counter. */
export function CashierPage() {
  const { t } = useTranslation();
  const [counter, setCounter] = useState<Counter | null>(null);
  const [today, setToday] = useState<RedemptionPage | null>(null);
  const reload = useCallback(() => void counterApi.today().then(setToday), []);
  useEffect(() => {
    void counterApi.counter().then(setCounter);
    reload();
  }, [reload]);
  if (!counter) return <Skeleton active />;
  return (
    <div style={{ maxWidth: 480, margin: '0 auto' }}>
      <Card title={`${t('cashier.title')} · ${counter.merchantName}`} data-testid="cashier-page">
        <CashierForm counter={counter} onCharged={reload} />
      </Card>
      <Card
        title={t('cashier.today')}
        style={{ marginTop: 12 }}
        extra={
          today?.dayTotal && (
            <span data-testid="cashier-today-total">
              {t('cashier.todayTotal', { charges: today.dayTotal.charges, points: today.dayTotal.points })}
              {today.dayTotal.held > 0 && ` · ${t('cashier.todayHeld', { held: today.dayTotal.held })}`}
            </span>
          )
        }
      >
        <List
          dataSource={today?.items ?? []}
          data-testid="cashier-today"
          renderItem={(r) => (
            <List.Item>
              <span>
                {new Date(r.createdAt).toLocaleTimeString('zh-CN', { timeZone: 'Asia/Shanghai' })} {r.memberNameMasked} {r.itemName ?? ''}
              </span>
              <span>
                {r.points} <Tag>{t(`cashier.status.${r.status}`)}</Tag>
              </span>
            </List.Item>
          )}
        />
      </Card>
    </div>
  );
}
