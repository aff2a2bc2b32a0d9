/**
 * The demo's work ledgers (工作台账, issue #15) for the unions the five seed pages of the union paper name, made the
 * way a cadre makes them: the demo's admin pastes each page (src/server/modules/ledger/report/seeds/) into the report
 * import of 北京市总工会, and confirms the proposals:
 * - a proposal whose organiser was matched to a node of the tree becomes an entry of that node, with the proposed kind,
 *   the headline as title, the printed day (the demo's year when none is printed; the page's day when no day is) and
 *   the figures that say what they count;
 * - a proposal with no organiser in the tree (a union the import proposes as a new node, or none read) stays open: the
 *   import never creates a node (see confirmProposal), so the demo keeps drafts with items waiting for a cadre.
 * Runs in the background with the other demo seeders (the admin exists by then); idempotent: a page already imported is
 * not imported again, and only its open, matched proposals are confirmed.
 */
import type { Kysely } from 'kysely';
import type { DB } from '../db/schema.js';
import type { Actor } from '../auth/scope.js';
import type { CreateLedgerEntryBody } from '../../common/ledger.js';
import type { PrintedDay, Proposal } from '../../common/ledger.report.js';
import { confirmProposal, getImport, importPage } from '../modules/ledger/ledger.import.service.js';
import { readPage } from '../modules/ledger/report/input.js';
import { seedPages } from '../modules/ledger/report/seeds.fixture.js';
import { actorOf } from './competitions.js';

/** The year the demo's ledgers are kept for (the year of the demo's events): the pages print no year of their own. */
export const DEMO_LEDGER_YEAR = 2026;
/** The day items without a printed day are entered for: the pages print no issue date and are June pages (送清凉, 6月18日 …). */
const PAGE_DAY = `${DEMO_LEDGER_YEAR}-06-21`;

const pad = (n: number) => String(n).padStart(2, '0');
const dayOf = (d: PrintedDay): string | undefined =>
  d.day === null ? undefined : `${d.year ?? DEMO_LEDGER_YEAR}-${pad(d.month)}-${pad(d.day)}`;

/** The confirmation a cadre sends for a proposal, or null when none of its organisers is a node of the tree. */
function confirmationOf(p: Proposal): CreateLedgerEntryBody | null {
  const organiser = p.organisers.map((o) => o.match).find((m) => m.status === 'existing');
  if (!organiser) return null;
  const title = (p.headline ?? p.kicker ?? '').trim().slice(0, 200);
  const dateFrom = (p.date && dayOf(p.date.from)) ?? PAGE_DAY;
  const dateTo = p.date?.to ? dayOf(p.date.to) : undefined;
  return {
    orgId: Number(organiser.nodeId),
    kind: p.kind,
    title: title === '' ? organiser.nodeName : title,
    dateFrom,
    ...(dateTo && dateTo >= dateFrom ? { dateTo } : {}),
    coOrgIds: [],
    otherOrganisers: [],
    figures: p.figures.flatMap((f) =>
      f.counts === null
        ? []
        : [{ value: f.value, unit: f.unit ?? '', counts: f.counts, approximate: f.approximate, snippet: f.snippet.text }],
    ),
  };
}

/** What was done: pages imported now, proposals confirmed now, proposals left open (in all the demo's drafts). */
export type LedgerSeedReport = { imported: number; confirmed: number; open: number };

/** The demo ledgers; nothing when the admin is missing. */
export async function seedLedgers(db: Kysely<DB>): Promise<LedgerSeedReport> {
  const report: LedgerSeedReport = { imported: 0, confirmed: 0, open: 0 };
  const admin = await actorOf(db, 'admin');
  const root = admin?.grants.find((g) => g.orgKind === 'city_federation');
  if (!admin || !root) return report;
  const drafts = await db
    .selectFrom('ledger_import')
    .select(['id', 'source_text'])
    .where('org_id', '=', root.orgId)
    .where('created_by', '=', admin.userId)
    .execute();
  for (const page of Object.values(seedPages())) {
    const text = readPage(page).text;
    let draftId = drafts.find((d) => d.source_text === text)?.id;
    if (draftId === undefined) {
      draftId = (await importPage(db, admin, root.orgId, { text: page, fileName: null })).id;
      report.imported += 1;
    }
    report.open += await confirmMatched(db, admin, draftId, report);
  }
  return report;
}

/** Confirms the draft's open proposals whose organiser is in the tree; returns how many stay open. */
async function confirmMatched(db: Kysely<DB>, admin: Actor, draftId: number, report: LedgerSeedReport): Promise<number> {
  const draft = await getImport(db, admin, draftId);
  let open = 0;
  for (const item of draft.proposals) {
    if (item.status !== 'open') continue;
    const body = confirmationOf(item.proposal);
    if (!body) {
      open += 1;
      continue;
    }
    await confirmProposal(db, admin, draftId, item.position, body);
    report.confirmed += 1;
  }
  return open;
}
