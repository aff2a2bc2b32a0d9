import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Form, Input, InputNumber, Select, Space } from 'antd';
import { useTranslation } from 'react-i18next';
import { normalisations, tierKinds, unitRules } from '../../../common/contests.js';

/** The fields of a contest's rules: criteria (weight, maximum, decimals, tie-break place), award tiers, showcase, notice. */
export function RulesFields() {
  const { t } = useTranslation();
  const form = Form.useFormInstance();
  const tiers = (Form.useWatch('tiers', form) ?? []) as { kind?: string }[];
  return (
    <>
      <Form.Item name="name" label={t('contests.field.name')} required>
        <Input maxLength={200} data-testid="contest-name" />
      </Form.Item>
      <Space wrap>
        <Form.Item name="normalisation" label={t('contests.field.normalisation')}>
          <Select style={{ width: 200 }} options={normalisations.map((n) => ({ value: n, label: t(`contests.normalisation.${n}`) }))} />
        </Form.Item>
        <Form.Item name="panelSize" label={t('contests.field.panelSize')}>
          <InputNumber min={1} max={50} precision={0} data-testid="contest-panel-size" />
        </Form.Item>
        <Form.Item name="showcaseSize" label={t('contests.field.showcaseSize')}>
          <InputNumber min={0} precision={0} data-testid="contest-showcase" />
        </Form.Item>
        <Form.Item name="noticeDays" label={t('contests.field.noticeDays')}>
          <InputNumber min={0} max={60} precision={0} />
        </Form.Item>
      </Space>
      <Form.List name="criteria">
        {(fields, { add, remove }) => (
          <Form.Item label={t('contests.field.criteria')} required extra={t('contests.field.tieBreakHelp')}>
            {fields.map((f, i) => (
              <Space key={f.key} wrap align="baseline" data-testid={`criterion-row-${i}`}>
                <Form.Item name={[f.name, 'name']} noStyle>
                  <Input placeholder={t('contests.field.criterion')} style={{ width: 140 }} data-testid={`criterion-name-${i}`} />
                </Form.Item>
                <Form.Item name={[f.name, 'weight']} noStyle>
                  <InputNumber prefix={t('contests.field.weight')} min={0} style={{ width: 140 }} data-testid={`criterion-weight-${i}`} />
                </Form.Item>
                <Form.Item name={[f.name, 'maxScore']} noStyle>
                  <InputNumber prefix={t('contests.field.max')} min={0} style={{ width: 140 }} data-testid={`criterion-max-${i}`} />
                </Form.Item>
                <Form.Item name={[f.name, 'decimals']} noStyle>
                  <Select
                    style={{ width: 110 }}
                    options={[0, 1, 2].map((d) => ({ value: d, label: t('contests.field.decimals', { count: d }) }))}
                  />
                </Form.Item>
                <Form.Item name={[f.name, 'tieBreakRank']} noStyle>
                  <InputNumber prefix={t('contests.field.tieBreak')} min={1} max={20} precision={0} style={{ width: 150 }} />
                </Form.Item>
                <Button icon={<DeleteOutlined />} onClick={() => remove(f.name)} disabled={fields.length <= 1} />
              </Space>
            ))}
            <Button icon={<PlusOutlined />} onClick={() => add({ weight: 1, maxScore: 10, decimals: 2 })} data-testid="criterion-add">
              {t('contests.field.addCriterion')}
            </Button>
          </Form.Item>
        )}
      </Form.List>
      <Form.List name="tiers">
        {(fields, { add, remove }) => (
          <Form.Item label={t('contests.field.tiers')} extra={t('contests.field.tiersHelp')}>
            {fields.map((f, i) => (
              <Space key={f.key} wrap align="baseline" data-testid={`tier-row-${i}`}>
                <Form.Item name={[f.name, 'kind']} noStyle>
                  <Select style={{ width: 130 }} options={tierKinds.map((k) => ({ value: k, label: t(`contests.tierKind.${k}`) }))} />
                </Form.Item>
                <Form.Item name={[f.name, 'name']} noStyle>
                  <Input placeholder={t('contests.field.tierName')} style={{ width: 140 }} data-testid={`tier-name-${i}`} />
                </Form.Item>
                <Form.Item name={[f.name, 'quota']} noStyle>
                  <InputNumber
                    prefix={t('contests.field.quota')}
                    min={0}
                    precision={0}
                    style={{ width: 130 }}
                    data-testid={`tier-quota-${i}`}
                  />
                </Form.Item>
                {tiers[i]?.kind === 'criterion' && (
                  <Form.Item name={[f.name, 'criterionIndex']} noStyle>
                    <InputNumber prefix={t('contests.field.criterionNo')} min={1} precision={0} style={{ width: 150 }} />
                  </Form.Item>
                )}
                {tiers[i]?.kind === 'unit' && (
                  <Form.Item name={[f.name, 'unitRule']} noStyle>
                    <Select style={{ width: 150 }} options={unitRules.map((r) => ({ value: r, label: t(`contests.unitRule.${r}`) }))} />
                  </Form.Item>
                )}
                <Button icon={<DeleteOutlined />} onClick={() => remove(f.name)} />
              </Space>
            ))}
            <Button icon={<PlusOutlined />} onClick={() => add({ kind: 'ladder', quota: 1 })} data-testid="tier-add">
              {t('contests.field.addTier')}
            </Button>
          </Form.Item>
        )}
      </Form.List>
    </>
  );
}
