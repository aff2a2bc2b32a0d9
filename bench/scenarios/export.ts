/**
 * Export of every member of the city to .xlsx through the export service (keyset pages, masked, streamed to a
 * file), rows/s and the process's peak resident set; beside a plain keyset read of the same rows in the same run,
 * so the ratio is what formatting and writing the workbook cost over just reading.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { exportMembers } from '../../src/server/modules/members/members.export.js';
import { actorOn } from '../lib/actors.js';
import { figure, rssSampler, say, type Section } from '../lib/context.js';
import type { Fixture } from '../lib/fixture.js';

const PAGE = 5000;

export async function benchExport(fixture: Fixture): Promise<Section> {
  const { db } = fixture.database;
  const city = { id: 1, path: '1' };
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gonghui-bench-export-'));
  try {
    say(`export: reading ${fixture.members.toLocaleString('en')} rows (baseline)`);
    let started = performance.now();
    let read = 0;
    for (let after = Number.MAX_SAFE_INTEGER; ;) {
      const rows = await db
        .selectFrom('member')
        .select(['id', 'name', 'id_number_masked', 'phone_masked', 'gender', 'birth_date', 'employer_name', 'join_date', 'card_no'])
        .where('org_path', '<@', city.path)
        .where('id', '<', after)
        .orderBy('id', 'desc')
        .limit(PAGE)
        .execute();
      read += rows.length;
      if (rows.length < PAGE) break;
      after = rows.at(-1)!.id;
    }
    const readRate = read / ((performance.now() - started) / 1000);
    const rssBefore = Math.round(process.memoryUsage.rss() / 2 ** 20);
    say('export: writing .xlsx');
    const file = path.join(dir, 'members.xlsx');
    const sampler = rssSampler();
    started = performance.now();
    const out = fs.createWriteStream(file);
    const written = await exportMembers(
      fixture.deps,
      actorOn(city, 'federation_admin'),
      { orgId: city.id, format: 'xlsx', reveal: false, locale: 'zh-CN' },
      out,
    );
    await new Promise<void>((resolve, reject) => (out.writableFinished ? resolve() : out.once('finish', resolve).once('error', reject)));
    const seconds = (performance.now() - started) / 1000;
    const peak = sampler.stop();
    const bytes = fs.statSync(file).size;
    return {
      id: 'export',
      title: `Export of ${written.toLocaleString('en')} members to .xlsx`,
      figures: [
        figure('export .xlsx', written / seconds, 'rows/s', { name: 'plain keyset read', value: readRate }, 'higher'),
        figure(
          'peak RSS during export',
          peak,
          'MiB',
          { name: 'RSS before export', value: rssBefore },
          'lower',
          'the process holds the database too',
        ),
      ],
      details: { rows: written, seconds: +seconds.toFixed(1), fileMiB: +(bytes / 2 ** 20).toFixed(1), rowsRead: read },
    };
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
