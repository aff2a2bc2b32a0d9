/**
 * Figures of one reliability run. Each test file appends its `FIGURE …` line to a JSON file in the temp
 * directory named after the run; the last file (`zz-summary`) prints them as a table. Files run in forks of
 * one Vitest process, so the run is named by that parent's pid.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export type Figure = { name: string; text: string; file: string; at: string };

export function runFile(): string {
  return path.join(os.tmpdir(), `gonghui-reliability-run-${process.env.GONGHUI_RELIABILITY_RUN ?? process.ppid}.json`);
}

export function readFigures(): Figure[] {
  try {
    return JSON.parse(fs.readFileSync(runFile(), 'utf8')) as Figure[];
  } catch {
    return [];
  }
}

/** Prints `FIGURE <name>: <text>` and records it for the run's summary (a later figure of the same name replaces it). */
export function recordFigure(name: string, text: string, file: string): string {
  const line = `FIGURE ${name}: ${text}`;
  console.log(line);
  const figures = readFigures().filter((f) => f.name !== name);
  figures.push({ name, text, file: path.basename(file), at: new Date().toISOString() });
  fs.writeFileSync(runFile(), JSON.stringify(figures, null, 2));
  return line;
}
