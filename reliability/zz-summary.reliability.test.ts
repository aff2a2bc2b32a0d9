/** Last file of the run (files run in alphabetical order, one at a time): prints every figure of the run as a table. */
import { describe, expect, it } from 'vitest';
import { readFigures, runFile } from './summary.js';

describe('reliability summary', () => {
  it('prints the figures of this run', () => {
    const figures = readFigures();
    const width = Math.max(6, ...figures.map((f) => f.name.length));
    const lines = [
      `reliability figures (${runFile()})`,
      `${'figure'.padEnd(width)} | value`,
      `${'-'.repeat(width)}-+-${'-'.repeat(60)}`,
      ...figures.map((f) => `${f.name.padEnd(width)} | ${f.text}`),
    ];
    console.log(lines.join('\n'));
    expect(figures.length).toBeGreaterThan(0);
  });
});
