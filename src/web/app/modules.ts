import { collect, type WebModule } from './webModule.js';

// Every web module, found by file name: adding a module adds its folder, this file needs no edit.
const found = import.meta.glob<{ webModule: WebModule }>('../modules/*/module.tsx', { eager: true });

/** What all modules registered (sorted by folder name, then by each entry's order). */
export const registry = collect(
  Object.keys(found)
    .sort()
    .flatMap((file) => found[file]?.webModule ?? []),
);
