import type { Writable } from 'node:stream';
import { loadExcelJS } from '../../http/file-libraries.js';
import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.js';
import type { Executor } from '../../db/executor.js';
import { AppError } from '../../../common/errors.js';
import '../../../common/events.errors.js';
import '../../../common/events.grouping.errors.js';
import type { EventGrouping, GroupedPerson, GroupingBody } from '../../../common/events.grouping.js';
import { maskName } from '../../../common/identity.js';
import { dayOf } from '../../../common/beijing-time.js';
import type { Locale } from '../../../common/i18n.js';
import { scopeFor, type Actor } from '../../auth/scope.js';
import { neutraliseCell } from '../rosters/roster.errors-file.js';
import { recordWrite } from '../../audit/audit.js';
import { assertOwner, findEventFor } from './events.service.js';
import { DrawInputError, randomSeed } from './draw.keys.js';
import { groupAtRandom } from './grouping.js';
import * as repo from './events.grouping.repo.js';

/**
 * Random grouping at a session (随机分组, issue #13; the seed page's psychology class: 48 sign-ups into 6 groups). The
 * owner node's cadres group a session's present people; whoever sees the event reads the latest grouping — masked
 * names, unions, groups, keys, the seed and the list's hash, enough to recompute it with `groupAtRandom`.
 */

/** The person id a grouping hashes and keys: the registration's (region, id), as the lottery names its entries. */
export const personIdOf = (r: { region_id: number; id: number }): string => `${r.region_id}-${r.id}`;

/**
 * Groups the present people of one session of the event and stores the grouping (header and one row per person) in
 * the caller's transaction; answers its id. Refuses a session of nobody, or of fewer people than groups.
 */
export async function storeGrouping(
  tx: Executor,
  event: { id: number },
  sessionId: number,
  request: { groups: number; seed: string | undefined; createdBy: number | null },
): Promise<number> {
  const session = await repo.sessionOfEvent(tx, event, sessionId);
  if (!session) throw new AppError('NOT_FOUND');
  const people = await repo.presentPeople(tx, event, session.id);
  if (people.length === 0) throw new AppError('EVENT_GROUPING_NO_PEOPLE');
  if (people.length < request.groups) throw new AppError('EVENT_GROUPING_TOO_FEW', { people: people.length, groups: request.groups });
  const byPersonId = new Map(people.map((p) => [personIdOf(p), p]));
  let grouping;
  try {
    grouping = groupAtRandom({ personIds: [...byPersonId.keys()], groups: request.groups, seed: request.seed ?? randomSeed() });
  } catch (error) {
    if (error instanceof DrawInputError) throw new AppError('EVENT_GROUPING_INVALID', { detail: error.message });
    throw error;
  }
  const { id } = await repo.insertGrouping(tx, {
    eventId: event.id,
    sessionId: session.id,
    groups: request.groups,
    people: people.length,
    seed: grouping.seed,
    seedSource: request.seed === undefined ? 'random' : 'given',
    listHash: grouping.listHash,
    createdBy: request.createdBy,
  });
  await repo.insertMembers(
    tx,
    id,
    grouping.groups.flatMap((group, i) =>
      group.map(({ entryId, key }) => {
        const p = byPersonId.get(entryId)!;
        return { regionId: p.region_id, registrationId: p.id, groupNo: i + 1, key };
      }),
    ),
  );
  return id;
}

function present(g: repo.GroupingRow, rows: readonly repo.GroupingMemberRow[]): EventGrouping {
  const members: GroupedPerson[][] = Array.from({ length: g.groups }, () => []);
  for (const r of rows)
    members[r.group_no - 1]?.push({
      registrationId: r.registration_id,
      maskedName: maskName(r.name),
      orgName: r.org_name,
      groupNo: r.group_no,
      key: r.key,
    });
  return {
    id: g.id,
    eventId: g.event_id,
    sessionId: g.session_id,
    groups: g.groups,
    people: g.people,
    seed: g.seed,
    seedSource: g.seed_source,
    listHash: g.list_hash,
    createdAt: new Date(g.created_at).toISOString(),
    members,
  };
}

/** The latest grouping of the session with its people, or undefined. */
async function latestIn(db: Executor, event: { id: number }, sessionId: number): Promise<EventGrouping | undefined> {
  const g = await repo.latestGrouping(db, event, sessionId);
  return g && present(g, await repo.membersOf(db, g));
}

