/**
 * The verifiable lottery (issue #13): the documented byte format, the example of the matchmaking event (800 sign-ups
 * from 126 units for 300 places), fast-check properties (every draw verifies, any single tampered field is found,
 * quotas are filled first and never exceeded, winners = min(places, entries)) and the real `verify-draw` command.
 */
import { spawnSync } from 'node:child_process';
import { createHash, createHmac } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import type { DrawEntry, DrawExport, DrawQuota } from '../../../common/events.draw.js';
import { DrawInputError, drawResultRows, freezeEntries, runDraw, verifyDraw, verifyExportText, type DrawInput } from './draw.js';

const base = {
  title: '青年交友联谊会 线下场',
  seedSource: '中国福利彩票双色球 2026-12-01 开奖号码（红球升序，空格分隔，+ 蓝球）',
  frozenAt: '2026-11-30T16:00:00.000Z',
};
const SEED = '03 07 12 19 25 31 + 09';

function matchmaking(): DrawInput {
  // 800 sign-ups from 126 units: unit u has 6 or 7 people (800 = 126 × 6 + 44).
  const entries: DrawEntry[] = Array.from({ length: 800 }, (_, i) => ({
    entryId: `r${String(i + 1).padStart(4, '0')}`,
    maskedName: `职工${i % 10}*`,
    stratum: `unit-${String(i % 126).padStart(3, '0')}`,
  }));
  const quotas: DrawQuota[] = Array.from({ length: 126 }, (_, u) => ({ stratum: `unit-${String(u).padStart(3, '0')}`, quota: 1 }));
  return { ...base, places: 300, quotas, entries };
}

describe('the frozen form and the keys', () => {
  it('hashes exactly the documented text and keys each entry with HMAC-SHA256(seed, hash + id)', () => {
    const frozen = freezeEntries({
      ...base,
      places: 2,
      quotas: [{ stratum: '海淀', quota: 1 }],
      entries: [
        { entryId: 'b2', maskedName: '李*', stratum: null },
        { entryId: 'a1', maskedName: '张*明', stratum: '海淀' },
      ],
    });
    const text =
      'gonghui.draw/1\n' +
      `title\t${base.title}\n` +
      `seedSource\t${base.seedSource}\n` +
      `frozenAt\t${base.frozenAt}\n` +
      'places\t2\n' +
      'quota\t海淀\t1\n' +
      'entry\ta1\t海淀\t张*明\n' +
      'entry\tb2\t\t李*\n';
    expect(frozen.canonical).toBe(text);
    expect(frozen.frozenHash).toBe(createHash('sha256').update(Buffer.from(text, 'utf8')).digest('hex'));
    const published = runDraw({ ...frozen, seed: SEED });
    const key = (id: string) => createHmac('sha256', Buffer.from(SEED, 'utf8')).update(`${frozen.frozenHash}${id}`).digest('hex');
    const keys = Object.fromEntries([...published.result.winners, ...published.result.waitlist].map((r) => [r.entryId, r.key]));
    expect(keys).toEqual({ a1: key('a1'), b2: key('b2') });
    expect(published.result.winners[0]).toEqual({ entryId: 'a1', key: key('a1'), basis: 'quota' });
  });

  it('uses the seed in its normal form: other spacing or full-width digits give the same draw', () => {
    const input = matchmaking();
    const plain = runDraw({ ...input, seed: SEED });
    expect(runDraw({ ...input, seed: `  03 07\t12  19 25 31 + 09 ` })).toEqual(plain);
    expect(runDraw({ ...input, seed: '０３ ０７ １２ １９ ２５ ３１ ＋ ０９' })).toEqual(plain);
    expect(runDraw({ ...input, seed: '03 07 12 19 25 31 + 10' }).result).not.toEqual(plain.result);
  });

  it('refuses a draw whose entries changed after the hash was published', () => {
    const frozen = freezeEntries(matchmaking());
    const entries = frozen.entries.slice(1);
    expect(() => runDraw({ ...frozen, entries, seed: SEED, frozenHash: frozen.frozenHash })).toThrow(/frozen_hash_changed/);
    expect(runDraw({ ...frozen, seed: SEED, frozenHash: frozen.frozenHash }).frozenHash).toBe(frozen.frozenHash);
  });

  it.each<[string, Partial<DrawInput>, string]>([
    ['quotas over the places', { places: 100 }, 'quotas_exceed_places'],
    ['a duplicate entry', { entries: [...matchmaking().entries, matchmaking().entries[0]!] }, 'duplicate_entry'],
    ['a tab in a masked name', { entries: [{ entryId: 'x', maskedName: '张\t三', stratum: null }] }, 'invalid'],
    ['an entry id with a space', { entries: [{ entryId: 'a b', maskedName: '张*', stratum: null }] }, 'invalid'],
    [
      'the same stratum twice in quotas',
      {
        quotas: [
          { stratum: 'u', quota: 1 },
          { stratum: 'u', quota: 2 },
        ],
      },
      'duplicate_quota',
    ],
  ])('refuses %s', (_, change, problem) => {
    const attempt = () => runDraw({ ...matchmaking(), ...change, seed: SEED });
    expect(attempt).toThrow(DrawInputError);
    expect(attempt).toThrow(new RegExp(`^${problem}`));
  });

  it('refuses an empty seed', () => {
    expect(() => runDraw({ ...matchmaking(), seed: ' \n ' })).toThrow(/^invalid: seed/);
  });
});

