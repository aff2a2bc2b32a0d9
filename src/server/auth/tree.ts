/**
 * The one home of path logic. An org path is an ltree of ids, root first (`1.12.345`): the node is the last label,
 * its ancestors the labels before it. SQL compares paths with `<@`; these are the same rules in memory.
 */

/** True when `path` is `ancestor` or lies below it. */
export function isAncestorOrSelf(ancestor: string, path: string): boolean {
  return path === ancestor || path.startsWith(`${ancestor}.`);
}

/**
 * Where the subtree at `path` ends in ltree's sort order (a btree's): the subtree is exactly the paths from `path`
 * (inclusive) to `path` with "0" appended to its last label (exclusive). ltree compares label by label, and a label
 * sorts before every longer label it begins: `1.7.42` < `1.7.42.9` < `1.7.420`. A label sorting between `42` and `420`
 * would have to continue `42` with a character below "0": PostgreSQL 15's ltree admits none, 16 and later admit "-",
 * which a path of ids never holds.
 */
export function subtreeUpperBound(path: string): string {
  return `${path}0`;
}

/** True for the root's path (a single label). */
export function isRootPath(path: string): boolean {
  return !path.includes('.');
}

/** The parent's path; null for the root. */
export function parentPath(path: string): string | null {
  const cut = path.lastIndexOf('.');
  return cut === -1 ? null : path.slice(0, cut);
}

/** The ids on a path, root first: a node and all its ancestors. */
export function idsOnPath(path: string): number[] {
  return path.split('.').map(Number);
}

/** The id of the node at the end of a path. */
export function nodeOfPath(path: string): number {
  return Number(path.slice(path.lastIndexOf('.') + 1));
}

/** How deep a node sits: 1 for the root. */
export function depthOfPath(path: string): number {
  return path.split('.').length;
}

/**
 * The region of a node: the second label of its path (a district federation or a city-level industry union),
 * the distribution key of member-owned rows; the root's own id for the root.
 */
export function regionOfPath(path: string): number {
  const labels = path.split('.');
  return Number(labels[1] ?? labels[0]);
}
