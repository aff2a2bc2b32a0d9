/**
 * Personal data at rest and in transit: a scripted session against a real server process (public applications
 * and approval, the clean roster imported through the upload API, searches by phone and ID number, a masked CSV
 * export, one audited reveal). Then every response body, every log line, every file of the data directory and
 * a `cli backup` dump are searched for the full ID numbers and phones used. Only the reveal may carry one.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeIdNumber } from '../src/server/testing/harness.js';
import type { ImportJob } from '../src/common/imports.js';
import { recordFigure } from './summary.js';
import { fixtures, loginOver, root, startServer, type ServerProcess } from './support.js';

let server: ServerProcess;
let work: string;
let dataDir: string;
let cookie: string;
/** Every answer of the session: its request, whether it is the audited reveal, its body as bytes (latin1 text). */
const captured: { label: string; allowed: boolean; body: string }[] = [];

beforeAll(async () => {
  work = fs.mkdtempSync(path.join(os.tmpdir(), 'gonghui-pii-'));
  dataDir = path.join(work, 'data');
  fs.mkdirSync(dataDir);
  server = await startServer(dataDir, { LOG_LEVEL: 'info' });
  cookie = await loginOver(server.base);
}, 180_000);
afterAll(async () => {
  await server?.stop();
  if (work) fs.rmSync(work, { recursive: true, force: true });
});

async function call(method: string, url: string, options: { body?: object; form?: FormData; anonymous?: boolean; allowed?: boolean } = {}) {
  const response = await fetch(`${server.base}${url}`, {
    method,
    headers: {
      ...(options.anonymous ? {} : { cookie }),
      ...(options.body ? { 'content-type': 'application/json' } : {}),
    },
    ...(options.body ? { body: JSON.stringify(options.body) } : options.form ? { body: options.form } : {}),
  });
  const bytes = Buffer.from(await response.arrayBuffer());
  captured.push({ label: `${method} ${url} → ${response.status}`, allowed: options.allowed ?? false, body: bytes.toString('latin1') });
  return { status: response.status, bytes, json: <T>() => JSON.parse(bytes.toString('utf8')) as T };
}

/** The ID numbers and phones of the fixture roster. */
async function rosterPeople(): Promise<{ ids: string[]; phones: string[] }> {
  const book = new ExcelJS.Workbook();
  await book.xlsx.readFile(path.join(fixtures, 'roster-clean.xlsx'));
  const sheet = book.worksheets[0]!;
  const header = Array.from(sheet.getRow(1).values as unknown[], (v) => String(v ?? ''));
  const idColumn = header.findIndex((h) => h.includes('身份证'));
  const phoneColumn = header.findIndex((h) => h.includes('手机'));
  const ids: string[] = [];
  const phones: string[] = [];
  sheet.eachRow((row, n) => {
    if (n === 1) return;
    ids.push(
      String(row.getCell(idColumn).value ?? '')
        .trim()
        .toUpperCase(),
    );
    phones.push(String(row.getCell(phoneColumn).value ?? '').replace(/\D/g, ''));
  });
  return { ids, phones };
}

/** The needles found in a text: runs of 18 (ID number) or 11 (phone) characters, in the latin1 view of the bytes (ASCII digits read the same in UTF-8). */
function hits(text: string, needles: Set<string>): string[] {
  const found: string[] = [];
  for (const m of text.matchAll(/\d{17}[\dXx]|\d{11}/g)) if (needles.has(m[0].toUpperCase())) found.push(m[0]);
  return found;
}

function filesUnder(dir: string): string[] {
  return fs
    .readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile())
    .map((e) => path.join(e.parentPath, e.name));
}

