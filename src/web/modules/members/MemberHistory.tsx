import { Timeline, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { MemberDetail } from '../../../common/members.js';
import { formatDateTime } from '../../app/format.js';

/** A member's history, newest first: joined, moved, lapsed, re-joined, with the unions involved. */
export function MemberHistory({ member, names }: { member: MemberDetail; names: Map<number, string> }) {
  const { t } = useTranslation();
  return (
    <Timeline
      data-testid="member-history"
      items={[...member.history].reverse().map((h) => ({
        color: h.event === 'lapsed' ? 'gray' : h.event === 'joined' || h.event === 'rejoined' ? 'green' : 'blue',
        children: (
          <div>
            <Typography.Text strong>{t(`member.event.${h.event}`)}</Typography.Text>{' '}
            <Typography.Text type="secondary">{formatDateTime(h.at)}</Typography.Text>
            <div>
              {names.get(h.orgId) ?? `#${h.orgId}`}
              {h.fromOrgId !== null && ` ${t('member.fromOrg', { name: names.get(h.fromOrgId) ?? `#${h.fromOrgId}` })}`}
            </div>
            {h.reason && <Typography.Text type="secondary">{h.reason}</Typography.Text>}
          </div>
        ),
      }))}
    />
  );
}
