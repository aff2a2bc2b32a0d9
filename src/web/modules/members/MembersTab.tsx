import { Button, Input, Select, Space, Table, Typography, type TableColumnsType } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { employmentForms, memberStatuses, type EmploymentForm, type Member, type MemberStatus } from '../../../common/members.js';
import { PagerBar, useCursorPages } from '../../app/paging.js';
import { ExportMembersButton } from './ExportMembersButton.js';
import { MemberDrawer } from './MemberDrawer.js';
import { CardStatusTag, EmploymentTag, MemberStatusTag } from './memberTags.js';
import { membersApi, type MemberFilters } from './members.api.js';

const PAGE_SIZE = 50;

/** The 会员 tab: members of this node's subtree, searchable by name, pinyin, phone, ID or card number. */
export function MembersTab({ orgId, orgName }: { orgId: number; orgName: string }) {
  const { t } = useTranslation();
  const [draft, setDraft] = useState<MemberFilters>({});
  const [filters, setFilters] = useState<MemberFilters>({});
  const [version, setVersion] = useState(0);
  const [openId, setOpenId] = useState<number | null>(null);
  const pages = useCursorPages(
    (cursor) => membersApi.list(orgId, filters, cursor, PAGE_SIZE),
    `${orgId}:${JSON.stringify(filters)}:${version}`,
  );

  const apply = (next: MemberFilters) => {
    setDraft(next);
    setFilters(next);
  };

  const columns: TableColumnsType<Member> = [
    {
      title: t('member.field.name'),
      dataIndex: 'name',
      width: 110,
      fixed: 'left',
      render: (name: string, member) => (
        <Typography.Link strong onClick={() => setOpenId(member.id)} data-testid={`member-link-${member.id}`}>
          {name}
        </Typography.Link>
      ),
    },
    {
      title: t('member.field.idNumber'),
      dataIndex: 'idNumberMasked',
      width: 180,
      render: (v: string) => <span className="mono">{v}</span>,
    },
    {
      title: t('member.field.phone'),
      dataIndex: 'phoneMasked',
      width: 120,
      render: (v: string | null) => <span className="mono">{v ?? t('common.none')}</span>,
    },
    { title: t('member.field.gender'), dataIndex: 'gender', width: 60, render: (g: Member['gender']) => t(`member.gender.${g}`) },
    {
      title: t('member.field.employmentForm'),
      dataIndex: 'employmentForm',
      width: 140,
      render: (f: EmploymentForm) => <EmploymentTag form={f} />,
    },
    { title: t('member.field.union'), dataIndex: 'orgName', ellipsis: true },
    { title: t('member.field.joinDate'), dataIndex: 'joinDate', width: 110 },
    { title: t('member.field.status'), dataIndex: 'status', width: 80, render: (s: MemberStatus) => <MemberStatusTag status={s} /> },
    {
      title: t('member.field.card'),
      key: 'card',
      width: 200,
      render: (_v: unknown, m) => (
        <Space size={6}>
          <CardStatusTag status={m.cardStatus} />
          {m.cardNo && <span className="mono">{m.cardNo}</span>}
        </Space>
      ),
    },
  ];

  return (
    <div data-testid="members-tab">
      <div className="filters">
        <Input.Search
          allowClear
          placeholder={t('member.searchPlaceholder')}
          value={draft.q ?? ''}
          onChange={(e) => setDraft({ ...draft, q: e.target.value || undefined })}
          onSearch={(q) => apply({ ...draft, q: q.trim() || undefined })}
          style={{ width: 300 }}
          data-testid="member-search"
        />
        <Select
          allowClear
          placeholder={t('member.field.status')}
          value={draft.status}
          onChange={(status: MemberStatus | undefined) => apply({ ...draft, status })}
          options={memberStatuses.map((s) => ({ value: s, label: t(`member.status.${s}`) }))}
          style={{ width: 120 }}
          data-testid="member-filter-status"
        />
        <Select
          allowClear
          placeholder={t('member.field.employmentForm')}
          value={draft.employmentForm}
          onChange={(employmentForm: EmploymentForm | undefined) => apply({ ...draft, employmentForm })}
          options={employmentForms.map((f) => ({ value: f, label: t(`member.employmentForm.${f}`) }))}
          style={{ width: 170 }}
          popupMatchSelectWidth={false}
          data-testid="member-filter-form"
        />
        <Button onClick={() => apply({})}>{t('common.reset')}</Button>
        <span style={{ marginLeft: 'auto' }}>
          <ExportMembersButton orgId={orgId} orgName={orgName} />
        </span>
      </div>
      <Table<Member>
        rowKey="id"
        size="middle"
        columns={columns}
        dataSource={pages.items}
        loading={pages.isLoading}
        pagination={false}
        scroll={{ x: 1100 }}
        locale={{ emptyText: t('member.empty') }}
        onRow={(member) => ({ onDoubleClick: () => setOpenId(member.id) })}
        data-testid="members-table"
      />
      <PagerBar pages={pages} testId="members-pager" />
      {openId !== null && <MemberDrawer memberId={openId} onClose={() => setOpenId(null)} onChanged={() => setVersion((n) => n + 1)} />}
    </div>
  );
}
