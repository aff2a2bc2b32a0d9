import { Form, Input, Modal, Switch, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { CreateJudgeBody, type CreatedJudge } from '../../../common/contests.js';
import { FormModal } from '../../app/FormModal.js';
import { parseWithSchema } from '../../app/zodForm.js';
import { OrgSearch } from '../orgs/OrgSearch.js';
import { contestsApi } from './contests.api.js';

type Values = { username?: string; displayName?: string; isChief?: boolean };

/** 新增评委: a judge account (login name, name, own unit for 回避), the chief judge flag; the server makes the first password. */
export function JudgeFormModal({
  contestId,
  onClose,
  onDone,
}: {
  contestId: number;
  onClose: () => void;
  onDone: (j: CreatedJudge) => void;
}) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();
  const [unit, setUnit] = useState<number | undefined>(undefined);
  const labels = {
    username: t('contests.judges.username'),
    displayName: t('contests.judges.displayName'),
    orgId: t('contests.judges.unit'),
  };
  return (
    <FormModal
      title={t('contests.judges.add')}
      form={form}
      initialValues={{ isChief: false }}
      submit={(v) => {
        const body = parseWithSchema(CreateJudgeBody, { ...v, orgId: unit }, form, labels, t);
        return body && contestsApi.createJudge(contestId, body);
      }}
      onClose={onClose}
      onDone={onDone}
      isEnterSubmit={false}
      testIds={{ modal: 'judge-modal', submit: 'judge-ok', error: 'judge-error' }}
    >
      <Form.Item name="username" label={labels.username} required extra={t('contests.judges.usernameHelp')}>
        <Input maxLength={40} autoComplete="off" data-testid="judge-username" />
      </Form.Item>
      <Form.Item name="displayName" label={labels.displayName} required>
        <Input maxLength={50} data-testid="judge-display-name" />
      </Form.Item>
      <Form.Item name="orgId" label={labels.orgId} required extra={t('contests.judges.unitHelp')}>
        <OrgSearch keepName onPick={(hit) => setUnit(hit.id)} onClear={() => setUnit(undefined)} testId="judge-unit" />
      </Form.Item>
      <Form.Item name="isChief" label={t('contests.judges.chief')} valuePropName="checked">
        <Switch data-testid="judge-chief" />
      </Form.Item>
    </FormModal>
  );
}

/** The new judge's login name and first password, shown this once (the server keeps only its hash). */
export function JudgeCreatedModal({ judge, onClose }: { judge: CreatedJudge | null; onClose: () => void }) {
  const { t } = useTranslation();
  return (
    <Modal
      open={judge !== null}
      title={t('contests.judges.created')}
      onOk={onClose}
      onCancel={onClose}
      cancelButtonProps={{ hidden: true }}
      destroyOnHidden
    >
      <p>{t('contests.judges.passwordOnce')}</p>
      <Typography.Paragraph>
        {t('contests.judges.username')}：
        <Typography.Text code data-testid="judge-created-username">
          {judge?.username}
        </Typography.Text>
      </Typography.Paragraph>
      <Typography.Paragraph>
        {t('contests.judges.firstPassword')}：
        <Typography.Text code copyable data-testid="judge-first-password">
          {judge?.firstPassword}
        </Typography.Text>
      </Typography.Paragraph>
    </Modal>
  );
}
