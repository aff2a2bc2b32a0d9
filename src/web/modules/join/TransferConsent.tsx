import { Alert, Button, Input, Space, Tag } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PortalTransfer } from '../../../common/portal.js';
import { formatDateTime } from '../../app/format.js';
import { errorText } from '../../app/notify.js';
import { memberApi } from './public.api.js';

/**
 * A transfer asked for this member: they consent with a fresh code sent to their phone, or decline. The move happens
 * once the releasing union has confirmed too.
 */
export function TransferConsent({ transfer, onChanged }: { transfer: PortalTransfer; onChanged: (t: PortalTransfer) => void }) {
  const { t } = useTranslation();
  const [challengeId, setChallengeId] = useState<string | null>(null);
  const [code, setCode] = useState('');
  const [failure, setFailure] = useState<string | null>(null);
  const [isBusy, setBusy] = useState(false);
  const run = async (action: () => Promise<void>) => {
    setBusy(true);
    setFailure(null);
    try {
      await action();
    } catch (error) {
      setFailure(errorText(error, t('app.networkError')));
    } finally {
      setBusy(false);
    }
  };
  const isOpen = transfer.status === 'pending' && transfer.consent === null;
  return (
    <div className="public-card" data-testid="member-transfer" data-status={transfer.status}>
      <div className="status-head">
        <span>{t('memberPage.transferTo', { from: transfer.fromOrgName, to: transfer.toOrgName })}</span>
        <Tag color={transfer.status === 'confirmed' ? 'green' : transfer.status === 'pending' ? 'blue' : 'default'}>
          {transfer.status === 'pending' && transfer.consent
            ? t('memberPage.consented')
            : t(`memberPage.transferStatus.${transfer.status}`)}
        </Tag>
      </div>
      <div className="public-note">{formatDateTime(transfer.requestedAt)}</div>
      {isOpen && challengeId === null && (
        <Space style={{ marginTop: 12 }}>
          <Button
            type="primary"
            loading={isBusy}
            onClick={() => void run(async () => setChallengeId((await memberApi.consentCode(transfer.id)).challengeId))}
            data-testid="transfer-consent"
          >
            {t('memberPage.consent')}
          </Button>
          <Button
            danger
            loading={isBusy}
            onClick={() => void run(async () => onChanged(await memberApi.decline(transfer.id)))}
            data-testid="transfer-decline"
          >
            {t('memberPage.decline')}
          </Button>
        </Space>
      )}
      {isOpen && challengeId !== null && (
        <div style={{ marginTop: 12 }}>
          <Alert type="info" showIcon message={t('memberPage.consentCodeSent')} style={{ marginBottom: 8 }} />
          <Input
            value={code}
            onChange={(e) => setCode(e.target.value.replace(/\D/g, '').slice(0, 6))}
            inputMode="numeric"
            autoComplete="one-time-code"
            maxLength={6}
            className="mono-input"
            placeholder={t('memberPage.code')}
            data-testid="consent-code"
          />
          <Button
            type="primary"
            block
            loading={isBusy}
            className="public-submit"
            onClick={() => void run(async () => onChanged(await memberApi.consent(transfer.id, challengeId, code)))}
            data-testid="consent-submit"
          >
            {t('memberPage.confirmConsent')}
          </Button>
        </div>
      )}
      {failure && <Alert type="error" showIcon message={failure} style={{ marginTop: 8 }} />}
    </div>
  );
}