describe('the matchmaking event: 800 sign-ups from 126 units for 300 places', () => {
  const published = runDraw({ ...matchmaking(), seed: SEED });

  it('gives every unit its one reserved place, fills the rest by key, and waitlists 500 in key order', () => {
    const { winners, waitlist } = published.result;
    expect(winners).toHaveLength(300);
    expect(waitlist).toHaveLength(500);
    expect(winners.filter((w) => w.basis === 'quota')).toHaveLength(126);
    const stratumOf = new Map(published.entries.map((e) => [e.entryId, e.stratum]));
    expect(new Set(winners.map((w) => stratumOf.get(w.entryId))).size).toBe(126);
    const keys = waitlist.map((w) => w.key);
    expect(keys).toEqual([...keys].sort());
    const open = winners.filter((w) => w.basis === 'open');
    expect(open.every((w) => w.key < waitlist[0]!.key)).toBe(true);
  });

  it('lists the result page: 300 winners then 500 waiting, each with masked name, unit and key', () => {
    const rows = drawResultRows(published);
    expect(rows).toHaveLength(800);
    expect(rows[0]).toMatchObject({ outcome: 'won', position: 1, basis: 'quota', key: published.result.winners[0]!.key });
    expect(rows[300]).toMatchObject({ outcome: 'waiting', position: 1, basis: null, entryId: published.result.waitlist[0]!.entryId });
    const entry = published.entries.find((e) => e.entryId === rows[300]!.entryId)!;
    expect(rows[300]).toMatchObject({ maskedName: entry.maskedName, stratum: entry.stratum });
  });

  it('verifies, also after a round trip through JSON', () => {
    expect(verifyDraw(published)).toEqual([]);
    expect(verifyExportText(JSON.stringify(published, null, 2))).toEqual([]);
  });

  it('is the same draw every time: deterministic from the frozen data and the seed', () => {
    expect(runDraw({ ...matchmaking(), seed: SEED })).toEqual(published);
    expect(runDraw({ ...matchmaking(), entries: [...matchmaking().entries].reverse(), seed: SEED })).toEqual(published);
  });
});

