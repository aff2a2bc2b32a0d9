import { Input, Select, Space, Typography, type TableColumnsType } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { employmentForms, memberStatuses, type EmploymentForm, type Member, type MemberStatus } from '../../../common/members.js';
import { ListPage, useList } from '../../app/ListPage.js';
import { ExportMembersButton } from './ExportMembersButton.js';
import { MemberDrawer } from './MemberDrawer.js';
import { CardStatusTag, EmploymentTag, MemberStatusTag } from './memberTags.js';
import { membersApi, type MemberFilters } from './members.api.js';

const PAGE_SIZE = 50;

/** The 会员 tab: members of this node's subtree, searchable by name, pinyin, phone, ID or card number. */
export function MembersTab({ orgId, orgName }: { orgId: number; orgName: string }) {
  const { t } = useTranslation();
  const [openId, setOpenId] = useState<number | null>(null);
  const list = useList((filters: MemberFilters, cursor) => membersApi.list(orgId, filters, cursor, PAGE_SIZE), {
    initial: {},
    scope: orgId,
  });
  const { draft, apply } = list;

  const columns: TableColumnsType<Member> = [
    {
      title: t('member.field.name'),
      dataIndex: 'name',
      width: 110,
      fixed: 'left',
      sorter: true,
      sortDirections: ['ascend'],
      sortOrder: list.filter.sort === 'name' ? 'ascend' : null,
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
    { title: t('member.field.union'), dataIndex: 'orgName', width: 200, ellipsis: { showTitle: true } },
    {
      title: t('member.field.joinDate'),
      dataIndex: 'joinDate',
      width: 120,
      sorter: true,
      sortOrder: list.filter.sort === 'joinDateAsc' ? 'ascend' : list.filter.sort === 'joinDateDesc' ? 'descend' : null,
      render: (d: string) => <span style={{ whiteSpace: 'nowrap' }}>{d}</span>,
    },
    { title: t('member.field.status'), dataIndex: 'status', width: 80, render: (s: MemberStatus) => <MemberStatusTag status={s} /> },
    {
      title: t('member.field.card'),
      key: 'card',
      width: 220,
      // Fixed at the right edge: the card is what a cadre looks for, never scrolled out of a narrow page.
      fixed: 'right',
      render: (_v: unknown, m) => (
        <Space size={6} style={{ whiteSpace: 'nowrap' }} data-testid={`member-card-${m.id}`}>
          <CardStatusTag status={m.cardStatus} />
          {m.cardNo && <span className="mono">{m.cardNo}</span>}
        </Space>
      ),
    },
  ];

  return (
    <ListPage
      list={list}
      columns={columns}
      testId="members"
      containerTestId="members-tab"
      scrollX={1220}
      emptyText={t('member.empty')}
      onRow={(member) => ({ onDoubleClick: () => setOpenId(member.id) })}
      onChange={(_pagination, _filters, sorter) => {
        const one = Array.isArray(sorter) ? sorter[0] : sorter;
        const sort: MemberFilters['sort'] = !one?.order
          ? undefined
          : one.field === 'name'
            ? 'name'
            : one.order === 'ascend'
              ? 'joinDateAsc'
              : 'joinDateDesc';
        apply({ sort });
      }}
      canReset
      filters={
        <>
          <Input.Search
            allowClear
            placeholder={t('member.searchPlaceholder')}
            value={draft.q ?? ''}
            onChange={(e) => list.edit({ q: e.target.value || undefined })}
            onSearch={(q) => apply({ q: q.trim() || undefined })}
            style={{ width: 360 }}
            data-testid="member-search"
          />
          <Select
            allowClear
            placeholder={t('member.field.status')}
            value={draft.status}
            onChange={(status: MemberStatus | undefined) => apply({ status })}
            options={memberStatuses.map((s) => ({ value: s, label: t(`member.status.${s}`) }))}
            style={{ width: 120 }}
            data-testid="member-filter-status"
          />
          <Select
            allowClear
            placeholder={t('member.field.employmentForm')}
            value={draft.employmentForm}
            onChange={(employmentForm: EmploymentForm | undefined) => apply({ employmentForm })}
            options={employmentForms.map((f) => ({ value: f, label: t(`member.employmentForm.${f}`) }))}
            style={{ width: 170 }}
            popupMatchSelectWidth={false}
            data-testid="member-filter-form"
          />
        </>
      }
      actions={<ExportMembersButton orgId={orgId} orgName={orgName} filters={list.filter} />}
    >
      {openId !== null && <MemberDrawer memberId={openId} onClose={() => setOpenId(null)} onChanged={list.restart} />}
    </ListPage>
  );
}
