/**
 * The report step of the work ledger (#15): proposals per second for one seed page and for 1,000 pages streamed
 * (proposeStream over a Readable of the five seed pages in turn), beside jieba's segmentation of the same text
 * alone (the floor any segmenting reader pays), and the precision/recall table against the expected items.
 *   npm run bench -- --engine pglite --only report      (no database: the engine is not used)
 *   npx tsx bench/ledger-report.ts
 */
import { Readable } from 'node:stream';
import { pathToFileURL } from 'node:url';
import { Jieba } from '@node-rs/jieba';
import { dict } from '@node-rs/jieba/dict';
import { demoReportTree } from '../src/server/modules/ledger/report/demo-tree.fixture.js';
import { expectedPages } from '../src/server/modules/ledger/report/expected.fixture.js';
import { proposeEntries, proposeStream } from '../src/server/modules/ledger/report/propose.js';
import { precision, recall, scorePages, scoreTable, type Measure } from '../src/server/modules/ledger/report/quality.js';
import { seedPages } from '../src/server/modules/ledger/report/seeds.fixture.js';
import { figure, say, type Section } from './lib/context.js';

export async function benchLedgerReport(streamPages = 1000): Promise<Section> {
  const pages = Object.values(seedPages());
  const tree = demoReportTree;
  proposeEntries(pages[0] as string, tree); // warm: jieba's dictionary and the tree's names loaded once

  say('ledger report: one page at a time');
  let proposals = 0;
  let started = performance.now();
  const rounds = 20;
  for (let i = 0; i < rounds; i++) for (const page of pages) proposals += proposeEntries(page, tree).length;
  const onePageSeconds = (performance.now() - started) / 1000;
  const perPage = onePageSeconds / (rounds * pages.length);

  const jieba = Jieba.withDict(dict);
  started = performance.now();
  for (let i = 0; i < rounds; i++) for (const page of pages) jieba.tag(page, false);
  const cutPerPage = (performance.now() - started) / 1000 / (rounds * pages.length);

  say(`ledger report: ${streamPages} pages streamed`);
  const rssBefore = process.memoryUsage().rss;
  let peakRss = rssBefore;
  const stream = Readable.from(
    (function* () {
      for (let i = 0; i < streamPages; i++) yield Buffer.from(`${pages[i % pages.length] as string}\f`, 'utf8');
    })(),
  );
  let streamed = 0;
  started = performance.now();
  for await (const p of proposeStream(stream, tree)) {
    streamed++;
    if (p.index % 500 === 0) peakRss = Math.max(peakRss, process.memoryUsage().rss);
  }
  const streamSeconds = (performance.now() - started) / 1000;

  const scores = scorePages(seedPages(), expectedPages, tree);
  process.stderr.write(`\n${scoreTable(scores)}\n`);
  const quality = Object.fromEntries(
    (Object.keys(scores) as Measure[]).map((m) => [m, { precision: precision(scores[m]), recall: recall(scores[m]) }]),
  );
  return {
    id: 'report',
    title: 'ledger report: proposals from union-paper pages (no database)',
    figures: [
      figure('one page (ms)', perPage * 1000, 'ms', { name: 'jieba tag of the page', value: cutPerPage * 1000 }),
      figure('one page: proposals/s', proposals / onePageSeconds, '/s', undefined, 'higher'),
      figure(`${streamPages} pages streamed: proposals/s`, streamed / streamSeconds, '/s', undefined, 'higher'),
      figure(`${streamPages} pages streamed: pages/s`, streamPages / streamSeconds, '/s', undefined, 'higher'),
      figure('stream: RSS growth (MiB)', (peakRss - rssBefore) / 1048576, 'MiB'),
    ],
    details: { proposalsPerPage: proposals / (rounds * pages.length), streamed, quality },
  };
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const section = await benchLedgerReport(Number(process.argv[2] ?? 1000));
  for (const f of section.figures) console.log(`${f.name.padEnd(40)} ${f.value} ${f.unit}${f.baseline ? `  (baseline ${f.baseline.name}: ${f.baseline.value})` : ''}`);
}
