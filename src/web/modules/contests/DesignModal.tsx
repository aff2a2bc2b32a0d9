import { Form, Input } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ContestDetail } from '../../../common/contests.js';
import { FormModal } from '../../app/FormModal.js';
import { contestsApi } from './contests.api.js';

type Values = { design?: string };

/**
 * 平衡设计: before the judging starts the organiser states the design in words (every judge the same number of
 * entries, every entry the same number of judges); an empty text withdraws it. The server checks the actual
 * assignment against it when the judging starts.
 */
export function DesignModal({ contest, onClose, onDone }: { contest: ContestDetail; onClose: () => void; onDone: () => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();
  return (
    <FormModal
      title={t('contests.design.declare')}
      form={form}
      initialValues={{ design: contest.balancedDesign ?? '' }}
      submit={(v) => contestsApi.declareDesign(contest.id, { design: v.design?.trim() ? v.design.trim() : null })}
      onClose={onClose}
      onDone={onDone}
      successText={t('contests.design.saved')}
      isEnterSubmit={false}
      testIds={{ modal: 'design-modal', submit: 'design-ok', error: 'design-error' }}
    >
      <Form.Item name="design" label={t('contests.design.label')} extra={t('contests.design.help')}>
        <Input.TextArea rows={2} maxLength={500} placeholder={t('contests.design.placeholder')} data-testid="design-text" />
      </Form.Item>
    </FormModal>
  );
}
