import { describe, expect, it } from 'vitest';
import { demoReportTree } from './demo-tree.fixture.js';
import { proposeEntries } from './propose.js';
import { seedPages } from './seeds.fixture.js';

const pages = seedPages();
const page = (name: string) => pages[name] as string;

describe('proposeEntries on a seed page', () => {
  it('reads 东城区总工会 12项 with its figures, each pointing at its words in the page (seeds/003)', () => {
    const source = page('003_d64f82ff6841a4f4.txt');
    const [first] = proposeEntries(source, demoReportTree);
    expect(first?.headline).toBe('东城区总工会列出12项重点工作清单');
    expect(first?.kicker).toContain('打造覆盖广泛');
    expect(first?.byline).toBe('本报讯(记者 边磊)');
    expect(first?.district?.name).toBe('东城区');
    expect(first?.organisers[0]?.match).toMatchObject({ status: 'existing', nodeName: '东城区总工会' });
    const members = first?.figures.find((f) => f.value === 179000);
    expect(members).toMatchObject({ unit: '人', approximate: true, counts: '工会会员' });
    expect(source.slice(members?.snippet.start, members?.snippet.end)).toBe('17.9万余人');
    expect(first?.date).toBeNull();
  });

  it('keeps a printed range and invents no year (seeds/001: 6月18日至19日)', () => {
    const [congress] = proposeEntries(page('001_56c4a220a2c6aa78.txt'), demoReportTree);
    expect(congress?.kind).toBe('congress');
    expect(congress?.date).toMatchObject({ from: { year: null, month: 6, day: 18 }, to: { year: null, month: 6, day: 19 } });
  });

  it('reads 1万斤 as 10,000 斤 and 经开区 as the 北京经济技术开发区 federation', () => {
    const items = proposeEntries(page('001_56c4a220a2c6aa78.txt'), demoReportTree);
    const kaifa = items.find((p) => p.headline?.startsWith('北京经济技术开发区'));
    expect(kaifa?.figures.map((f) => [f.value, f.unit])).toContainEqual([10000, '斤']);
    expect(kaifa?.organisers[0]?.match).toMatchObject({ nodeName: '北京经济技术开发区总工会', how: 'alias' });
  });

  it('proposes a union missing from the tree as a new node, never an existing one (seeds/001: 市直机关工会)', () => {
    const football = proposeEntries(page('001_56c4a220a2c6aa78.txt'), demoReportTree).find((p) => p.headline?.includes('足球'));
    const missing = football?.organisers.find((o) => o.match.status === 'new');
    expect(missing?.match).toMatchObject({ status: 'new', name: '市直机关工会', parentName: '通州区总工会' });
  });

  it('undoes the OCR: 人会 read back as 入会, stray spaces dropped, photo captions as items of their own (seeds/002)', () => {
    const source = page('002_9b1904e60bdc6280.txt');
    const items = proposeEntries(source, demoReportTree);
    expect(items).toHaveLength(7);
    expect(items.filter((p) => p.isPhoto)).toHaveLength(2);
    const changping = items.find((p) => p.headline?.startsWith('昌平区'));
    expect(changping?.kind).toBe('outreach');
    expect(changping?.figures.find((f) => f.value === 498)).toMatchObject({ unit: '名', approximate: false });
    expect(items.some((p) => p.headline?.includes('贵创') || p.headline?.includes('贯彻落实北京市工会十五大精神'))).toBe(false);
  });

  it('matches a short form of a company union to its node (北辰实业公司工会)', () => {
    const beichen = proposeEntries(page('000_970aa545423f6c45.txt'), demoReportTree).find((p) => p.headline?.startsWith('北辰'));
    expect(beichen?.organisers[0]?.match).toMatchObject({ status: 'existing', nodeName: '北京北辰实业股份有限公司工会' });
    expect(beichen?.district?.name).toBe('朝阳区');
  });
});
