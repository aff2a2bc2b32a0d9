import type { IndustrySection } from '../../../common/employers.js';
import {
  beijingDistricts,
  cityIndustryUnions,
  DONGCHENG_CODE,
  DONGCHENG_EMPLOYERS_COVERED,
  DONGCHENG_UNIONS,
  isRuralStreet,
  jointSectors,
  namedUnits,
  ruralJointSectors,
  streetShortName,
  streetSizeWeight,
  type District,
  type NamedUnit,
} from './beijing.js';
import { DemoBuilder, dateAfter, type DemoData, type OrgRow } from './builder.js';
import { address, branchNames, collegeName, companyName, hospitalName, schoolName } from './names.js';
import { apportion, createRandom, type Random } from './random.js';

export type GenerateOptions = {
  seed: number;
  /** Multiplies every district's size; 东城 keeps its reported figures at scale 1 and above. */
  scale: number;
  /** Only these districts (division codes); all 16 when absent. */
  districts?: readonly string[] | undefined;
};

type Weights = readonly (readonly [IndustrySection, number])[];
const urbanMix: Weights = [
  ['A', 0.2],
  ['B', 0.1],
  ['C', 4],
  ['D', 0.5],
  ['E', 6],
  ['F', 16],
  ['G', 7],
  ['H', 10],
  ['I', 14],
  ['J', 5],
  ['K', 8],
  ['L', 12],
  ['M', 8],
  ['N', 2],
  ['O', 4],
  ['P', 2],
  ['Q', 2],
  ['R', 4],
  ['S', 2],
];
const ruralMix: Weights = [
  ['A', 10],
  ['B', 0.5],
  ['C', 14],
  ['D', 1],
  ['E', 10],
  ['F', 12],
  ['G', 8],
  ['H', 8],
  ['I', 3],
  ['J', 0.5],
  ['K', 4],
  ['L', 5],
  ['M', 3],
  ['N', 4],
  ['O', 4],
  ['P', 1],
  ['Q', 1],
  ['R', 2],
  ['S', 1],
];
/** Small firms gathered by regional joint unions, or left without a union. */
const smallFirmMix: Weights = [
  ['C', 3],
  ['E', 3],
  ['F', 20],
  ['G', 5],
  ['H', 15],
  ['I', 10],
  ['K', 4],
  ['L', 15],
  ['M', 6],
  ['O', 12],
  ['R', 5],
  ['P', 2],
];

const clamp = (value: number, min: number, max: number) => Math.min(max, Math.max(min, Math.round(value)));
const headcounts = {
  grassroots: (r: Random) => clamp(r.logNormal(55, 1.2), 8, 15000),
  industry: (r: Random) => clamp(r.logNormal(380, 0.9), 40, 12000),
  school: (r: Random) => clamp(r.logNormal(80, 0.5), 15, 600),
  jointMember: (r: Random) => clamp(1 + r.logNormal(8, 0.8), 1, 99),
  uncoveredSmall: (r: Random) => clamp(1 + r.logNormal(6, 0.9), 1, 99),
  uncoveredLarge: (r: Random) => clamp(100 + r.logNormal(60, 0.9), 100, 3000),
};

/** How many 分会 a union of this size keeps: large units always, middling ones sometimes. */
function branchCount(random: Random, headcount: number): number {
  if (headcount >= 1000) return Math.min(2 + Math.floor(headcount / 1500), 7);
  if (headcount >= 300 && random.chance(0.2)) return random.int(2, 3);
  return 0;
}

type Place = { district: District; street: OrgRow; isRural: boolean };

class DemoGenerator {
  readonly b = new DemoBuilder();
  private readonly streetsByDistrict = new Map<string, OrgRow[]>();

  constructor(
    private readonly root: Random,
    private readonly options: GenerateOptions,
    private readonly districts: District[],
  ) {}

