import { Card, Form, Radio } from 'antd';
import { useTranslation } from 'react-i18next';
import { employmentForms, type EmploymentForm } from '../../../common/members.js';
import { coveringKinds } from '../../../common/orgs.js';
import { OrgSearch } from '../orgs/OrgSearch.js';
import { MeetingPicker } from './MeetingPicker.js';

type Union = { id: number; name: string };

/** What stays the same from one person to the next: the union, the meeting, the employment form. */
export function IntakeSettings({
  union,
  unionError,
  onUnion,
  meetingId,
  onMeeting,
  employmentForm,
  onEmploymentForm,
}: {
  union: Union | null;
  unionError: string | undefined;
  onUnion: (union: Union | null) => void;
  meetingId: number | null;
  onMeeting: (meetingId: number | null) => void;
  employmentForm: EmploymentForm;
  onEmploymentForm: (form: EmploymentForm) => void;
}) {
  const { t } = useTranslation();
  return (
    <Card size="small" title={t('intake.keep')} style={{ marginBottom: 12 }}>
      <div className="intake-settings">
        <Form.Item
          label={t('intake.union')}
          required
          validateStatus={unionError ? 'error' : undefined}
          help={unionError}
          style={{ flex: '2 1 320px', marginBottom: 8 }}
        >
          <OrgSearch
            key={union?.id ?? 'none'}
            testId="intake-union"
            keepName
            initialText={union?.name ?? ''}
            placeholder={t('intake.pickUnion')}
            accept={(hit) => coveringKinds.includes(hit.kind)}
            onPick={(hit) => onUnion({ id: hit.id, name: hit.name })}
            onClear={() => onUnion(null)}
          />
        </Form.Item>
        <Form.Item label={t('intake.meeting')} style={{ flex: '1 1 160px', marginBottom: 8 }}>
          <MeetingPicker
            orgId={union?.id ?? null}
            value={meetingId ?? undefined}
            onChange={(id) => onMeeting(id ?? null)}
            placeholder={t('intake.pickMeeting')}
            style={{ width: '100%' }}
            testId="intake-meeting"
          />
        </Form.Item>
      </div>
      <Form.Item label={t('member.field.employmentForm')} extra={t('intake.employmentHotkey')} style={{ marginBottom: 0 }}>
        <Radio.Group
          value={employmentForm}
          onChange={(e) => onEmploymentForm(e.target.value as EmploymentForm)}
          optionType="button"
          size="small"
          options={employmentForms.map((f, i) => ({ value: f, label: `${i + 1} ${t(`member.employmentForm.${f}`)}` }))}
          data-testid="intake-form"
        />
      </Form.Item>
    </Card>
  );
}
