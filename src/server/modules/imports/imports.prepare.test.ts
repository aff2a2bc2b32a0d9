import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { makeIdNumber, makePhone } from '../../testing/harness.js';
import { createPiiCipher, loadMasterSecret } from '../../crypto/pii.js';
import { HEADER, withTempDir, writeBytes } from '../rosters/roster.test-support.js';
import { RosterFileError } from '../rosters/roster.file-error.js';
import { PreparationCrashed, prepareInWorker, prepareRoster, type Prepared } from './imports.prepare.js';

// The import's preparation (#16): what the worker thread hands the writer, batch by batch.
const secret = randomBytes(32).toString('hex');
const cipher = createPiiCipher(loadMasterSecret({ secret, dataDir: '/nonexistent' }));
const covered = [{ id: 7, name: '北京市自来水集团', uscc: null }];

/** Five rows: 1 valid, 2 a wrong check digit, 3 valid at an employer the union does not cover, 4 repeats row 1's ID, 5 a rider without an employer. */
function roster(): { text: string; ids: string[] } {
  const ids = [makeIdNumber(), makeIdNumber(), makeIdNumber(), makeIdNumber()];
  const wrong = ids[1]!.slice(0, 17) + (ids[1]!.endsWith('0') ? '1' : '0');
  const rows = [
    ['张三', ids[0], makePhone(), '', '全日制', '北京市自来水集团', '2020-05-01'],
    ['李四', wrong, makePhone(), '', '全日制', '北京市自来水集团', '2020-05-01'],
    ['王五', ids[2], makePhone(), '', '全日制', '别的公司', '2020-05-01'],
    ['赵六', ids[0], makePhone(), '', '全日制', '北京市自来水集团', '2020-05-01'],
    ['孙七', ids[3], makePhone(), '', '外卖骑手', '', '2020-05-01'],
  ];
  return { text: [HEADER, ...rows].map((r) => r.join(',')).join('\r\n'), ids };
}

async function collect(items: AsyncIterable<Prepared>): Promise<Prepared[]> {
  const all: Prepared[] = [];
  for await (const item of items) all.push(item);
  return all;
}

/** Each message as kind and row numbers, the shape the writer sees. */
const shape = (items: Prepared[]) =>
  items.map((p) => (p.kind === 'header' ? 'header' : `${p.kind} ${p.rows.map((r) => r.rowNumber).join(',')}`));

