import { Checkbox, Form, Select, Space, Switch, Typography, type FormInstance } from 'antd';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { incomeRanges, maritalHistories, type ConsentField, type MatchRetention } from '../../../common/matchmaking.js';
import type { ProfileValues } from './profileValues.js';

const choices = (t: TFunction): Record<ConsentField, { value: string; label: string }[]> => ({
  maritalHistory: maritalHistories.map((v) => ({ value: v, label: t(`matchmaking.maritalHistory.${v}`) })),
  incomeRange: incomeRanges.map((v) => ({ value: v, label: t(`matchmaking.incomeRange.${v}`) })),
});

/**
 * A sensitive field (PIPL Art. 28): its consent text and box first; the field and its visibility switch open only
 * while the box is ticked, and unticking clears them (the save then withdraws the consent and deletes the value).
 * The text states this event's own retention days (what the member consents to), not the platform's maximum.
 */
export function SensitiveField({
  form,
  field,
  retention,
}: {
  form: FormInstance<ProfileValues>;
  field: ConsentField;
  retention: MatchRetention;
}) {
  const { t } = useTranslation();
  const hasConsent = Form.useWatch(['consent', field], form) === true;
  const label = t(`matchmaking.field.${field}`);
  const onConsent = (checked: boolean) => {
    if (!checked) form.setFieldValue(field, null);
    if (!checked) form.setFieldValue(['show', field], false);
  };
  return (
    <div className="public-card" style={{ marginBottom: 8 }} data-testid={`match-sensitive-${field}`}>
      <Typography.Paragraph type="secondary" style={{ fontSize: 13 }} data-testid={`match-consent-text-${field}`}>
        {t('matchmaking.consent.text', { field: label, days: retention.retentionDays })}
      </Typography.Paragraph>
      <Form.Item name={['consent', field]} valuePropName="checked" style={{ marginBottom: 8 }}>
        <Checkbox onChange={(e) => onConsent(e.target.checked)} data-testid={`match-consent-${field}`}>
          {t('matchmaking.consent.agree')}
        </Checkbox>
      </Form.Item>
      <Form.Item name={field} label={label} extra={hasConsent ? undefined : t('matchmaking.consent.needed')}>
        <Select allowClear disabled={!hasConsent} data-testid={`match-field-${field}`} options={choices(t)[field]} />
      </Form.Item>
      <Space>
        <Form.Item name={['show', field]} valuePropName="checked" noStyle>
          <Switch size="small" disabled={!hasConsent} data-testid={`match-visible-${field}`} />
        </Form.Item>
        <span>{t('matchmaking.visible')}</span>
      </Space>
    </div>
  );
}
