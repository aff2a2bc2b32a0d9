import type { Writable } from 'node:stream';
import { loadExcelJS } from '../../http/file-libraries.js';
import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.js';
import { AppError } from '../../../common/errors.js';
import '../../../common/events.errors.js';
import { dayOf, minuteOf } from '../../../common/beijing-time.js';
import type { Locale } from '../../../common/i18n.js';
import type {
  AttendanceFigures,
  CancelEventResult,
  CloseEventBody,
  CopyEventBody,
  EventDetail,
  EventReport,
  RegistrationExportQuery,
  RegistrationStatus,
  SignUpsByUnit,
} from '../../../common/events.js';
import { scopeFor, type Actor } from '../../auth/scope.js';
import { recordWrite } from '../../audit/audit.js';
import { findOrgFor } from '../orgs/orgs.service.js';
import { neutraliseCell } from '../rosters/roster.errors-file.js';
import { assertOwner, findEventFor, getEvent } from './events.service.js';
import * as admin from './events.admin.repo.js';
import type { EventBus } from '../../events.js';
import type { AuditActor } from '../../audit/audit.js';

/** An open event was closed with its summary (the work is done): told once, in the closing's transaction. */
export type EventClosed = { by: AuditActor; eventId: number; orgId: number; orgPath: string; title: string; kind: EventDetail['kind'] };
declare module '../../events.js' {
  interface AppEvents {
    'event.closed': EventClosed;
  }
}

function figures(row: Awaited<ReturnType<typeof admin.figuresOf>>): AttendanceFigures {
  const held = row.attended + row.no_show + row.confirmed;
  return {
    signedUp: row.signed_up,
    confirmed: row.confirmed,
    waitlisted: row.waitlisted,
    attended: row.attended,
    noShow: row.no_show,
    cancelled: row.cancelled,
    attendanceRate: held === 0 ? null : row.attended / held,
  };
}

/** The event's figures over the registrations the caller may see, and its closing summary once closed. */
export async function eventReport(db: Kysely<DB>, actor: Actor, eventId: number): Promise<EventReport> {
  const event = await findEventFor(db, actor, eventId);
  const [row, closing] = await Promise.all([admin.figuresOf(db, scopeFor(actor, 'event.read'), event), admin.closingOf(db, event)]);
  return {
    eventId: event.id,
    status: event.status,
    figures: figures(row),
    closing: closing ? { summary: closing.summary, closedAt: closing.closed_at } : null,
  };
}

/** Closes an open event with the cadre's summary: the status moves once (guarded), the summary is kept, audited. */
export async function closeEvent(db: Kysely<DB>, bus: EventBus, actor: Actor, eventId: number, body: CloseEventBody): Promise<EventReport> {
  await db.transaction().execute(async (tx) => {
    const event = await findEventFor(tx, actor, eventId);
    assertOwner(actor, event);
    if (!(await admin.moveEvent(tx, event, ['open'], 'closed'))) throw new AppError('EVENT_STATUS_FINAL');
    await admin.insertClosing(tx, event, body.summary, actor.userId);
    await recordWrite(tx, actor, 'event.close', { type: 'event', id: event.id, orgPath: event.org_path });
    await bus.emit(tx, 'event.closed', {
      by: actor,
      eventId: event.id,
      orgId: event.org_id,
      orgPath: event.org_path,
      title: event.title,
      kind: event.kind,
    });
  });
  return eventReport(db, actor, eventId);
}

/**
 * Cancels a draft or open event and, in the same transaction, every active registration of it (reason
 * 'event_cancelled'; held places given back; nobody promoted, the waitlist ends with the event). Audited.
 */
export async function cancelEvent(db: Kysely<DB>, actor: Actor, eventId: number): Promise<CancelEventResult> {
  return db.transaction().execute(async (tx) => {
    const event = await findEventFor(tx, actor, eventId);
    assertOwner(actor, event);
    if (!(await admin.moveEvent(tx, event, ['draft', 'open'], 'cancelled'))) throw new AppError('EVENT_STATUS_FINAL');
    await admin.lockSessions(tx, event);
    const cancelledRegistrations = await admin.cancelAllRegistrations(tx, event);
    await recordWrite(tx, actor, 'event.cancel', { type: 'event', id: event.id, orgPath: event.org_path }, { cancelledRegistrations });
    return { eventId: event.id, cancelledRegistrations };
  });
}

/** Copies an event into a new draft of the same node, its sessions moved to start on `firstDate` (Beijing). */
export async function copyEvent(db: Kysely<DB>, actor: Actor, eventId: number, body: CopyEventBody): Promise<EventDetail> {
  const id = await db.transaction().execute(async (tx) => {
    const event = await findEventFor(tx, actor, eventId);
    assertOwner(actor, event);
    const org = await findOrgFor(tx, actor, 'event.write', event.org_id);
    const copyId = await admin.copyEvent(tx, event, body.firstDate, body.title ?? event.title);
    await recordWrite(tx, actor, 'event.copy', { type: 'event', id: copyId, orgPath: org.path }, { from: event.id });
    return copyId;
  });
  return getEvent(db, actor, id);
}

