import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.js';
import { AppError } from '../../../common/errors.js';
import '../../../common/contests.errors.js';
import type { Page } from '../../../common/paging.js';
import type { ContestResult } from '../../../common/contests.js';
import type { EnteredEntry, EnteredQuery, EnteredResult } from '../../../common/contests.entered.js';
import { scopeFor, type Actor } from '../../auth/scope.js';
import { listPage } from '../../http/list-page.js';
import { findOrgFor } from '../orgs/orgs.service.js';
import { toAppeal } from './contests.results.service.js';
import * as repo from './contests.entered.repo.js';

/** The entry's line in a frozen result: its rank, the prizes (ladder and criterion) it won, the showcase. */
function placeIn(result: ContestResult, entryId: number): EnteredResult | null {
  const ranked = result.ranking.find((r) => r.entryId === entryId);
  if (!ranked) return null;
  return {
    rank: ranked.rank,
    total: result.ranking.length,
    awards: [...result.ladder, ...result.criterionPrizes].filter((t) => t.winners.includes(entryId)).map((t) => t.name),
    isShowcase: result.showcase.includes(entryId),
  };
}

async function present(db: Kysely<DB>, rows: repo.EnteredRow[]): Promise<EnteredEntry[]> {
  const [results, appeals] = await Promise.all([repo.frozenResultsOf(db, rows), repo.appealsOfEntries(db, rows)]);
  const resultOf = new Map(results.map((r) => [r.contest_id, JSON.parse(r.result) as ContestResult]));
  return rows.map((e) => {
    const result = resultOf.get(e.contest_id);
    return {
      id: e.id,
      title: e.title,
      orgId: e.org_id,
      orgName: e.org_name,
      contest: {
        id: e.contest_id,
        name: e.contest_name,
        status: e.status,
        organiserName: e.organiser_name,
        noticeEndsAt: e.notice_ends_at === null ? null : new Date(e.notice_ends_at).toISOString(),
      },
      result: result ? placeIn(result, e.id) : null,
      appeals: appeals.filter((a) => a.entry_id === e.id).map(toAppeal),
    };
  });
}

/**
 * 本单位参赛: the entries of the units below `orgId` (a node of the caller's scope), with their contest, their place
 * in the frozen result and the appeals filed about them — the contest itself may lie above what the caller reads.
 */
export async function listEntered(db: Kysely<DB>, actor: Actor, query: EnteredQuery): Promise<Page<EnteredEntry>> {
  const scope = scopeFor(actor, 'contest.read');
  if (scope.paths.length === 0) throw new AppError('FORBIDDEN');
  const org = await findOrgFor(db, actor, 'org.read', query.orgId);
  const filter = { underPath: org.path };
  return listPage(query, {
    cursor: 'number',
    read: (afterId) => repo.listEntered(db, scope, { ...filter, afterId, limit: query.limit }),
    present: (rows) => present(db, rows),
    sortKey: (last) => last.id,
    total: () => repo.countEntered(db, scope, filter),
  });
}
