import type { Jieba } from '@node-rs/jieba';
import type { OrganiserMatch, ReportTreeNode } from '../../../../common/ledger.report.js';
import { loadJieba } from '../../../http/file-libraries.js';

const loadedWords = new Set<string>();

/**
 * The process's segmenter (loaded at the first report, not at start: http/file-libraries.ts), with tree names
 * added to its dictionary as they come.
 */
function segmenter(words: Iterable<string>): Jieba {
  const jieba = loadJieba();
  const fresh = [...words].filter((w) => !loadedWords.has(w));
  if (fresh.length > 0) {
    jieba.loadDict(Buffer.from(fresh.map((w) => `${w} 1000000 nt`).join('\n')));
    for (const w of fresh) loadedWords.add(w);
  }
  return jieba;
}

/** Short forms the paper prints for names (北科大 → 北京科技大学, 经开区 → 北京经济技术开发区). */
const ABBREVIATIONS: readonly [string, string][] = [
  ['北科大', '北京科技大学'],
  ['北大', '北京大学'],
  ['经开区', '北京经济技术开发区'],
  ['北京公交集团', '北京公共交通控股（集团）有限公司'],
];

const COMPANY_SUFFIX = /(股份有限公司|有限责任公司|有限公司|集团有限公司)$/;
/** What a union name that is not in the tree must end with (before 工会) to be a body that can have one. */
const ORG_SUFFIX = /(公司|集团|中心|医院|大学|学院|学校|机关|厂|段|车队|市场|银行|研究院|研究所|项目部|协会)$/;
const GENERIC = /^(?:该|各|本|全国|全市|全区|基层|企业|医院|公司|单位|相关|其他|各级|产业|街道|地区|乡镇|区域|上级)/;

type Index = {
  byName: Map<string, ReportTreeNode[]>;
  nodes: readonly ReportTreeNode[];
  districtUnion: Map<string, ReportTreeNode>;
  root: ReportTreeNode | null;
};

function add(map: Map<string, ReportTreeNode[]>, name: string, node: ReportTreeNode): void {
  const list = map.get(name) ?? [];
  if (!list.includes(node)) list.push(node);
  map.set(name, list);
}

/** The names a node goes by in print: its own, and the short forms derived from it. */
export function aliasesOf(node: ReportTreeNode): string[] {
  const name = node.name;
  const out = new Set<string>([name]);
  if (name.startsWith('北京市')) out.add(name.slice(2)); // 北京市总工会 → 市总工会, 北京市建筑工会 → 市建筑工会
  const district = /^(.{2,3})区总工会$/.exec(name);
  if (district) {
    out.add(`${district[1]}区总`); // 东城区总
    out.add(`${district[1]}区工会`); // 海淀区工会 (第十七次代表大会)
  }
  const street = /^(.+?)(街道|地区|镇|乡)?总工会$/.exec(name);
  if (street && node.kind === 'street_federation') {
    const core = street[1] as string;
    for (const suffix of ['街道', '地区', '镇', '乡', '']) {
      out.add(`${core}${suffix}总工会`);
      if (suffix !== '') out.add(`${core}${suffix}工会`);
    }
    if (core.length > 4) out.add(`${core}工会`); // 北京经济技术开发区工会
  }
  if (node.kind === 'grassroots_union' && name.endsWith('工会')) {
    const employer = name.slice(0, -2);
    const bare = employer.replace(COMPANY_SUFFIX, '');
    const short = bare.replace(/^北京市?/, '');
    for (const n of [bare, short]) {
      if (n.length >= 3 && n !== employer) {
        out.add(`${n}工会`);
        if (COMPANY_SUFFIX.test(employer)) out.add(`${n}公司工会`);
      }
    }
  }
  return [...out];
}

const indexes = new WeakMap<readonly ReportTreeNode[], Index>();

function indexOf(tree: readonly ReportTreeNode[]): Index {
  const cached = indexes.get(tree);
  if (cached) return cached;
  const byName = new Map<string, ReportTreeNode[]>();
  const districtUnion = new Map<string, ReportTreeNode>();
  let root: ReportTreeNode | null = null;
  for (const node of tree) {
    for (const alias of aliasesOf(node)) add(byName, alias, node);
    if (node.kind === 'district_federation' && node.district) districtUnion.set(node.district, node);
    if (node.kind === 'city_federation' || (!root && !node.path.includes('.'))) root = node;
  }
  segmenter(byName.keys());
  const index = { byName, nodes: tree, districtUnion, root };
  indexes.set(tree, index);
  return index;
}

/** A union printed in an item: the words as printed, where they are in the item text. */
export type Mention = { printed: string; from: number; to: number };

const STOP_TAGS = new Set(['x', 'p', 'c', 'u', 'r', 'd', 't', 'f', 'uj', 'ul', 'ud', 'ug', 'uz', 'uv', 'y', 'e', 'o', 'w']);
const STOP_WORDS = new Set([
  '组织',
  '举办',
  '开展',
  '联合',
  '依托',
  '携手',
  '邀请',
  '走进',
  '来到',
  '协同',
  '主办',
  '承办',
  '作为',
  '向',
  '给',
  '对',
  '在',
  '由',
  '据',
  '是',
  '近日',
  '当天',
  '随后',
  '同时',
  '此外',
  '以及',
  '表示',
  '介绍',
  '指出',
  '要求',
  '及',
]);