describe('preparing a roster for the writer', () => {
  it('batches rows in file order, seals what it admits, and keeps the raw row only where there is a problem', async () => {
    await withTempDir(async (dir) => {
      const { text, ids } = roster();
      const file = await writeBytes(dir, 'roster.csv', text);
      const items = await collect(prepareRoster(file, { covered, batchRows: 2, committed: 0 }, cipher));
      expect(shape(items)).toEqual(['header', 'batch 2,3', 'batch 4,5', 'batch 6']);
      const rows = items.flatMap((p) => (p.kind === 'batch' ? p.rows : []));
      const [first, wrong, held, repeated, last] = rows;
      expect(first!.admission).toMatchObject({ employerId: 7, employerName: '北京市自来水集团', joinDate: '2020-05-01' });
      expect(first!.admission!.person.id_number_bidx).toBe(cipher.blindIndex('id_number', ids[0]!));
      expect(JSON.stringify(first)).not.toContain(ids[0]!); // sealed: the ID number only as ciphertext and blind index
      expect(cipher.decrypt(first!.admission!.person.id_number_enc)).toBe(ids[0]);
      expect(first!.row).toBeNull();
      expect(wrong!.admission).toBeNull();
      expect(wrong!.row?.cells.name).toBe('李四');
      expect(wrong!.problems.map((p) => p.code)).toContain('ID_CHECK');
      expect(held).toMatchObject({ admission: null, heldFor: '别的公司', problems: [{ code: 'EMPLOYER_UNKNOWN' }] });
      expect(repeated!.problems.map((p) => p.code)).toEqual(['ID_DUPLICATE']);
      expect(last!.admission).toMatchObject({ employerId: null, employerName: null, employmentForm: 'delivery_rider' });
    });
  });

  it('a union with no employer on record admits the row of an unknown employer without one, and still names it', async () => {
    await withTempDir(async (dir) => {
      const file = await writeBytes(dir, 'roster.csv', roster().text);
      const items = await collect(prepareRoster(file, { covered: [], batchRows: 10, committed: 0 }, cipher));
      const held = items.flatMap((p) => (p.kind === 'batch' ? p.rows : [])).find((r) => r.rowNumber === 4)!;
      expect(held).toMatchObject({ problems: [], heldFor: '别的公司', admission: { employerId: null, employerName: '别的公司' } });
    });
  });

  it('a resumed job gets the committed rows again only where they have problems, for their error-file lines', async () => {
    await withTempDir(async (dir) => {
      const file = await writeBytes(dir, 'roster.csv', roster().text);
      const items = await collect(prepareRoster(file, { covered, batchRows: 2, committed: 3 }, cipher));
      // Rows 2–4 were committed: 3 (a wrong check digit) and 4 (held) come back for their lines; 5 and 6 are written.
      expect(shape(items)).toEqual(['header', 'replay 3,4', 'batch 5,6']);
    });
  });

  it('the worker thread hands over the same, and a file it cannot read fails as the file’s error, not the worker’s', async () => {
    await withTempDir(async (dir) => {
      const file = await writeBytes(dir, 'roster.csv', roster().text);
      const input = { file: { path: file, sealed: false }, covered, batchRows: 2, committed: 1 };
      const inWorker = await collect(prepareInWorker(input, { secret, dataDir: dir }, cipher));
      const here = await collect(prepareRoster(file, input, cipher));
      expect(shape(inWorker)).toEqual(['header', 'batch 3,4', 'batch 5,6']);
      // The seals differ (a fresh IV each); the blind indexes, problems and placements do not.
      const comparable = (items: Prepared[]) =>
        JSON.stringify(items, (key, value: unknown) => (key === 'id_number_enc' || key === 'phone_enc' ? 'sealed' : value));
      expect(comparable(inWorker)).toBe(comparable(here));

      const empty = await writeBytes(dir, 'empty.csv', HEADER.join(','));
      const error = await collect(
        prepareInWorker({ ...input, file: { path: empty, sealed: false } }, { secret, dataDir: dir }, cipher),
      ).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(RosterFileError);
      expect(error).toMatchObject({ code: 'EMPTY_FILE' });
    });
  });

  it('refuses to prepare with another key than the writer’s: every blind index would miss', async () => {
    await withTempDir(async (dir) => {
      const file = await writeBytes(dir, 'roster.csv', roster().text);
      const input = { file: { path: file, sealed: false }, covered, batchRows: 2, committed: 0 };
      const other = randomBytes(32).toString('hex');
      const error = await collect(prepareInWorker(input, { secret: other, dataDir: dir }, cipher)).catch((e: unknown) => e);
      expect(error).toMatchObject({ code: 'SECRET_MISMATCH' });
    });
  });

  it('a worker that dies (here out of its heap) fails as the platform’s error, not as a broken file', async () => {
    await withTempDir(async (dir) => {
      const file = await writeBytes(dir, 'roster.csv', roster().text);
      const input = { file: { path: file, sealed: false }, covered, batchRows: 2, committed: 0 };
      const tooSmall = { maxOldGenerationSizeMb: 1, maxYoungGenerationSizeMb: 1 };
      const error = await collect(prepareInWorker(input, { secret, dataDir: dir }, cipher, tooSmall)).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(PreparationCrashed);
      expect(error).not.toBeInstanceOf(RosterFileError);
      expect((error as Error).cause).toMatchObject({ code: 'ERR_WORKER_OUT_OF_MEMORY' });
    });
  });
});