describe('personal data outside the audited reveal', () => {
  it('leaves no full ID number or phone in answers, logs, data files or backups but the reveal', async () => {
    const district = (await call('POST', '/api/orgs', { body: { parentId: 1, kind: 'district_federation', name: '隐私区总工会' } })).json<{
      id: number;
    }>();
    const street = (
      await call('POST', '/api/orgs', { body: { parentId: district.id, kind: 'street_federation', name: '隐私街道' } })
    ).json<{ id: number }>();
    const union = (await call('POST', '/api/orgs', { body: { parentId: street.id, kind: 'grassroots_union', name: '隐私工会' } })).json<{
      id: number;
    }>();
    const importUnion = (
      await call('POST', '/api/orgs', { body: { parentId: street.id, kind: 'grassroots_union', name: '隐私导入工会' } })
    ).json<{ id: number }>();

    // Five people through the public application and a cadre's approval.
    const applicants = Array.from({ length: 5 }, (_, i) => ({
      name: `隐私申请${i}`,
      idNumber: makeIdNumber({ region: '110102' }),
      phone: `1590000${String(1000 + i)}`,
    }));
    for (const a of applicants) {
      const applied = await call('POST', '/api/public/applications', {
        anonymous: true,
        body: { ...a, employmentForm: 'courier', orgId: union.id },
      });
      expect(applied.status).toBe(201);
      const { trackingCode } = applied.json<{ trackingCode: string }>();
      await call('GET', `/api/public/applications/${trackingCode}`, { anonymous: true });
    }
    const pending = (await call('GET', `/api/applications?orgId=${union.id}&limit=500`)).json<{ items: { id: number }[] }>();
    expect(pending.items).toHaveLength(5);
    expect(
      (await call('POST', '/api/applications/decisions', { body: { ids: pending.items.map((p) => p.id), decision: 'approve' } })).status,
    ).toBe(200);

    // The clean roster through the upload API.
    const form = new FormData();
    form.append('file', new Blob([fs.readFileSync(path.join(fixtures, 'roster-clean.xlsx'))]), 'roster-clean.xlsx');
    const started = await call('POST', `/api/imports?orgId=${importUnion.id}`, { form });
    expect(started.status).toBe(202);
    let job = started.json<ImportJob>();
    while (job.status !== 'done' && job.status !== 'failed') {
      await new Promise((r) => setTimeout(r, 200));
      job = (await call('GET', `/api/imports/${job.id}`)).json<ImportJob>();
    }
    expect(job).toMatchObject({ status: 'done', imported: 200 });
    await call('GET', `/api/imports?orgId=${importUnion.id}`);

    // Searches by phone and by ID number, lists, detail, card, export (masked), audit.
    const roster = await rosterPeople();
    const searches = [applicants[0]!.phone, applicants[1]!.idNumber, roster.phones[3]!, roster.ids[4]!];
    let memberId = 0;
    for (const q of searches) {
      const found = (await call('GET', `/api/members?orgId=${district.id}&q=${encodeURIComponent(q)}`)).json<{ items: { id: number }[] }>();
      expect(found.items).toHaveLength(1);
      memberId = found.items[0]!.id;
      await call('GET', `/api/members/${memberId}`);
      await call('GET', `/api/members/${memberId}/card`);
    }
    await call('GET', `/api/members?orgId=${district.id}&limit=200`);
    await call('POST', '/api/transfers', { body: { idNumber: applicants[2]!.idNumber, toOrgId: importUnion.id } });
    await call('GET', `/api/transfers?orgId=${union.id}&direction=outgoing`);
    const exported = await call('GET', `/api/members/export?orgId=${district.id}&format=csv`);
    expect(exported.status).toBe(200);
    expect(exported.bytes.toString('utf8').split('\r\n').length).toBeGreaterThan(200);
    // Mistakes that echo input: a duplicate application and a malformed phone.
    await call('POST', '/api/public/applications', {
      anonymous: true,
      body: { ...applicants[3]!, employmentForm: 'courier', orgId: union.id },
    });
    await call('POST', '/api/public/applications', {
      anonymous: true,
      body: { ...applicants[4]!, phone: `${applicants[4]!.phone}9`, employmentForm: 'courier', orgId: union.id },
    });
    // The one audited reveal.
    const revealed = await call('POST', `/api/members/${memberId}/reveal`, {
      body: { field: 'idNumber', reason: '核对身份' },
      allowed: true,
    });
    expect(revealed.json<{ value: string }>().value).toBe(roster.ids[4]);
    await call('GET', `/api/audit?orgId=${district.id}&limit=100`);

    await server.stop();
    const logLines = server.lines();
    // The backup of the stopped server's directory, decompressed (a gzip tar: its members are plain bytes).
    const backupFile = path.join(work, 'backup.tar.gz');
    const backup = spawnSync(process.execPath, ['--import', 'tsx', 'src/server/cli.ts', 'backup', backupFile], {
      cwd: root,
      env: { ...process.env, GONGHUI_DATA_DIR: dataDir },
      encoding: 'utf8',
      timeout: 120_000,
    });
    expect(backup.status, backup.stderr).toBe(0);
    const dump = gunzipSync(fs.readFileSync(backupFile)).toString('latin1');

    const needles = new Set([...applicants.flatMap((a) => [a.idNumber, a.phone]), ...roster.ids, ...roster.phones]);
    expect(needles.size).toBe(410);
    const found: string[] = [];
    let responses = 0;
    for (const c of captured) {
      responses++;
      const h = hits(c.body, needles);
      if (h.length && !c.allowed) found.push(`response ${c.label}: ${h.slice(0, 3).join(', ')}`);
    }
    for (const line of logLines) for (const h of hits(line, needles)) found.push(`log: ${h} in ${line.slice(0, 200)}`);
    const files = filesUnder(dataDir);
    for (const file of files) {
      const h = hits(fs.readFileSync(file).toString('latin1'), needles);
      if (h.length) found.push(`file ${path.relative(dataDir, file)}: ${h.length} (${h[0]})`);
    }
    const h = hits(dump, needles);
    if (h.length) found.push(`backup: ${h.length} (${h[0]})`);
    // The scan is not blind: the reveal holds the ID number, and the clear names are in the data files.
    expect(hits(captured.find((c) => c.allowed)!.body, needles)).toEqual([roster.ids[4]]);
    expect(dump.includes(Buffer.from('隐私申请0').toString('latin1'))).toBe(true);
    expect(logLines.length).toBeGreaterThan(20);

    recordFigure(
      'pii',
      `hits outside the audited reveal ${found.length} (responses ${responses}, log lines ${logLines.length}, files ${files.length} + backup ${(dump.length / 1048576).toFixed(0)} MB; ${needles.size} ID numbers and phones)`,
      import.meta.filename,
    );
    expect(found).toEqual([]);
  });
});
