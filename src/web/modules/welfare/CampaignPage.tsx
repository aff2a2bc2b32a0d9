import { Descriptions, Empty, Skeleton, Tabs, Tag, Typography } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams, useSearchParams } from 'react-router-dom';
import type { CampaignDetail } from '../../../common/welfare.js';
import { CloseCampaignButton } from './CloseCampaignButton.js';
import { HandoutsTab } from './HandoutsTab.js';
import { ReconciliationTab } from './ReconciliationTab.js';
import { StockTab } from './StockTab.js';
import { VouchersTab } from './VouchersTab.js';
import { welfareApi } from './welfare.api.js';

const tabKeys = ['stock', 'handouts', 'vouchers', 'reconciliation'] as const;
type TabKey = (typeof tabKeys)[number];

/** One campaign: its facts, then stock, hand-outs, vouchers and the reconciliation in tabs. */
export function CampaignPage() {
  const { t } = useTranslation();
  const id = Number(useParams().id);
  const [searchParams, setSearchParams] = useSearchParams();
  const tab: TabKey = tabKeys.find((k) => k === searchParams.get('tab')) ?? 'stock';
  const [campaign, setCampaign] = useState<CampaignDetail | null | undefined>(undefined);
  const [version, setVersion] = useState(0);
  const load = useCallback(() => {
    welfareApi
      .get(id)
      .then(setCampaign)
      .catch(() => setCampaign(null));
  }, [id]);
  useEffect(load, [load]);
  const changed = () => {
    load();
    setVersion((v) => v + 1);
  };
  if (campaign === undefined) return <Skeleton active />;
  if (campaign === null) return <Empty description={t('welfare.notFound')} />;
  return (
    <div data-testid="campaign-page">
      <div className="page-header">
        <Typography.Title level={3} data-testid="campaign-title">
          {campaign.name}
        </Typography.Title>
        <Tag color="cyan">{t(`welfare.kind.${campaign.kind}`)}</Tag>
        <CloseCampaignButton campaign={campaign} onClosed={changed} />
      </div>
      <Descriptions size="small" column={{ xs: 1, md: 3 }} data-testid="campaign-facts" style={{ marginBottom: 12 }}>
        <Descriptions.Item label={t('welfare.field.org')}>{campaign.orgName}</Descriptions.Item>
        <Descriptions.Item label={t('welfare.field.period')}>
          {campaign.startsOn} ~ {campaign.endsOn}
        </Descriptions.Item>
        <Descriptions.Item label={t('welfare.field.budget')}>{campaign.budgetYuan.toLocaleString('zh-CN')}</Descriptions.Item>
        {campaign.coOrganisers.length > 0 && (
          <Descriptions.Item label={t('welfare.field.coOrganisers')}>
            {campaign.coOrganisers.map((c) => c.orgName).join('、')}
          </Descriptions.Item>
        )}
        {campaign.voucherFrom && (
          <Descriptions.Item label={t('welfare.field.voucherPeriod')}>
            {campaign.voucherFrom} ~ {campaign.voucherTo}
          </Descriptions.Item>
        )}
      </Descriptions>
      <Tabs
        activeKey={tab}
        onChange={(key) => setSearchParams({ tab: key }, { replace: true })}
        destroyOnHidden
        items={[
          {
            key: 'stock',
            label: <span data-testid="tab-stock">{t('welfare.tab.stock')}</span>,
            children: <StockTab campaign={campaign} onChanged={changed} />,
          },
          {
            key: 'handouts',
            label: <span data-testid="tab-handouts">{t('welfare.tab.handouts')}</span>,
            children: <HandoutsTab campaign={campaign} version={version} onChanged={changed} />,
          },
          {
            key: 'vouchers',
            label: <span data-testid="tab-vouchers">{t('welfare.tab.vouchers')}</span>,
            children: <VouchersTab campaign={campaign} version={version} />,
          },
          {
            key: 'reconciliation',
            label: <span data-testid="tab-reconciliation">{t('welfare.tab.reconciliation')}</span>,
            children: <ReconciliationTab campaign={campaign} version={version} />,
          },
        ]}
      />
    </div>
  );
}