/**
 * A cadre of the owner node groups a session's confirmed and attended people at random (seed given, or random), in
 * one audited transaction; a session may be grouped again, and the new grouping is then the one shown.
 */
export async function groupSession(
  db: Kysely<DB>,
  actor: Actor,
  eventId: number,
  sessionId: number,
  body: GroupingBody,
): Promise<EventGrouping> {
  return db.transaction().execute(async (tx) => {
    const event = await findEventFor(tx, actor, eventId);
    assertOwner(actor, event);
    const id = await storeGrouping(tx, event, sessionId, { groups: body.groups, seed: body.seed, createdBy: actor.userId });
    const grouping = await latestIn(tx, event, sessionId);
    if (!grouping || grouping.id !== id) throw new Error(`grouping ${id} not read back`);
    await recordWrite(
      tx,
      actor,
      'event.grouping',
      { type: 'event', id: event.id, orgPath: event.org_path },
      {
        sessionId,
        groupingId: id,
        groups: grouping.groups,
        people: grouping.people,
        seedSource: grouping.seedSource,
        listHash: grouping.listHash,
      },
    );
    return grouping;
  });
}

/** The latest grouping of a session of an event the caller sees (404 when the session has none). */
export async function latestGrouping(db: Kysely<DB>, actor: Actor, eventId: number, sessionId: number): Promise<EventGrouping> {
  const event = await findEventFor(db, actor, eventId);
  const session = await repo.sessionOfEvent(db, event, sessionId);
  if (!session) throw new AppError('NOT_FOUND');
  const grouping = await latestIn(db, event, session.id);
  if (!grouping) throw new AppError('EVENT_GROUPING_NONE');
  return grouping;
}

const EXPORT_PAGE = 500;
const exportLabels = {
  'zh-CN': {
    sheet: '分组名单',
    headers: ['序号', '组别', '姓名', '手机（隐去中间四位）', '所在工会', '密钥'],
    group: (n: number) => `第${n}组`,
    file: '分组名单',
  },
  en: {
    sheet: 'Groups',
    headers: ['No.', 'Group', 'Name', 'Phone (masked)', 'Union', 'Key'],
    group: (n: number) => `Group ${n}`,
    file: 'groups',
  },
} as const;

/**
 * Starts the Excel export of a session's latest grouping: the people whose union the caller's scope reaches (as the
 * registrations export), group by group, phones masked. The checks and the audit entry happen before the first byte;
 * `write` then streams the rows (exceljs streaming writer, pages of 500).
 */
export async function startGroupingExport(
  db: Kysely<DB>,
  actor: Actor,
  eventId: number,
  sessionId: number,
  locale: Locale,
): Promise<{ fileName: string; write: (out: Writable) => Promise<number> }> {
  const event = await findEventFor(db, actor, eventId);
  const session = await repo.sessionOfEvent(db, event, sessionId);
  if (!session) throw new AppError('NOT_FOUND');
  const grouping = await repo.latestGrouping(db, event, session.id);
  if (!grouping) throw new AppError('EVENT_GROUPING_NONE');
  const scope = scopeFor(actor, 'event.read');
  await recordWrite(
    db,
    actor,
    'event.grouping.export',
    { type: 'event', id: event.id, orgPath: event.org_path },
    { sessionId, groupingId: grouping.id },
  );
  const l = exportLabels[locale];
  const write = async (out: Writable): Promise<number> => {
    const ExcelJS = await loadExcelJS();
    const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: false, useSharedStrings: false });
    const sheet = workbook.addWorksheet(l.sheet);
    sheet.addRow([...l.headers]).commit();
    let n = 0;
    let after: { groupNo: number; key: string } | undefined;
    for (;;) {
      const page = await repo.exportPage(db, scope, grouping, after, EXPORT_PAGE);
      for (const r of page)
        sheet
          .addRow([++n, l.group(r.group_no), ...[r.name, r.phone_masked ?? '', r.org_name].map((v) => neutraliseCell(v)), r.key])
          .commit();
      const last = page.at(-1);
      if (page.length < EXPORT_PAGE || !last) break;
      after = { groupNo: last.group_no, key: last.key };
    }
    await workbook.commit();
    return n;
  };
  return { fileName: `${event.title}-${l.file}-${dayOf(new Date())}.xlsx`, write };
}
