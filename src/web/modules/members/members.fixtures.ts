import type { Member } from '../../../common/members.js';

/** A delivery rider of a 东城 union, as the member list answers one; fields overridable. */
export function buildMember(overrides: Partial<Member> = {}): Member {
  return {
    id: 123,
    name: '王骑手',
    idNumberMasked: '110101********1234',
    phoneMasked: null,
    gender: 'male',
    birthDate: '1990-01-01',
    employerId: null,
    employerName: null,
    employmentForm: 'delivery_rider',
    status: 'member',
    orgId: 5,
    orgName: '东城区快递行业工会',
    joinDate: '2026-06-01',
    cardNo: null,
    cardStatus: 'none',
    secondaryOrgs: [],
    version: 1,
    ...overrides,
  };
}
