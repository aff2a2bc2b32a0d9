import { Form, Input } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { CreateEntryBody, type Entry } from '../../../common/contests.js';
import { FormModal } from '../../app/FormModal.js';
import { parseWithSchema } from '../../app/zodForm.js';
import { OrgSearch } from '../orgs/OrgSearch.js';
import { contestsApi } from './contests.api.js';

type Values = { title?: string; performers?: string; attachments?: string };

const lines = (text: string | undefined, split: RegExp): string[] =>
  (text ?? '')
    .split(split)
    .map((s) => s.trim())
    .filter(Boolean);

/** 添加参赛作品: the sending unit, the title, its performers (one name a line or separated by 、,) and attachment links. */
export function EntryFormModal({ contestId, onClose, onDone }: { contestId: number; onClose: () => void; onDone: (e: Entry) => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();
  const [unit, setUnit] = useState<number | undefined>(undefined);
  const labels = {
    orgId: t('contests.entries.unit'),
    title: t('contests.entries.title'),
    performers: t('contests.entries.performers'),
    attachments: t('contests.entries.attachments'),
  };
  return (
    <FormModal
      title={t('contests.entries.add')}
      form={form}
      submit={(v) => {
        const body = parseWithSchema(
          CreateEntryBody,
          {
            orgId: unit,
            title: v.title,
            performers: lines(v.performers, /[\n,，、]/u).map((name) => ({ name })),
            attachments: lines(v.attachments, /\s+/u),
          },
          form,
          labels,
          t,
        );
        return body && contestsApi.addEntry(contestId, body);
      }}
      onClose={onClose}
      onDone={onDone}
      successText={t('contests.entries.added')}
      isEnterSubmit={false}
      testIds={{ modal: 'entry-modal', submit: 'entry-ok', error: 'entry-error' }}
    >
      <Form.Item name="orgId" label={labels.orgId} required>
        <OrgSearch keepName onPick={(hit) => setUnit(hit.id)} onClear={() => setUnit(undefined)} testId="entry-unit" />
      </Form.Item>
      <Form.Item name="title" label={labels.title} required>
        <Input maxLength={200} data-testid="entry-title" />
      </Form.Item>
      <Form.Item name="performers" label={labels.performers} extra={t('contests.entries.performersHelp')}>
        <Input.TextArea rows={3} data-testid="entry-performers" />
      </Form.Item>
      <Form.Item name="attachments" label={labels.attachments} extra={t('contests.entries.attachmentsHelp')}>
        <Input.TextArea rows={2} data-testid="entry-attachments" />
      </Form.Item>
    </FormModal>
  );
}
