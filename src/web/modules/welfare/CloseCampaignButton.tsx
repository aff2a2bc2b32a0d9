import { Button, Popconfirm, Tag } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CampaignDetail } from '../../../common/welfare.js';
import { useAuth } from '../../app/auth.js';
import { useNotify } from '../../app/notify.js';
import { welfareApi } from './welfare.api.js';

/**
 * 结束活动: a cadre who may write closes the campaign once its hand-outs are over (confirmed first); a closed campaign
 * shows that it is closed and takes no more hand-outs.
 */
export function CloseCampaignButton({ campaign, onClosed }: { campaign: CampaignDetail; onClosed: () => void }) {
  const { t } = useTranslation();
  const { can } = useAuth();
  const notify = useNotify();
  const [isSending, setSending] = useState(false);
  if (campaign.closedAt)
    return (
      <Tag color="default" data-testid="campaign-closed">
        {t('welfare.closed')}
      </Tag>
    );
  if (!can('welfare.write')) return null;
  const close = async () => {
    setSending(true);
    try {
      await welfareApi.close(campaign.id);
      notify.success(t('welfare.closeDone'));
      onClosed();
    } catch (error) {
      notify.error(error);
    } finally {
      setSending(false);
    }
  };
  return (
    <Popconfirm title={t('welfare.closeConfirm')} okText={t('common.ok')} cancelText={t('common.cancel')} onConfirm={() => void close()}>
      <Button loading={isSending} data-testid="campaign-close">
        {t('welfare.close')}
      </Button>
    </Popconfirm>
  );
}
