import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { actorWith, buildTree, createTestContext, type TestContext } from '../../testing/harness.js';
import type { AuditRecord } from '../../../common/audit.js';
import { describeAuditAction } from '../../../common/audit.actions.js';
import type { Page } from '../../../common/paging.js';

/**
 * The audit log people can read (issue #11): each entry names its actor and target, says what happened in words in
 * both languages, filters by person, action and Beijing day, and exports to Excel for auditors — within their scope.
 */

let ctx: TestContext;
let tree: Awaited<ReturnType<typeof buildTree>>;
let dcAuditor: { cookie: string; username: string };
let xcAuditor: { cookie: string; username: string };
let cadre: { cookie: string; userId: number; username: string };
let employerName: string;
beforeAll(async () => {
  ctx = await createTestContext();
  tree = await buildTree(ctx);
  dcAuditor = await actorWith(ctx, 'auditor', tree.dongcheng.id);
  xcAuditor = await actorWith(ctx, 'auditor', tree.xicheng.id);
  cadre = await actorWith(ctx, 'federation_admin', tree.dcStreet.id);
  expect((await ctx.call('PATCH', `/api/users/${cadre.userId}`, { displayName: '李审计' })).statusCode).toBe(200);
  // The cadre creates an account 张三 and moves an employer along the 建会 pipeline.
  const created = await ctx.call(
    'POST',
    '/api/users',
    { username: 'zhangsan.w', displayName: '张三', password: 'Xq7-umbrella-kite-9', orgId: tree.dcUnion.id, role: 'read_only' },
    cadre.cookie,
  );
  expect(created.statusCode).toBe(201);
  employerName = '北京某某物流有限公司';
  const employer = (
    await ctx.call(
      'POST',
      '/api/employers',
      { name: employerName, headcount: 150, industry: 'G', streetOrgId: tree.dcStreet.id },
      cadre.cookie,
    )
  ).json<{ id: number; version: number }>();
  const staged = await ctx.call(
    'POST',
    `/api/employers/${employer.id}/unionisation`,
    { version: employer.version, stage: 'persuaded' },
    cadre.cookie,
  );
  expect(staged.statusCode).toBe(200);
});
afterAll(async () => ctx?.close());

async function auditOf(cookie: string, query = ''): Promise<AuditRecord[]> {
  const response = await ctx.call('GET', `/api/audit?limit=200${query}`, undefined, cookie);
  expect(response.statusCode).toBe(200);
  return response.json<Page<AuditRecord>>().items;
}

/** Today and tomorrow in Beijing (YYYY-MM-DD). */
function beijingDays(): [string, string] {
  const now = Date.now() + 8 * 3600_000;
  return [new Date(now).toISOString().slice(0, 10), new Date(now + 86400_000).toISOString().slice(0, 10)];
}

describe('entries in words', () => {
  it('names the actor and the target, and says what happened in Chinese and English', async () => {
    const entries = await auditOf(dcAuditor.cookie, `&username=${encodeURIComponent('李审计')}`);
    const userCreate = entries.find((e) => e.action === 'user.create')!;
    expect(userCreate).toMatchObject({ actorName: '李审计', username: cadre.username, targetName: '张三' });
    expect(describeAuditAction(userCreate, 'zh-CN')).toBe('新建用户 张三（只读）');
    expect(describeAuditAction(userCreate, 'en')).toBe('Created user 张三 (Read only)');
    const staged = entries.find((e) => e.action === 'employer.unionisation')!;
    expect(describeAuditAction(staged, 'zh-CN')).toBe(`企业 ${employerName} 建会进度 → 已同意建会`);
    expect(describeAuditAction(staged, 'en')).toBe(`Employer ${employerName}: unionisation stage → Agreed to unionise`);
  });

  it('says a refused request in words rather than leaving it blank', () => {
    const refused = { action: 'POST /api/users', targetId: null, targetName: null, detail: { code: 'FORBIDDEN' } };
    expect(describeAuditAction(refused, 'zh-CN')).toBe('请求 POST /api/users');
  });
});

describe('filters', () => {
  it('filters by person (username or name), by action, and by Beijing day, the end day excluded', async () => {
    const [today, tomorrow] = beijingDays();
    const byName = await auditOf(dcAuditor.cookie, `&username=${encodeURIComponent('李审计')}`);
    const byUsername = await auditOf(dcAuditor.cookie, `&username=${cadre.username}`);
    expect(byName.map((e) => e.id)).toEqual(byUsername.map((e) => e.id));
    expect(byName.map((e) => e.action).sort()).toEqual(['auth.login', 'employer.create', 'employer.unionisation', 'user.create']);
    const creates = await auditOf(dcAuditor.cookie, '&action=user.create');
    expect(creates.length).toBeGreaterThan(0);
    expect(creates.every((e) => e.action === 'user.create')).toBe(true);
    expect(await auditOf(dcAuditor.cookie, `&username=${cadre.username}&from=${today}&to=${tomorrow}`)).toHaveLength(4);
    expect(await auditOf(dcAuditor.cookie, `&username=${cadre.username}&from=${tomorrow}`)).toHaveLength(0);
    expect(await auditOf(dcAuditor.cookie, `&username=${cadre.username}&to=${today}`)).toHaveLength(0);
  });

  it('shows another district’s auditor none of it', async () => {
    expect(await auditOf(xcAuditor.cookie, `&username=${cadre.username}`)).toEqual([]);
  });
});

