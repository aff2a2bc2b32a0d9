import { Tag, Typography, type TableColumnsType } from 'antd';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import type { AuditRecord } from '../../../common/audit.js';
import { errorMessage, isErrorCode } from '../../../common/errors.js';
import { auditActionLabel, describeAuditAction } from '../../../common/audit.actions.js';
import { minuteOf } from '../../../common/beijing-time.js';
import { formatDateTime } from '../../app/format.js';
import { currentLocale, i18next } from '../../i18n/index.js';

/** The username the platform's own work (demo data, automatic confirmations) is recorded under. */
const SYSTEM_ACTOR = 'system';

const resultColors: Record<AuditRecord['result'], string> = { ok: 'green', denied: 'orange', failed: 'red' };

const text = (value: unknown): string | undefined => (typeof value === 'string' || typeof value === 'number' ? String(value) : undefined);

/** Detail fields the sentence of the entry already says (or that are ids and filters, not for reading). */
const saidElsewhere = new Set(['role', 'stage', 'rows', 'field', 'filters', 'meetingId', 'grantId', 'username', 'name', 'kind', 'title']);

/** An entry's detail in words: the reason, masked or full export, a refusal and its repeats; other fields as recorded. */
export function describeDetail(record: AuditRecord, t: TFunction): string {
  const d = record.detail;
  if (!d) return '';
  const parts: string[] = [];
  if (typeof d.masked === 'boolean') parts.push(t(d.masked ? 'audit.describe.masked' : 'audit.describe.full'));
  if (d.complete === false) parts.push(t('audit.describe.incomplete'));
  const reason = text(d.reason);
  if (reason !== undefined) {
    const words = valueInWords(reason, t);
    parts.push(
      record.action === 'auth.login' ? t('audit.describe.loginReason', { reason: words }) : t('audit.describe.reason', { reason: words }),
    );
  }
  const code = text(d.code);
  if (code !== undefined) parts.push(t('audit.describe.code', { code: isErrorCode(code) ? errorMessage(code, currentLocale()) : code }));
  if (text(d.count) !== undefined) {
    const at = (v: unknown) => (typeof v === 'string' ? formatDateTime(v) : '');
    parts.push(t('audit.describe.count', { count: text(d.count), firstAt: at(d.firstAt), lastAt: at(d.lastAt) }));
  }
  if (d.rateLimited === true) parts.push(t('audit.describe.rateLimited'));
  if (parts.length > 0) return parts.join('；');
  // Other writes: their own fields, as recorded.
  return Object.entries(d)
    .filter(([k, v]) => v !== null && v !== undefined && typeof v !== 'object' && !saidElsewhere.has(k))
    .map(([k, v]) => `${fieldInWords(k, t)}：${(fieldValueFormats[k] ?? valueInWords)(String(v), t)}`)
    .join('；');
}

/** Fields whose recorded value reads better formatted: an instant as Beijing's day and minute, a heat's cut in words. */
const fieldValueFormats: Partial<Record<string, (value: string, t: TFunction) => string>> = {
  kickoff: (value) => {
    const at = new Date(value);
    return Number.isNaN(at.getTime()) ? value : minuteOf(at);
  },
  cut: (value, t) => {
    const key = `audit.cuts.${value}`;
    return i18next.exists(key) ? t(key as 'audit.cuts.place') : value;
  },
};

/** A recorded field's name in words (`seed` → 随机种子), or as recorded. */
function fieldInWords(field: string, t: TFunction): string {
  const key = `audit.fields.${field}`;
  return i18next.exists(key) ? t(key as 'audit.fields.seed') : field;
}

/** A recorded coded value in words (`wrong_password` → 密码错误), or as recorded (names, numbers). */
function valueInWords(value: string, t: TFunction): string {
  const key = `audit.values.${value}`;
  return i18next.exists(key) ? t(key as 'audit.values.member') : value;
}

/** Who acted: the person's name, 系统 for the platform's own work, — for an anonymous caller. */
export function actorInWords(entry: Pick<AuditRecord, 'username' | 'actorName'>, t: TFunction): string {
  if (entry.username === null) return t('common.none');
  if (entry.username === SYSTEM_ACTOR && entry.actorName === null) return t('audit.describe.system');
  // A member's own writes carry `member:<id>` (or `member` alone where the entry must not name them, a withdrawal).
  const member = /^member(?::(\d+))?$/.exec(entry.username);
  if (member && entry.actorName === null)
    return member[1] ? t('audit.describe.memberNumbered', { id: member[1] }) : t('audit.describe.member');
  return entry.actorName ?? entry.username;
}

/** The audit table's columns: when, who (name and username), what in words, detail, result, address. */
export function useAuditColumns(): TableColumnsType<AuditRecord> {
  const { t } = useTranslation();
  const locale = currentLocale();
  return [
    { title: t('audit.at'), dataIndex: 'at', width: 170, render: (at: string) => formatDateTime(at) },
    {
      title: t('audit.username'),
      key: 'who',
      width: 150,
      render: (_v: unknown, r) =>
        r.username === null || r.actorName === null ? (
          actorInWords(r, t)
        ) : (
          <span>
            {r.actorName ?? r.username}
            {r.actorName && r.actorName !== r.username && <Typography.Text type="secondary"> ({r.username})</Typography.Text>}
          </span>
        ),
    },
    { title: t('audit.action'), dataIndex: 'action', width: 150, render: (a: string) => <Tag>{auditActionLabel(a, locale)}</Tag> },
    {
      title: t('audit.what'),
      key: 'what',
      render: (_v: unknown, r) => <span data-testid="audit-what">{describeAuditAction(r, locale)}</span>,
    },
    { title: t('audit.detail'), key: 'detail', render: (_v: unknown, r) => describeDetail(r, t) },
    {
      title: t('audit.result'),
      dataIndex: 'result',
      width: 90,
      render: (result: AuditRecord['result']) => <Tag color={resultColors[result]}>{t(`audit.results.${result}`)}</Tag>,
    },
    { title: t('audit.ip'), dataIndex: 'ip', width: 130, render: (ip: string | null) => ip ?? t('common.none') },
  ];
}
