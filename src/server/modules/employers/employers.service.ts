import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.js';
import type { Executor } from '../../db/executor.js';
import { AppError } from '../../../common/errors.js';
import '../../../common/employers.errors.js';
import '../../../common/uscc.errors.js';
import type { Page } from '../../../common/paging.js';
import { coveringKinds } from '../../../common/orgs.js';
import { checkUscc, normaliseUscc } from '../../../common/uscc.js';
import type { UnionisationStage } from '../../../common/outreach.js';
import type { CreateEmployerBody, Employer, EmployerListQuery, UpdateEmployerBody } from '../../../common/employers.js';
import { scopeFor, type Actor, type InScope } from '../../auth/scope.js';
import { listPage } from '../../http/list-page.js';
import { recordWrite } from '../../audit/audit.js';
import { addToCoverage, type CoverageCounts } from '../coverage/coverage.rollup.js';
import { findOrgFor } from '../orgs/orgs.service.js';
import * as repo from './employers.repo.js';
import type { EmployerRow, EmployerValues } from './employers.repo.js';

function toEmployer(row: EmployerRow): Employer {
  return {
    id: row.id,
    name: row.name,
    uscc: row.uscc,
    headcount: row.headcount,
    industry: row.industry,
    address: row.address,
    streetOrgId: row.street_org_id,
    streetName: row.street_name,
    unionOrgId: row.union_org_id,
    unionName: row.union_name,
    unionisationStage: derivedStage(row),
    unionisationMeetingId: row.unionisation_meeting_id,
    version: row.version,
  };
}

/** 建会进度 as shown: an employer covered by a union of its own is 已建会, whatever the pipeline last recorded. */
export function derivedStage(e: { union_org_id: number | null; unionisation_stage: UnionisationStage }): UnionisationStage {
  return e.union_org_id !== null ? 'established' : e.unionisation_stage;
}

/** What one employer adds to the coverage figures of the node it is attributed to and its ancestors. */
export function employerContribution(e: { headcount: number; union_org_id: number | null }, sign: 1 | -1): Partial<CoverageCounts> {
  const covered = e.union_org_id !== null;
  const big = e.headcount >= 100;
  return {
    employers: sign,
    employers_covered: covered ? sign : 0,
    employees: sign * e.headcount,
    employees_covered: covered ? sign * e.headcount : 0,
    employers_100plus: big ? sign : 0,
    employers_100plus_covered: big && covered ? sign : 0,
  };
}

/** Normalises and validates a USCC, or throws the specific problem. */
export function validUscc(input: string | undefined | null): string | null {
  if (input === undefined || input === null || input.trim() === '') return null;
  const code = normaliseUscc(input);
  const problem = checkUscc(code);
  if (!problem) return code;
  if (problem.kind === 'length') throw new AppError('USCC_INVALID_LENGTH', { length: problem.length });
  if (problem.kind === 'char') throw new AppError('USCC_INVALID_CHAR', { position: problem.position, char: problem.char });
  throw new AppError('USCC_INVALID_CHECK', { expected: problem.expected });
}

async function resolvePlacement(tx: Executor, actor: Actor, streetOrgId: number, unionOrgId: number | null) {
  const street = await findOrgFor(tx, actor, 'employer.write', streetOrgId);
  if (street.kind !== 'street_federation') throw new AppError('EMPLOYER_STREET_KIND');
  if (unionOrgId === null) return { street, path: street.path };
  const union = await findOrgFor(tx, actor, 'employer.write', unionOrgId);
  if (!coveringKinds.includes(union.kind)) throw new AppError('EMPLOYER_UNION_KIND');
  return { street, path: union.path };
}

export async function listEmployers(db: Kysely<DB>, actor: Actor, query: EmployerListQuery): Promise<Page<Employer>> {
  const scope = scopeFor(actor, 'employer.read');
  const org = await findOrgFor(db, actor, 'employer.read', query.orgId);
  const filter = {
    underPath: org.path,
    q: query.q || undefined,
    covered: query.covered,
    minHeadcount: query.minHeadcount,
    industry: query.industry,
  };
  return listPage(query, {
    cursor: 'string-number',
    read: (after) => repo.listEmployers(db, scope, { ...filter, after, limit: query.limit }),
    present: (rows) => rows.map(toEmployer),
    sortKey: (last) => [last.name, last.id],
    total: () => repo.countEmployers(db, scope, filter),
  });
}

/** An employer the caller may act on: 404 when invisible, 403 when visible but not permitted. */
export async function findEmployerRowFor(
  db: Executor,
  actor: Actor,
  action: 'employer.read' | 'employer.write',
  id: number,
): Promise<InScope<EmployerRow>> {
  const row = await repo.findEmployerInScope(db, scopeFor(actor, action), id, action === 'employer.write');
  if (row) return row;
  if (action === 'employer.write' && (await repo.findEmployerInScope(db, scopeFor(actor, 'employer.read'), id)))
    throw new AppError('FORBIDDEN');
  throw new AppError('NOT_FOUND');
}

