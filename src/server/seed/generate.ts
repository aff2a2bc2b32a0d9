import type { IndustrySection } from '../../common/employers.js';
import {
  beijingDistricts,
  cityIndustryUnions,
  DONGCHENG_CODE,
  DONGCHENG_EMPLOYERS_COVERED,
  DONGCHENG_UNIONS,
  isRuralStreet,
  jointSectors,
  namedUnits,
  reportedUnionisation,
  ruralJointSectors,
  streetShortName,
  streetSizeWeight,
  type District,
  type IndustryUnionSpec,
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

type Mix = readonly (readonly [IndustrySection, number])[];
const mix = (weights: Partial<Record<IndustrySection, number>>): Mix => Object.entries(weights) as [IndustrySection, number][];
/** Industries of the units that form their own union, in the city and in the townships. */
const urbanMix = mix({
  A: 0.2,
  B: 0.1,
  C: 4,
  D: 0.5,
  E: 6,
  F: 16,
  G: 7,
  H: 10,
  I: 14,
  J: 5,
  K: 8,
  L: 12,
  M: 8,
  N: 2,
  O: 4,
  P: 2,
  Q: 2,
  R: 4,
  S: 2,
});
const ruralMix = mix({
  A: 10,
  B: 0.5,
  C: 14,
  D: 1,
  E: 10,
  F: 12,
  G: 8,
  H: 8,
  I: 3,
  J: 0.5,
  K: 4,
  L: 5,
  M: 3,
  N: 4,
  O: 4,
  P: 1,
  Q: 1,
  R: 2,
  S: 1,
});
/** Small firms gathered by regional joint unions, or left without a union. */
const smallFirmMix = mix({ C: 3, E: 3, F: 20, G: 5, H: 15, I: 10, K: 4, L: 15, M: 6, O: 12, R: 5, P: 2 });

const clamp = (value: number, min: number, max: number) => Math.min(max, Math.max(min, Math.round(value)));
/** Staff numbers: most units small, some over 100, a few in the thousands. */
const headcounts = {
  grassroots: (r: Random) => clamp(r.logNormal(55, 1.2), 8, 15000),
  industry: (r: Random) => clamp(r.logNormal(380, 0.9), 40, 12000),
  school: (r: Random) => clamp(r.logNormal(80, 0.5), 15, 600),
  healthCentre: (r: Random) => clamp(r.logNormal(120, 0.4), 30, 400),
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

const isPark = (streetName: string) => /(开发区|园区|基地|机场|园)$/.test(streetName);
const START = '2005-01-01T00:00:00Z';

type Place = { district: District; street: OrgRow; streetName: string; isRural: boolean };
type Unit = { name: string; section: IndustrySection; headcount: number; isInstitution: boolean };
type JointUnion = { org: OrgRow; section: IndustrySection | null };

class DemoGenerator {
  private readonly builder = new DemoBuilder();
  private readonly places = new Map<string, Place[]>();

  constructor(
    private readonly root: Random,
    private readonly scale: number,
    private readonly districts: District[],
  ) {}

  run(): DemoData {
    const r = this.root.fork('frame');
    const city = this.builder.addOrg(null, 'city_federation', '北京市总工会', START, { regionCode: '110000' });
    const districtOrgs = this.districts.map((d) =>
      this.builder.addOrg(city, 'district_federation', `${d.name}总工会`, START, { regionCode: d.code }),
    );
    const industryOrgs = cityIndustryUnions.map((u) => this.builder.addOrg(city, 'industry_union', u.name, START));
    this.districts.forEach((district, i) => {
      const places = district.streets.map((s) => ({
        district,
        street: this.builder.addOrg(districtOrgs[i] as OrgRow, 'street_federation', `${s.name}总工会`, dateAfter(r, START), {
          regionCode: s.code,
        }),
        streetName: s.name,
        isRural: isRuralStreet(s.name),
      }));
      this.places.set(district.code, places);
    });
    const educationUnions = districtOrgs.map((parent, i) =>
      this.builder.addOrg(parent, 'industry_union', `${this.districts[i]?.name ?? ''}教育工会`, dateAfter(r, START)),
    );
    this.districts.forEach((d, i) => this.fillDistrict(d, educationUnions[i] as OrgRow));
    cityIndustryUnions.forEach((spec, i) => this.fillIndustryUnion(spec, industryOrgs[i] as OrgRow));
    return this.builder.data();
  }

  /**
   * One district, sized from 东城's reported figures: unions (grassroots + joint) and covered employers
   * scale with the district's weight, and add up exactly — 1793 and 8327 for 东城 at scale 1.
   */
  private fillDistrict(d: District, educationUnion: OrgRow): void {
    const r = this.root.fork(`district:${d.code}`);
    const factor = d.code === DONGCHENG_CODE ? Math.min(this.scale, 1) : this.scale;
    const unionTarget = Math.round(DONGCHENG_UNIONS * d.weight * factor);
    const coveredTarget = Math.round(DONGCHENG_EMPLOYERS_COVERED * d.weight * factor);
    const places = this.places.get(d.code) ?? [];
    const weights = places.map((p) => streetSizeWeight(p.streetName) * (0.6 + 0.8 * r.next()));
    const joints = places.map((p) => this.addJointUnions(r, p));
    const jointCount = joints.reduce((n, list) => n + list.length, 0);

    // Every grassroots union covers its own employer; joint unions cover the rest of the target.
    const named = namedUnits.filter((n) => n.parent === 'street' && n.district === d.code);
    const schools = Math.max(1, Math.round((unionTarget - jointCount) * 0.025));
    const streetGrassroots = Math.max(unionTarget - jointCount - schools, named.length);
    const perStreet = apportion(streetGrassroots - named.length, weights);
    const jointCovered = Math.max(coveredTarget - streetGrassroots - schools, jointCount * 2);
    const jointPerStreet = apportion(jointCovered, weights);

    const coveredHeadcounts: number[] = [];
    places.forEach((p, i) => {
      for (const unit of named.filter((n) => n.street === p.streetName)) coveredHeadcounts.push(this.addNamedUnit(r, unit, p));
      for (let k = 0; k < (perStreet[i] ?? 0); k++) {
        const unit = k === 0 && !isPark(p.streetName) ? this.healthCentre(r, p) : this.company(r, p);
        coveredHeadcounts.push(this.addGrassroots(r, p.street, p, unit));
      }
      const streetJoints = joints[i] ?? [];
      const shares = apportion(
        jointPerStreet[i] ?? 0,
        streetJoints.map((j) => (j.section ? 0.35 : 0.65)),
      );
      streetJoints.forEach((j, n) => {
        for (let k = 0; k < (shares[n] ?? 0); k++) this.addSmallEmployer(r, p, j.org, j.section ?? r.weighted(smallFirmMix));
      });
    });
    for (let k = 0; k < schools; k++) {
      const place = places[r.weighted(weights.map((w, i) => [i, w] as const))] as Place;
      const unit = {
        name: schoolName(r, this.builder.names, d.name),
        section: 'P',
        headcount: headcounts.school(r),
        isInstitution: true,
      } as const;
      coveredHeadcounts.push(this.addGrassroots(r, educationUnion, place, unit));
    }

    // Left without a union: many small firms, and enough units of 100+ staff for a 建会率 of 90–96%.
    const smallRate = 0.08 + 0.07 * r.next();
    places.forEach((p, i) => {
      const count = Math.round(((perStreet[i] ?? 0) + (jointPerStreet[i] ?? 0)) * smallRate);
      for (let k = 0; k < count; k++) this.addSmallEmployer(r, p, null, r.weighted(smallFirmMix));
    });
    const uncoveredShare = 1 - (reportedUnionisation[d.code] ?? 0.9 + 0.06 * r.next());
    const covered100 = coveredHeadcounts.filter((h) => h >= 100).length;
    const large = apportion(Math.round((covered100 * uncoveredShare) / (1 - uncoveredShare)), weights);
    places.forEach((p, i) => {
      for (let k = 0; k < (large[i] ?? 0); k++)
        this.addEmployer(r, p, null, { ...this.company(r, p), headcount: headcounts.uncoveredLarge(r) });
    });
  }

  /** 1–2 joint unions per street: always a regional one, often a sectoral one (崇文门外's couriers, seeds/003). */
  private addJointUnions(r: Random, p: Place): JointUnion[] {
    const regional = this.builder.addOrg(p.street, 'joint_union', `${p.streetName}区域性联合工会`, dateAfter(r, '2012-01-01'), {
      jointType: 'regional',
    });
    const isChongwai = p.streetName === '崇文门外街道';
    if (!isChongwai && !r.chance(0.5)) return [{ org: regional, section: null }];
    const [sector, section] = isChongwai ? (['快递行业', 'G'] as const) : r.pick(p.isRural ? ruralJointSectors : jointSectors);
    const sectoral = this.builder.addOrg(p.street, 'joint_union', `${p.streetName}${sector}联合工会`, dateAfter(r, '2016-01-01'), {
      jointType: 'sectoral',
    });
    return [
      { org: regional, section: null },
      { org: sectoral, section },
    ];
  }

  /** A city industry union's named units and generated ones, located anywhere in the city. */
  private fillIndustryUnion(spec: IndustryUnionSpec, union: OrgRow): void {
    const r = this.root.fork(`industry:${spec.name}`);
    for (const unit of namedUnits.filter((n) => n.parent === spec.name)) {
      // A unit whose district is left out (a partial demo) moves to a street that is there.
      const place = this.places.get(unit.district)?.find((p) => p.streetName === unit.street) ?? this.randomPlace(r);
      this.addNamedUnit(r, unit, place, union);
    }
    const count = Math.round(spec.generated * this.scale);
    for (let k = 0; k < count; k++) {
      const place = this.randomPlace(r);
      const section = r.pick(spec.sections);
      const names = this.builder.names;
      const name =
        section === 'P'
          ? collegeName(r, names)
          : section === 'Q'
            ? hospitalName(r, names, place.district.name)
            : companyName(r, names, section, place.district.name, false);
      this.addGrassroots(r, union, place, {
        name,
        section,
        headcount: headcounts.industry(r),
        isInstitution: section === 'P' || section === 'Q',
      });
    }
  }

  private company(r: Random, p: Place): Unit {
    const section = r.weighted(p.isRural ? ruralMix : urbanMix);
    const name = companyName(r, this.builder.names, section, p.district.name, false);
    return { name, section, headcount: headcounts.grassroots(r), isInstitution: false };
  }

  /** Each street's community health centre (社区卫生服务中心), a public institution. */
  private healthCentre(r: Random, p: Place): Unit {
    const name = this.builder.names.reserve(`北京市${p.district.name}${streetShortName(p.streetName)}社区卫生服务中心`);
    return { name, section: 'Q', headcount: headcounts.healthCentre(r), isInstitution: true };
  }

  /** A unit the newspaper names, with its union and any branches and collaboration zones (协作区). */
  private addNamedUnit(r: Random, named: NamedUnit, place: Place, parent: OrgRow = place.street): number {
    const name = this.builder.names.reserve(named.employer);
    const unit = { name, section: named.industry, headcount: named.headcount, isInstitution: named.isInstitution ?? false };
    const union = this.builder.addOrg(parent, 'grassroots_union', `${name}工会`, dateAfter(r, undefined));
    this.addEmployer(r, place, union, unit);
    for (const branch of named.branches ?? []) this.builder.addOrg(union, 'branch', branch, dateAfter(r, union.createdAt));
    (named.zones ?? []).forEach((branches, i) => {
      const zone = this.builder.addZone(union, `第${'一二三四五六七八九十'.charAt(i)}协作区`);
      for (const branch of branches) this.builder.addOrg(union, 'branch', branch, dateAfter(r, union.createdAt), { zoneId: zone.id });
    });
    return named.headcount;
  }

  /** A grassroots union named after its employer (`<employer>工会`), the employer it covers, its 分会. */
  private addGrassroots(r: Random, parent: OrgRow, place: Place, unit: Unit): number {
    const union = this.builder.addOrg(parent, 'grassroots_union', `${unit.name}工会`, dateAfter(r, undefined));
    this.addEmployer(r, place, union, unit);
    for (const branch of branchNames(r, unit.section, branchCount(r, unit.headcount))) {
      this.builder.addOrg(union, 'branch', branch, dateAfter(r, union.createdAt));
    }
    return unit.headcount;
  }

  private addSmallEmployer(r: Random, p: Place, union: OrgRow | null, section: IndustrySection): void {
    const name = companyName(r, this.builder.names, section, p.district.name, true);
    const headcount = union ? headcounts.jointMember(r) : headcounts.uncoveredSmall(r);
    this.addEmployer(r, p, union, { name, section, headcount, isInstitution: false });
  }

  private addEmployer(r: Random, p: Place, union: OrgRow | null, unit: Unit): void {
    this.builder.addEmployer({
      name: unit.name,
      uscc: this.builder.uscc(r, p.district.code, unit.isInstitution),
      headcount: unit.headcount,
      industry: unit.section,
      address: address(r, p.district.name, p.streetName),
      street: p.street,
      union,
      // A unit that formed its own union is recorded with it; members of joint unions joined later.
      createdAt: union?.kind === 'grassroots_union' ? union.createdAt : dateAfter(r, union?.createdAt),
    });
  }

  /** A street anywhere among the generated districts, bigger districts and streets more likely. */
  private randomPlace(r: Random): Place {
    const district = r.weighted(this.districts.map((d) => [d, d.weight] as const));
    const places = this.places.get(district.code) ?? [];
    return r.weighted(places.map((p) => [p, streetSizeWeight(p.streetName)] as const));
  }
}

/** The whole demo data set in memory, the same for the same options. */
export function generateDemo(options: GenerateOptions): DemoData {
  if (!(options.scale > 0 && Number.isFinite(options.scale))) throw new Error(`demo scale must be a positive number, got ${options.scale}`);
  const only = options.districts;
  const districts = beijingDistricts().filter((d) => !only || only.includes(d.code));
  if (districts.length === 0) throw new Error('no district selected for the demo data');
  return new DemoGenerator(createRandom(options.seed), options.scale, districts).run();
}