  run(): DemoData {
    const r = this.root.fork('frame');
    const city = this.b.addOrg(null, 'city_federation', '北京市总工会', '2005-01-01T00:00:00Z', { regionCode: '110000' });
    const districtOrgs = this.districts.map((d) =>
      this.b.addOrg(city, 'district_federation', `${d.name}总工会`, '2005-01-01T00:00:00Z', { regionCode: d.code }),
    );
    const industryOrgs = cityIndustryUnions.map((u) => this.b.addOrg(city, 'industry_union', u.name, '2005-01-01T00:00:00Z'));
    this.districts.forEach((d, i) => {
      const parent = districtOrgs[i] as OrgRow;
      const streets = d.streets.map((s) =>
        this.b.addOrg(parent, 'street_federation', `${s.name}总工会`, dateAfter(r, '2006-01-01'), { regionCode: s.code }),
      );
      this.streetsByDistrict.set(d.code, streets);
    });
    const educationUnions = districtOrgs.map((parent, i) =>
      this.b.addOrg(parent, 'industry_union', `${this.districts[i]?.name ?? ''}教育工会`, dateAfter(r, '2006-01-01')),
    );
    this.districts.forEach((d, i) => this.fillDistrict(d, educationUnions[i] as OrgRow));
    cityIndustryUnions.forEach((spec, i) => this.fillIndustryUnion(spec, industryOrgs[i] as OrgRow));
    return this.b.data();
  }

  /** Streets, joint unions and schools of one district, sized from 东城's reported figures. */
  private fillDistrict(d: District, educationUnion: OrgRow): void {
    const r = this.root.fork(`district:${d.code}`);
    const factor = d.code === DONGCHENG_CODE ? Math.min(this.options.scale, 1) : this.options.scale;
    const unionTarget = Math.round(DONGCHENG_UNIONS * d.weight * factor);
    const coveredTarget = Math.round(DONGCHENG_EMPLOYERS_COVERED * d.weight * factor);
    const streets = this.streetsByDistrict.get(d.code) ?? [];
    const places: Place[] = streets.map((street, i) => ({ district: d, street, isRural: isRuralStreet(d.streets[i]?.name ?? '') }));
    const weights = d.streets.map((s) => streetSizeWeight(s.name) * (0.6 + 0.8 * r.next()));

    // 1–2 joint unions per street: always a regional one, often a sectoral one.
    const joints = places.map((p, i) => {
      const streetName = d.streets[i]?.name ?? '';
      const regional = this.b.addOrg(p.street, 'joint_union', `${streetName}区域性联合工会`, dateAfter(r, '2012-01-01'), {
        jointType: 'regional',
      });
      const isChongwai = streetName === '崇文门外街道';
      if (!isChongwai && !r.chance(0.5)) return [{ org: regional, sector: null }];
      const [sectorName, section] = isChongwai ? (['快递行业', 'G'] as const) : r.pick(p.isRural ? ruralJointSectors : jointSectors);
      const sectoral = this.b.addOrg(p.street, 'joint_union', `${streetName}${sectorName}联合工会`, dateAfter(r, '2016-01-01'), {
        jointType: 'sectoral',
      });
      return [
        { org: regional, sector: null },
        { org: sectoral, sector: section },
      ];
    });
    const jointCount = joints.reduce((n, list) => n + list.length, 0);

    const named = namedUnits.filter((n) => n.parent === 'street' && n.district === d.code);
    const schools = Math.max(1, Math.round((unionTarget - jointCount) * 0.025));
    const streetGrassroots = Math.max(unionTarget - jointCount - schools, named.length);
    const perStreet = apportion(streetGrassroots - named.length, weights);
    const grassroots = streetGrassroots + schools;
    const jointCovered = Math.max(coveredTarget - grassroots, jointCount * 2);
    const jointPerStreet = apportion(jointCovered, weights);

    let covered100 = 0;
    const countLarge = (headcount: number) => (covered100 += headcount >= 100 ? 1 : 0);
    places.forEach((p, i) => {
      for (const unit of named.filter((n) => n.street === d.streets[i]?.name)) countLarge(this.addNamedUnit(r, unit, p.street, d));
      const count = perStreet[i] ?? 0;
      for (let k = 0; k < count; k++) {
        const isHealthCentre = k === 0 && !/(开发区|园区|基地|机场|园)$/.test(d.streets[i]?.name ?? '');
        countLarge(isHealthCentre ? this.addHealthCentre(r, p, d.streets[i]?.name ?? '') : this.addGrassroots(r, p));
      }
      const streetJoints = joints[i] ?? [];
      const shares = apportion(
        jointPerStreet[i] ?? 0,
        streetJoints.map((j) => (j.sector ? 0.35 : 0.65)),
      );
      streetJoints.forEach((j, n) => {
        for (let k = 0; k < (shares[n] ?? 0); k++) this.addSmallEmployer(r, p, j.org, j.sector ?? r.weighted(smallFirmMix));
      });
    });
    for (let k = 0; k < schools; k++) {
      const place = places[this.pickIndex(r, weights)] as Place;
      const name = schoolName(r, this.b.names, d.name);
      countLarge(this.addUnionWithEmployer(r, educationUnion, place, name, 'P', headcounts.school(r), true));
    }

    // Left without a union: many small firms, and a few units of 100+ staff (建会率 90–96%).
    const smallRate = 0.08 + 0.07 * r.next();
    places.forEach((p, i) => {
      const n = Math.round(((perStreet[i] ?? 0) + (jointPerStreet[i] ?? 0)) * smallRate);
      for (let k = 0; k < n; k++) this.addSmallEmployer(r, p, null, r.weighted(smallFirmMix));
    });
    const uncoveredShare = 0.04 + 0.06 * r.next();
    const large = apportion(Math.round((covered100 * uncoveredShare) / (1 - uncoveredShare)), weights);
    places.forEach((p, i) => {
      for (let k = 0; k < (large[i] ?? 0); k++) {
        const section = r.weighted(p.isRural ? ruralMix : urbanMix);
        const name = companyName(r, this.b.names, section, d.name, false);
        this.b.addEmployer({
          name,
          uscc: this.b.uscc(r, d.code, false),
          headcount: headcounts.uncoveredLarge(r),
          industry: section,
          address: address(r, d.name, this.streetName(p)),
          street: p.street,
          union: null,
          createdAt: dateAfter(r, undefined),
        });
      }
    });
  }