/** Whether an employer with this id exists at all: for the public application form, which names one. */
export async function employerExists(db: Executor, id: number): Promise<boolean> {
  return repo.employerExists(db, id);
}

/** Whether the caller may see this employer (a read, never a 403): for forms that merely name one. */
export async function employerVisible(db: Executor, actor: Actor, id: number): Promise<boolean> {
  return (await repo.findEmployerInScope(db, scopeFor(actor, 'employer.read'), id)) !== undefined;
}

export async function getEmployer(db: Kysely<DB>, actor: Actor, id: number): Promise<Employer> {
  const row = await repo.findEmployerInScope(db, scopeFor(actor, 'employer.read'), id);
  if (!row) throw new AppError('NOT_FOUND');
  return toEmployer(row);
}

/** Registers an employer; its coverage contribution reaches every ancestor in the same transaction. */
export async function createEmployer(db: Kysely<DB>, actor: Actor, body: CreateEmployerBody): Promise<Employer> {
  const uscc = validUscc(body.uscc);
  return db.transaction().execute(async (tx) => {
    const placement = await resolvePlacement(tx, actor, body.streetOrgId, body.unionOrgId ?? null);
    if (uscc && (await repo.usccTaken(tx, uscc))) throw new AppError('USCC_TAKEN', { code: uscc });
    const values: EmployerValues = {
      name: body.name,
      uscc,
      headcount: body.headcount,
      industry: body.industry,
      address: body.address ?? null,
      street_org_id: body.streetOrgId,
      union_org_id: body.unionOrgId ?? null,
      org_path: placement.path,
    };
    const id = await repo.insertEmployer(tx, values);
    await addToCoverage(tx, values.org_path, employerContribution(values, 1));
    await recordWrite(tx, actor, 'employer.create', { type: 'employer', id, orgPath: values.org_path }, { name: body.name });
    const row = await repo.findEmployerInScope(tx, scopeFor(actor, 'employer.write'), id);
    return toEmployer(row!);
  });
}

/** Edits an employer (including which union covers it); the old contribution leaves and the new one arrives atomically. */
export async function updateEmployer(db: Kysely<DB>, actor: Actor, id: number, body: UpdateEmployerBody): Promise<Employer> {
  const uscc = body.uscc === undefined ? undefined : validUscc(body.uscc);
  return db.transaction().execute(async (tx) => {
    const scope = scopeFor(actor, 'employer.write');
    const current = await repo.findEmployerInScope(tx, scope, id, true);
    if (!current) {
      if (await repo.findEmployerInScope(tx, scopeFor(actor, 'employer.read'), id)) throw new AppError('FORBIDDEN');
      throw new AppError('NOT_FOUND');
    }
    if (current.version !== body.version) throw new AppError('CONFLICT');
    const streetOrgId = body.streetOrgId ?? current.street_org_id;
    const unionOrgId = body.unionOrgId === undefined ? current.union_org_id : body.unionOrgId;
    const placement = await resolvePlacement(tx, actor, streetOrgId, unionOrgId);
    if (uscc && uscc !== current.uscc && (await repo.usccTaken(tx, uscc, id))) throw new AppError('USCC_TAKEN', { code: uscc });
    const values: EmployerValues = {
      name: body.name ?? current.name,
      uscc: uscc === undefined ? current.uscc : uscc,
      headcount: body.headcount ?? current.headcount,
      industry: body.industry ?? current.industry,
      address: body.address === undefined ? current.address : body.address,
      street_org_id: streetOrgId,
      union_org_id: unionOrgId,
      org_path: placement.path,
    };
    if (!(await repo.updateEmployerRow(tx, id, body.version, values))) throw new AppError('CONFLICT');
    await addToCoverage(tx, current.org_path, employerContribution(current, -1));
    await addToCoverage(tx, values.org_path, employerContribution(values, 1));
    await recordWrite(
      tx,
      actor,
      'employer.update',
      { type: 'employer', id, orgPath: values.org_path },
      {
        unionOrgId: values.union_org_id,
        headcount: values.headcount,
      },
    );
    return toEmployer((await repo.findEmployerInScope(tx, scope, id))!);
  });
}

/**
 * The employers a union covers (a joint union, 联合工会, covers many), as a roster import matches its rows to them.
 * The union is the one of an import job the caller already holds, so no actor is asked again.
 */
export async function employersCoveredBy(
  db: Executor,
  union: { id: number; path: string },
): Promise<{ id: number; name: string; uscc: string | null }[]> {
  return repo.listCoveredByUnion(db, union);
}
