// A file of its own, importing nothing but the pinyin library's loader: the demo's generator runs in a worker thread
// (seed/generate.worker.ts) and needs this function without the orgs service's module graph (#16).
import { loadPinyin } from '../../http/file-libraries.js';

/** Pinyin keys of the names seen last (an import asks for the same names over and over), at most this many. */
const PINYIN_CACHE_NAMES = 20_000;
const pinyinKeys = new Map<string, string>();

/**
 * Lower-case pinyin initials, a space, then the full toneless pinyin: what org and member search match prefixes of.
 * ü is written v, as on a keyboard (绿 → lv, 女 → nv): dropped, 吕 would be "l" and "lv" would find nothing.
 */
export function pinyinKey(name: string): string {
  const known = pinyinKeys.get(name);
  if (known !== undefined) return known;
  const pinyin = loadPinyin();
  const initials = pinyin(name, { pattern: 'first', toneType: 'none', type: 'array', nonZh: 'consecutive', v: true }).join('');
  const full = pinyin(name, { toneType: 'none', type: 'array', nonZh: 'consecutive', v: true }).join('');
  const key = `${initials} ${full}`.toLowerCase().replace(/[^a-z0-9 ]/g, '');
  // Names repeat (a roster of a million holds a few hundred thousand): the oldest entry goes when the cache is full.
  if (pinyinKeys.size >= PINYIN_CACHE_NAMES) pinyinKeys.delete(pinyinKeys.keys().next().value!);
  pinyinKeys.set(name, key);
  return key;
}