  /** A city industry union's named units and generated ones, located anywhere in the city. */
  private fillIndustryUnion(spec: (typeof cityIndustryUnions)[number], union: OrgRow): void {
    const r = this.root.fork(`industry:${spec.name}`);
    for (const unit of namedUnits.filter((n) => n.parent === spec.name)) {
      // A unit whose district is left out (a partial demo) moves to a street that is there.
      const district = this.districts.find((d) => d.code === unit.district);
      const street = district && this.findStreet(district, unit.street);
      const place = district && street ? { district, street } : this.randomPlace(r);
      this.addNamedUnit(r, unit, place.street, place.district, union);
    }
    const count = Math.round(spec.generated * this.options.scale);
    for (let k = 0; k < count; k++) {
      const place = this.randomPlace(r);
      const section = r.pick(spec.sections);
      const name =
        section === 'P'
          ? collegeName(r, this.b.names)
          : section === 'Q'
            ? hospitalName(r, this.b.names, place.district.name)
            : companyName(r, this.b.names, section, place.district.name, false);
      this.addUnionWithEmployer(r, union, place, name, section, headcounts.industry(r), section === 'P' || section === 'Q');
    }
  }

  private addGrassroots(r: Random, p: Place): number {
    const section = r.weighted(p.isRural ? ruralMix : urbanMix);
    const name = companyName(r, this.b.names, section, p.district.name, false);
    return this.addUnionWithEmployer(r, p.street, p, name, section, headcounts.grassroots(r), false);
  }

  /** Each street's community health centre (社区卫生服务中心), a public institution with its union. */
  private addHealthCentre(r: Random, p: Place, streetName: string): number {
    const name = this.b.names.reserve(`北京市${p.district.name}${streetShortName(streetName)}社区卫生服务中心`);
    return this.addUnionWithEmployer(r, p.street, p, name, 'Q', clamp(r.logNormal(120, 0.4), 30, 400), true);
  }

