import { Form, Input, Radio, Select, Switch } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { OrgWithAncestors } from '../../../common/orgs.js';
import { CreateMeetingBody, meetingKinds, type Meeting } from '../../../common/outreach.js';
import { FormModal } from '../../app/FormModal.js';
import { parseWithSchema } from '../../app/zodForm.js';
import { isoDay, outreachApi } from './outreach.api.js';
import { DateInput } from '../../app/DateInput.js';

type Values = { kind: Meeting['kind']; title?: string; heldOn?: string; venue?: string; isOnline: boolean; parentMeetingId?: number };

const MAIN_VENUE_LIMIT = 200;

/**
 * Main venues offered: meetings of this kind held by this org or one of its ancestors, and not sub-venues
 * themselves. They are read from the district (which sees its streets' meetings) or, beyond the caller's view,
 * from the org itself; the server checks the rule again.
 */
async function mainVenuesFor(org: OrgWithAncestors, kind: Meeting['kind']): Promise<Meeting[]> {
  const chain = new Set([...org.ancestors.map((a) => a.id), org.id]);
  const list = (orgId: number) => outreachApi.meetings(orgId, { kind }, undefined, MAIN_VENUE_LIMIT);
  const district = org.ancestors[1];
  const page = await (district ? list(district.id).catch(() => list(org.id)) : list(org.id));
  return page.items.filter((m) => chain.has(m.orgId) && m.parentMeetingId === null);
}

/** 新建沟通会, with an optional main venue (主会场) when this one is a sub-venue (分会场). */
export function MeetingFormModal({ org, onClose, onDone }: { org: OrgWithAncestors; onClose: () => void; onDone: (m: Meeting) => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();
  const kind = Form.useWatch('kind', form) ?? 'worker';
  const [mainVenues, setMainVenues] = useState<Meeting[]>([]);
  useEffect(() => {
    let isCurrent = true;
    mainVenuesFor(org, kind)
      .then((found) => isCurrent && setMainVenues(found))
      .catch(() => isCurrent && setMainVenues([]));
    return () => {
      isCurrent = false;
    };
  }, [org, kind]);

  const labels = {
    kind: t('outreach.kind'),
    title: t('outreach.field.title'),
    heldOn: t('outreach.field.heldOn'),
    venue: t('outreach.field.venue'),
    parentMeetingId: t('outreach.field.parent'),
  };

  return (
    <FormModal
      title={t('outreach.createTitle')}
      form={form}
      initialValues={{ kind: 'worker', isOnline: false, heldOn: isoDay(new Date()) }}
      submit={(values) => {
        const body = parseWithSchema(CreateMeetingBody, { ...values, venue: values.venue || undefined, orgId: org.id }, form, labels, t);
        return body && outreachApi.createMeeting(body);
      }}
      onClose={onClose}
      onDone={onDone}
      okText={t('common.ok')}
      isEnterSubmit={false}
      onValuesChange={(changed) => {
        if (changed.kind) form.setFieldValue('parentMeetingId', undefined);
      }}
      testIds={{ submit: 'meeting-ok', error: 'meeting-error' }}
    >
      <Form.Item name="kind" label={labels.kind} required>
        <Radio.Group
          optionType="button"
          options={meetingKinds.map((k) => ({ value: k, label: t(`outreach.meetingKind.${k}`) }))}
          data-testid="meeting-kind"
        />
      </Form.Item>
      <Form.Item name="title" label={labels.title} required>
        <Input maxLength={200} data-testid="meeting-title" />
      </Form.Item>
      <Form.Item name="heldOn" label={labels.heldOn} required>
        <DateInput style={{ width: 200 }} testId="meeting-held-on" />
      </Form.Item>
      <Form.Item name="venue" label={labels.venue}>
        <Input maxLength={200} data-testid="meeting-venue" />
      </Form.Item>
      <Form.Item name="isOnline" label={t('outreach.field.isOnline')} valuePropName="checked">
        <Switch data-testid="meeting-online" />
      </Form.Item>
      <Form.Item name="parentMeetingId" label={labels.parentMeetingId} extra={t('outreach.parentHint')}>
        <Select<number>
          allowClear
          showSearch
          optionFilterProp="label"
          placeholder={t('outreach.noParent')}
          popupMatchSelectWidth={false}
          data-testid="meeting-parent"
          options={mainVenues.map((m) => ({ value: m.id, label: `${m.heldOn} ${m.title}（${m.orgName}）` }))}
        />
      </Form.Item>
    </FormModal>
  );
}
