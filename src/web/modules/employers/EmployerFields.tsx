import { Form, Input, InputNumber, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { industrySections } from '../../../common/employers.js';
import { usccProblemMessage } from './usccRule.js';

/** The employer's own fields; the USCC is checked (checksum included) when the box is left. */
export function EmployerFields({ labels }: { labels: Record<'name' | 'uscc' | 'headcount' | 'industry' | 'address', string> }) {
  const { t } = useTranslation();
  return (
    <>
      <Form.Item name="name" label={labels.name} required>
        <Input data-testid="employer-name" maxLength={200} />
      </Form.Item>
      <Form.Item
        name="uscc"
        label={labels.uscc}
        validateTrigger="onBlur"
        rules={[
          {
            validator: async (_rule, value: string | undefined) => {
              const problem = usccProblemMessage(value);
              if (problem) throw new Error(problem);
            },
          },
        ]}
      >
        <Input data-testid="employer-uscc" maxLength={40} style={{ fontFamily: 'monospace' }} />
      </Form.Item>
      <div style={{ display: 'flex', gap: 12, flexWrap: 'wrap' }}>
        <Form.Item name="headcount" label={labels.headcount} required style={{ flex: '1 1 160px' }}>
          <InputNumber data-testid="employer-headcount" min={0} precision={0} style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item name="industry" label={labels.industry} required style={{ flex: '2 1 260px' }}>
          <Select
            data-testid="employer-industry"
            showSearch
            optionFilterProp="label"
            placeholder={t('validation.choose', { field: labels.industry })}
            options={industrySections.map((s) => ({ value: s, label: `${s} ${t(`employer.industry.${s}`)}` }))}
          />
        </Form.Item>
      </div>
      <Form.Item name="address" label={labels.address}>
        <Input data-testid="employer-address" maxLength={200} />
      </Form.Item>
    </>
  );
}
