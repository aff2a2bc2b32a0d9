import { Alert, Form, Input, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { parseIdNumber } from '../../../common/identity.js';
import { MEMBER_LIMITS } from '../../../common/members.js';
import type { Transfer } from '../../../common/transfers.js';
import { coveringKinds, type OrgWithAncestors } from '../../../common/orgs.js';
import { FormModal } from '../../app/FormModal.js';
import { validFields } from '../../app/zodForm.js';
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

  const submit = async () => {
    // The receiving union is picked outside the form's fields, so its message is set here, next to the field's own.
    setToError(to ? null : t('validation.choose', { field: t('transfer.toOrg') }));
    const values = await validFields(form);
    const id = parseIdNumber(values?.idNumber ?? '');
    if (!values || !to || !id.ok) return null;
    return transfersApi.request({ idNumber: id.facts.id, toOrgId: to.id });
  };

  return (
    <FormModal
      title={t('transfer.requestTitle')}
      form={form}
      submit={submit}
      onClose={onClose}
      onDone={onDone}
      okText={t('transfer.request')}
      isEnterSubmit={false}
      testIds={{ modal: 'transfer-request-modal', submit: 'transfer-request-submit', error: 'transfer-request-error' }}
    >
      <Typography.Paragraph type="secondary">{t('transfer.requestHint')}</Typography.Paragraph>
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
    </FormModal>
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
  const [form] = Form.useForm<{ note?: string; paperRef?: string }>();
  const needsPaper = decision === 'confirm' && transfer.consent === null;
  const action = decision === 'confirm' ? t('transfer.confirm') : t('transfer.reject');
  return (
    <FormModal
      title={t('transfer.decideTitle', { action, name: transfer.maskedName, from: transfer.fromOrgName, to: transfer.toOrgName })}
      form={form}
      submit={({ note, paperRef }) =>
        transfersApi.decide(transfer.id, decision, note?.trim() || undefined, (needsPaper && paperRef?.trim()) || undefined)
      }
      onClose={onClose}
      onDone={onDone}
      okText={action}
      isDanger={decision === 'reject'}
      isEnterSubmit={false}
      testIds={{ submit: 'transfer-decide-ok', error: 'transfer-decide-error' }}
    >
      <Typography.Paragraph type="secondary">{t('transfer.autoHint', { date: transfer.autoConfirmAt.slice(0, 10) })}</Typography.Paragraph>
      {needsPaper && (
        <>
          <Alert type="info" showIcon message={t('transfer.paperHint')} style={{ marginBottom: 12 }} />
          <Form.Item name="paperRef" noStyle>
            <Input maxLength={100} placeholder={t('transfer.paperRef')} style={{ marginBottom: 12 }} data-testid="transfer-paper-ref" />
          </Form.Item>
        </>
      )}
      <Form.Item name="note" noStyle>
        <Input.TextArea
          rows={3}
          maxLength={MEMBER_LIMITS.reasonMax}
          showCount
          placeholder={t('transfer.field.note')}
          data-testid="transfer-note"
        />
      </Form.Item>
    </FormModal>
  );
}