const drawInput: fc.Arbitrary<DrawInput> = fc
  .record({
    ids: fc.uniqueArray(fc.stringMatching(/^[A-Za-z0-9_-]{1,8}$/), { maxLength: 40 }),
    strata: fc.array(fc.constantFrom<string | null>('东城', '西城', '海淀', 'unit-9', null), { minLength: 40, maxLength: 40 }),
    places: fc.nat({ max: 50 }),
    quotaSeeds: fc.array(fc.tuple(fc.constantFrom('东城', '西城', '海淀', '朝阳'), fc.integer({ min: 1, max: 12 })), { maxLength: 4 }),
  })
  .map(({ ids, strata, places, quotaSeeds }) => {
    const entries = ids.map((entryId, i) => ({ entryId, maskedName: `名${i}*`, stratum: strata[i] ?? null }));
    const quotas: DrawQuota[] = [];
    let left = places;
    for (const [stratum, quota] of quotaSeeds) {
      if (quotas.some((q) => q.stratum === stratum) || quota > left) continue;
      quotas.push({ stratum, quota });
      left -= quota;
    }
    return { ...base, places, quotas, entries };
  });

const seed = fc.string({ minLength: 1, maxLength: 20 }).filter((s) => s.trim() !== '');

type Tamper = (d: DrawExport) => boolean;

/** Ways to change one published field; each returns false when the export has nothing to change there. */
const tampers: Record<string, Tamper> = {
  key: (d) => {
    const row = d.result.winners[0] ?? d.result.waitlist[0];
    if (!row) return false;
    row.key = `${row.key[0] === '0' ? '1' : '0'}${row.key.slice(1)}`;
    return true;
  },
  winnerSwappedWithWaitlist: (d) => {
    const [w, l] = [d.result.winners[0], d.result.waitlist[0]];
    if (!w || !l) return false;
    d.result.winners[0] = { ...l, basis: w.basis };
    d.result.waitlist[0] = { entryId: w.entryId, key: w.key };
    return true;
  },
  winnersReordered: (d) => {
    if (d.result.winners.length < 2) return false;
    d.result.winners.reverse();
    return true;
  },
  winnerDropped: (d) => d.result.winners.pop() !== undefined,
  seed: (d) => {
    d.seed = `${d.seed}0`;
    return true;
  },
  entryStratum: (d) => {
    const e = d.entries[0];
    if (!e) return false;
    e.stratum = e.stratum === '朝阳' ? '丰台' : '朝阳';
    return true;
  },
  entryName: (d) => {
    const e = d.entries[0];
    if (!e) return false;
    e.maskedName = `${e.maskedName}x`;
    return true;
  },
  entryRemoved: (d) => d.entries.pop() !== undefined,
  entryAdded: (d) => {
    d.entries.push({ entryId: 'zzzzzzzzz', maskedName: '新*', stratum: null });
    return true;
  },
  places: (d) => {
    d.places += 1;
    return true;
  },
  quota: (d) => {
    const q = d.quotas[0];
    if (!q || q.quota < 2) return false;
    q.quota -= 1;
    return true;
  },
  frozenHash: (d) => {
    d.frozenHash = d.frozenHash.replace(/^./, (c) => (c === 'a' ? 'b' : 'a'));
    return true;
  },
  seedSource: (d) => {
    d.seedSource = `${d.seedSource}（第二期）`;
    return true;
  },
  frozenAt: (d) => {
    d.frozenAt = '2026-12-02T00:00:00.000Z';
    return true;
  },
};

