import { Form, Input, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { DeclareConflictBody, type Entry, type Judge } from '../../../common/contests.js';
import { FormModal } from '../../app/FormModal.js';
import { parseWithSchema } from '../../app/zodForm.js';
import { contestsApi } from './contests.api.js';

type Values = { judgeId?: number; entryId?: number; reason?: string };

/** 申报回避: a judge declares a conflict with one entry (kin among the performers, …); it is never assigned to them. */
export function ConflictModal({
  contestId,
  judges,
  entries,
  onClose,
  onDone,
}: {
  contestId: number;
  judges: Judge[];
  entries: Entry[];
  onClose: () => void;
  onDone: () => void;
}) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();
  const labels = { judgeId: t('contests.judges.judge'), entryId: t('contests.entries.title'), reason: t('contests.judges.conflictReason') };
  return (
    <FormModal
      title={t('contests.judges.declareConflict')}
      form={form}
      submit={(v) => {
        const body = parseWithSchema(DeclareConflictBody, v, form, labels, t);
        return body && contestsApi.declareConflict(contestId, body);
      }}
      onClose={onClose}
      onDone={onDone}
      successText={t('contests.judges.conflictDeclared')}
      isEnterSubmit={false}
      testIds={{ modal: 'conflict-modal', submit: 'conflict-ok', error: 'conflict-error' }}
    >
      <Form.Item name="judgeId" label={labels.judgeId} required>
        <Select
          showSearch
          optionFilterProp="label"
          options={judges.map((j) => ({ value: j.id, label: j.displayName }))}
          data-testid="conflict-judge"
        />
      </Form.Item>
      <Form.Item name="entryId" label={labels.entryId} required>
        <Select
          showSearch
          optionFilterProp="label"
          options={entries.map((e) => ({ value: e.id, label: `${e.title} · ${e.orgName}` }))}
          data-testid="conflict-entry"
        />
      </Form.Item>
      <Form.Item name="reason" label={labels.reason} required>
        <Input.TextArea rows={2} maxLength={500} data-testid="conflict-reason" />
      </Form.Item>
    </FormModal>
  );
}
