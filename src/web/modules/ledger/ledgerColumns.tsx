import { Button, Popconfirm, Space, Tag, Typography, type TableColumnsType } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import type { LedgerEntry, LedgerFigure } from '../../../common/ledger.js';
import { formatCount } from '../../app/format.js';
import { moduleRecordPath } from './ledger.api.js';

/** 6月18日 or a period: the day, or first – last day. */
export function periodOf(entry: Pick<LedgerEntry, 'dateFrom' | 'dateTo'>): string {
  return entry.dateTo && entry.dateTo !== entry.dateFrom ? `${entry.dateFrom} – ${entry.dateTo}` : entry.dateFrom;
}

function FigureText({ figure }: { figure: LedgerFigure }) {
  const { t } = useTranslation();
  return (
    <div>
      {figure.counts}: {figure.approximate && `${t('ledger.figure.approx')} `}
      {formatCount(figure.value)}
      {figure.unit}
    </div>
  );
}

/** People reached, with its basis in words: counted by member (each once) or a figure as reported. */
export function PeopleReached({ entry }: { entry: Pick<LedgerEntry, 'peopleReached' | 'peopleBasis'> }) {
  const { t } = useTranslation();
  if (entry.peopleReached === null) return <>{t('common.none')}</>;
  return (
    <Space direction="vertical" size={0}>
      <span>{formatCount(entry.peopleReached)}</span>
      {entry.peopleBasis && (
        <Tag color={entry.peopleBasis === 'members' ? 'green' : 'default'} data-testid="ledger-basis">
          {t(`ledger.basis.${entry.peopleBasis}`)}
        </Tag>
      )}
    </Space>
  );
}

/** Where the entry came from; a module's entry links to the record it was added by. */
function SourceCell({ entry }: { entry: LedgerEntry }) {
  const { t } = useTranslation();
  return (
    <Space direction="vertical" size={0}>
      <Tag>{t(`ledger.source.${entry.source}`)}</Tag>
      {entry.moduleLink && (
        <Link to={moduleRecordPath(entry.moduleLink)} onClick={(e) => e.stopPropagation()} data-testid={`ledger-record-${entry.id}`}>
          {t('ledger.openRecord')}
        </Link>
      )}
      {entry.sourceRef && (
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {entry.sourceRef}
        </Typography.Text>
      )}
    </Space>
  );
}

/** The ledger table's columns; edit and delete only for holders of ledger.write. */
export function useLedgerColumns({
  canWrite,
  onEdit,
  onDelete,
}: {
  canWrite: boolean;
  onEdit: (entry: LedgerEntry) => void;
  onDelete: (entry: LedgerEntry) => void;
}): TableColumnsType<LedgerEntry> {
  const { t } = useTranslation();
  const columns: TableColumnsType<LedgerEntry> = [
    { key: 'date', title: t('ledger.field.date'), width: 190, render: (_: unknown, e) => periodOf(e) },
    {
      title: t('ledger.field.kind'),
      dataIndex: 'kind',
      width: 120,
      render: (k: LedgerEntry['kind']) => <Tag color="red">{t(`ledger.kinds.${k}`)}</Tag>,
    },
    {
      title: t('ledger.field.title'),
      dataIndex: 'title',
      render: (title: string, e) => (
        <Space direction="vertical" size={0}>
          <Typography.Text strong data-testid="ledger-entry-title">
            {title}
          </Typography.Text>
          {e.summary && (
            <Typography.Text type="secondary" style={{ fontSize: 12 }} ellipsis>
              {e.summary}
            </Typography.Text>
          )}
        </Space>
      ),
    },
    {
      key: 'organisers',
      title: t('ledger.field.organisers'),
      width: 200,
      render: (_: unknown, e) => (
        <Space direction="vertical" size={0}>
          <Typography.Text>{e.orgName}</Typography.Text>
          {[...e.coOrganisers.map((o) => o.name), ...e.otherOrganisers].map((name) => (
            <Typography.Text key={name} type="secondary" style={{ fontSize: 12 }}>
              {name}
            </Typography.Text>
          ))}
        </Space>
      ),
    },
    { title: t('ledger.field.place'), dataIndex: 'place', width: 140, ellipsis: true, render: (p: string | null) => p ?? t('common.none') },
    {
      key: 'people',
      title: t('ledger.field.peopleReached'),
      width: 110,
      align: 'right',
      render: (_: unknown, e) => <PeopleReached entry={e} />,
    },
    {
      key: 'figures',
      title: t('ledger.field.figures'),
      width: 200,
      render: (_: unknown, e) => (e.figures.length === 0 ? t('common.none') : e.figures.map((f) => <FigureText key={f.id} figure={f} />)),
    },
    { key: 'source', title: t('ledger.field.source'), width: 130, render: (_: unknown, e) => <SourceCell entry={e} /> },
  ];
  if (!canWrite) return columns;
  return [
    ...columns,
    {
      key: 'actions',
      title: t('ledger.field.actions'),
      width: 130,
      fixed: 'right',
      render: (_: unknown, e) => (
        <Space size={0} onClick={(event) => event.stopPropagation()}>
          <Button type="link" size="small" onClick={() => onEdit(e)} data-testid={`ledger-edit-${e.id}`}>
            {t('ledger.edit')}
          </Button>
          <Popconfirm
            title={t('ledger.deleteConfirm', { title: e.title })}
            onConfirm={() => onDelete(e)}
            okText={t('common.ok')}
            cancelText={t('common.cancel')}
          >
            <Button type="link" size="small" danger data-testid={`ledger-delete-${e.id}`}>
              {t('ledger.delete')}
            </Button>
          </Popconfirm>
        </Space>
      ),
    },
  ];
}