describe('the Excel export', () => {
  const readSheet = async (body: Buffer) => {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(body as unknown as ArrayBuffer);
    const rows: string[][] = [];
    workbook.worksheets[0]!.eachRow((row) => rows.push((row.values as unknown[]).slice(1).map((v) => String(v ?? ''))));
    return rows;
  };

  it('holds the filtered entries in words, is named with the node and the day, and is itself audited', async () => {
    const [today] = beijingDays();
    const response = await ctx.app.inject({
      method: 'GET',
      url: `/api/audit/export?orgId=${tree.dcStreet.id}&username=${cadre.username}`,
      headers: { cookie: dcAuditor.cookie },
    });
    expect(response.statusCode).toBe(200);
    expect(decodeURIComponent(String(response.headers['content-disposition']))).toContain(`操作日志_${tree.dcStreet.name}_${today}.xlsx`);
    const rows = await readSheet(response.rawPayload);
    expect(rows[0]).toEqual(['时间（北京时间）', '用户名', '姓名', '操作', '内容', '对象类型', '对象编号', '结果', 'IP 地址']);
    const listed = await auditOf(dcAuditor.cookie, `&orgId=${tree.dcStreet.id}&username=${cadre.username}`);
    expect(rows.slice(1).map((r) => r[4])).toEqual(listed.map((e) => describeAuditAction(e, 'zh-CN')));
    expect(rows.slice(1).map((r) => r[4])).toContain(`企业 ${employerName} 建会进度 → 已同意建会`);
    expect(rows.slice(1).every((r) => r[1] === cadre.username && r[2] === '李审计')).toBe(true);

    const exports = await auditOf(dcAuditor.cookie, `&action=audit.export&username=${dcAuditor.username}`);
    expect(exports).toHaveLength(1);
    expect(exports[0]).toMatchObject({ targetType: 'org', targetId: String(tree.dcStreet.id), targetName: tree.dcStreet.name });
    expect(exports[0]!.detail).toMatchObject({ filters: { orgId: tree.dcStreet.id, username: cadre.username } });
  });

  it('answers in English for an English caller, and keeps to the caller’s scope', async () => {
    const english = await ctx.app.inject({
      method: 'GET',
      url: `/api/audit/export?username=${cadre.username}`,
      headers: { cookie: dcAuditor.cookie, 'accept-language': 'en' },
    });
    expect(english.statusCode).toBe(200);
    const rows = await readSheet(english.rawPayload);
    expect(rows[0]![0]).toBe('Time (Beijing)');
    expect(rows.slice(1).map((r) => r[3])).toContain('Change unionisation stage');
    const foreign = await ctx.call('GET', `/api/audit/export?orgId=${tree.dcStreet.id}`, undefined, xcAuditor.cookie);
    expect(foreign.statusCode).toBe(404);
    const own = await ctx.app.inject({
      method: 'GET',
      url: `/api/audit/export?username=${cadre.username}`,
      headers: { cookie: xcAuditor.cookie },
    });
    expect((await readSheet(own.rawPayload)).slice(1)).toEqual([]);
    const unionCadre = await actorWith(ctx, 'union_cadre', tree.dcStreet.id);
    expect((await ctx.call('GET', '/api/audit/export', undefined, unionCadre.cookie)).statusCode).toBe(403);
  });
});

describe('the catalogue', () => {
  it('leaves no empty brackets when the entry lacks a detail, and falls back to the target number', () => {
    const bootstrap = { action: 'user.create', targetId: '1', targetName: '系统管理员', detail: null };
    expect(describeAuditAction(bootstrap, 'zh-CN')).toBe('新建用户 系统管理员');
    expect(describeAuditAction(bootstrap, 'en')).toBe('Created user 系统管理员');
    expect(describeAuditAction({ ...bootstrap, targetName: null }, 'zh-CN')).toBe('新建用户 #1');
  });
});

describe('every audited write has words', () => {
  it('names in the catalogue every action a module records (so the audit page never shows a raw action name)', async () => {
    const fs = await import('node:fs');
    const path = await import('node:path');
    const { auditActions } = await import('../../../common/audit.actions.js');
    // The app is built (beforeAll), so every module's catalogue file has loaded.
    const known = new Set(auditActions());
    const modules = path.resolve(import.meta.dirname, '..');
    const recorded = new Set<string>();
    for (const file of fs.readdirSync(modules, { recursive: true, encoding: 'utf8' })) {
      if (!file.endsWith('.ts') || file.endsWith('.test.ts')) continue;
      const text = fs.readFileSync(path.join(modules, file), 'utf8');
      for (const m of text.matchAll(/recordWrite\(\s*\w+,\s*\w+,\s*'([a-z_.]+)'/g)) recorded.add(m[1]!);
    }
    expect(recorded.size).toBeGreaterThan(50);
    expect([...recorded].filter((a) => !known.has(a)).sort()).toEqual([]);
  });
});
