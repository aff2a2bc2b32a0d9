import fs from 'node:fs';
import path from 'node:path';
import { projectRoot } from '../../../config.js';

/** The five seed pages of the union paper (copies of shared/seeds, OCR noise and all): file name → text. */
export function seedPages(): Record<string, string> {
  const dir = path.join(projectRoot, 'src/server/modules/ledger/report/seeds');
  const pages: Record<string, string> = {};
  for (const file of fs
    .readdirSync(dir)
    .filter((f) => f.endsWith('.txt'))
    .sort())
    pages[file] = fs.readFileSync(path.join(dir, file), 'utf8');
  return pages;
}
