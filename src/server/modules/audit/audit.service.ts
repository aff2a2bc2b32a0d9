import type { Writable } from 'node:stream';
import type { Kysely } from 'kysely';
import { loadExcelJS } from '../../http/file-libraries.js';
import type { DB } from '../../db/schema.js';
import { scopeFor, type Actor } from '../../auth/scope.js';
import { nodeOfPath } from '../../auth/tree.js';
import { AppError } from '../../../common/errors.js';
import type { Locale } from '../../../common/i18n.js';
import { findOrgFor } from '../orgs/orgs.service.js';
import { recordWrite } from '../../audit/audit.js';
import { listPage } from '../../http/list-page.js';
import { AUDIT_EXPORT_MAX_ROWS, type AuditExportQuery, type AuditListQuery, type AuditRecord } from '../../../common/audit.js';
import { auditActionLabel, describeAuditAction } from '../../../common/audit.actions.js';
import type { Page } from '../../../common/paging.js';
import { neutraliseCell } from '../rosters/roster.errors-file.js';
import { countAudit, listAudit, listOwnAudit, type AuditFilter, type AuditRow } from './audit.repo.js';

function asDetail(value: unknown): Record<string, unknown> | null {
  const parsed: unknown = typeof value === 'string' ? JSON.parse(value) : value;
  return parsed !== null && typeof parsed === 'object' && !Array.isArray(parsed) ? (parsed as Record<string, unknown>) : null;
}

function toRecord(r: AuditRow): AuditRecord {
  return {
    id: r.id,
    at: r.at,
    username: r.username,
    actorName: r.actor_name,
    action: r.action,
    targetType: r.target_type,
    targetId: r.target_id,
    targetName: r.target_name,
    result: r.result,
    ip: r.ip,
    detail: asDetail(r.detail),
  };
}

function auditScopes(actor: Actor) {
  const scope = scopeFor(actor, 'audit.read');
  if (scope.paths.length === 0) throw new AppError('FORBIDDEN');
  return { scope, people: scopeFor(actor, 'member.read') };
}

function filterOf(query: AuditExportQuery, orgPath: string | undefined): Omit<AuditFilter, 'cursor' | 'limit'> {
  return { orgPath, actions: query.action, person: query.username, result: query.result, from: query.from, to: query.to };
}

/** The audit log of the caller's subtree, newest first, each entry with the names of its actor and target. */
export async function listAuditEntries(db: Kysely<DB>, actor: Actor, query: AuditListQuery): Promise<Page<AuditRecord>> {
  const { scope, people } = auditScopes(actor);
  const orgPath = query.orgId === undefined ? undefined : (await findOrgFor(db, actor, 'audit.read', query.orgId)).path;
  return listPage(query, {
    cursor: 'number',
    read: (cursor) => listAudit(db, scope, people, { ...filterOf(query, orgPath), cursor, limit: query.limit }),
    present: (rows) => rows.map(toRecord),
    sortKey: (last) => last.id,
    total: () => countAudit(db, scope, people, filterOf(query, orgPath)),
  });
}

/**
 * The 工作台's recent activity: the newest entries of the caller's subtree for those who may read the audit log, else
 * the caller's own successful actions (what they did lately) — nobody sees more of the log than they could already.
 */
export async function recentActivity(db: Kysely<DB>, actor: Actor, limit: number): Promise<{ items: AuditRecord[]; isOwn: boolean }> {
  const scope = scopeFor(actor, 'audit.read');
  const people = scopeFor(actor, 'member.read');
  if (scope.paths.length > 0) {
    const rows = await listAudit(db, scope, people, { cursor: undefined, limit: limit - 1, result: 'ok' });
    return { items: rows.map(toRecord), isOwn: false };
  }
  return { items: (await listOwnAudit(db, actor.userId, people, limit)).map(toRecord), isOwn: true };
}

const EXPORT_PAGE = 2000;

const sheetLabels: Record<Locale, { sheet: string; headers: string[]; results: Record<AuditRecord['result'], string>; file: string }> = {
  'zh-CN': {
    sheet: '操作日志',
    headers: ['时间（北京时间）', '用户名', '姓名', '操作', '内容', '对象类型', '对象编号', '结果', 'IP 地址'],
    results: { ok: '成功', denied: '被拒绝', failed: '失败' },
    file: '操作日志',
  },
  en: {
    sheet: 'Audit log',
    headers: ['Time (Beijing)', 'Username', 'Name', 'Action', 'What', 'Target type', 'Target id', 'Result', 'IP address'],
    results: { ok: 'OK', denied: 'Denied', failed: 'Failed' },
    file: 'audit-log',
  },
};

/** `2026-11-30 09:05:00` in Beijing time (UTC+8, no daylight saving). */
function beijingTime(iso: string): string {
  return new Date(new Date(iso).getTime() + 8 * 3600_000).toISOString().slice(0, 19).replace('T', ' ');
}

export type AuditExport = { fileName: string; write: (out: Writable) => Promise<number> };

/**
 * The auditors' Excel file of the entries the filters select in the caller's scope (newest first, at most
 * AUDIT_EXPORT_MAX_ROWS), named with the node and the day. The export is audited (`audit.export`, with its filters)
 * before the first byte; the file is streamed page by page (exceljs streaming writer), memory stays flat.
 */
export async function exportAudit(db: Kysely<DB>, actor: Actor, query: AuditExportQuery, locale: Locale): Promise<AuditExport> {
  const { scope, people } = auditScopes(actor);
  const org = await findOrgFor(db, actor, 'audit.read', query.orgId ?? nodeOfPath(scope.paths[0]!));
  const filter = filterOf(query, query.orgId === undefined ? undefined : org.path);
  await recordWrite(
    db,
    actor,
    'audit.export',
    query.orgId === undefined
      ? { type: 'org', id: org.id, orgPath: null, orgIds: scope.paths.map(nodeOfPath) }
      : { type: 'org', id: org.id, orgPath: org.path },
    { filters: { ...query, orgId: query.orgId ?? null } },
  );
  const l = sheetLabels[locale];
  const day = beijingTime(new Date().toISOString()).slice(0, 10);
  return {
    fileName: `${l.file}_${org.name}_${day}.xlsx`,
    write: async (out) => {
      const ExcelJS = await loadExcelJS();
      const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true, useSharedStrings: false });
      const sheet = workbook.addWorksheet(l.sheet);
      sheet.columns = [20, 16, 12, 18, 48, 12, 12, 10, 16].map((width) => ({ width }));
      sheet.addRow(l.headers).commit();
      let rows = 0;
      let cursor: number | undefined;
      while (rows < AUDIT_EXPORT_MAX_ROWS) {
        const page = await listAudit(db, scope, people, { ...filter, cursor, limit: EXPORT_PAGE });
        for (const r of page.slice(0, EXPORT_PAGE)) {
          const entry = toRecord(r);
          const values = [
            beijingTime(entry.at),
            entry.username ?? '',
            entry.actorName ?? '',
            auditActionLabel(entry.action, locale),
            describeAuditAction(entry, locale),
            entry.targetType ?? '',
            entry.targetId ?? '',
            l.results[entry.result],
            entry.ip ?? '',
          ].map((v) => neutraliseCell(v, 'xlsx'));
          sheet.addRow(values).commit();
          if (++rows >= AUDIT_EXPORT_MAX_ROWS) break;
        }
        if (page.length <= EXPORT_PAGE) break;
        cursor = page[EXPORT_PAGE - 1]!.id;
      }
      await workbook.commit();
      return rows;
    },
  };
}