describe('properties of every draw', () => {
  it('verification recomputes every draw, and winners = min(places, entries)', () => {
    fc.assert(
      fc.property(drawInput, seed, (input, s) => {
        const published = runDraw({ ...input, seed: s });
        expect(verifyDraw(JSON.parse(JSON.stringify(published)))).toEqual([]);
        expect(published.result.winners).toHaveLength(Math.min(input.places, input.entries.length));
        const all = [...published.result.winners, ...published.result.waitlist].map((r) => r.entryId).sort();
        expect(all).toEqual(published.entries.map((e) => e.entryId));
      }),
      { numRuns: 300 },
    );
  });

  it('fills each quota first with its stratum’s lowest keys, never beyond it, then the open places by lowest key', () => {
    fc.assert(
      fc.property(drawInput, seed, (input, s) => {
        const { entries, quotas, result } = runDraw({ ...input, seed: s });
        const stratumOf = new Map(entries.map((e) => [e.entryId, e.stratum]));
        const keyOf = new Map([...result.winners, ...result.waitlist].map((r) => [r.entryId, r.key]));
        for (const { stratum, quota } of quotas) {
          const members = entries.filter((e) => e.stratum === stratum).map((e) => keyOf.get(e.entryId)!);
          const byQuota = result.winners.filter((w) => w.basis === 'quota' && stratumOf.get(w.entryId) === stratum);
          expect(byQuota).toHaveLength(Math.min(quota, members.length));
          expect(byQuota.map((w) => w.key)).toEqual([...members].sort().slice(0, byQuota.length));
        }
        expect(result.winners.filter((w) => w.basis === 'quota').length).toBeLessThanOrEqual(quotas.reduce((sum, q) => sum + q.quota, 0));
        const open = result.winners.filter((w) => w.basis === 'open').map((w) => w.key);
        const waiting = result.waitlist.map((w) => w.key);
        expect(waiting).toEqual([...waiting].sort());
        expect(open).toEqual([...open].sort());
        if (open.length > 0 && waiting.length > 0) expect(open[open.length - 1]! < waiting[0]!).toBe(true);
      }),
      { numRuns: 300 },
    );
  });

  it('finds any single tampered field', () => {
    fc.assert(
      fc.property(drawInput, seed, fc.constantFrom(...Object.keys(tampers)), (input, s, which) => {
        const published = JSON.parse(JSON.stringify(runDraw({ ...input, seed: s }))) as DrawExport;
        fc.pre(tampers[which]!(published));
        expect(verifyDraw(published).length).toBeGreaterThan(0);
      }),
      { numRuns: 600 },
    );
  });
});

describe('npm run cli -- verify-draw', () => {
  const root = path.resolve(import.meta.dirname, '../../../..');
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gonghui-draw-'));
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));
  const cli = (file: string) =>
    spawnSync(process.execPath, ['--import', 'tsx', 'src/server/cli.ts', 'verify-draw', file], {
      cwd: root,
      encoding: 'utf8',
      env: { ...process.env, GONGHUI_DATA_DIR: dir },
      timeout: 60_000,
    });
  const published = runDraw({ ...matchmaking(), seed: SEED });

  it('prints 已验证 and exits 0 for a published draw', () => {
    const file = path.join(dir, 'good.json');
    fs.writeFileSync(file, JSON.stringify(published, null, 2));
    const run = cli(file);
    expect(run.stderr).toBe('');
    expect(run.stdout).toMatch(/^已验证 \/ verified/);
    expect(run.status).toBe(0);
  });

  it('prints each mismatch in Chinese and English and exits 1 for a tampered one', () => {
    const tampered = JSON.parse(JSON.stringify(published)) as DrawExport;
    const [winner, waiting] = [tampered.result.winners[299]!, tampered.result.waitlist[0]!];
    tampered.result.winners[299] = { ...waiting, basis: winner.basis };
    tampered.result.waitlist[0] = { entryId: winner.entryId, key: winner.key };
    const file = path.join(dir, 'tampered.json');
    fs.writeFileSync(file, JSON.stringify(tampered));
    const run = cli(file);
    expect(run.status).toBe(1);
    expect(run.stdout).toMatch(/^验证失败 \/ verification failed: 2 处不符/);
    expect(run.stdout).toContain(`中签名单第 300 位不符：公布 ${waiting.entryId}/open，重算 ${winner.entryId}/open`);
    expect(run.stdout).toContain(`winners, position 300: published ${waiting.entryId}/open, recomputed ${winner.entryId}/open`);
  });

  it('exits 1 on a file that is not a draw', () => {
    const file = path.join(dir, 'not.json');
    fs.writeFileSync(file, '{"format":"something else"}');
    const run = cli(file);
    expect(run.status).toBe(1);
    expect(run.stdout).toContain('格式不符');
  });
});
