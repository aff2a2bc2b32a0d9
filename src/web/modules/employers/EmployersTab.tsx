import { EditOutlined, FlagOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Input, InputNumber, Select, Space, Table, Tag, Tooltip, Typography, type TableColumnsType } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { industrySections, type Employer, type IndustrySection } from '../../../common/employers.js';
import type { OrgWithAncestors } from '../../../common/orgs.js';
import type { UnionisationStage } from '../../../common/outreach.js';
import { useAuth } from '../../app/auth.js';
import { formatCount } from '../../app/format.js';
import { PagerBar, useCursorPages } from '../../app/paging.js';
import { StageModal } from '../outreach/StageModal.js';
import { StageTag } from '../outreach/StageTag.js';
import { EmployerFormModal } from './EmployerFormModal.js';
import { employersApi, type EmployerFilters } from './employers.api.js';

const PAGE_SIZE = 50;

/** The 企业 tab: employers located in or covered under this node, with filters and create / edit. */
export function EmployersTab({ org }: { org: OrgWithAncestors }) {
  const { t } = useTranslation();
  const { can } = useAuth();
  const [draft, setDraft] = useState<EmployerFilters>({});
  const [filters, setFilters] = useState<EmployerFilters>({});
  const [version, setVersion] = useState(0);
  const [editing, setEditing] = useState<Employer | 'new' | null>(null);
  const [staging, setStaging] = useState<Employer | null>(null);
  const pages = useCursorPages(
    (cursor) => employersApi.list(org.id, filters, cursor, PAGE_SIZE),
    `${org.id}:${JSON.stringify(filters)}:${version}`,
  );
  const canWrite = can('employer.write');

  const apply = (next: EmployerFilters) => {
    setDraft(next);
    setFilters(next);
  };

  const columns: TableColumnsType<Employer> = [
    { title: t('employer.field.name'), dataIndex: 'name', render: (name: string) => <Typography.Text strong>{name}</Typography.Text> },
    {
      title: t('employer.field.uscc'),
      dataIndex: 'uscc',
      width: 190,
      render: (uscc: string | null) => <span style={{ fontFamily: 'monospace' }}>{uscc ?? t('common.none')}</span>,
    },
    { title: t('employer.field.headcount'), dataIndex: 'headcount', width: 100, align: 'right', render: (n: number) => formatCount(n) },
    {
      title: t('employer.field.industry'),
      dataIndex: 'industry',
      width: 160,
      render: (s: IndustrySection) => (
        <Tooltip title={t(`employer.industry.${s}`)}>
          <Typography.Text ellipsis style={{ maxWidth: 150 }}>{`${s} ${t(`employer.industry.${s}`)}`}</Typography.Text>
        </Tooltip>
      ),
    },
    { title: t('employer.field.street'), dataIndex: 'streetName', width: 150 },
    {
      title: t('employer.field.union'),
      dataIndex: 'unionName',
      render: (name: string | null) => (name ? name : <Tag color="orange">{t('employer.notCovered')}</Tag>),
    },
    {
      title: t('stage.label'),
      dataIndex: 'unionisationStage',
      width: 120,
      render: (stage: UnionisationStage, employer) => (
        <span data-testid={`stage-${employer.id}`}>
          <StageTag stage={stage} />
        </span>
      ),
    },
  ];
  if (canWrite) {
    columns.push({
      title: t('common.actions'),
      key: 'actions',
      width: 100,
      render: (_v: unknown, employer) => (
        <Space size={0}>
          <Tooltip title={t('common.edit')}>
            <Button type="text" icon={<EditOutlined />} onClick={() => setEditing(employer)} data-testid={`edit-employer-${employer.id}`} />
          </Tooltip>
          <Tooltip title={t('stage.change')}>
            <Button
              type="text"
              icon={<FlagOutlined />}
              onClick={() => setStaging(employer)}
              data-testid={`stage-employer-${employer.id}`}
            />
          </Tooltip>
        </Space>
      ),
    });
  }

  return (
    <div data-testid="employers-tab">
      <div className="filters">
        <Input.Search
          allowClear
          placeholder={t('employer.searchName')}
          value={draft.q ?? ''}
          onChange={(e) => setDraft({ ...draft, q: e.target.value || undefined })}
          onSearch={(q) => apply({ ...draft, q: q.trim() || undefined })}
          style={{ width: 220 }}
          data-testid="employer-filter-q"
        />
        <Select
          allowClear
          placeholder={t('employer.field.covered')}
          value={draft.covered}
          onChange={(covered: 'yes' | 'no' | undefined) => apply({ ...draft, covered })}
          options={[
            { value: 'yes', label: t('employer.covered.yes') },
            { value: 'no', label: t('employer.covered.no') },
          ]}
          style={{ width: 130 }}
          data-testid="employer-filter-covered"
        />
        <InputNumber
          min={0}
          precision={0}
          placeholder={t('employer.field.minHeadcount')}
          value={draft.minHeadcount ?? null}
          onChange={(n) => setDraft({ ...draft, minHeadcount: n ?? undefined })}
          onPressEnter={() => apply(draft)}
          onBlur={() => apply(draft)}
          style={{ width: 150 }}
          data-testid="employer-filter-min-headcount"
        />
        <Select
          allowClear
          showSearch
          optionFilterProp="label"
          placeholder={t('employer.field.industry')}
          value={draft.industry}
          onChange={(industry: IndustrySection | undefined) => apply({ ...draft, industry })}
          options={industrySections.map((s) => ({ value: s, label: `${s} ${t(`employer.industry.${s}`)}` }))}
          style={{ width: 220 }}
          popupMatchSelectWidth={false}
          data-testid="employer-filter-industry"
        />
        <Button onClick={() => apply({})}>{t('common.reset')}</Button>
        {canWrite && (
          <Button
            type="primary"
            icon={<PlusOutlined />}
            onClick={() => setEditing('new')}
            style={{ marginLeft: 'auto' }}
            data-testid="create-employer"
          >
            {t('employer.create')}
          </Button>
        )}
      </div>
      <Table<Employer>
        rowKey="id"
        size="middle"
        columns={columns}
        dataSource={pages.items}
        loading={pages.isLoading}
        pagination={false}
        scroll={{ x: 1100 }}
        data-testid="employers-table"
      />
      <PagerBar pages={pages} testId="employers-pager" />
      {staging && (
        <StageModal
          org={org}
          employer={staging}
          onClose={() => setStaging(null)}
          onDone={() => {
            setStaging(null);
            setVersion((n) => n + 1);
          }}
        />
      )}
      {editing && (
        <EmployerFormModal
          org={org}
          employer={editing === 'new' ? null : editing}
          onClose={() => setEditing(null)}
          onDone={() => {
            setEditing(null);
            setVersion((n) => n + 1);
          }}
        />
      )}
    </div>
  );
}
