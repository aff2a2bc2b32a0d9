import { sql, type SqlBool } from 'kysely';
import type { ListTotal } from '../../../common/paging.js';
import { LEDGER_IMPORT_LIMITS, type LedgerImportDraftStatus, type LedgerImportStatus } from '../../../common/ledger.import.js';
import type { Executor } from '../../db/executor.js';
import { boundedTotal } from '../../http/list-total.js';
import { inScope, provenInScope, type InScope, type OrgScope } from '../../auth/scope.js';

export type TreeNodeRow = { id: number; name: string; path: string; kind: string; district: string | null };

/**
 * The nodes of the scope the organisers of a page are matched against, upper levels first and at most `limit`: each
 * with the district code of the district federation it lies under (the second label of its path), if any.
 */
export async function treeNodesInScope(db: Executor, scope: OrgScope, limit: number): Promise<TreeNodeRow[]> {
  const rows = await db
    .selectFrom('org_unit as o')
    .leftJoin('org_unit as d', (join) =>
      join.on(sql`d.path = CASE WHEN nlevel(o.path) >= 2 THEN subpath(o.path, 0, 2) END`).on('d.kind', '=', 'district_federation'),
    )
    .select(['o.id', 'o.name', sql<string>`o.path::text`.as('path'), 'o.kind', sql<string | null>`left(d.region_code, 6)`.as('district')])
    .where(inScope(scope, sql.ref('o.path')))
    .orderBy(sql`nlevel(o.path)`)
    .orderBy('o.id')
    .limit(limit)
    .execute();
  return rows;
}

export type NewImport = { orgId: number; orgPath: string; fileName: string | null; sourceText: string; createdBy: number };

export async function insertImport(db: Executor, row: NewImport, proposals: readonly unknown[]): Promise<number> {
  const { id } = await db
    .insertInto('ledger_import')
    .values({ org_id: row.orgId, org_path: row.orgPath, file_name: row.fileName, source_text: row.sourceText, created_by: row.createdBy })
    .returning('id')
    .executeTakeFirstOrThrow();
  if (proposals.length > 0) {
    await db
      .insertInto('ledger_import_proposal')
      .values(proposals.map((p, position) => ({ import_id: id, position, proposal: JSON.stringify(p) })))
      .execute();
  }
  return id;
}

function selectImports(db: Executor) {
  return db
    .selectFrom('ledger_import as i')
    .innerJoin('org_unit as o', 'o.id', 'i.org_id')
    .select(['i.id', 'i.org_id', 'o.name as org_name', 'i.org_path', 'i.file_name', 'i.source_text', 'i.created_at']);
}
export type ImportRow = Awaited<ReturnType<ReturnType<typeof selectImports>['executeTakeFirstOrThrow']>>;

/** A draft whose node lies in the scope. */
export async function findImportInScope(db: Executor, scope: OrgScope, id: number): Promise<InScope<ImportRow> | undefined> {
  const row = await selectImports(db)
    .where('i.id', '=', id)
    .where(inScope(scope, sql.ref('i.org_path')))
    .executeTakeFirst();
  return row && provenInScope(row);
}

export type ProposalRow = {
  import_id: number;
  position: number;
  proposal: unknown;
  status: LedgerImportStatus;
  entry_id: number | null;
};

export async function proposalsOf(db: Executor, draft: InScope<{ id: number }>): Promise<ProposalRow[]> {
  return db
    .selectFrom('ledger_import_proposal')
    .select(['import_id', 'position', 'proposal', 'status', 'entry_id'])
    .where('import_id', '=', draft.id)
    .orderBy('position')
    .execute();
}

/** One proposal of a draft, locked for its decision. */
export async function proposalForDecision(
  db: Executor,
  draft: InScope<{ id: number }>,
  position: number,
): Promise<ProposalRow | undefined> {
  return db
    .selectFrom('ledger_import_proposal')
    .select(['import_id', 'position', 'proposal', 'status', 'entry_id'])
    .where('import_id', '=', draft.id)
    .where('position', '=', position)
    .forUpdate()
    .executeTakeFirst();
}

/** Decides an open proposal; false when it was decided meanwhile. */
export async function decideProposal(
  db: Executor,
  draft: InScope<{ id: number }>,
  position: number,
  decision: { status: 'confirmed' | 'discarded'; entryId: number | null; decidedBy: number },
): Promise<boolean> {
  const result = await db
    .updateTable('ledger_import_proposal')
    .set({ status: decision.status, entry_id: decision.entryId, decided_by: decision.decidedBy, decided_at: sql<string>`now()` })
    .where('import_id', '=', draft.id)
    .where('position', '=', position)
    .where('status', '=', 'open')
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

export type DraftFilter = { orgPath: string; status: LedgerImportDraftStatus | undefined };

const hasOpenProposal = sql<SqlBool>`EXISTS (SELECT 1 FROM ledger_import_proposal p WHERE p.import_id = i.id AND p.status = 'open')`;
const proposalsWith = (status: LedgerImportStatus) =>
  sql<string | number>`(SELECT count(*) FROM ledger_import_proposal p WHERE p.import_id = i.id AND p.status = ${status})`;

/** The drafts whose node lies under `orgPath` and in the scope, with how many proposals are open, confirmed, discarded. */
function draftsUnder(db: Executor, scope: OrgScope, f: DraftFilter) {
  let q = db
    .selectFrom('ledger_import as i')
    .innerJoin('org_unit as o', 'o.id', 'i.org_id')
    .leftJoin('app_user as u', 'u.id', 'i.created_by')
    .select([
      'i.id',
      'i.org_id',
      'o.name as org_name',
      'i.file_name',
      sql<string>`left(btrim(split_part(btrim(i.source_text, E' \\t\\r\\n'), E'\\n', 1), E' \\t\\r'), ${LEDGER_IMPORT_LIMITS.firstLine})`.as(
        'first_line',
      ),
      'i.created_at',
      'i.created_by',
      'u.display_name as created_by_name',
      proposalsWith('open').as('open'),
      proposalsWith('confirmed').as('confirmed'),
      proposalsWith('discarded').as('discarded'),
    ])
    .where(inScope(scope, sql.ref('i.org_path')))
    .where(sql<SqlBool>`i.org_path <@ ${f.orgPath}::ltree`);
  if (f.status === 'open') q = q.where(hasOpenProposal);
  if (f.status === 'finished') q = q.where(sql<SqlBool>`NOT ${hasOpenProposal}`);
  return q;
}
export type DraftRow = Awaited<ReturnType<ReturnType<typeof draftsUnder>['executeTakeFirstOrThrow']>>;

/** Newest first (ids follow creation), keyset-paged on the id; `limit + 1` rows tell whether there is more. */
export function listDrafts(
  db: Executor,
  scope: OrgScope,
  f: DraftFilter & { after: number | undefined; limit: number },
): Promise<DraftRow[]> {
  let q = draftsUnder(db, scope, f)
    .orderBy('i.id', 'desc')
    .limit(f.limit + 1);
  if (f.after !== undefined) q = q.where('i.id', '<', f.after);
  return q.execute();
}

export function countDrafts(db: Executor, scope: OrgScope, f: DraftFilter): Promise<ListTotal> {
  return boundedTotal(db, draftsUnder(db, scope, f));
}
