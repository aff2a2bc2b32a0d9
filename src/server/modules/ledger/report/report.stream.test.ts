import v8 from 'node:v8';
import { runInNewContext } from 'node:vm';
import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { AppError } from '../../../../common/errors.js';
import { demoReportTree } from './demo-tree.fixture.js';
import { proposeEntries, proposeStream } from './propose.js';
import { seedPages } from './seeds.fixture.js';

const pages = Object.values(seedPages());
const perPage = pages.map((p) => proposeEntries(p, demoReportTree).length);

/** `count` pages, seed pages in turn, separated by form feeds, served in 16 KB chunks as a file read would be. */
function pagesStream(count: number): Readable {
  return Readable.from(
    (function* () {
      for (let i = 0; i < count; i++) {
        const bytes = Buffer.from((pages[i % pages.length] as string) + '\f', 'utf8');
        for (let at = 0; at < bytes.length; at += 16 * 1024) yield bytes.subarray(at, at + 16 * 1024);
      }
    })(),
  );
}

async function refusal(run: () => Promise<unknown>): Promise<AppError> {
  try {
    await run();
  } catch (error) {
    if (error instanceof AppError) return error;
    throw error;
  }
  throw new Error('not refused');
}

describe('proposeStream', () => {
  it('proposes the same items as page by page, with offsets into the whole stream', async () => {
    const whole = pages.map((p) => p + '\f').join('');
    const seen = [];
    for await (const p of proposeStream(pagesStream(pages.length), demoReportTree)) seen.push(p);
    expect(seen).toHaveLength(perPage.reduce((a, b) => a + b, 0));
    const dongcheng = seen.find((p) => p.headline === '东城区总工会列出12项重点工作清单');
    const members = dongcheng?.figures.find((f) => f.value === 179000);
    expect(whole.slice(members?.snippet.start, members?.snippet.end)).toBe('17.9万余人');
    expect(seen.map((p) => p.index)).toEqual(seen.map((_, i) => i));
  });

  it('stays within a small memory budget over 1,000 pages (~10 MB)', async () => {
    // The memory the stream keeps, not garbage awaiting a collection (whose timing depends on the machine's load):
    // a full collection before each sample.
    v8.setFlagsFromString('--expose-gc');
    const gc = runInNewContext('gc') as () => void;
    gc();
    const before = process.memoryUsage().heapUsed;
    let peak = before;
    let count = 0;
    for await (const proposal of proposeStream(pagesStream(1000), demoReportTree)) {
      count++;
      if (proposal.index % 200 === 0) {
        gc();
        peak = Math.max(peak, process.memoryUsage().heapUsed);
      }
    }
    expect(count).toBe(200 * perPage.reduce((a, b) => a + b, 0));
    expect((peak - before) / 1048576).toBeLessThan(64);
  }, 120_000);

  it('refuses an upload over the limit: at once when its size is declared, else when it passes it', async () => {
    const declared = await refusal(async () => {
      for await (const p of proposeStream(pagesStream(1), demoReportTree, { declaredBytes: 50 * 1024 * 1024 })) void p;
    });
    expect(declared.code).toBe('LEDGER_REPORT_UPLOAD_TOO_LARGE');
    expect(declared.toBody('zh-CN').message).toContain('最多 32 MB');
    const counted = await refusal(async () => {
      for await (const p of proposeStream(pagesStream(20), demoReportTree, { maxBytes: 100_000 })) void p;
    });
    expect(counted.code).toBe('LEDGER_REPORT_UPLOAD_TOO_LARGE');
  });

  it('refuses a binary stream and an empty one', async () => {
    const binary = await refusal(async () => {
      for await (const p of proposeStream(Readable.from([Buffer.from([0x25, 0x50, 0x44, 0x46, 0, 1, 2])]), demoReportTree)) void p;
    });
    expect(binary.code).toBe('LEDGER_REPORT_BINARY');
    const empty = await refusal(async () => {
      for await (const p of proposeStream(Readable.from([Buffer.from('\n\n  \n')]), demoReportTree)) void p;
    });
    expect(empty.code).toBe('LEDGER_REPORT_EMPTY');
  });
});
