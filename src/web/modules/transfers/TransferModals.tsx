import { Alert, Form, Input, Modal, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { parseIdNumber } from '../../../common/identity.js';
import { MEMBER_LIMITS } from '../../../common/members.js';
import type { Transfer } from '../../../common/transfers.js';
import { coveringKinds, type OrgWithAncestors } from '../../../common/orgs.js';
import { errorText } from '../../app/notify.js';
import { buttonTestId } from '../../app/testId.js';
import { idNumberRule } from '../members/identityRules.js';
import { OrgSearch } from '../orgs/OrgSearch.js';
import { transfersApi } from './transfers.api.js';

type Picked = { id: number; name: string } | null;

/** 发起转入: the receiving union names the member by ID number; the member's current union then confirms. */
export function TransferRequestModal({
  org,
  onClose,
  onDone,
}: {
  org: OrgWithAncestors;
  onClose: () => void;
  onDone: (t: Transfer) => void;
}) {
  const { t } = useTranslation();
  const [form] = Form.useForm<{ idNumber?: string }>();
  const [to, setTo] = useState<Picked>(coveringKinds.includes(org.kind) ? { id: org.id, name: org.name } : null);
  const [toError, setToError] = useState<string | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const [isBusy, setBusy] = useState(false);

  const submit = async () => {
    setFailure(null);
    setToError(to ? null : t('validation.choose', { field: t('transfer.toOrg') }));
    const values = await form.validateFields().catch(() => null);
    const id = parseIdNumber(values?.idNumber ?? '');
    if (!values || !to || !id.ok) return;
    setBusy(true);
    try {
      onDone(await transfersApi.request({ idNumber: id.facts.id, toOrgId: to.id }));
    } catch (error) {
      setFailure(errorText(error, t('app.networkError')));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal
      open
      title={t('transfer.requestTitle')}
      onCancel={onClose}
      onOk={() => void submit()}
      okText={t('transfer.request')}
      cancelText={t('common.cancel')}
      okButtonProps={buttonTestId('transfer-request-submit')}
      confirmLoading={isBusy}
      data-testid="transfer-request-modal"
    >
      <Typography.Paragraph type="secondary">{t('transfer.requestHint')}</Typography.Paragraph>
      {failure && <Alert type="error" showIcon message={failure} style={{ marginBottom: 12 }} data-testid="transfer-request-error" />}
      <Form form={form} layout="vertical">
        <Form.Item name="idNumber" label={t('member.field.idNumber')} rules={[idNumberRule]} validateTrigger="onBlur" required>
          <Input maxLength={40} className="mono-input" autoComplete="off" data-testid="transfer-id" />
        </Form.Item>
        <Form.Item label={t('transfer.toOrg')} required validateStatus={toError ? 'error' : undefined} help={toError ?? undefined}>
          <OrgSearch
            testId="transfer-to"
            keepName
            initialText={to?.name ?? ''}
            accept={(hit) => coveringKinds.includes(hit.kind)}
            onPick={(hit) => {
              setTo({ id: hit.id, name: hit.name });
              setToError(null);
            }}
            onClear={() => setTo(null)}
          />
        </Form.Item>
      </Form>
    </Modal>
  );
}

/** 确认转出 / 拒绝, with an optional note kept on the transfer and in the audit log. */
export function TransferDecisionModal({
  transfer,
  decision,
  onClose,
  onDone,
}: {
  transfer: Transfer;
  decision: 'confirm' | 'reject';
  onClose: () => void;
  onDone: () => void;
}) {
  const { t } = useTranslation();
  const [note, setNote] = useState('');
  const [paperRef, setPaperRef] = useState('');
  const needsPaper = decision === 'confirm' && transfer.consent === null;
  const [failure, setFailure] = useState<string | null>(null);
  const [isBusy, setBusy] = useState(false);
  const action = decision === 'confirm' ? t('transfer.confirm') : t('transfer.reject');
  const submit = async () => {
    setBusy(true);
    setFailure(null);
    try {
      await transfersApi.decide(transfer.id, decision, note.trim() || undefined, (needsPaper && paperRef.trim()) || undefined);
      onDone();
    } catch (error) {
      setFailure(errorText(error, t('app.networkError')));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Modal
      open
      title={t('transfer.decideTitle', { action, name: transfer.maskedName, from: transfer.fromOrgName, to: transfer.toOrgName })}
      onCancel={onClose}
      onOk={() => void submit()}
      okText={action}
      cancelText={t('common.cancel')}
      okButtonProps={{ ...buttonTestId('transfer-decide-ok'), danger: decision === 'reject' }}
      confirmLoading={isBusy}
    >
      {failure && <Alert type="error" showIcon message={failure} style={{ marginBottom: 12 }} />}
      <Typography.Paragraph type="secondary">{t('transfer.autoHint', { date: transfer.autoConfirmAt.slice(0, 10) })}</Typography.Paragraph>
      {needsPaper && (
        <>
          <Alert type="info" showIcon message={t('transfer.paperHint')} style={{ marginBottom: 12 }} />
          <Input
            value={paperRef}
            onChange={(e) => setPaperRef(e.target.value)}
            maxLength={100}
            placeholder={t('transfer.paperRef')}
            style={{ marginBottom: 12 }}
            data-testid="transfer-paper-ref"
          />
        </>
      )}
      <Input.TextArea
        rows={3}
        value={note}
        onChange={(e) => setNote(e.target.value)}
        maxLength={MEMBER_LIMITS.reasonMax}
        showCount
        placeholder={t('transfer.field.note')}
        data-testid="transfer-note"
      />
    </Modal>
  );
}
