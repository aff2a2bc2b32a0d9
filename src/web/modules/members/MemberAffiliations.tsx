import { DeleteOutlined } from '@ant-design/icons';
import { Button, List, Popconfirm, Space, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { MemberDetail } from '../../../common/members.js';
import { coveringKinds, type OrgSearchHit } from '../../../common/orgs.js';
import { useAuth } from '../../app/auth.js';
import { useNotify } from '../../app/notify.js';
import { buttonTestId } from '../../app/testId.js';
import { OrgSearch } from '../orgs/OrgSearch.js';
import { membersApi } from './members.api.js';

/**
 * 其他所属工会: the member's secondary affiliations by name; with member.write, add one (a union picked by name) or
 * remove one. The server checks the caller may change both the member and that union.
 */
export function MemberAffiliations({ member, onChanged }: { member: MemberDetail; onChanged: () => void }) {
  const { t } = useTranslation();
  const { can } = useAuth();
  const notify = useNotify();
  const [picked, setPicked] = useState<OrgSearchHit | null>(null);
  const [pickerKey, setPickerKey] = useState(0);
  const [isBusy, setBusy] = useState(false);
  const canWrite = can('member.write');
  const taken = new Set([member.orgId, ...member.secondaryOrgs.map((o) => o.id)]);

  const run = async (work: () => Promise<unknown>, done: string) => {
    setBusy(true);
    try {
      await work();
      notify.success(done);
      setPicked(null);
      setPickerKey((k) => k + 1);
      onChanged();
    } catch (error) {
      notify.error(error);
    } finally {
      setBusy(false);
    }
  };

  return (
    <section data-testid="member-affiliations" style={{ marginBottom: 16 }}>
      <Typography.Title level={5}>{t('member.affiliations.title')}</Typography.Title>
      <List
        size="small"
        bordered
        dataSource={member.secondaryOrgs}
        locale={{ emptyText: t('member.affiliations.none') }}
        renderItem={(org) => (
          <List.Item
            data-testid={`affiliation-${org.id}`}
            actions={
              canWrite
                ? [
                    <Popconfirm
                      key="remove"
                      title={t('member.affiliations.removeConfirm', { name: org.name })}
                      okText={t('common.ok')}
                      cancelText={t('common.cancel')}
                      okButtonProps={{ ...buttonTestId(`affiliation-remove-ok-${org.id}`), danger: true }}
                      onConfirm={() => run(() => membersApi.removeAffiliation(member.id, org.id), t('member.affiliations.removed'))}
                    >
                      <Button size="small" type="link" danger icon={<DeleteOutlined />} data-testid={`affiliation-remove-${org.id}`}>
                        {t('member.affiliations.remove')}
                      </Button>
                    </Popconfirm>,
                  ]
                : []
            }
          >
            {org.name}
          </List.Item>
        )}
      />
      {canWrite && (
        <>
          <Space.Compact style={{ width: '100%', marginTop: 8 }}>
            <OrgSearch
              key={pickerKey}
              keepName
              accept={(hit) => coveringKinds.includes(hit.kind) && !taken.has(hit.id)}
              placeholder={t('member.affiliations.pick')}
              onPick={setPicked}
              onClear={() => setPicked(null)}
              testId="affiliation-pick"
              style={{ flex: 1 }}
            />
            <Button
              type="primary"
              disabled={!picked}
              loading={isBusy}
              onClick={() => picked && void run(() => membersApi.addAffiliation(member.id, picked.id), t('member.affiliations.added'))}
              data-testid="affiliation-add"
            >
              {t('member.affiliations.add')}
            </Button>
          </Space.Compact>
          <Typography.Paragraph type="secondary" style={{ fontSize: 12, marginTop: 4, marginBottom: 0 }}>
            {t('member.affiliations.hint')}
          </Typography.Paragraph>
        </>
      )}
    </section>
  );
}
