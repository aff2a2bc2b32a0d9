import { loadExcelJS } from '../../http/file-libraries.js';
import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.js';
import type { Locale } from '../../../common/i18n.js';
import { dayOf } from '../../../common/beijing-time.js';
import type { Reconciliation, ReconciliationFigures, ReconciliationRow } from '../../../common/welfare.js';
import { scopeFor, type Actor } from '../../auth/scope.js';
import { depthOfPath, isAncestorOrSelf } from '../../auth/tree.js';
import { recordWrite } from '../../audit/audit.js';
import { findCampaignFor } from './welfare.service.js';
import * as repo from './welfare.repo.js';
import * as sums from './welfare.reconcile.repo.js';

const zero = (): ReconciliationFigures => ({ allocated: 0, received: 0, handedOut: 0, redeemed: 0, left: 0, inTransit: 0 });

/**
 * 对账: per node and item of the caller's part of the campaign, what was allocated to the node, received, handed out,
 * redeemed (vouchers), left at its places and still in transit to it; each row also rolled up over the node's subtree.
 * Per item: stock in (into the caller's part: the warehouse's stock in, or allocations from above) must equal handed
 * out + left + in transit. People reached are counted once per person (the one-per-person index) plus batch counts.
 */
export async function reconcile(db: Kysely<DB>, actor: Actor, campaignId: number): Promise<Reconciliation & { campaignName: string }> {
  const campaign = await findCampaignFor(db, actor, campaignId);
  const scope = scopeFor(actor, 'welfare.read');
  const [items, ins, outs, holds, redemptions, people, duplicates] = await Promise.all([
    repo.itemsOf(db, campaign),
    sums.inflows(db, scope, campaign),
    sums.handedOut(db, scope, campaign),
    sums.held(db, scope, campaign),
    sums.redeemed(db, scope, campaign),
    sums.peopleReached(db, scope, campaign),
    sums.duplicateScans(db, campaign),
  ]);
  const own = new Map<string, { orgId: number; path: string; itemId: number; f: ReconciliationFigures }>();
  const cell = (orgId: number, path: string, itemId: number) => {
    const key = `${orgId}:${itemId}`;
    let c = own.get(key);
    if (!c) own.set(key, (c = { orgId, path, itemId, f: zero() }));
    return c.f;
  };
  const stockIn = new Map<number, number>();
  for (const r of ins) {
    const qty = Number(r.qty);
    if (r.kind === 'allocate') cell(r.org_id, r.org_path, r.item_id).allocated += qty;
    if (r.kind === 'receive') cell(r.org_id, r.org_path, r.item_id).received += qty;
    if (r.kind === 'stock_in') cell(r.org_id, r.org_path, r.item_id);
    if (r.from_outside && r.kind !== 'receive') stockIn.set(r.item_id, (stockIn.get(r.item_id) ?? 0) + qty);
  }
  for (const r of outs) cell(r.org_id, r.org_path, r.item_id).handedOut += Number(r.qty);
  for (const r of redemptions) cell(r.org_id, r.org_path, r.item_id).redeemed += Number(r.n);
  for (const r of holds) {
    const f = cell(r.org_id, r.org_path, r.item_id);
    f.left += Number(r.left);
    f.inTransit += Number(r.in_transit);
  }
  const peopleOf = people.map((p) => ({ path: p.org_path, n: Number(p.n) }));
  const names = await sums.orgNames(db, [...new Set([...own.values()].map((c) => c.orgId))]);
  const cells = [...own.values()];
  const rows: ReconciliationRow[] = cells
    .sort((a, b) => a.path.localeCompare(b.path) || a.itemId - b.itemId)
    .map((c) => {
      const item = items.find((i) => i.id === c.itemId)!;
      const subtree = zero();
      for (const other of cells) {
        if (other.itemId !== c.itemId || !isAncestorOrSelf(c.path, other.path)) continue;
        for (const k of Object.keys(subtree) as (keyof ReconciliationFigures)[]) subtree[k] += other.f[k];
      }
      return {
        orgId: c.orgId,
        orgName: names.get(c.orgId) ?? String(c.orgId),
        depth: depthOfPath(c.path),
        itemId: c.itemId,
        itemName: item.name,
        unit: item.unit,
        own: c.f,
        subtree,
        peopleReached: peopleOf.filter((p) => isAncestorOrSelf(c.path, p.path)).reduce((n, p) => n + p.n, 0),
      };
    });
  const totals = items.map((item) => {
    const mine = cells.filter((c) => c.itemId === item.id);
    const total = (k: keyof ReconciliationFigures) => mine.reduce((n, c) => n + c.f[k], 0);
    const figures = {
      stockIn: stockIn.get(item.id) ?? 0,
      handedOut: total('handedOut'),
      redeemed: total('redeemed'),
      left: total('left'),
      inTransit: total('inTransit'),
    };
    return {
      itemId: item.id,
      itemName: item.name,
      unit: item.unit,
      plannedQty: item.planned_qty,
      ...figures,
      balanced: figures.stockIn === figures.handedOut + figures.left + figures.inTransit,
    };
  });
  return {
    campaignId: campaign.id,
    campaignName: campaign.name,
    rows,
    items: totals,
    peopleReached: peopleOf.reduce((n, p) => n + p.n, 0),
    duplicateScans: duplicates,
  };
}