  private addNamedUnit(r: Random, unit: NamedUnit, street: OrgRow, district: District, parent: OrgRow = street): number {
    const name = this.b.names.reserve(unit.employer);
    const place: Place = { district, street, isRural: false };
    const union = this.unionWithEmployer(r, parent, place, name, unit.industry, unit.headcount, unit.isInstitution ?? false);
    for (const branch of unit.branches ?? []) this.b.addOrg(union, 'branch', branch, dateAfter(r, union.createdAt));
    (unit.zones ?? []).forEach((branches, i) => {
      const zone = this.b.addZone(union, `第${'一二三四五六七八九十'.charAt(i)}协作区`);
      for (const branch of branches) this.b.addOrg(union, 'branch', branch, dateAfter(r, union.createdAt), { zoneId: zone.id });
    });
    return unit.headcount;
  }

  /** A grassroots union named after its employer (`<employer>工会`), the employer it covers, its 分会. */
  private addUnionWithEmployer(
    r: Random,
    parent: OrgRow,
    p: Place,
    name: string,
    section: IndustrySection,
    headcount: number,
    isInstitution: boolean,
  ): number {
    const union = this.unionWithEmployer(r, parent, p, name, section, headcount, isInstitution);
    for (const branch of branchNames(r, section, branchCount(r, headcount)))
      this.b.addOrg(union, 'branch', branch, dateAfter(r, union.createdAt));
    return headcount;
  }

  private unionWithEmployer(
    r: Random,
    parent: OrgRow,
    p: Place,
    name: string,
    section: IndustrySection,
    headcount: number,
    isInstitution: boolean,
  ): OrgRow {
    const createdAt = dateAfter(r, undefined);
    const union = this.b.addOrg(parent, 'grassroots_union', `${name}工会`, createdAt);
    this.b.addEmployer({
      name,
      uscc: this.b.uscc(r, p.district.code, isInstitution),
      headcount,
      industry: section,
      address: address(r, p.district.name, this.streetName(p)),
      street: p.street,
      union,
      createdAt,
    });
    return union;
  }

  private addSmallEmployer(r: Random, p: Place, union: OrgRow | null, section: IndustrySection): void {
    const name = companyName(r, this.b.names, section, p.district.name, true);
    this.b.addEmployer({
      name,
      uscc: this.b.uscc(r, p.district.code, false),
      headcount: union ? headcounts.jointMember(r) : headcounts.uncoveredSmall(r),
      industry: section,
      address: address(r, p.district.name, this.streetName(p)),
      street: p.street,
      union,
      createdAt: dateAfter(r, union?.createdAt),
    });
  }

  private streetName(p: Place): string {
    return p.street.name.replace(/总工会$/, '');
  }

  private findStreet(d: District, name: string): OrgRow | undefined {
    const i = d.streets.findIndex((s) => s.name === name);
    return i < 0 ? undefined : this.streetsByDistrict.get(d.code)?.[i];
  }

  private pickIndex(r: Random, weights: readonly number[]): number {
    return r.weighted(weights.map((w, i) => [i, w] as const));
  }

  /** A street anywhere among the generated districts, bigger districts more likely. */
  private randomPlace(r: Random): Place {
    const district = r.weighted(this.districts.map((d) => [d, d.weight] as const));
    const streets = this.streetsByDistrict.get(district.code) ?? [];
    const i = this.pickIndex(
      r,
      district.streets.map((s) => streetSizeWeight(s.name)),
    );
    return { district, street: streets[i] as OrgRow, isRural: isRuralStreet(district.streets[i]?.name ?? '') };
  }
}

/** The whole demo data set in memory, the same for the same options. */
export function generateDemo(options: GenerateOptions): DemoData {
  if (!(options.scale > 0 && Number.isFinite(options.scale))) throw new Error(`demo scale must be a positive number, got ${options.scale}`);
  const only = options.districts;
  const districts = beijingDistricts().filter((d) => !only || only.includes(d.code));
  if (districts.length === 0) throw new Error('no district selected for the demo data');
  return new DemoGenerator(createRandom(options.seed), options, districts).run();
}
