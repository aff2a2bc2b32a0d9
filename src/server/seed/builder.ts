import type { IndustrySection } from '../../common/employers.js';
import { canSitUnder, type JointType, type OrgKind } from '../../common/orgs.js';
import { USCC_CHARSET, usccCheckChar } from '../../common/uscc.js';
import { pinyinKey } from '../modules/orgs/orgs.pinyin.js';
import { NameBook } from './names.js';
import type { Random } from './random.js';

/** Rows as they go into the tables, ids assigned here so paths can be built without a round trip. */
export type OrgRow = {
  id: number;
  parentId: number | null;
  path: string;
  kind: OrgKind;
  jointType: JointType | null;
  name: string;
  namePinyin: string;
  regionCode: string | null;
  zoneId: number | null;
  childCount: number;
  createdAt: string;
};

export type EmployerRow = {
  id: number;
  name: string;
  uscc: string | null;
  headcount: number;
  industry: IndustrySection;
  address: string | null;
  streetOrgId: number;
  unionOrgId: number | null;
  orgPath: string;
  createdAt: string;
};

export type ZoneRow = { id: number; orgId: number; orgPath: string; name: string; createdAt: string };

export type DemoData = { orgs: OrgRow[]; employers: EmployerRow[]; zones: ZoneRow[] };

const DAY = 86_400_000;
/** Dates fall between the start of online union registration and the seeds' summer of 2023. */
const FIRST_DAY = Date.UTC(2008, 0, 1);
const LAST_DAY = Date.UTC(2023, 5, 30);

const parsedDates = new Map<string, number>();
const dayStrings = new Map<number, string>();

/** A deterministic creation time after `notBefore` (the next day or later), ISO with whole seconds. */
export function dateAfter(random: Random, notBefore: string | undefined): string {
  let from = FIRST_DAY / DAY;
  if (notBefore) {
    let ms = parsedDates.get(notBefore);
    if (ms === undefined) {
      ms = Date.parse(notBefore);
      if (parsedDates.size > 10_000) parsedDates.clear();
      parsedDates.set(notBefore, ms);
    }
    from = Math.max(from, Math.floor(ms / DAY) + 1);
  }
  const dayIndex = from + Math.floor(random.next() * Math.max(1, LAST_DAY / DAY - from));
  let day = dayStrings.get(dayIndex);
  if (day === undefined) {
    day = new Date(dayIndex * DAY).toISOString().slice(0, 10);
    dayStrings.set(dayIndex, day);
  }
  const seconds = random.int(8 * 3600, 18 * 3600);
  const hh = String(Math.floor(seconds / 3600)).padStart(2, '0');
  const mm = String(Math.floor(seconds / 60) % 60).padStart(2, '0');
  const ss = String(seconds % 60).padStart(2, '0');
  return `${day}T${hh}:${mm}:${ss}Z`;
}

/**
 * Accumulates the demo tree and its employers in memory, keeping the invariants the tables state:
 * path = parent path + id, child_count = number of children, allowed parent kinds, unique sibling
 * names, unique USCCs.
 */
export class DemoBuilder {
  readonly orgs: OrgRow[] = [];
  readonly employers: EmployerRow[] = [];
  readonly zones: ZoneRow[] = [];
  readonly names = new NameBook();
  private readonly usccs = new Set<string>();
  private readonly siblings = new Map<number, Set<string>>();

  addOrg(
    parent: OrgRow | null,
    kind: OrgKind,
    name: string,
    createdAt: string,
    extra: { jointType?: JointType; regionCode?: string; zoneId?: number } = {},
  ): OrgRow {
    if (parent ? !canSitUnder(kind, parent.kind) : kind !== 'city_federation') {
      throw new Error(`${kind} ${name} cannot sit under ${parent?.kind ?? 'nothing'}`);
    }
    const parentKey = parent?.id ?? 0;
    const taken = this.siblings.get(parentKey) ?? new Set<string>();
    if (taken.has(name)) throw new Error(`sibling name ${name} used twice under ${parentKey}`);
    taken.add(name);
    this.siblings.set(parentKey, taken);
    const id = this.orgs.length + 1;
    const org: OrgRow = {
      id,
      parentId: parent?.id ?? null,
      path: parent ? `${parent.path}.${id}` : String(id),
      kind,
      jointType: extra.jointType ?? null,
      name,
      namePinyin: pinyinKey(name),
      regionCode: extra.regionCode ?? null,
      zoneId: extra.zoneId ?? null,
      childCount: 0,
      createdAt,
    };
    if (parent) parent.childCount++;
    this.orgs.push(org);
    return org;
  }

  addZone(org: OrgRow, name: string): ZoneRow {
    const zone: ZoneRow = { id: this.zones.length + 1, orgId: org.id, orgPath: org.path, name, createdAt: org.createdAt };
    this.zones.push(zone);
    return zone;
  }

  /** An employer in `street`, covered by `union` when given (org_path follows the rule of 0003_employers). */
  addEmployer(fields: {
    name: string;
    uscc: string | null;
    headcount: number;
    industry: IndustrySection;
    address: string | null;
    street: OrgRow;
    union: OrgRow | null;
    createdAt: string;
  }): EmployerRow {
    if (fields.street.kind !== 'street_federation') throw new Error(`${fields.name} is not located in a street`);
    const employer: EmployerRow = {
      id: this.employers.length + 1,
      name: fields.name,
      uscc: fields.uscc,
      headcount: fields.headcount,
      industry: fields.industry,
      address: fields.address,
      streetOrgId: fields.street.id,
      unionOrgId: fields.union?.id ?? null,
      orgPath: (fields.union ?? fields.street).path,
      createdAt: fields.createdAt,
    };
    this.employers.push(employer);
    return employer;
  }

  /**
   * A new valid unified social credit code: category and type (91 enterprise, 12 public institution),
   * the district's division code, nine random characters and the GB 32100 check character.
   */
  uscc(random: Random, districtCode: string, isInstitution: boolean): string {
    for (;;) {
      let body = (isInstitution ? '12' : '91') + districtCode;
      for (let i = 0; i < 9; i++) body += USCC_CHARSET.charAt(random.int(0, USCC_CHARSET.length - 1));
      const code = body + usccCheckChar(body);
      if (!this.usccs.has(code)) {
        this.usccs.add(code);
        return code;
      }
    }
  }

  data(): DemoData {
    return { orgs: this.orgs, employers: this.employers, zones: this.zones };
  }
}
