import { Select } from 'antd';
import { useEffect, useState, type CSSProperties } from 'react';
import { useTranslation } from 'react-i18next';
import { coveringKinds, type OrgWithAncestors } from '../../../common/orgs.js';
import { Meeting } from '../../../common/outreach.js';
import { pageOf } from '../../../common/paging.js';
import { api } from '../../app/api.js';
import { orgsApi } from '../orgs/orgs.api.js';

/** Recent meetings offered; older ones are rarely what an evening's intake or a review filter is about. */
const MEETING_LIMIT = 200;

const listMeetings = (orgId: number) => api.get('/api/meetings', pageOf(Meeting), { orgId, kind: 'worker', limit: MEETING_LIMIT });

/**
 * The worker meetings (职工沟通会) that can bring applications to an org. A union's applicants come from meetings
 * its street or district held, so for a union the district's list is read (or, beyond the caller's view, the
 * union's own) and narrowed to meetings held by the union or one of its ancestors; a federation sees its subtree's.
 */
async function meetingsFor(org: OrgWithAncestors): Promise<Meeting[]> {
  if (!coveringKinds.includes(org.kind)) return (await listMeetings(org.id)).items;
  const chain = new Set([...org.ancestors.map((a) => a.id), org.id]);
  const district = org.ancestors[1];
  const page = await (district ? listMeetings(district.id).catch(() => listMeetings(org.id)) : listMeetings(org.id));
  return page.items.filter((m) => chain.has(m.orgId));
}

export function MeetingPicker({
  orgId,
  value,
  onChange,
  placeholder,
  testId,
  style,
}: {
  orgId: number | null;
  value: number | undefined;
  onChange: (meetingId: number | undefined) => void;
  placeholder: string;
  testId: string;
  style?: CSSProperties;
}) {
  const { t } = useTranslation();
  const [meetings, setMeetings] = useState<Meeting[]>([]);
  const [isLoading, setLoading] = useState(false);

  useEffect(() => {
    setMeetings([]);
    if (orgId === null) return;
    let isCurrent = true;
    setLoading(true);
    orgsApi
      .get(orgId)
      .then(meetingsFor)
      .then((found) => isCurrent && setMeetings(found))
      .catch(() => isCurrent && setMeetings([]))
      .finally(() => isCurrent && setLoading(false));
    return () => {
      isCurrent = false;
    };
  }, [orgId]);

  return (
    <Select<number>
      allowClear
      showSearch
      optionFilterProp="label"
      loading={isLoading}
      value={value}
      onChange={(id) => onChange(id ?? undefined)}
      placeholder={placeholder}
      notFoundContent={t('intake.noMeetings')}
      popupMatchSelectWidth={false}
      style={style}
      data-testid={testId}
      options={meetings.map((m) => ({
        value: m.id,
        label: `${m.heldOn} ${m.title}（${m.orgName}）`,
      }))}
    />
  );
}