/** Publishes a draft (a copy): members may sign up from then on, inside each session's window. */
export async function openEvent(db: Kysely<DB>, actor: Actor, eventId: number): Promise<EventDetail> {
  await db.transaction().execute(async (tx) => {
    const event = await findEventFor(tx, actor, eventId);
    assertOwner(actor, event);
    if (!(await admin.moveEvent(tx, event, ['draft'], 'open'))) throw new AppError('EVENT_NOT_DRAFT');
    await recordWrite(tx, actor, 'event.open', { type: 'event', id: event.id, orgPath: event.org_path });
  });
  return getEvent(db, actor, eventId);
}

/** Sign-ups per union under the unit, counted in SQL; a co-organiser or a unit cadre sees only its own part. */
export async function signUpsByUnit(db: Kysely<DB>, actor: Actor, eventId: number, orgId: number): Promise<SignUpsByUnit> {
  const event = await findEventFor(db, actor, eventId);
  const unit = await findOrgFor(db, actor, 'event.read', orgId);
  const rows = await admin.signUpsByUnit(db, scopeFor(actor, 'event.read'), event, unit.path);
  return {
    items: rows.map((r) => ({
      orgId: r.org_id,
      orgName: r.org_name,
      confirmed: r.confirmed,
      waitlisted: r.waitlisted,
      attended: r.attended,
    })),
  };
}

const EXPORT_PAGE = 500;

const exportLabels = {
  'zh-CN': {
    sheet: '报名名单',
    guest: '（非会员）',
    headers: ['序号', '姓名', '手机（隐去中间四位）', '所在工会', '班次时间（北京）', '地点', '状态', '报名时间（北京）'],
    status: {
      waitlisted: '候补',
      offered: '待确认递补',
      confirmed: '已确认',
      cancelled: '已取消',
      expired: '已过期',
      attended: '已签到',
      no_show: '缺席',
      entered: '已报名待遴选',
    } satisfies Record<RegistrationStatus, string>,
  },
  en: {
    sheet: 'Registrations',
    guest: ' (guest)',
    headers: ['No.', 'Name', 'Phone (masked)', 'Union', 'Session (Beijing)', 'Place', 'Status', 'Signed up (Beijing)'],
    status: {
      waitlisted: 'Waitlisted',
      offered: 'Offered',
      confirmed: 'Confirmed',
      cancelled: 'Cancelled',
      expired: 'Expired',
      attended: 'Attended',
      no_show: 'No-show',
      entered: 'Entered, awaiting selection',
    } satisfies Record<RegistrationStatus, string>,
  },
} as const;

/**
 * Starts the Excel export of the event's registrations under a unit: the checks and the audit entry happen before the
 * first byte; `write` then streams the rows (exceljs streaming writer, pages of 500, phones masked).
 */
export async function startRegistrationExport(
  db: Kysely<DB>,
  actor: Actor,
  eventId: number,
  query: RegistrationExportQuery,
  locale: Locale,
): Promise<{ fileName: string; write: (out: Writable) => Promise<number> }> {
  const event = await findEventFor(db, actor, eventId);
  const unit = await findOrgFor(db, actor, 'event.read', query.orgId);
  const scope = scopeFor(actor, 'event.read');
  await recordWrite(db, actor, 'event.export', { type: 'event', id: event.id, orgPath: unit.path }, { ...query });
  const l = exportLabels[locale];
  const write = async (out: Writable): Promise<number> => {
    const ExcelJS = await loadExcelJS();
    const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: false, useSharedStrings: false });
    const sheet = workbook.addWorksheet(l.sheet);
    sheet.addRow([...l.headers]).commit();
    let n = 0;
    let afterId = 0;
    for (;;) {
      const page = await admin.exportPage(db, scope, event, {
        underPath: unit.path,
        sessionId: query.sessionId,
        status: query.status,
        afterId,
        limit: EXPORT_PAGE,
      });
      for (const r of page) {
        const values = [
          r.is_guest ? `${r.name}${l.guest}` : r.name,
          r.phone_masked ?? '',
          r.org_name,
          minuteOf(new Date(r.starts_at)),
          r.place,
          l.status[r.status],
          minuteOf(new Date(r.created_at)),
        ].map((v) => neutraliseCell(v));
        sheet.addRow([++n, ...values]).commit();
      }
      if (page.length < EXPORT_PAGE) break;
      afterId = page.at(-1)!.id;
    }
    await workbook.commit();
    return n;
  };
  const fileName = `${event.title}-${locale === 'zh-CN' ? '报名名单' : 'registrations'}-${dayOf(new Date())}.xlsx`;
  return { fileName, write };
}