/**
 * Unions printed in a text, found with jieba: a tree name (added to jieba's dictionary) is one word; an unknown
 * union is the run of name-like words before 工会 / 总工会.
 */
export function findMentions(text: string, tree: readonly ReportTreeNode[]): Mention[] {
  const index = indexOf(tree);
  const words = segmenter([]).tag(text, false);
  const out: Mention[] = [];
  let offset = 0;
  const positions = words.map((w) => {
    const from = text.indexOf(w.word, offset);
    offset = from + w.word.length;
    return { ...w, from, to: offset };
  });
  for (let i = 0; i < positions.length; i++) {
    const w = positions[i] as (typeof positions)[number];
    if (index.byName.has(w.word)) {
      if (!/区总$/.test(w.word) || text.slice(w.to, w.to + 2) !== '工会') out.push({ printed: w.word, from: w.from, to: w.to });
      continue;
    }
    if (!/^(?:总)?工会$/.test(w.word) && !/^区总$/.test(w.word)) continue;
    if (/界别/.test(text.slice(w.to, w.to + 2))) continue;
    let j = i - 1;
    let start = w.from;
    while (j >= 0 && i - j <= 8) {
      const p = positions[j] as (typeof positions)[number];
      if (STOP_TAGS.has(p.tag) || STOP_WORDS.has(p.word) || /[^\u4e00-\u9fa5A-Za-z0-9（）]/.test(p.word)) break;
      start = p.from;
      j--;
    }
    const end = /^区总$/.test(w.word) && text.slice(w.to, w.to + 2) === '工会' ? w.to + 2 : w.to;
    out.push({ printed: text.slice(start, end), from: start, to: end });
  }
  return out;
}

function expand(name: string): string {
  let out = name;
  for (const [short, full] of ABBREVIATIONS) if (out.startsWith(short) && !out.startsWith(full)) out = full + out.slice(short.length);
  return out;
}

function isSubsequence(needle: string, hay: string): boolean {
  let i = 0;
  for (const ch of hay) if (ch === needle[i]) i++;
  return i === needle.length;
}

function prefer(nodes: ReportTreeNode[], district: string | null): ReportTreeNode {
  return nodes.find((n) => n.district === district) ?? (nodes[0] as ReportTreeNode);
}

/**
 * Resolves a printed union to a node of the tree — exact name, a short form (市总工会, 东城区总), the district the
 * item names (区总工会), a close name (北辰实业公司工会 → 北京北辰实业股份有限公司工会) — or proposes a new node
 * under the district's union (else the root). Returns null for words that name no union (各级工会, 医院工会).
 */
export function resolveMention(printed: string, tree: readonly ReportTreeNode[], district: string | null): OrganiserMatch | null {
  const index = indexOf(tree);
  const existing = (node: ReportTreeNode, how: 'exact' | 'alias' | 'context' | 'fuzzy'): OrganiserMatch => ({
    status: 'existing',
    nodeId: node.id,
    nodeName: node.name,
    how,
  });
  const name = printed.replace(/[（(][^）)]*[）)]/g, '').replace(/^(?:北京市|市)?(?=.+区总工会$)/, '');
  const exact = index.byName.get(name);
  if (exact) return existing(prefer(exact, district), exact[0]?.name === name ? 'exact' : 'alias');
  if (/^区(?:总工会|总|工会)$/.test(name)) {
    const union = district ? index.districtUnion.get(district) : undefined;
    return union ? existing(union, 'context') : null;
  }
  const expanded = expand(name);
  const viaAbbreviation = index.byName.get(expanded);
  if (viaAbbreviation) return existing(prefer(viaAbbreviation, district), 'alias');
  if (GENERIC.test(name) || name.length < 4) return null;
  const core = expanded
    .replace(/(?:总)?工会$/, '')
    .replace(/公司$/, '')
    .replace(/^北京市?/, '');
  if (core.length >= 4) {
    const close = index.nodes
      .filter((n) => n.kind === 'grassroots_union' || n.kind === 'joint_union' || n.kind === 'industry_union')
      .filter((n) => isSubsequence(core, n.name) && n.name.includes(core.slice(0, 2)))
      .sort((a, b) => a.name.length - b.name.length);
    if (close[0]) return existing(close[0], 'fuzzy');
  }
  const employer = name.replace(/(?:总)?工会$/, '');
  if (!ORG_SUFFIX.test(employer) || employer.length < 4) return null;
  const parent = (district ? index.districtUnion.get(district) : undefined) ?? index.root;
  return {
    status: 'new',
    name: name.endsWith('工会') ? name : `${name}工会`,
    parentId: parent?.id ?? null,
    parentName: parent?.name ?? null,
  };
}
