import { Form, Select } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Employer } from '../../../common/employers.js';
import type { OrgWithAncestors } from '../../../common/orgs.js';
import { unionisationStages, type Meeting, type UnionisationStage } from '../../../common/outreach.js';
import { FormModal } from '../../app/FormModal.js';
import { outreachApi } from './outreach.api.js';
import { StageTag } from './StageTag.js';

const MEETING_LIMIT = 200;

/** Enterprise meetings (企业沟通会) an employer may have come from: those of the district in view, else of the org. */
async function enterpriseMeetings(org: OrgWithAncestors): Promise<Meeting[]> {
  const list = (orgId: number) => outreachApi.meetings(orgId, { kind: 'enterprise' }, undefined, MEETING_LIMIT);
  const district = org.ancestors[1];
  return (await (district ? list(district.id).catch(() => list(org.id)) : list(org.id))).items;
}

/** 更新建会进度: moves an employer along the pipeline; "established" is refused until a union covers it. */
export function StageModal({
  org,
  employer,
  onClose,
  onDone,
}: {
  org: OrgWithAncestors;
  employer: Employer;
  onClose: () => void;
  onDone: () => void;
}) {
  const { t } = useTranslation();
  const [form] = Form.useForm<{ stage: UnionisationStage; meetingId?: number }>();
  const [meetings, setMeetings] = useState<Meeting[]>([]);

  useEffect(() => {
    let isCurrent = true;
    enterpriseMeetings(org)
      .then(async (found) => {
        // The meeting it is credited with stays selectable even when it is not among the district's latest.
        const linked = employer.unionisationMeetingId;
        const extra = linked !== null && !found.some((m) => m.id === linked) ? await outreachApi.meeting(linked).catch(() => null) : null;
        if (isCurrent) setMeetings(extra ? [...found, extra] : found);
      })
      .catch(() => isCurrent && setMeetings([]));
    return () => {
      isCurrent = false;
    };
  }, [org, employer.unionisationMeetingId]);

  return (
    <FormModal
      title={t('stage.changeTitle', { name: employer.name })}
      form={form}
      initialValues={{ stage: employer.unionisationStage, meetingId: employer.unionisationMeetingId ?? undefined }}
      submit={({ stage, meetingId }) =>
        outreachApi.setStage(employer.id, { version: employer.version, stage, meetingId: meetingId ?? null })
      }
      onClose={onClose}
      onDone={onDone}
      successText={t('stage.changed')}
      okText={t('common.ok')}
      isEnterSubmit={false}
      testIds={{ submit: 'stage-ok', error: 'stage-error' }}
    >
      <Form.Item name="stage" label={t('stage.label')} required>
        <Select<UnionisationStage>
          options={unionisationStages.map((s) => ({ value: s, label: <StageTag stage={s} /> }))}
          data-testid="stage-select"
        />
      </Form.Item>
      <Form.Item name="meetingId" label={t('stage.meeting')}>
        <Select<number>
          allowClear
          showSearch
          optionFilterProp="title"
          notFoundContent={t('stage.noMeetings')}
          popupMatchSelectWidth={false}
          data-testid="stage-meeting"
          options={meetings.map((m) => {
            const label = `${m.heldOn} ${m.title}（${m.orgName}）`;
            return { value: m.id, label, title: label };
          })}
        />
      </Form.Item>
    </FormModal>
  );
}
