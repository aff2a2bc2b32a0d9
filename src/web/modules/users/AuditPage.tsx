import { Input, Select, Tag, Typography, type TableColumnsType } from 'antd';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import { REVEAL_ACTIONS, type AuditRecord } from '../../../common/audit.js';
import { formatDateTime } from '../../app/format.js';
import { ListPage, useList } from '../../app/ListPage.js';
import { OrgSearch } from '../orgs/OrgSearch.js';
import { usersApi, type AuditFilter } from './users.api.js';

const PAGE_SIZE = 50;
const resultColors: Record<AuditRecord['result'], string> = { ok: 'green', denied: 'orange', failed: 'red' };
const actionChoices = ['reveals', 'member.reveal', 'member.export.done', 'auth.login'] as const;

const text = (value: unknown): string | undefined => (typeof value === 'string' || typeof value === 'number' ? String(value) : undefined);

/** An entry's detail in words: the revealed field and the reason, masked or full export and its rows, a refusal and its repeats. */
export function describeDetail(record: AuditRecord, t: TFunction): string {
  const d = record.detail;
  if (!d) return '';
  const parts: string[] = [];
  const field = text(d.field);
  if (record.action === 'member.reveal' && (field === 'idNumber' || field === 'phone')) {
    parts.push(t('audit.describe.field', { field: t(`member.field.${field}`) }));
  }
  if (typeof d.masked === 'boolean') parts.push(t(d.masked ? 'audit.describe.masked' : 'audit.describe.full'));
  if (text(d.rows) !== undefined) parts.push(t('audit.describe.rows', { rows: text(d.rows) }));
  if (d.complete === false) parts.push(t('audit.describe.incomplete'));
  if (text(d.reason) !== undefined) {
    parts.push(
      record.action === 'auth.login'
        ? t('audit.describe.loginReason', { reason: text(d.reason) })
        : t('audit.describe.reason', { reason: text(d.reason) }),
    );
  }
  if (text(d.code) !== undefined) parts.push(t('audit.describe.code', { code: text(d.code) }));
  if (text(d.count) !== undefined) {
    const at = (v: unknown) => (typeof v === 'string' ? formatDateTime(v) : '');
    parts.push(t('audit.describe.count', { count: text(d.count), firstAt: at(d.firstAt), lastAt: at(d.lastAt) }));
  }
  if (d.rateLimited === true) parts.push(t('audit.describe.rateLimited'));
  if (parts.length > 0) return parts.join('；');
  // Other writes: their own fields, as recorded.
  return Object.entries(d)
    .filter(([, v]) => v !== null && v !== undefined && typeof v !== 'object')
    .map(([k, v]) => `${k}: ${String(v)}`)
    .join('；');
}

/** 操作日志: who did what to which record, newest first, filtered by organisation, action, person, result and period. */
export function AuditPage() {
  const { t } = useTranslation();
  const list = useList((filter: AuditFilter, cursor) => usersApi.audit(filter, cursor, PAGE_SIZE), { initial: {} });
  const set = list.apply;

  const columns: TableColumnsType<AuditRecord> = [
    { title: t('audit.at'), dataIndex: 'at', width: 180, render: (at: string) => formatDateTime(at) },
    { title: t('audit.username'), dataIndex: 'username', width: 120, render: (u: string | null) => u ?? t('common.none') },
    { title: t('audit.action'), dataIndex: 'action', render: (a: string) => <Typography.Text code>{a}</Typography.Text> },
    {
      title: t('audit.target'),
      key: 'target',
      render: (_v: unknown, r) => (r.targetType ? `${r.targetType}${r.targetId ? ` #${r.targetId}` : ''}` : t('common.none')),
    },
    { title: t('audit.detail'), key: 'detail', render: (_v: unknown, r) => describeDetail(r, t) },
    {
      title: t('audit.result'),
      dataIndex: 'result',
      width: 100,
      render: (result: AuditRecord['result']) => <Tag color={resultColors[result]}>{t(`audit.results.${result}`)}</Tag>,
    },
    { title: t('audit.ip'), dataIndex: 'ip', width: 140, render: (ip: string | null) => ip ?? t('common.none') },
  ];

  return (
    <ListPage
      list={list}
      columns={columns}
      testId="audit"
      containerTestId="audit-page"
      title={t('audit.title')}
      scrollX={1100}
      filters={
        <>
          <OrgSearch
            testId="audit-org"
            keepName
            placeholder={t('audit.allOrgs')}
            onPick={(hit) => set({ orgId: hit.id })}
            onClear={() => set({ orgId: undefined })}
            style={{ width: 240 }}
          />
          <Select
            allowClear
            placeholder={t('audit.filterAction')}
            style={{ width: 180 }}
            options={actionChoices.map((a) => ({ value: a, label: t(`audit.actions.${a}`) }))}
            onChange={(a: (typeof actionChoices)[number] | undefined) => set({ action: a === 'reveals' ? REVEAL_ACTIONS.join(',') : a })}
            data-testid="audit-action"
          />
          <Input.Search
            allowClear
            placeholder={t('audit.filterUsername')}
            style={{ width: 160 }}
            onSearch={(v) => set({ username: v.trim() || undefined })}
            data-testid="audit-username"
          />
          <Select
            allowClear
            placeholder={t('audit.filterResult')}
            style={{ width: 120 }}
            options={(['ok', 'denied', 'failed'] as const).map((r) => ({ value: r, label: t(`audit.results.${r}`) }))}
            onChange={(r: AuditRecord['result'] | undefined) => set({ result: r })}
            data-testid="audit-result"
          />
          <Input
            type="date"
            aria-label={t('audit.filterPeriod')}
            style={{ width: 150 }}
            onChange={(e) => set({ from: e.target.value || undefined })}
            data-testid="audit-from"
          />
          <Input
            type="date"
            aria-label={t('audit.filterPeriod')}
            style={{ width: 150 }}
            onChange={(e) => set({ to: e.target.value ? nextDay(e.target.value) : undefined })}
            data-testid="audit-to"
          />
        </>
      }
    />
  );
}

/** The day after `date` (YYYY-MM-DD): the list's `to` is exclusive, the picker's end day inclusive. */
function nextDay(date: string): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + 1);
  return d.toISOString().slice(0, 10);
}