const headers: Record<Locale, string[]> = {
  'zh-CN': ['单位', '物资', '单位（计量）', '分配', '收货', '发放', '核销', '结存', '在途', '下辖合计·发放', '下辖合计·结存', '惠及人数'],
  en: [
    'Node',
    'Item',
    'Unit',
    'Allocated',
    'Received',
    'Handed out',
    'Redeemed',
    'Left',
    'In transit',
    'Subtree handed out',
    'Subtree left',
    'People reached',
  ],
};

/** The reconciliation as an Excel file `<campaign>_对账表_<Beijing day>.xlsx`; the download is audited. */
export async function reconciliationXlsx(
  db: Kysely<DB>,
  actor: Actor,
  campaignId: number,
  locale: Locale,
): Promise<{ fileName: string; file: Buffer }> {
  const report = await reconcile(db, actor, campaignId);
  const ExcelJS = await loadExcelJS();
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet(locale === 'en' ? 'Reconciliation' : '对账表');
  sheet.addRow(headers[locale]).font = { bold: true };
  for (const r of report.rows)
    sheet.addRow([
      `${'　'.repeat(Math.max(0, r.depth - 1))}${r.orgName}`,
      r.itemName,
      r.unit,
      r.own.allocated,
      r.own.received,
      r.own.handedOut,
      r.own.redeemed,
      r.own.left,
      r.own.inTransit,
      r.subtree.handedOut,
      r.subtree.left,
      r.peopleReached,
    ]);
  sheet.addRow([]);
  const totals = workbook.addWorksheet(locale === 'en' ? 'Items' : '物资合计');
  totals.addRow(
    locale === 'en'
      ? ['Item', 'Unit', 'Planned', 'Stock in', 'Handed out', 'Redeemed', 'Left', 'In transit', 'Balanced']
      : ['物资', '单位', '计划', '入库', '发放', '核销', '结存', '在途', '账实相符'],
  ).font = { bold: true };
  for (const i of report.items)
    totals.addRow([i.itemName, i.unit, i.plannedQty, i.stockIn, i.handedOut, i.redeemed, i.left, i.inTransit, i.balanced ? '✓' : '✗']);
  totals.addRow([locale === 'en' ? 'People reached' : '惠及人数', report.peopleReached]);
  totals.addRow([locale === 'en' ? 'Duplicate scans (flagged)' : '重复扫码（已标记）', report.duplicateScans]);
  sheet.columns.forEach((c) => (c.width = 14));
  const fileName = `${report.campaignName.replace(/[\\/:*?"<>|]/g, '_')}_对账表_${dayOf(new Date())}.xlsx`;
  await recordWrite(db, actor, 'welfare.export', { type: 'welfare_campaign', id: campaignId, orgPath: null }, { fileName });
  return { fileName, file: Buffer.from(await workbook.xlsx.writeBuffer()) };
}
