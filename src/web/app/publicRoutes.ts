import type { PublicRoute } from './webModule.js';

// Every module's public pages, found by file name. Kept apart from the console's registry (modules.ts) so a phone
// opening /join downloads these few lines and the page it shows, not the console's modules, menus and tabs.
const found = import.meta.glob<{ publicRoutes: PublicRoute[] }>('../modules/*/public.tsx', { eager: true });

/** The pages outside the console (no session probe), sorted by folder name. */
export const publicRoutes: PublicRoute[] = Object.keys(found)
  .sort()
  .flatMap((file) => found[file]?.publicRoutes ?? []);
