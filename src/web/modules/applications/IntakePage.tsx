import { Button, Card, Form, Input, Radio, Typography, type InputRef } from 'antd';
import { useEffect, useRef, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router-dom';
import { maskIdNumber, parseIdNumber, parsePhone } from '../../../common/identity.js';
import { employmentForms, MEMBER_LIMITS, type EmploymentForm } from '../../../common/members.js';
import type { IntakeApplicationBody } from '../../../common/applications.js';
import { coveringKinds } from '../../../common/orgs.js';
import { ApiError } from '../../app/api.js';
import { errorText } from '../../app/notify.js';
import { fieldOfErrorCode, idNumberError, phoneError } from '../members/identityRules.js';
import { OrgSearch } from '../orgs/OrgSearch.js';
import { orgsApi } from '../orgs/orgs.api.js';
import { IntakeList, type IntakeEntry } from './IntakeList.js';
import { MeetingPicker } from './MeetingPicker.js';
import { applicationsApi } from './applications.api.js';

const fields = ['name', 'idNumber', 'phone', 'employerName'] as const;
type Field = (typeof fields)[number];
type Person = Record<Field, string>;
const EMPTY: Person = { name: '', idNumber: '', phone: '', employerName: '' };
/** Entries kept on screen; older ones are already safely recorded. */
const LIST_MAX = 200;

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
  const [entries, setEntries] = useState<IntakeEntry[]>([]);
  const counter = useRef(0);
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

  // Alt+1…6 picks the employment form from anywhere on the page.
  useEffect(() => {
    const onKey = (event: globalThis.KeyboardEvent) => {
      // event.code, not event.key: Option+1 on a Mac types "¡".
      const digit = /^(?:Digit|Numpad)([1-6])$/.exec(event.code)?.[1];
      const form = event.altKey && digit ? employmentForms[Number(digit) - 1] : undefined;
      if (form) {
        event.preventDefault();
        setEmploymentForm(form);
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

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

  const send = (entry: IntakeEntry) => {
    applicationsApi.intake(entry.body).then(
      (receipt) =>
        update(entry.key, { kind: 'done', trackingCode: receipt.trackingCode, isTransfer: receipt.status === 'transfer_requested' }),
      (error: unknown) =>
        update(entry.key, {
          kind: 'failed',
          code: error instanceof ApiError ? error.code : 'NETWORK',
          message: errorText(error, t('app.networkError')),
        }),
    );
  };
  const update = (key: number, state: IntakeEntry['state']) => setEntries((list) => list.map((e) => (e.key === key ? { ...e, state } : e)));

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
    counter.current += 1;
    const entry: IntakeEntry = { key: counter.current, body, maskedId: maskIdNumber(id.facts.id), state: { kind: 'sending' } };
    setEntries((list) => [entry, ...list].slice(0, LIST_MAX));
    setPerson(EMPTY);
    focus('name');
    send(entry);
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
    setEntries((list) => list.filter((e) => e.key !== entry.key));
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

  const ok = entries.filter((e) => e.state.kind === 'done').length;
  const failed = entries.filter((e) => e.state.kind === 'failed').length;

  return (
    <div data-testid="intake-page">
      <div className="page-header">
        <Typography.Title level={3}>{t('intake.title')}</Typography.Title>
        <Typography.Text type="secondary">{t('intake.subtitle')}</Typography.Text>
      </div>
      <Form layout="vertical" component={false}>
        <Card size="small" title={t('intake.keep')} style={{ marginBottom: 12 }}>
          <div className="intake-settings">
            <Form.Item
              label={t('intake.union')}
              required
              validateStatus={errors.union ? 'error' : undefined}
              help={errors.union}
              style={{ flex: '2 1 320px', marginBottom: 8 }}
            >
              <OrgSearch
                key={union?.id ?? 'none'}
                testId="intake-union"
                keepName
                initialText={union?.name ?? ''}
                placeholder={t('intake.pickUnion')}
                accept={(hit) => coveringKinds.includes(hit.kind)}
                onPick={(hit) => {
                  setUnion({ id: hit.id, name: hit.name });
                  setMeetingId(null);
                  setErrors((e) => ({ ...e, union: undefined }));
                  setTimeout(() => focus('name'));
                }}
                onClear={() => setUnion(null)}
              />
            </Form.Item>
            <Form.Item label={t('intake.meeting')} style={{ flex: '1 1 160px', marginBottom: 8 }}>
              <MeetingPicker
                orgId={union?.id ?? null}
                value={meetingId ?? undefined}
                onChange={(id) => setMeetingId(id ?? null)}
                placeholder={t('intake.pickMeeting')}
                style={{ width: '100%' }}
                testId="intake-meeting"
              />
            </Form.Item>
          </div>
          <Form.Item label={t('member.field.employmentForm')} extra={t('intake.employmentHotkey')} style={{ marginBottom: 0 }}>
            <Radio.Group
              value={employmentForm}
              onChange={(e) => setEmploymentForm(e.target.value as EmploymentForm)}
              optionType="button"
              size="small"
              options={employmentForms.map((f, i) => ({ value: f, label: `${i + 1} ${t(`member.employmentForm.${f}`)}` }))}
              data-testid="intake-form"
            />
          </Form.Item>
        </Card>
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
      <Card size="small" title={t('intake.recent')} extra={<span data-testid="intake-count">{t('intake.count', { ok, failed })}</span>}>
        <IntakeList entries={entries} onFix={fix} />
      </Card>
    </div>
  );
}
