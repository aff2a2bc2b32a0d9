import { Alert, Form, Modal, Select } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Employer } from '../../../common/employers.js';
import type { OrgWithAncestors } from '../../../common/orgs.js';
import { unionisationStages, type Meeting, type UnionisationStage } from '../../../common/outreach.js';
import { errorText, useNotify } from '../../app/notify.js';
import { buttonTestId } from '../../app/testId.js';
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
  const notify = useNotify();
  const [stage, setStage] = useState<UnionisationStage>(employer.unionisationStage);
  const [meetingId, setMeetingId] = useState<number | undefined>(undefined);
  const [meetings, setMeetings] = useState<Meeting[]>([]);
  const [isSaving, setSaving] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);

  useEffect(() => {
    let isCurrent = true;
    enterpriseMeetings(org)
      .then((found) => isCurrent && setMeetings(found))
      .catch(() => isCurrent && setMeetings([]));
    return () => {
      isCurrent = false;
    };
  }, [org]);

  const save = () => {
    setSaving(true);
    setFailure(null);
    outreachApi
      .setStage(employer.id, { version: employer.version, stage, meetingId: meetingId ?? null })
      .then(() => {
        notify.success(t('stage.changed'));
        onDone();
      })
      .catch((error: unknown) => setFailure(errorText(error, t('app.networkError'))))
      .finally(() => setSaving(false));
  };

  return (
    <Modal
      open
      title={t('stage.changeTitle', { name: employer.name })}
      onCancel={onClose}
      onOk={save}
      confirmLoading={isSaving}
      okButtonProps={buttonTestId('stage-ok')}
      destroyOnHidden
    >
      <Form layout="vertical">
        <Form.Item label={t('stage.label')} required>
          <Select<UnionisationStage>
            value={stage}
            onChange={setStage}
            options={unionisationStages.map((s) => ({ value: s, label: <StageTag stage={s} /> }))}
            data-testid="stage-select"
          />
        </Form.Item>
        <Form.Item label={t('stage.meeting')}>
          <Select<number>
            allowClear
            showSearch
            optionFilterProp="title"
            value={meetingId}
            onChange={(id) => setMeetingId(id ?? undefined)}
            notFoundContent={t('stage.noMeetings')}
            popupMatchSelectWidth={false}
            data-testid="stage-meeting"
            options={meetings.map((m) => {
              const label = `${m.heldOn} ${m.title}（${m.orgName}）`;
              return { value: m.id, label, title: label };
            })}
          />
        </Form.Item>
      </Form>
      {failure && <Alert type="error" showIcon message={failure} data-testid="stage-error" />}
    </Modal>
  );
}
