/**
 * Renders result files of `npm run bench` as Markdown tables, engines side by side, for bench/README.md:
 *   npx tsx bench/report.ts bench/results/2026-11-21-pglite-10m.json bench/results/2026-11-21-postgres-10m.json
 * A section measured twice in a run (the 10m mode measures at 1M, then at 10M) appears once per size.
 */
import fs from 'node:fs';
import type { Figure, Machine, Section } from './lib/context.js';

type Report = { engine: string; mode: string; minutes: number; machine: Machine; engineVersion: string | null; sections: Section[] };

const reports = process.argv.slice(2).map((file) => JSON.parse(fs.readFileSync(file, 'utf8')) as Report);
if (reports.length === 0) throw new Error('usage: npx tsx bench/report.ts <results.json>...');

const number = (value: number): string => (value >= 1000 ? Math.round(value).toLocaleString('en') : String(value));
const cell = (f: Figure | undefined): string => {
  if (!f) return '—';
  const base = f.baseline ? ` (${f.ratio}× of ${number(f.baseline.value)})` : '';
  return `${number(f.value)} ${f.unit}${base}`;
};

const lines: string[] = [];
for (const r of reports) {
  lines.push(
    `- ${r.engine} ${r.engineVersion ?? ''}: mode ${r.mode}, ${r.minutes} min; ${r.machine.cores} cores (${r.machine.cpu}), ${r.machine.memoryGiB} GiB, Node ${r.machine.node}`,
  );
}
/** A section's heading without its engine, with its size when the title lacks it (result files of older runs). */
function heading(s: Section): string {
  const title = s.title.replace(/ — (pglite|postgres)$/, '');
  const members = s.details?.members;
  return typeof members === 'number' && !title.includes(members.toLocaleString('en'))
    ? `${title} at ${members.toLocaleString('en')} members`
    : title;
}

// Sections in the order of the first report; the 10m mode measures some twice, at 1M and at 10M members.
const titles = [...new Set(reports.flatMap((r) => r.sections.map(heading)))];
for (const title of titles) {
  const sections = reports.map((r) => r.sections.find((s) => heading(s) === title));
  const names = [...new Set(sections.flatMap((s) => s?.figures.map((f) => f.name) ?? []))];
  lines.push(
    '',
    `**${title}**`,
    '',
    `| figure | ${reports.map((r) => r.engine).join(' | ')} |`,
    `| --- |${reports.map(() => ' --- |').join('')}`,
  );
  for (const name of names) lines.push(`| ${name} | ${sections.map((s) => cell(s?.figures.find((f) => f.name === name))).join(' | ')} |`);
}
process.stdout.write(`${lines.join('\n')}\n`);
