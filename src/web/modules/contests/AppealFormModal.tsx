import { Form, Input, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { APPEAL_LIMITS, FileAppealBody, type Entry } from '../../../common/contests.js';
import { FormModal } from '../../app/FormModal.js';
import { parseWithSchema } from '../../app/zodForm.js';
import { contestsApi } from './contests.api.js';

type Values = { entryId?: number; text?: string };

/**
 * 提出申诉: during the notice a cadre of the entry's unit (or a unit above it) appeals in writing about one entry
 * (chosen already when `entries` holds just one: the row of 本单位参赛 it was opened from).
 */
export function AppealFormModal({
  entries,
  onClose,
  onDone,
}: {
  entries: readonly Pick<Entry, 'id' | 'title' | 'orgName'>[];
  onClose: () => void;
  onDone: () => void;
}) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();
  const labels = { entryId: t('contests.entries.title'), text: t('contests.appeals.text') };
  return (
    <FormModal
      title={t('contests.appeals.file')}
      form={form}
      submit={(v) => {
        if (v.entryId === undefined) {
          form.setFields([{ name: 'entryId', errors: [t('contests.appeals.pickEntry')] }]);
          return null;
        }
        const body = parseWithSchema(FileAppealBody, { text: v.text }, form, labels, t);
        return body && contestsApi.fileAppeal(v.entryId, body.text);
      }}
      onClose={onClose}
      onDone={onDone}
      successText={t('contests.appeals.filed')}
      isEnterSubmit={false}
      testIds={{ modal: 'appeal-modal', submit: 'appeal-ok', error: 'appeal-error' }}
    >
      <Form.Item name="entryId" label={labels.entryId} required initialValue={entries.length === 1 ? entries[0]!.id : undefined}>
        <Select
          showSearch
          optionFilterProp="label"
          options={entries.map((e) => ({ value: e.id, label: `${e.title} · ${e.orgName}` }))}
          data-testid="appeal-entry"
        />
      </Form.Item>
      <Form.Item name="text" label={labels.text} required extra={t('contests.appeals.textHelp', { min: APPEAL_LIMITS.textMin })}>
        <Input.TextArea rows={4} maxLength={APPEAL_LIMITS.textMax} showCount data-testid="appeal-text" />
      </Form.Item>
    </FormModal>
  );
}
