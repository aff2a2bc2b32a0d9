import { Button, Card, Form, Input, Typography, type InputRef } from 'antd';
import { useEffect, useRef, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router-dom';
import { maskIdNumber, parseIdNumber, parsePhone } from '../../../common/identity.js';
import { MEMBER_LIMITS, type EmploymentForm } from '../../../common/members.js';
import type { IntakeApplicationBody } from '../../../common/applications.js';
import { coveringKinds } from '../../../common/orgs.js';
import { fieldOfErrorCode, idNumberError, phoneError } from '../members/identityRules.js';
import { orgsApi } from '../orgs/orgs.api.js';
import { IntakeList, type IntakeEntry } from './IntakeList.js';
import { IntakeSettings } from './IntakeSettings.js';
import { useEmploymentHotkey, useIntakeQueue } from './useIntakeQueue.js';

const fields = ['name', 'idNumber', 'phone', 'employerName'] as const;
type Field = (typeof fields)[number];
type Person = Record<Field, string>;
const EMPTY: Person = { name: '', idNumber: '', phone: '', employerName: '' };

/**
 * 快速录入 at an outreach meeting: Enter moves to the next field and submits from the last; the form clears
 * at once for the next person while the request runs, so a cadre never waits for the network.
 */
export function IntakePage() {
  const { t } = useTranslation();
  const [searchParams] = useSearchParams();
  const [union, setUnion] = useState<{ id: number; name: string } | null>(null);
  const [meetingId, setMeetingId] = useState<number | null>(null);
  const [employmentForm, setEmploymentForm] = useState<EmploymentForm>('standard');
  const [person, setPerson] = useState<Person>(EMPTY);
  const [errors, setErrors] = useState<Partial<Record<Field | 'union', string>>>({});
  const queue = useIntakeQueue();
  const inputs = useRef<Partial<Record<Field, InputRef | null>>>({});
  const focus = (field: Field) => inputs.current[field]?.focus({ cursor: 'all' });

  useEffect(() => {
    const orgId = Number(searchParams.get('org'));
    if (!orgId) return;
    orgsApi.get(orgId).then(
      (org) => coveringKinds.includes(org.kind) && setUnion({ id: org.id, name: org.name }),
      () => undefined,
    );
  }, [searchParams]);

  useEmploymentHotkey(setEmploymentForm);

  const problemOf = (field: Field, value: string): string | undefined => {
    const label = t(`member.field.${field === 'employerName' ? 'employer' : field}`);
    if (field === 'name') {
      if (!value.trim()) return t('validation.required', { field: label });
      if (value.trim().length > MEMBER_LIMITS.nameMax) return t('validation.tooLong', { field: label, max: MEMBER_LIMITS.nameMax });
    }
    if (field === 'idNumber') return idNumberError(value) ?? undefined;
    if (field === 'phone') return phoneError(value) ?? undefined;
    return undefined;
  };

  const setField = (field: Field, value: string) => {
    setPerson((p) => ({ ...p, [field]: value }));
    if (errors[field]) setErrors((e) => ({ ...e, [field]: undefined }));
  };

  const submit = () => {
    const found: Partial<Record<Field | 'union', string>> = {};
    for (const field of fields) found[field] = problemOf(field, person[field]);
    if (!union) found.union = t('intake.needUnion');
    setErrors(found);
    const firstBad = fields.find((f) => found[f]);
    if (firstBad) return focus(firstBad);
    if (!union) return;
    const id = parseIdNumber(person.idNumber);
    const phone = parsePhone(person.phone);
    if (!id.ok || !phone.ok) return;
    const body: IntakeApplicationBody = {
      name: person.name.trim(),
      idNumber: id.facts.id,
      phone: phone.phone,
      employerName: person.employerName.trim() || undefined,
      employmentForm,
      orgId: union.id,
      source: meetingId ? 'meeting' : 'cadre',
      meetingId: meetingId ?? undefined,
    };
    queue.add(body, maskIdNumber(id.facts.id));
    setPerson(EMPTY);
    focus('name');
  };

  const onEnter = (field: Field) => (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key !== 'Enter' || event.nativeEvent.isComposing) return;
    event.preventDefault();
    const problem = problemOf(field, person[field]);
    setErrors((e) => ({ ...e, [field]: problem }));
    if (problem) return;
    const next = fields[fields.indexOf(field) + 1];
    if (next) focus(next);
    else submit();
  };

  const fix = (entry: IntakeEntry) => {
    queue.remove(entry.key);
    setPerson({
      name: entry.body.name,
      idNumber: entry.body.idNumber,
      phone: entry.body.phone,
      employerName: entry.body.employerName ?? '',
    });
    const field = entry.state.kind === 'failed' ? fieldOfErrorCode(entry.state.code) : null;
    if (field && entry.state.kind === 'failed') setErrors({ [field]: entry.state.message });
    setTimeout(() => focus(field ?? 'name'));
  };

  return (
    <div data-testid="intake-page">
      <div className="page-header">
        <Typography.Title level={3}>{t('intake.title')}</Typography.Title>
        <Typography.Text type="secondary">{t('intake.subtitle')}</Typography.Text>
      </div>
      <Form layout="vertical" component={false}>
        <IntakeSettings
          union={union}
          unionError={errors.union}
          onUnion={(picked) => {
            setUnion(picked);
            if (picked) {
              setMeetingId(null);
              setErrors((e) => ({ ...e, union: undefined }));
              setTimeout(() => focus('name'));
            }
          }}
          meetingId={meetingId}
          onMeeting={setMeetingId}
          employmentForm={employmentForm}
          onEmploymentForm={setEmploymentForm}
        />
        <Card size="small" style={{ marginBottom: 12 }}>
          <div className="intake-row">
            {fields.map((field) => (
              <Form.Item
                key={field}
                label={t(`member.field.${field === 'employerName' ? 'employer' : field}`)}
                required={field !== 'employerName'}
                validateStatus={errors[field] ? 'error' : undefined}
                help={errors[field]}
                className={`intake-field intake-${field}`}
              >
                <Input
                  ref={(el) => {
                    inputs.current[field] = el;
                  }}
                  value={person[field]}
                  onChange={(e) => setField(field, e.target.value)}
                  onKeyDown={onEnter(field)}
                  maxLength={field === 'employerName' ? 200 : field === 'name' ? MEMBER_LIMITS.nameMax : 40}
                  autoComplete="off"
                  className={field === 'idNumber' || field === 'phone' ? 'mono-input' : undefined}
                  data-testid={`intake-${field}`}
                />
              </Form.Item>
            ))}
            <Button type="primary" onClick={submit} className="intake-submit" data-testid="intake-submit">
              {t('intake.submit')}
            </Button>
          </div>
        </Card>
      </Form>
      <Card
        size="small"
        title={t('intake.recent')}
        extra={<span data-testid="intake-count">{t('intake.count', { ok: queue.ok, failed: queue.failed })}</span>}
      >
        <IntakeList entries={queue.entries} onFix={fix} />
      </Card>
    </div>
  );
}
