import { Readable, type Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { Deps } from '../../deps.js';
import type { Locale } from '../../../common/i18n.js';
import { REVEAL_REASON, type EmploymentForm, type MemberStatus } from '../../../common/members.js';
import { scopeCovers, scopeFor, type Actor, type OrgScope } from '../../auth/scope.js';
import { AppError } from '../../../common/errors.js';
import { dayOf } from '../../../common/beijing-time.js';
import '../../../common/members.errors.js';
import { assertQuota, recordWrite } from '../../audit/audit.js';
import { findOrgFor } from '../orgs/orgs.service.js';
import { csvField, neutraliseCell } from '../rosters/roster.errors-file.js';
import { writeTextSheet } from '../rosters/roster.write-xlsx.js';
import * as repo from './members.repo.js';
import { classifyQuery } from './members.service.js';

/** Rows fetched per keyset page while streaming an export. */
const EXPORT_PAGE = 5000;

const labels: Record<
  Locale,
  {
    headers: string[];
    forms: Record<EmploymentForm, string>;
    status: Record<'member' | 'lapsed', string>;
    gender: Record<'male' | 'female', string>;
  }
> = {
  'zh-CN': {
    headers: ['姓名', '身份证号', '手机号', '性别', '出生日期', '用工形式', '所在单位', '所属工会', '入会日期', '会籍状态', '会员卡号'],
    forms: {
      standard: '标准用工',
      courier: '快递员',
      delivery_rider: '外卖骑手',
      ride_hailing: '网约车司机',
      truck_driver: '货车司机',
      other_gig: '其他新就业形态',
    },
    status: { member: '在会', lapsed: '已离会' },
    gender: { male: '男', female: '女' },
  },
  en: {
    headers: ['Name', 'ID number', 'Mobile', 'Gender', 'Birth date', 'Employment', 'Employer', 'Union', 'Joined', 'Status', 'Card'],
    forms: {
      standard: 'Standard',
      courier: 'Courier',
      delivery_rider: 'Delivery rider',
      ride_hailing: 'Ride-hailing driver',
      truck_driver: 'Truck driver',
      other_gig: 'Other gig work',
    },
    status: { member: 'Member', lapsed: 'Lapsed' },
    gender: { male: 'Male', female: 'Female' },
  },
};

/** The member list's filters, applied to the file as to the list. */
export type ExportFilters = { q?: string | undefined; status?: MemberStatus | undefined; employmentForm?: EmploymentForm | undefined };

export type ExportRequest = {
  orgId: number;
  format: 'xlsx' | 'csv';
  reveal: boolean;
  reason?: string | undefined;
  locale: Locale;
  filters?: ExportFilters;
};

/** The file's name: node, list and day in Beijing (东城区总工会_会员名单_2026-12-01.xlsx). */
export function exportFileName(orgName: string, request: Pick<ExportRequest, 'format' | 'locale'>, now = new Date()): string {
  return `${orgName}_${request.locale === 'en' ? 'members' : '会员名单'}_${dayOf(now)}.${request.format}`;
}

/** An export authorised and audited, ready to stream: its file name, and the writer of its rows. */
export type StartedExport = { fileName: string; write: (out: Writable) => Promise<number> };

/** Full exports count per user over the last day (their own limit; one export can hold thousands of rows). */
const FULL_EXPORT_WINDOW_SECONDS = 24 * 3600;

/**
 * Streams the members of a subtree, page by page (keyset), so memory stays flat at any size. ID numbers and
 * phones are masked unless the caller may reveal them, gives a reason and has full exports left today.
 * Two audit entries: `member.export` {format, masked, reason} before the first byte, and `member.export.done`
 * {masked, reason, rows, complete} once the stream ends or breaks off. Cells that could start a formula are neutralised.
 */
export async function exportMembers(deps: Deps, actor: Actor, request: ExportRequest, out: Writable): Promise<number> {
  return (await startMemberExport(deps, actor, request)).write(out);
}

/** Authorises the export and writes its first audit entry (refusals answer before any byte); the rows follow in `write`. */
export async function startMemberExport(deps: Deps, actor: Actor, request: ExportRequest): Promise<StartedExport> {
  const scope = scopeFor(actor, 'member.export');
  const org = await findOrgFor(deps.db, actor, 'member.export', request.orgId);
  const revealScope = scopeFor(actor, 'member.reveal');
  if (request.reveal && !scopeCovers(revealScope, org.path)) throw new AppError('FORBIDDEN');
  const reason = request.reveal ? request.reason?.trim() : undefined;
  if (request.reveal && (!reason || reason.length < REVEAL_REASON.min)) throw new AppError('EXPORT_REASON_REQUIRED');
  const target = { type: 'org', id: org.id, orgPath: org.path };
  const filters = Object.fromEntries(Object.entries(request.filters ?? {}).filter(([, v]) => v !== undefined && v !== ''));
  const summary = {
    format: request.format,
    masked: !request.reveal,
    ...(reason ? { reason } : {}),
    ...(Object.keys(filters).length > 0 ? { filters } : {}),
  };
  await deps.db.transaction().execute(async (tx) => {
    if (request.reveal) {
      await assertQuota(tx, actor, {
        action: 'member.export',
        seconds: FULL_EXPORT_WINDOW_SECONDS,
        limit: deps.config.fullExportsPerDay,
        unmaskedOnly: true,
        code: 'FULL_EXPORT_QUOTA_SPENT',
      });
    }
    await recordWrite(tx, actor, 'member.export', target, summary);
  });
  const write = async (out: Writable): Promise<number> => {
    let rows = 0;
    let complete = false;
    try {
      await streamRows(deps, scope, revealScope, org.path, request, out, () => rows++);
      complete = true;
    } finally {
      await recordWrite(deps.db, actor, 'member.export.done', target, { ...summary, rows, complete });
    }
    return rows;
  };
  return { fileName: exportFileName(org.name, request), write };
}

async function streamRows(
  deps: Deps,
  scope: OrgScope,
  revealScope: OrgScope,
  orgPath: string,
  request: ExportRequest,
  out: Writable,
  counted: () => void,
): Promise<void> {
  const l = labels[request.locale];
  const pages = memberPages(deps, scope, revealScope, orgPath, request, counted);
  if (request.format === 'xlsx') {
    await writeTextSheet(out, { sheetName: request.locale === 'zh-CN' ? '会员名单' : 'Members', header: l.headers }, pages);
    return;
  }
  async function* csv(): AsyncGenerator<string> {
    yield `\uFEFF${l.headers.join(',')}\r\n`;
    for await (const page of pages) {
      let text = '';
      for (const values of page) text += `${values.map(csvField).join(',')}\r\n`;
      yield text;
    }
  }
  await pipeline(Readable.from(csv(), { objectMode: false }), out);
}

/**
 * The file's rows, one keyset page at a time, as the cells of the file: masked unless revealed, neutralised. The
 * next page is asked for before this one is formatted, so the database reads while the process writes.
 */
async function* memberPages(
  deps: Deps,
  scope: OrgScope,
  revealScope: OrgScope,
  orgPath: string,
  request: ExportRequest,
  counted: () => void,
): AsyncGenerator<string[][]> {
  const l = labels[request.locale];
  const cells = (row: repo.ExportMemberRow, union: string, secret: { id: string; phone: string | null } | null): string[] =>
    [
      row.name,
      secret ? secret.id : row.id_number_masked,
      (secret ? secret.phone : row.phone_masked) ?? '',
      l.gender[row.gender],
      row.birth_date,
      l.forms[row.employment_form] ?? row.employment_form,
      row.employer_name ?? '',
      union,
      row.join_date,
      l.status[row.status],
      row.card_no ?? '',
    ].map((v) => neutraliseCell(v, request.format));
  const read = (after: number | undefined) => {
    const page = repo.listMembersToExport(deps.db, scope, {
      underPath: orgPath,
      status: request.filters?.status,
      employmentForm: request.filters?.employmentForm,
      match: classifyQuery(deps.cipher, request.filters?.q),
      after,
      limit: EXPORT_PAGE,
      packed: deps.engine === 'pglite',
    });
    // Read ahead: if the file is abandoned before this page is awaited, its failure must not go unhandled.
    page.catch(() => undefined);
    return page;
  };
  // The unions' names, asked for once each: a subtree has far fewer unions than members.
  const unions = new Map<number, string>();
  let next = read(undefined);
  for (;;) {
    const page = await next;
    const batch = page.slice(0, EXPORT_PAGE);
    const more = page.length > EXPORT_PAGE;
    if (more) next = read(batch.at(-1)!.id);
    const unnamed = batch.filter((row) => !unions.has(row.org_id));
    for (const [id, name] of await repo.unionNames(deps.db, unnamed)) unions.set(id, name);
    // Only members whose primary union lies in the caller's reveal scope: a secondary affiliation stays masked.
    const secrets = request.reveal ? await repo.readSecrets(deps.db, revealScope, batch) : undefined;
    const rows = batch.map((row) => {
      const sealed = secrets?.get(row.id);
      const secret = sealed ? { id: deps.cipher.decrypt(sealed.id), phone: sealed.phone ? deps.cipher.decrypt(sealed.phone) : null } : null;
      return cells(row, unions.get(row.org_id) ?? '', secret);
    });
    yield rows;
    for (let i = 0; i < rows.length; i++) counted();
    if (!more) return;
  }
}
