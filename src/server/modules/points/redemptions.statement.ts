import type { Writable } from 'node:stream';
import { loadExcelJS } from '../../http/file-libraries.js';
import type { Deps } from '../../deps.js';
import type { Locale } from '../../../common/i18n.js';
import type { RedemptionStatus } from '../../../common/points.merchants.js';
import type { Actor } from '../../auth/scope.js';
import { recordWrite } from '../../audit/audit.js';
import { neutraliseCell } from '../rosters/roster.errors-file.js';
import { statementMerchantFor } from './merchants.service.js';
import * as repo from './redemptions.repo.js';
import { presentCharges } from './redemptions.service.js';

/** Charges read per page while streaming a statement. */
const STATEMENT_PAGE = 500;

const labels = {
  'zh-CN': {
    sheet: '积分结算单',
    headers: ['时间（北京）', '会员', '积分项目', '商品', '积分', '门店', '收银员', '状态'],
    status: { posted: '已入账', held: '预扣中', voided: '已撤销', reversed: '已冲正' } satisfies Record<RedemptionStatus, string>,
    free: '自定积分',
    totals: ['合计：已入账', '笔数', '已撤销/冲正积分'],
  },
  en: {
    sheet: 'Points statement',
    headers: ['Time (Beijing)', 'Member', 'Programme', 'Item', 'Points', 'Shop', 'Cashier', 'Status'],
    status: { posted: 'Posted', held: 'Held', voided: 'Voided', reversed: 'Reversed' } satisfies Record<RedemptionStatus, string>,
    free: 'Free amount',
    totals: ['Total posted', 'Charges', 'Voided/reversed points'],
  },
} as const;

const beijingTime = new Intl.DateTimeFormat('sv-SE', {
  timeZone: 'Asia/Shanghai',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
});

export type StartedStatement = { fileName: string; write: (out: Writable) => Promise<void> };

/**
 * A merchant's monthly settlement statement (积分结算单): every charge of the Beijing month with its status, and the
 * totals. Authorised (a cashier its own merchant, a cadre a merchant of its subtree) and audited before the first byte.
 */
export async function startStatement(
  deps: Deps,
  actor: Actor,
  merchantId: number,
  month: string,
  locale: Locale,
): Promise<StartedStatement> {
  const merchant = await statementMerchantFor(deps.db, actor, merchantId);
  await recordWrite(
    deps.db,
    actor,
    'points.statement',
    { type: 'points_merchant', id: merchant.id, orgPath: merchant.org_path },
    { month },
  );
  const from = new Date(`${month}-01T00:00:00+08:00`);
  const [y, m] = month.split('-').map(Number) as [number, number];
  const to = new Date(`${m === 12 ? y + 1 : y}-${String(m === 12 ? 1 : m + 1).padStart(2, '0')}-01T00:00:00+08:00`);
  const l = labels[locale];
  const fileName = `${merchant.name}_积分结算单_${month}.xlsx`;
  return {
    fileName,
    write: async (out) => {
      const shops = await repo.shopNamesOf(deps.db, merchant);
      const ExcelJS = await loadExcelJS();
      const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: false, useSharedStrings: false });
      const sheet = workbook.addWorksheet(l.sheet);
      sheet.addRow([`${merchant.name} ${month}`]).commit();
      sheet.addRow([...l.headers]).commit();
      let posted = 0;
      let count = 0;
      let undone = 0;
      let afterId: number | undefined;
      for (;;) {
        const rows = await repo.listCharges(deps.db, merchant, {
          from: from.toISOString(),
          to: to.toISOString(),
          afterId,
          limit: STATEMENT_PAGE,
          ascending: true,
        });
        const page = rows.slice(0, STATEMENT_PAGE);
        for (const c of await presentCharges(deps.db, page)) {
          count++;
          if (c.status === 'posted') posted += c.points;
          if (c.status === 'voided' || c.status === 'reversed') undone += c.points;
          sheet
            .addRow([
              beijingTime.format(new Date(c.createdAt)),
              neutraliseCell(c.memberNameMasked),
              neutraliseCell(c.programmeName),
              neutraliseCell(c.itemName ?? l.free),
              c.points,
              neutraliseCell(shops),
              neutraliseCell(c.cashier ?? ''),
              l.status[c.status],
            ])
            .commit();
        }
        if (rows.length <= STATEMENT_PAGE) break;
        afterId = page.at(-1)!.id;
      }
      sheet.addRow([]).commit();
      sheet.addRow([l.totals[0], posted]).commit();
      sheet.addRow([l.totals[1], count]).commit();
      sheet.addRow([l.totals[2], undone]).commit();
      await workbook.commit();
    },
  };
}
