import { Form, Input, InputNumber, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { AmendBody, type Criterion, type Sheet } from '../../../common/contests.js';
import { FormModal } from '../../app/FormModal.js';
import { parseWithSchema } from '../../app/zodForm.js';
import { judgingApi } from './contests.api.js';
import { scoreProblem } from './sheetMath.js';

type Values = { score?: number | null; reason?: string };

/** 修改评分: after submission a score changes only by an amendment with a written reason, kept in the trail. */
export function AmendModal({
  sheet,
  criterion,
  onClose,
  onDone,
}: {
  sheet: Sheet;
  criterion: Criterion;
  onClose: () => void;
  onDone: (s: Sheet) => void;
}) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();
  const labels = { score: t('contests.sheet.newScore'), reason: t('contests.sheet.reason') };
  return (
    <FormModal
      title={t('contests.sheet.amendTitle', { name: criterion.name })}
      form={form}
      initialValues={{ score: sheet.scores[String(criterion.id)] ?? null }}
      submit={(v) => {
        const problem = scoreProblem(criterion, v.score ?? null);
        if (problem) {
          form.setFields([
            { name: 'score', errors: [t(`contests.sheet.problem.${problem}`, { max: criterion.maxScore, decimals: criterion.decimals })] },
          ]);
          return null;
        }
        const body = parseWithSchema(
          AmendBody,
          { criterionId: criterion.id, score: v.score ?? undefined, reason: v.reason ?? '' },
          form,
          labels,
          t,
        );
        return body && judgingApi.amend(sheet.assignmentId, body);
      }}
      onClose={onClose}
      onDone={onDone}
      successText={t('contests.sheet.amended')}
      okText={t('contests.sheet.amend')}
      isEnterSubmit={false}
      testIds={{ modal: 'amend-modal', submit: 'amend-ok', error: 'amend-error' }}
    >
      <Typography.Paragraph type="secondary">{t('contests.sheet.amendNote')}</Typography.Paragraph>
      <Form.Item name="score" label={`${labels.score}（${t('contests.sheet.max', { max: criterion.maxScore })}）`} required>
        <InputNumber step={10 ** -criterion.decimals} inputMode="decimal" style={{ width: 160 }} data-testid="amend-score" />
      </Form.Item>
      <Form.Item name="reason" label={labels.reason} required>
        <Input.TextArea rows={3} maxLength={500} data-testid="amend-reason" />
      </Form.Item>
    </FormModal>
  );
}
