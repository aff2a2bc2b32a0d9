/** Beijing's 16 districts (national division codes): what an item names, in full (东城区) or short (东城). */
export const beijingDistricts: readonly { code: string; name: string }[] = [
  { code: '110101', name: '东城区' },
  { code: '110102', name: '西城区' },
  { code: '110105', name: '朝阳区' },
  { code: '110106', name: '丰台区' },
  { code: '110107', name: '石景山区' },
  { code: '110108', name: '海淀区' },
  { code: '110109', name: '门头沟区' },
  { code: '110111', name: '房山区' },
  { code: '110112', name: '通州区' },
  { code: '110113', name: '顺义区' },
  { code: '110114', name: '昌平区' },
  { code: '110115', name: '大兴区' },
  { code: '110116', name: '怀柔区' },
  { code: '110117', name: '平谷区' },
  { code: '110118', name: '密云区' },
  { code: '110119', name: '延庆区' },
];

const SHORT = new RegExp(beijingDistricts.map((d) => d.name.slice(0, -1)).join('|'), 'g');

/** The first district a text names (东城区, or 东城 alone as headlines print it), else null. */
export function districtNamed(text: string): { code: string; name: string } | null {
  SHORT.lastIndex = 0;
  const hit = SHORT.exec(text);
  if (!hit) return null;
  return beijingDistricts.find((d) => d.name.startsWith(hit[0])) ?? null;
}
