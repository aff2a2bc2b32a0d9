import { EditOutlined, FlagOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Input, InputNumber, Select, Space, Tag, Tooltip, Typography, type TableColumnsType } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { industrySections, type Employer, type IndustrySection } from '../../../common/employers.js';
import type { OrgWithAncestors } from '../../../common/orgs.js';
import type { UnionisationStage } from '../../../common/outreach.js';
import { useAuth } from '../../app/auth.js';
import { formatCount } from '../../app/format.js';
import { ListPage, useList } from '../../app/ListPage.js';
import { StageModal } from '../outreach/StageModal.js';
import { StageTag } from '../outreach/StageTag.js';
import { EmployerFormModal } from './EmployerFormModal.js';
import { employersApi, type EmployerFilters } from './employers.api.js';

const PAGE_SIZE = 50;

/** The 企业 tab: employers located in or covered under this node, with filters and create / edit. */
export function EmployersTab({ org }: { org: OrgWithAncestors }) {
  const { t } = useTranslation();
  const { can } = useAuth();
  const [editing, setEditing] = useState<Employer | 'new' | null>(null);
  const [staging, setStaging] = useState<Employer | null>(null);
  const list = useList((filters: EmployerFilters, cursor) => employersApi.list(org.id, filters, cursor, PAGE_SIZE), {
    initial: {},
    scope: org.id,
  });
  const { draft, apply, edit } = list;
  const canWrite = can('employer.write');

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
    <ListPage
      list={list}
      columns={columns}
      testId="employers"
      containerTestId="employers-tab"
      scrollX={1100}
      canReset
      filters={
        <>
          <Input.Search
            allowClear
            placeholder={t('employer.searchName')}
            value={draft.q ?? ''}
            onChange={(e) => edit({ q: e.target.value || undefined })}
            onSearch={(q) => apply({ q: q.trim() || undefined })}
            style={{ width: 220 }}
            data-testid="employer-filter-q"
          />
          <Select
            allowClear
            placeholder={t('employer.field.covered')}
            value={draft.covered}
            onChange={(covered: 'yes' | 'no' | undefined) => apply({ covered })}
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
            onChange={(n) => edit({ minHeadcount: n ?? undefined })}
            onPressEnter={() => apply({})}
            onBlur={() => apply({})}
            style={{ width: 150 }}
            data-testid="employer-filter-min-headcount"
          />
          <Select
            allowClear
            showSearch
            optionFilterProp="label"
            placeholder={t('employer.field.industry')}
            value={draft.industry}
            onChange={(industry: IndustrySection | undefined) => apply({ industry })}
            options={industrySections.map((s) => ({ value: s, label: `${s} ${t(`employer.industry.${s}`)}` }))}
            style={{ width: 220 }}
            popupMatchSelectWidth={false}
            data-testid="employer-filter-industry"
          />
        </>
      }
      actions={
        canWrite && (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing('new')} data-testid="create-employer">
            {t('employer.create')}
          </Button>
        )
      }
    >
      {staging && (
        <StageModal
          org={org}
          employer={staging}
          onClose={() => setStaging(null)}
          onDone={() => {
            setStaging(null);
            list.restart();
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
            list.restart();
          }}
        />
      )}
    </ListPage>
  );
}
