import type { Writable } from 'node:stream';
import { loadExcelJS } from '../../http/file-libraries.js';
import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.js';
import type { Locale } from '../../../common/i18n.js';
import { LEDGER_EXPORT_COLUMNS, type LedgerEntry, type LedgerExportQuery, type LedgerKind } from '../../../common/ledger.js';
import { scopeFor, type Actor } from '../../auth/scope.js';
import { findOrgFor } from '../orgs/orgs.service.js';
import { neutraliseCell } from '../rosters/roster.errors-file.js';
import * as repo from './ledger.repo.js';
import { presentEntries } from './ledger.service.js';

const EXPORT_PAGE = 500;

const labels = {
  'zh-CN': {
    sheet: '工作台账',
    headers: LEDGER_EXPORT_COLUMNS,
    file: '工作台账',
    kinds: {
      outreach: '双沟通/建会宣传',
      welfare: '普惠服务',
      training: '培训',
      event: '文体活动',
      contest: '劳动竞赛',
      tournament: '赛事',
      legal: '法律服务',
      membership: '会员发展',
      congress: '职代会/会代会',
      honours: '评先评优',
      innovation: '职工创新',
      funds: '经费',
      workplan: '工作部署',
      site: '服务阵地',
      other: '其他',
    } satisfies Record<LedgerKind, string>,
    source: { manual: '手工录入', module: '系统记录', report: '新闻报道' },
    basis: { members: '会员去重', reported: '报告数' },
    approx: '约',
  },
  en: {
    sheet: 'Work ledger',
    headers: ['No.', 'Date', 'Kind', 'Work', 'Organiser', 'Co-organisers', 'Place', 'People', 'Key figures', 'Source'],
    file: 'work-ledger',
    kinds: {
      outreach: 'Outreach',
      welfare: 'Welfare',
      training: 'Training',
      event: 'Event',
      contest: 'Contest',
      tournament: 'Tournament',
      legal: 'Legal aid',
      membership: 'Membership',
      congress: 'Congress',
      honours: 'Honours',
      innovation: 'Innovation',
      funds: 'Funds',
      workplan: 'Work plan',
      site: 'Service site',
      other: 'Other',
    } satisfies Record<LedgerKind, string>,
    source: { manual: 'Entered', module: 'Recorded by the system', report: 'News report' },
    basis: { members: 'distinct members', reported: 'reported' },
    approx: 'about ',
  },
} as const;

/** One entry as a row of the 工作台账 (after its number). */
export function ledgerRow(e: LedgerEntry, locale: Locale): string[] {
  const l = labels[locale];
  const date = e.dateTo ? `${e.dateFrom} ~ ${e.dateTo}` : e.dateFrom;
  const work = e.summary ? `${e.title}\n${e.summary}` : e.title;
  const co = [...e.coOrganisers.map((o) => o.name), ...e.otherOrganisers].join('、');
  const people = e.peopleReached === null || e.peopleBasis === null ? '' : `${e.peopleReached}（${l.basis[e.peopleBasis]}）`;
  const figures = e.figures.map((f) => `${f.counts} ${f.approximate ? l.approx : ''}${f.value}${f.unit}`).join('；');
  const source = [l.source[e.source], e.sourceRef].filter(Boolean).join('：');
  return [date, l.kinds[e.kind], work, e.orgName, co, e.place ?? '', people, figures, source];
}

/**
 * Starts the Excel 工作台账 of a node for a year (its subtree by default): the checks happen before the first byte;
 * `write` then streams the rows oldest first (exceljs streaming writer, pages of 500).
 */
export async function startLedgerExport(
  db: Kysely<DB>,
  actor: Actor,
  query: LedgerExportQuery,
  locale: Locale,
): Promise<{ fileName: string; write: (out: Writable) => Promise<number> }> {
  const org = await findOrgFor(db, actor, 'ledger.read', query.orgId);
  const scope = scopeFor(actor, 'ledger.read');
  const filter = { orgId: org.id, orgPath: org.path, reach: query.reach, year: query.year, kind: query.kind };
  const l = labels[locale];
  const write = async (out: Writable): Promise<number> => {
    const ExcelJS = await loadExcelJS();
    const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: false, useSharedStrings: false });
    const sheet = workbook.addWorksheet(l.sheet);
    sheet.addRow([`${org.name} ${query.year}`]).commit();
    sheet.addRow([...l.headers]).commit();
    let n = 0;
    let after: [string, number] | undefined;
    for (;;) {
      const rows = await repo.entriesForExport(db, scope, filter, after, EXPORT_PAGE);
      for (const entry of await presentEntries(db, rows))
        sheet.addRow([++n, ...ledgerRow(entry, locale).map((v) => neutraliseCell(v))]).commit();
      if (rows.length < EXPORT_PAGE) break;
      const last = rows.at(-1)!;
      after = [last.date_from, last.id];
    }
    await workbook.commit();
    return n;
  };
  return { fileName: `${org.name}-${l.file}-${query.year}.xlsx`, write };
}
