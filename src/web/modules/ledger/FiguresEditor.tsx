import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Checkbox, Form, Input, InputNumber, Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { LEDGER_LIMITS } from '../../../common/ledger.js';

/** One row of the figures list as the form holds it. */
export type FigureRow = { value?: number | null; unit?: string; counts?: string; approximate?: boolean; snippet?: string };

/** 主要数据: the entry's figures as an editable list — value, unit, what is counted, approximate. */
export function FiguresEditor({ label }: { label: string }) {
  const { t } = useTranslation();
  return (
    <Form.List name="figures">
      {(fields, { add, remove }, { errors }) => (
        <Form.Item label={label}>
          {fields.length === 0 && <Typography.Text type="secondary">{t('ledger.figure.none')}</Typography.Text>}
          {fields.map((field, index) => (
            <Space key={field.key} align="baseline" wrap data-testid={`ledger-figure-${index}`}>
              <Form.Item name={[field.name, 'value']} noStyle>
                <InputNumber
                  min={0}
                  max={LEDGER_LIMITS.figureValue}
                  placeholder={t('ledger.figure.value')}
                  style={{ width: 130 }}
                  data-testid={`ledger-figure-value-${index}`}
                />
              </Form.Item>
              <Form.Item name={[field.name, 'unit']} noStyle>
                <Input
                  maxLength={LEDGER_LIMITS.figureUnit}
                  placeholder={t('ledger.figure.unit')}
                  style={{ width: 80 }}
                  data-testid={`ledger-figure-unit-${index}`}
                />
              </Form.Item>
              <Form.Item name={[field.name, 'counts']} noStyle>
                <Input
                  maxLength={LEDGER_LIMITS.figureCounts}
                  placeholder={t('ledger.figure.counts')}
                  style={{ width: 150 }}
                  data-testid={`ledger-figure-counts-${index}`}
                />
              </Form.Item>
              <Form.Item name={[field.name, 'approximate']} valuePropName="checked" noStyle>
                <Checkbox data-testid={`ledger-figure-approx-${index}`}>{t('ledger.figure.approximate')}</Checkbox>
              </Form.Item>
              <Button
                type="text"
                icon={<DeleteOutlined />}
                aria-label={t('ledger.figure.remove')}
                onClick={() => remove(field.name)}
                data-testid={`ledger-figure-remove-${index}`}
              />
            </Space>
          ))}
          <Form.ErrorList errors={errors} />
          {fields.length < LEDGER_LIMITS.figures && (
            <div>
              <Button
                type="dashed"
                icon={<PlusOutlined />}
                onClick={() => add({ unit: '', approximate: false })}
                style={{ marginTop: 8 }}
                data-testid="ledger-figure-add"
              >
                {t('ledger.figure.add')}
              </Button>
            </div>
          )}
        </Form.Item>
      )}
    </Form.List>
  );
}
