import { EditOutlined, FlagOutlined } from '@ant-design/icons';
import { Button, Space, Tag, Tooltip, Typography, type TableColumnsType } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Employer, IndustrySection } from '../../../common/employers.js';
import type { UnionisationStage } from '../../../common/outreach.js';
import { formatCount } from '../../app/format.js';
import { StageTag } from '../outreach/StageTag.js';

/** The employer list's columns; edit and stage buttons when the caller may write (both handlers given). */
export function useEmployerColumns(
  onEdit?: (employer: Employer) => void,
  onStage?: (employer: Employer) => void,
): TableColumnsType<Employer> {
  const { t } = useTranslation();
  const columns: TableColumnsType<Employer> = [
    {
      title: t('employer.field.name'),
      dataIndex: 'name',
      width: 220,
      fixed: 'left',
      ellipsis: { showTitle: false },
      render: (name: string) => (
        <Tooltip title={name} placement="topLeft">
          <Typography.Text strong>{name}</Typography.Text>
        </Tooltip>
      ),
    },
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
      width: 200,
      ellipsis: { showTitle: true },
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
  if (onEdit && onStage) {
    columns.push({
      title: t('common.actions'),
      key: 'actions',
      width: 100,
      // Fixed at the right edge: the buttons stay in reach however the page is scrolled (issue #11).
      fixed: 'right',
      render: (_v: unknown, employer) => (
        <Space size={0}>
          <Tooltip title={t('common.edit')}>
            <Button type="text" icon={<EditOutlined />} onClick={() => onEdit(employer)} data-testid={`edit-employer-${employer.id}`} />
          </Tooltip>
          <Tooltip title={t('stage.change')}>
            <Button type="text" icon={<FlagOutlined />} onClick={() => onStage(employer)} data-testid={`stage-employer-${employer.id}`} />
          </Tooltip>
        </Space>
      ),
    });
  }

  return columns;
}
